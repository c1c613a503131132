//! Compiling an alias into a searchable pattern with its case rules.
//!
//! The automaton matches ASCII-case-insensitively; each pattern then carries per-word checks
//! that a match must pass:
//!
//! - **Exact**: acronym-like words (a capital after the first letter, a digit, or a single
//!   capital letter: "IS", "PKK", "LeT", "M23", "U.S.") must match byte for byte.
//! - **ExactOrTitle**: all-caps words of 4+ letters may also appear in Title case
//!   ("Isis", "Farc", "Nato"), as some style guides write them.
//! - **Capital**: other capitalised words of a multi-word alias must start with a capital in
//!   the text, unless they are particles ("al", "of", "the", ...) or descriptors
//!   (`data/descriptors.txt`: "group", "cartel", "army", ...). One-word names ("Taliban",
//!   "Hamas") match in any case.
//!
//! An alias written with a leading `=` in a data file is matched exactly as written; one
//! written with a leading `+` (before any `=`) also needs party context (see the README).

use crate::norm::{is_word_char, normalize};
use std::collections::HashSet;

/// Function words never required to be capitalised inside a name.
const PARTICLES: &[&str] = &[
    "al", "el", "ul", "ud", "ur", "ut", "e", "i", "a", "of", "the", "and", "in", "for", "on", "to", "de", "del",
    "della", "la", "le", "les", "los", "las", "da", "das", "do", "dos", "du", "wa", "wal", "lil", "lid", "li", "bin",
    "ibn", "y", "ash", "as", "ad", "an", "ar", "at", "az", "fi", "et", "en",
];

/// How one word of a pattern must appear in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Req {
    /// Byte for byte.
    Exact,
    /// Byte for byte, or in Title case.
    ExactOrTitle,
    /// First letter uppercase.
    Capital,
}

/// One checked word: byte offset and length in the pattern, and its rule.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Check {
    pub off: u16,
    pub len: u16,
    pub req: Req,
}

/// A compiled alias.
#[derive(Clone, Debug)]
pub(crate) struct Pattern {
    /// Normalised alias text (what the automaton searches).
    pub text: String,
    /// The actor.
    pub actor: crate::ActorId,
    /// Index of the country a state pattern names.
    pub country: Option<u16>,
    /// Word checks.
    pub checks: Vec<Check>,
    /// A single acronym ("IS", "PKK"): rejected inside all-caps text.
    pub bare_acronym: bool,
    /// Rejected when capitalised right after another capitalised word (see `generic.tsv`).
    pub name_part: bool,
    /// Needs party context (a `+` alias): a party-context word after it, or a party name
    /// joined to it ("SAD-BJP"); see `Registry::check_context`.
    pub context: bool,
    /// Whether the first/last characters are word characters (need a boundary there).
    pub word_start: bool,
    /// See `word_start`.
    pub word_end: bool,
    /// Lower wins among equal spans: 0 groups, 1 state, 2 generic.
    pub rank: u8,
}

/// True for tokens matched byte for byte: a capital after the first letter, a digit, or a
/// lone capital letter.
fn acronym_like(tok: &str) -> bool {
    let letters: Vec<char> = tok.chars().filter(|c| c.is_alphabetic()).collect();
    let has_digit = tok.chars().any(|c| c.is_ascii_digit());
    let upper_later = letters.iter().skip(1).any(|c| c.is_uppercase());
    let lone_capital = letters.len() == 1 && letters.iter().all(|c| c.is_uppercase());
    has_digit || upper_later || lone_capital
}

/// Compile an alias. Returns `None` for an alias that normalises to nothing.
pub(crate) fn compile(alias: &str, actor: crate::ActorId, rank: u8, descriptors: &HashSet<String>) -> Option<Pattern> {
    let (forced, alias) = match alias.strip_prefix('=') {
        Some(a) => (true, a),
        None => (false, alias),
    };
    let text = normalize(alias.trim()).text;
    if text.is_empty() || text.len() > u16::MAX as usize {
        return None;
    }
    let mut checks = Vec::new();
    let mut off = 0usize;
    let tokens: Vec<&str> = text.split([' ', '\n']).collect();
    let single = tokens.len() == 1;
    for tok in &tokens {
        let req = if forced {
            Some(Req::Exact)
        } else if acronym_like(tok) {
            let letters: Vec<char> = tok.chars().filter(|c| c.is_alphabetic()).collect();
            let all_caps = letters.iter().all(|c| c.is_uppercase());
            let plain = tok.chars().all(|c| c.is_ascii_alphabetic());
            Some(if all_caps && plain && letters.len() >= 4 { Req::ExactOrTitle } else { Req::Exact })
        } else if tok.chars().next().is_some_and(char::is_uppercase) && !single {
            let low = tok.to_lowercase();
            let bare = low.trim_matches(|c: char| !c.is_alphanumeric());
            if PARTICLES.contains(&bare) || descriptors.contains(bare) {
                None
            } else {
                Some(Req::Capital)
            }
        } else {
            None
        };
        if let Some(req) = req {
            checks.push(Check { off: off as u16, len: tok.len() as u16, req });
        }
        off += tok.len() + 1;
    }
    let bare_acronym = single && checks.iter().any(|c| c.req != Req::Capital);
    Some(Pattern {
        word_start: text.chars().next().is_some_and(is_word_char),
        word_end: text.chars().next_back().is_some_and(is_word_char),
        text,
        actor,
        country: None,
        checks,
        bare_acronym,
        name_part: false,
        context: false,
        rank,
    })
}

impl Pattern {
    /// Whether `found` (the text bytes the automaton matched, same length as the pattern)
    /// satisfies the word checks.
    pub fn accepts(&self, found: &str) -> bool {
        self.checks.iter().all(|c| {
            let (a, b) = (c.off as usize, c.off as usize + c.len as usize);
            let (Some(p), Some(t)) = (self.text.get(a..b), found.get(a..b)) else {
                return false;
            };
            match c.req {
                Req::Exact => p == t,
                Req::ExactOrTitle => p == t || is_title_of(t, p),
                Req::Capital => t.chars().next().is_some_and(char::is_uppercase),
            }
        })
    }

    /// The exact-case tokens of this pattern (for the all-caps context test).
    pub fn exact_tokens(&self) -> impl Iterator<Item = &str> {
        self.checks
            .iter()
            .filter(|c| c.req != Req::Capital)
            .filter_map(|c| self.text.get(c.off as usize..c.off as usize + c.len as usize))
    }
}

/// `t` is `p` (all caps) written in Title case: "Isis" for "ISIS".
fn is_title_of(t: &str, p: &str) -> bool {
    let mut tc = t.chars();
    let mut pc = p.chars();
    match (tc.next(), pc.next()) {
        (Some(a), Some(b)) if a == b => tc.eq(pc.flat_map(char::to_lowercase)),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(a: &str) -> Pattern {
        compile(a, 0, 0, &["group".to_string()].into_iter().collect()).expect("compiles")
    }

    #[test]
    fn case_rules() {
        let is = c("IS");
        assert!(is.bare_acronym);
        assert!(is.accepts("IS") && !is.accepts("Is") && !is.accepts("is"));
        let isis = c("ISIS");
        assert!(isis.accepts("Isis") && !isis.accepts("isis") && !isis.accepts("IsIS"));
        let st = c("Islamic State group");
        assert!(st.accepts("Islamic State Group") && !st.accepts("Islamic state group"));
        let tal = c("Taliban");
        assert!(tal.accepts("taliban") && !tal.bare_acronym);
        let let_ = c("LeT");
        assert!(let_.accepts("LeT") && !let_.accepts("LET") && !let_.accepts("let"));
        let shab = c("al-Shabab");
        assert!(shab.accepts("Al Shabab") && shab.accepts("al Shabab") && !shab.accepts("al shabab"));
        let us = c("US troops");
        assert!(us.accepts("US TROOPS") && !us.accepts("us troops"));
    }
}
