//! Place mentions: gazetteer matches, filtered and annotated by their context.
//!
//! The gazetteer ([`sitrep_gazetteer`]) finds every capitalised name it knows. This module
//! keeps the ones that read as places in their sentence and notes what the words around them
//! say:
//!
//! - a match inside scraped noise, or after another capitalised word ("Gen. Khalifa
//!   Haftar", "Juma Khan") is dropped: it is part of a name (a region there is kept as
//!   embedded: "Akhila Kerala Farmers Union" still tells the country); so is one right after a
//!   lower-case word for a person's role or kin ("district president X", "commander X";
//!   `data/person_titles.txt`);
//! - a match joined to another word by a Persian or Urdu linking syllable ("Bagh-e-Lahore",
//!   "Jamiat-ul-Ulema") is a word of a longer name and dropped;
//! - a match followed by another capitalised word ("Kabul Bank", "Kerala Catholic Council")
//!   is kept as [`PlaceMention::embedded`]: it tells the country, not the event's place;
//! - the word before tells whether the place is where something happened ("in", "near",
//!   "outside", "at") — [`PlaceMention::locative`];
//! - a distance or bearing before it ("30 km south of", "east of", "the outskirts of") means
//!   the event is near the place, not in it — [`PlaceMention::relative`];
//! - the noun after it ("province", "district", "city", "village") says which kind of place
//!   the name stands for — [`PlaceMention::head`];
//! - a name the gazetteer does not know as written, where a place is expected ("in Gereshq",
//!   "X village", "in A, X, B"), is kept with the places it is a spelling variant of
//!   ([`sitrep_gazetteer::Gazetteer::variants`]) — [`PlaceMention::variant`].
//!
//! Which candidate a name stands for is the resolve stage's job.

use sitrep_clean::Cleaned;
use sitrep_gazetteer::{Gazetteer, PlaceId};
use sitrep_model::Span;
use sitrep_segment::{Segmented, TokenKind};

/// The kind of place the noun after a name announces.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Head {
    /// "country", "nation".
    Country,
    /// First-level region: "province", "state", "governorate", "region", "oblast".
    Region,
    /// Second-level region: "district", "county", "municipality", "LGA", "commune".
    District,
    /// A settlement: "city", "town", "village", "township".
    Settlement,
}

/// One place name in the text, with what its context says.
#[derive(Clone, Debug, PartialEq)]
pub struct PlaceMention {
    /// Byte span of the name.
    pub span: Span,
    /// Gazetteer entries the name can stand for, best prior first.
    pub candidates: Vec<PlaceId>,
    /// True when the name is a nationality word ("Libyan").
    pub demonym: bool,
    /// Index of the sentence that holds it.
    pub sentence: Option<usize>,
    /// First token of the name.
    pub first_token: usize,
    /// One past the last token of the name.
    pub end_token: usize,
    /// True when a locative word comes before it ("in", "near", "outside", "at").
    pub locative: bool,
    /// True when a distance or bearing comes before it ("30 km south of Kabul").
    pub relative: bool,
    /// The kind of place the next word names, if it names one.
    pub head: Option<Head>,
    /// True when the name begins a longer name ("Kerala Catholic Bishops' Council",
    /// "Hyderabad Press Club"): evidence of the country, not the place of an event.
    pub embedded: bool,
    /// True when the name begins a longer name that a locative word and "the" announce
    /// ("outside the Mardan Press Club"): the venue of the event, which lies in the place.
    pub venue: bool,
    /// True for the other side of a border ("near the border with Somalia", "the Uganda
    /// border"): not where the event happened.
    pub border: bool,
    /// True when the name follows another capitalised name and a comma ("Saun, Bihar,
    /// India"): a link in a chain of places, each inside the next.
    pub listed: bool,
    /// True when only commas, brackets, nouns of place and capitalised words stand between
    /// the previous mention and this one ("Tudun Wada (Kaduna North LGA, Kaduna)",
    /// "Muqur district, Badghis"): the previous place lies in this one.
    pub links_previous: bool,
    /// Bit `i` set when `candidates[i]` matched only through an alternate name
    /// ([`sitrep_gazetteer::PlaceMatch::alternate`]).
    pub alternate: u64,
    /// True when the gazetteer does not know the name as written and the candidates are its
    /// spelling variants ([`Gazetteer::variants`]: "Gereshq" for Gereshk), found only where a
    /// place is expected ("in X", "X village"): weak evidence, for the resolve stage to accept
    /// only in the report's own country.
    pub variant: bool,
}

impl PlaceMention {
    /// True when candidate `i` matched only through an alternate name ("Sui" for Suizhou).
    pub fn is_alternate(&self, i: usize) -> bool {
        sitrep_gazetteer::alternate_bit(self.alternate, i)
    }
}

fn head_of(word: &str) -> Option<Head> {
    Some(match word {
        "country" | "nation" => Head::Country,
        "province" | "provinces" | "state" | "states" | "governorate" | "governorates" | "region" | "regions"
        | "oblast" | "prefecture" | "division" | "territory" | "wilayat" | "emirate" => Head::Region,
        "district" | "districts" | "county" | "counties" | "municipality" | "lga" | "commune" | "department"
        | "tehsil" | "taluka" | "subdistrict" | "sub-district" | "upazila" | "cercle" | "parish" | "borough" => {
            Head::District
        }
        "city" | "town" | "village" | "villages" | "township" | "hamlet" | "suburb" | "neighbourhood"
        | "neighborhood" | "area" | "locality" | "camp" => Head::Settlement,
        _ => return None,
    })
}

/// Words that put an event at the place that follows.
const LOCATIVE: &[&str] = &[
    "in", "near", "outside", "at", "around", "across", "inside", "into", "nearby", "throughout", "towards",
    "toward", "between", "within", "along", "through", "northern",
    "southern", "eastern", "western", "central", "north", "south", "east", "west", "northeast", "northwest",
    "southeast", "southwest", "north-east", "north-west", "south-east", "south-west", "northeastern",
    "northwestern", "southeastern", "southwestern", "north-eastern", "north-western", "south-eastern",
    "south-western",
];

/// Capitalised words that may stand before a place name without making it part of another name.
const PLACE_PREFIXES: &[&str] = &[
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "upper",
    "lower", "greater", "northeast", "northwest", "southeast", "southwest", "northeastern",
    "northwestern", "southeastern", "southwestern", "north-east", "north-west", "south-east",
    "south-west", "north-eastern", "north-western", "south-eastern", "south-western", "in", "near",
    "outside", "at", "across", "from", "on", "the", "and", "but", "when", "while", "after", "before",
    "as", "for", "since", "during", "both", "residents", "officials", "police", "meanwhile",
];

const BEARINGS: &[&str] = &[
    "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "north-east",
    "north-west", "south-east", "south-west", "outskirts", "edge", "outside",
];

const UNITS: &[&str] = &["km", "kms", "kilometres", "kilometers", "kilometre", "kilometer", "miles", "mile", "mi"];

/// Capitalised words that may follow a place name without making it part of another name.
fn free_follower(lower: &str) -> bool {
    head_of(lower).is_some()
        || matches!(
            lower,
            "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday" | "january"
                | "february" | "march" | "april" | "may" | "june" | "july" | "august" | "september"
                | "october" | "november" | "december" | "on" | "in" | "and" | "the" | "at" | "police" | "officials"
                | "authorities" | "residents"
        )
}

/// Lower-case words for a person's role or kin (`data/person_titles.txt`).
static PERSON_TITLES: std::sync::LazyLock<std::collections::HashSet<&'static str>> =
    std::sync::LazyLock::new(|| sitrep_model::table::entries(include_str!("../data/person_titles.txt")).collect());

fn capitalised(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

/// Find the place mentions in a document.
pub fn find_places(text: &str, seg: &Segmented, cleaned: &Cleaned) -> Vec<PlaceMention> {
    find_places_with(Gazetteer::global(), text, seg, cleaned)
}

/// [`find_places`] with a given gazetteer.
pub fn find_places_with(gaz: &Gazetteer, text: &str, seg: &Segmented, cleaned: &Cleaned) -> Vec<PlaceMention> {
    let toks = &seg.tokens;
    let low = |i: usize| toks.get(i).map(|t| t.span.slice(text).to_lowercase()).unwrap_or_default();
    let raw = |i: usize| toks.get(i).map(|t| t.span.slice(text)).unwrap_or("");
    let sentence_start = |i: usize| seg.sentences.iter().any(|s| s.tokens.start == i);
    // "the Binpur block of Midnapore": a named block (an Indian district's subdivision) of a
    // place; "the 1900 block of Fairmont Avenue" is a street address.
    let named_block = |i: usize| low(i) == "block" && i > 0 && capitalised(raw(i - 1)) && toks[i - 1].kind == TokenKind::Word;
    let mut out: Vec<PlaceMention> = Vec::new();
    let (matches, varied) = with_variants(gaz, text, seg, cleaned, gaz.find(text));
    for (k, m) in matches.iter().enumerate() {
        let variant = varied.get(k).copied().unwrap_or(false);
        let span = Span { start: m.start, end: m.end };
        if cleaned.is_noise(span) {
            continue;
        }
        let candidates: Vec<PlaceId> = m.candidates.clone();
        if candidates.is_empty() {
            continue;
        }
        // A word of one or two letters that is the main name of none of its places ("Tk"
        // before a sum of money, an abbreviation that is also a region's other name) is an
        // abbreviation, not a place; "Bo" (Sierra Leone) is a town's own name and stays, and
        // a country's initials ("US", "UK") are the gazetteer's own initialisms.
        let surface = span.slice(text);
        if surface.chars().filter(|c| c.is_alphabetic()).count() <= 2 {
            let key = sitrep_gazetteer::normalize(surface);
            let own_name = |id: PlaceId| {
                let p = gaz.place(id);
                p.kind == sitrep_gazetteer::PlaceKind::Country || sitrep_gazetteer::normalize(&p.name) == key
            };
            if !candidates.iter().any(|&id| own_name(id)) {
                continue;
            }
        }
        // Joined to another word by a Persian or Urdu linking syllable ("Bagh-e-Lahore",
        // "Jamiat-ul-Ulema"): a word of a longer name. Dropped.
        if izafat_joined(text, m.start, m.end) {
            continue;
        }
        let first = toks.partition_point(|t| t.span.end <= m.start);
        let end = toks.partition_point(|t| t.span.start < m.end);
        if first >= end {
            continue;
        }
        // After a word for a person's role or kin ("commander X", "his son X"): a person.
        if first > 0 && toks[first - 1].kind == TokenKind::Word && toks[first - 1].span.end + 1 >= m.start {
            let prev = raw(first - 1);
            if !capitalised(prev) && PERSON_TITLES.contains(low(first - 1).as_str()) {
                continue;
            }
        }
        // Glued to a capitalised word before: part of a longer name ("Juma Khan"), unless
        // that word is a bearing or a function word at the start of a sentence. Dropped; but a
        // region inside a longer name ("Akhila Kerala Farmers Union") still tells the
        // country: kept as embedded.
        let mut inside_name = false;
        if first > 0 && toks[first - 1].kind == TokenKind::Word {
            let prev = raw(first - 1);
            let prev_low = low(first - 1);
            let adjacent = toks[first - 1].span.end + 1 >= m.start;
            // A possessive is not part of the name: "Congo's Ituri province"; a country's name
            // is never a person's ("in North Waziristan Pakistan").
            let possessive = prev.ends_with("'s") || prev.ends_with("’s");
            let country = m.candidates.iter().any(|&id| gaz.place(id).kind == sitrep_gazetteer::PlaceKind::Country);
            if adjacent
                && !country
                && capitalised(prev)
                && !possessive
                && !PLACE_PREFIXES.contains(&prev_low.as_str())
                && !sentence_start(first - 1)
                && out.last().is_none_or(|p| p.end_token != first)
            {
                let region = m.candidates.iter().all(|&id| gaz.place(id).kind == sitrep_gazetteer::PlaceKind::Admin1);
                if !region || variant {
                    continue;
                }
                inside_name = true;
            }
        }
        // Followed by a capitalised word that is not a place noun, a weekday or a month: the
        // first word of a name ("Kabul Bank", "Kerala Catholic Bishops' Council"). Kept as
        // an embedded mention: it says which country the report is about, not where.
        let mut embedded = inside_name;
        if let Some(next) = toks.get(end) {
            let adjacent = next.span.start <= m.end + 1;
            // ... unless that word begins another place ("North Waziristan Pakistan").
            let place_next = matches.get(k + 1).is_some_and(|n| n.start == next.span.start);
            if adjacent && next.kind == TokenKind::Word && capitalised(raw(end)) && !free_follower(&low(end)) && !place_next {
                embedded = true;
            }
        }
        // A possessive followed by a person's noun: "Gaddafi's hometown" is not a place.
        // (Inner apostrophes stay inside the word token, so the next token is the noun.)
        let rest = text.get(m.end..).unwrap_or("");
        if (rest.starts_with("'s") || rest.starts_with("’s")) && !m.demonym {
            let after = low(end);
            let personal = matches!(
                after.as_str(),
                "hometown" | "regime" | "son" | "sons" | "daughter" | "wife" | "family" | "supporters" | "loyalists"
                    | "fall" | "death" | "removal" | "rule" | "ouster" | "overthrow" | "killing" | "birthplace"
            );
            let small = m.candidates.first().is_none_or(|&id| {
                let p = gaz.place(id);
                p.kind == sitrep_gazetteer::PlaceKind::City && p.population < 100_000
            });
            if personal && small {
                continue;
            }
        }
        let prev = if first > 0 { low(first - 1) } else { String::new() };
        // "the city of Zhlobin", "the outskirts of Sirte" — but not "the president of Chad".
        let of_place = prev == "of" && first >= 2 && {
            let b = low(first - 2);
            head_of(&b).is_some()
                || BEARINGS.contains(&b.as_str())
                || matches!(b.as_str(), "capital" | "heart" | "centre" | "center" | "part" | "parts" | "vicinity")
                || named_block(first - 2)
        };
        // "in Garsaale, Middle Shebelle, Somalia": the names after a locative one, comma by
        // comma, are where it happened too. So are the names in brackets after a located one:
        // "in northwestern Yemen (Haydan, Saada)", "at Garu (Nawa district, Upper East)".
        let chained = (prev == "," || prev == "(") && {
            let mut i = first - 1;
            let mut found = false;
            while i > 0 && first - i < 12 {
                i -= 1;
                let w = low(i);
                if LOCATIVE.contains(&w.as_str()) {
                    found = true;
                    break;
                }
                let ok = w == "," || w == "(" || w == "the" || head_of(&w).is_some() || capitalised(raw(i)) || w == "of";
                if !ok {
                    break;
                }
            }
            found
        };
        // "in the Kheda district of Gujarat": an article between the locative word and
        // the name does not break the link.
        // Only with a lower-case noun of place after the name: "at the Nyala market" and "in the
        // Forest Department" are not places of the event.
        // The name stands after a locative word and "the" ("in the", "outside the").
        let after_locative_the = prev == "the" && first >= 2 && LOCATIVE.contains(&low(first - 2).as_str());
        let through_article = after_locative_the
            && toks.get(end).is_some_and(|t| !capitalised(t.span.slice(text)))
            && head_of(&low(end)).is_some();
        // "outside the Mardan Press Club", "in front of the Sylhet Circuit House": a longer name
        // that begins with the place, after a locative word and "the", is the venue, in the
        // place.
        // Not when the venue's own place follows it ("inside the Hillsboro Medical Center in
        // Brooklyn").
        let placed_after = || {
            let mut i = end;
            while toks.get(i).is_some_and(|t| t.kind == TokenKind::Word && capitalised(raw(i))) {
                i += 1;
            }
            matches!(low(i).as_str(), "in" | "at" | "near" | "," | "of") && toks.get(i + 1).is_some_and(|_| capitalised(raw(i + 1)))
        };
        let in_front_of_the = prev == "the" && first >= 3 && low(first - 2) == "of" && low(first - 3) == "front";
        let venue = embedded && !m.demonym && (after_locative_the || in_front_of_the) && !placed_after();
        // "in northeast Nigeria's Borno state": a region after a located country's possessive
        // is located too.
        let possessor_located = (prev.ends_with("'s") || prev.ends_with("’s"))
            && out.last().is_some_and(|p| p.end_token == first && p.locative);
        let locative = LOCATIVE.contains(&prev.as_str()) || through_article || of_place || chained || possessor_located;
        // "near the border with Somalia", "near the Uganda border": the neighbour, not the
        // place of the event.
        let border_word = |w: &str| matches!(w, "border" | "borders" | "frontier" | "boundary");
        let border = (first >= 2 && matches!(prev.as_str(), "with" | "of") && border_word(&low(first - 2)))
            || (border_word(&low(end)) && head_of(&low(end)).is_none());
        // "30 km south of X", "east of X", "the outskirts of X".
        let relative = prev == "of" && first >= 2 && {
            let b = low(first - 2);
            BEARINGS.contains(&b.as_str()) || UNITS.contains(&b.as_str())
        };
        // The noun that ends the name ("Nangarhar Province") or follows it ("Kajran district").
        let head = head_of(&low(end - 1)).or_else(|| head_of(&low(end)));
        let links_previous = matches!(prev.as_str(), "," | "(")
            && out.last().is_some_and(|p| {
                p.end_token < first
                    && first - p.end_token <= 6
                    && (p.end_token..first).all(|i| {
                        let w = low(i);
                        matches!(w.as_str(), "," | "(") || head_of(&w).is_some() || capitalised(raw(i))
                    })
            });
        out.push(PlaceMention {
            links_previous,
            venue,
            span,
            candidates,
            demonym: m.demonym,
            sentence: seg.sentence_at(m.start),
            first_token: first,
            end_token: end,
            locative,
            relative,
            head,
            embedded,
            border,
            listed: first >= 2 && low(first - 1) == "," && capitalised(raw(first - 2)),
            alternate: m.alternate,
            variant,
        });
    }
    out
}

/// Most spelling variants kept for one name.
const MAX_VARIANTS: usize = 16;

/// Add the names the gazetteer does not know as written but knows a spelling variant of
/// ([`Gazetteer::variants`]), where the words around them expect a place: a run of one to
/// three capitalised words (hyphens inside allowed) after "in", "near", "at", "outside",
/// "around", "inside" or a noun of place and "of" ("the village of X", "the Y area of X"),
/// before a lower-case noun of place ("X village"), or between commas in a chain of
/// capitalised names ("in Rampur, X, Jharkhand"). A run that the gazetteer matches only in
/// part ("Mazar" of "Mazar-i-Sharief") is tried whole; its partial matches give way to a variant
/// of the whole. A run followed by a possessive or by another capitalised word (a longer
/// name) is not tried. Returns the matches in text order and, parallel to them, which are
/// variants.
fn with_variants(
    gaz: &Gazetteer,
    text: &str,
    seg: &Segmented,
    cleaned: &Cleaned,
    mut matches: Vec<sitrep_gazetteer::PlaceMatch>,
) -> (Vec<sitrep_gazetteer::PlaceMatch>, Vec<bool>) {
    let toks = &seg.tokens;
    let low = |i: usize| toks.get(i).map(|t| t.span.slice(text).to_lowercase()).unwrap_or_default();
    let word = |i: usize| toks.get(i).is_some_and(|t| t.kind == TokenKind::Word);
    let cap = |i: usize| word(i) && capitalised(toks[i].span.slice(text));
    let mut added: Vec<sitrep_gazetteer::PlaceMatch> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        // A capitalised locative or function word ("In", "Near", "The") starts no name.
        if !cap(i) || LOCATIVE.contains(&low(i).as_str()) || free_follower(&low(i)) {
            i += 1;
            continue;
        }
        // The run: capitalised words, joined by a hyphen without spaces or by one space.
        let start = i;
        let mut end = i + 1;
        loop {
            let gap = |a: usize, b: usize| toks[b].span.start - toks[a].span.end;
            if cap(end) && gap(end - 1, end) <= 1 && !free_follower(&low(end)) {
                end += 1;
            } else if toks.get(end).is_some_and(|t| t.span.slice(text) == "-")
                && cap(end + 1)
                && gap(end - 1, end) == 0
                && gap(end, end + 1) == 0
            {
                end += 2;
            } else {
                break;
            }
        }
        i = end;
        let words = (start..end).filter(|&k| word(k)).count();
        if words > 3 {
            continue;
        }
        let prev = if start > 0 { low(start - 1) } else { String::new() };
        let after_of = prev == "of" && start >= 2 && {
            let b = low(start - 2);
            head_of(&b).is_some() || BEARINGS.contains(&b.as_str())
        };
        // A middle link of a chain of places: "in Rampur, X, Jharkhand".
        let chain_link = prev == ","
            && start >= 2
            && cap(start - 2)
            && low(end) == ","
            && cap(end + 1);
        let expected = matches!(prev.as_str(), "in" | "near" | "at" | "outside" | "around" | "inside")
            || after_of
            || chain_link
            || (word(end) && !capitalised(toks[end].span.slice(text)) && head_of(&low(end)).is_some());
        let rest = text.get(toks[end - 1].span.end..).unwrap_or("");
        if !expected || rest.starts_with("'s") || rest.starts_with("’s") {
            continue;
        }
        let span = Span { start: toks[start].span.start, end: toks[end - 1].span.end };
        if cleaned.is_noise(span) || matches.iter().any(|m| m.start == span.start && m.end == span.end) {
            continue;
        }
        let hits = gaz.variants(span.slice(text));
        if hits.is_empty() {
            continue;
        }
        // In each country only the nearest spellings: of two towns one and two edits away,
        // the first.
        let nearest = |id: PlaceId, d: usize| {
            let cc = &gaz.place(id).country_code;
            hits.iter().all(|&(o, e)| e >= d || gaz.place(o).country_code != *cc)
        };
        let candidates: Vec<PlaceId> =
            hits.iter().filter(|&&(id, d)| nearest(id, d)).take(MAX_VARIANTS).map(|&(id, _)| id).collect();
        tracing::debug!(name = span.slice(text), candidates = candidates.len(), "place name read as a spelling variant");
        // No alternate-name bits: `PlaceMention::variant` says more, and the resolve stage
        // treats a variant as weaker than an alternate name.
        added.push(sitrep_gazetteer::PlaceMatch { start: span.start, end: span.end, candidates, demonym: false, alternate: 0 });
    }
    if added.is_empty() {
        let n = matches.len();
        return (matches, vec![false; n]);
    }
    matches.retain(|m| !added.iter().any(|a| a.start <= m.start && m.end <= a.end));
    let mut all: Vec<(sitrep_gazetteer::PlaceMatch, bool)> =
        matches.into_iter().map(|m| (m, false)).chain(added.into_iter().map(|m| (m, true))).collect();
    all.sort_by_key(|(m, _)| (m.start, m.end));
    all.into_iter().unzip()
}

/// Linking syllables of Persian and Urdu compound names ("Bagh-e-Lahore", "Jamiat-ul-Ulema").
const IZAFAT: &[&str] = &["-e-", "-i-", "-ul-", "-ud-", "-ur-", "-us-"];

/// True when the name at `start..end` is joined to a word before or after it by a linking
/// syllable ([`IZAFAT`]).
fn izafat_joined(text: &str, start: usize, end: usize) -> bool {
    let before = text.get(..start).unwrap_or("");
    let after = text.get(end..).unwrap_or("");
    let letter = |c: Option<char>| c.is_some_and(char::is_alphabetic);
    IZAFAT.iter().any(|z| {
        let b = before.len() >= z.len()
            && before.is_char_boundary(before.len() - z.len())
            && before[before.len() - z.len()..].eq_ignore_ascii_case(z)
            && letter(before[..before.len() - z.len()].chars().next_back());
        let a = after.len() >= z.len()
            && after.is_char_boundary(z.len())
            && after[..z.len()].eq_ignore_ascii_case(z)
            && letter(after[z.len()..].chars().next());
        a || b
    })
}

/// Drop the place mentions that overlap a name of another kind (an armed group's name such
/// as "Al-Shabaab" contains a town's name).
pub fn drop_overlapping(mentions: &mut Vec<PlaceMention>, names: &[Span]) {
    mentions.retain(|m| !names.iter().any(|n| n.start < m.span.end && m.span.start < n.end));
}


#[cfg(test)]
mod tests {
    use super::izafat_joined;

    #[test]
    fn a_name_joined_by_a_linking_syllable_is_a_word_of_a_longer_name() {
        let t = "rallied at the Bagh-e-Lahore ground and at Darul-ul-Kabul";
        let at = |w: &str| t.find(w).map(|s| (s, s + w.len())).unwrap();
        let (s, e) = at("Lahore");
        assert!(izafat_joined(t, s, e));
        let (s, e) = at("Bagh");
        assert!(izafat_joined(t, s, e));
        let (s, e) = at("Kabul");
        assert!(izafat_joined(t, s, e));
        let t = "Kabul-based officials met in Kabul - the capital";
        assert!(!izafat_joined(t, 0, 5));
        assert!(!izafat_joined(t, 29, 34));
    }
}
