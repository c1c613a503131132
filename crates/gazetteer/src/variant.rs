//! Spelling variants that [`normalize()`](crate::normalize()) does not bring together:
//! transliterations of one name that differ by a vowel or a silent letter ("Gereshq" /
//! "Gereshk", "Sheikhupra" / "Shekhupura", "Mazar-i-Sharief" / "Mazār-e Sharīf").
//!
//! Two steps, both general rules (no place list):
//!
//! 1. [`fold`] a normalised key further: spaces dropped, `y` → `i`, every `h` but a first
//!    one dropped (so `kh` = `k`, `dh` = `d`, `Bhogra` = `Bogra`), `q` and `c` → `k`, `w` → `v`,
//!    `ou` → `u`, `ee` → `i`, `oo` → `u`, doubled letters collapsed.
//! 2. The [`skeleton`] of a folded key: its first letter (any vowel as `a`), then its
//!    consonants, repeats collapsed. Names that share a skeleton are compared by edit
//!    distance on their folded keys; `Gazetteer::variants` keeps those within
//!    [`allowed_edits`].
//!
//! A variant is weak evidence: the caller decides whether the report's other places make
//! it likely (the resolve stage accepts one only in the report's own country).

use crate::PlaceId;

/// Fold a normalised key (see the module docs).
///
/// ```
/// use sitrep_gazetteer::variant::fold;
/// assert_eq!(fold("gereshq"), "geresk");
/// assert_eq!(fold("mazar sharif"), "mazarsarif");
/// assert_eq!(fold("shekhupura"), "sekupura");
/// ```
pub fn fold(key: &str) -> String {
    let mut out = String::with_capacity(key.len());
    let mut first = true;
    for c in key.chars().filter(|c| !c.is_whitespace()) {
        let c = match c {
            'y' => 'i',
            'q' | 'c' => 'k',
            'w' => 'v',
            'h' if !first => continue,
            c => c,
        };
        first = false;
        // "ou" → "u", "ee" → "i", "oo" → "u"; then doubled letters collapse.
        let c = match (out.chars().last(), c) {
            (Some('o'), 'u') | (Some('o'), 'o') => {
                out.pop();
                'u'
            }
            (Some('e'), 'e') => {
                out.pop();
                'i'
            }
            _ => c,
        };
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    out
}

/// The consonant skeleton of a folded key (see the module docs).
///
/// ```
/// use sitrep_gazetteer::variant::{fold, skeleton};
/// assert_eq!(skeleton(&fold("sheikhupra")), skeleton(&fold("shekhupura")));
/// assert_eq!(skeleton(&fold("ghazni")), "gzn");
/// ```
pub fn skeleton(folded: &str) -> String {
    let vowel = |c: char| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u');
    let mut out = String::with_capacity(folded.len());
    for (i, c) in folded.chars().enumerate() {
        let c = if i == 0 && vowel(c) {
            'a'
        } else if vowel(c) {
            continue;
        } else {
            c
        };
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    out
}

/// Edits allowed between two folded keys, by the shorter one's length in characters:
/// none under five, one up to six, two up to ten, three beyond.
pub fn allowed_edits(len: usize) -> usize {
    match len {
        0..=4 => 0,
        5..=6 => 1,
        7..=10 => 2,
        _ => 3,
    }
}

/// Levenshtein distance between `a` and `b` (characters), or `None` once it exceeds `max`.
pub fn distance(a: &str, b: &str, max: usize) -> Option<usize> {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, &ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        let mut row_min = cur[0];
        for (j, &cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != cb);
            cur[j + 1] = sub.min(prev[j + 1] + 1).min(cur[j] + 1);
            row_min = row_min.min(cur[j + 1]);
        }
        if row_min > max {
            return None;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    let d = prev[b.len()];
    (d <= max).then_some(d)
}

/// Folded names of towns and regions, sorted by skeleton.
#[derive(Default)]
pub(crate) struct VariantIndex {
    /// `(skeleton, folded name, place)`, sorted and without duplicates once
    /// [`VariantIndex::finish`] has run.
    rows: Vec<(Box<str>, Box<str>, PlaceId)>,
}

impl VariantIndex {
    /// Add one normalised name of a place.
    pub fn add(&mut self, key: &str, place: PlaceId) {
        let folded = fold(key);
        if folded.chars().count() < 5 {
            return;
        }
        self.rows.push((skeleton(&folded).into(), folded.into(), place));
    }

    /// Sort and deduplicate once every name is in.
    pub fn finish(&mut self) {
        self.rows.sort_unstable();
        self.rows.dedup();
        self.rows.shrink_to_fit();
    }

    /// Places one of whose names is a variant of the normalised `key`: same skeleton, within
    /// [`allowed_edits`]. Each place once, with its smallest distance, nearest first.
    pub fn find(&self, key: &str) -> Vec<(PlaceId, usize)> {
        let folded = fold(key);
        let len = folded.chars().count();
        let skel = skeleton(&folded);
        let start = self.rows.partition_point(|r| *r.0 < *skel);
        let mut out: Vec<(PlaceId, usize)> = Vec::new();
        for (_, name, place) in self.rows[start..].iter().take_while(|r| *r.0 == *skel) {
            let max = allowed_edits(len.min(name.chars().count()));
            if let Some(d) = distance(&folded, name, max) {
                match out.iter_mut().find(|(p, _)| p == place) {
                    Some((_, e)) => *e = (*e).min(d),
                    None => out.push((*place, d)),
                }
            }
        }
        out.sort_by_key(|&(p, d)| (d, p));
        out
    }

    /// Rough heap size in bytes.
    pub fn heap_bytes(&self) -> usize {
        self.rows.capacity() * std::mem::size_of::<(Box<str>, Box<str>, PlaceId)>()
            + self.rows.iter().map(|(s, f, _)| s.len() + f.len()).sum::<usize>()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transliterations_meet() {
        for (a, b) in [("gereshq", "gereshk"), ("sheikhupra", "shekhupura"), ("mazar i sharief", "mazar e sharif"), ("lashkargah", "lashkar gah")] {
            let (fa, fb) = (fold(a), fold(b));
            assert_eq!(skeleton(&fa), skeleton(&fb), "{a} / {b}");
            let max = allowed_edits(fa.chars().count().min(fb.chars().count()));
            assert!(distance(&fa, &fb, max).is_some(), "{a} / {b}");
        }
    }

    #[test]
    fn different_names_stay_apart() {
        // Same skeleton, too many edits for their length.
        let (fa, fb) = (fold("moran"), fold("marin"));
        assert_eq!(skeleton(&fa), skeleton(&fb));
        assert!(distance(&fa, &fb, allowed_edits(5)).is_none());
        // Short names are never varied.
        assert_eq!(allowed_edits(fold("bara").len()), 0);
    }

    #[test]
    fn distance_is_levenshtein() {
        assert_eq!(distance("kitten", "sitting", 5), Some(3));
        assert_eq!(distance("kitten", "sitting", 2), None);
        assert_eq!(distance("", "abc", 3), Some(3));
    }

    #[test]
    fn index_finds_nearest_first() {
        let mut ix = VariantIndex::default();
        ix.add("jalalabad", 1);
        ix.add("jalalabat", 2);
        ix.add("kabul", 3);
        let hits = ix.find("jalalabed");
        assert_eq!(hits.first(), Some(&(1, 1)));
        assert!(hits.iter().all(|&(p, _)| p != 3));
    }
}
