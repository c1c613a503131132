//! Word lists from `data/`: abbreviations, sentence openers, line continuers. Parsed once.

use std::collections::HashSet;
use std::sync::LazyLock;

const ABBREVIATIONS: &str = include_str!("../data/abbreviations.txt");
const OPENERS: &str = include_str!("../data/openers.txt");
const CONTINUERS: &str = include_str!("../data/continuers.txt");

/// How an abbreviation behaves before a sentence boundary.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Abbrev {
    /// Never ends a sentence ("Gen.", "Jan.").
    Never,
    /// Ends a sentence only before a typical opener ("a.m.", "U.S.").
    Ambiguous,
}

/// The parsed lists.
pub(crate) struct Lexicon {
    never: HashSet<&'static str>,
    ambiguous: HashSet<&'static str>,
    openers: HashSet<&'static str>,
    continuers: HashSet<&'static str>,
}

use sitrep_model::table::entries;

pub(crate) static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let mut never = HashSet::new();
    let mut ambiguous = HashSet::new();
    for e in entries(ABBREVIATIONS) {
        match e.strip_prefix('~') {
            Some(a) => ambiguous.insert(a),
            None => never.insert(e),
        };
    }
    Lexicon { never, ambiguous, openers: entries(OPENERS).collect(), continuers: entries(CONTINUERS).collect() }
});

impl Lexicon {
    /// How `s` (an abbreviation with its final period, e.g. "Gen.") behaves, if listed.
    pub(crate) fn abbrev(&self, s: &str) -> Option<Abbrev> {
        if self.never.contains(s) {
            Some(Abbrev::Never)
        } else if self.ambiguous.contains(s) {
            Some(Abbrev::Ambiguous)
        } else {
            None
        }
    }

    /// True when `w` typically opens a sentence ("The", "Police").
    pub(crate) fn is_opener(&self, w: &str) -> bool {
        self.openers.contains(w)
    }

    /// True when a line ending with `w` cannot end a sentence ("to", "the").
    pub(crate) fn is_continuer(&self, w: &str) -> bool {
        self.continuers.contains(w)
    }

    /// Number of entries in each list (for tests).
    #[cfg(test)]
    pub(crate) fn sizes(&self) -> (usize, usize, usize, usize) {
        (self.never.len(), self.ambiguous.len(), self.openers.len(), self.continuers.len())
    }
}
