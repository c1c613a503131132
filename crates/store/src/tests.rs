//! Store tests on hand-made results (the pipeline itself is exercised by the `sitrep` crate's
//! tests).

use sitrep_model::{
    Claim, ClaimKind, DatePrecision, DocResult, Document, Event, EventDate, Location,
    LocationPrecision, Qualifier, Toll,
};

use crate::{schema, Filter, Outcome, Report, Store};

fn toll(n: u64) -> Option<Toll> {
    Some(Toll {
        low: n,
        high: Some(n),
        best: n,
    })
}

fn event(kind: &str, day: &str, place: (&str, f64, f64), killed: Option<u64>) -> Event {
    Event {
        event_type: Some(kind.into()),
        sub_event_type: None,
        date: Some(EventDate {
            start: day.into(),
            end: day.into(),
            precision: DatePrecision::Day,
            ambiguous: false,
        }),
        location: Some(Location {
            name: place.0.into(),
            country_code: Some("LY".into()),
            admin1: None,
            lat: Some(place.1),
            lon: Some(place.2),
            precision: LocationPrecision::City,
        }),
        actors: vec![],
        fatalities: killed.and_then(toll),
        injuries: None,
        claims: killed
            .map(|n| Claim {
                kind: ClaimKind::Killed,
                low: n,
                high: Some(n),
                qualifier: Qualifier::Exact,
                victims: None,
                side: None,
                cumulative: false,
                source: None,
                span: [0, 4],
                text: "text".into(),
                perpetrators: false,
                struck: false,
            })
            .into_iter()
            .collect(),
        trigger: None,
    }
}

const SIRTE: (&str, f64, f64) = ("Sirte", 31.2089, 16.5887);
const MISRATA: (&str, f64, f64) = ("Misrata", 32.3754, 15.0925);

fn put(store: &mut Store, id: &str, text: &str, events: Vec<Event>) -> crate::Ingested {
    let doc = Document::from_text(id, text);
    let result = DocResult {
        doc_id: id.into(),
        title: None,
        published: None,
        events,
    };
    store
        .ingest(&Report {
            doc: &doc,
            result: &result,
            noise: &[],
        })
        .expect("ingest")
}

#[test]
fn schema_version_is_recorded_and_reopening_keeps_data() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.db");
    {
        let mut store = Store::open(&path).unwrap();
        assert_eq!(store.schema_version().unwrap(), schema::latest_version());
        assert!(schema::latest_version() >= 1);
        put(
            &mut store,
            "a",
            "Five killed in Sirte.",
            vec![event("Battles", "2016-06-07", SIRTE, Some(5))],
        );
    }
    let store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), schema::latest_version());
    assert_eq!(store.counts().unwrap().documents, 1);
    let mode: String = store
        .conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
}

#[test]
fn a_newer_schema_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.db");
    drop(Store::open(&path).unwrap());
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch("PRAGMA user_version = 999").unwrap();
    drop(conn);
    let err = Store::open(&path).unwrap_err();
    assert!(
        matches!(err, crate::StoreError::NewerSchema { found: 999, .. }),
        "{err}"
    );
}

#[test]
fn same_content_is_a_no_op_changed_content_replaces() {
    let mut store = Store::open_in_memory().unwrap();
    let first = put(
        &mut store,
        "a",
        "Five killed in Sirte.",
        vec![event("Battles", "2016-06-07", SIRTE, Some(5))],
    );
    assert_eq!(first.outcome, Outcome::Added);
    let before = store.counts().unwrap();
    let again = put(
        &mut store,
        "a",
        "Five killed in Sirte.",
        vec![event("Battles", "2016-06-07", SIRTE, Some(5))],
    );
    assert_eq!(again.outcome, Outcome::Unchanged);
    assert_eq!(again.event_id, first.event_id);
    assert_eq!(store.counts().unwrap(), before);

    let revised = put(
        &mut store,
        "a",
        "Seven killed in Sirte.",
        vec![event("Battles", "2016-06-07", SIRTE, Some(7))],
    );
    assert_eq!(revised.outcome, Outcome::Replaced);
    assert_eq!(store.counts().unwrap(), before);
    let events = store.events(&Filter::default()).unwrap();
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].fatalities.map(|t| t.best), Some(7));
    assert_eq!(events[0].doc_ids, ["a"]);
}

#[test]
fn same_place_and_day_fuse_other_town_or_type_stay_apart() {
    let mut store = Store::open_in_memory().unwrap();
    let a = put(
        &mut store,
        "a",
        "Clashes in Sirte left five dead.",
        vec![event("Battles", "2016-06-07", SIRTE, Some(5))],
    );
    let b = put(
        &mut store,
        "b",
        "Fighting near Sirte: five fighters died.",
        vec![event("Battles", "2016-06-08", SIRTE, Some(5))],
    );
    assert_eq!(a.event_id, b.event_id);
    assert_eq!(a.event_id.as_deref(), Some("ev:a"));
    // Same day, 190 km away, no shared words: another incident.
    let c = put(
        &mut store,
        "c",
        "A car bomb went off at a checkpoint.",
        vec![event("Battles", "2016-06-07", MISRATA, Some(2))],
    );
    assert_ne!(c.event_id, a.event_id);
    // Same day and town, but a protest is no battle.
    let d = put(
        &mut store,
        "d",
        "Clashes in Sirte left five dead.",
        vec![event("Protests", "2016-06-07", SIRTE, None)],
    );
    assert_ne!(d.event_id, a.event_id);
    // A report with no event is stored, in no cluster.
    let e = put(&mut store, "e", "Nothing happened.", vec![]);
    assert_eq!(e.event_id, None);

    let events = store.events(&Filter::default()).unwrap();
    assert_eq!(events.len(), 3);
    let fused = events.iter().find(|e| e.event_id == "ev:a").unwrap();
    assert_eq!(fused.doc_ids, ["a", "b"]);
    assert_eq!(fused.doc_id, "ev:a");
    assert_eq!(fused.reports, 2);
    assert_eq!(fused.claims.len(), 2);
    assert_eq!(fused.claims[1].doc_id, "b");
    assert_eq!(
        fused.date.as_ref().map(|d| d.start.as_str()),
        Some("2016-06-07")
    );
    assert_eq!(store.counts().unwrap().documents, 5);
}

#[test]
fn shared_rare_words_fuse_reports_whose_place_disagrees() {
    let mut store = Store::open_in_memory().unwrap();
    // Some unrelated reports, so that common words are common.
    for i in 0..8 {
        put(
            &mut store,
            &format!("x{i}"),
            "Fighters were killed in clashes, officials said.",
            vec![],
        );
    }
    let text = "Gunmen shot Faraj Zuwayy and Salem Ghwell outside the Qasr Abu Hadi clinic.";
    let a = put(
        &mut store,
        "a",
        text,
        vec![event(
            "Violence against civilians",
            "2016-06-07",
            SIRTE,
            Some(2),
        )],
    );
    // The extractor put the second report in Misrata: the words carry it.
    let b = put(
        &mut store,
        "b",
        text,
        vec![event(
            "Violence against civilians",
            "2016-06-07",
            MISRATA,
            Some(2),
        )],
    );
    assert_eq!(a.event_id, b.event_id);
}

#[test]
fn tolls_fuse_conservatively_and_contested_zeros_are_flagged() {
    let mut store = Store::open_in_memory().unwrap();
    put(
        &mut store,
        "a",
        "Three killed in Sirte.",
        vec![event("Battles", "2016-06-07", SIRTE, Some(3))],
    );
    put(
        &mut store,
        "b",
        "Toll rises to five in Sirte.",
        vec![event("Battles", "2016-06-07", SIRTE, Some(5))],
    );
    let ev = &store.events(&Filter::default()).unwrap()[0];
    assert_eq!(
        ev.fatalities,
        Some(Toll {
            low: 3,
            high: Some(5),
            best: 3
        })
    );
    assert!(!ev.contested);
    put(
        &mut store,
        "c",
        "Five dead in Sirte.",
        vec![event("Battles", "2016-06-07", SIRTE, Some(5))],
    );
    let ev = &store.events(&Filter::default()).unwrap()[0];
    assert_eq!(
        ev.fatalities,
        Some(Toll {
            low: 3,
            high: Some(5),
            best: 5
        })
    );
    put(
        &mut store,
        "d",
        "Nobody died in Sirte, the army said.",
        vec![event("Battles", "2016-06-07", SIRTE, Some(0))],
    );
    let ev = &store.events(&Filter::default()).unwrap()[0];
    assert_eq!(
        ev.fatalities,
        Some(Toll {
            low: 0,
            high: Some(5),
            best: 5
        })
    );
    assert!(ev.contested);
    assert_eq!(ev.contested_kinds, ["killed"]);
    assert_eq!(ev.doc_ids, ["a", "b", "c", "d"]);
}

#[test]
fn filters() {
    let mut store = Store::open_in_memory().unwrap();
    put(
        &mut store,
        "a",
        "Three killed in Sirte.",
        vec![event("Battles", "2016-06-07", SIRTE, Some(3))],
    );
    put(
        &mut store,
        "b",
        "A car bomb in Misrata killed twelve.",
        vec![event(
            "Explosions/Remote violence",
            "2016-07-01",
            MISRATA,
            Some(12),
        )],
    );
    let ids = |f: Filter| {
        store
            .events(&f)
            .unwrap()
            .into_iter()
            .map(|e| e.event_id)
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(Filter::default()), ["ev:a", "ev:b"]);
    assert_eq!(
        ids(Filter {
            from: Some("2016-06-08".into()),
            ..Filter::default()
        }),
        ["ev:b"]
    );
    assert_eq!(
        ids(Filter {
            to: Some("2016-06-07".into()),
            ..Filter::default()
        }),
        ["ev:a"]
    );
    assert_eq!(
        ids(Filter {
            min_fatalities: Some(10),
            ..Filter::default()
        }),
        ["ev:b"]
    );
    assert_eq!(
        ids(Filter {
            country: Some("ly".into()),
            ..Filter::default()
        })
        .len(),
        2
    );
    assert!(ids(Filter {
        country: Some("TN".into()),
        ..Filter::default()
    })
    .is_empty());
}

#[test]
fn a_batch_stores_everything_in_one_transaction() {
    let mut store = Store::open_in_memory().unwrap();
    let docs: Vec<Document> = (0..3)
        .map(|i| Document::from_text(format!("d{i}"), format!("Report {i}")))
        .collect();
    let results: Vec<DocResult> = docs
        .iter()
        .map(|d| DocResult {
            doc_id: d.doc_id.clone(),
            title: None,
            published: None,
            events: vec![event("Battles", "2016-06-07", SIRTE, Some(1))],
        })
        .collect();
    let reports: Vec<Report<'_>> = docs
        .iter()
        .zip(&results)
        .map(|(doc, result)| Report {
            doc,
            result,
            noise: &[],
        })
        .collect();
    let done = store.ingest_batch(&reports).unwrap();
    assert_eq!(done.len(), 3);
    assert!(done
        .iter()
        .all(|d| d.as_ref().is_ok_and(|d| d.outcome == Outcome::Added)));
    let events = store.events(&Filter::default()).unwrap();
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].doc_ids, ["d0", "d1", "d2"]);
}
