//! Word vectors of reports, compared to tell whether two reports tell the same story.
//!
//! A report's vector counts its words (lower-cased, letters only, three letters or more, no
//! function words from `data/stopwords.txt`), outside the scraped noise that `clean` marked.
//! Two vectors are compared by the cosine of their TF-IDF weights, `(1 + ln tf) ·
//! ln((N + 1) / (df + 0.5))`, where `N` and `df` are the store's document count and each
//! word's document frequency at the time of the comparison: words every report uses (police,
//! killed, attack) weigh little, names of victims, streets and suspects weigh a lot.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use sitrep_model::Span;

/// At most this many distinct words are kept per report (the most frequent).
pub const MAX_TERMS: usize = 300;

/// A report's word counts, most frequent first (ties alphabetical).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TermVector {
    /// `(word, count)`, most frequent first.
    pub terms: Vec<(String, u32)>,
}

fn stopwords() -> &'static HashSet<&'static str> {
    static STOP: OnceLock<HashSet<&'static str>> = OnceLock::new();
    STOP.get_or_init(|| {
        sitrep_model::table::entries(include_str!("../data/stopwords.txt"))
            .flat_map(str::split_whitespace)
            .collect()
    })
}

impl TermVector {
    /// The vector of `text`, leaving out the byte ranges in `noise`.
    pub fn from_text(text: &str, noise: &[Span]) -> Self {
        let mut noise: Vec<Span> = noise.to_vec();
        noise.sort_unstable();
        let mut counts: HashMap<String, u32> = HashMap::new();
        let mut word = String::new();
        let mut next_noise = 0;
        let mut flush = |word: &mut String| {
            if word.chars().count() >= 3 && !stopwords().contains(word.as_str()) {
                *counts.entry(std::mem::take(word)).or_insert(0) += 1;
            }
            word.clear();
        };
        for (at, c) in text.char_indices() {
            while next_noise < noise.len() && noise[next_noise].end <= at {
                next_noise += 1;
            }
            let in_noise = noise
                .get(next_noise)
                .is_some_and(|s| s.start <= at && at < s.end);
            if !in_noise && c.is_alphabetic() {
                word.extend(c.to_lowercase());
            } else if !in_noise && (c == '\'' || c == '’' || c == '-') && !word.is_empty() {
                // "O'Neal", "al-Bab": the word goes on; a trailing mark is trimmed below.
                word.push(c);
            } else {
                trim_marks(&mut word);
                flush(&mut word);
            }
        }
        trim_marks(&mut word);
        flush(&mut word);
        let mut terms: Vec<(String, u32)> = counts.into_iter().collect();
        terms.sort_unstable_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        terms.truncate(MAX_TERMS);
        TermVector { terms }
    }

    /// The stored form: `word count` pairs separated by single spaces.
    pub fn encode(&self) -> String {
        let mut out = String::new();
        for (term, count) in &self.terms {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(term);
            out.push(' ');
            out.push_str(&count.to_string());
        }
        out
    }

    /// Read the stored form back; malformed pairs are skipped.
    pub fn decode(stored: &str) -> Self {
        TermVector {
            terms: pairs(stored).map(|(t, c)| (t.to_string(), c)).collect(),
        }
    }

    /// The words with their TF-IDF weights, normalised to unit length. `df` gives each word's
    /// document frequency, `n` is the number of documents.
    pub fn weights(&self, n: u64, mut df: impl FnMut(&str) -> u64) -> HashMap<&str, f64> {
        let mut weights: HashMap<&str, f64> = self
            .terms
            .iter()
            .map(|(term, tf)| (term.as_str(), weight(*tf, n, df(term))))
            .collect();
        let norm = weights.values().map(|w| w * w).sum::<f64>().sqrt();
        if norm > 0.0 {
            for w in weights.values_mut() {
                *w /= norm;
            }
        }
        weights
    }
}

/// The `(word, count)` pairs of a stored vector (see [`TermVector::encode`]), without
/// allocating; malformed pairs are skipped.
pub fn pairs(stored: &str) -> impl Iterator<Item = (&str, u32)> {
    let mut parts = stored.split(' ');
    std::iter::from_fn(move || loop {
        let (term, count) = (parts.next()?, parts.next()?);
        if let Ok(count) = count.parse::<u32>() {
            if !term.is_empty() {
                return Some((term, count));
            }
        }
    })
}

/// TF-IDF weight of a word seen `tf` times in a report and in `df` of `n` reports.
pub fn weight(tf: u32, n: u64, df: u64) -> f64 {
    let tf = 1.0 + f64::from(tf.max(1)).ln();
    let idf = ((n as f64 + 1.0) / (df as f64 + 0.5)).ln().max(0.0);
    tf * idf
}

/// Cosine of two unit-length weight maps.
pub fn cosine(a: &HashMap<&str, f64>, b: &HashMap<&str, f64>) -> f64 {
    let (small, large) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    small
        .iter()
        .filter_map(|(term, w)| large.get(term).map(|v| w * v))
        .sum()
}

fn trim_marks(word: &mut String) {
    while word.ends_with(['\'', '’', '-']) {
        word.pop();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_words_outside_noise() {
        let text =
            "Gunmen killed Ahmed O'Neal in al-Bab. Share this story! Ahmed's family mourned.";
        let noise_start = text.find("Share").unwrap();
        let noise = [Span::new(
            noise_start,
            noise_start + "Share this story!".len(),
        )];
        let v = TermVector::from_text(text, &noise);
        let get = |w: &str| v.terms.iter().find(|(t, _)| t == w).map(|(_, c)| *c);
        assert_eq!(get("ahmed"), Some(1));
        assert_eq!(get("ahmed's"), Some(1));
        assert_eq!(get("o'neal"), Some(1));
        assert_eq!(get("al-bab"), Some(1));
        assert_eq!(get("share"), None, "noise is left out");
        assert_eq!(get("in"), None, "short words are left out");
        assert_eq!(get("this"), None, "function words are left out");
        assert_eq!(v.terms[0].1, 1);
    }

    #[test]
    fn encode_round_trips() {
        let v = TermVector::from_text("Sirte Sirte Misrata fighters", &[]);
        assert_eq!(v.encode(), "sirte 2 fighters 1 misrata 1");
        assert_eq!(TermVector::decode(&v.encode()), v);
        assert_eq!(
            TermVector::decode("a 1 b x c"),
            TermVector {
                terms: vec![("a".into(), 1)]
            }
        );
    }

    #[test]
    fn rare_shared_words_make_reports_similar() {
        let a = TermVector::from_text(
            "Gunmen attacked the Kalabo market; Musa Tembo was killed.",
            &[],
        );
        let b = TermVector::from_text("Musa Tembo died when gunmen attacked Kalabo.", &[]);
        let c = TermVector::from_text("Gunmen attacked a convoy near the river crossing.", &[]);
        // Ten documents; "gunmen" and "attacked" are in all of them, the names in two.
        let df = |t: &str| {
            if t == "gunmen" || t == "attacked" {
                10
            } else {
                2
            }
        };
        let (wa, wb, wc) = (a.weights(10, df), b.weights(10, df), c.weights(10, df));
        assert!(cosine(&wa, &wb) > 0.5, "{}", cosine(&wa, &wb));
        assert!(cosine(&wa, &wc) < 0.05, "{}", cosine(&wa, &wc));
        assert!((cosine(&wa, &wa) - 1.0).abs() < 1e-9);
    }
}
