//! The cue and label tables (`data/cues.tsv`, `data/labels.tsv`), parsed once.

use crate::NoiseKind;
use aho_corasick::{AhoCorasick, AhoCorasickKind};
use std::collections::HashMap;
use std::sync::LazyLock;

const CUES_TSV: &str = include_str!("../data/cues.tsv");
const LABELS_TSV: &str = include_str!("../data/labels.tsv");

/// What a cue hit means (see `data/cues.tsv`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CueClass {
    Strong,
    Soft,
    Lead,
    Credit,
    Paren,
    Weak,
    Pictured,
    Video,
    Casualty,
}

impl CueClass {
    fn parse(s: &str) -> Option<CueClass> {
        Some(match s {
            "strong" => CueClass::Strong,
            "soft" => CueClass::Soft,
            "lead" => CueClass::Lead,
            "credit" => CueClass::Credit,
            "paren" => CueClass::Paren,
            "weak" => CueClass::Weak,
            "pictured" => CueClass::Pictured,
            "video" => CueClass::Video,
            "casualty" => CueClass::Casualty,
            _ => return None,
        })
    }
}

/// The cue automaton: one case-insensitive Aho-Corasick over every pattern.
pub(crate) struct Cues {
    /// `None` only if the automaton could not be built (it always can; no panic path).
    pub(crate) ac: Option<AhoCorasick>,
    /// Class of each pattern, by pattern id.
    pub(crate) classes: Vec<CueClass>,
    /// Pattern text, by pattern id.
    pub(crate) patterns: Vec<&'static str>,
    /// Lines of the data file that did not parse (checked by a test).
    #[cfg_attr(not(test), allow(dead_code))]
    pub(crate) bad_lines: Vec<&'static str>,
}

pub(crate) static CUES: LazyLock<Cues> = LazyLock::new(|| {
    let mut classes = Vec::new();
    let mut patterns = Vec::new();
    let mut bad_lines = Vec::new();
    for line in CUES_TSV.lines() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        match line.split_once('\t') {
            Some((class, pat)) if !pat.is_empty() => match CueClass::parse(class) {
                Some(c) => {
                    classes.push(c);
                    patterns.push(pat);
                }
                None => bad_lines.push(line),
            },
            _ => bad_lines.push(line),
        }
    }
    // A full DFA: a few hundred KB, built once, and the fastest overlapping search.
    let ac = AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .kind(Some(AhoCorasickKind::DFA))
        .build(&patterns)
        .or_else(|_| AhoCorasick::builder().ascii_case_insensitive(true).build(&patterns))
        .ok();
    Cues { ac, classes, patterns, bad_lines }
});

/// One furniture / share-button label.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Label {
    /// Kind when the label is the whole line.
    pub(crate) line: NoiseKind,
    /// Kind when the label prefixes a line ("Related: ..."); `None` when not allowed.
    pub(crate) prefix: Option<NoiseKind>,
    /// May start a line followed by a space only.
    pub(crate) lead: bool,
    /// Introduces a list of links.
    pub(crate) list: bool,
}

/// The label table.
pub(crate) struct Labels {
    pub(crate) map: HashMap<&'static str, Label>,
    /// Labels usable as a bare lead ("Related Coverage Teen shot ...").
    pub(crate) leads: Vec<(&'static str, Label)>,
    /// Longest label, in bytes.
    pub(crate) max_len: usize,
    /// Lines of the data file that did not parse (checked by a test).
    #[cfg_attr(not(test), allow(dead_code))]
    pub(crate) bad_lines: Vec<&'static str>,
}

fn parse_kind(s: &str) -> Option<NoiseKind> {
    Some(match s {
        "furniture" => NoiseKind::Furniture,
        "boilerplate" => NoiseKind::Boilerplate,
        "video" => NoiseKind::VideoCredit,
        "navigation" => NoiseKind::Navigation,
        "caption" => NoiseKind::Caption,
        "image" => NoiseKind::ImageFile,
        _ => return None,
    })
}

fn parse_label(line: &'static str) -> Option<(&'static str, Label)> {
    let mut cols = line.split('\t');
    let label = cols.next()?;
    let line_kind = parse_kind(cols.next()?)?;
    let prefix = match cols.next()? {
        "-" => None,
        k => Some(parse_kind(k)?),
    };
    let lead = match cols.next()? {
        "yes" => true,
        "no" => false,
        _ => return None,
    };
    let list = match cols.next()? {
        "yes" => true,
        "no" => false,
        _ => return None,
    };
    if label.is_empty() || cols.next().is_some() || label.bytes().any(|b| b.is_ascii_uppercase()) {
        return None;
    }
    Some((label, Label { line: line_kind, prefix, lead, list }))
}

pub(crate) static LABELS: LazyLock<Labels> = LazyLock::new(|| {
    let mut map = HashMap::new();
    let mut leads = Vec::new();
    let mut bad_lines = Vec::new();
    let mut max_len = 0;
    for line in LABELS_TSV.lines() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        match parse_label(line) {
            Some((text, label)) => {
                max_len = max_len.max(text.len());
                if label.lead {
                    leads.push((text, label));
                }
                map.insert(text, label);
            }
            None => bad_lines.push(line),
        }
    }
    Labels { map, leads, max_len, bad_lines }
});
