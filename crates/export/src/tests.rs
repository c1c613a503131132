//! Every format on a small store of hand-made reports:
//!
//! | reports | fused event |
//! |---|---|
//! | a (3 killed, police), b (5 killed, officials) | Sirte, 2016-06-07, Battles: fatalities 3–5 |
//! | c (2 killed) | Misrata, 2016-06-20, Explosions/Remote violence |
//! | d (country only, no coordinates) | Libya, June 2016 |

use arrow_array::{Array, RecordBatch};
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use sitrep_model::{
    Actor, Claim, ClaimKind, DatePrecision, DocResult, Document, Event, EventDate, Location,
    LocationPrecision, Qualifier, Toll,
};
use sitrep_store::{Filter, Report, Store};

use super::*;

fn claim(n: u64, source: Option<&str>) -> Claim {
    Claim {
        kind: ClaimKind::Killed,
        low: n,
        high: Some(n),
        qualifier: Qualifier::Exact,
        victims: None,
        side: None,
        cumulative: false,
        source: source.map(str::to_string),
        span: [0, 4],
        text: "text".into(),
        perpetrators: false,
        struck: false,
    }
}

fn actor(role: &str, name: &str) -> Actor {
    Actor {
        role: role.into(),
        text: name.to_lowercase(),
        canonical: Some(name.into()),
        inferred: false,
    }
}

struct Spec<'a> {
    kind: &'a str,
    day: &'a str,
    precision: DatePrecision,
    place: (&'a str, Option<(f64, f64)>, LocationPrecision),
    killed: u64,
    source: Option<&'a str>,
    actors: Vec<Actor>,
}

fn put(store: &mut Store, id: &str, text: &str, s: Spec<'_>) {
    let (name, coords, precision) = s.place;
    let event = Event {
        event_type: Some(s.kind.into()),
        sub_event_type: Some("Armed clash".into()),
        date: Some(EventDate {
            start: s.day.into(),
            end: s.day.into(),
            precision: s.precision,
            ambiguous: false,
        }),
        location: Some(Location {
            name: name.into(),
            country_code: Some("LY".into()),
            admin1: coords.map(|_| "Surt".into()),
            lat: coords.map(|c| c.0),
            lon: coords.map(|c| c.1),
            precision,
        }),
        actors: s.actors,
        fatalities: Some(Toll {
            low: s.killed,
            high: Some(s.killed),
            best: s.killed,
        }),
        injuries: None,
        claims: vec![claim(s.killed, s.source)],
        trigger: None,
    };
    let doc = Document::from_text(id, text);
    let result = DocResult {
        doc_id: id.into(),
        title: None,
        published: None,
        events: vec![event],
    };
    let done = store.ingest(&Report {
        doc: &doc,
        result: &result,
        noise: &[],
    });
    assert!(done.is_ok(), "{done:?}");
}

const SIRTE: (f64, f64) = (31.2089, 16.5887);

fn store() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    let sirte = ("Sirte", Some(SIRTE), LocationPrecision::City);
    let gna = || {
        vec![
            actor("actor1", "Islamic State"),
            actor("actor2", "Government of National Accord"),
        ]
    };
    put(
        &mut store,
        "a",
        "Clashes in Sirte left three dead, police said.",
        Spec {
            kind: "Battles",
            day: "2016-06-07",
            precision: DatePrecision::Day,
            place: sirte,
            killed: 3,
            source: Some("police"),
            actors: gna(),
        },
    );
    put(
        &mut store,
        "b",
        "Fighting in Sirte: five died, officials said.",
        Spec {
            kind: "Battles",
            day: "2016-06-07",
            precision: DatePrecision::Day,
            place: sirte,
            killed: 5,
            source: Some("officials"),
            actors: vec![
                actor("actor1", "Islamic State"),
                actor("associated", "Ansar al-Sharia"),
            ],
        },
    );
    put(
        &mut store,
        "c",
        "A car bomb went off at a checkpoint in Misrata.",
        Spec {
            kind: "Explosions/Remote violence",
            day: "2016-06-20",
            precision: DatePrecision::Day,
            place: ("Misrata", Some((32.3754, 15.0925)), LocationPrecision::City),
            killed: 2,
            source: None,
            actors: vec![],
        },
    );
    put(
        &mut store,
        "d",
        "Airstrikes somewhere in Libya this month killed a dozen.",
        Spec {
            kind: "Explosions/Remote violence",
            day: "2016-06-01",
            precision: DatePrecision::Month,
            place: ("Libya", None, LocationPrecision::Country),
            killed: 12,
            source: None,
            actors: vec![],
        },
    );
    store
}

#[test]
fn csv_has_acled_columns_and_values() {
    let store = store();
    let mut out = Vec::new();
    let done = write_csv(&store, &Filter::default(), &mut out).unwrap();
    assert_eq!(done.written, 3);
    let mut reader = csv::Reader::from_reader(out.as_slice());
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_string)
        .collect();
    assert_eq!(header, COLUMNS);
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 3);
    let col = |row: &csv::StringRecord, name: &str| -> String {
        let i = COLUMNS.iter().position(|c| *c == name).unwrap();
        row.get(i).unwrap().to_string()
    };
    // Date order: the June-wide event starts on the 1st.
    let month = &rows[0];
    assert_eq!(col(month, "time_precision"), "3");
    assert_eq!(col(month, "geo_precision"), "3");
    assert_eq!(col(month, "latitude"), "");
    let sirte = &rows[1];
    assert_eq!(col(sirte, "event_id_cnty"), "ev:a");
    assert_eq!(col(sirte, "event_date"), "2016-06-07");
    assert_eq!(col(sirte, "year"), "2016");
    assert_eq!(col(sirte, "time_precision"), "1");
    assert_eq!(col(sirte, "event_type"), "Battles");
    assert_eq!(col(sirte, "actor1"), "Islamic State");
    assert_eq!(col(sirte, "actor2"), "Government of National Accord");
    assert_eq!(col(sirte, "assoc_actor_1"), "Ansar al-Sharia");
    assert_eq!(col(sirte, "assoc_actor_2"), "");
    assert_eq!(col(sirte, "country"), "Libya");
    assert_eq!(col(sirte, "iso"), "434");
    assert_eq!(col(sirte, "country_code"), "LY");
    assert_eq!(col(sirte, "admin1"), "Surt");
    assert_eq!(col(sirte, "location"), "Sirte");
    assert_eq!(col(sirte, "latitude"), "31.2089");
    assert_eq!(col(sirte, "longitude"), "16.5887");
    assert_eq!(col(sirte, "geo_precision"), "1");
    assert_eq!(col(sirte, "source"), "police; officials");
    assert_eq!(
        col(sirte, "notes"),
        "2 reports: 3 killed (police); 5 killed (officials)"
    );
    assert_eq!(col(sirte, "fatalities"), "3");
    assert_eq!(col(sirte, "fatalities_low"), "3");
    assert_eq!(col(sirte, "fatalities_high"), "5");
    assert_eq!(col(sirte, "injuries_best"), "");
    assert_eq!(col(sirte, "contested"), "false");
    assert_eq!(col(sirte, "reports"), "2");
    assert_eq!(col(sirte, "doc_ids"), "a; b");
    assert!(col(sirte, "timestamp").parse::<i64>().unwrap() > 1_600_000_000);
    assert_eq!(col(&rows[2], "event_id_cnty"), "ev:c");
    assert_eq!(col(&rows[2], "source"), "");
}

#[test]
fn filters_apply_and_an_empty_csv_keeps_its_header() {
    let store = store();
    let mut out = Vec::new();
    let filter = Filter {
        min_fatalities: Some(10),
        ..Filter::default()
    };
    assert_eq!(write_csv(&store, &filter, &mut out).unwrap().written, 1);
    let mut out = Vec::new();
    let filter = Filter {
        country: Some("NG".into()),
        ..Filter::default()
    };
    assert_eq!(write_csv(&store, &filter, &mut out).unwrap().written, 0);
    assert_eq!(String::from_utf8(out).unwrap(), COLUMNS.join(",") + "\n");
}

#[test]
fn geojson_points_are_lon_lat_and_flat() {
    let store = store();
    let mut out = Vec::new();
    let done = write_geojson(&store, &Filter::default(), &mut out).unwrap();
    assert_eq!(
        done,
        Summary {
            written: 2,
            skipped_without_coordinates: 1
        }
    );
    let doc: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(doc["type"], "FeatureCollection");
    let features = doc["features"].as_array().unwrap();
    assert_eq!(features.len(), 2);
    let f = &features[0];
    assert_eq!(f["type"], "Feature");
    assert_eq!(f["id"], "ev:a");
    assert_eq!(f["geometry"]["type"], "Point");
    assert_eq!(
        f["geometry"]["coordinates"],
        serde_json::json!([16.5887, 31.2089])
    );
    let props = f["properties"].as_object().unwrap();
    assert!(props.values().all(|v| !v.is_object() && !v.is_array()));
    assert_eq!(props["fatalities_high"], 5);
    assert_eq!(props["injuries_best"], serde_json::Value::Null);
    assert_eq!(props["country"], "Libya");
    assert_eq!(features[1]["properties"]["location"], "Misrata");

    // No event: still a valid, empty collection.
    let mut out = Vec::new();
    let none = Filter {
        country: Some("NG".into()),
        ..Filter::default()
    };
    write_geojson(&store, &none, &mut out).unwrap();
    let doc: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(doc["features"], serde_json::json!([]));
}

#[test]
fn jsonl_is_the_events_lines() {
    let store = store();
    let mut out = Vec::new();
    assert_eq!(
        write_jsonl(&store, &Filter::default(), &mut out)
            .unwrap()
            .written,
        3
    );
    let text = String::from_utf8(out).unwrap();
    let expected: Vec<String> = store
        .events(&Filter::default())
        .unwrap()
        .iter()
        .map(|e| serde_json::to_string(e).unwrap())
        .collect();
    assert_eq!(text.lines().collect::<Vec<_>>(), expected);
}

#[test]
fn parquet_reads_back_typed() {
    use arrow_array::cast::AsArray;
    use arrow_array::types::{Date32Type, Float64Type, Int64Type};
    let store = store();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("events.parquet");
    let file = std::fs::File::create(&path).unwrap();
    assert_eq!(
        write_parquet(&store, &Filter::default(), file)
            .unwrap()
            .written,
        3
    );
    let file = std::fs::File::open(&path).unwrap();
    let reader = ParquetRecordBatchReaderBuilder::try_new(file)
        .unwrap()
        .build()
        .unwrap();
    let batches: Vec<RecordBatch> = reader.map(Result::unwrap).collect();
    assert_eq!(batches.iter().map(RecordBatch::num_rows).sum::<usize>(), 3);
    let b = &batches[0];
    let names: Vec<String> = b
        .schema()
        .fields()
        .iter()
        .map(|f| f.name().clone())
        .collect();
    assert_eq!(names, COLUMNS);
    let col = |name: &str| b.column_by_name(name).unwrap();
    let ids = col("event_id_cnty").as_string::<i32>();
    assert_eq!(ids.value(1), "ev:a");
    let dates = col("event_date").as_primitive::<Date32Type>();
    // 2016-06-07 is day 16959 of the Unix epoch.
    assert_eq!(dates.value(1), 16959);
    let lat = col("latitude").as_primitive::<Float64Type>();
    assert!(lat.is_null(0));
    assert_eq!(lat.value(1), 31.2089);
    let lon = col("longitude").as_primitive::<Float64Type>();
    assert_eq!(lon.value(1), 16.5887);
    let killed = col("fatalities_high").as_primitive::<Int64Type>();
    assert_eq!(killed.value(1), 5);
    let injured = col("injuries_best").as_primitive::<Int64Type>();
    assert!(injured.is_null(1));
    assert_eq!(col("iso").as_primitive::<Int64Type>().value(1), 434);
    assert!(!col("contested").as_boolean().value(1));
    assert_eq!(col("doc_ids").as_string::<i32>().value(1), "a; b");
    assert_eq!(col("country").as_string::<i32>().value(2), "Libya");
}

#[test]
fn parquet_streams_in_row_groups() {
    let mut store = Store::open_in_memory().unwrap();
    let n = PARQUET_ROW_GROUP as u64 + 10;
    sitrep_store::synthetic::generate(
        &mut store,
        &sitrep_store::synthetic::Spec { events: n, seed: 3 },
    )
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.parquet");
    let file = std::fs::File::create(&path).unwrap();
    assert_eq!(
        write_parquet(&store, &Filter::default(), file)
            .unwrap()
            .written,
        n
    );
    let file = std::fs::File::open(&path).unwrap();
    let builder = ParquetRecordBatchReaderBuilder::try_new(file).unwrap();
    assert_eq!(builder.metadata().num_row_groups(), 2);
    assert_eq!(builder.metadata().file_metadata().num_rows(), 65_546);
}
