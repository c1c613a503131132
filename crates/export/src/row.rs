//! The flat record of one fused event: ACLED's columns where they apply, then ours.

use std::collections::{HashMap, HashSet};

use serde::Serialize;
use sitrep_model::{DatePrecision, LocationPrecision};
use sitrep_store::FusedEvent;

/// The columns of [`Row`], in order: the CSV header and the Parquet schema.
pub const COLUMNS: [&str; 31] = [
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "actor2",
    "assoc_actor_2",
    "country",
    "admin1",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "notes",
    "fatalities",
    "iso",
    "timestamp",
    "fatalities_low",
    "fatalities_high",
    "injuries_best",
    "injuries_low",
    "injuries_high",
    "contested",
    "contested_kinds",
    "reports",
    "doc_ids",
    "country_code",
];

/// Claims listed in `notes` at most.
const NOTE_CLAIMS: usize = 6;

/// One fused event as a flat record (no nesting), the shape of a CSV line, a Parquet row and
/// the properties of a GeoJSON feature. `None` is an empty CSV field, a JSON `null`, a Parquet
/// null; unlike ACLED, an unknown toll stays empty rather than 0.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Row {
    /// The store's `event_id` (ACLED: the event's id with a country prefix).
    pub event_id_cnty: String,
    /// First day of the event, `YYYY-MM-DD`.
    pub event_date: Option<String>,
    /// Year of `event_date`.
    pub year: Option<i64>,
    /// ACLED's time precision: 1 the day is known, 2 the week, 3 only the month or year.
    pub time_precision: Option<i64>,
    /// One of ACLED's six event types.
    pub event_type: Option<String>,
    /// ACLED sub-event type.
    pub sub_event_type: Option<String>,
    /// The first `actor1` of the reports (canonical name, else as written).
    pub actor1: Option<String>,
    /// Associated actors and any further `actor1`s, joined by "; ".
    pub assoc_actor_1: Option<String>,
    /// The first `actor2`.
    pub actor2: Option<String>,
    /// Any further `actor2`s, joined by "; ".
    pub assoc_actor_2: Option<String>,
    /// Country name (from keshvar, in the short form ACLED uses).
    pub country: Option<String>,
    /// First-level administrative region.
    pub admin1: Option<String>,
    /// The place's name.
    pub location: Option<String>,
    /// WGS84 latitude.
    pub latitude: Option<f64>,
    /// WGS84 longitude.
    pub longitude: Option<f64>,
    /// ACLED's geo precision: 1 a point or town, 2 a region, 3 only the country.
    pub geo_precision: Option<i64>,
    /// Who gave the figures: the claims' distinct sources, joined by "; ".
    pub source: Option<String>,
    /// A short line built from the claims.
    pub notes: String,
    /// Best fatality figure over the reports.
    pub fatalities: Option<i64>,
    /// ISO 3166-1 numeric country code.
    pub iso: Option<i64>,
    /// Unix time of the export (the store does not expose when an event last changed).
    pub timestamp: i64,
    /// Lowest fatality figure.
    pub fatalities_low: Option<i64>,
    /// Highest fatality figure (empty when a report gives only a lower bound).
    pub fatalities_high: Option<i64>,
    /// Best injury figure.
    pub injuries_best: Option<i64>,
    /// Lowest injury figure.
    pub injuries_low: Option<i64>,
    /// Highest injury figure.
    pub injuries_high: Option<i64>,
    /// The reports contest a toll (a zero against a positive figure).
    pub contested: bool,
    /// Which tolls are contested (`killed`, `injured`), joined by "; ".
    pub contested_kinds: Option<String>,
    /// Number of reports fused into the event.
    pub reports: i64,
    /// The reports' ids, joined by "; ".
    pub doc_ids: String,
    /// ISO 3166-1 alpha-2 country code.
    pub country_code: Option<String>,
}

/// Turns fused events into [`Row`]s; keeps the country names looked up so far.
#[derive(Debug, Default)]
pub struct Flattener {
    countries: HashMap<String, Option<(String, Option<i64>)>>,
    timestamp: i64,
}

impl Flattener {
    /// A flattener stamping every row with `timestamp` (Unix seconds).
    pub fn new(timestamp: i64) -> Self {
        Flattener {
            countries: HashMap::new(),
            timestamp,
        }
    }

    /// The flat record of `event`.
    pub fn row(&mut self, event: &FusedEvent) -> Row {
        let date = event.date.as_ref();
        let location = event.location.as_ref();
        let country_code = location.and_then(|l| l.country_code.clone());
        let (country, iso) = match &country_code {
            Some(code) => self.country(code),
            None => (None, None),
        };
        let (actor1, assoc1, actor2, assoc2) = actors(event);
        let int = |n: u64| i64::try_from(n).unwrap_or(i64::MAX);
        let fatalities = event.fatalities;
        let injuries = event.injuries;
        Row {
            event_id_cnty: event.event_id.clone(),
            event_date: date.map(|d| d.start.clone()),
            year: date.and_then(|d| d.start.get(..4)?.parse().ok()),
            time_precision: date.map(|d| match d.precision {
                DatePrecision::Day => 1,
                DatePrecision::Week => 2,
                DatePrecision::Month | DatePrecision::Year => 3,
            }),
            event_type: event.event_type.clone(),
            sub_event_type: event.sub_event_type.clone(),
            actor1,
            assoc_actor_1: assoc1,
            actor2,
            assoc_actor_2: assoc2,
            country,
            admin1: location.and_then(|l| l.admin1.clone()),
            location: location.map(|l| l.name.clone()),
            latitude: location.and_then(|l| l.lat),
            longitude: location.and_then(|l| l.lon),
            geo_precision: location.map(|l| match l.precision {
                LocationPrecision::Point | LocationPrecision::City => 1,
                LocationPrecision::Region => 2,
                LocationPrecision::Country => 3,
            }),
            source: sources(event),
            notes: notes(event),
            fatalities: fatalities.map(|t| int(t.best)),
            iso,
            timestamp: self.timestamp,
            fatalities_low: fatalities.map(|t| int(t.low)),
            fatalities_high: fatalities.and_then(|t| t.high).map(int),
            injuries_best: injuries.map(|t| int(t.best)),
            injuries_low: injuries.map(|t| int(t.low)),
            injuries_high: injuries.and_then(|t| t.high).map(int),
            contested: event.contested,
            contested_kinds: join(event.contested_kinds.iter().map(String::as_str)),
            reports: int(event.reports),
            doc_ids: event.doc_ids.join("; "),
            country_code,
        }
    }

    /// Name and numeric code of an alpha-2 code; unknown codes give neither.
    fn country(&mut self, code: &str) -> (Option<String>, Option<i64>) {
        let found = self
            .countries
            .entry(code.to_string())
            .or_insert_with(|| country_of(code));
        match found {
            Some((name, iso)) => (Some(name.clone()), *iso),
            None => (None, None),
        }
    }
}

/// ACLED's names where keshvar's short names read differently once cleaned.
const NAMES: [(&str, &str); 19] = [
    ("CD", "Democratic Republic of Congo"),
    ("CG", "Republic of Congo"),
    ("KR", "South Korea"),
    ("KP", "North Korea"),
    ("SY", "Syria"),
    ("RU", "Russia"),
    ("LA", "Laos"),
    ("VN", "Vietnam"),
    ("TR", "Turkey"),
    ("CI", "Ivory Coast"),
    ("GB", "United Kingdom"),
    ("US", "United States"),
    ("CZ", "Czech Republic"),
    ("SZ", "eSwatini"),
    ("CV", "Cape Verde"),
    ("BN", "Brunei"),
    ("PS", "Palestine"),
    ("TL", "East Timor"),
    ("MK", "North Macedonia"),
];

/// keshvar's name of a country (short, without "(...)" or a ", ..." tail) and its ISO numeric
/// code.
fn country_of(code: &str) -> Option<(String, Option<i64>)> {
    let code = code.to_ascii_uppercase();
    let country = keshvar::Alpha2::try_from(code.as_str()).ok()?.to_country();
    let name = match NAMES.iter().find(|(c, _)| *c == code) {
        Some((_, name)) => (*name).to_string(),
        None => sitrep_actors::clean_iso_name(country.iso_short_name()),
    };
    Some((name, country.number().parse().ok()))
}

/// `actor1`, its associates, `actor2`, its associates.
fn actors(
    event: &FusedEvent,
) -> (
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
) {
    let mut first = [None, None];
    let mut assoc: [Vec<&str>; 2] = [Vec::new(), Vec::new()];
    for a in &event.actors {
        let name = a.canonical.as_deref().unwrap_or(&a.text);
        let side = usize::from(a.role == "actor2");
        if a.role == "actor1" || a.role == "actor2" {
            if first[side].is_none() {
                first[side] = Some(name.to_string());
                continue;
            }
            if first[side].as_deref() == Some(name) {
                continue;
            }
        }
        if !assoc[side].contains(&name) {
            assoc[side].push(name);
        }
    }
    let [a1, a2] = first;
    let [s1, s2] = assoc;
    (a1, join(s1.into_iter()), a2, join(s2.into_iter()))
}

/// The claims' distinct sources (case aside), in order.
fn sources(event: &FusedEvent) -> Option<String> {
    let mut seen = HashSet::new();
    join(
        event
            .claims
            .iter()
            .filter_map(|c| c.claim.source.as_deref())
            .map(str::trim)
            .filter(|s| !s.is_empty() && seen.insert(s.to_lowercase())),
    )
}

/// "2 reports: 12 killed (police); 18 killed (hospital officials); 30 injured; contested: killed".
fn notes(event: &FusedEvent) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut more = 0usize;
    for c in &event.claims {
        let c = &c.claim;
        let figure = match c.high {
            Some(high) if high != c.low => format!("{}-{high}", c.low),
            _ => c.low.to_string(),
        };
        let kind = serde_json::to_value(c.kind)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        let mut part = format!("{figure} {kind}");
        if let Some(source) = c.source.as_deref().filter(|s| !s.trim().is_empty()) {
            part.push_str(&format!(" ({})", source.trim()));
        }
        if parts.contains(&part) {
            continue;
        }
        if parts.len() == NOTE_CLAIMS {
            more += 1;
        } else {
            parts.push(part);
        }
    }
    let reports = if event.reports == 1 {
        "1 report".to_string()
    } else {
        format!("{} reports", event.reports)
    };
    let mut line = if parts.is_empty() {
        format!("{reports}; no casualty figure")
    } else {
        format!("{reports}: {}", parts.join("; "))
    };
    if more > 0 {
        line.push_str(&format!("; {more} more"));
    }
    if !event.contested_kinds.is_empty() {
        line.push_str(&format!(
            "; contested: {}",
            event.contested_kinds.join(", ")
        ));
    }
    line
}

/// The items joined by "; ", or `None` when there are none.
fn join<'a>(items: impl Iterator<Item = &'a str>) -> Option<String> {
    let v: Vec<&str> = items.collect();
    if v.is_empty() {
        None
    } else {
        Some(v.join("; "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn country_names_and_codes() {
        assert_eq!(country_of("LY"), Some(("Libya".into(), Some(434))));
        assert_eq!(country_of("ng"), Some(("Nigeria".into(), Some(566))));
        assert_eq!(country_of("IR"), Some(("Iran".into(), Some(364))));
        assert_eq!(country_of("TZ"), Some(("Tanzania".into(), Some(834))));
        assert_eq!(
            country_of("CD"),
            Some(("Democratic Republic of Congo".into(), Some(180)))
        );
        assert_eq!(country_of("BO").map(|c| c.1), Some(Some(68)));
        assert_eq!(country_of("XX"), None);
    }

    #[test]
    fn columns_match_the_row() {
        let row = Flattener::new(0).row(&FusedEvent {
            doc_id: "ev:a".into(),
            event_id: "ev:a".into(),
            doc_ids: vec!["a".into()],
            event_type: None,
            sub_event_type: None,
            date: None,
            location: None,
            actors: vec![],
            fatalities: None,
            injuries: None,
            contested: false,
            contested_kinds: vec![],
            reports: 1,
            claims: vec![],
        });
        let value = serde_json::to_value(&row).unwrap_or_default();
        let mut keys: Vec<&str> = value
            .as_object()
            .map(|o| o.keys().map(String::as_str).collect())
            .unwrap_or_default();
        keys.sort_unstable();
        let mut sorted = COLUMNS.to_vec();
        sorted.sort_unstable();
        assert_eq!(keys, sorted);
        assert_eq!(row.notes, "1 report; no casualty figure");
    }
}
