//! `sitrep export` in every format and `sitrep bench-store`, on the team's campaign
//! (`samples/campaign/borno.jsonl`, see `store.rs`).

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn campaign() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../samples/campaign/borno.jsonl")
}

fn sitrep(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sitrep"))
        .env_remove("SITREP_LOG")
        .args(args)
        .output()
        .expect("run sitrep")
}

fn ok(out: Output) -> Output {
    assert!(
        out.status.success(),
        "sitrep failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// A store holding the campaign, and its events as `sitrep events` prints them.
fn campaign_store(dir: &Path) -> (String, Vec<Value>) {
    let db = dir.join("s.db").to_str().expect("UTF-8 path").to_string();
    ok(sitrep(&[
        "ingest",
        "--db",
        &db,
        campaign().to_str().expect("UTF-8 path"),
    ]));
    let out = ok(sitrep(&["events", "--db", &db]));
    let events = String::from_utf8(out.stdout)
        .expect("UTF-8")
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect();
    (db, events)
}

fn export(db: &str, args: &[&str]) -> Output {
    let mut all = vec!["export", "--db", db];
    all.extend_from_slice(args);
    sitrep(&all)
}

#[test]
fn every_format_carries_the_events() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (db, events) = campaign_store(dir.path());
    assert!(events.len() >= 3, "{} events", events.len());

    // JSON Lines: the lines of `sitrep events`.
    let jsonl = ok(export(&db, &["--format", "jsonl"]));
    let events_out = ok(sitrep(&["events", "--db", &db]));
    assert_eq!(jsonl.stdout, events_out.stdout);

    // CSV: one row per event, in the same order, with ACLED's columns.
    let csv_out = ok(export(&db, &["--format", "csv"]));
    let mut reader = csv::Reader::from_reader(csv_out.stdout.as_slice());
    let header = reader.headers().expect("header").clone();
    let at = |name: &str| header.iter().position(|h| h == name).expect(name);
    for name in [
        "event_id_cnty",
        "event_date",
        "actor1",
        "assoc_actor_1",
        "country",
        "iso",
        "latitude",
        "longitude",
        "fatalities",
        "source",
        "notes",
        "doc_ids",
    ] {
        at(name);
    }
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("CSV row")).collect();
    assert_eq!(rows.len(), events.len());
    for (row, event) in rows.iter().zip(&events) {
        assert_eq!(
            &row[at("event_id_cnty")],
            event["event_id"].as_str().expect("id")
        );
        assert_eq!(
            row[at("reports")].parse::<u64>().ok(),
            event["reports"].as_u64()
        );
        if let Some(lat) = event["location"]["lat"].as_f64() {
            assert_eq!(row[at("latitude")].parse::<f64>().ok(), Some(lat));
        }
        if event["location"]["country_code"] == "NG" {
            assert_eq!(&row[at("country")], "Nigeria");
            assert_eq!(&row[at("iso")], "566");
        }
        match event["fatalities"]["best"].as_u64() {
            Some(best) => assert_eq!(row[at("fatalities")].parse::<u64>().ok(), Some(best)),
            None => assert_eq!(&row[at("fatalities")], ""),
        }
    }
    let bombing = rows
        .iter()
        .find(|r| r[at("doc_ids")].contains("borno-03"))
        .expect("the bombing");
    assert_eq!(&bombing[at("fatalities")], "18");
    assert!(
        bombing[at("notes")].contains("killed"),
        "{}",
        &bombing[at("notes")]
    );

    // GeoJSON: a point per event with coordinates, [lon, lat].
    let geo = ok(export(&db, &["--format", "geojson"]));
    let doc: Value = serde_json::from_slice(&geo.stdout).expect("GeoJSON");
    let features = doc["features"].as_array().expect("features");
    let located: Vec<&Value> = events
        .iter()
        .filter(|e| e["location"]["lat"].is_number())
        .collect();
    assert_eq!(features.len(), located.len());
    assert!(!features.is_empty());
    for (f, e) in features.iter().zip(located) {
        assert_eq!(f["id"], e["event_id"]);
        assert_eq!(
            f["geometry"]["coordinates"],
            serde_json::json!([e["location"]["lon"], e["location"]["lat"]])
        );
    }
    let skipped = events.len() - features.len();
    let stderr = String::from_utf8_lossy(&geo.stderr);
    if skipped > 0 {
        assert!(stderr.contains("without coordinates"), "{stderr}");
    }

    // Parquet: a file, one row per event.
    let path = dir.path().join("events.parquet");
    let out = ok(export(
        &db,
        &["--format", "parquet", "-o", path.to_str().expect("UTF-8")],
    ));
    assert!(String::from_utf8_lossy(&out.stderr).contains("exported to"));
    let bytes = fs::read(&path).expect("parquet file");
    assert!(bytes.starts_with(b"PAR1") && bytes.ends_with(b"PAR1"));
    let reader = parquet::file::serialized_reader::SerializedFileReader::new(
        fs::File::open(&path).expect("open"),
    )
    .expect("a Parquet file");
    use parquet::file::reader::FileReader;
    assert_eq!(
        reader.metadata().file_metadata().num_rows(),
        i64::try_from(events.len()).expect("count")
    );
}

#[test]
fn export_filters_and_refusals() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (db, events) = campaign_store(dir.path());
    let heavy = events
        .iter()
        .filter(|e| e["fatalities"]["best"].as_u64().is_some_and(|n| n >= 10))
        .count();
    let out = ok(export(
        &db,
        &[
            "--format",
            "csv",
            "--min-fatalities",
            "10",
            "--country",
            "ng",
        ],
    ));
    let rows = csv::Reader::from_reader(out.stdout.as_slice())
        .records()
        .count();
    assert_eq!(rows, heavy);
    assert!(heavy >= 1);

    // The filters of `sitrep events`: a type and a box around Maiduguri and Konduga.
    let out = ok(export(
        &db,
        &["--format", "geojson", "--type", "Protests", "--bbox", "12.5,11.0,14.0,12.5"],
    ));
    let fc: Value = serde_json::from_slice(&out.stdout).expect("GeoJSON");
    let features = fc["features"].as_array().cloned().unwrap_or_default();
    let protests = events.iter().filter(|e| e["event_type"] == "Protests").count();
    assert!(!features.is_empty() && features.len() <= protests);
    for f in &features {
        assert_eq!(f["properties"]["event_type"], "Protests");
        let lon = f["geometry"]["coordinates"][0].as_f64().unwrap_or(f64::NAN);
        assert!((12.5..=14.0).contains(&lon), "{f}");
    }

    let out = export(&db, &["--format", "parquet"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("-o FILE"));

    let out = sitrep(&["export", "--format", "csv", "--db", "/nonexistent/s.db"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no such store"));

    let out = export(&db, &["--format", "xml"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn bench_store_prints_its_tables() {
    let out = ok(sitrep(&[
        "bench-store",
        "--input",
        campaign().to_str().expect("UTF-8 path"),
        "--events",
        "3000",
        "--repeat",
        "3",
        "-j",
        "1",
    ]));
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(text.contains("ingest: 9 documents"), "{text}");
    assert!(text.contains("store + fusion"), "{text}");
    assert!(
        text.contains("3000 synthetic fused events generated"),
        "{text}"
    );
    for label in [
        "country + 1-year range",
        "min fatalities",
        "whole table by date",
        "from a date on",
        "one event by id",
    ] {
        let line = text
            .lines()
            .find(|l| l.contains(label))
            .unwrap_or_else(|| panic!("{label}: {text}"));
        let cols: Vec<&str> = line.split_whitespace().rev().take(4).collect();
        // p99, p50, rows, runs (from the right).
        assert_eq!(cols[3], "3", "{line}");
        assert!(
            cols[0].parse::<f64>().is_ok() && cols[1].parse::<f64>().is_ok(),
            "{line}"
        );
    }
}
