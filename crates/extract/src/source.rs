//! Who gave a figure: "according to X", "X said", "said X", "X claimed on Twitter".

use crate::lexicon::Lexicon;
use sitrep_recognize::numbers::Tokens;
use std::ops::Range;

/// Tokens that end a source phrase.
const SOURCE_STOP: &[&str] = &[",", ".", ";", ":", "that", "who", "which", "on", "in", "after", "when", "as", "\"", "“", "”", "(", ")", "–", "—", "while", "and", "but", "adding", "citing", "quoting", "told"];

/// Pronouns that point back to an earlier source.
const PRONOUNS: &[&str] = &["it", "he", "she", "they", "we", "i", "you"];

/// Words that may stand between a source and its verb ("X also said", "X later told").
const VERB_ADVERBS: &[&str] = &["also", "later", "earlier", "had", "has", "have", "previously", "further", "then", "separately", "initially", "officially"];

/// A source found in a sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    /// A named or described source.
    Named(String),
    /// A pronoun ("it said"): the caller resolves it to an earlier source.
    Pronoun,
}

fn phrase(t: &Tokens, r: Range<usize>) -> Option<String> {
    if r.is_empty() {
        return None;
    }
    let s = t.span(r).slice(t.text).trim().trim_end_matches(['.', ',']).to_string();
    (!s.is_empty()).then_some(s)
}

/// Find the source of the sentence with tokens `range`.
pub fn sentence_source(t: &Tokens, lex: &Lexicon, range: Range<usize>) -> Option<Source> {
    let (s, e) = (range.start, range.end);
    // "according to X"
    for i in s..e {
        if t.low(i) == "according" && t.low(i + 1) == "to" {
            let a = i + 2;
            let mut b = a;
            while b < e && b < a + 10 && !SOURCE_STOP.contains(&t.low(b)) {
                b += 1;
            }
            // "according to a statement by the army" — keep the whole phrase.
            if t.low(b) == "in" || t.low(b) == "on" {
                // stop there
            }
            if let Some(p) = phrase(t, a..b) {
                return Some(if PRONOUNS.contains(&p.to_lowercase().as_str()) { Source::Pronoun } else { Source::Named(p) });
            }
        }
    }
    for v in s..e {
        if !lex.speech.contains(t.low(v)) {
            continue;
        }
        // "X said": subject before the verb.
        let mut k = v;
        while k > s && VERB_ADVERBS.contains(&t.low(k - 1)) {
            k -= 1;
        }
        let sub_end = k;
        let mut a = sub_end;
        while a > s && sub_end - a < 10 && !SOURCE_STOP.contains(&t.low(a - 1)) {
            a -= 1;
        }
        if a < sub_end {
            let text = phrase(t, a..sub_end);
            if let Some(p) = text {
                if PRONOUNS.contains(&p.to_lowercase().as_str()) {
                    return Some(Source::Pronoun);
                }
                // A subject must be a noun phrase, not the tail of a clause ("were killed said").
                if !(a..sub_end).any(|x| lex.predicate_at(t, x).is_some()) {
                    return Some(Source::Named(p));
                }
            }
        }
        // ", said X" (inverted).
        if v > s && matches!(t.low(v - 1), "," | "\"" | "”" | "'") {
            let a = v + 1;
            let mut b = a;
            while b < e && b < a + 10 && !SOURCE_STOP.contains(&t.low(b)) {
                b += 1;
            }
            if let Some(p) = phrase(t, a..b) {
                return Some(if PRONOUNS.contains(&p.to_lowercase().as_str()) { Source::Pronoun } else { Source::Named(p) });
            }
        }
    }
    None
}
