//! Which reports tell of the same incident, and what the reports together say about it.
//!
//! # Matching
//!
//! A new report's main event (its first) is compared with the main events already in the
//! store, one by one. Each of four attributes gives evidence ([`Evidence`]):
//!
//! - **place**: both located below country level → *agree* when within a radius that depends
//!   on the coarser of the two precisions ([`radius_km`]: point and city 25 km, region 150 km),
//!   else *disagree*; a country-level or unknown place is *weak*; two different countries are
//!   *incompatible*.
//! - **date**: two day- or week-precision ranges → *agree* when they overlap or lie at most one
//!   day apart ([`DATE_TOLERANCE_DAYS`]), *weak* up to a week apart ([`FOLLOW_UP_DAYS`]:
//!   follow-ups date the incident by a later death or arrest), *disagree* up to two months
//!   apart, *far apart* beyond ([`FAR_APART_DAYS`]); a month or a year is *weak* when it
//!   overlaps, *disagree* when it does not; an unknown date is *weak*.
//! - **type**: the same ACLED type or one unknown → *agree*; a battle and violence against
//!   civilians → *weak* (a shoot-out and a shooting of one incident: reports see the victims
//!   differently); two other types of the same family (political violence: battles,
//!   explosions, violence against civilians; demonstrations: protests, riots) → *disagree*;
//!   a demonstration and an act of political violence, or either and a strategic development
//!   → *incompatible*.
//! - **actor1**: two named (not inferred, not "Unidentified …") canonical perpetrators that
//!   differ → *disagree*.
//!
//! Evidence short of agreement must be made up by the two reports' text similarity (the
//! cosine of their word vectors, [`crate::text`]): each *weak* attribute asks for
//! [`WEAK_COST`], each *disagreement* for [`DISAGREE_COST`], dates *far apart* for
//! [`FAR_APART_COST`] (city-wide roundups of the same city's shootings share most words). Reports that agree on place and
//! date need nothing more; reports of the same day whose places disagree (the extractor picked
//! the wrong town in one) need a similarity of 0.2; a follow-up weeks later in the same town
//! needs 0.2 as well; one that disagrees on both needs 0.4, which in practice only reports
//! sharing the names of the victims and streets reach. An *incompatible* attribute never
//! fuses.
//!
//! The new event joins the cluster of the candidate with the highest [`Match::score`]
//! (agreements first, then similarity), or founds a cluster of its own.
//!
//! # Tolls
//!
//! [`fuse_tolls`]: each report contributes its event's toll. `best` is the figure the most
//! reports give, ties going to the lowest (ACLED's conservative rule): one report of 3 and
//! one of 5 give 3; when a second report confirms a revised 5, best becomes 5. `low` is the
//! lowest figure of any report, `high` the highest (an open "at least 7" counts as 7): the
//! range across reports (UCDP's low/high). A toll is *contested* ([`contested`]) when one
//! report (or one source) says nobody was killed (or hurt) and another says some were; the
//! zero stays in `low` and the cluster is flagged.

use chrono::NaiveDate;
use sitrep_model::{Claim, ClaimKind, DatePrecision, LocationPrecision, Toll};

/// Two day- or week-precision dates this many days apart still agree.
pub const DATE_TOLERANCE_DAYS: i64 = 1;
/// Two day- or week-precision dates at most this many days apart are only weak evidence
/// against each other: follow-ups date the incident by a later death, arrest or funeral.
pub const FOLLOW_UP_DAYS: i64 = 7;
/// Text similarity asked for each attribute that is only weakly known (country-level place,
/// unknown date, month or year).
pub const WEAK_COST: f64 = 0.1;
/// Text similarity asked for each attribute on which two reports disagree.
pub const DISAGREE_COST: f64 = 0.2;
/// Two day- or week-precision dates further apart than this are far apart.
pub const FAR_APART_DAYS: i64 = 60;
/// Text similarity asked for dates far apart.
pub const FAR_APART_COST: f64 = 0.4;

/// The search radius of a place of this precision, in km; `None` for a country.
pub fn radius_km(precision: LocationPrecision) -> Option<f64> {
    match precision {
        LocationPrecision::Point | LocationPrecision::City => Some(25.0),
        LocationPrecision::Region => Some(150.0),
        LocationPrecision::Country => None,
    }
}

/// What one attribute says about two events being the same incident.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Evidence {
    /// They cannot be the same incident.
    Incompatible,
    /// They differ; only strong text similarity can fuse them.
    Disagree,
    /// They differ by far (dates months apart); only near-identical text can fuse them.
    FarApart,
    /// Too imprecise or unknown to say.
    Weak,
    /// They agree.
    Agree,
}

/// A resolved date range of an event, as fusion sees it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DateRange {
    /// First day.
    pub start: NaiveDate,
    /// Last day.
    pub end: NaiveDate,
    /// Precision.
    pub precision: DatePrecision,
}

impl DateRange {
    /// Parse ISO `start`/`end`; `None` when either is not a date.
    pub fn parse(start: &str, end: &str, precision: DatePrecision) -> Option<Self> {
        let start = NaiveDate::parse_from_str(start.get(..10)?, "%Y-%m-%d").ok()?;
        let end = NaiveDate::parse_from_str(end.get(..10)?, "%Y-%m-%d").ok()?;
        Some(DateRange {
            start: start.min(end),
            end: end.max(start),
            precision,
        })
    }
}

/// A place of an event, as fusion sees it.
#[derive(Clone, Debug, PartialEq)]
pub struct Place {
    /// ISO 3166-1 alpha-2 code.
    pub country: Option<String>,
    /// Coordinates, when known.
    pub coords: Option<(f64, f64)>,
    /// Precision.
    pub precision: LocationPrecision,
}

/// What fusion compares of an event.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Profile {
    /// ACLED event type.
    pub event_type: Option<String>,
    /// When.
    pub date: Option<DateRange>,
    /// Where.
    pub place: Option<Place>,
    /// Canonical name of a named (not inferred) `actor1`.
    pub actor1: Option<String>,
}

/// The verdict on one candidate.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Match {
    /// Text similarity the candidate needs.
    pub required: f64,
    /// Text similarity it has.
    pub similarity: f64,
    /// Attributes that agree.
    pub agreements: u32,
}

impl Match {
    /// True when the two events are taken for the same incident.
    pub fn fuses(&self) -> bool {
        self.similarity >= self.required
    }
    /// Rank among fusing candidates: agreements first, then the similarity to spare.
    pub fn score(&self) -> f64 {
        f64::from(self.agreements) + self.similarity - self.required
    }
}

/// Compare two events; `None` when they can never be the same incident.
pub fn compare(a: &Profile, b: &Profile, similarity: f64) -> Option<Match> {
    let evidence = [
        place_evidence(a.place.as_ref(), b.place.as_ref()),
        date_evidence(a.date.as_ref(), b.date.as_ref()),
        type_evidence(a.event_type.as_deref(), b.event_type.as_deref()),
        actor_evidence(a.actor1.as_deref(), b.actor1.as_deref()),
    ];
    let mut required = 0.0;
    let mut agreements = 0;
    for e in evidence {
        match e {
            Evidence::Incompatible => return None,
            Evidence::Disagree => required += DISAGREE_COST,
            Evidence::FarApart => required += FAR_APART_COST,
            Evidence::Weak => required += WEAK_COST,
            Evidence::Agree => agreements += 1,
        }
    }
    Some(Match {
        required,
        similarity,
        agreements,
    })
}

/// Place evidence (see the module docs).
pub fn place_evidence(a: Option<&Place>, b: Option<&Place>) -> Evidence {
    let (Some(a), Some(b)) = (a, b) else {
        return Evidence::Weak;
    };
    if let (Some(ca), Some(cb)) = (&a.country, &b.country) {
        if !ca.eq_ignore_ascii_case(cb) {
            return Evidence::Incompatible;
        }
    }
    let (Some(pa), Some(pb)) = (a.coords, b.coords) else {
        return Evidence::Weak;
    };
    let (Some(ra), Some(rb)) = (radius_km(a.precision), radius_km(b.precision)) else {
        return Evidence::Weak;
    };
    if distance_km(pa, pb) <= ra.max(rb) {
        Evidence::Agree
    } else {
        Evidence::Disagree
    }
}

/// Date evidence (see the module docs).
pub fn date_evidence(a: Option<&DateRange>, b: Option<&DateRange>) -> Evidence {
    let (Some(a), Some(b)) = (a, b) else {
        return Evidence::Weak;
    };
    let gap = (b.start - a.end)
        .num_days()
        .max((a.start - b.end).num_days())
        .max(0);
    let fine = |d: &DateRange| matches!(d.precision, DatePrecision::Day | DatePrecision::Week);
    if fine(a) && fine(b) {
        if gap <= DATE_TOLERANCE_DAYS {
            Evidence::Agree
        } else if gap <= FOLLOW_UP_DAYS {
            Evidence::Weak
        } else if gap <= FAR_APART_DAYS {
            Evidence::Disagree
        } else {
            Evidence::FarApart
        }
    } else if gap == 0 {
        Evidence::Weak
    } else {
        Evidence::Disagree
    }
}

/// The family of an ACLED event type: 0 political violence, 1 demonstrations, 2 strategic
/// developments, 3 anything else.
fn type_family(t: &str) -> u8 {
    match t {
        "Battles" | "Explosions/Remote violence" | "Violence against civilians" => 0,
        "Protests" | "Riots" => 1,
        "Strategic developments" => 2,
        _ => 3,
    }
}

/// Event-type evidence (see the module docs).
pub fn type_evidence(a: Option<&str>, b: Option<&str>) -> Evidence {
    match (a, b) {
        (Some(a), Some(b)) if a != b => {
            // A shooting and a shoot-out, an attack and a clash: one incident told by reports
            // that saw its victims differently.
            let armed = |t: &str| matches!(t, "Battles" | "Violence against civilians");
            if armed(a) && armed(b) {
                Evidence::Weak
            } else if type_family(a) == type_family(b) {
                Evidence::Disagree
            } else {
                Evidence::Incompatible
            }
        }
        _ => Evidence::Agree,
    }
}

/// Perpetrator evidence: two named canonical `actor1`s that differ disagree; anything else
/// says nothing against fusion (and counts as agreement, like an unknown type). ACLED's
/// unnamed actors ("Unidentified Armed Group (Libya)") name nobody: a report of "gunmen" and
/// one that names the group do not disagree.
pub fn actor_evidence(a: Option<&str>, b: Option<&str>) -> Evidence {
    let named = |x: &str| !x.starts_with("Unidentified");
    match (a, b) {
        (Some(a), Some(b)) if a != b && named(a) && named(b) => Evidence::Disagree,
        _ => Evidence::Agree,
    }
}

/// Great-circle distance in km between two `(lat, lon)` points in degrees.
pub fn distance_km(a: (f64, f64), b: (f64, f64)) -> f64 {
    const EARTH_RADIUS_KM: f64 = 6371.0;
    let (lat1, lat2) = (a.0.to_radians(), b.0.to_radians());
    let dlat = lat2 - lat1;
    let dlon = (b.1 - a.1).to_radians();
    let h = (dlat / 2.0).sin().powi(2) + lat1.cos() * lat2.cos() * (dlon / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_KM * h.sqrt().min(1.0).asin()
}

/// Fuse the tolls the reports give for one incident (see the module docs); `None` when no
/// report gives a figure.
pub fn fuse_tolls(tolls: &[Toll]) -> Option<Toll> {
    let low = tolls.iter().map(|t| t.low.min(t.best)).min()?;
    let high = tolls
        .iter()
        .map(|t| t.high.unwrap_or(t.best).max(t.best))
        .max()?;
    let mut bests: Vec<u64> = tolls.iter().map(|t| t.best).collect();
    bests.sort_unstable();
    // The most frequent figure; scanning upwards, a tie keeps the lower one.
    let mut best = *bests.first()?;
    let (mut best_count, mut run) = (0usize, 0usize);
    for (i, &b) in bests.iter().enumerate() {
        run = if i > 0 && bests[i - 1] == b {
            run + 1
        } else {
            1
        };
        if run > best_count {
            best_count = run;
            best = b;
        }
    }
    Some(Toll {
        low,
        high: Some(high),
        best,
    })
}

/// True when the reports contest a toll of `kind`: one report's total, or one source's claim,
/// says nobody, while another report or source gives a positive figure. Claims that count
/// people struck by gunfire, perpetrators or running totals take no part.
pub fn contested(tolls: &[Toll], claims: &[&Claim], kind: ClaimKind) -> bool {
    let zero = tolls
        .iter()
        .any(|t| t.best == 0 && t.high.unwrap_or(0) == 0);
    let positive = tolls.iter().any(|t| t.best > 0);
    if zero && positive {
        return true;
    }
    let relevant = claims
        .iter()
        .filter(|c| c.kind == kind && !c.struck && !c.perpetrators && !c.cumulative);
    let zero_sources: Vec<&str> = relevant
        .clone()
        .filter(|c| c.low == 0 && c.high == Some(0))
        .filter_map(|c| c.source.as_deref())
        .collect();
    !zero_sources.is_empty()
        && relevant.filter(|c| c.low > 0).any(|c| {
            c.source
                .as_deref()
                .is_some_and(|s| !zero_sources.contains(&s))
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use sitrep_model::Qualifier;

    fn day(s: &str) -> Option<DateRange> {
        DateRange::parse(s, s, DatePrecision::Day)
    }

    fn city(lat: f64, lon: f64) -> Option<Place> {
        Some(Place {
            country: Some("LY".into()),
            coords: Some((lat, lon)),
            precision: LocationPrecision::City,
        })
    }

    fn toll(low: u64, high: Option<u64>, best: u64) -> Toll {
        Toll { low, high, best }
    }

    fn claim(kind: ClaimKind, n: u64, source: Option<&str>) -> Claim {
        Claim {
            kind,
            low: n,
            high: Some(n),
            qualifier: Qualifier::Exact,
            victims: None,
            side: None,
            cumulative: false,
            source: source.map(str::to_string),
            span: [0, 1],
            text: String::new(),
            perpetrators: false,
            struck: false,
        }
    }

    #[test]
    fn distances() {
        // Tripoli to Misrata, about 187 km.
        let d = distance_km((32.8872, 13.1913), (32.3754, 15.0925));
        assert!((d - 187.0).abs() < 5.0, "{d}");
        assert_eq!(distance_km((1.0, 2.0), (1.0, 2.0)), 0.0);
    }

    #[test]
    fn place_radius_depends_on_precision() {
        let sirte = city(31.2089, 16.5887);
        // 40 km east of Sirte.
        let east = city(31.2089, 17.0094);
        assert_eq!(
            place_evidence(sirte.as_ref(), sirte.as_ref()),
            Evidence::Agree
        );
        assert_eq!(
            place_evidence(sirte.as_ref(), east.as_ref()),
            Evidence::Disagree
        );
        let region = Some(Place {
            precision: LocationPrecision::Region,
            ..east.clone().unwrap()
        });
        assert_eq!(
            place_evidence(sirte.as_ref(), region.as_ref()),
            Evidence::Agree
        );
        let country = Some(Place {
            country: Some("LY".into()),
            coords: Some((27.0, 17.0)),
            precision: LocationPrecision::Country,
        });
        assert_eq!(
            place_evidence(sirte.as_ref(), country.as_ref()),
            Evidence::Weak
        );
        let tunisia = Some(Place {
            country: Some("TN".into()),
            ..sirte.clone().unwrap()
        });
        assert_eq!(
            place_evidence(sirte.as_ref(), tunisia.as_ref()),
            Evidence::Incompatible
        );
        assert_eq!(place_evidence(sirte.as_ref(), None), Evidence::Weak);
    }

    #[test]
    fn date_window_respects_precision() {
        let d = day("2016-06-07");
        assert_eq!(
            date_evidence(d.as_ref(), day("2016-06-08").as_ref()),
            Evidence::Agree
        );
        // A follow-up a few days on is weak evidence; weeks on, a disagreement; months on,
        // far apart.
        assert_eq!(
            date_evidence(d.as_ref(), day("2016-06-09").as_ref()),
            Evidence::Weak
        );
        assert_eq!(
            date_evidence(d.as_ref(), day("2016-06-30").as_ref()),
            Evidence::Disagree
        );
        assert_eq!(
            date_evidence(d.as_ref(), day("2016-11-30").as_ref()),
            Evidence::FarApart
        );
        let june = DateRange::parse("2016-06-01", "2016-06-30", DatePrecision::Month);
        assert_eq!(date_evidence(d.as_ref(), june.as_ref()), Evidence::Weak);
        let july = DateRange::parse("2016-07-01", "2016-07-31", DatePrecision::Month);
        assert_eq!(date_evidence(d.as_ref(), july.as_ref()), Evidence::Disagree);
        let week = DateRange::parse("2016-06-01", "2016-06-07", DatePrecision::Week);
        assert_eq!(date_evidence(d.as_ref(), week.as_ref()), Evidence::Agree);
        assert_eq!(date_evidence(None, d.as_ref()), Evidence::Weak);
        assert!(DateRange::parse("June 7", "2016-06-07", DatePrecision::Day).is_none());
    }

    #[test]
    fn types_and_actors() {
        assert_eq!(type_evidence(Some("Battles"), None), Evidence::Agree);
        // A shoot-out and a shooting of one incident: weak, not a disagreement.
        assert_eq!(
            type_evidence(Some("Battles"), Some("Violence against civilians")),
            Evidence::Weak
        );
        assert_eq!(
            type_evidence(Some("Battles"), Some("Explosions/Remote violence")),
            Evidence::Disagree
        );
        assert_eq!(
            type_evidence(Some("Protests"), Some("Explosions/Remote violence")),
            Evidence::Incompatible
        );
        assert_eq!(
            actor_evidence(Some("Islamic State"), Some("Islamic State")),
            Evidence::Agree
        );
        assert_eq!(
            actor_evidence(Some("Islamic State"), Some("Al Shabaab")),
            Evidence::Disagree
        );
        assert_eq!(
            actor_evidence(
                Some("Unidentified Armed Group (Libya)"),
                Some("Islamic State")
            ),
            Evidence::Agree
        );
    }

    #[test]
    fn text_similarity_makes_up_for_weak_or_conflicting_evidence() {
        let a = Profile {
            event_type: Some("Battles".into()),
            date: day("2016-06-07"),
            place: city(31.2089, 16.5887),
            actor1: None,
        };
        // Same place and day: fuses with no shared words at all.
        assert!(compare(&a, &a.clone(), 0.0).is_some_and(|m| m.fuses()));
        // Same day, a town 40 km away: needs similarity 0.2.
        let b = Profile {
            place: city(31.2089, 17.0094),
            ..a.clone()
        };
        let m = compare(&a, &b, 0.15).unwrap();
        assert!(!m.fuses());
        assert!((m.required - DISAGREE_COST).abs() < 1e-9);
        assert!(compare(&a, &b, 0.25).unwrap().fuses());
        // Place and date both disagree: 0.4.
        let c = Profile {
            date: day("2016-06-20"),
            ..b.clone()
        };
        assert!(!compare(&a, &c, 0.35).unwrap().fuses());
        assert!(compare(&a, &c, 0.45).unwrap().fuses());
        // A protest is never an armed clash.
        let d = Profile {
            event_type: Some("Protests".into()),
            ..a.clone()
        };
        assert!(compare(&a, &d, 1.0).is_none());
        // The better match ranks higher.
        assert!(compare(&a, &a, 0.1).unwrap().score() > compare(&a, &b, 0.9).unwrap().score());
    }

    #[test]
    fn best_is_the_most_reported_figure_ties_conservative() {
        assert_eq!(fuse_tolls(&[]), None);
        assert_eq!(
            fuse_tolls(&[toll(5, Some(5), 5)]),
            Some(toll(5, Some(5), 5))
        );
        // One report of 3, one of 5: the conservative 3, range 3–5.
        assert_eq!(
            fuse_tolls(&[toll(3, Some(3), 3), toll(5, Some(5), 5)]),
            Some(toll(3, Some(5), 3))
        );
        // A revised 5 confirmed by a second report becomes best.
        let revised = [
            toll(3, Some(3), 3),
            toll(5, Some(5), 5),
            toll(5, Some(5), 5),
        ];
        assert_eq!(fuse_tolls(&revised), Some(toll(3, Some(5), 5)));
        // An open "at least 7" counts as 7 for the range; a range's low widens the low.
        assert_eq!(
            fuse_tolls(&[toll(7, None, 7), toll(4, Some(9), 4)]),
            Some(toll(4, Some(9), 4))
        );
    }

    #[test]
    fn zero_against_positive_is_contested() {
        let k = ClaimKind::Killed;
        assert!(contested(
            &[toll(0, Some(0), 0), toll(7, Some(7), 7)],
            &[],
            k
        ));
        assert!(!contested(
            &[toll(5, Some(5), 5), toll(7, Some(7), 7)],
            &[],
            k
        ));
        let army = claim(k, 0, Some("the army"));
        let rebels = claim(k, 7, Some("the rebels"));
        assert!(contested(&[toll(7, Some(7), 7)], &[&army, &rebels], k));
        // The same source, or no source, is no dispute.
        let army7 = claim(k, 7, Some("the army"));
        assert!(!contested(&[toll(7, Some(7), 7)], &[&army, &army7], k));
        let unsourced = claim(k, 0, None);
        assert!(!contested(
            &[toll(7, Some(7), 7)],
            &[&unsourced, &rebels],
            k
        ));
        // Another kind is another question.
        assert!(!contested(&[], &[&army, &rebels], ClaimKind::Injured));
    }
}
