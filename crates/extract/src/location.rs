//! Where an incident happened: the place tied to its own sentences, not every place the
//! report mentions.
//!
//! Order of evidence:
//! 1. places the incident's sentences put it in ("in", "near", "outside", "the city of", and
//!    the names chained after one: "in Gardez, Paktia, Afghanistan"), the earliest sentence
//!    that has one first; within a sentence the most specific place wins (town > district >
//!    region > country);
//! 2. the same in the report's opening sentence, then in the two sentences before its first
//!    one (same paragraph), then in the report's second sentence (the opening sets the scene;
//!    a sentence just before often names background: "pilgrims travelling to the shrine in
//!    X");
//! 3. any place named in those sentences;
//! 4. the wire placeline ("TRIPOLI —");
//! 5. the place the report names most often;
//! 6. a region or big town of the main country that begins a longer name ("Kerala Catholic
//!    Council"), then the report's main country (the caller may fall back on the actors'
//!    country).
//!
//! A place "30 km south of" a town keeps the town with the precision lowered to region. A
//! venue named after a big town ("outside the Mardan Press Club") counts as a place the
//! sentence puts the event in.
//!
//! Throughout, a place in a country the report hardly names, when another country dominates,
//! is left out — unless the actors or administrative words point to its country. So is a
//! town abroad that the report's other evidence contradicts: a
//! small one (a mid-sized one under two or more votes, or under one vote and a place of
//! that country, when no other place is in the town's) when the actors or administrative
//! words point to another country and the report names neither the town's country nor one
//! of its regions (a town matched by an alternate name gets no such help), and one matched only through an alternate name (with
//! no noun of place after it) when nothing else points to its country. A small town that
//! begins a longer name ("the Hollins Brewing Company") is no evidence of the main country:
//! when it is all the evidence and the actors or administrative words point elsewhere, their
//! country is the main one.

use sitrep_gazetteer::{normalize, Gazetteer, PlaceKind};
use sitrep_model::{Location, LocationPrecision, Span};
use sitrep_resolve::places::{PlaceContext, ResolvedPlace};

fn specificity(kind: PlaceKind) -> u8 {
    match kind {
        PlaceKind::City => 4,
        PlaceKind::Admin2 => 3,
        PlaceKind::Admin1 => 2,
        PlaceKind::Country => 1,
    }
}

/// True when `outer` is a region (or the country) that `inner` lies in, by name.
fn contains(gaz: &Gazetteer, outer: &ResolvedPlace, inner: &ResolvedPlace) -> bool {
    let (o, i) = (gaz.place(outer.place), gaz.place(inner.place));
    if outer.place == inner.place || o.country_code != i.country_code {
        return false;
    }
    match o.kind {
        PlaceKind::Country => return true,
        // A town contains nothing, not even the region named after it ("Kaduna, Kaduna").
        PlaceKind::City => return false,
        PlaceKind::Admin1 | PlaceKind::Admin2 => {}
    }
    if i.kind != PlaceKind::City && o.kind == PlaceKind::Admin2 {
        return false;
    }
    let on = normalize(&o.name);
    [i.admin1.as_deref(), i.admin2.as_deref()].into_iter().flatten().any(|a| normalize(a) == on)
}

/// A venue named after its place ("outside the Mardan Press Club") where the place is a big
/// town: a venue named after a small town ("inside the Hillsdale Lounge") is as likely named
/// after a town elsewhere, one named after a region or county is often where the victims
/// were taken ("the Wayne County Jail", "the Maine Medical Center"), and one named after a
/// country ("in the Pakistan Army") is a body, not a venue.
fn is_venue(gaz: &Gazetteer, r: &ResolvedPlace) -> bool {
    let p = gaz.place(r.place);
    r.venue && p.kind == PlaceKind::City && p.population >= VENUE_TOWN
}

/// Population from which a town that begins a venue's name is the venue's place.
const VENUE_TOWN: u64 = 100_000;

/// The best place among `cands` (all in one stretch of text): the most specific, but never a
/// place that only contains another one named there ("Sreepur upazila of Gazipur" is in
/// Sreepur, though Gazipur is also a town).
fn best<'a>(gaz: &Gazetteer, cands: &[&'a ResolvedPlace], country: Option<&str>) -> Option<&'a ResolvedPlace> {
    cands
        .iter()
        .copied()
        .filter(|r| !r.demonym && (!r.embedded || is_venue(gaz, r)))
        .filter(|r| !cands.iter().any(|inner| !inner.demonym && !inner.embedded && contains(gaz, r, inner)))
        .max_by_key(|r| {
            let p = gaz.place(r.place);
            let in_country = country.is_none_or(|c| p.country_code == c);
            // Higher is better; the earliest wins ties (negated start).
            (in_country, specificity(p.kind) * 2 + u8::from(r.locative || is_venue(gaz, r)), std::cmp::Reverse(r.span.start))
        })
}

/// Turn a resolved place into the contract's location.
pub fn to_location(gaz: &Gazetteer, r: &ResolvedPlace) -> Location {
    let p = gaz.place(r.place);
    let precision = match p.kind {
        PlaceKind::City if r.relative => LocationPrecision::Region,
        PlaceKind::City => LocationPrecision::City,
        PlaceKind::Admin1 | PlaceKind::Admin2 => LocationPrecision::Region,
        PlaceKind::Country => LocationPrecision::Country,
    };
    let admin1 = match p.kind {
        PlaceKind::Admin1 => Some(p.name.clone()),
        PlaceKind::Country => None,
        _ => p.admin1.clone(),
    };
    Location {
        name: p.name.clone(),
        country_code: Some(p.country_code.clone()),
        admin1,
        lat: Some(p.lat),
        lon: Some(p.lon),
        precision,
    }
}

/// The location of an incident whose sentences have the given spans (first = trigger).
///
/// `sentences` are all of the report's (non-noise) sentence spans in order, and
/// `paragraphs` their paragraph numbers; `own` indexes into them.
pub fn incident_location(
    gaz: &Gazetteer,
    pctx: &PlaceContext,
    sentences: &[Span],
    paragraphs: &[usize],
    own: &[usize],
) -> Option<Location> {
    // A place in a country the report hardly mentions, when another country dominates, is a
    // misreading ("near Boni" in a report about Mali is not Bonn).
    let weight = |cc: &str| pctx.countries.iter().find(|(c, _)| c == cc).map_or(0.0, |(_, w)| *w);
    let top = pctx.countries.first().map_or(0.0, |(_, w)| *w);
    // So is a small town abroad when everything but place names (the actors, the
    // administrative words) points to one other country: "Ananda Paribahan" in a report that
    // speaks of upazilas is a Bangladeshi bus company, not a village in Ivory Coast.
    let prior_top = pctx
        .prior
        .iter()
        .filter(|(_, w)| *w > 0.0)
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(c, _)| c.as_str());
    let prior_weight = |cc: &str| pctx.prior.iter().filter(|(c, _)| c == cc).map(|(_, w)| *w).sum::<f32>();
    // A town named only by one of its alternate names ("Gulshan" is also a name of an
    // Iranian town), with no noun of place after it, whatever its size, is a misreading when
    // nothing else in the report (no other place, no actor) points to its country and
    // something (a place, an actor: a full vote) points elsewhere.
    let support = |cc: &str| {
        let named: f32 = pctx
            .places
            .iter()
            .filter(|r| !r.alternate && gaz.place(r.place).country_code == cc)
            .map(|r| if r.embedded { 0.5 } else { 1.0 })
            .sum();
        named + prior_weight(cc)
    };
    let (supported, best_support) = pctx
        .places
        .iter()
        .filter(|r| !r.alternate)
        .map(|r| gaz.place(r.place).country_code.as_str())
        .chain(pctx.prior.iter().map(|(c, _)| c.as_str()))
        .map(|c| (Some(c), support(c)))
        .fold((None, 0.0f32), |a, b| if b.1 > a.1 { b } else { a });
    // When two or more pieces of that evidence point to the other country, the same holds
    // for a mid-sized town; so do a piece of it and a place of that country named beside the
    // town ("in X village of Y upazila", Y a town of the actors' country), when no other
    // place is in the town's country.
    let strong = prior_top.map_or(0.0, prior_weight) >= STRONG_PRIOR;
    let beside = prior_top.is_some_and(|c| prior_weight(c) >= 1.0 && support(c) >= STRONG_PRIOR);
    let others_in = |r: &ResolvedPlace, cc: &str| {
        pctx.places.iter().any(|q| q.place != r.place && !q.alternate && !q.demonym && gaz.place(q.place).country_code == cc)
    };
    // The report names the country, or one of its regions, in its own right: a town named by
    // its own name in "X area, North Eastern province, Kenya" stays in Kenya whoever the
    // actors are (one matched through an alternate name does not).
    let region_named = |cc: &str| {
        pctx.places.iter().any(|r| {
            let q = gaz.place(r.place);
            q.country_code == cc && matches!(q.kind, PlaceKind::Country | PlaceKind::Admin1) && !r.demonym && !r.embedded && !r.alternate
        })
    };
    let small_abroad = |r: &ResolvedPlace| {
        let p = gaz.place(r.place);
        if p.kind != PlaceKind::City {
            return false;
        }
        let against_prior = (p.population < SMALL_TOWN || (p.population < MID_TOWN && (strong || (beside && !others_in(r, &p.country_code)))))
            && prior_top.is_some_and(|c| c != p.country_code)
            && prior_weight(&p.country_code) <= 0.0
            && (!region_named(&p.country_code) || r.alternate);
        let alternate_alone = r.alternate && r.head.is_none() && best_support >= 1.0 && support(&p.country_code) <= 0.0;
        against_prior || alternate_alone
    };
    // A small town that begins a longer name ("the Hollins Brewing Company", "the Sandvik
    // Relief Committee") is more likely a word of a name the gazetteer does not know than the
    // town: no evidence of the main country against the actors' (or the administrative
    // words') country.
    let word_of_name = |r: &ResolvedPlace| {
        let p = gaz.place(r.place);
        r.embedded && !r.venue && p.kind == PlaceKind::City && p.population < MID_TOWN
    };
    // A place in the country the actors or administrative words point to is never outweighed
    // so ("PTI workers rallied outside the Quetta Press Club" in a report that goes on about
    // British politics).
    let plausible = |r: &ResolvedPlace| {
        let cc = gaz.place(r.place).country_code.as_str();
        (weight(cc) * 3.0 >= top || prior_top == Some(cc)) && !small_abroad(r)
    };
    // The main country, unless its only evidence is such towns or words of names.
    let main = match pctx.main_country() {
        Some(c)
            if prior_top.is_some_and(|t| t != c)
                && pctx.places.iter().filter(|r| gaz.place(r.place).country_code == c).all(&word_of_name) =>
        {
            prior_top
        }
        Some(c) if pctx.places.iter().filter(|r| gaz.place(r.place).country_code == c).all(&small_abroad) && prior_weight(c) <= 0.0 => {
            prior_top.or(supported).or(Some(c))
        }
        other => other,
    };
    let in_span = |s: Span| -> Vec<&ResolvedPlace> { pctx.places.iter().filter(|r| s.contains(r.span) && plausible(r)).collect() };
    // 1. Where the incident's own sentences put it ("in", "near", "outside").
    let mut ordered: Vec<usize> = own.to_vec();
    ordered.sort_unstable();
    ordered.dedup();
    let located =
        |s: Span| -> Vec<&ResolvedPlace> { in_span(s).into_iter().filter(|r| r.locative || r.relative || is_venue(gaz, r)).collect() };
    let line: Vec<&ResolvedPlace> = pctx.places.iter().filter(|r| r.placeline).collect();
    let line_best = best(gaz, &line, None);
    // A country or region picked from the sentences yields to a town in it named by the
    // placeline ("MOGADISHU, Somalia — … in Somalia's capital").
    let refine = |r: &ResolvedPlace| -> Location {
        let p = gaz.place(r.place);
        if let Some(l) = line_best {
            let q = gaz.place(l.place);
            let inside = q.country_code == p.country_code
                && match p.kind {
                    PlaceKind::Country => true,
                    PlaceKind::Admin1 => q.admin1.as_deref().is_some_and(|a| normalize(a) == normalize(&p.name)),
                    _ => false,
                };
            if inside && specificity(q.kind) > specificity(p.kind) {
                return to_location(gaz, l);
            }
        }
        to_location(gaz, r)
    };
    for &k in &ordered {
        let Some(&span) = sentences.get(k) else { continue };
        if let Some(r) = best(gaz, &located(span), None) {
            return Some(refine(r));
        }
    }
    // 2. Where the report's opening sentence, then the sentences just before it (same
    //    paragraph), then the report's second sentence put something.
    let before: Vec<usize> = match ordered.first() {
        Some(&first) => (first.saturating_sub(2)..first).rev().filter(|&k| paragraphs.get(k) == paragraphs.get(first)).collect(),
        None => Vec::new(),
    };
    for &k in [0usize].iter().chain(before.iter()).chain([1usize].iter()) {
        if let Some(r) = sentences.get(k).and_then(|&s| best(gaz, &located(s), main)) {
            return Some(refine(r));
        }
    }
    // 3. Any place in its own sentences, then in those before and in the opening.
    for &k in ordered.iter().chain(before.iter()).chain([0usize, 1].iter()) {
        if let Some(r) = sentences.get(k).and_then(|&s| best(gaz, &in_span(s), main)) {
            return Some(refine(r));
        }
    }
    // 4. The placeline.
    if let Some(r) = line_best {
        return Some(to_location(gaz, r));
    }
    // 5. The place named most often (most specific first), then the main country.
    let mut counts: Vec<(&ResolvedPlace, usize)> = Vec::new();
    for r in pctx.places.iter().filter(|r| !r.demonym && !r.embedded && !small_abroad(r)) {
        match counts.iter_mut().find(|(q, _)| q.place == r.place) {
            Some((_, n)) => *n += 1,
            None => counts.push((r, 1)),
        }
    }
    if let Some((r, _)) = counts
        .iter()
        .filter(|(r, _)| main.is_none_or(|c| gaz.place(r.place).country_code == c))
        .max_by_key(|(r, n)| (*n, specificity(gaz.place(r.place).kind), std::cmp::Reverse(r.span.start)))
    {
        return Some(to_location(gaz, r));
    }
    // 6. A name that begins with a region or a big town ("Kerala Catholic Council",
    //    "Hyderabad Press Club"), then the country.
    if let Some(r) = pctx.places.iter().find(|r| {
        let p = gaz.place(r.place);
        r.embedded
            && !r.demonym
            && !small_abroad(r)
            && main.is_none_or(|c| p.country_code == c)
            && (p.kind == PlaceKind::Admin1 || (p.kind == PlaceKind::City && p.population >= 100_000))
    }) {
        return Some(to_location(gaz, r));
    }
    country_location(gaz, main?)
}

/// Population under which a town abroad yields to the report's other evidence.
const SMALL_TOWN: u64 = 20_000;

/// Population under which a town abroad yields to strong other evidence
/// ([`STRONG_PRIOR`] votes for one other country).
const MID_TOWN: u64 = 100_000;

/// Votes (actors, administrative words) for one country that make its evidence strong.
const STRONG_PRIOR: f32 = 2.0;

/// A country as a location (its centroid).
pub fn country_location(gaz: &Gazetteer, cc: &str) -> Option<Location> {
    let p = gaz.country(cc)?;
    Some(Location {
        name: p.name.clone(),
        country_code: Some(p.country_code.clone()),
        admin1: None,
        lat: Some(p.lat),
        lon: Some(p.lon),
        precision: LocationPrecision::Country,
    })
}
