//! Casualty claims inside one sentence.
//!
//! A claim is a figure + victims + predicate (+ scope). The rules, in order:
//! 1. **Passive / intransitive / nominal / list**: a figure, an optional victim phrase and
//!    auxiliaries, then a predicate: "12 people were killed", "5 dead", "37 wounded",
//!    "12 deaths", "two soldiers and a civilian were killed".
//! 2. **Active**: a predicate then the figure: "killing 12", "wounded five soldiers",
//!    "claimed the lives of 30"; "claimed 30 lives"; a death toll: "the toll rose to 40";
//!    a figure joined by "and" to an earlier object takes its predicate ("killed two
//!    soldiers and three civilians").
//! 3. **Singular victims** without a figure: "a policeman was killed", "Jane Doe died",
//!    "gunmen shot dead an elder", "killing himself".
//! 4. **Negation**: "no one was hurt", "there were no casualties" give 0.
//! 5. **Event words**: "a deadly shooting" is at least one death, a vague figure that any
//!    stated one replaces.
//!
//! A figure is never a claim when the number is an age, year, time, money, percentage,
//! date part, or when its noun is not a noun for people ("four armoured vehicles").

use crate::lexicon::{Cue, Lexicon, Predicate};
use sitrep_model::{ClaimKind, Qualifier, Span};
use sitrep_recognize::numbers::{numbers_in, NumberMention, Tokens};
use std::ops::Range;

/// A claim found in a sentence, before events are formed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RawClaim {
    /// What it counts.
    pub kind: ClaimKind,
    /// Lower bound.
    pub low: u64,
    /// Upper bound (`None` when open).
    pub high: Option<u64>,
    /// Hedge.
    pub qualifier: Qualifier,
    /// Victim phrase span, if any.
    pub victims: Option<Span>,
    /// Evidence span.
    pub span: Span,
    /// Index of the sentence in the document.
    pub sentence: usize,
    /// Part of a group already counted ("including 5 children").
    pub subset: bool,
    /// Adds to those already counted ("another", "also").
    pub additive: bool,
    /// A running total.
    pub cumulative: bool,
    /// A running total over a campaign.
    pub campaign: bool,
    /// Counts perpetrators.
    pub perpetrators: bool,
    /// A single person named in the text (for de-duplication).
    pub named: Option<String>,
    /// A single person referred to definitely ("the victim", "he") — likely already counted.
    pub definite: bool,
    /// Token index of the figure (or of the predicate for figure-less claims), for ordering.
    pub anchor: usize,
    /// A toll or total for the whole incident ("the death toll rose to 40", "a total of 12").
    pub toll: bool,
    /// Counts people struck by gunfire, fatally or not ("two people were shot").
    pub struck: bool,
    /// A coder's explicit figure ("fatalities coded as 0"): it decides the total.
    pub coded: bool,
    /// Harm that is the background of the report, not its incident ("protested the killing
    /// of two lawyers", "the 2012 murder of thousands", "a day after 18 died").
    pub background: bool,
    /// The figure is a vague quantity ("several", "dozens").
    pub vague: bool,
    /// A time phrase puts the figure before the incident ("a day after 18 died", "last
    /// November"): left out of totals when the incident has figures of its own.
    pub earlier: bool,
    /// Lowercase head noun of the victims, when there is one ("soldiers").
    pub head: Option<String>,
    /// Who gave the figure (filled in by the caller from the sentence).
    pub source: Option<String>,
    /// The figure counts the perpetrators too ("eight people, including four assailants").
    pub includes_perpetrators: bool,
    /// The victims are "other" people ("five other people", "two more civilians").
    pub victims_other: bool,
    /// A death among people already counted as hurt ("one of the five people hospitalized has
    /// died", "four were shot, one fatally"): the injured total leaves them out.
    pub of_hurt: bool,
}

/// Figures seen so far in the document, by the noun they counted ("two police officers" →
/// `officers` → 2), so that "the officers were killed" can be counted.
pub type Antecedents = std::collections::HashMap<String, (u64, Option<u64>)>;

/// The count of perpetrators given earlier under any of their usual nouns ("two suicide
/// bombers" → 2), for a later "the assailants" or "in addition to the attackers".
fn any_perpetrator_count(antecedents: &Antecedents) -> Option<(u64, Option<u64>)> {
    ["bombers", "attackers", "assailants", "gunmen", "militants", "perpetrators"].iter().find_map(|n| antecedents.get(*n).copied())
}

/// Record the figures of a sentence as antecedents for later sentences.
pub fn note_antecedents(t: &Tokens, lex: &Lexicon, nums: &[NumberMention], end: usize, antecedents: &mut Antecedents) {
    for m in nums.iter().filter(|m| m.non_count.is_none()) {
        let vp = victim_phrase(t, lex, m.tokens.end, end);
        if vp.head == Head::Person && vp.range.end > m.tokens.end {
            let head = t.low(vp.range.end - 1);
            antecedents.insert(head.to_string(), (m.low, m.high));
            // The last group of victims, for a later "they" ("Two men were shot ... they were
            // pronounced dead"); perpetrators are not victims.
            if m.low >= 2 && m.high == Some(m.low) && !PERPETRATOR_NOUNS.contains(&head) {
                antecedents.insert(THEY.to_string(), (m.low, m.high));
            } else {
                antecedents.remove(THEY);
            }
        }
    }
}

/// Days of the week, which may stand between a verb and its object.
const DAYS: &[&str] = &["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

/// Months, for dates that stand between a verb and its object ("killed on August 25 at least 11").
const MONTHS: &[&str] = &[
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
];

/// The start of a time adverbial that ends right before `k`: "on Sunday (night)", "on August 25",
/// "on 25 August", "yesterday", "overnight", "last night". `None` when there is none.
fn time_adverbial_before(t: &Tokens, k: usize, floor: usize) -> Option<usize> {
    let part_of_day = |w: &str| matches!(w, "morning" | "night" | "evening" | "afternoon");
    let mut j = k;
    let mut named = false;
    while j > floor && k - j < 4 {
        let w = t.low(j - 1);
        let day_number = w.len() <= 4 && w.starts_with(|c: char| c.is_ascii_digit()) && (w.bytes().all(|b| b.is_ascii_digit()) || w.ends_with("st") || w.ends_with("nd") || w.ends_with("rd") || w.ends_with("th"));
        if DAYS.contains(&w) || MONTHS.contains(&w) || matches!(w, "yesterday" | "overnight") {
            named = true;
        } else if !(part_of_day(w) || day_number || w == "last") {
            break;
        }
        j -= 1;
    }
    if j == k {
        return None;
    }
    let first = t.low(j);
    if j > floor && t.low(j - 1) == "on" && named {
        return Some(j - 1);
    }
    // "yesterday", "overnight", "last night" stand alone.
    let alone = matches!(first, "yesterday" | "overnight") || (first == "last" && j + 1 < k && part_of_day(t.low(j + 1)));
    alone.then_some(j)
}

/// Key of the last plural group of people in [`Antecedents`], for "they".
const THEY: &str = "\u{0}they";

/// "X was the only casualty", "the two bombers were the only reported casualties".
fn only_casualties(t: &Tokens, range: Range<usize>, sentence: usize, antecedents: &Antecedents, out: &mut Vec<RawClaim>) {
    for i in range.clone() {
        if !(t.matches(i, &["the", "only"]) && matches!(t.low(i.wrapping_sub(1)), "was" | "were")) {
            continue;
        }
        let mut k = i + 2;
        while matches!(t.low(k), "reported" | "confirmed" | "known" | "other") {
            k += 1;
        }
        let head_ok = matches!(t.low(k), "casualty" | "casualties" | "fatality" | "fatalities" | "victim" | "victims" | "death" | "deaths")
            || (matches!(t.low(k), "one" | "person" | "people") && matches!(t.low(k + 1), "killed" | "dead" | "who"));
        if !head_ok {
            continue;
        }
        // The subject: "the assailant" (1), "the two bombers" (2), "the bombers" (antecedent).
        let aux = i - 1;
        let mut s = aux;
        while s > range.start && aux - s < 6 && !SUBJECT_STOP.contains(&t.low(s - 1)) {
            s -= 1;
        }
        if s >= aux {
            continue;
        }
        let head = t.low(aux - 1);
        if matches!(head, "it" | "this" | "that" | "which") {
            continue;
        }
        let count = if t.low(aux) == "was" {
            Some((1, Some(1)))
        } else if let Some(n) = (s..aux).find_map(|x| match t.low(x) {
            "two" | "both" => Some(2),
            "three" => Some(3),
            "four" => Some(4),
            _ => None,
        }) {
            Some((n, Some(n)))
        } else {
            antecedents.get(head).copied()
        };
        if let Some((low, high)) = count {
            let mut c = single(ClaimKind::Killed, t.span(s..k + 1), sentence, s);
            c.low = low;
            c.high = high;
            c.perpetrators = PERPETRATOR_NOUNS.contains(&head) || head == "bombers" || head == "bomber";
            c.victims = Some(t.span(s..aux));
            out.push(c);
        }
    }
}

/// Words that end a victim phrase.
const NP_STOP: &[&str] = &[
    "in", "on", "at", "by", "from", "with", "near", "during", "after", "before", "when", "while",
    "as", "for", "to", "into", "across", "outside", "inside", "over", "under", "around", "since",
    "and", "or", "but", "nor", "than", "that", "who", "which", "whom", "whose", "where", "if",
    "had", "have", "has", "were", "was", "are", "is", "be", "been", "being", "the", "a", "an",
    "this", "these", "those", "there", "they", "it", "he", "she", "we", "i", "his", "her", "its",
    "their", "our", "not", "no", "per", "each", "every", "between", "through", "against", "along",
    "about", "out", "off", "up", "down", "towards", "toward", "because", "amid", "via", "of",
];

/// Nouns that count perpetrators rather than victims.
const PERPETRATOR_NOUNS: &[&str] = &[
    "gunman", "gunmen", "attacker", "attackers", "assailant", "assailants", "bomber", "bombers",
    "shooter", "shooters", "suspect", "suspects", "perpetrator", "perpetrators", "hijacker",
    "hijackers", "terrorist", "terrorists",
];

/// Heads that say a partitive counts a subset of people already counted ("11 of the dead").
const SUBSET_HEADS: &[&str] = &[
    "dead", "victims", "killed", "injured", "wounded", "deceased", "casualties", "fatalities",
    "slain", "hurt", "those",
];

/// Pronouns and determiners that may follow a partitive "of".
const PARTITIVE_DETS: &[&str] = &["the", "their", "his", "her", "its", "our", "them", "those", "these", "whom", "which"];

/// Adverbs and determiners that may stand between an active verb and its figure.
const ACTIVE_FILLERS: &[&str] = &[
    "a", "an", "the", "his", "her", "their", "its", "another", "other", "additional", "further", "total", "all", "at",
    "least", "nearly", "about", "some", "more", "than", "up", "to", "as", "many", "over",
];

/// Events that "claim" people ("the gang war claimed eight persons"): the subject right before
/// the verb.
const HARM_EVENTS: &[&str] = &[
    "war", "violence", "attack", "attacks", "clash", "clashes", "blast", "blasts", "explosion", "explosions", "bombing", "bombings", "fighting", "shooting",
    "shootings", "conflict", "raid", "raids", "ambush", "riot", "riots", "unrest", "crisis", "fire", "strike", "strikes", "airstrike", "airstrikes",
];

/// Verbs of "claimed 30 lives".
const LIVES_VERBS: &[&str] = &["claimed", "claiming", "claim", "claims", "took", "taking", "cost", "costing"];

/// Words between "toll" and its figure ("the death toll has risen to 40").
const TOLL_FILLERS: &[&str] = &[
    "rose", "risen", "rise", "rises", "climbed", "climbs", "reached", "reaches", "stood", "stands",
    "stand", "is", "was", "has", "had", "have", "at", "to", "of", "jumped", "increased", "now",
    "hit", "mounted", "grew", "soared", "further", "already", "been", "put", "officially",
    "reportedly", "from", "the", "attack", "blast", "bombing", "explosion", "shooting", "clashes",
    "violence", "fighting", "incident", "in", "now", "stands", "remained", "remains", "s", "'s",
    "initial", "final", "official", "overall", "total", "confirmed", "provisional",
];

/// Person-like suffixes for unknown heads ("Houthis", "Israelis", "Rohingyas").
fn person_like(raw: &str, low: &str) -> bool {
    let cap = raw.chars().next().is_some_and(char::is_uppercase);
    cap && (low.ends_with('s') || low.ends_with("ban") || low.ends_with("ese") || low.ends_with("ish"))
        || ["ers", "ists", "ians", "ees", "men", "ors", "ants", "ents", "ites", "ies"].iter().any(|s| low.ends_with(s)) && low.len() > 4
}

/// What the figure's noun says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Head {
    /// No noun ("12 were killed", "killing 12").
    Bare,
    /// A noun for people.
    Person,
    /// A noun that is clearly not people.
    Thing,
}

/// The victim phrase after a figure.
struct VictimPhrase {
    range: Range<usize>,
    head: Head,
    subset: bool,
    perpetrators: bool,
}

/// Scan the victim phrase after a figure ending at `j`.
fn victim_phrase(t: &Tokens, lex: &Lexicon, mut j: usize, end: usize) -> VictimPhrase {
    let start = j;
    let mut subset = false;
    // "one of three related attacks": the partitive's noun is the head.
    if t.low(j) == "of" && matches!(t.kind(j + 1), Some(sitrep_segment::TokenKind::Number)) || (t.low(j) == "of" && matches!(t.low(j + 1), "two" | "three" | "four" | "five" | "six" | "seven" | "eight" | "nine" | "ten")) {
        let inner = victim_phrase(t, lex, j + 2, end);
        return VictimPhrase { range: start..inner.range.end.max(j + 2), head: inner.head, subset: false, perpetrators: inner.perpetrators };
    }
    // Partitive: "five of their fighters", "11 of the dead", "two of them".
    if t.low(j) == "of" && j + 1 < end {
        let det = t.low(j + 1);
        if PARTITIVE_DETS.contains(&det) {
            j += 2;
            if det == "them" || det == "whom" || det == "which" {
                // "pursued the attackers and killed four of them": the attackers.
                let antecedent = (start.saturating_sub(15)..start.saturating_sub(1)).rev().map(|x| t.low(x)).find(|w| w.ends_with('s') && (lex.is_person(w) || PERPETRATOR_NOUNS.contains(w)));
                let perpetrators = antecedent.is_some_and(|w| PERPETRATOR_NOUNS.contains(&w));
                // "14 people, six of them children": a breakdown of the figure just before.
                let breakdown = start >= 2 && t.low(start - 2) == ",";
                return VictimPhrase { range: start..j, head: Head::Person, subset: det != "them" || breakdown, perpetrators };
            }
            if SUBSET_HEADS.contains(&t.low(j)) {
                subset = true;
            }
        }
    }
    let np_start = j;
    // "Two years ago", "30 km", "12 vehicles": a unit right after the figure is what it counts.
    if matches!(
        t.low(j),
        "years" | "year" | "months" | "month" | "weeks" | "week" | "days" | "day" | "hours" | "hour" | "minutes" | "minute" | "seconds" | "km" | "kilometres"
            | "kilometers" | "miles" | "mile" | "metres" | "meters" | "feet" | "yards" | "times" | "rounds" | "shots" | "percent" | "per"
    ) {
        return VictimPhrase { range: start..j + 1, head: Head::Thing, subset: false, perpetrators: false };
    }
    // "the 200-meter champion", "a four-time champion", "a two-storey house": a figure joined to a
    // noun by a hyphen measures that noun ("a two-man crew" still counts its people).
    if t.low(j) == "-" && j > 0 && t.touching(j - 1) && t.touching(j) && t.kind(j + 1) == Some(sitrep_segment::TokenKind::Word) && !lex.is_person(t.low(j + 1)) {
        return VictimPhrase { range: start..j + 2, head: Head::Thing, subset: false, perpetrators: false };
    }
    let mut last_word: Option<usize> = None;
    let mut words = 0;
    while j < end && words < 7 {
        let w = t.low(j);
        // "a 25-year-old man": an age compound is a modifier.
        if t.kind(j) == Some(sitrep_segment::TokenKind::Number) && t.low(j + 1) == "-" && matches!(t.low(j + 2), "year" | "month" | "week" | "day") {
            let mut x = j + 2;
            while x < end && x < j + 6 && t.low(x) != "old" {
                x += 1;
            }
            if t.low(x) == "old" {
                last_word = Some(x);
                words += 1;
                j = x + 1;
                continue;
            }
        }
        // "a Ministry of Justice employee": "of" inside a capitalised name.
        if w == "of" && last_word.is_some_and(|h| t.capitalized(h)) && t.capitalized(j + 1) {
            j += 1;
            continue;
        }
        let is_word = matches!(t.kind(j), Some(sitrep_segment::TokenKind::Word) | Some(sitrep_segment::TokenKind::Alnum));
        if is_word {
            if subset && SUBSET_HEADS.contains(&w) && j == np_start {
                last_word = Some(j);
                j += 1;
                break;
            }
            let compound = t.low(j + 1) == "-" && t.touching(j) && t.touching(j + 1);
            let speech = lex.speech.contains(w) && !t.capitalized(j);
            if !compound && (NP_STOP.contains(&w) || lex.aux.contains(w) || speech || matches!(w, "including" | "includes" | "mostly" | "mainly" | "among")) {
                break;
            }
            if w.len() > 4 && w.ends_with("ing") && !lex.is_person(w) && last_word.is_some() {
                break;
            }
            // "Three suicide bombers detonated ...": a past tense after a noun for people is a verb.
            if w.len() > 4 && w.ends_with("ed") && last_word.is_some_and(|h| lex.is_person(t.low(h))) && !lex.is_person(w) {
                break;
            }
            let head_before_aux = lex.is_person(w) && matches!(t.low(j + 1), "were" | "was" | "have" | "had" | "are");
            if let (false, Some((_, pe))) = (head_before_aux, lex.predicate_at(t, j)) {
                // "displaced people", "wounded soldiers": a predicate word used as an adjective.
                let next = t.low(pe);
                let adjective = pe < end
                    && (lex.is_person(next)
                        || (pe + 1 < end && lex.is_person(t.low(pe + 1)) && !lex.aux.contains(next) && !NP_STOP.contains(&next) && t.kind(pe) == Some(sitrep_segment::TokenKind::Word)));
                if !adjective || lex.is_person(w) {
                    break;
                }
            }
 last_word = Some(j);
            words += 1;
            j += 1;
        } else if ((w == "-" || w == "/") && t.touching(j.saturating_sub(1)) && t.touching(j)) || w == "'s" || w == "'" {
            j += 1;
        } else if w == "and" && last_word.is_some() && lex.is_person(t.low(j + 1)) && t.kind(j + 1) == Some(sitrep_segment::TokenKind::Word) && !lex.aux.contains(t.low(j + 2)) && lex.predicate_at(t, j + 2).is_none() && t.kind(j + 2) != Some(sitrep_segment::TokenKind::Word) {
            // "12 Iraqi administrators and engineers and four technicians"
            j += 1;
        } else if w == "(" && last_word.is_some() {
            // "Four Radio Television Afghanistan (RTA) staff"
            match (j + 1..end.min(j + 8)).find(|&x| t.low(x) == ")") {
                Some(close) => j = close + 1,
                None => break,
            }
        } else {
            break;
        }
    }
    let head = match last_word {
        None => Head::Bare,
        Some(h) => {
            let w = t.low(h);
            if lex.is_person(w) || subset || matches!(w, "more" | "others" | "dead" | "injured" | "wounded") || person_like(t.raw(h), w) {
                Head::Person
            } else {
                // Any person noun inside the phrase ("civilians aboard" is not possible here,
                // but "soldiers' relatives" is): take the last person noun as head.
                if (np_start..h).any(|k| lex.is_person(t.low(k))) {
                    Head::Person
                } else {
                    Head::Thing
                }
            }
        }
    };
    // "3 Fulani were killed": a capitalised group name right before a plural auxiliary.
    let head = match (head, last_word) {
        (Head::Thing, Some(h)) if t.capitalized(h) && matches!(t.low(h + 1), "were" | "have" | "are" | "had") => Head::Person,
        (h, _) => h,
    };
    let perpetrators = last_word.is_some_and(|h| PERPETRATOR_NOUNS.contains(&t.low(h)));
    let range_end = last_word.map_or(j.min(np_start), |h| h + 1);
    VictimPhrase { range: start..range_end.max(start), head, subset, perpetrators }
}

/// Skip a parenthetical or comma-bound aside starting at `k`; returns the index after it.
fn skip_aside(t: &Tokens, k: usize, end: usize) -> Option<usize> {
    match t.low(k) {
        "(" => (k + 1..end.min(k + 20)).find(|&x| t.low(x) == ")").map(|x| x + 1),
        "," | "-" | "–" | "—" => {
            let double_dash = t.low(k) == "-" && t.low(k + 1) == "-";
            if double_dash {
                // "Eighteen people -- seven herders and 11 raiders -- have been killed"
                return (k + 2..end.min(k + 24)).find(|&x| t.low(x) == "-" && t.low(x + 1) == "-").map(|x| x + 2);
            }
            let opener = t.low(k + 1);
            let aside = matches!(
                opener,
                "including" | "among" | "most" | "many" | "mostly" | "mainly" | "all" | "both" | "some"
                    | "one" | "two" | "three" | "four" | "five" | "according" | "officials" | "police"
                    | "witnesses" | "sources" | "residents" | "authorities" | "he" | "she" | "they"
                    | "the" | "a" | "an" | "it" | "said" | "largely" | "aged" | "ages"
            ) || t.kind(k + 1) == Some(sitrep_segment::TokenKind::Number)
                || (opener.len() > 4 && opener.ends_with("ing"))
                || matches!(opener, "suspected" | "believed" | "identified" | "wanted" | "reportedly" | "mostly");
            if !aside {
                // Any aside whose closing comma comes right before the auxiliary:
                // "The driver and one passenger, members of the movement, were killed".
                if t.low(k) == "," {
                    let close = (k + 2..end.min(k + 26)).find(|&x| t.low(x) == "," && matches!(t.low(x + 1), "were" | "was" | "have" | "has" | "had" | "died"))?;
                    // An aside with a verb of harm is a clause of its own ("..., killing one, has been arrested").
                    if (k + 1..close).any(|x| Lexicon::get().predicate_at(t, x).is_some()) {
                        return None;
                    }
                    return Some(close + 1);
                }
                return None;
            }
            let closer = t.low(k);
            // "45 people, mostly women and children killed by armed men": a list aside that runs
            // into a bare participle, with no closing comma.
            let bare_participle = || {
                let lex = Lexicon::get();
                (k + 3..end.min(k + 10))
                    .take_while(|&x| t.kind(x - 1) == Some(sitrep_segment::TokenKind::Word) && !matches!(t.low(x - 1), "were" | "was" | "have" | "has" | "had" | "are" | "is"))
                    .find(|&x| lex.predicate_at(t, x).is_some_and(|(p, _)| p.passive) && t.low(x).ends_with("ed") && matches!(t.low(x + 1), "by" | "in" | "on" | "at" | "when" | "during" | "."))
            };
            if matches!(opener, "including" | "among") {
                // A list: "17 people, including eight nationals, two Canadians and one Swiss, were
                // killed"; or "Fourteen people, including the bomber, died".
                let lex = Lexicon::get();
                return (k + 2..end.min(k + 40))
                    .find(|&x| matches!(t.low(x), "were" | "was" | "have" | "has" | "had") || (t.low(x - 1) == "," && lex.predicate_at(t, x).is_some_and(|(p, _)| p.intrans || p.passive)))
                    .or_else(|| if closer == "," { bare_participle() } else { None });
            }
            (k + 2..end.min(k + 20))
                .find(|&x| t.low(x) == closer || (closer != "," && t.low(x) == ","))
                .map(|x| x + 1)
                .or_else(|| if closer == "," && matches!(opener, "mostly" | "mainly" | "largely" | "many" | "most") { bare_participle() } else { None })
        }
        _ => None,
    }
}

/// Result of matching a predicate for a figure.
struct Found<'l> {
    pred: &'l Predicate,
    pred_range: Range<usize>,
    /// "also" stood among the auxiliaries ("were also killed").
    also: bool,
    /// A post-modifier or aside was skipped: figures inside it are part of this group.
    skipped_modifier: bool,
    /// The victims were hurt in a relative clause before the predicate ("who were wounded
    /// ... later died"): the deaths are among the hurt.
    of_hurt: bool,
}

/// Look forward from the victim phrase for a passive / intransitive / noun predicate.
fn forward<'l>(t: &Tokens, lex: &'l Lexicon, mut k: usize, end: usize, nums: &[NumberMention]) -> Option<Found<'l>> {
    let mut steps = 0;
    let mut saw_aux = false;
    let mut also = false;
    let mut skipped_modifier = false;
    let mut relative = false;
    let mut of_hurt = false;
    while k < end && steps < 10 {
        steps += 1;
        // "were hacked to untimely death": any verb "to death" is a killing, even one that is
        // otherwise a verb of injury.
        let w = t.low(k);
        if saw_aux && w.ends_with("ed") && t.low(k + 1) == "to" && (t.low(k + 2) == "death" || t.low(k + 3) == "death") {
            let e = if t.low(k + 2) == "death" { k + 3 } else { k + 4 };
            return Some(Found { pred: &lex.killed_rule, pred_range: k..e, also, skipped_modifier, of_hurt });
        }
        if let Some((p, e)) = lex.predicate_at(t, k) {
            // "were found burned to death": an active-only verb that is also an auxiliary
            // ("found") stands before the victims' own predicate.
            if !(p.passive || p.intrans || p.noun) && lex.aux.contains(t.low(k)) && lex.predicate_at(t, e).is_some() {
                saw_aux = true;
                k = e;
                continue;
            }
            let mut ok = p.passive || p.intrans || (p.noun && !saw_aux);
            // "10 soldiers who had been detained were killed": the relative clause's verb
            // describes the victims; the main clause's verb, right after it, is the claim.
            if ok && relative {
                // The relative clause may end with a short phrase of place or time ("who were
                // wounded in the blast later died").
                let clause_end = (e..(e + 6).min(end)).find(|&y| matches!(t.low(y), "," | ";" | "and" | "but" | "or" | "while" | "when" | "after" | "before" | "as") || lex.predicate_at(t, y).is_some());
                if let Some(x) = clause_end.filter(|&x| x > e || lex.aux.contains(t.low(e))) {
                    let main = lex.predicate_at(t, x).is_some_and(|(q, _)| q.intrans || (q.passive && lex.aux.contains(t.low(x - 1))));
                    if main {
                        of_hurt = p.kind == ClaimKind::Injured;
                        k = x;
                        continue;
                    }
                }
            }
            // "several soldiers were killed or wounded": casualties of either kind, no figure for one.
            if matches!(t.low(e), "or" | "and" | ",") {
                if let Some((p2, _)) = lex.predicate_at(t, e + 1) {
                    if p2.kind != p.kind && (p2.passive || p2.intrans) && !p2.struck && !p.struck {
                        return None;
                    }
                }
            }
            if ok && p.active && !saw_aux && e < end {
                let next = t.low(e);
                let object = matches!(
                    next,
                    "a" | "an" | "the" | "him" | "her" | "them" | "his" | "their" | "one" | "two" | "three" | "four" | "five" | "six" | "seven" | "eight" | "nine" | "ten"
                        | "eleven" | "twelve" | "several" | "dozens" | "scores" | "hundreds" | "at" | "all" | "both" | "many" | "more"
                )
                    || t.kind(e) == Some(sitrep_segment::TokenKind::Number)
                    || lex.is_person(next)
                    || (t.capitalized(e) && !(matches!(next, "on" | "in" | "at" | "and" | "last" | "late" | "early" | "yesterday" | "today" | "christmas" | "easter" | "thanksgiving" | "halloween" | "new" | "memorial" | "labor") || DAYS.contains(&next) || MONTHS.contains(&next)));
                if object {
                    ok = false;
                }
            }
            if ok {
                // "N were not killed": negated auxiliaries were rejected below.
                return Some(Found { pred: p, pred_range: k..e, also, skipped_modifier, of_hurt });
            }
            // An active-only form after the victims is not theirs ("5 soldiers killing...").
            return None;
        }
        if w == "not" || w == "never" || w == "n't" {
            return None;
        }
        // A relative clause with a verb of its own: "four gunmen who went inside were killed".
        if matches!(w, "who" | "that") && !saw_aux && !lex.aux.contains(t.low(k + 1)) && lex.predicate_at(t, k + 1).is_none() {
            if let Some(after) = skip_post_modifier(t, lex, k, end, nums) {
                k = after;
                skipped_modifier = true;
                continue;
            }
        }
        if lex.aux.contains(w) {
            saw_aux = true;
            also |= w == "also";
            relative |= matches!(w, "who" | "that");
            k += 1;
            continue;
        }
        if saw_aux && w.ends_with("ed") && t.low(k + 1) == "and" && lex.predicate_at(t, k + 2).is_some() {
            k += 2;
            continue;
        }
        // "sustained what police say are non-life threatening injuries": an injury verb with
        // its noun a few words on.
        if matches!(w, "sustained" | "suffered" | "received" | "sustaining" | "suffering") {
            if let Some(x) = (k + 1..(k + 13).min(end)).find(|&x| matches!(t.low(x), "injuries" | "injury" | "wounds" | "burns")) {
                return Some(Found { pred: &lex.injured_rule, pred_range: k..x + 1, also, skipped_modifier, of_hurt });
            }
        }
        if let Some(after) = skip_aside(t, k, end) {
            k = after;
            skipped_modifier = true;
            continue;
        }
        if w == "including" {
            if let Some(x) = (k + 1..end.min(k + 40)).find(|&x| matches!(t.low(x), "were" | "was" | "have" | "has" | "had")) {
                k = x;
                skipped_modifier = true;
                continue;
            }
        }
        // A post-modifier before the auxiliary: "16 members of a militia group have been
        // killed", "five children playing with a shell were killed".
        // "five people involved in the project have been killed": a participle with its
        // own preposition is a post-modifier too.
        let participle = w.ends_with("ed") && w.len() > 4 && !lex.aux.contains(w) && PARTICIPLE_PREPS.contains(&t.low(k + 1));
        if !saw_aux && steps == 1 && (POST_MODIFIERS.contains(&w) || (w.ends_with("ing") && w.len() > 4) || participle) {
            if let Some(after) = skip_post_modifier(t, lex, k, end, nums) {
                k = after;
                skipped_modifier = true;
                continue;
            }
        }
        // "1 scholar and teacher was killed": a second noun for the same people.
        if w == "and" && (lex.is_person(t.low(k + 1)) || person_like(t.raw(k + 1), t.low(k + 1))) && t.kind(k + 1) == Some(sitrep_segment::TokenKind::Word) {
            k += 2;
            continue;
        }
        // Conjoined victims: "two soldiers and a civilian were killed".
        if (w == "and" || w == ",") && k + 1 < end {
            // "three supporters of the party and another from a rival party were killed".
            if let Some(x) = another_of(t, lex, k + 1, end) {
                k = x;
                continue;
            }
            if let Some(m) = nums.iter().find(|m| m.tokens.start == k + 1) {
                // "two people, one of whom died": the partitive is a claim of its own, and its
                // predicate is not the whole group's.
                if t.low(m.tokens.end) == "of" && matches!(t.low(m.tokens.end + 1), "whom" | "them" | "which" | "those") {
                    return None;
                }
                let vp = victim_phrase(t, lex, m.tokens.end, end);
                k = vp.range.end.max(m.tokens.end);
                // "and three members of the uprising forces have been killed"
                if POST_MODIFIERS.contains(&t.low(k)) {
                    if let Some(after) = skip_post_modifier(t, lex, k, end, nums) {
                        k = after;
                    }
                }
                continue;
            }
            if matches!(t.low(k + 1), "a" | "an" | "one" | "both" | "the" | "all" | "another") {
                let vp = victim_phrase(t, lex, k + 2, end);
                if vp.head == Head::Person {
                    k = vp.range.end;
                    continue;
                }
            }
        }
        return None;
    }
    None
}

/// A time phrase that puts a figure before the report's incident: "a day after 18 died",
/// "killed 30 herders last November", "earlier this year".
fn earlier_time(t: &Tokens, figure: usize, range: Range<usize>, evidence: Span) -> bool {
    let unit = |w: &str| matches!(w, "day" | "days" | "week" | "weeks" | "hours" | "months" | "month" | "year" | "years");
    let before = (figure.saturating_sub(5).max(range.start + 1)..figure.min(range.end)).any(|k| matches!(t.low(k), "after" | "since" | "ago") && unit(t.low(k - 1)));
    // The few tokens after the evidence.
    let end = t.toks.partition_point(|tok| tok.span.start < evidence.end);
    let after = (end..(end + 5).min(range.end)).any(|k| {
        (t.low(k) == "last" && (matches!(t.low(k + 1), "year" | "month") || MONTHS.contains(&t.low(k + 1))))
            || (t.low(k) == "earlier" && t.low(k + 1) == "this" && matches!(t.low(k + 2), "year" | "month"))
            || (unit(t.low(k)) && t.low(k + 1) == "ago")
    });
    before || after
}

/// "to the hospital" / "to hospital" after an object ("sent a girl to the hospital").
fn hospital_result(t: &Tokens, k: usize) -> bool {
    t.low(k) == "to" && (t.low(k + 1) == "hospital" || (t.low(k + 1) == "the" && matches!(t.low(k + 2), "hospital" | "hospitals")) || t.low(k + 1) == "hospitals")
}

/// True for predicates that only count with a result ("sent" needs "to the hospital",
/// "forced" needs "from their homes").
fn needs_result(p: &Predicate) -> bool {
    matches!(p.words.first(), Some(&"sent") | Some(&"sending") | Some(&"forced") | Some(&"forcing")) || p.words == ["found"]
}

/// "from their homes", "out of their homes", "to flee" after the object of "forced".
fn displacement_result(t: &Tokens, k: usize) -> bool {
    t.matches(k, &["from", "their", "homes"]) || t.matches(k, &["out", "of", "their", "homes"]) || t.matches(k, &["to", "flee"]) || t.matches(k, &["from", "their", "villages"])
}

/// The result a predicate needs after its object is there.
fn result_ok(p: &Predicate, t: &Tokens, k: usize) -> bool {
    match p.words.first() {
        Some(&"forced") | Some(&"forcing") => displacement_result(t, k),
        // "found a 16-year-old girl dead" (the result is already in the evidence).
        Some(&"found") => t.low(k.saturating_sub(1)) == "dead" || t.low(k) == "dead" || t.matches(k.saturating_sub(2), &["to", "death"]),
        _ => hospital_result(t, k),
    }
}

/// "dead" or "to death" right after an object: "shot a policeman dead", "beat a man to
/// death". Returns how many tokens it takes (0 when absent).
fn death_result(t: &Tokens, k: usize) -> usize {
    if t.low(k) == "dead" {
        1
    } else if t.matches(k, &["to", "death"]) {
        2
    } else {
        0
    }
}

/// A nominal ("the killing of", "the murder of") that is the background of the report: the
/// reason for a protest, or dated to an earlier year.
fn background_nominal(t: &Tokens, start: usize, range: Range<usize>) -> bool {
    let before = (start.saturating_sub(4).max(range.start)..start).any(|k| {
        // ("mourning the death of" is not here: mourners mostly mourn the news itself.)
        matches!(t.low(k), "against" | "condemn" | "condemned" | "condemning" | "over" | "denounce" | "denounced" | "justice" | "avenge" | "revenge" | "anniversary" | "guilty" | "punish")
    }) || (range.start..start).rev().find(|&k| matches!(t.low(k), "protest" | "protested" | "protesting" | "protests" | "demonstrated" | "rallied")).is_some_and(|p| {
        // "Protests flared up ..., leading to the death of seven": a result, not the grievance.
        // "protested against the attack that resulted in the death of 60" is still the grievance.
        let result = (p + 1..start).any(|k| matches!(t.low(k), "leading" | "led" | "resulted" | "resulting" | "causing" | "caused" | "left" | "leaving"));
        !result || (p + 1..start).any(|k| matches!(t.low(k), "against" | "over" | "that" | "which"))
    });
    let dated = (start.saturating_sub(2).max(range.start)..(start + 12).min(range.end)).any(|k| {
        let r = t.raw(k);
        r.len() == 4 && r.bytes().all(|b| b.is_ascii_digit()) && (r.starts_with("19") || r.starts_with("20"))
    });
    before || dated
}

/// "... and (later|then) executed": a second passive predicate coordinated with the first.
fn coordinated_predicate<'l>(t: &Tokens, lex: &'l Lexicon, from: usize, end: usize) -> Option<(&'l Predicate, usize, usize)> {
    let mut k = from;
    let mut steps = 0;
    while k < end && steps < 8 && t.low(k) != "and" {
        if matches!(t.low(k), "," | ";" | "." | "but" | "while" | "when") || t.kind(k) == Some(sitrep_segment::TokenKind::Number) {
            return None;
        }
        k += 1;
        steps += 1;
    }
    if t.low(k) != "and" {
        return None;
    }
    k += 1;
    while matches!(t.low(k), "later" | "then" | "subsequently" | "eventually" | "were" | "was" | "also") {
        k += 1;
    }
    let (p, e) = lex.predicate_at(t, k)?;
    (p.passive && !p.noun).then_some((p, k, e))
}

/// Words that open a post-modifier of the victims.
const POST_MODIFIERS: &[&str] = &["of", "from", "with", "in", "at", "on", "near", "belonging", "aboard", "inside", "working", "travelling", "traveling", "riding", "living", "who"];

/// Prepositions after a participle that make it a post-modifier ("stationed at", "involved in").
const PARTICIPLE_PREPS: &[&str] = &["in", "at", "on", "near", "to", "by", "with", "from", "inside", "outside", "as", "for"];

/// Skip a post-modifier starting at `k` when it ends in an auxiliary or predicate within a few
/// tokens and holds no other figure, clause break or verb of saying.
fn skip_post_modifier(t: &Tokens, lex: &Lexicon, k: usize, end: usize, nums: &[NumberMention]) -> Option<usize> {
    let mut x = k + 1;
    while x < end && x < k + 20 {
        let w = t.low(x);
        if let Some(after) = (w == "," || w == "(").then(|| skip_aside(t, x, end)).flatten() {
            x = after;
            continue;
        }
        if matches!(w, "were" | "was" | "have" | "has" | "had") {
            // "who were killed" keeps its auxiliary; so does the rest.
            return Some(x);
        }
        if let Some((p, _)) = lex.predicate_at(t, x) {
            if matches!(t.low(x - 1), "been" | "getting" | "got" | "get") || (p.passive && x == k + 1) || (p.passive && t.low(k) == "including") {
                return Some(x);
            }
        }
        // Another clause starts: "two suspects running away after a boy was shot".
        if matches!(w, "after" | "before" | "when" | "while" | "as" | "because" | "since" | "until" | "where") {
            return None;
        }
        if (w == "and" || w == ",") && (nums.iter().any(|m| m.tokens.start == x + 1) || matches!(t.low(x + 1), "a" | "an" | "one" | "another" | "the")) {
            return Some(x);
        }
        // "six elders of the camp that houses refugees were killed": a relative clause after a
        // noun (not the "that" of a verb of saying or thinking) stays inside the modifier.
        let relative = matches!(w, "that" | "which")
            && !(t.low(x - 1).ends_with("ed") || lex.speech.contains(t.low(x - 1)) || lex.aux.contains(t.low(x - 1)))
            && t.kind(x - 1) == Some(sitrep_segment::TokenKind::Word)
            && !lex.aux.contains(t.low(x + 1));
        if relative {
            x += 1;
            continue;
        }
        if matches!(w, "," | ";" | ":" | "." | "said" | "says" | "and" | "but" | "that" | "which") || lex.speech.contains(w) {
            return None;
        }
        if nums.iter().any(|m| m.tokens.start == x && m.non_count.is_none()) && t.low(x - 1) != "of" {
            return None;
        }
        x += 1;
    }
    None
}

/// An act only aimed at: "in an attempt to kill the prince", "tried to kill", "a plot to kill".
fn intended(t: &Tokens, pi: usize) -> bool {
    pi >= 2
        && t.low(pi - 1) == "to"
        && matches!(
            t.low(pi - 2),
            "attempt" | "attempts" | "attempted" | "attempting" | "tried" | "try" | "trying" | "tries" | "plot" | "plotted" | "plotting" | "plan" | "planned"
                | "planning" | "plans" | "threatened" | "threatening" | "threat" | "bid" | "intended" | "intending" | "sought" | "seeking" | "failed" | "conspiracy"
                | "conspired" | "vowed" | "wanted"
        )
}

/// Look backward from a figure for an active predicate ("killing at least 12").
fn backward<'l>(t: &Tokens, lex: &'l Lexicon, start: usize, floor: usize) -> Option<Found<'l>> {
    let mut k = start;
    let mut skipped = 0;
    loop {
        // Any active predicate ending exactly at k, the longest first ("shot and killed one").
        for len in (1..=4).rev() {
            if k >= floor + len {
                if let Some((p, e)) = lex.predicate_at(t, k - len) {
                    if e == k && p.active {
                        // "tried to kill 12": an act only aimed at.
                        if intended(t, k - len) {
                            return None;
                        }
                        let history = p.words.last() == Some(&"of") && k - len > floor && {
                            let prev = t.raw(k - len - 1);
                            prev.len() == 4 && prev.bytes().all(|b| b.is_ascii_digit())
                        };
                        if history {
                            return None;
                        }
                        return Some(Found { pred: p, pred_range: k - len..e, also: false, skipped_modifier: false, of_hurt: false });
                    }
                }
            }
        }
        if k <= floor || skipped >= 3 {
            return None;
        }
        let w = t.low(k - 1);
        // "killed on August 25 at least 11 civilians": a time adverbial between verb and object.
        if let Some(s) = time_adverbial_before(t, k, floor) {
            k = s;
            skipped += 1;
            continue;
        }
        // "the death of, at least, seven people": commas around a qualifier.
        if w == "," && k >= 2 && (t.low(k - 2) == "least" || t.low(k) == "at") && k - 1 > floor {
            k -= 1;
            continue;
        }
        // "killed a family of four": the figure counts the family.
        if w == "of" && k >= 2 && t.low(k - 2) == "family" && skipped == 0 {
            k -= 2;
            skipped += 1;
            continue;
        }
        if w == "of" && k >= 2 && t.low(k - 2) == "total" {
            k -= 1;
            skipped += 1;
            continue;
        }
        if ACTIVE_FILLERS.contains(&w) {
            k -= 1;
            skipped += 1;
            continue;
        }
        return None;
    }
}

/// Cues of the sentence that scope every claim in it.
#[derive(Clone, Copy, Debug, Default)]
pub struct SentenceCues {
    /// A running-total cue.
    pub cumulative: bool,
    /// A campaign cue.
    pub campaign: bool,
    /// A separate-incident cue.
    pub separate: bool,
    /// Byte offset of a "bringing the death toll (since ...) to" cue: claims before it are the
    /// new deaths, not the running total, and the cues from it on scope only the claims after it.
    pub increment_before: Option<usize>,
    /// Running-total cue at or after `increment_before`.
    pub later_cumulative: bool,
    /// Campaign cue at or after `increment_before`.
    pub later_campaign: bool,
}

/// Find the cues of a sentence.
pub fn sentence_cues(t: &Tokens, lex: &Lexicon, range: Range<usize>) -> SentenceCues {
    let mut c = SentenceCues::default();
    let mut i = range.start;
    while i < range.end {
        if let Some((cue, e)) = lex.cue_at(t, i) {
            // "23 were killed, bringing the death toll since Thursday to 35".
            if cue == Cue::Cumulative && c.increment_before.is_none() && matches!(t.low(i), "bringing" | "brought" | "raising" | "raised") {
                c.increment_before = Some(t.toks[i].span.start);
            }
            let later = c.increment_before.is_some();
            match cue {
                Cue::Cumulative if later => c.later_cumulative = true,
                Cue::Cumulative => c.cumulative = true,
                Cue::Campaign => {
                    // "since" only counts when a time follows it, not "since the attack".
                    let w = t.low(i);
                    let next = t.low(i + 1);
                    let weekday = DAYS.contains(&next) || matches!(next, "yesterday" | "today" | "last" | "early" | "late" | "this");
                    let ok = w != "since" || (!weekday && !matches!(next, "the" | "then" | "he" | "she" | "they" | "it" | "there")) || t.matches(i + 1, &["the", "start"]) || t.matches(i + 1, &["the", "beginning"]);
                    // After "bringing the death toll", any "since" dates the running total.
                    if later && (ok || w == "since") {
                        c.later_campaign = true;
                        c.later_cumulative = true;
                    } else if ok {
                        c.campaign = true;
                        c.cumulative = true;
                    }
                }
                Cue::Separate if i <= range.start + 3 => c.separate = true,
                _ => {}
            }
            i = e;
        } else {
            i += 1;
        }
    }
    c
}

fn figure_claim(m: &NumberMention, kind: ClaimKind, vp: &VictimPhrase, evidence: Span, sentence: usize, t: &Tokens) -> RawClaim {
    let victims = (vp.range.start < vp.range.end).then(|| t.span(vp.range.clone()));
    RawClaim {
        kind,
        low: m.low,
        high: m.high,
        qualifier: m.qualifier,
        victims,
        span: evidence,
        sentence,
        subset: vp.subset,
        additive: false,
        cumulative: false,
        campaign: false,
        perpetrators: vp.perpetrators,
        named: None,
        definite: false,
        anchor: m.value_tokens.start,
        toll: m.tokens.start >= 2 && t.matches_before(m.tokens.start, &["total", "of"]),
        struck: false,
        coded: false,
        background: false,
        vague: m.form == sitrep_recognize::numbers::NumberForm::Vague,
        earlier: false,
        head: (vp.range.end > vp.range.start).then(|| group_head(t, vp.range.end - 1)),
        source: None,
        includes_perpetrators: false,
        victims_other: (vp.range.start..vp.range.end).any(|x| matches!(t.low(x), "other" | "more" | "additional")),
        of_hurt: false,
    }
}

/// The noun that says who the victims are, for the head at `h`: the head itself, or for
/// "members of the security forces" / "members of a militia" the noun of the "of" phrase.
fn group_head(t: &Tokens, h: usize) -> String {
    let head = t.low(h);
    if matches!(head, "members" | "member") && t.low(h + 1) == "of" {
        let mut k = h + 2;
        if matches!(t.low(k), "the" | "a" | "an" | "their" | "his" | "its") {
            k += 1;
        }
        let mut last = None;
        while k < h + 7 && t.kind(k) == Some(sitrep_segment::TokenKind::Word) && !matches!(t.low(k), "of" | "in" | "at" | "who" | "and" | "from" | "on") && !t.low(k).ends_with("ing") {
            last = Some(k);
            k += 1;
        }
        if let Some(x) = last {
            return t.low(x).to_string();
        }
    }
    head.to_string()
}

/// Find the claims of one sentence (tokens `range`).
pub fn claims_in_sentence(t: &Tokens, lex: &Lexicon, range: Range<usize>, nums: &[NumberMention], sentence: usize, antecedents: &Antecedents) -> Vec<RawClaim> {
    let mut out: Vec<RawClaim> = Vec::new();
    let mut used_preds: Vec<usize> = Vec::new();
    let end = range.end;
    // Subset openers before a figure: "including 5 children", "among them 3 women".
    let subset_before = |m: &NumberMention| -> bool {
        let s = m.tokens.start;
        (s > range.start && matches!(t.low(s - 1), "including" | "includes" | "include" | "included"))
            || t.matches_before(s, &["among", "them"])
            || t.matches_before(s, &["among", "whom"])
            || t.matches_before(s, &["of", "whom"])
            || t.matches_before(s, &["among", "the", "dead", "were"])
            || t.matches_before(s, &["among", "the", "victims", "were"])
    };
    let mut last_active: Option<(usize, ClaimKind, usize)> = None; // (np end, kind, pred start)
    // Figures inside another figure's victim phrase ("12 members of two families").
    let mut consumed_until = 0usize;
    for m in nums {
        // A figure inside another figure's phrase ("12 members of two families were killed")
        // is part of it, unless it has a predicate of its own ("one of three people hit by
        // gunfire has died").
        let conjunct = m.tokens.start > range.start && matches!(t.low(m.tokens.start - 1), "and" | ",");
        if m.tokens.start < consumed_until && !conjunct {
            let own = victim_phrase(t, lex, m.tokens.end, end);
            let has_own = lex.predicate_at(t, own.range.end.max(m.tokens.end)).is_some_and(|(p, _)| p.passive || p.intrans);
            if !has_own {
                continue;
            }
        }
        if m.non_count.is_some() {
            continue;
        }
        // "no one", "not one": a negation, handled below.
        if m.tokens.start > range.start && matches!(t.low(m.tokens.start - 1), "no" | "not") {
            continue;
        }
        // "In addition to the two bombers, ...": counted by `perpetrators_besides`.
        let s0 = m.tokens.start;
        if t.matches_before(s0, &["addition", "to", "the"]) || t.matches_before(s0, &["addition", "to"]) || (s0 > range.start && matches!(t.low(s0 - 1), "besides")) || t.matches_before(s0, &["besides", "the"]) {
            continue;
        }
        let vp = victim_phrase(t, lex, m.tokens.end, end);
        if m.tokens.start > range.start && LIVES_VERBS.contains(&t.low(m.tokens.start - 1)) && t.low(m.tokens.end) == "lives" {
            // "claimed 30 lives".
            let ev = t.span(m.tokens.start - 1..m.tokens.end + 1);
            let mut c = figure_claim(m, ClaimKind::Killed, &vp, ev, sentence, t);
            c.victims = None;
            out.push(c);
            continue;
        }
        // "the gang war claimed eight persons", "the blast claimed 12 people": a harmful event
        // that claims people claims their lives.
        if s0 > range.start + 1
            && matches!(t.low(s0 - 1), "claimed" | "claiming" | "claims")
            && HARM_EVENTS.contains(&t.low(s0 - 2))
            && vp.head == Head::Person
            && vp.range.end > m.tokens.end
            && !lex.aux.contains(t.low(vp.range.end))
            && lex.predicate_at(t, vp.range.end).is_none()
        {
            let ev = t.span(s0 - 2..vp.range.end);
            out.push(figure_claim(m, ClaimKind::Killed, &vp, ev, sentence, t));
            continue;
        }
        if vp.head == Head::Thing {
            continue;
        }
        // "carried 31 wounded people", "found 12 dead bodies": the adjective says what happened.
        let adjective_kind = match t.low(m.tokens.end) {
            "wounded" | "injured" => Some(ClaimKind::Injured),
            "dead" => Some(ClaimKind::Killed),
            _ => None,
        }
        .filter(|_| vp.head == Head::Person && vp.range.end > m.tokens.end + 1);
        let mut claim: Option<RawClaim> = None;
        let fwd = forward(t, lex, vp.range.end.max(m.tokens.end), end, nums);
        // "wounding at least 90, including two teenagers who were killed": the verb right before
        // the figure is its own; a predicate found past an aside belongs to someone else.
        let bwd = backward(t, lex, m.tokens.start, range.start);
        let adjacent_active = bwd.is_some();
        let fwd = fwd.filter(|f| !(f.skipped_modifier && adjacent_active));
        // "the number of people killed and wounded has risen to 22 and 30 injured": a toll
        // phrase before the figure names its kind; the list's predicate is the next figure's.
        let fwd = fwd.filter(|f| {
            let listed = nums.iter().any(|n| n.tokens.start > m.tokens.end && n.tokens.start < f.pred_range.start);
            !(listed && toll_before(t, lex, m.tokens.start, range.start).is_some())
        });
        if let Some(f) = fwd {
            // A second predicate for the same people: "were kidnapped and later executed".
            if let Some((p2, s2, e2)) = coordinated_predicate(t, lex, f.pred_range.end, end) {
                if p2.kind != f.pred.kind {
                    let mut c2 = figure_claim(m, p2.kind, &vp, t.span(m.tokens.start..e2), sentence, t);
                    c2.struck = p2.struck;
                    used_preds.push(s2);
                    out.push(c2);
                }
            }
            for (a, b) in singles_beside_figure(t, lex, m, &vp, range.clone(), f.pred_range.start) {
                let mut c1 = single(f.pred.kind, t.span(a..f.pred_range.end), sentence, a);
                c1.victims = Some(t.span(a..b));
                c1.struck = f.pred.struck;
                if t.low(a) == "both" {
                    c1.low = 2;
                    c1.high = Some(2);
                }
                let head = t.low(b - 1);
                c1.perpetrators = PERPETRATOR_NOUNS.contains(&head) || matches!(head, "perpetrator" | "bomber" | "bombers");
                c1.head = Some(head.to_string());
                out.push(c1);
            }
            let ev = t.span(m.tokens.start..f.pred_range.end);
            used_preds.push(f.pred_range.start);
            if f.skipped_modifier || (m.tokens.end..f.pred_range.start).any(|x| t.low(x) == "of") {
                consumed_until = f.pred_range.start;
            }
            let mut c = figure_claim(m, f.pred.kind, &vp, ev, sentence, t);
            c.additive = f.also;
            c.of_hurt = f.of_hurt && f.pred.kind == ClaimKind::Killed;
            c.struck = f.pred.struck;
            // "Nine people, including the bomber, were killed": the perpetrators are inside.
            let inside = vp.range.end.max(m.tokens.end)..f.pred_range.start;
            c.includes_perpetrators = inside.clone().any(|x| t.low(x) == "including")
                && inside.clone().any(|x| PERPETRATOR_NOUNS.contains(&t.low(x)) || matches!(t.low(x), "bomber" | "bombers" | "hijackers" | "militants"));
            claim = Some(c);
        } else if let Some(f) = bwd.filter(|f| !needs_result(f.pred) || result_ok(f.pred, t, vp.range.end.max(m.tokens.end))) {
            // An active predicate's object: "killing 12 people".
            let np_end = vp.range.end.max(m.tokens.end);
            // "left 5 dead" — result verbs are handled by the forward rule; here the object
            // must not be followed by a passive predicate of another kind.
            let to_death = death_result(t, np_end);
            let kind = if to_death > 0 { ClaimKind::Killed } else { f.pred.kind };
            let ev = t.span(f.pred_range.start..np_end + to_death);
            used_preds.push(f.pred_range.start);
            last_active = Some((np_end, kind, f.pred_range.start));
            let mut c = figure_claim(m, kind, &vp, ev, sentence, t);
            c.struck = f.pred.struck && to_death == 0;
            let gerund = f.pred.words.first().is_some_and(|w| w.ends_with("ing")) && f.pred_range.start > range.start && matches!(t.low(f.pred_range.start - 1), "of" | "for");
            c.background = (f.pred.words.last() == Some(&"of") || gerund) && background_nominal(t, f.pred_range.start, range.clone());
            // "killing two soldiers and a civilian": one more person joined to the object.
            if to_death == 0 {
                for (a, b) in singles_after_object(t, lex, np_end, end) {
                    let mut c1 = single(kind, t.span(f.pred_range.start..b), sentence, a);
                    c1.victims = Some(t.span(a..b));
                    c1.struck = c.struck;
                    c1.background = c.background;
                    c1.head = Some(t.low(b - 1).to_string());
                    out.push(c1);
                }
            }
            claim = Some(c);
        } else if let Some((kind, tstart)) = toll_before(t, lex, m.tokens.start, range.start) {
            let ev = t.span(tstart..m.tokens.end);
            let mut c = figure_claim(m, kind, &vp, ev, sentence, t);
            c.cumulative = toll_rising(t, tstart, m.tokens.start);
            // "the death toll could be closer to 50" is a guess, not the toll: it gives way to
            // stated figures, like a vague quantity.
            let hedged = (tstart..m.tokens.start).any(|k| matches!(t.low(k), "could" | "may" | "might" | "feared" | "expected" | "likely"));
            c.toll = !hedged;
            c.vague |= hedged;
            claim = Some(c);
        } else if let Some((np_end, kind, pstart)) = last_active {
            // "killed two soldiers and three civilians": the second object shares the verb.
            // Also past a conjoined noun of the first object: "killing 12 administrators and
            // engineers and four technicians".
            let joined_noun = m.tokens.start >= np_end + 3
                && m.tokens.start - 1 - np_end <= 3
                && matches!(t.low(np_end), "and" | ",")
                && (np_end + 1..m.tokens.start - 1).all(|x| t.kind(x) == Some(sitrep_segment::TokenKind::Word) && lex.predicate_at(t, x).is_none() && !matches!(t.low(x), "and" | "or" | "in" | "at" | "on" | "of"));
            // Or past the first object's place: "killed 12 soldiers in Kano and four civilians".
            let placed = m.tokens.start >= np_end + 3
                && m.tokens.start - 1 - np_end <= 4
                && matches!(t.low(np_end), "in" | "at" | "near")
                && (np_end + 1..m.tokens.start - 1).all(|x| t.capitalized(x));
            if m.tokens.start >= 1 && matches!(t.low(m.tokens.start - 1), "and" | ",") && (m.tokens.start - 1 == np_end || joined_noun || placed) {
                let ev = t.span(pstart..vp.range.end.max(m.tokens.end));
                last_active = Some((vp.range.end.max(m.tokens.end), kind, pstart));
                claim = Some(figure_claim(m, kind, &vp, ev, sentence, t));
            }
        }
        if claim.is_none() {
            if let Some(kind) = adjective_kind {
                claim = Some(figure_claim(m, kind, &vp, t.span(m.tokens.start..vp.range.end), sentence, t));
            }
        }
        if let Some(mut c) = claim {
            if subset_before(m) {
                c.subset = true;
            }


            if m.tokens.start > range.start && matches!(t.low(m.tokens.start - 1), "another" | "additional" | "further") || t.low(m.tokens.end) == "more" {
                c.additive = true;
            }
            out.push(c);
        }
    }
    coded_fatalities(t, range.clone(), sentence, &mut out);
    deadly_shooting(t, range.clone(), sentence, &mut out);
    fatally_among(t, range.clone(), nums, sentence, &mut out);
    singular_claims(t, lex, range.clone(), &used_preds, sentence, antecedents, &mut out);
    along_with(t, lex, range.clone(), nums, sentence, &mut out);
    only_casualties(t, range.clone(), sentence, antecedents, &mut out);
    perpetrators_besides(t, range.clone(), sentence, antecedents, &mut out);
    negations(t, lex, range.clone(), sentence, antecedents, &mut out);
    // "In addition, one of the assailants ... killing a civilian": the sentence adds people.
    if t.matches(range.start, &["in", "addition", ","]) || matches!(t.low(range.start), "additionally" | "separately") && t.low(range.start + 1) == "," {
        for c in out.iter_mut().filter(|c| !c.perpetrators) {
            c.additive = true;
        }
    }
    // A time phrase that puts a figure before the incident ("a day after 18 died", "two years
    // ago 12-year-old Jane Doe was killed", "killed 30 herders last November").
    for c in out.iter_mut() {
        let start = t.toks.partition_point(|tok| tok.span.start < c.span.start);
        if earlier_time(t, start, range.clone(), c.span) {
            c.earlier = true;
        }
    }
    // "A second activist was killed ... where the first one died two weeks ago": the earlier
    // death is the background the ordinal counts from, so this one adds to nothing.
    let earlier_kinds: Vec<ClaimKind> = out.iter().filter(|c| c.earlier).map(|c| c.kind).collect();
    for c in out.iter_mut().filter(|c| c.additive && !c.earlier && earlier_kinds.contains(&c.kind)) {
        c.additive = false;
    }
    // "40 men were shot for treason and their bodies hung from poles": people shot whose
    // bodies the same sentence goes on to name are dead.
    for c in out.iter_mut().filter(|c| c.kind == ClaimKind::Injured) {
        let start = t.toks.partition_point(|tok| tok.span.start < c.span.start);
        let after = t.toks.partition_point(|tok| tok.span.start < c.span.end);
        let shot = (start..after).any(|x| t.low(x) == "shot");
        let bodies = (after..end.min(after + 15)).any(|x| {
            matches!(t.low(x), "their" | "his" | "her")
                && matches!(t.low(x + 1), "bodies" | "body" | "corpses" | "corpse")
                && (x + 2..end.min(x + 5)).any(|y| BODY_DISPOSED.contains(&t.low(y)))
        });
        if shot && bodies {
            c.kind = ClaimKind::Killed;
            c.struck = false;
        }
    }
    // "One of the five people hospitalized has died": a death among those counted as hurt.
    for c in out.iter_mut().filter(|c| c.kind == ClaimKind::Killed) {
        let start = t.toks.partition_point(|tok| tok.span.start < c.span.start);
        if t.low(start + 1) == "of" && (start + 2..(start + 9).min(end)).any(|x| matches!(t.low(x), "hospitalized" | "hospitalised" | "injured" | "wounded" | "hurt")) {
            c.of_hurt = true;
        }
    }
    // "A toddler who was critically injured ... has died": the injury is the same person.
    let deaths: Vec<Span> = out.iter().filter(|c| c.kind == ClaimKind::Killed && c.low == 1 && c.named.is_none()).map(|c| c.span).collect();
    out.retain(|c| !(c.kind == ClaimKind::Injured && c.low == 1 && deaths.iter().any(|d| d.contains(c.span) && *d != c.span)));
    out.sort_by_key(|c| c.anchor);
    out
}

/// A toll phrase before a figure: "the death toll rose to 40".
fn toll_before(t: &Tokens, lex: &Lexicon, start: usize, floor: usize) -> Option<(ClaimKind, usize)> {
    // A toll verb right before the figure, with "toll" earlier in the clause.
    if start > floor + 1 && matches!(t.low(start - 1), "to" | "at" | "reached" | "hit" | "is" | "was" | "stands" | "now") {
        let mut k = start - 1;
        while k > floor && start - k < 30 {
            k -= 1;
            let w = t.low(k);
            if matches!(w, "." | ";" | ":") || t.kind(k) == Some(sitrep_segment::TokenKind::Number) {
                break;
            }
            let counted = matches!(w, "figure" | "figures" | "count" | "tally") && k > floor && matches!(t.low(k - 1), "casualty" | "death" | "fatality" | "body");
            // "The number of people (who were) killed ... rose to 86 / is 86".
            if hurt_kind(w).is_some() {
                if let Some(n) = (k.saturating_sub(6).max(floor)..k).find(|&j| t.low(j) == "number" && t.low(j + 1) == "of") {
                    // "the number of people killed and wounded has risen to 22 and 30 injured":
                    // the first of the two kinds is the first figure's (at worst, the word at k).
                    let kind = (n + 2..=k).find_map(|j| hurt_kind(t.low(j)))?;
                    return Some((kind, if n > floor && t.low(n - 1) == "the" { n - 1 } else { n }));
                }
            }
            if w == "toll" || counted {
                let kind = if k > floor && matches!(t.low(k - 1), "injury" | "injuries") { ClaimKind::Injured } else { ClaimKind::Killed };
                let s = if k > floor && matches!(t.low(k - 1), "death" | "injury" | "casualty") { k - 1 } else { k };
                return Some((kind, s));
            }
        }
    }
    let mut k = start;
    let mut steps = 0;
    while k > floor && steps < 8 {
        let w = t.low(k - 1);
        if w == "toll" {
            // "death toll", "injury toll"
            let kind = if k >= 2 && matches!(t.low(k - 2), "injury" | "injuries") { ClaimKind::Injured } else { ClaimKind::Killed };
            let s = if k >= 2 && matches!(t.low(k - 2), "death" | "injury" | "casualty") { k - 2 } else { k - 1 };
            return Some((kind, s));
        }
        if matches!(w, "dead" | "deaths" | "fatalities" | "killed") && k >= 3 && t.matches_before(k - 1, &["number", "of"]) {
            return Some((ClaimKind::Killed, k - 3));
        }
        if matches!(w, "injured" | "wounded") && k >= 3 && t.matches_before(k - 1, &["number", "of"]) {
            return Some((ClaimKind::Injured, k - 3));
        }
        if TOLL_FILLERS.contains(&w) {
            k -= 1;
            steps += 1;
            continue;
        }
        let _ = lex;
        return None;
    }
    None
}

/// The kind of harm a word of a "number of ..." phrase names: "killed", "dead", "deaths",
/// "fatalities"; "injured", "wounded".
fn hurt_kind(w: &str) -> Option<ClaimKind> {
    match w {
        "killed" | "dead" | "deaths" | "fatalities" => Some(ClaimKind::Killed),
        "injured" | "wounded" => Some(ClaimKind::Injured),
        _ => None,
    }
}

fn toll_rising(t: &Tokens, from: usize, to: usize) -> bool {
    (from..to).any(|k| matches!(t.low(k), "rose" | "risen" | "climbed" | "jumped" | "increased" | "mounted" | "grew" | "soared" | "rises"))
}

/// Words that end a subject phrase when walking back from a predicate.
const SUBJECT_STOP: &[&str] = &["ago", ",", ";", ":", "and", "or", "but", "when", "while", "after", "before", "as", "that", "which", "who", "where", "because", "said", "says", "say", "\"", "“", "”", "(", ")", "if", "since", "although", "though", "until"];

const SINGULAR_PERSON_HEADS: &[&str] = &[
    "victim", "man", "woman", "boy", "girl", "child", "driver", "officer", "soldier", "policeman",
    "civilian", "person", "teenager", "student", "guard", "worker", "farmer", "resident",
    "passenger", "journalist", "elder", "leader", "commander", "official", "doctor", "teacher",
    "trader", "gunman", "attacker", "assailant", "bomber", "shooter", "suspect", "baby", "toddler",
    "infant", "youth", "pedestrian", "bystander", "motorist", "cyclist", "owner", "employee",
];

const PRONOUN_SUBJECTS: &[&str] = &["he", "she"];

/// Is the phrase `r` a person's name (capitalised words, not a common noun)?
fn proper_name(t: &Tokens, lex: &Lexicon, r: Range<usize>, sentence_start: usize) -> Option<String> {
    proper_name_ext(t, lex, r, sentence_start, false)
}

/// [`proper_name`], optionally accepting one capitalised word at the sentence start.
fn proper_name_ext(t: &Tokens, lex: &Lexicon, r: Range<usize>, sentence_start: usize, single_ok: bool) -> Option<String> {
    if r.is_empty() || r.len() > 5 {
        return None;
    }
    let mut words = Vec::new();
    for k in r.clone() {
        let raw = t.raw(k);
        let low = t.low(k);
        if raw == "-" || raw == "." || raw == "'" {
            continue;
        }
        // Particles inside a name ("Khaled al-Zintani", "Jose Gomes da Rocha") and initials
        // ("Mohammad A. Kushin").
        let inner = k > r.start && k + 1 < r.end;
        if inner && matches!(low, "al" | "el" | "bin" | "ibn" | "de" | "da" | "van" | "von" | "la" | "le" | "du" | "dos" | "das" | "del" | "di" | "abu" | "ould" | "ag") {
            words.push(raw);
            continue;
        }
        if inner && raw.len() == 1 && raw.chars().all(char::is_uppercase) && t.low(k + 1) == "." {
            words.push(raw);
            continue;
        }
        if matches!(low, "mr" | "mrs" | "ms" | "dr" | "sgt" | "gen" | "col" | "capt" | "lt" | "maj" | "haji" | "hajji" | "alhaji" | "mullah" | "maulana" | "sheikh" | "prof" | "rev" | "sen" | "gov" | "deputy" | "officer" | "sergeant" | "corporal" | "constable" | "inspector" | "chief") && k + 1 < r.end {
            continue;
        }
        if !t.capitalized(k) || lex.is_person_capitalized(low) || NOT_NAMES.contains(&low) {
            return None;
        }
        words.push(raw);
    }
    // A lone capitalised word at the sentence start is too weak ("Police died" is not a name).
    if words.len() < 2 && r.start == sentence_start && !single_ok {
        return None;
    }
    if words.is_empty() {
        return None;
    }
    Some(words.join(" "))
}

/// Nouns that a verb of killing or wounding can take that are not people.
const NOT_PEOPLE: &[&str] = &[
    "vehicle", "car", "truck", "bus", "building", "house", "home", "animal", "cow", "goat", "camel",
    "dog", "horse", "plan", "deal", "bill", "project", "proposal", "motion", "engine", "tank",
    "drone", "aircraft", "plane", "helicopter", "target", "time", "day", "number", "lot",
];

/// Capitalised words that are not people's names.
const NOT_NAMES: &[&str] = &[
    "police", "the", "a", "an", "he", "she", "they", "it", "officials", "authorities", "army",
    "government", "state", "islamic", "taliban", "ministry", "hospital", "sunday", "monday",
    "tuesday", "wednesday", "thursday", "friday", "saturday", "christmas", "easter",
    "thanksgiving", "halloween", "eid", "ramadan", "new", "memorial", "labor", "independence",
    "valentine's", "january", "february", "march",
    "april", "may", "june", "july", "august", "september", "october", "november", "december",
    "no", "nobody", "one", "two", "three", "both", "all", "some", "many", "several", "his", "her",
    "their", "its", "our", "this", "that", "these", "those", "there", "who", "which", "what",
    "isis", "isil", "daesh", "al", "qaeda", "shabaab", "forces", "force", "troops", "u.s", "us",
    "un", "nato", "county", "city", "street", "road", "district", "province", "village",
];

fn singular_claims(t: &Tokens, lex: &Lexicon, range: Range<usize>, used: &[usize], sentence: usize, antecedents: &Antecedents, out: &mut Vec<RawClaim>) {
    left_one(t, lex, range.clone(), sentence, out);
    found_body(t, range.clone(), sentence, out);
    let mut i = range.start;
    while i < range.end {
        let Some((p, e)) = lex.predicate_at(t, i).or_else(|| sustained_injuries(t, lex, i, range.end)) else {
            i += 1;
            continue;
        };
        if used.contains(&i) || p.noun {
            i = e;
            continue;
        }
        if p.passive || p.intrans {
            if let Some(mut c) = singular_subject(t, lex, range.clone(), i, e, p, sentence, antecedents) {
                c.struck = p.struck;
                // "An official was shot dead ..., and a party outlet said he was killed because
                // ...": "he" after one person of the same kind in the sentence is that person.
                let pronoun = c.victims.is_some_and(|v| {
                    let x = t.toks.partition_point(|tok| tok.span.start < v.start);
                    x < t.toks.len() && t.toks[x].span == v && matches!(t.low(x), "he" | "she")
                });
                if pronoun && out.iter().any(|o| o.sentence == sentence && o.kind == c.kind && o.low == 1 && o.anchor < c.anchor && !o.perpetrators) {
                    i = e;
                    continue;
                }
                out.push(c);
                i = e;
                continue;
            }
        }
        if p.active && !intended(t, i) {
            if let Some(mut c) = singular_object(t, lex, range.clone(), i, e, p, sentence, antecedents) {
                c.struck = p.struck;
                // "protested against the killing of a student", "the anniversary of the death
                // of an imam": the nominal is the background, as for figures.
                let gerund = p.words.first().is_some_and(|w| w.ends_with("ing")) && i > range.start && matches!(t.low(i - 1), "of" | "for");
                // Bodies found are this report's news, whatever date stands beside them.
                let bodies = p.words.first().is_some_and(|w| w.starts_with("bod"));
                c.background |= (p.words.last() == Some(&"of") || gerund) && !bodies && background_nominal(t, i, range.clone());
                let after = c.victims.filter(|_| c.named.is_some()).map(|v| t.toks.partition_point(|tok| tok.span.start < v.end));
                out.push(c.clone());
                // "killed Jane Doe, 21, and John Roe, 22": each name listed is one more person.
                if let Some(k) = after {
                    for (r, name) in more_named_objects(t, lex, k, range.end) {
                        let mut more = c.clone();
                        more.named = Some(name);
                        more.victims = Some(t.span(r.clone()));
                        more.span = t.span(r.clone());
                        more.anchor = r.start;
                        out.push(more);
                    }
                }
            }
        }
        i = e;
    }
}

/// "sustained/suffered (minor, non-life-threatening, ...) injuries" at `i`: the rule-built
/// intransitive injury predicate and its end. Only modifiers may stand between verb and noun.
fn sustained_injuries<'l>(t: &Tokens, lex: &'l Lexicon, i: usize, end: usize) -> Option<(&'l Predicate, usize)> {
    if !matches!(t.low(i), "sustained" | "suffered" | "sustains" | "suffers") {
        return None;
    }
    let x = (i + 1..(i + 7).min(end)).find(|&x| matches!(t.low(x), "injuries" | "injury" | "wounds" | "burns"))?;
    let plain = (i + 1..x).all(|k| t.kind(k) == Some(sitrep_segment::TokenKind::Word) || t.low(k) == "-") && !(i + 1..x).any(|k| matches!(t.low(k), "no" | "and" | "the" | "his" | "her" | "their"));
    plain.then_some((&lex.sustained_rule, x + 1))
}

/// "The shooting left Jane Doe, 21, and John Roe, 22, dead": named people left dead or hurt,
/// one claim each.
fn left_named(t: &Tokens, lex: &Lexicon, range: Range<usize>, sentence: usize, out: &mut Vec<RawClaim>) {
    for i in range.clone() {
        if !matches!(t.low(i), "left" | "leaving" | "leaves") || !t.capitalized(i + 1) {
            continue;
        }
        let start = i + 1;
        let mut e = start;
        while e < range.end && e < start + 5 && (t.capitalized(e) || (e > start && t.raw(e) == ".")) {
            e += 1;
        }
        let Some(first) = (e >= start + 2).then(|| proper_name(t, lex, start..e, usize::MAX)).flatten() else {
            continue;
        };
        let mut names = vec![(start..e, first)];
        names.extend(more_named_objects(t, lex, e, range.end));
        // The state after the last name (and its age).
        let mut k = names.last().map_or(e, |(r, _)| r.end);
        if t.low(k) == "," && t.kind(k + 1) == Some(sitrep_segment::TokenKind::Number) {
            k += 2;
        }
        if t.low(k) == "," {
            k += 1;
        }
        let kind = match t.low(k) {
            "dead" => ClaimKind::Killed,
            "injured" | "wounded" | "hurt" => ClaimKind::Injured,
            _ => continue,
        };
        for (r, name) in names {
            let mut c = single(kind, t.span(r.clone()), sentence, r.start);
            c.named = Some(name);
            c.victims = Some(t.span(r));
            out.push(c);
        }
    }
}

/// Names listed after a named object: ", 21, and John Roe, 22", "and Mary Major".
fn more_named_objects(t: &Tokens, lex: &Lexicon, mut k: usize, end: usize) -> Vec<(Range<usize>, String)> {
    let mut out = Vec::new();
    let age = |k: usize| t.low(k) == "," && t.kind(k + 1) == Some(sitrep_segment::TokenKind::Number);
    loop {
        if age(k) {
            k += 2;
        }
        if t.low(k) == "," && t.low(k + 1) == "and" {
            k += 1;
        }
        if !matches!(t.low(k), "and" | ",") || k + 2 >= end {
            break;
        }
        let start = k + 1;
        let mut e = start;
        while e < end && e < start + 5 && (t.capitalized(e) || (e > start && t.raw(e) == ".")) {
            e += 1;
        }
        // Two words at least, then the end of the phrase.
        let closed = e >= end || NP_STOP.contains(&t.low(e)) || matches!(t.low(e), "," | "." | ";" | "last" | "early" | "late");
        match (e >= start + 2 && closed).then(|| proper_name(t, lex, start..e, usize::MAX)).flatten() {
            Some(name) => out.push((start..e, name)),
            None => break,
        }
        k = e;
    }
    out
}

/// Person nouns that name a body of people, not one person ("police was deployed").
const COLLECTIVE_HEADS: &[&str] = &["police", "military", "army", "security", "staff", "personnel", "crew", "family", "people", "youth", "public", "militia", "gendarmerie"];

/// Verbs that say a body was found.
const BODY_FOUND: &[&str] = &["found", "discovered", "recovered", "retrieved", "dumped", "pulled", "dug", "exhumed", "washed", "lying", "identified"];

/// "A charred body found in western Mexico ...", "police found a body", "Another body had been
/// taken to the morgue": one dead person more. Only an indefinite body counts; "his body" and
/// "the body" are of someone already reported.
fn found_body(t: &Tokens, range: Range<usize>, sentence: usize, out: &mut Vec<RawClaim>) {
    for i in range.clone() {
        if t.low(i) != "body" {
            continue;
        }
        // A determiner and at most two adjectives ("a charred", "a badly decomposed").
        let Some(d) = (i.saturating_sub(3).max(range.start)..i).rev().find(|&d| matches!(t.low(d), "a" | "another")) else {
            continue;
        };
        if (d + 1..i).any(|x| t.kind(x) != Some(sitrep_segment::TokenKind::Word) && t.low(x) != "-") {
            continue;
        }
        let before = d > range.start && BODY_FOUND.contains(&t.low(d - 1));
        let after = (i + 1..(i + 5).min(range.end)).take_while(|&x| t.kind(x) == Some(sitrep_segment::TokenKind::Word)).any(|x| BODY_FOUND.contains(&t.low(x)) || (t.low(x) == "taken" && t.low(d) == "another"));
        // "a body armour", "a body of water": not a corpse.
        let noun_after = matches!(t.low(i + 1), "of" | "armour" | "armor" | "camera" | "cameras" | "bag" | "guard" | "guards" | "count" | "parts");
        if (before || after) && !noun_after {
            let mut c = single(ClaimKind::Killed, t.span(d..i + 1), sentence, i);
            c.additive = t.low(d) == "another";
            c.victims = Some(t.span(d..i + 1));
            out.push(c);
        }
    }
}

/// "The shooting left a teenager injured", "leaving a 12-year-old dead": one person, named by
/// an indefinite article and a person noun (or an age: "a 12-year-old"), left dead or hurt.
fn left_one(t: &Tokens, lex: &Lexicon, range: Range<usize>, sentence: usize, out: &mut Vec<RawClaim>) {
    left_named(t, lex, range.clone(), sentence, out);
    for i in range.clone() {
        if !matches!(t.low(i), "left" | "leaving" | "leaves") || !matches!(t.low(i + 1), "a" | "an") {
            continue;
        }
        // A short noun phrase ("a 12-year-old boy" is seven tokens), then the state.
        for n in (i + 2..(i + 9).min(range.end)).filter(|&n| n + 1 < range.end) {
            let kind = match t.low(n + 1) {
                "dead" => ClaimKind::Killed,
                "injured" | "wounded" | "hurt" => ClaimKind::Injured,
                _ => continue,
            };
            let noun = t.low(n);
            let person = lex.is_person(noun) && !noun.ends_with('s') || noun.ends_with("-old") || (noun == "old" && t.low(n - 1) == "-");
            if person && (i + 2..=n).all(|k| t.kind(k) != Some(sitrep_segment::TokenKind::Punct) || t.low(k) == "-") {
                let mut c = single(kind, t.span(i..n + 2), sentence, i);
                c.victims = Some(t.span(i + 1..n + 1));
                out.push(c);
            }
            break;
        }
    }
}

fn single(kind: ClaimKind, span: Span, sentence: usize, anchor: usize) -> RawClaim {
    RawClaim {
        kind,
        low: 1,
        high: Some(1),
        qualifier: Qualifier::Exact,
        victims: None,
        span,
        sentence,
        subset: false,
        additive: false,
        cumulative: false,
        campaign: false,
        perpetrators: false,
        named: None,
        definite: false,
        anchor,
        toll: false,
        struck: false,
        coded: false,
        background: false,
        vague: false,
        earlier: false,
        head: None,
        source: None,
        includes_perpetrators: false,
        victims_other: false,
        of_hurt: false,
    }
}

/// True when token `k` ends a subject walking backwards: a clause word, or a dash that
/// stands apart ("EVANS, Ga. (WJBF) – A teenager was…"), not one inside "two-year-old".
fn subject_stop(t: &Tokens, k: usize) -> bool {
    let w = t.low(k);
    SUBJECT_STOP.contains(&w) || matches!(w, "–" | "—") || (w == "-" && !(k > 0 && t.touching(k - 1) && t.touching(k)))
}

/// The longest run of capitalised words ending at `r.end` that reads as a name, skipping
/// titles before it ("Police Officer JD DeGuzman" → "JD DeGuzman").
fn name_suffix(t: &Tokens, lex: &Lexicon, r: Range<usize>, single_ok: bool) -> Option<(usize, String)> {
    (r.start..r.end)
        .find_map(|ns| proper_name_ext(t, lex, ns..r.end, if single_ok { ns } else { usize::MAX }, single_ok).map(|n| (ns, n)))
        .filter(|(_, n)| single_ok || n.split_whitespace().count() >= 2)
}

#[allow(clippy::too_many_arguments)]
fn singular_subject(t: &Tokens, lex: &Lexicon, range: Range<usize>, pi: usize, pe: usize, p: &Predicate, sentence: usize, antecedents: &Antecedents) -> Option<RawClaim> {
    // Walk back over auxiliaries.
    let mut k = pi;
    // "was identified and killed", "was shot in the head and killed": the predicate shares the
    // auxiliary of the verb before it.
    if k >= range.start + 2 && t.low(k - 1) == "and" {
        if let Some(v) = (k.saturating_sub(7).max(range.start)..k - 1).rev().find(|&x| {
            let w = t.low(x);
            (w.ends_with("ed") || w == "shot" || w == "hit" || w == "struck") && lex.aux.contains(t.low(x.saturating_sub(1)))
        }) {
            k = v;
        }
    }
    let mut aux = Vec::new();
    while k > range.start && lex.aux.contains(t.low(k - 1)) {
        k -= 1;
        aux.push(t.low(k));
    }
    // "..., with the village chief killed at a fair": an absolute phrase of one person.
    if aux.is_empty() && p.passive && k > range.start {
        let with = (k.saturating_sub(6).max(range.start)..k).rev().find(|&w| t.low(w) == "with");
        if let Some(w) = with.filter(|&w| matches!(t.low(w + 1), "a" | "an" | "the" | "his" | "her") && w + 2 < k) {
            let words = (w + 1..k).all(|x| t.kind(x) == Some(sitrep_segment::TokenKind::Word) || t.low(x) == "-");
            if words && singular_person_at(t, lex, k - 1) {
                let mut c = single(p.kind, t.span(w + 1..pe), sentence, pi);
                c.definite = t.low(w + 1) != "a" && t.low(w + 1) != "an";
                c.victims = Some(t.span(w + 1..k));
                return Some(c);
            }
        }
    }
    // "a teen accidentally shot his brother" is active: a manner adverb is no auxiliary.
    let manner = |a: &str| matches!(a, "accidentally" | "unintentionally" | "inadvertently" | "mistakenly");
    let manner_only = aux.iter().all(|a| manner(a));
    if p.passive && !p.intrans && manner_only {
        return None;
    }
    // "a boy who accidentally shot and killed one of his friends": a relative pronoun with no
    // form of "be" before an active verb and its object; the subject did the killing.
    let relative_only = aux.iter().any(|a| matches!(*a, "who" | "that")) && aux.iter().all(|a| matches!(*a, "who" | "that") || manner(a));
    if relative_only && p.active && pe < range.end {
        let next = t.low(pe);
        let object = matches!(next, "a" | "an" | "the" | "his" | "her" | "their" | "him" | "them" | "one" | "two" | "three" | "four" | "five")
            || t.kind(pe) == Some(sitrep_segment::TokenKind::Number)
            || (t.capitalized(pe) && t.kind(pe) == Some(sitrep_segment::TokenKind::Word));
        if object {
            return None;
        }
    }
    // Hypotheses are not claims: "if the patient dies", "he would have died".
    if aux.iter().any(|a| matches!(*a, "would" | "will" | "could")) {
        return None;
    }
    {
        let mut x = k;
        while x > range.start && k - x < 8 && !matches!(t.low(x - 1), "," | ";" | "." | ":") {
            if matches!(t.low(x - 1), "if" | "unless" | "whether") {
                return None;
            }
            x -= 1;
        }
    }
    // "Both men were taken to a hospital, where they were pronounced dead"; "Two men were
    // shot ... They died at the scene": "they" is the group named before.
    let singular_aux = aux.iter().any(|a| matches!(*a, "was" | "is" | "has"));
    if k > range.start && t.low(k - 1) == "they" && (k - 1 == range.start || subject_stop(t, k - 2)) && p.kind == ClaimKind::Killed && !singular_aux && (!aux.is_empty() || p.intrans) {
        let both = t.low(range.start) == "both" && (range.start + 1..(range.start + 4).min(k - 1)).any(|x| lex.is_person(t.low(x)));
        if let Some((low, high)) = if both { Some((2, Some(2))) } else { antecedents.get(THEY).copied() } {
            let mut c = single(p.kind, t.span(k - 1..pe), sentence, pi);
            c.low = low;
            c.high = high;
            c.definite = true;
            c.victims = Some(t.span(k - 1..k));
            return Some(c);
        }
    }
    let plural_aux = aux.iter().any(|a| matches!(*a, "were" | "are" | "have")) && !aux.contains(&"was");
    if plural_aux {
        // Plural subjects carry their own figure; "they were killed" has none, but
        // "both attackers were killed" has two, and "the officers were killed" refers back.
        let mut s = k;
        while s > range.start && k - s < 6 && !SUBJECT_STOP.contains(&t.low(s - 1)) {
            s -= 1;
        }
        if let Some(c) = conjoined_singles(t, lex, range.clone(), k, pi, pe, p, sentence) {
            return Some(c);
        }
        // "The tribal elder's nephew and driver were killed".
        if k >= range.start + 4 && t.low(k - 2) == "and" && lex.is_person(t.low(k - 1)) && lex.is_person(t.low(k - 3)) && !t.low(k - 1).ends_with('s') && !t.low(k - 3).ends_with('s') && t.low(k - 4).ends_with("'s") {
            let mut c = single(p.kind, t.span(k - 4..pe), sentence, pi);
            c.low = 2;
            c.high = Some(2);
            c.victims = Some(t.span(k - 4..k));
            return Some(c);
        }
        if s < k && t.low(s) == "both" {
            let mut c = single(p.kind, t.span(s..pe), sentence, pi);
            c.low = 2;
            c.high = Some(2);
            c.perpetrators = (s..k).any(|x| PERPETRATOR_NOUNS.contains(&t.low(x)));
            c.victims = Some(t.span(s..k));
            return Some(c);
        }
        // "The number of people who were killed ... is 86" names a toll, not the people.
        let toll_subject = (s..k).any(|x| matches!(t.low(x), "number" | "toll" | "total"));
        if s + 1 < k && t.low(s) == "the" && (s == range.start || t.low(s - 1) == ",") && !toll_subject {
            let head = t.low(k - 1);
            let perp_fallback = || {
                PERPETRATOR_NOUNS.contains(&head).then(|| any_perpetrator_count(antecedents)).flatten()
            };
            if let Some((low, high)) = antecedents.get(head).copied().or_else(perp_fallback) {
                let mut c = single(p.kind, t.span(s..pe), sentence, pi);
                c.low = low;
                c.high = high;
                c.definite = true;
                c.perpetrators = PERPETRATOR_NOUNS.contains(&head);
                c.victims = Some(t.span(s..k));
                return Some(c);
            }
        }
        return None;
    }
    let mut s_end = k;
    if let Some(c) = conjoined_single(t, lex, range.clone(), k, pi, pe, p, sentence) {
        return Some(c);
    }
    // "the young boy who was shot to death": the subject is before the relative pronoun.
    if s_end > range.start + 1 && matches!(t.low(s_end - 1), "who" | "that") {
        s_end -= 1;
    }
    // "Jane Doe, 16, of Springfield, died": the age and home town after the name are
    // appositions; the name is before them.
    if s_end > range.start + 1 && t.low(s_end - 1) == "," {
        let mut close = s_end - 1;
        loop {
            let mut open = close;
            while open > range.start && close - open < 6 && t.low(open - 1) != "," {
                open -= 1;
            }
            let age = close == open + 1 && t.kind(open) == Some(sitrep_segment::TokenKind::Number);
            let home = close > open + 1 && t.low(open) == "of" && (open + 1..close).all(|x| t.capitalized(x) || t.low(x) == ".");
            if !(age || home) || open <= range.start + 1 || t.low(open - 1) != "," {
                break;
            }
            close = open - 1;
        }
        if close < s_end - 1 {
            let mut open = close;
            while open > range.start && close - open < 7 && !subject_stop(t, open - 1) {
                open -= 1;
            }
            if let Some((ns, name)) = name_suffix(t, lex, open..close, false) {
                let mut c = single(p.kind, t.span(ns..pe), sentence, pi);
                c.named = Some(name);
                c.victims = Some(t.span(ns..close));
                return Some(c);
            }
        }
    }
    // "..., Jane Doe, was killed": the name between the commas.
    if s_end > range.start + 1 && t.low(s_end - 1) == "," {
        let close = s_end - 1;
        let mut open = close;
        while open > range.start && close - open < 24 && t.low(open - 1) != "," {
            open -= 1;
        }
        if let Some(name) = proper_name(t, lex, open..close, usize::MAX) {
            let mut c = single(p.kind, t.span(open..pe), sentence, pi);
            c.named = Some(name);
            c.victims = Some(t.span(open..close));
            return Some(c);
        }
        // "Jane Doe, a camp leader, was killed": the name before the apposition.
        if open > range.start + 1 && t.low(open - 1) == "," {
            let close2 = open - 1;
            let mut open2 = close2;
            while open2 > range.start && close2 - open2 < 7 && !subject_stop(t, open2 - 1) {
                open2 -= 1;
            }
            let at_start = open2 == range.start || subject_stop(t, open2 - 1);
            if let Some((ns, name)) = name_suffix(t, lex, open2..close2, at_start).filter(|(ns, _)| at_start || close2 - ns >= 2) {
                let open2 = ns;
                let mut c = single(p.kind, t.span(open2..pe), sentence, pi);
                c.named = Some(name);
                c.victims = Some(t.span(open2..close2));
                return Some(c);
            }
        }
        return sentence_initial_single(t, lex, range, pi, pe, p, sentence, &aux);
    }
    let mut s = s_end;
    while s > range.start && s_end - s < 8 {
        if subject_stop(t, s - 1) || lex.predicate_at(t, s - 1).is_some() {
            break;
        }
        s -= 1;
    }
    if s >= s_end {
        return sentence_initial_single(t, lex, range, pi, pe, p, sentence, &aux);
    }
    // "A member of the right-leaning Liberal Constitutionalist Party was killed": a longer
    // subject is taken only when it opens with one person's noun and a preposition.
    if s_end - s == 8 && s > range.start && !subject_stop(t, s - 1) {
        let mut s2 = s;
        while s2 > range.start && s_end - s2 < 18 && !subject_stop(t, s2 - 1) && lex.predicate_at(t, s2 - 1).is_none() {
            s2 -= 1;
        }
        let opens = (s2 == range.start || subject_stop(t, s2 - 1)) && matches!(t.low(s2), "a" | "an" | "the");
        let head_of = (s2 + 2..(s2 + 4).min(s_end)).find(|&x| matches!(t.low(x), "of" | "for" | "at")).is_some_and(|x| singular_person_at(t, lex, x - 1));
        if opens && head_of {
            s = s2;
        }
    }
    if t.low(s) == "only" && s + 1 < s_end {
        s += 1;
    }
    // "Officials identified the young boy who was shot to death", "Relatives confirmed Monday
    // the toddler has died": the subject is the noun phrase after the reporting verb.
    if let Some(d) = (s + 1..s_end).rev().find(|&d| {
        matches!(t.low(d), "the" | "a" | "an")
            && (t.low(d - 1).ends_with("ed") || matches!(t.low(d - 1), "say" | "says" | "said" | "told") || (d >= s + 2 && DAYS.contains(&t.low(d - 1)) && t.low(d - 2).ends_with("ed")))
            && (d + 1..s_end).all(|x| !NP_STOP.contains(&t.low(x)))
    }) {
        s = d;
    }
    let subj: Vec<&str> = (s..s_end).map(|x| t.low(x)).collect();
    let first = subj[0];
    let evidence = t.span(s..pe);
    let mut c = single(p.kind, evidence, sentence, pi);
    let head = t.low(s_end - 1);
    if s > range.start && matches!(t.low(s - 1), "no") {
        return None;
    }
    if matches!(first, "another" | "one") && s_end - s == 1 && s > range.start && matches!(t.low(s - 1), "and" | ",") {
        // "One officer was killed and another was injured".
        c.additive = first == "another";
        c.victims = Some(t.span(s..s_end));
        return Some(c);
    }
    if matches!(first, "a" | "an" | "one" | "another") {
        // "an alleged drug dealer was shot dead": after a verb of killing, "a" + noun is a person.
        // Things are blown up too: "a boys school was blown up" needs a person at the head.
        if p.words.first() == Some(&"blown") && !lex.is_person(head) {
            return None;
        }
        let lenient = p.kind == ClaimKind::Killed && (aux.contains(&"was") || p.intrans) && !NOT_PEOPLE.contains(&head) && !subj.contains(&"of");
        if !subj.iter().any(|w| lex.is_person(w)) && !person_like(t.raw(s_end - 1), head) && !lenient {
            return None;
        }
        c.additive = first == "another" || aux.contains(&"also") || subj.iter().any(|w| matches!(*w, "second" | "third" | "fourth" | "fifth" | "sixth"));
        c.perpetrators = PERPETRATOR_NOUNS.contains(&head);
        c.victims = Some(t.span(s..s_end));
        return Some(c);
    }
    if first == "both" && s_end - s <= 3 {
        c.low = 2;
        c.high = Some(2);
        c.definite = true;
        c.perpetrators = subj.iter().any(|w| PERPETRATOR_NOUNS.contains(w));
        c.victims = Some(t.span(s..s_end));
        return Some(c);
    }
    // "Daharia's mother was killed": a possessor and one person.
    let possessive = (s..s_end).any(|x| t.low(x) == "'s" || t.low(x).ends_with("'s")) && s_end - s <= 8;
    if (matches!(first, "his" | "her") || possessive) && s_end - s <= 8 && (lex.is_person(head) && !head.ends_with('s')) {
        c.victims = Some(t.span(s..s_end));
        c.additive = aux.contains(&"also");
        return Some(c);
    }
    // "the director of a local radio station was shot": the head is the noun before the
    // first preposition.
    let of_head = (s + 2..s_end).find(|&x| matches!(t.low(x), "of" | "for" | "at")).is_some_and(|x| singular_person_at(t, lex, x - 1));
    if first == "the" && (SINGULAR_PERSON_HEADS.contains(&head) || (lex.is_person(head) && !head.ends_with('s')) || (of_head && !aux.iter().any(|a| matches!(*a, "were" | "are" | "have")))) {
        c.definite = true;
        c.perpetrators = PERPETRATOR_NOUNS.contains(&head);
        c.victims = Some(t.span(s..s_end));
        return Some(c);
    }
    if s_end - s == 1 && PRONOUN_SUBJECTS.contains(&first) {
        c.definite = true;
        c.victims = Some(t.span(s..s_end));
        return Some(c);
    }
    // A name, possibly after a title or age: "16-year-old Jane Doe", "Police Officer John Roe".
    // One capitalised word before "was" at the sentence start: a surname already introduced.
    // "Doe later died", "Doe has died": adverbs and a singular auxiliary keep the subject one person.
    let singular_adverbs = aux.iter().all(|a| matches!(*a, "later" | "eventually" | "subsequently" | "then" | "also" | "has" | "had" | "since"));
    let single_ok = (aux.contains(&"was") || (singular_adverbs && p.intrans)) && s_end - s == 1;
    // "the grandson of U.S. Rep. Jane Doe was shot": a name after "of" is the possessor; the
    // victim is the noun before "of".
    let possessor = name_suffix(t, lex, s..s_end, single_ok).and_then(|(ns, _)| (ns.saturating_sub(6).max(s)..ns).rev().find(|&x| t.low(x) == "of"));
    if let Some(of) = possessor {
        let head = t.low(of.saturating_sub(1));
        if of > s && lex.is_person(head) && !head.ends_with('s') {
            c.definite = true;
            c.victims = Some(t.span(s..of));
            return Some(c);
        }
        return None;
    }
    if let Some((ns, name)) = name_suffix(t, lex, s..s_end, single_ok) {
        c.named = Some(name);
        c.victims = Some(t.span(ns..s_end));
        return Some(c);
    }
    sentence_initial_single(t, lex, range, pi, pe, p, sentence, &aux)
}

/// Single people listed with a figure before a shared predicate: "An army officer and two
/// militants were killed", "four cadres and a Police Sub-Inspector were killed".
fn singles_beside_figure(t: &Tokens, lex: &Lexicon, m: &NumberMention, vp: &VictimPhrase, range: Range<usize>, pred: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    // Before: "X and <figure>" / "X, and <figure>".
    let mut k = m.tokens.start;
    if k > range.start && t.low(k - 1) == "and" {
        k -= 1;
        if k > range.start && t.low(k - 1) == "," {
            k -= 1;
        }
        let end = k;
        let mut s = end;
        while s > range.start && end - s < 6 && !subject_stop(t, s - 1) {
            s -= 1;
            if matches!(t.low(s), "a" | "an" | "one") {
                break;
            }
        }
        // "The assailant and four soldiers", "The driver and one passenger": a definite single.
        if let Some(the) = (s..end).find(|&x| t.low(x) == "the").filter(|_| !matches!(t.low(s), "a" | "an")) {
            s = the;
        }
        let noun_phrase = (s..end).all(|x| !lex.aux.contains(t.low(x)) && lex.predicate_at(t, x).is_none());
        let head = t.low(end - 1);
        let single_head = (lex.is_person(head) || person_like(t.raw(end - 1), head)) && !head.ends_with('s');
        let indefinite = matches!(t.low(s), "a" | "an") && (s + 1..end).any(|x| lex.is_person(t.low(x)) || person_like(t.raw(x), t.low(x)));
        let definite = t.low(s) == "the" && end - s <= 4 && single_head;
        if s < end && noun_phrase && (indefinite || definite) {
            out.push((s, end));
        } else {
            // A name: "Sergeant Ali Khan and two other officers were killed"; "The victim,
            // Younis Ahmed, and two relatives died" (the name is the victim: one person).
            let mut n = end;
            let particle = |x: usize| matches!(t.low(x), "al" | "el" | "bin" | "ibn" | "de" | "da" | "van" | "von" | "abu");
            while n > range.start && end - n < 6 && (t.capitalized(n - 1) || matches!(t.raw(n - 1), "-" | ".") || (particle(n - 1) && n < end)) {
                n -= 1;
            }
            let opens = n == range.start || t.low(n - 1) == ",";
            let named = n < end && opens && t.capitalized(n) && proper_name_ext(t, lex, n..end, range.start, false).is_some();
            // A place or an organisation before "and" is not a person: the name must not be
            // the sentence's opening "In ..." or a collective.
            if named && (n == range.start || !(range.start..n).any(|x| matches!(t.low(x), "in" | "at" | "near" | "from"))) {
                out.push((n, end));
            }
        }
    }
    // After: "<figure> <victims> and a X <predicate>", "... and the perpetrator dead",
    // "... and both assailants".
    let mut k = vp.range.end.max(m.tokens.end);
    // Past the figure's "of" phrase: "three supporters of the ruling party and a man".
    if t.low(k) == "of" {
        if let Some(x) = (k + 1..(k + 8).min(pred)).take_while(|&x| (t.kind(x) == Some(sitrep_segment::TokenKind::Word) || matches!(t.low(x), "'s" | "’s" | "-" | "'" | "’")) && lex.predicate_at(t, x).is_none() && !lex.aux.contains(t.low(x))).find(|&x| t.low(x) == "and") {
            k = x;
        }
    }
    if k + 1 < pred && t.low(k) == "and" && matches!(t.low(k + 1), "a" | "an" | "the" | "both" | "another") {
        let v2 = victim_phrase(t, lex, k + 2, pred + 1);
        let head = v2.range.end.checked_sub(1).map(|h| t.low(h)).unwrap_or("");
        let ok = v2.head == Head::Person && v2.range.end > k + 2 && (!matches!(t.low(k + 1), "the" | "another") || !head.ends_with('s'));
        if ok {
            out.push((k + 1, v2.range.end));
        } else if another_of(t, lex, k + 1, pred + 1).is_some() {
            out.push((k + 1, k + 2));
        }
    }
    out
}

/// "another from a rival party", "another of the guards": the pronoun "another" with its own
/// short phrase, ending at an auxiliary or a predicate. Returns where that phrase ends.
fn another_of(t: &Tokens, lex: &Lexicon, k: usize, end: usize) -> Option<usize> {
    if t.low(k) != "another" {
        return None;
    }
    if lex.aux.contains(t.low(k + 1)) || lex.predicate_at(t, k + 1).is_some() {
        return Some(k + 1);
    }
    if !matches!(t.low(k + 1), "from" | "of") {
        return None;
    }
    (k + 2..(k + 9).min(end))
        .take_while(|&x| t.kind(x) == Some(sitrep_segment::TokenKind::Word) || matches!(t.low(x), "'s" | "-"))
        .find(|&x| lex.aux.contains(t.low(x)) || lex.predicate_at(t, x).is_some())
}

/// What is done with the dead: "their bodies were dumped / hung from poles / left on the road".
const BODY_DISPOSED: &[&str] = &["found", "dumped", "hung", "hanged", "hanging", "left", "recovered", "thrown", "displayed", "strung", "buried", "burned", "burnt", "dragged", "mutilated", "handed"];

/// Single people joined to a figure's object: "killing two soldiers and a civilian", "killed
/// four policemen and another officer". Figures joined the same way ("and three civilians")
/// are objects of their own and are not taken here. Returns each person's token range.
fn singles_after_object(t: &Tokens, lex: &Lexicon, mut k: usize, end: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    while k + 2 < end {
        if t.low(k) == "," && t.low(k + 1) == "and" {
            k += 1;
        }
        if t.low(k) != "and" || !matches!(t.low(k + 1), "a" | "an" | "another") {
            break;
        }
        let vp = victim_phrase(t, lex, k + 2, end);
        let head = vp.range.end.checked_sub(1).map_or("", |h| t.low(h));
        if vp.head != Head::Person || vp.range.end <= k + 2 || head.ends_with('s') {
            break;
        }
        out.push((k + 1, vp.range.end));
        k = vp.range.end;
    }
    out
}

/// [`more_single_objects`] after the object's "of" phrase: "killed a local leader of the ruling
/// party and his brother", "killed the son of the council chair, and a woman who was with him".
fn more_single_objects_after_of(t: &Tokens, lex: &Lexicon, k: usize, end: usize) -> (u64, usize) {
    let direct = more_single_objects(t, lex, k, end);
    if direct.0 > 0 || t.low(k) != "of" {
        return direct;
    }
    // The "of" phrase: words, possessives and hyphens up to the joining "and" or comma.
    let mut x = k + 1;
    while x < end && x < k + 10 {
        let w = t.low(x);
        if matches!(w, "and" | ",") {
            break;
        }
        let word = t.kind(x) == Some(sitrep_segment::TokenKind::Word) || matches!(w, "'s" | "-" | "'" | "’s");
        if !word || (NP_STOP.contains(&w) && !matches!(w, "the" | "a" | "an" | "of")) || lex.predicate_at(t, x).is_some() {
            return direct;
        }
        x += 1;
    }
    if x == k + 1 || !matches!(t.low(x), "and" | ",") {
        return direct;
    }
    let (more, last) = more_single_objects(t, lex, x, end);
    if more == 0 {
        return direct;
    }
    (more, last)
}

/// More single people joined to an object: "... and another passenger", "... and a woman".
/// Returns how many, and where the last one ends.
fn more_single_objects(t: &Tokens, lex: &Lexicon, mut k: usize, end: usize) -> (u64, usize) {
    let mut n = 0;
    let mut last = k;
    loop {
        if !matches!(t.low(k), "and" | ",") || k + 2 >= end {
            break;
        }
        // ", and a woman"
        if t.low(k) == "," && t.low(k + 1) == "and" {
            k += 1;
        }
        // "and four children", "and his two guards": a figure joined to the object.
        let at = if matches!(t.low(k + 1), "his" | "her" | "their") { k + 2 } else { k + 1 };
        if let Some(m) = numbers_in(t, at..end).into_iter().next().filter(|m| m.tokens.start == at && m.non_count.is_none()) {
            let vp = victim_phrase(t, lex, m.tokens.end, end);
            if vp.head == Head::Person && vp.range.end > m.tokens.end {
                n += m.low;
                last = vp.range.end;
                k = vp.range.end;
                continue;
            }
            break;
        }
        if !matches!(t.low(k + 1), "a" | "an" | "another" | "one" | "his" | "her" | "their") {
            break;
        }
        let vp = victim_phrase(t, lex, k + 2, end);
        if vp.head != Head::Person || vp.range.end <= k + 2 {
            break;
        }
        // "her mother" is one person; "their children" are not counted here.
        if matches!(t.low(k + 1), "his" | "her" | "their") && t.low(vp.range.end - 1).ends_with('s') {
            break;
        }
        n += 1;
        last = vp.range.end;
        k = vp.range.end;
    }
    (n, last)
}

/// "A Mexican indigenous leader who was awarded a prize in 2005 has been shot dead": the
/// sentence opens with one person, and the predicate has a singular auxiliary.
#[allow(clippy::too_many_arguments)]
fn sentence_initial_single(t: &Tokens, lex: &Lexicon, range: Range<usize>, pi: usize, pe: usize, p: &Predicate, sentence: usize, aux: &[&str]) -> Option<RawClaim> {
    // "One of the victims, who was shot in the head, later died": one of a group counted before.
    let st = range.start;
    if t.low(st) == "one" && t.low(st + 1) == "of" && matches!(t.low(st + 2), "the" | "those") && pi <= st + 30 && p.kind == ClaimKind::Killed {
        let noun = t.low(st + 3);
        let relative = matches!(t.low(st + 4), "who" | ",") || noun == "who";
        let no_plural_aux = !aux.iter().any(|a| matches!(*a, "were" | "are" | "have"));
        if (lex.is_person(noun) || noun == "victims" || noun == "who") && relative && no_plural_aux && (p.intrans || aux.contains(&"was")) {
            let mut c = single(p.kind, t.span(st..pe), sentence, pi);
            c.definite = true;
            c.subset = true;
            c.of_hurt = (st + 4..pi).any(|x| matches!(t.low(x), "shot" | "wounded" | "injured" | "hurt" | "hospitalized" | "hospitalised"));
            c.victims = Some(t.span(st..st + 4));
            return Some(c);
        }
    }
    // "A teen who was caught in the crossfire died": a past intransitive needs no auxiliary.
    let past_intrans = p.intrans && matches!(p.words.first(), Some(&"died") | Some(&"succumbed")) && aux.iter().all(|a| matches!(*a, "later" | "eventually" | "subsequently" | "then"));
    if !(past_intrans || aux.iter().any(|a| matches!(*a, "was" | "has" | "had" | "is" | "being"))) || pi > range.start + 40 {
        return None;
    }
    let mut k = range.start;
    // "On 3 May 2020, a muezzin ...", "Late on Friday, the leader ...": skip the adverbial.
    if matches!(t.low(k), "on" | "in" | "at" | "late" | "early" | "yesterday" | "today" | "last" | "earlier" | "overnight" | "meanwhile" | "around" | "reported") {
        // The subject starts after a comma, at a determiner followed by a person noun
        // ("On Thursday evening, in Sadr, Baghdad, Iraq, a high-profile official ...").
        let found = (k + 1..(k + 30).min(pi)).find(|&x| {
            t.low(x) == "," && matches!(t.low(x + 1), "a" | "an" | "the") && (x + 2..(x + 8).min(pi)).any(|y| lex.is_person(t.low(y)))
        });
        match found {
            Some(c) => k = c + 1,
            None => {
                if let Some(c) = (k + 1..(k + 12).min(pi)).find(|&x| t.low(x) == ",") {
                    k = c + 1;
                }
            }
        }
    }
    // "DAYTON, Ohio (AP) – A teen ...": the subject starts after the wire placeline's dash.
    if let Some(d) = (k..(k + 12).min(pi)).find(|&x| matches!(t.low(x), "–" | "—" | "-") && subject_stop(t, x)) {
        if (k..d).all(|x| t.capitalized(x) || t.kind(x) == Some(sitrep_segment::TokenKind::Punct) || t.raw(x).chars().all(|ch| ch.is_uppercase())) {
            k = d + 1;
        }
    }
    let start = k;
    let det = t.low(k);
    let definite = match det {
        "a" | "an" | "one" => false,
        "the" => true,
        _ => {
            // A headline's bare noun phrase: "Local government official has been shot dead".
            let s_end = (k..pi).find(|&x| lex.aux.contains(t.low(x))).unwrap_or(pi);
            let bare = k == range.start
                && (1..=4).contains(&(s_end - k))
                && (k..s_end).all(|x| t.kind(x) == Some(sitrep_segment::TokenKind::Word) && (x == k || !t.capitalized(x)))
                && (s_end..pi).all(|x| lex.aux.contains(t.low(x)))
                && singular_person_at(t, lex, s_end - 1)
                && !COLLECTIVE_HEADS.contains(&t.low(s_end - 1));
            if !bare {
                return None;
            }
            let mut c = single(p.kind, t.span(start..pe), sentence, pi);
            c.victims = Some(t.span(start..s_end));
            c.perpetrators = PERPETRATOR_NOUNS.contains(&t.low(s_end - 1));
            return Some(c);
        }
    };
    k += 1;
    let limit = (k + 6).min(pi);
    while k < limit {
        let w = t.low(k);
        // "A prominent conservationist who worked on ...": the noun before "who" is a person.
        let before_who = t.low(k + 1) == "who" && t.kind(k) == Some(sitrep_segment::TokenKind::Word) && !w.ends_with('s');
        if singular_person_at(t, lex, k) || before_who {
            let mut c = single(p.kind, t.span(start..pe), sentence, pi);
            c.definite = definite;
            c.victims = Some(t.span(start..k + 1));
            c.perpetrators = PERPETRATOR_NOUNS.contains(&w);
            return Some(c);
        }
        if NP_STOP.contains(&w) && !matches!(w, "-" | "of" | "the" | "a" | "an") {
            return None;
        }
        k += 1;
    }
    None
}

/// "A man and a 2-year-old boy were killed", "Jane Doe and John Roe died": people listed one
/// by one before a plural predicate (figures in the list are claims of their own).
#[allow(clippy::too_many_arguments)]
fn conjoined_singles(t: &Tokens, lex: &Lexicon, range: Range<usize>, aux_start: usize, pi: usize, pe: usize, p: &Predicate, sentence: usize) -> Option<RawClaim> {
    // Walk back over conjuncts separated by "and" / ",".
    let mut end = aux_start;
    // The people counted, nearest the verb first: (start, a name?).
    let mut items: Vec<(usize, bool)> = Vec::new();
    loop {
        let mut s = end;
        while s > range.start && end - s < 8 && !matches!(t.low(s - 1), "and" | "," | ";" | ":" | "when" | "after" | "that" | "while" | "as") {
            s -= 1;
        }
        if s >= end {
            break;
        }
        let name = name_suffix(t, lex, s..end, false);
        // "in Vila Nova, Santa Clara, an adolescent and a woman were shot": a name after a
        // word of place opens a list of places, and the names listed after it are places too.
        if name.as_ref().is_some_and(|&(ns, _)| ns > range.start && matches!(t.low(ns - 1), "in" | "at" | "near" | "from" | "outside" | "of")) {
            while items.last().is_some_and(|&(_, is_name)| is_name) {
                items.pop();
            }
            break;
        }
        let first = t.low(s);
        // Some(a name?) when the conjunct is one person.
        let person = if (matches!(first, "a" | "an" | "one") && (s + 1..end).any(|x| lex.is_person(t.low(x))))
            || (matches!(first, "his" | "her" | "their") && end - s == 2 && lex.is_person(t.low(s + 1)) && !t.low(s + 1).ends_with('s'))
        {
            Some(false)
        } else if end - s == 1 && lex.is_person(first) && !first.ends_with('s') && first != "old" && matches!(t.low(s.saturating_sub(1)), "," | "and") {
            // "A man, woman and boy": a bare noun in a list that opened with "a".
            Some(false)
        } else if !items.is_empty() && end - s == 1 && t.capitalized(s) && !NOT_NAMES.contains(&first) && !lex.is_person_capitalized(first) {
            // "Hakim and his son": a surname already introduced, beside another person.
            Some(true)
        } else if let Some((ns, _)) = name.filter(|(ns, _)| end - ns >= 2) {
            s = ns;
            Some(true)
        } else {
            None
        };
        let Some(is_name) = person else { break };
        items.push((s, is_name));
        if s > range.start + 1 && matches!(t.low(s - 1), "and" | ",") {
            end = s - 1;
            if t.low(end) == "," && t.low(end - 1) == "and" {
                end -= 1;
            }
            continue;
        }
        break;
    }
    if items.len() < 2 {
        return None;
    }
    let (start, _) = *items.last()?;
    let count = items.len() as u64;
    let mut c = single(p.kind, t.span(start..pe), sentence, pi);
    c.low = count;
    c.high = Some(count);
    c.victims = Some(t.span(start..aux_start));
    Some(c)
}

/// "A traditional ruler and nine other people were killed": the single person before "and".
#[allow(clippy::too_many_arguments)]
fn conjoined_single(t: &Tokens, lex: &Lexicon, range: Range<usize>, aux_start: usize, pi: usize, pe: usize, p: &Predicate, sentence: usize) -> Option<RawClaim> {
    // Find "and" + figure between the subject start and the auxiliaries.
    let mut x = aux_start;
    while x > range.start && aux_start - x < 8 && t.low(x - 1) != "and" {
        x -= 1;
    }
    if x <= range.start || t.low(x - 1) != "and" {
        return None;
    }
    let and = x - 1;
    let mut s = and;
    while s > range.start && and - s < 6 && !SUBJECT_STOP.contains(&t.low(s - 1)) {
        s -= 1;
    }
    if s >= and || !matches!(t.low(s), "a" | "an" | "one") {
        return None;
    }
    if !(s + 1..and).any(|k| lex.is_person(t.low(k))) {
        return None;
    }
    let mut c = single(p.kind, t.span(s..pe), sentence, pi);
    c.victims = Some(t.span(s..and));
    Some(c)
}

#[allow(clippy::too_many_arguments)]
fn singular_object(t: &Tokens, lex: &Lexicon, range: Range<usize>, pi: usize, pe: usize, p: &Predicate, sentence: usize, antecedents: &Antecedents) -> Option<RawClaim> {
    // "found the bodies of the officers", "killed the hostages": as many as were counted before.
    if t.low(pe) == "the" && pe + 1 < range.end {
        let head = t.low(pe + 1);
        let head2 = t.low(pe + 2);
        let (h, end) = if lex.is_person(head) && head.ends_with('s') { (head, pe + 2) } else if lex.is_person(head2) && head2.ends_with('s') && !lex.is_person(head) { (head2, pe + 3) } else { ("", 0) };
        if let Some(&(low, high)) = antecedents.get(h) {
            if !needs_result(p) {
                let mut c = single(p.kind, t.span(pi..end), sentence, pi);
                c.low = low;
                c.high = high;
                c.definite = true;
                c.victims = Some(t.span(pe..end));
                c.perpetrators = PERPETRATOR_NOUNS.contains(&h);
                return Some(c);
            }
        }
    }
    let c = singular_object_inner(t, lex, range, pi, pe, p, sentence)?;
    if needs_result(p) {
        let end = t.toks.partition_point(|tok| tok.span.start < c.span.end);
        if !result_ok(p, t, end) {
            return None;
        }
    }
    Some(c)
}

fn singular_object_inner(t: &Tokens, lex: &Lexicon, range: Range<usize>, pi: usize, pe: usize, p: &Predicate, sentence: usize) -> Option<RawClaim> {
    let k = pe;
    if k >= range.end {
        return None;
    }
    let first = t.low(k);
    // "wounding his father", "shooting her mother".
    if matches!(first, "his" | "her" | "their") {
        let vp = victim_phrase(t, lex, k + 1, range.end);
        if vp.head == Head::Person && vp.range.end > k + 1 && !t.low(vp.range.end - 1).ends_with('s') {
            let mut c = single(p.kind, t.span(pi..vp.range.end), sentence, pi);
            c.victims = Some(t.span(k..vp.range.end));
            c.definite = true;
            return Some(c);
        }
    }
    if first == "the" && matches!(t.low(k + 1), "other" | "second" | "third") && !lex.is_person(t.low(k + 2)) {
        let mut c = single(p.kind, t.span(pi..k + 2), sentence, pi);
        c.definite = false;
        return Some(c);
    }
    if matches!(first, "him" | "her") && p.kind == ClaimKind::Killed {
        // "killing him and his two guards": more people joined to the pronoun.
        let (more, end) = more_single_objects(t, lex, k + 1, range.end);
        let mut c = single(p.kind, t.span(pi..end.max(k + 1)), sentence, pi);
        c.low += more;
        c.high = Some(c.low);
        c.definite = more == 0;
        return Some(c);
    }
    if matches!(first, "himself" | "herself") {
        let mut c = single(p.kind, t.span(pi..k + 1), sentence, pi);
        c.perpetrators = true;
        return Some(c);
    }
    // "the killing of another" (a definition in law) names nobody; "killing another" does.
    let nominal = p.words.last() == Some(&"of");
    if matches!(first, "another" | "one") && !nominal && (k + 1 >= range.end || matches!(t.low(k + 1), "," | "." | "and" | "in" | "on" | "at" | "while" | "when" | ";")) {
        let mut c = single(p.kind, t.span(pi..k + 1), sentence, pi);
        c.additive = first == "another";
        return Some(c);
    }
    if matches!(first, "a" | "an" | "one" | "another") {
        let vp = victim_phrase(t, lex, k + 1, range.end);
        // After a verb of killing, "a" + noun is nearly always a person ("killed a polling
        // observer"); not after a weak verb ("lost an inch", "buried a dog").
        let weak = matches!(p.words.first(), Some(&"lost") | Some(&"losing") | Some(&"buried") | Some(&"found"));
        let lenient = !weak && p.kind == ClaimKind::Killed && vp.head == Head::Thing && vp.range.end > k + 1 && !NOT_PEOPLE.contains(&t.low(vp.range.end - 1));
        if vp.head == Head::Person || lenient {
            let to_death = death_result(t, vp.range.end);
            let kind = if to_death > 0 { ClaimKind::Killed } else { p.kind };
            let (more, end) = more_single_objects_after_of(t, lex, vp.range.end, range.end);
            let mut c = single(kind, t.span(pi..end.max(vp.range.end + to_death)), sentence, pi);
            c.low += more;
            c.high = Some(c.low);
            c.victims = Some(t.span(k..vp.range.end));
            c.additive = first == "another";
            c.perpetrators = vp.perpetrators;
            return Some(c);
        }
        return None;
    }
    // "killed the mayor of the town": a definite person.
    if first == "the" {
        let vp = victim_phrase(t, lex, k + 1, range.end);
        // "killed the head of the education department": "head of" is a person.
        let head_of = vp.range.end > k + 1 && t.low(vp.range.end - 1) == "head" && t.low(vp.range.end) == "of";
        if (vp.head == Head::Person || head_of) && vp.range.end > k + 1 {
            let head = t.low(vp.range.end - 1);
            if !head.ends_with('s') || SINGULAR_PERSON_HEADS.contains(&head) {
                let (more, end) = more_single_objects_after_of(t, lex, vp.range.end, range.end);
                let mut c = single(p.kind, t.span(pi..end.max(vp.range.end)), sentence, pi);
                c.low += more;
                c.high = Some(c.low);
                c.victims = Some(t.span(k..vp.range.end));
                c.definite = true;
                c.perpetrators = vp.perpetrators;
                return Some(c);
            }
        }
        return None;
    }
    // A name after a few lowercase title words: "killed prominent writer Jane Doe", or after
    // an age: "the fatal shooting of 15-year-old Jane Doe".
    let mut k = k;
    let mut titles = 0;
    if let Some(n) = age_words(t, k) {
        k += n;
        titles += 1;
    }
    while titles < 4 && k < range.end && !t.capitalized(k) && t.kind(k) == Some(sitrep_segment::TokenKind::Word) && !NP_STOP.contains(&t.low(k)) && !matches!(t.low(k), "left" | "leaving" | "leaves") {
        k += 1;
        titles += 1;
    }
    if titles > 0 && !(k < range.end && t.capitalized(k) && t.capitalized(k + 1)) {
        return None;
    }
    // A name: up to four capitalised words (with particles and initials).
    let mut e = k;
    while e < range.end && e < k + 6 {
        let w = t.low(e);
        let particle = e > k && matches!(w, "al" | "el" | "bin" | "ibn" | "de" | "da" | "-" | "." | "abu");
        let name_word = t.capitalized(e) && !NOT_NAMES.contains(&w) && !lex.is_person_capitalized(w);
        // An initial inside a name: "Mohammad A. Kushin".
        let initial = e > k && t.raw(e).len() == 1 && t.raw(e).chars().all(char::is_uppercase) && t.low(e + 1) == ".";
        if !particle && !name_word && !initial {
            break;
        }
        e += 1;
    }
    // A particle does not end a name: "... of Jane Doe." stops before the full stop.
    while e > k + 1 && matches!(t.low(e - 1), "." | "-" | "al" | "el" | "bin" | "ibn" | "de" | "da" | "abu") {
        e -= 1;
    }
    // "killed Hamza, the son of ...": one word, then an apposition.
    if e == k + 1 && p.kind == ClaimKind::Killed && t.low(e) == "," && matches!(t.low(e + 1), "the" | "a" | "an") {
        let mut c = single(p.kind, t.span(pi..e), sentence, pi);
        c.named = Some(t.raw(k).to_string());
        c.victims = Some(t.span(k..e));
        return Some(c);
    }
    if e > k + 1 {
        if let Some(name) = proper_name(t, lex, k..e, range.start) {
            let mut c = single(p.kind, t.span(pi..e), sentence, pi);
            c.named = Some(name);
            c.victims = Some(t.span(k..e));
            return Some(c);
        }
    }
    None
}

/// "Police are investigating a deadly shooting": at least one death, a vague figure that any
/// stated one replaces.
fn deadly_shooting(t: &Tokens, range: Range<usize>, sentence: usize, out: &mut Vec<RawClaim>) {
    for i in range.start + 1..range.end {
        if !(matches!(t.low(i), "deadly" | "fatal") && t.low(i + 1) == "shooting" && matches!(t.low(i - 1), "a" | "the")) {
            continue;
        }
        if i + 2 < range.end && matches!(t.low(i + 2), "of" | "that" | "which" | "spree" | "rampage") {
            continue;
        }
        let mut c = single(ClaimKind::Killed, t.span(i - 1..i + 2), sentence, i);
        c.high = None;
        c.qualifier = Qualifier::AtLeast;
        c.vague = true;
        out.push(c);
    }
}

/// "Four people were shot, one fatally": a death among those struck.
fn fatally_among(t: &Tokens, range: Range<usize>, nums: &[NumberMention], sentence: usize, out: &mut Vec<RawClaim>) {
    if !out.iter().any(|c| c.struck) {
        return;
    }
    for m in nums {
        let e = m.tokens.end;
        let of_them = t.matches(e, &["of", "them", "fatally"]) || t.matches(e, &["of", "whom", "fatally"]);
        if (t.low(e) == "fatally" || of_them) && m.tokens.start > range.start && matches!(t.low(m.tokens.start - 1), "," | "and" | "-" | "—") {
            let end = if of_them { e + 3 } else { e + 1 };
            let mut c = single(ClaimKind::Killed, t.span(m.tokens.start..end), sentence, m.tokens.start);
            c.low = m.low;
            c.high = m.high;
            c.of_hurt = true;
            out.push(c);
        }
    }
}

/// Words after which an "along with" conjunct has ended ("along with his partner over the
/// weekend"), besides the days of the week.
const CONJUNCT_END: &[&str] = &[
    "over", "near", "during", "from", "by", "outside", "inside", "while", "before", "last", "late", "early", "yesterday", "today", "overnight", "this",
];

/// "was killed along with his wife, mother-in-law and driver": people harmed with the victim.
fn along_with(t: &Tokens, lex: &Lexicon, range: Range<usize>, nums: &[NumberMention], sentence: usize, out: &mut Vec<RawClaim>) {
    let Some(base) = out.iter().find(|c| c.sentence == sentence && c.low > 0 && matches!(c.kind, ClaimKind::Killed | ClaimKind::Injured)).map(|c| (c.kind, c.span.end)) else {
        return;
    };
    for i in range.clone() {
        if !t.matches(i, &["along", "with"]) || t.toks.get(i).is_none_or(|tok| tok.span.start < base.1) {
            continue;
        }
        let mut k = i + 2;
        let mut n = 0u64;
        let mut high = Some(0u64);
        while k < range.end {
            let w = t.low(k);
            if matches!(w, "his" | "her" | "their" | "a" | "an" | "the" | "and" | ",") {
                k += 1;
                continue;
            }
            // "was killed along with eight others": a figure of people.
            if let Some(m) = nums.iter().find(|m| m.tokens.start == k && m.non_count.is_none()) {
                let other = usize::from(t.low(m.tokens.end) == "other");
                let noun = t.low(m.tokens.end + other);
                if noun == "others" || (lex.is_person(noun) && plural_noun(noun)) {
                    n += m.low;
                    high = high.zip(m.high).map(|(a, b)| a + b);
                    k = m.tokens.end + other + 1;
                }
                break;
            }
            // One conjunct: words up to the next comma / "and" / clause end, holding a person noun.
            let start = k;
            while k < range.end && !matches!(t.low(k), "," | "and" | "." | ";" | "on" | "in" | "at" | "as" | "when" | "after" | "who") && !CONJUNCT_END.contains(&t.low(k)) && !DAYS.contains(&t.low(k)) {
                k += 1;
            }
            // "mother-in-law": a hyphenated compound goes on.
            while k < range.end && t.low(k) == "in" && t.low(k - 1) == "-" && t.touching(k - 1) {
                k += 1;
                while k < range.end && !matches!(t.low(k), "," | "and" | "." | ";" | "on" | "at" | "as" | "when" | "after" | "who") {
                    k += 1;
                }
            }
            let words: Vec<&str> = (start..k).map(|x| t.low(x)).collect();
            let Some(head) = words.last().copied() else { break };
            if !(lex.is_person(head) || head == "law") || plural_noun(head) && head != "boss" {
                break;
            }
            n += 1;
            high = high.map(|h| h + 1);
            if !matches!(t.low(k), "," | "and") {
                break;
            }
        }
        if n > 0 {
            let mut c = single(base.0, t.span(i..k), sentence, i);
            c.low = n;
            c.high = high;
            c.head = Some("along".into());
            out.push(c);
        }
        return;
    }
}

/// One person's noun at `x`: a singular noun of people, or "head" in "the head of …".
fn singular_person_at(t: &Tokens, lex: &Lexicon, x: usize) -> bool {
    let w = t.low(x);
    (lex.is_person(w) && !w.ends_with('s')) || (w == "head" && t.low(x + 1) == "of")
}

/// The tokens of an age written before a noun or name ("15-year-old", "6-month-old"), if
/// one starts at `k`.
fn age_words(t: &Tokens, k: usize) -> Option<usize> {
    let unit = |w: &str| matches!(w, "year" | "years" | "month" | "months" | "week" | "weeks" | "day" | "days");
    let number = t.kind(k) == Some(sitrep_segment::TokenKind::Number) || t.low(k).parse::<u32>().is_ok();
    (number && t.low(k + 1) == "-" && unit(t.low(k + 2)) && t.low(k + 3) == "-" && t.low(k + 4) == "old").then_some(5)
}

/// A plural noun of people: "-s", "-men", "people", "children".
fn plural_noun(w: &str) -> bool {
    w.ends_with('s') || w.ends_with("men") || matches!(w, "people" | "children" | "police" | "folk" | "youth" | "kin")
}

/// A coder's note: "Fatalities coded as 0", "Unknown reported fatalities coded as 10".
fn coded_fatalities(t: &Tokens, range: Range<usize>, sentence: usize, out: &mut Vec<RawClaim>) {
    for i in range.clone() {
        if !(t.matches(i, &["coded", "as"]) && (i.saturating_sub(4).max(range.start)..i).any(|k| matches!(t.low(k), "fatalities" | "fatality" | "deaths"))) {
            continue;
        }
        let k = i + 2;
        let Ok(n) = t.raw(k).replace(',', "").parse::<u64>() else { continue };
        // Drop any figure the same note gives for another source ("(VoJ reported 2 fatalities)").
        let mut c = single(ClaimKind::Killed, t.span(i.saturating_sub(1).max(range.start)..k + 1), sentence, k);
        c.low = n;
        c.high = Some(n);
        c.coded = true;
        out.retain(|o| !(o.sentence == sentence && o.kind == ClaimKind::Killed));
        out.push(c);
        return;
    }
}

/// "in addition to the attacker", "besides himself", "as well as the bomber": the
/// perpetrator died too, on top of the victims counted in the sentence.
fn perpetrators_besides(t: &Tokens, range: Range<usize>, sentence: usize, antecedents: &Antecedents, out: &mut Vec<RawClaim>) {
    // A perpetrator's suicide: "shot himself", "blew himself up", "took his own life".
    for i in range.clone() {
        let w = t.low(i);
        let suicide = (matches!(w, "killed" | "blew" | "blowing" | "killing") && matches!(t.low(i + 1), "himself" | "herself"))
            || (matches!(w, "shot" | "shooting") && matches!(t.low(i + 1), "himself" | "herself") && (range.start..range.end).any(|k| matches!(t.low(k), "dead" | "died" | "fatally" | "killing" | "suicide")))
            || (matches!(w, "took" | "taking") && t.matches(i + 1, &["his", "own", "life"]))
            || (matches!(w, "took" | "taking") && t.matches(i + 1, &["her", "own", "life"]))
            || (matches!(w, "turned" | "turning") && (i + 2..range.end.min(i + 6)).any(|k| matches!(t.low(k), "himself" | "herself")) && t.low(i + 2) == "gun");
        let one_dead = out.iter().any(|c| c.sentence == sentence && c.kind == ClaimKind::Killed && c.low == 1 && !c.perpetrators);
        if suicide && !one_dead && !out.iter().any(|c| c.sentence == sentence && c.perpetrators) {
            let e = (i + 1..range.end.min(i + 6)).find(|&k| matches!(t.low(k), "himself" | "herself" | "life")).map_or(i + 2, |k| k + 1);
            let mut c = single(ClaimKind::Killed, t.span(i..e), sentence, i);
            c.perpetrators = true;
            out.push(c);
            return;
        }
    }
    let Some(killed) = out.iter().find(|c| c.sentence == sentence && c.kind == ClaimKind::Killed && c.low > 0).map(|c| c.kind) else {
        return;
    };
    for i in range.clone() {
        let opener = if t.matches(i, &["in", "addition", "to"]) || t.matches(i, &["as", "well", "as"]) {
            3
        } else if matches!(t.low(i), "besides" | "plus") {
            1
        } else {
            continue;
        };
        let mut k = i + opener;
        if matches!(t.low(k), "himself" | "herself") {
            let mut c = single(killed, t.span(i..k + 1), sentence, k);
            c.perpetrators = true;
            out.push(c);
            return;
        }
        if matches!(t.low(k), "the" | "a" | "an") {
            k += 1;
        }
        // "in addition to the two bombers"
        let stated: Option<u64> = match t.low(k) {
            "two" => Some(2),
            "three" => Some(3),
            "four" => Some(4),
            "five" => Some(5),
            "six" => Some(6),
            w => w.parse().ok(),
        };
        if stated.is_some() {
            k += 1;
        }
        if t.low(k) == "suicide" {
            k += 1;
        }
        let w = t.low(k);
        if let (Some(n), true) = (stated, PERPETRATOR_NOUNS.contains(&w) || w == "militants") {
            let mut c = single(killed, t.span(i..k + 1), sentence, k);
            c.low = n;
            c.high = Some(n);
            c.perpetrators = true;
            c.head = Some(w.to_string());
            out.push(c);
            return;
        }
        if k < range.end && PERPETRATOR_NOUNS.contains(&w) && !w.ends_with('s') {
            let mut c = single(killed, t.span(i..k + 1), sentence, k);
            c.perpetrators = true;
            out.push(c);
            return;
        }
        // "In addition to the bombers": as many as were counted before ("two suicide bombers").
        if k < range.end && (PERPETRATOR_NOUNS.contains(&w) || w == "militants") && w.ends_with('s') {
            let count = antecedents.get(w).copied().or_else(|| {
                any_perpetrator_count(antecedents)
            });
            if let Some((low, high)) = count {
                let mut c = single(killed, t.span(i..k + 1), sentence, k);
                c.low = low;
                c.high = high;
                c.perpetrators = true;
                out.push(c);
            }
            return;
        }
    }
}

/// Negated harm: "no one was hurt", "there were no casualties", "without casualties".
fn negations(t: &Tokens, lex: &Lexicon, range: Range<usize>, sentence: usize, antecedents: &Antecedents, out: &mut Vec<RawClaim>) {
    let mut i = range.start;
    while i < range.end {
        let w = t.low(i);
        let zero = |kind: ClaimKind, span: Span| RawClaim { low: 0, high: Some(0), ..single(kind, span, sentence, i) };
        let subject_neg = matches!(w, "nobody" | "none") || (w == "no" && matches!(t.low(i + 1), "one" | "-")) || w == "no-one";
        if subject_neg {
            let mut k = i + 1;
            if t.low(k) == "one" {
                k += 1;
            } else if t.low(k) == "-" && t.low(k + 1) == "one" {
                k += 2;
            }
            // "none of the passengers"
            if t.low(k) == "of" {
                while k < range.end && k < i + 6 && !lex.aux.contains(t.low(k)) {
                    k += 1;
                }
            }
            while k < range.end && lex.aux.contains(t.low(k)) {
                k += 1;
            }
            if let Some((p, e)) = lex.predicate_at(t, k) {
                if p.passive || p.intrans {
                    out.push(zero(p.kind, t.span(i..e)));
                    i = e;
                    continue;
                }
            }
        }
        if w == "no" || w == "without" || (w == "zero") {
            // "no casualties", "no immediate reports of casualties", "no injuries were reported"
            let mut k = i + 1;
            while k < range.end && k < i + 5 {
                let x = t.low(k);
                let kinds: &[ClaimKind] = match x {
                    "casualties" | "casualty" => &[ClaimKind::Killed, ClaimKind::Injured],
                    "injuries" | "injury" | "injured" | "wounded" => &[ClaimKind::Injured],
                    "deaths" | "fatalities" | "death" | "fatality" | "dead" => &[ClaimKind::Killed],
                    "arrests" => &[ClaimKind::Arrested],
                    _ => &[],
                };
                if !kinds.is_empty() {
                    // "no casualties other than the assailants": the perpetrators died.
                    if t.matches(k + 1, &["other", "than"]) {
                        let mut h = k + 3;
                        if t.low(h) == "the" {
                            h += 1;
                        }
                        let head = t.low(h);
                        let count = match head {
                            "bomber" | "assailant" | "attacker" | "gunman" | "perpetrator" => Some((1, Some(1))),
                            _ if PERPETRATOR_NOUNS.contains(&head) || matches!(head, "bombers" | "militants") => {
                                antecedents.get(head).copied().or_else(|| ["bombers", "attackers", "assailants", "gunmen", "militants"].iter().find_map(|n| antecedents.get(*n).copied()))
                            }
                            _ => None,
                        };
                        if let Some((low, high)) = count {
                            let mut c = single(ClaimKind::Killed, t.span(i..h + 1), sentence, i);
                            c.low = low;
                            c.high = high;
                            c.perpetrators = true;
                            out.push(c);
                            i = h;
                            break;
                        }
                    }
                    for &kind in kinds {
                        out.push(zero(kind, t.span(i..k + 1)));
                    }
                    i = k;
                    break;
                }
                if !matches!(x, "immediate" | "reports" | "report" | "reported" | "word" | "of" | "other" | "serious" | "major" | "known" | "confirmed" | "human" | "civilian" | "one") {
                    break;
                }
                k += 1;
            }
        }
        i += 1;
    }
}

/// Scope the claims of a sentence with its cues.
pub fn apply_cues(claims: &mut [RawClaim], cues: SentenceCues) {
    for c in claims.iter_mut() {
        let after = cues.increment_before.is_some_and(|b| c.span.end > b);
        if cues.cumulative || (after && cues.later_cumulative) {
            c.cumulative = true;
        }
        if cues.campaign || (after && cues.later_campaign) {
            c.campaign = true;
        }
    }
}
