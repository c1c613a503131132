//! Synthetic fused events for benchmarks: fill a store with `n` generated incidents, written
//! straight into the tables (no pipeline, no fusion), so that queries can be timed at a size no
//! test corpus reaches.
//!
//! Each incident is one cluster with one report (a `documents` row), that report's one event
//! (ordinal 0), one or two claims and two actors (`actor1`, `actor2`). The spread is meant to
//! look like a conflict dataset: dates over ten years (2015–2024; mostly day precision, some
//! week, month and year), 50 countries with 200 places each around the country's centre (some
//! events known only to the region or the country), the six ACLED event types with their
//! sub-types, and fatalities that are mostly small, often missing, now and then large; about
//! 2% are contested. Generation is deterministic for a given [`Spec`].
//!
//! Generated documents have no word statistics (`terms`, `postings`), so a synthetic store is
//! for reading only: reports ingested into it later would fuse without text similarity.
//!
//! ```
//! use sitrep_store::{synthetic, Filter, Store};
//!
//! let mut store = Store::open_in_memory()?;
//! let made = synthetic::generate(&mut store, &synthetic::Spec { events: 500, ..Default::default() })?;
//! assert_eq!(made.events, 500);
//! assert_eq!(store.counts()?.clusters, 500);
//! let libya = Filter { country: Some("LY".into()), ..Filter::default() };
//! assert!(!store.events(&libya)?.is_empty());
//! # Ok::<(), sitrep_store::StoreError>(())
//! ```

use chrono::{Datelike, Duration, NaiveDate};
use rusqlite::params;

use crate::{Store, StoreError};

/// What to generate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Spec {
    /// Number of fused events (clusters).
    pub events: u64,
    /// Seed of the generator: the same spec writes the same rows.
    pub seed: u64,
}

impl Default for Spec {
    fn default() -> Self {
        Spec {
            events: 1_000_000,
            seed: 0x5157_5245_5031,
        }
    }
}

/// What was written.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Generated {
    /// Fused events (clusters), one report and one event each.
    pub events: u64,
    /// Claims.
    pub claims: u64,
    /// Actors.
    pub actors: u64,
}

/// ISO 3166-1 alpha-2 codes of the generated countries, with a rough centre (lat, lon).
pub const COUNTRIES: [(&str, f64, f64); 50] = [
    ("AF", 33.9, 67.7),
    ("BD", 23.7, 90.4),
    ("BF", 12.2, -1.6),
    ("BI", -3.4, 29.9),
    ("BR", -14.2, -51.9),
    ("CD", -4.0, 21.8),
    ("CF", 6.6, 20.9),
    ("CM", 7.4, 12.4),
    ("CO", 4.6, -74.3),
    ("DZ", 28.0, 1.7),
    ("EG", 26.8, 30.8),
    ("ET", 9.1, 40.5),
    ("GH", 7.9, -1.0),
    ("GN", 9.9, -9.7),
    ("HT", 19.0, -72.3),
    ("IN", 20.6, 79.0),
    ("IQ", 33.2, 43.7),
    ("IR", 32.4, 53.7),
    ("IL", 31.0, 34.9),
    ("KE", -0.02, 37.9),
    ("LB", 33.9, 35.9),
    ("LY", 26.3, 17.2),
    ("ML", 17.6, -4.0),
    ("MM", 21.9, 95.9),
    ("MX", 23.6, -102.6),
    ("MZ", -18.7, 35.5),
    ("NE", 17.6, 8.1),
    ("NG", 9.1, 8.7),
    ("NP", 28.4, 84.1),
    ("PK", 30.4, 69.3),
    ("PH", 12.9, 121.8),
    ("PS", 31.9, 35.2),
    ("RU", 55.8, 37.6),
    ("RW", -1.9, 29.9),
    ("SD", 12.9, 30.2),
    ("SN", 14.5, -14.5),
    ("SO", 5.2, 46.2),
    ("SS", 6.9, 31.3),
    ("SY", 34.8, 39.0),
    ("TD", 15.5, 18.7),
    ("TH", 15.9, 101.0),
    ("TN", 33.9, 9.5),
    ("TR", 39.0, 35.2),
    ("UA", 48.4, 31.2),
    ("UG", 1.4, 32.3),
    ("VE", 6.4, -66.6),
    ("YE", 15.6, 48.5),
    ("ZA", -30.6, 22.9),
    ("ZW", -19.0, 29.2),
    ("AO", -11.2, 17.9),
];

/// ACLED event types with some of their sub-types, and how often each type comes (per 100).
const TYPES: [(&str, [&str; 3], u64); 6] = [
    (
        "Battles",
        [
            "Armed clash",
            "Government regains territory",
            "Non-state actor overtakes territory",
        ],
        30,
    ),
    (
        "Explosions/Remote violence",
        [
            "Air/drone strike",
            "Shelling/artillery/missile attack",
            "Remote explosive/landmine/IED",
        ],
        20,
    ),
    (
        "Violence against civilians",
        [
            "Attack",
            "Abduction/forced disappearance",
            "Sexual violence",
        ],
        25,
    ),
    (
        "Protests",
        [
            "Peaceful protest",
            "Protest with intervention",
            "Excessive force against protesters",
        ],
        15,
    ),
    (
        "Riots",
        ["Violent demonstration", "Mob violence", "Mob violence"],
        6,
    ),
    (
        "Strategic developments",
        [
            "Arrests",
            "Looting/property destruction",
            "Disrupted weapons use",
        ],
        4,
    ),
];

/// Actor names of the generated events.
const ACTORS: [&str; 12] = [
    "Islamic State",
    "Boko Haram",
    "Al-Shabaab",
    "Taliban",
    "Rapid Support Forces",
    "Unidentified Armed Group",
    "Civilians",
    "Protesters",
    "Rioters",
    "Police Forces",
    "Military Forces",
    "Militia",
];

/// Places per country.
const PLACES: u64 = 200;
/// Days covered, from 2015-01-01.
const DAYS: u64 = 3653;

/// Fill `store` with `spec.events` generated incidents, in one transaction, and return what
/// was written. Event ids are `ev:syn-<n>`; a second call with an overlapping range fails on
/// the unique ids and writes nothing.
pub fn generate(store: &mut Store, spec: &Spec) -> Result<Generated, StoreError> {
    let base = NaiveDate::from_ymd_opt(2015, 1, 1).unwrap_or_default();
    let start = store
        .conn
        .query_row("SELECT COALESCE(MAX(id), 0) FROM clusters", [], |r| {
            r.get::<_, i64>(0)
        })?;
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX));
    // A larger page cache while the indexes grow, put back afterwards.
    let cache: i64 = store
        .conn
        .query_row("PRAGMA cache_size", [], |r| r.get(0))?;
    store.conn.execute_batch("PRAGMA cache_size = -262144")?;
    let result = write_all(store, spec, base, start, now);
    store
        .conn
        .execute_batch(&format!("PRAGMA cache_size = {cache}"))?;
    result
}

fn write_all(
    store: &mut Store,
    spec: &Spec,
    base: NaiveDate,
    start: i64,
    now: i64,
) -> Result<Generated, StoreError> {
    let mut rng = Rng(spec.seed ^ 0x9e37_79b9_7f4a_7c15);
    let mut made = Generated::default();
    let tx = store.conn.transaction()?;
    {
        let mut document = tx.prepare(
            "INSERT INTO documents (doc_id, content_hash, title, published, outlet, origin, format, ingested_at)
             VALUES (?1, ?2, ?3, ?4, ?5, 'synthetic', 'jsonl', ?6)",
        )?;
        let mut cluster = tx.prepare(
            "INSERT INTO clusters (event_id, event_type, sub_event_type, date_start, date_end, date_precision,
                 location_name, country_code, admin1, lat, lon, location_precision,
                 fatalities_low, fatalities_high, fatalities_best, injuries_low, injuries_high, injuries_best,
                 contested, reports, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, 1, ?20, ?20)",
        )?;
        let mut event = tx.prepare(
            "INSERT INTO events (document_id, ordinal, cluster_id, event_type, sub_event_type, date_start, date_end,
                 date_precision, date_ambiguous, location_name, country_code, admin1, lat, lon, location_precision,
                 fatalities_low, fatalities_high, fatalities_best, injuries_low, injuries_high, injuries_best)
             VALUES (?1, 0, ?2, ?3, ?4, ?5, ?6, ?7, 0, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19)",
        )?;
        let mut claim = tx.prepare(
            "INSERT INTO claims (event_id, document_id, kind, low, high, qualifier, victims, side, cumulative,
                 source, span_start, span_end, text, perpetrators, struck)
             VALUES (?1, ?2, ?3, ?4, ?4, 'exact', ?5, NULL, 0, ?6, ?7, ?8, ?9, 0, 0)",
        )?;
        let mut actor = tx.prepare(
            "INSERT INTO actors (event_id, role, text, canonical, inferred) VALUES (?1, ?2, ?3, ?3, 0)",
        )?;
        for i in 0..spec.events {
            let n = start
                .saturating_add(i64::try_from(i).unwrap_or(i64::MAX))
                .saturating_add(1);
            let inc = Incident::draw(&mut rng, base);
            let doc_id = format!("syn-{n}");
            let hash = format!("{:032x}", rng.next());
            document.execute(params![
                doc_id,
                hash,
                format!("{} in {}", inc.kind, inc.place),
                inc.published,
                inc.outlet,
                now
            ])?;
            let doc_row = tx.last_insert_rowid();
            cluster.execute(params![
                format!("ev:{doc_id}"),
                inc.kind,
                inc.sub_kind,
                inc.start,
                inc.end,
                inc.date_precision,
                inc.place,
                inc.country,
                inc.admin1,
                inc.lat,
                inc.lon,
                inc.place_precision,
                inc.killed,
                inc.killed,
                inc.killed,
                inc.injured,
                inc.injured,
                inc.injured,
                inc.contested,
                now
            ])?;
            let cluster_row = tx.last_insert_rowid();
            event.execute(params![
                doc_row,
                cluster_row,
                inc.kind,
                inc.sub_kind,
                inc.start,
                inc.end,
                inc.date_precision,
                inc.place,
                inc.country,
                inc.admin1,
                inc.lat,
                inc.lon,
                inc.place_precision,
                inc.killed,
                inc.killed,
                inc.killed,
                inc.injured,
                inc.injured,
                inc.injured
            ])?;
            let event_row = tx.last_insert_rowid();
            let mut claims = vec![("killed", inc.killed.unwrap_or(0), "people")];
            if let Some(injured) = inc.injured {
                claims.push(("injured", injured, "people"));
            } else if rng.below(3) == 0 {
                claims.push((
                    "killed",
                    inc.killed.unwrap_or(0) + i64::try_from(rng.below(3)).unwrap_or(0),
                    "civilians",
                ));
            }
            for (k, (kind, figure, victims)) in claims.into_iter().enumerate() {
                let verb = if kind == "killed" {
                    "were killed"
                } else {
                    "were wounded"
                };
                let text = format!("{figure} {victims} {verb}");
                let at = i64::try_from(k * 40).unwrap_or(0);
                let end = at + i64::try_from(text.len()).unwrap_or(0);
                claim.execute(params![
                    event_row, doc_row, kind, figure, victims, inc.source, at, end, text
                ])?;
                made.claims += 1;
            }
            for (role, name) in [("actor1", inc.actors[0]), ("actor2", inc.actors[1])] {
                actor.execute(params![event_row, role, name])?;
                crate::write::add_actor_names(&tx, name, Some(name))?;
            }
            made.actors += 2;
            made.events += 1;
        }
    }
    tx.commit()?;
    Ok(made)
}

/// One generated incident.
struct Incident {
    kind: &'static str,
    sub_kind: &'static str,
    start: String,
    end: String,
    published: String,
    date_precision: &'static str,
    place: String,
    country: &'static str,
    admin1: Option<String>,
    lat: Option<f64>,
    lon: Option<f64>,
    place_precision: &'static str,
    killed: Option<i64>,
    injured: Option<i64>,
    contested: &'static str,
    source: Option<&'static str>,
    outlet: &'static str,
    actors: [&'static str; 2],
}

impl Incident {
    fn draw(rng: &mut Rng, base: NaiveDate) -> Incident {
        let mut roll = rng.below(100);
        let mut chosen = &TYPES[0];
        for t in &TYPES {
            if roll < t.2 {
                chosen = t;
                break;
            }
            roll -= t.2;
        }
        let (kind, subs, _) = *chosen;
        let sub_kind = subs[usize::try_from(rng.below(3)).unwrap_or(0)];

        let day = base + Duration::days(i64::try_from(rng.below(DAYS)).unwrap_or(0));
        let (date_precision, first, last) = match rng.below(100) {
            0..=84 => ("day", day, day),
            85..=91 => ("week", day, day + Duration::days(6)),
            92..=97 => {
                let first = day.with_day(1).unwrap_or(day);
                let next = first
                    .checked_add_months(chrono::Months::new(1))
                    .unwrap_or(first);
                ("month", first, next - Duration::days(1))
            }
            _ => {
                let first = NaiveDate::from_ymd_opt(day.year(), 1, 1).unwrap_or(day);
                let last = NaiveDate::from_ymd_opt(day.year(), 12, 31).unwrap_or(day);
                ("year", first, last)
            }
        };
        let published = (last + Duration::days(i64::try_from(rng.below(3)).unwrap_or(0)))
            .format("%Y-%m-%d")
            .to_string();

        let (country, clat, clon) = COUNTRIES[usize::try_from(rng.below(50)).unwrap_or(0)];
        let k = rng.below(PLACES);
        let region = k % 12;
        // A place's coordinates depend only on its number, within about ±3° of the centre.
        let offset = |salt: u64| {
            let h = Rng(k.wrapping_mul(0x2545_f491_4f6c_dd1d) ^ salt).next();
            (h % 6000) as f64 / 1000.0 - 3.0
        };
        let (place, admin1, lat, lon, place_precision) = match rng.below(100) {
            0..=79 => (
                format!("{country} Town {k}"),
                format!("{country} Province {region}"),
                Some(clat + offset(1)),
                Some(clon + offset(2)),
                if k.is_multiple_of(10) {
                    "point"
                } else {
                    "city"
                },
            ),
            80..=94 => (
                format!("{country} Province {region}"),
                format!("{country} Province {region}"),
                Some(clat + offset(1) / 2.0),
                Some(clon + offset(2) / 2.0),
                "region",
            ),
            95..=97 => (
                country.to_string(),
                String::new(),
                Some(clat),
                Some(clon),
                "country",
            ),
            _ => (country.to_string(), String::new(), None, None, "country"),
        };
        let admin1 = if admin1.is_empty() {
            None
        } else {
            Some(admin1)
        };

        // Fatalities: missing a third of the time; else mostly a handful, now and then many.
        let killed = match rng.below(100) {
            0..=32 => None,
            33..=89 => Some(rng.below(6)),
            90..=98 => Some(5 + rng.below(46)),
            _ => Some(50 + rng.below(451)),
        }
        .map(|n| i64::try_from(n).unwrap_or(0));
        let injured = if rng.below(4) == 0 {
            Some(i64::try_from(rng.below(40)).unwrap_or(0))
        } else {
            None
        };
        let contested = if killed.is_some() && rng.below(50) == 0 {
            "killed"
        } else {
            ""
        };
        const SOURCES: [Option<&str>; 4] = [
            None,
            Some("police"),
            Some("officials"),
            Some("a local resident"),
        ];
        const OUTLETS: [&str; 4] = ["Wire A", "Daily B", "Radio C", "Agency D"];
        let a1 = ACTORS[usize::try_from(rng.below(6)).unwrap_or(0)];
        let a2 = ACTORS[6 + usize::try_from(rng.below(6)).unwrap_or(0)];
        Incident {
            kind,
            sub_kind,
            start: first.format("%Y-%m-%d").to_string(),
            end: last.format("%Y-%m-%d").to_string(),
            published,
            date_precision,
            place,
            country,
            admin1,
            lat,
            lon,
            place_precision,
            killed,
            injured,
            contested,
            source: SOURCES[usize::try_from(rng.below(4)).unwrap_or(0)],
            outlet: OUTLETS[usize::try_from(rng.below(4)).unwrap_or(0)],
            actors: [a1, a2],
        }
    }
}

/// SplitMix64: small, fast, deterministic; good enough to spread test data.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0; the slight modulo bias does not matter here).
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Filter;

    #[test]
    fn generated_events_read_back_whole() {
        let mut store = Store::open_in_memory().unwrap();
        let spec = Spec {
            events: 2000,
            seed: 7,
        };
        let made = generate(&mut store, &spec).unwrap();
        assert_eq!(made.events, 2000);
        assert!(made.claims >= 2000 && made.claims <= 4000);
        assert_eq!(made.actors, 4000);
        let counts = store.counts().unwrap();
        assert_eq!(
            (counts.documents, counts.events, counts.clusters),
            (2000, 2000, 2000)
        );
        let all = store.events(&Filter::default()).unwrap();
        assert_eq!(all.len(), 2000);
        // Their names are in the actor filter's index.
        let names: i64 = store
            .conn
            .query_row("SELECT COUNT(*) FROM actor_names", [], |r| r.get(0))
            .unwrap();
        assert_eq!(names, 12);
        let military = all
            .iter()
            .filter(|e| e.actors.iter().any(|a| a.text == "Military Forces"))
            .count();
        let by_actor = Filter {
            actor: Some("ITARY FORC".into()),
            ..Filter::default()
        };
        assert!(military > 0);
        assert_eq!(store.events(&by_actor).unwrap().len(), military);
        let first = &all[0];
        assert_eq!(first.doc_ids.len(), 1);
        assert_eq!(first.actors.len(), 2);
        assert!(!first.claims.is_empty());
        assert!(first
            .date
            .as_ref()
            .is_some_and(|d| d.start.as_str() >= "2015-01-01"));
        let countries: std::collections::HashSet<_> = all
            .iter()
            .filter_map(|e| e.location.as_ref()?.country_code.clone())
            .collect();
        assert!(countries.len() >= 45, "{} countries", countries.len());
        let years: std::collections::HashSet<_> = all
            .iter()
            .filter_map(|e| e.date.as_ref().map(|d| d.start[..4].to_string()))
            .collect();
        assert_eq!(years.len(), 10);
        assert!(all.iter().any(|e| e.contested));
        assert!(all.iter().any(|e| e.fatalities.is_none()));
        assert!(all
            .iter()
            .any(|e| e.fatalities.is_some_and(|t| t.best >= 50)));

        // Same spec, same rows; a second batch continues the ids.
        let mut other = Store::open_in_memory().unwrap();
        generate(&mut other, &spec).unwrap();
        assert_eq!(other.events(&Filter::default()).unwrap(), all);
        generate(
            &mut other,
            &Spec {
                events: 10,
                seed: 8,
            },
        )
        .unwrap();
        assert_eq!(other.counts().unwrap().clusters, 2010);
    }
}
