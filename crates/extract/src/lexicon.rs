//! The extraction lexicons, parsed once from `data/`.
//!
//! Every table is a reviewed data file; this module only parses them into lookup
//! structures. See `data/*.tsv` for the format of each.

use sitrep_model::ClaimKind;
use sitrep_recognize::numbers::Tokens;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// A casualty predicate phrase.
#[derive(Clone, Debug)]
pub struct Predicate {
    /// Lowercase tokens.
    pub words: Vec<&'static str>,
    /// What it counts.
    pub kind: ClaimKind,
    /// Follows the victims ("were killed", "5 dead").
    pub passive: bool,
    /// A verb whose subject is the victims ("died").
    pub intrans: bool,
    /// A verb whose object is the victims ("killing 12").
    pub active: bool,
    /// A noun after the figure ("12 deaths").
    pub noun: bool,
    /// Counts people struck by gunfire, fatally or not (kind is `Injured`).
    pub struck: bool,
}

/// A cue phrase class (see `data/cues.tsv`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Cue {
    /// A running total.
    Cumulative,
    /// A running total over a campaign (kept out of incident totals).
    Campaign,
    /// A death toll figure follows.
    Toll,
    /// An injury toll figure follows.
    TollInjured,
    /// The figure is part of a group already counted.
    Subset,
    /// The figure adds to those already counted.
    Additive,
    /// The sentence starts a different incident.
    Separate,
}

/// All extraction lexicons.
#[derive(Debug)]
pub struct Lexicon {
    preds: HashMap<&'static str, Vec<Predicate>>,
    /// Nouns for people: the hand-typed `persons.txt` and the WordNet list
    /// `persons_wordnet.txt` less `persons_excluded.txt` (see [`person_nouns`]).
    pub persons: HashSet<&'static str>,
    /// The hand-typed nouns for people (`persons.txt`), a subset of `persons`.
    hand_persons: HashSet<&'static str>,
    /// Words that may stand between victims and predicate.
    pub aux: HashSet<&'static str>,
    /// Verbs of saying.
    pub speech: HashSet<&'static str>,
    /// Words of the aftermath (arrests, hearings, funerals): a date after one is not the incident's.
    pub procedural: HashSet<&'static str>,
    cues: Vec<(Vec<&'static str>, Cue)>,
    /// The plain "killed" predicate, for forms built by rule ("hacked to untimely death").
    pub killed_rule: Predicate,
    /// The plain "injured" predicate, for forms built by rule ("sustained ... injuries").
    pub injured_rule: Predicate,
    /// "sustained/suffered ... injuries" as the verb of a subject ("The driver sustained minor
    /// injuries"): an intransitive injury predicate.
    pub sustained_rule: Predicate,
}

use sitrep_model::table::entries as lines;

fn kind_of(s: &str) -> Option<ClaimKind> {
    Some(match s {
        "killed" => ClaimKind::Killed,
        "injured" => ClaimKind::Injured,
        "captured" => ClaimKind::Captured,
        "missing" => ClaimKind::Missing,
        "displaced" => ClaimKind::Displaced,
        "arrested" => ClaimKind::Arrested,
        _ => return None,
    })
}

/// The nouns for people: the generated `wordnet` list less the `excluded` words, then every
/// `hand`-typed word (the hand-typed list overrides both: a word in it is a person noun even when
/// it is excluded). `wordnet` and `excluded` are tables of one word a line, `#` comments.
pub fn person_nouns(hand: &HashSet<&'static str>, wordnet: &'static str, excluded: &'static str) -> HashSet<&'static str> {
    let excluded: HashSet<&str> = lines(excluded).collect();
    let mut out: HashSet<&'static str> = lines(wordnet).filter(|w| !excluded.contains(w)).collect();
    out.extend(hand.iter().copied());
    out
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let mut preds: HashMap<&'static str, Vec<Predicate>> = HashMap::new();
    for l in lines(include_str!("../data/predicates.tsv")) {
        let f: Vec<&str> = l.split('\t').collect();
        let struck = f.get(1) == Some(&"shot");
        let kind = if struck { Some(ClaimKind::Injured) } else { f.get(1).and_then(|k| kind_of(k)) };
        let (Some(phrase), Some(kind), Some(roles)) = (f.first(), kind, f.get(2)) else {
            continue;
        };
        let words: Vec<&'static str> = phrase.split(' ').collect();
        let p = Predicate {
            kind,
            passive: roles.contains("passive"),
            intrans: roles.contains("intrans"),
            active: roles.contains("active"),
            noun: roles.contains("noun"),
            struck,
            words,
        };
        if let Some(first) = p.words.first() {
            preds.entry(first).or_default().push(p);
        }
    }
    for v in preds.values_mut() {
        v.sort_by_key(|p| std::cmp::Reverse(p.words.len()));
    }
    let mut cues = Vec::new();
    for l in lines(include_str!("../data/cues.tsv")) {
        if let Some((p, c)) = l.split_once('\t') {
            let cue = match c.trim() {
                "cumulative" => Cue::Cumulative,
                "campaign" => Cue::Campaign,
                "toll" => Cue::Toll,
                "toll_injured" => Cue::TollInjured,
                "subset" => Cue::Subset,
                "additive" => Cue::Additive,
                "separate" => Cue::Separate,
                _ => continue,
            };
            cues.push((p.split(' ').collect::<Vec<_>>(), cue));
        }
    }
    cues.sort_by_key(|(p, _)| std::cmp::Reverse(p.len()));
    let hand_persons: HashSet<&'static str> = lines(include_str!("../data/persons.txt")).collect();
    Lexicon {
        preds,
        persons: person_nouns(&hand_persons, include_str!("../data/persons_wordnet.txt"), include_str!("../data/persons_excluded.txt")),
        hand_persons,
        aux: lines(include_str!("../data/aux.txt")).collect(),
        speech: lines(include_str!("../data/speech.txt")).collect(),
        procedural: lines(include_str!("../data/procedural.txt")).collect(),
        cues,
        killed_rule: Predicate { words: vec!["killed"], kind: ClaimKind::Killed, passive: true, intrans: false, active: false, noun: false, struck: false },
        injured_rule: Predicate { words: vec!["injured"], kind: ClaimKind::Injured, passive: true, intrans: false, active: false, noun: false, struck: false },
        sustained_rule: Predicate { words: vec!["sustained"], kind: ClaimKind::Injured, passive: false, intrans: true, active: false, noun: false, struck: false },
    }
});

impl Lexicon {
    /// The shared lexicon.
    pub fn get() -> &'static Lexicon {
        &LEXICON
    }

    /// The longest predicate starting at token `i`, with the index after it.
    pub fn predicate_at(&self, t: &Tokens, i: usize) -> Option<(&Predicate, usize)> {
        let cands = self.preds.get(t.low(i))?;
        cands.iter().find(|p| t.matches(i, &p.words)).map(|p| (p, i + p.words.len()))
    }

    /// The longest cue starting at token `i`, with the index after it.
    pub fn cue_at(&self, t: &Tokens, i: usize) -> Option<(Cue, usize)> {
        let w = t.low(i);
        self.cues
            .iter()
            .find(|(p, _)| p.first() == Some(&w) && t.matches(i, p))
            .map(|(p, c)| (*c, i + p.len()))
    }

    /// True when `w` is a noun for people (exact, or a plural of a known singular).
    pub fn is_person(&self, w: &str) -> bool {
        self.persons.contains(w)
    }

    /// True when `w`, capitalised in the text, is still a noun for people rather than a word of
    /// a name: only the hand-typed nouns are. WordNet's long tail of person nouns holds many
    /// surnames and titles that are written inside names ("Khan", "Haji", "Prince", "Freeman",
    /// "Foreman"), so a capitalised one of them is taken for a name.
    pub fn is_person_capitalized(&self, w: &str) -> bool {
        self.hand_persons.contains(w)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn person_nouns_merge_wordnet_less_exclusions_and_keep_hand_typed() {
        let hand: HashSet<&'static str> = lines("# hand\nvillagers\nwarden\n").collect();
        let p = person_nouns(&hand, "# generated\nservant\nservants\nwarden\nrunner\n", "runner\nwarden\n");
        assert!(p.contains("servant") && p.contains("servants") && p.contains("villagers"));
        assert!(!p.contains("runner"), "an excluded WordNet word is no person noun");
        assert!(p.contains("warden"), "a hand-typed word stays though excluded");
        assert!(!p.contains("# hand") && !p.contains(""));
    }

    #[test]
    fn shared_lexicon_knows_wordnet_person_nouns() {
        let lex = Lexicon::get();
        for w in ["servant", "servants", "women", "children", "policemen", "civilians"] {
            assert!(lex.is_person(w), "{w}");
        }
        for w in ["hours", "rounds", "runs", "head", "minor", "one", "km", "years"] {
            assert!(!lex.is_person(w), "{w}");
        }
    }
}
