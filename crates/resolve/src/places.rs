//! Place names → gazetteer entries, decided for the whole report at once.
//!
//! A name can stand for many places (Tripoli, Libya / Lebanon / Greece / Iowa). Each candidate
//! gets a score from, in order of weight:
//!
//! 1. the region or country named right after it ("Quetta, Balochistan province, Pakistan",
//!    "Kajran district of Daykundi");
//! 2. the countries the report names (country names, nationality words, places that can only
//!    be in one country, the countries of the actors it names), the wire placeline counting
//!    double;
//! 3. the noun that comes with the name ("Punjab province" is a region, "the city of Zhlobin"
//!    a settlement), and the name's place in a chain (after a place and its noun of place,
//!    "in Nawa district (Upper East)", a region rather than its namesake town);
//! 4. the gazetteer's prior: countries before regions before towns, bigger places first.
//!
//! A spelling variant ([`PlaceMention::variant`]: "Gereshq" for Gereshk) casts no vote for a
//! country and is resolved last: only to a town or district in the report's own country, in
//! the region of the place named right after it ("at X in Y district") or else in one of the
//! regions the report's places name or lie in (a name of six letters or fewer only then).
//! It never serves as another name's region or country.
//!
//! A name is left out when the country or region named right after it rules out every
//! candidate ("Kama district of Nangarhar Province"; "Guadalupe, Tabasco" where the
//! country's several Guadalupes all lie elsewhere): the gazetteer does not know the place.
//! (A country joined to the next is not left out so: "the Kenya-Somalia border" names two
//! neighbours.)
//! So is a name with a noun of place, "of" and the place it lies in ("the Pinewood
//! neighbourhood of Accra city") when that place, as resolved, is in a country where the
//! name has no candidate.

use sitrep_gazetteer::{normalize, Gazetteer, PlaceId, PlaceKind};
use sitrep_model::Span;
use sitrep_recognize::places::{Head, PlaceMention};
use std::collections::HashMap;

/// A place mention with the entry it stands for.
#[derive(Clone, Debug, PartialEq)]
pub struct ResolvedPlace {
    /// Byte span of the name.
    pub span: Span,
    /// Sentence index.
    pub sentence: Option<usize>,
    /// First token of the name.
    pub first_token: usize,
    /// The gazetteer entry.
    pub place: PlaceId,
    /// A locative word comes before it ("in", "near").
    pub locative: bool,
    /// A distance or bearing comes before it ("30 km south of").
    pub relative: bool,
    /// A nationality word ("Libyan").
    pub demonym: bool,
    /// The noun that names its kind, if any.
    pub head: Option<Head>,
    /// True when it lies in the wire placeline ("TRIPOLI —").
    pub placeline: bool,
    /// True when it begins a longer name ("Hyderabad Press Club") or names the other side
    /// of a border: evidence of the country, not where an event happened.
    pub embedded: bool,
    /// True when it begins the name of the event's venue ("outside the Mardan Press Club"):
    /// embedded, yet where the event happened.
    pub venue: bool,
    /// True when the name matched this entry only through one of its alternate names
    /// ("Sui" for Suizhou): weaker evidence than its main name. True too for a variant.
    pub alternate: bool,
    /// True when the name as written is not in the gazetteer and this entry is a spelling
    /// variant of it ("Gereshq" for Gereshk; [`PlaceMention::variant`]).
    pub variant: bool,
}

/// The places of a report, resolved.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PlaceContext {
    /// Every resolved mention, in text order.
    pub places: Vec<ResolvedPlace>,
    /// Countries of the report, most evidence first (ISO alpha-2, weight).
    pub countries: Vec<(String, f32)>,
    /// Evidence of the report's countries from other than place names (the actors named,
    /// administrative words), as given to [`resolve_places`].
    pub prior: Vec<(String, f32)>,
}

impl PlaceContext {
    /// The report's main country, if any place was found.
    pub fn main_country(&self) -> Option<&str> {
        self.countries.first().map(|(c, _)| c.as_str())
    }
}

/// Resolve a report's place mentions. `prior` is other evidence of the report's countries
/// (the countries of the actors it names: "BJP workers" → India), weight per country.
pub fn resolve_places(mentions: &[PlaceMention], placeline: Option<Span>, prior: &[(String, f32)]) -> PlaceContext {
    resolve_places_with(Gazetteer::global(), mentions, placeline, prior)
}

/// [`resolve_places`] with a given gazetteer.
pub fn resolve_places_with(
    gaz: &Gazetteer,
    mentions: &[PlaceMention],
    placeline: Option<Span>,
    prior: &[(String, f32)],
) -> PlaceContext {
    let in_placeline = |m: &PlaceMention| placeline.is_some_and(|p| p.contains(m.span));
    // Country evidence: every mention votes for the countries its candidates lie in; a name
    // that can only be in one country votes fully, an ambiguous one less, countries and
    // regions more than towns, the placeline double.
    let mut evidence: HashMap<&str, f32> = HashMap::new();
    for m in mentions.iter().filter(|m| !m.variant) {
        let mut per: Vec<(&str, f32)> = Vec::new();
        for &id in &m.candidates {
            let p = gaz.place(id);
            let w = match p.kind {
                PlaceKind::Country => 2.0,
                PlaceKind::Admin1 => 1.5,
                PlaceKind::Admin2 => 1.0,
                PlaceKind::City => 0.6 + 0.4 * ((p.population as f32 + 1.0).log10() / 6.0).min(1.0),
            };
            match per.iter_mut().find(|(c, _)| *c == p.country_code) {
                Some((_, x)) => *x = x.max(w),
                None => per.push((p.country_code.as_str(), w)),
            }
        }
        let spread = (per.len() as f32).sqrt().max(1.0);
        let line = if in_placeline(m) {
            2.0
        } else if m.border {
            0.2
        } else if m.embedded {
            0.5
        } else {
            1.0
        };
        for (c, w) in per {
            *evidence.entry(c).or_default() += w * line / spread;
        }
    }
    for (c, w) in prior {
        *evidence.entry(c.as_str()).or_default() += 0.8 * w.min(3.0);
    }
    let top = evidence.values().copied().fold(0.0f32, f32::max).max(1.0);
    // The report's own country: a spelling variant is accepted only there.
    let own_country = evidence
        .iter()
        .filter(|(_, w)| **w > 0.0)
        .max_by(|a, b| a.1.total_cmp(b.1).then_with(|| b.0.cmp(a.0)))
        .map(|(c, _)| *c);
    let mut places = Vec::with_capacity(mentions.len());
    // The mention each resolved place comes from.
    let mut from: Vec<usize> = Vec::with_capacity(mentions.len());
    // Names as written first, then spelling variants, which need the report's other places.
    let order: Vec<usize> = (0..mentions.len())
        .filter(|&k| !mentions[k].variant)
        .chain((0..mentions.len()).filter(|&k| mentions[k].variant))
        .collect();
    let mut regions: Option<Vec<String>> = None;
    for &k in &order {
        let m = &mentions[k];
        // The regions of the report's own country that its places (as written) lie in.
        if m.variant && regions.is_none() {
            regions = Some(own_regions(gaz, &places, own_country));
        }
        // Regions and countries named in the next few words of the same sentence (their
        // mention indices; spelling variants are no one's container).
        let near_ix: Vec<usize> = (k + 1..mentions.len())
            .take(3)
            .filter(|&j| !mentions[j].variant && mentions[j].sentence == m.sentence && mentions[j].first_token <= m.end_token + 8)
            .collect();
        let near: Vec<&PlaceMention> = near_ix.iter().map(|&j| &mentions[j]).collect();
        // For a variant: the region that the place named right after it lies in ("at X in Y
        // district"), as resolved.
        let outer_region: Option<String> = if m.variant {
            near_ix.iter().find_map(|&j| {
                let i = from.iter().position(|&f| f == j)?;
                let q = gaz.place(places[i].place);
                (q.kind != PlaceKind::Country && Some(q.country_code.as_str()) == own_country)
                    .then(|| q.admin1.as_deref().map(normalize))
                    .flatten()
            })
        } else {
            None
        };
        let mut best: Option<(f32, PlaceId, bool)> = None;
        for (rank, &id) in m.candidates.iter().enumerate() {
            let p = gaz.place(id);
            let regions = match &outer_region {
                Some(r) => std::slice::from_ref(r),
                None => regions.as_deref().unwrap_or(&[]),
            };
            if m.variant && !variant_fits(p, own_country, regions, m) {
                continue;
            }
            let mut s = 2.0 - 0.05 * rank.min(20) as f32;
            // A bare name that is both a region and its capital ("Misrata") is the town;
            // "Misrata province" is the region (head nouns below).
            s += match p.kind {
                PlaceKind::Country => 2.0,
                PlaceKind::Admin1 => 0.8,
                PlaceKind::Admin2 => 0.0,
                PlaceKind::City => 0.6 + ((p.population as f32 + 10.0).log10() - 3.0).max(0.0) * 0.5,
            };
            s += match (m.head, p.kind) {
                (Some(Head::Country), PlaceKind::Country) => 3.0,
                (Some(Head::Region), PlaceKind::Admin1) => 3.0,
                (Some(Head::District), PlaceKind::Admin2) => 3.0,
                (Some(Head::District), PlaceKind::Admin1) => 1.0,
                (Some(Head::Settlement), PlaceKind::City) => 2.0,
                (Some(_), PlaceKind::Country) => -2.0,
                _ => 0.0,
            };
            // "Saun, Bihar, India": between a place and its country, a name that is both a
            // region and a town ("Bihar", also Bihar Sharif) is the region.
            let chain_middle = m.listed
                && near.first().is_some_and(|n| {
                    n.first_token == m.end_token + 1 && n.candidates.iter().all(|&c| gaz.place(c).kind == PlaceKind::Country)
                });
            // "in Nawa district (Upper East)", "Muqur district, Badghis": a name right after a
            // place and its noun of place is the region that place lies in, not a namesake town.
            let holds_previous = m.links_previous && !m.listed && m.head.is_none();
            if (chain_middle || holds_previous) && p.kind == PlaceKind::Admin1 {
                s += 2.0;
            }
            s += 5.0 * evidence.get(p.country_code.as_str()).copied().unwrap_or(0.0) / top;
            for n in &near {
                for &nid in &n.candidates {
                    let q = gaz.place(nid);
                    if q.country_code != p.country_code {
                        continue;
                    }
                    let parent = match q.kind {
                        PlaceKind::Country => true,
                        PlaceKind::Admin1 => p.admin1.as_deref().is_some_and(|a| {
                            let a = normalize(a);
                            a == normalize(&q.name) || q.admin1.as_deref().is_some_and(|qa| normalize(qa) == a)
                        }),
                        PlaceKind::Admin2 => p.admin2.as_deref().is_some_and(|a| normalize(a) == normalize(&q.name)),
                        PlaceKind::City => false,
                    };
                    if parent {
                        s += 4.0;
                        break;
                    }
                }
            }
            if best.is_none_or(|(b, _, _)| s > b) {
                best = Some((s, id, m.is_alternate(rank)));
            }
        }
        let Some((_, place, alternate)) = best else { continue };
        // "Kama district of Nangarhar Province": when the region or country named right after
        // a name is certain and none of the name's candidates lies in it, the gazetteer does
        // not know this place; its namesakes elsewhere would mislead.
        let container = near.iter().find_map(|n| {
            let &id = n.candidates.first()?;
            let q = gaz.place(id);
            let certain = n.candidates.iter().all(|&c| gaz.place(c).country_code == q.country_code);
            (certain && matches!(q.kind, PlaceKind::Country | PlaceKind::Admin1) && !n.demonym).then_some(q.country_code.as_str())
        });
        // (A country joined to another lies in none: "the Kenya-Somalia border" names two
        // neighbours.)
        let pair = near.first().is_some_and(|n| n.span.start <= m.span.end + 3)
            && m.candidates.iter().any(|&c| gaz.place(c).kind == PlaceKind::Country);
        if !pair && container.is_some_and(|cc| !m.candidates.iter().any(|&c| gaz.place(c).country_code == cc)) {
            continue;
        }
        // "Muqur district, Badghis", "Tudun Wada (Kaduna North LGA, Kaduna)": when the name
        // right after (commas, brackets and nouns of place between), or the one after that, is
        // a region of the same country, the name stands for several places of that country and none lies in that
        // region, the gazetteer does not know this one; a namesake elsewhere would mislead.
        // (A name with one place in the country keeps it: the region may be misnamed or
        // renamed.)
        // The region may come after a town in the chain: "Rampur neighbourhood, Pune city,
        // Maharashtra state" (one step further, no more: lists of towns are chains too).
        let linked_region = mentions[k + 1..]
            .iter()
            .take_while(|n| n.links_previous && n.sentence == m.sentence)
            .take(2)
            .filter(|n| !n.variant)
            .find_map(|n| {
                let &id = n.candidates.first()?;
                let q = gaz.place(id);
                (q.kind == PlaceKind::Admin1 && !n.demonym).then_some(q)
            });
        if let Some(q) = linked_region {
            let p = gaz.place(place);
            // The region's name and its admin1 name, normalised once for every candidate.
            let region_keys = [Some(normalize(&q.name)), q.admin1.as_deref().map(normalize)];
            let in_region = |c: &sitrep_gazetteer::Place| {
                c.country_code == q.country_code
                    && c.admin1.as_deref().is_some_and(|a| {
                        let a = normalize(a);
                        region_keys.iter().flatten().any(|k| *k == a)
                    })
            };
            let namesakes = m.candidates.iter().filter(|&&c| gaz.place(c).country_code == q.country_code).count();
            if matches!(p.kind, PlaceKind::City | PlaceKind::Admin2)
                && p.country_code == q.country_code
                && namesakes >= 2
                && !m.candidates.iter().any(|&c| in_region(gaz.place(c)))
            {
                continue;
            }
        }
        from.push(k);
        places.push(ResolvedPlace {
            span: m.span,
            sentence: m.sentence,
            first_token: m.first_token,
            place,
            locative: m.locative,
            relative: m.relative,
            demonym: m.demonym,
            head: m.head,
            placeline: in_placeline(m),
            embedded: m.embedded || m.border,
            venue: m.venue && !m.border,
            alternate: alternate || m.variant,
            variant: m.variant,
        });
    }
    // Back to text order.
    let mut pairs: Vec<(usize, ResolvedPlace)> = from.into_iter().zip(places).collect();
    pairs.sort_by_key(|(k, _)| *k);
    let (from, mut places): (Vec<usize>, Vec<ResolvedPlace>) = pairs.into_iter().unzip();
    drop_foreign_parts(gaz, mentions, &mut places, &from);
    let mut weights: HashMap<String, f32> = HashMap::new();
    for (k, r) in places.iter().enumerate() {
        let p = gaz.place(r.place);
        let w = match p.kind {
            PlaceKind::Country => 1.5,
            _ => 1.0,
        } * if r.placeline {
            2.0
        } else if r.embedded {
            0.3
        } else {
            1.0
        };
        // The first place named breaks ties.
        let first = if k == 0 { 0.25 } else { 0.0 };
        *weights.entry(p.country_code.clone()).or_default() += w + first;
    }
    let mut countries: Vec<(String, f32)> = weights.into_iter().collect();
    countries.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let mut prior = prior.to_vec();
    prior.sort_by(|a, b| b.1.total_cmp(&a.1));
    PlaceContext { places, countries, prior }
}

/// The first-level regions (normalised admin1 names) of the report's own country that its
/// places, as written, name or lie in.
fn own_regions(gaz: &Gazetteer, places: &[ResolvedPlace], own: Option<&str>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for r in places.iter().filter(|r| !r.demonym && !r.embedded) {
        let p = gaz.place(r.place);
        if Some(p.country_code.as_str()) != own || p.kind == PlaceKind::Country {
            continue;
        }
        if let Some(a) = p.admin1.as_deref().map(normalize) {
            if !out.contains(&a) {
                out.push(a);
            }
        }
    }
    out
}

/// Whether a spelling variant's candidate ([`PlaceMention::variant`]) fits the report: a town
/// or district (regions are not varied) in the report's own country, in the region of the
/// place named right after it ("at X in Y district") or else in one of the regions the
/// report's other places name or lie in, when they name any; a short name (six letters or
/// fewer, where one edit is a larger share) only then.
fn variant_fits(p: &sitrep_gazetteer::Place, own: Option<&str>, regions: &[String], m: &PlaceMention) -> bool {
    if own != Some(p.country_code.as_str()) || !matches!(p.kind, PlaceKind::City | PlaceKind::Admin2) {
        return false;
    }
    if regions.is_empty() {
        return m.span.end - m.span.start > 6;
    }
    p.admin1.as_deref().is_some_and(|a| regions.contains(&normalize(a)))
}

/// "The Pinewood neighbourhood of Accra city", "the Tafo area of northern Ashanti": a name
/// with a noun of place, then "of" and the place it lies in. When that place, as resolved, is
/// in a country where the name has no candidate, the gazetteer does not know this part of it
/// and the name's namesake abroad would mislead: the name is left out.
fn drop_foreign_parts(gaz: &Gazetteer, mentions: &[PlaceMention], places: &mut Vec<ResolvedPlace>, from: &[usize]) {
    let resolved = |k: usize| from.iter().position(|&f| f == k).and_then(|i| places.get(i)).map(|r| r.place);
    let mut keep = vec![true; places.len()];
    for (i, &k) in from.iter().enumerate() {
        let Some(m) = mentions.get(k) else { continue };
        let Some(n) = mentions.get(k + 1) else { continue };
        let linked = m.head.is_some()
            && n.locative
            // "of", not a comma or a bracket: "the Nima area (Accra, Greater Accra)" is a chain.
            && !n.links_previous
            && !n.demonym
            && n.sentence == m.sentence
            && n.first_token > m.end_token
            && n.first_token <= m.end_token + 3;
        let Some(outer) = resolved(k + 1).filter(|_| linked) else { continue };
        let cc = &gaz.place(outer).country_code;
        if !m.candidates.iter().any(|&c| gaz.place(c).country_code == *cc) {
            keep[i] = false;
        }
    }
    let mut it = keep.into_iter();
    places.retain(|_| it.next().unwrap_or(true));
}

/// Words of one country's administration ("upazila", "Village Development Committee") in the
/// text, as country evidence for [`resolve_places`]'s `prior`: one vote per distinct term.
pub fn term_votes(text: &str) -> Vec<(String, f32)> {
    static TERMS: std::sync::LazyLock<(aho_corasick::AhoCorasick, Vec<String>)> = std::sync::LazyLock::new(|| {
        let mut pats = Vec::new();
        let mut ccs = Vec::new();
        for line in sitrep_model::table::entries(include_str!("../data/country_terms.tsv")) {
            if let Some((term, cc)) = line.split_once('\t') {
                pats.push(term.trim().to_string());
                ccs.push(cc.trim().to_string());
            }
        }
        let ac = aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(aho_corasick::MatchKind::LeftmostLongest)
            .build(&pats)
            .unwrap_or_else(|e| panic!("sitrep-resolve: data/country_terms.tsv: {e}"));
        (ac, ccs)
    });
    let (ac, ccs) = &*TERMS;
    let bytes = text.as_bytes();
    let word = |i: usize| bytes.get(i).is_some_and(|b| b.is_ascii_alphanumeric());
    let mut seen: Vec<usize> = Vec::new();
    let mut votes: Vec<(String, f32)> = Vec::new();
    for m in ac.find_iter(text) {
        let k = m.pattern().as_usize();
        if (m.start() > 0 && word(m.start() - 1)) || word(m.end()) || seen.contains(&k) {
            continue;
        }
        seen.push(k);
        match votes.iter_mut().find(|(c, _)| *c == ccs[k]) {
            Some((_, w)) => *w += 1.0,
            None => votes.push((ccs[k].clone(), 1.0)),
        }
    }
    votes
}
