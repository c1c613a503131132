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

// ---- The read side: filters, pages, details, migration, timelines.

use crate::{Page, Sort, StoreError};
use sitrep_model::Actor;

/// A report with a publication date.
fn put_on(
    store: &mut Store,
    id: &str,
    published: &str,
    text: &str,
    events: Vec<Event>,
) -> crate::Ingested {
    let mut doc = Document::from_text(id, text);
    doc.title = Some(format!("Title of {id}"));
    doc.outlet = Some("Outlet".into());
    let result = DocResult {
        doc_id: id.into(),
        title: None,
        published: Some(published.into()),
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

fn actor(role: &str, text: &str, canonical: &str) -> Actor {
    Actor {
        role: role.into(),
        text: text.into(),
        canonical: Some(canonical.into()),
        inferred: false,
    }
}

const TRIPOLI: (&str, f64, f64) = ("Tripoli", 32.8872, 13.1913);

/// Three unrelated events: Sirte battle (3 killed, 2 reports), Misrata bombing (12), Tripoli
/// protest (none).
fn three_events() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    let mut sirte = event("Battles", "2016-06-07", SIRTE, Some(3));
    sirte.actors = vec![
        actor("actor1", "Islamic State", "Islamic State (Libya)"),
        actor(
            "actor2",
            "GNA forces",
            "Military Forces of Libya (2016-) GNA",
        ),
    ];
    put_on(
        &mut store,
        "a",
        "2016-06-08",
        "Three killed as Islamic State fighters clashed with GNA forces in Sirte.",
        vec![sirte.clone()],
    );
    put_on(
        &mut store,
        "a2",
        "2016-06-09",
        "Fighting in Sirte: three GNA soldiers died, Islamic State fighters clashed on.",
        vec![sirte],
    );
    put_on(
        &mut store,
        "b",
        "2016-07-02",
        "A car bomb in Misrata killed twelve.",
        vec![event(
            "Explosions/Remote violence",
            "2016-07-01",
            MISRATA,
            Some(12),
        )],
    );
    put_on(
        &mut store,
        "c",
        "2016-05-02",
        "Hundreds marched in Tripoli against power cuts.",
        vec![event("Protests", "2016-05-01", TRIPOLI, None)],
    );
    store
}

fn ids_of(store: &Store, filter: Filter) -> Vec<String> {
    store
        .events(&filter)
        .unwrap()
        .into_iter()
        .map(|e| e.event_id)
        .collect()
}

#[test]
fn new_filters_select_by_place_actor_type_and_words() {
    let store = three_events();
    assert_eq!(ids_of(&store, Filter::default()), ["ev:c", "ev:a", "ev:b"]);
    // A box around Sirte only; one around the coast from Misrata to Sirte.
    let bbox = |b: [f64; 4]| Filter {
        bbox: Some(b),
        ..Filter::default()
    };
    assert_eq!(ids_of(&store, bbox([16.0, 30.5, 17.0, 31.5])), ["ev:a"]);
    assert_eq!(
        ids_of(&store, bbox([14.5, 30.5, 17.0, 33.0])),
        ["ev:a", "ev:b"]
    );
    // A box crossing the antimeridian holds none of them; one from 160°E to 20°E holds all.
    assert!(ids_of(&store, bbox([170.0, -90.0, -170.0, 90.0])).is_empty());
    assert_eq!(ids_of(&store, bbox([160.0, 30.0, 20.0, 34.0])).len(), 3);
    // Misrata is 190 km from Sirte: in a 200 km radius, not a 150 km one.
    let near = |km: f64| Filter {
        near: Some((SIRTE.1, SIRTE.2, km)),
        ..Filter::default()
    };
    assert_eq!(ids_of(&store, near(10.0)), ["ev:a"]);
    assert_eq!(ids_of(&store, near(150.0)), ["ev:a"]);
    assert_eq!(ids_of(&store, near(200.0)), ["ev:a", "ev:b"]);
    // Actor: a substring of the text or the canonical name, any case.
    let actor = |a: &str| Filter {
        actor: Some(a.into()),
        ..Filter::default()
    };
    assert_eq!(ids_of(&store, actor("islamic state")), ["ev:a"]);
    assert_eq!(ids_of(&store, actor("(2016-) gna")), ["ev:a"]);
    assert!(ids_of(&store, actor("Boko")).is_empty());
    // A LIKE wildcard is taken literally.
    assert!(ids_of(&store, actor("%")).is_empty());
    // Type, exactly.
    let of_type = |t: &str| Filter {
        event_type: Some(t.into()),
        ..Filter::default()
    };
    assert_eq!(
        ids_of(&store, of_type("Explosions/Remote violence")),
        ["ev:b"]
    );
    assert!(ids_of(&store, of_type("Explosions")).is_empty());
    // Words: all in one report (title or text), any case; a prefix with `*`.
    let text = |t: &str| Filter {
        text: Some(t.into()),
        ..Filter::default()
    };
    assert_eq!(ids_of(&store, text("car BOMB")), ["ev:b"]);
    assert_eq!(ids_of(&store, text("soldiers died")), ["ev:a"]);
    assert!(
        ids_of(&store, text("car soldiers")).is_empty(),
        "not in one report"
    );
    assert_eq!(ids_of(&store, text("march*")), ["ev:c"]);
    assert_eq!(
        ids_of(&store, text("\"title\" of")).len(),
        3,
        "titles count"
    );
    // Filters combine.
    assert_eq!(
        ids_of(
            &store,
            Filter {
                text: Some("Sirte".into()),
                actor: Some("gna".into()),
                from: Some("2016-06-01".into()),
                near: Some((SIRTE.1, SIRTE.2, 5.0)),
                ..Filter::default()
            }
        ),
        ["ev:a"]
    );
}

#[test]
fn malformed_filters_are_typed_errors() {
    let store = three_events();
    let bad = [
        Filter {
            from: Some("2016-02-30".into()),
            ..Filter::default()
        },
        Filter {
            from: Some("2016-07-01".into()),
            to: Some("2016-06-01".into()),
            ..Filter::default()
        },
        Filter {
            country: Some("Libya".into()),
            ..Filter::default()
        },
        Filter {
            bbox: Some([10.0, 35.0, 20.0, 30.0]),
            ..Filter::default()
        },
        Filter {
            bbox: Some([10.0, 30.0, 200.0, 35.0]),
            ..Filter::default()
        },
        Filter {
            near: Some((31.0, 16.0, 0.0)),
            ..Filter::default()
        },
        Filter {
            near: Some((91.0, 16.0, 5.0)),
            ..Filter::default()
        },
        Filter {
            near: Some((31.0, 16.0, f64::NAN)),
            ..Filter::default()
        },
        Filter {
            text: Some(" \" * ".into()),
            ..Filter::default()
        },
        Filter {
            actor: Some("  ".into()),
            ..Filter::default()
        },
    ];
    for filter in bad {
        let err = store.events(&filter).unwrap_err();
        assert!(
            matches!(err, StoreError::InvalidFilter(_)),
            "{filter:?}: {err}"
        );
        assert!(matches!(
            store.timeline(&filter).unwrap_err(),
            StoreError::InvalidFilter(_)
        ));
    }
    let zero = Page {
        limit: Some(0),
        ..Page::default()
    };
    assert!(matches!(
        store.events_page(&Filter::default(), &zero, false),
        Err(StoreError::InvalidFilter(_))
    ));
    assert!(matches!(
        "size".parse::<Sort>(),
        Err(StoreError::InvalidFilter(_))
    ));
}

#[test]
fn pages_count_everything_and_sort() {
    let store = three_events();
    let page = |sort: Sort, limit: Option<u64>, offset: u64| {
        let p = store
            .events_page(
                &Filter::default(),
                &Page {
                    sort,
                    limit,
                    offset,
                },
                false,
            )
            .unwrap();
        let ids: Vec<String> = p.events.iter().map(|e| e.event_id.clone()).collect();
        (p.total, ids)
    };
    assert_eq!(
        page(Sort::DateAsc, Some(2), 0),
        (3, vec!["ev:c".into(), "ev:a".into()])
    );
    assert_eq!(page(Sort::DateAsc, Some(2), 2), (3, vec!["ev:b".into()]));
    assert_eq!(page(Sort::DateAsc, Some(2), 5), (3, vec![]));
    assert_eq!(page(Sort::DateDesc, None, 0).1, ["ev:b", "ev:a", "ev:c"]);
    // No figure sorts last both ways.
    assert_eq!(
        page(Sort::FatalitiesDesc, None, 0).1,
        ["ev:b", "ev:a", "ev:c"]
    );
    assert_eq!(
        page(Sort::FatalitiesAsc, None, 0).1,
        ["ev:a", "ev:b", "ev:c"]
    );
    assert_eq!(page(Sort::ReportsDesc, Some(1), 0).1, ["ev:a"]);
    assert_eq!(page(Sort::ReportsAsc, None, 0).1, ["ev:b", "ev:c", "ev:a"]);
    // The total follows the filter, not the page.
    let p = store
        .events_page(
            &Filter {
                from: Some("2016-06-01".into()),
                ..Filter::default()
            },
            &Page {
                limit: Some(1),
                ..Page::default()
            },
            true,
        )
        .unwrap();
    assert_eq!(p.total, 2);
    assert_eq!(p.events.len(), 1);
    // Summaries skip claims; the same page with claims has them.
    assert_eq!(p.events[0].claims.len(), 2);
    let summary = page(Sort::DateAsc, Some(1), 1);
    assert_eq!(summary.1, ["ev:a"]);
    let lean = store
        .events_page(&Filter::default(), &Page::default(), false)
        .unwrap();
    assert!(lean.events.iter().all(|e| e.claims.is_empty()));
    let full = store.events(&Filter::default()).unwrap();
    // Apart from claims, the summaries are the full events.
    for (l, f) in lean.events.iter().zip(&full) {
        let mut f = f.clone();
        f.claims.clear();
        assert_eq!(l, &f);
    }
    assert_eq!(store.count_events(&Filter::default()).unwrap(), 3);
    for (name, sort) in Sort::NAMES {
        assert_eq!(name.parse::<Sort>().unwrap(), sort);
        assert_eq!(sort.name(), name);
    }
}

#[test]
fn an_event_comes_with_its_claims_and_reports_texts() {
    let store = three_events();
    let detail = store.event("ev:a").unwrap().expect("ev:a");
    assert_eq!(detail.event.doc_ids, ["a", "a2"]);
    assert_eq!(detail.event.claims.len(), 2);
    let docs: Vec<(&str, Option<&str>)> = detail
        .documents
        .iter()
        .map(|d| (d.meta.doc_id.as_str(), d.meta.published.as_deref()))
        .collect();
    assert_eq!(
        docs,
        [("a", Some("2016-06-08")), ("a2", Some("2016-06-09"))]
    );
    assert_eq!(
        detail.documents[0].text.as_deref(),
        Some("Three killed as Islamic State fighters clashed with GNA forces in Sirte.")
    );
    assert_eq!(detail.documents[0].meta.title.as_deref(), Some("Title of a"));
    assert_eq!(detail.documents[0].meta.outlet.as_deref(), Some("Outlet"));
    // A claim's span indexes its report's text.
    let claim = &detail.event.claims[0];
    let text = detail.documents[0].text.as_deref().unwrap();
    assert_eq!(&text[claim.claim.span[0]..claim.claim.span[1]], "Thre");
    // The detail serialises flat: the event's fields, claims and documents.
    let json = serde_json::to_value(&detail).unwrap();
    assert_eq!(json["event_id"], "ev:a");
    assert_eq!(json["documents"][1]["doc_id"], "a2");
    assert!(json["claims"].is_array());
    assert!(store.event("ev:nope").unwrap().is_none());
}

#[test]
fn documents_list_and_detail() {
    let mut store = three_events();
    put_on(
        &mut store,
        "empty",
        "2016-08-01",
        "Nothing happened.",
        vec![],
    );
    let page = store.documents(2, 1).unwrap();
    assert_eq!(page.total, 5);
    let ids: Vec<(&str, u64)> = page
        .documents
        .iter()
        .map(|d| (d.meta.doc_id.as_str(), d.events))
        .collect();
    assert_eq!(ids, [("a2", 1), ("b", 1)]);
    assert_eq!(store.documents(10, 4).unwrap().documents[0].events, 0);
    let doc = store.document("a2").unwrap().expect("a2");
    assert_eq!(doc.event_ids, ["ev:a"]);
    assert!(doc
        .text
        .as_deref()
        .is_some_and(|t| t.starts_with("Fighting")));
    assert!(store
        .document("empty")
        .unwrap()
        .unwrap()
        .event_ids
        .is_empty());
    assert!(store.document("nope").unwrap().is_none());
}

#[test]
fn a_version_1_store_migrates_and_keeps_its_reports() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v1.db");
    {
        // A store as the first release wrote it.
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(schema::MIGRATIONS[0]).unwrap();
        conn.execute_batch("PRAGMA user_version = 1").unwrap();
        conn.execute_batch(
            "INSERT INTO documents (id, doc_id, content_hash, title, published, origin, format, ingested_at)
               VALUES (1, 'old', 'h', 'Old bombing in Sirte', '2016-06-08', 'x', 'text', 0);
             INSERT INTO clusters (id, event_id, date_start, date_end, date_precision, country_code,
                                   fatalities_best, reports, created_at, updated_at)
               VALUES (1, 'ev:old', '2016-06-07', '2016-06-07', 'day', 'LY', 4, 1, 0, 0);
             INSERT INTO events (id, document_id, ordinal, cluster_id, date_start, date_end,
                                 date_precision, country_code, fatalities_best)
               VALUES (1, 1, 0, 1, '2016-06-07', '2016-06-07', 'day', 'LY', 4);",
        )
        .unwrap();
    }
    let mut store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), schema::latest_version());
    assert!(schema::latest_version() >= 2);
    // The old report is there, without text; its title is searchable.
    let old = store.document("old").unwrap().expect("old");
    assert_eq!(old.text, None);
    assert_eq!(old.event_ids, ["ev:old"]);
    let by_title = Filter {
        text: Some("bombing".into()),
        ..Filter::default()
    };
    assert_eq!(ids_of(&store, by_title.clone()), ["ev:old"]);
    assert_eq!(
        store.event("ev:old").unwrap().unwrap().documents[0].text,
        None
    );
    // New reports keep their text and are searchable by it.
    put_on(
        &mut store,
        "new",
        "2016-07-02",
        "A car bomb in Misrata killed twelve.",
        vec![event(
            "Explosions/Remote violence",
            "2016-07-01",
            MISRATA,
            Some(12),
        )],
    );
    assert_eq!(
        ids_of(
            &store,
            Filter {
                text: Some("misrata twelve".into()),
                ..Filter::default()
            }
        ),
        ["ev:new"]
    );
    assert_eq!(store.counts().unwrap().documents, 2);
    // Replacing a report drops its old words from the index.
    put_on(
        &mut store,
        "new",
        "2016-07-02",
        "A truck bomb in Misrata killed twelve.",
        vec![event(
            "Explosions/Remote violence",
            "2016-07-01",
            MISRATA,
            Some(12),
        )],
    );
    let car = Filter {
        text: Some("car".into()),
        ..Filter::default()
    };
    assert!(ids_of(&store, car).is_empty());
    let fts_rows: i64 = store
        .conn
        .query_row(
            "SELECT COUNT(*) FROM documents_fts WHERE documents_fts MATCH 'truck'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(fts_rows, 1);
}

/// A killed claim of `n` people of `side`.
fn killed(n: u64, side: &str, cumulative: bool, text: &str) -> Claim {
    Claim {
        kind: ClaimKind::Killed,
        low: n,
        high: Some(n),
        qualifier: Qualifier::Exact,
        victims: None,
        side: Some(side.into()),
        cumulative,
        source: None,
        span: [0, 4],
        text: text.into(),
        perpetrators: false,
        struck: false,
    }
}

/// An event in the region "Central" of Libya.
fn regional(day: &str, place: (&str, f64, f64), claims: Vec<Claim>) -> Event {
    let mut e = event("Battles", day, place, None);
    if let Some(l) = e.location.as_mut() {
        l.admin1 = Some("Central".into());
    }
    let best = claims.iter().filter(|c| !c.cumulative).map(|c| c.low).max();
    e.fatalities = best.and_then(toll);
    e.claims = claims;
    e
}

#[test]
fn a_running_total_is_set_by_a_campaign_figure_and_grows_by_later_incidents_once() {
    const GNA: &str = "GNA forces";
    let mut store = Store::open_in_memory().unwrap();
    // Day 1: a clash in Sirte (3 dead) and the campaign's toll so far (145), which extraction
    // keeps apart as a second event of the report.
    let mut campaign = regional(
        "2016-06-07",
        SIRTE,
        vec![killed(
            145,
            GNA,
            true,
            "has so far left 145 pro-GNA fighters dead",
        )],
    );
    campaign.date = None;
    campaign.fatalities = toll(145);
    put_on(
        &mut store,
        "day1",
        "2016-06-07",
        "Three GNA fighters were killed in Sirte. The offensive has so far left 145 pro-GNA fighters dead.",
        vec![
            regional("2016-06-07", SIRTE, vec![killed(3, GNA, false, "Three GNA fighters were killed")]),
            campaign,
        ],
    );
    // Day 3: another clash, in Misrata (5 dead)…
    put_on(
        &mut store,
        "day3",
        "2016-06-09",
        "Five GNA soldiers died in an ambush at a checkpoint outside Misrata.",
        vec![regional(
            "2016-06-09",
            MISRATA,
            vec![killed(5, GNA, false, "Five GNA soldiers died")],
        )],
    );
    // …restated on day 4 by another outlet: the same incident, not five more dead.
    let again = put_on(
        &mut store,
        "day4",
        "2016-06-10",
        "An ambush at a checkpoint outside Misrata killed five GNA soldiers.",
        vec![regional(
            "2016-06-09",
            MISRATA,
            vec![killed(5, GNA, false, "killed five GNA soldiers")],
        )],
    );
    assert_eq!(
        again.event_id.as_deref(),
        Some("ev:day3"),
        "the restatement fuses"
    );

    let timeline = store.timeline(&Filter::default()).unwrap();
    assert_eq!(timeline.series.len(), 1, "{:#?}", timeline.series);
    let series = &timeline.series[0];
    assert_eq!(series.key, "Central (LY) · GNA forces");
    assert_eq!(series.place, "Central");
    assert_eq!(series.country_code.as_deref(), Some("LY"));
    assert_eq!(series.side, GNA);
    assert_eq!(series.kind, "killed");
    let points: Vec<(&str, u64, bool, &str)> = series
        .points
        .iter()
        .map(|p| (p.date.as_str(), p.value, p.cumulative, p.doc_id.as_str()))
        .collect();
    assert_eq!(
        points,
        [
            // The day's clash adds, then the campaign figure of the same report sets.
            ("2016-06-07", 3, false, "day1"),
            ("2016-06-07", 145, true, "day1"),
            // A later incident adds once, however many reports tell it.
            ("2016-06-09", 150, false, "day3"),
        ]
    );
    let set = &series.points[1];
    assert_eq!(set.text, "has so far left 145 pro-GNA fighters dead");
    assert_eq!(set.event_id, "ev:day1");
    assert_eq!(set.figure, 145);
    assert_eq!(series.points[2].event_id, "ev:day3");
    // Days: fused events per day with their best fatalities.
    let days: Vec<(&str, u64, u64)> = timeline
        .days
        .iter()
        .map(|d| (d.date.as_str(), d.events, d.fatalities))
        .collect();
    assert_eq!(days, [("2016-06-07", 1, 3), ("2016-06-09", 1, 5)]);
    // The filter applies: only the Misrata incident.
    let misrata = store
        .timeline(&Filter {
            from: Some("2016-06-08".into()),
            ..Filter::default()
        })
        .unwrap();
    assert_eq!(misrata.series.len(), 1);
    let values: Vec<u64> = misrata.series[0].points.iter().map(|p| p.value).collect();
    assert_eq!(values, [5]);
}

#[test]
fn a_revised_toll_counts_once_at_its_fused_best_and_sides_stay_apart() {
    let mut store = Store::open_in_memory().unwrap();
    // Three reports of one Sirte clash: 4 dead, revised to 6 (a rising toll, cumulative but
    // beside incident figures), 6 again. Each also counts 2 dead attackers.
    for (id, day, n, cumulative) in [
        ("r1", "2016-06-07", 4, false),
        ("r2", "2016-06-08", 6, true),
        ("r3", "2016-06-09", 6, false),
    ] {
        put_on(
            &mut store,
            id,
            day,
            "Clashes in Sirte between the army and Islamic State fighters.",
            vec![regional(
                "2016-06-07",
                SIRTE,
                vec![
                    killed(n, "Army", cumulative, "army dead"),
                    killed(2, "Islamic State", false, "attackers dead"),
                ],
            )],
        );
    }
    let timeline = store.timeline(&Filter::default()).unwrap();
    let summary: Vec<(&str, Vec<(&str, u64)>)> = timeline
        .series
        .iter()
        .map(|s| {
            (
                s.side.as_str(),
                s.points
                    .iter()
                    .map(|p| (p.date.as_str(), p.value))
                    .collect(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            ("Army", vec![("2016-06-07", 6)]),
            ("Islamic State", vec![("2016-06-07", 2)]),
        ]
    );
    // The evidence is the first report stating the figure counted.
    assert_eq!(timeline.series[0].points[0].doc_id, "r2");
    assert!(!timeline.series[0].points[0].cumulative);
}

// ---- The actor filter: the trigram index over actor names against plain LIKE semantics.

/// Actors as `(text, canonical)`.
type NamedActors = [(&'static str, Option<&'static str>)];

/// A report with one event naming actors: `(doc id, actors)`.
type ActorReport = (&'static str, &'static NamedActors);

/// A store of `reports`, each one report with one event.
fn store_of_actors(reports: &[ActorReport]) -> Store {
    let mut store = Store::open_in_memory().unwrap();
    for (i, (id, actors)) in reports.iter().enumerate() {
        add_actor_report(&mut store, id, i, actors);
    }
    store
}

/// Store report `id` (the `i`th: its own town and year, so it fuses with nothing) naming
/// `actors` as `(text, canonical)`.
fn add_actor_report(store: &mut Store, id: &str, i: usize, actors: &[(&str, Option<&str>)]) {
    // A year apart each: reports fuse with none of the others.
    let day = format!("{}-03-15", 2000 + i);
    let place = (format!("Town {id}"), 20.0 + i as f64, 10.0 + i as f64);
    let mut ev = event("Battles", &day, (&place.0, place.1, place.2), Some(1));
    ev.actors = actors
        .iter()
        .enumerate()
        .map(|(k, (text, canonical))| Actor {
            role: if k == 0 { "actor1" } else { "actor2" }.into(),
            text: (*text).into(),
            canonical: canonical.map(str::to_string),
            inferred: false,
        })
        .collect();
    let names: Vec<&str> = actors.iter().map(|(text, _)| *text).collect();
    // The text names the actors, so a report with other actors is new content.
    let text = format!("Report {id}: {}.", names.join(", "));
    put_on(store, id, &day, &text, vec![ev]);
}

/// The fused events one of whose actors' text or canonical name contains `q` ignoring ASCII
/// case, found by reading every actor row and comparing in Rust: the semantics the filter
/// must keep, computed without SQL patterns or the name index.
fn actor_oracle(store: &Store, q: &str) -> Vec<String> {
    let q = q.to_ascii_lowercase();
    let mut stmt = store
        .conn
        .prepare(
            "SELECT c.event_id, a.text, a.canonical FROM clusters c
             JOIN events e ON e.cluster_id = c.id JOIN actors a ON a.event_id = e.id",
        )
        .unwrap();
    let rows = stmt
        .query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, Option<String>>(2)?,
            ))
        })
        .unwrap();
    let mut hits: Vec<String> = Vec::new();
    for row in rows {
        let (id, text, canonical) = row.unwrap();
        let hit = text.to_ascii_lowercase().contains(&q)
            || canonical.is_some_and(|c| c.to_ascii_lowercase().contains(&q));
        if hit && !hits.contains(&id) {
            hits.push(id);
        }
    }
    hits.sort();
    hits
}

/// The filter's answer for actor `q`, sorted; read whole and as a page with its count (the
/// two ways the filter is written), which must agree.
fn actor_ids(store: &Store, q: &str) -> Vec<String> {
    let filter = Filter {
        actor: Some(q.into()),
        ..Filter::default()
    };
    let mut ids = ids_of(store, filter.clone());
    ids.sort();
    let page = Page {
        sort: Sort::DateDesc,
        limit: Some(1000),
        offset: 0,
    };
    let paged = store.events_page(&filter, &page, false).unwrap();
    let mut paged_ids: Vec<String> = paged.events.into_iter().map(|e| e.event_id).collect();
    paged_ids.sort();
    assert_eq!(paged_ids, ids, "actor {q:?}: a page and the whole walk differ");
    assert_eq!(paged.total, ids.len() as u64, "actor {q:?}: the count differs");
    ids
}

/// Actor names with mixed case, LIKE wildcards, quotes, a backslash and non-ASCII letters.
const ACTOR_REPORTS: &[ActorReport] = &[
    (
        "is",
        &[
            ("Islamic State", Some("Islamic State (Libya)")),
            ("GNA forces", Some("Military Forces of Libya (2016-) GNA")),
        ],
    ),
    ("pct", &[("50% Brigade", None)]),
    ("five", &[("500 Brigade", None)]),
    ("under", &[("Unit_7", Some("Unit_7 Militia"))]),
    ("space", &[("Unit 7", None)]),
    ("fr", &[("Forces Armées", Some("FAMa"))]),
    ("quote", &[("the \"Lions\" of Derna", None)]),
    ("slash", &[("Group A\\B", None)]),
    ("nocanon", &[("gunmen", None)]),
];

/// Queries covering the index path (3+ characters) and the scan (1–2 characters).
const ACTOR_QUERIES: &[&str] = &[
    "islamic", "ISLAMIC STATE", "amic Sta", "lamic", "(2016-)", "gna", "GNA f", "forces",
    "Libya)", "%", "50%", "0% B", "_", "t_7", "T_7 MIL", "it 7", "armées", "ARMÉES", "fama",
    "\"Lions\"", "\"", "lions\" of", "a\\b", "\\", "gun", "GUNMEN", "men", "na", "Na", "s", "7",
    "%B", "zzz", "Islamic State (Libya) and more",
];

#[test]
fn the_indexed_actor_filter_keeps_the_like_semantics() {
    let store = store_of_actors(ACTOR_REPORTS);
    for q in ACTOR_QUERIES {
        assert_eq!(actor_ids(&store, q), actor_oracle(&store, q), "actor {q:?}");
    }
    // The oracle itself, on a few: any case, inside a word, wildcards literal, ASCII case only.
    assert_eq!(actor_ids(&store, "amic Sta"), ["ev:is"]);
    assert_eq!(actor_ids(&store, "ISLAMIC STATE"), ["ev:is"]);
    assert_eq!(actor_ids(&store, "50%"), ["ev:pct"]);
    assert_eq!(actor_ids(&store, "t_7"), ["ev:under"]);
    assert_eq!(actor_ids(&store, "it 7"), ["ev:space"]);
    assert_eq!(actor_ids(&store, "\"Lions\""), ["ev:quote"]);
    assert_eq!(actor_ids(&store, "a\\b"), ["ev:slash"]);
    assert_eq!(actor_ids(&store, "na"), ["ev:is", "ev:quote"]);
    assert_eq!(actor_ids(&store, "ARMées"), ["ev:fr"]);
    // `É` and `é` differ: LIKE folds ASCII letters only, and so does the filter (the trigram
    // index folds more; its candidates are checked again).
    assert!(actor_ids(&store, "ARMÉES").is_empty());
    assert!(actor_ids(&store, "forces armÉes").is_empty());
    assert!(actor_ids(&store, "%B").is_empty());
}

#[test]
fn actor_names_follow_the_actors_written_and_removed() {
    let mut store = store_of_actors(&ACTOR_REPORTS[..2]);
    assert!(actor_ids(&store, "boko").is_empty());
    // An actor stored after the store was created is found at once.
    add_actor_report(&mut store, "bh", 5, &[("Boko Haram fighters", Some("Boko Haram"))]);
    assert_eq!(actor_ids(&store, "boko"), ["ev:bh"]);
    assert_eq!(actor_ids(&store, "o HARAM F"), ["ev:bh"]);
    let names = |store: &Store| -> Vec<String> {
        let mut stmt = store
            .conn
            .prepare("SELECT name FROM actor_names ORDER BY name")
            .unwrap();
        let names = stmt.query_map([], |r| r.get(0)).unwrap();
        names.map(Result::unwrap).collect()
    };
    assert!(names(&store).contains(&"Boko Haram".to_string()));
    // The report replaced with other actors: the old names go, the new ones come.
    add_actor_report(&mut store, "bh", 5, &[("ISWAP", Some("Islamic State West Africa"))]);
    assert!(actor_ids(&store, "boko").is_empty());
    // (A replaced report's event is a new fused event.)
    assert_eq!(actor_ids(&store, "west afr"), ["ev:bh~2"]);
    let now = names(&store);
    assert!(!now.iter().any(|n| n.contains("Boko")), "{now:?}");
    // A name another report still uses stays.
    add_actor_report(&mut store, "gm", 6, &[("gunmen", None)]);
    add_actor_report(&mut store, "gm2", 7, &[("gunmen", None)]);
    add_actor_report(&mut store, "gm", 6, &[("militants", None)]);
    assert!(names(&store).contains(&"gunmen".to_string()));
    let gunmen = actor_ids(&store, "gunmen");
    assert_eq!(gunmen.len(), 1, "{gunmen:?}");
    assert_eq!(gunmen, actor_oracle(&store, "gunmen"));
    // The full-text index holds exactly the names, once each.
    let indexed: i64 = store
        .conn
        .query_row(
            "SELECT COUNT(*) FROM actor_names_fts WHERE actor_names_fts MATCH '\"gunmen\"'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(indexed, 1);
    for q in ACTOR_QUERIES {
        assert_eq!(actor_ids(&store, q), actor_oracle(&store, q), "actor {q:?}");
    }
}

#[test]
fn a_version_2_store_migrates_its_actors_into_the_name_index() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v2.db");
    {
        // A store as version 2 wrote it, with actors in it.
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(schema::MIGRATIONS[0]).unwrap();
        conn.execute_batch(schema::MIGRATIONS[1]).unwrap();
        conn.execute_batch("PRAGMA user_version = 2").unwrap();
        conn.execute_batch(
            "INSERT INTO documents (id, doc_id, content_hash, title, published, origin, format, ingested_at, text)
               VALUES (1, 'old', 'h', 'Old clash', '2016-06-08', 'x', 'text', 0, 'Old clash.');
             INSERT INTO clusters (id, event_id, date_start, date_end, date_precision, country_code,
                                   fatalities_best, reports, created_at, updated_at)
               VALUES (1, 'ev:old', '2016-06-07', '2016-06-07', 'day', 'LY', 4, 1, 0, 0);
             INSERT INTO events (id, document_id, ordinal, cluster_id, date_start, date_end,
                                 date_precision, country_code, fatalities_best)
               VALUES (1, 1, 0, 1, '2016-06-07', '2016-06-07', 'day', 'LY', 4);
             INSERT INTO actors (event_id, role, text, canonical)
               VALUES (1, 'actor1', 'Shura Council fighters', 'Benghazi Revolutionaries Shura Council'),
                      (1, 'actor2', 'LNA', NULL),
                      (1, 'associated', 'Shura Council fighters', NULL);",
        )
        .unwrap();
    }
    let mut store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), schema::latest_version());
    assert!(schema::latest_version() >= 3);
    // The old actors are in the name index: found by the indexed path (3+ characters).
    assert_eq!(actor_ids(&store, "revolutionaries"), ["ev:old"]);
    assert_eq!(actor_ids(&store, "COUNCIL FIGHT"), ["ev:old"]);
    assert_eq!(actor_ids(&store, "lna"), ["ev:old"]);
    assert_eq!(actor_ids(&store, "LN"), ["ev:old"]);
    let names: i64 = store
        .conn
        .query_row("SELECT COUNT(*) FROM actor_names", [], |r| r.get(0))
        .unwrap();
    assert_eq!(names, 3, "distinct texts and canonical names");
    // Reports stored after the migration join them.
    add_actor_report(&mut store, "new", 3, &[("Shura Council of Derna", None)]);
    assert_eq!(actor_ids(&store, "shura council"), ["ev:new", "ev:old"]);
    for q in ["shura", "council", "lna", "hura c", "a", "zz"] {
        assert_eq!(actor_ids(&store, q), actor_oracle(&store, q), "actor {q:?}");
    }
}
