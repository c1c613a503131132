//! The record: `sitrep ingest` and `sitrep events` on the team's fictional campaign in
//! `samples/campaign/borno.jsonl` (nine reports from three outlets, 2–12 June 2024):
//!
//! | report | what it tells | fused event |
//! |---|---|---|
//! | borno-01, -02 | suicide bombing at a Maiduguri market on Sunday 2 June: 12 killed, 30 wounded (-02 also counts the bomber) | the bombing |
//! | borno-03 | the bombing's toll revised to 18 | the bombing |
//! | borno-06, -07 | the revised toll of 18 confirmed | the bombing |
//! | borno-04 | a protest in Maiduguri the same Sunday | its own |
//! | borno-05 | gunmen kill five farmers in Konduga (35 km away) the same Sunday | its own |
//! | borno-08 | Boko Haram says it killed seven soldiers at a Bama base on 11 June | the Bama attack |
//! | borno-09 | the army says nobody was killed in that attack | the Bama attack (contested) |

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;
use sitrep_store::{schema, Store};

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

fn ingest(db: &Path, paths: &[&Path]) -> Output {
    let mut args = vec!["ingest", "-v", "--db", db.to_str().expect("UTF-8 path")];
    args.extend(paths.iter().map(|p| p.to_str().expect("UTF-8 path")));
    sitrep(&args)
}

fn events(db: &Path, filters: &[&str]) -> Vec<Value> {
    let mut args = vec![
        "events",
        "--format",
        "jsonl",
        "--db",
        db.to_str().expect("UTF-8 path"),
    ];
    args.extend_from_slice(filters);
    let out = sitrep(&args);
    assert!(
        out.status.success(),
        "events failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .expect("UTF-8")
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect()
}

/// A JSONL file holding only the campaign reports with these ids.
fn subset(dir: &Path, name: &str, ids: &[&str]) -> PathBuf {
    let all = fs::read_to_string(campaign()).expect("read the campaign");
    let lines: Vec<&str> = all
        .lines()
        .filter(|l| {
            let v: Value = serde_json::from_str(l).expect("campaign line is JSON");
            ids.contains(&v["id"].as_str().expect("id"))
        })
        .collect();
    assert_eq!(lines.len(), ids.len(), "every id is in the campaign");
    let path = dir.join(name);
    fs::write(&path, lines.join("\n") + "\n").expect("write subset");
    path
}

fn doc_ids(event: &Value) -> Vec<&str> {
    event["doc_ids"]
        .as_array()
        .expect("doc_ids")
        .iter()
        .map(|d| d.as_str().expect("id"))
        .collect()
}

fn with_doc<'a>(events: &'a [Value], doc: &str) -> &'a Value {
    events
        .iter()
        .find(|e| doc_ids(e).contains(&doc))
        .unwrap_or_else(|| panic!("no fused event holds {doc}"))
}

fn toll(event: &Value, field: &str) -> (u64, u64, u64) {
    let t = &event[field];
    let n = |k: &str| {
        t[k].as_u64()
            .unwrap_or_else(|| panic!("{field}.{k} in {event}"))
    };
    (n("low"), n("best"), n("high"))
}

#[test]
fn campaign_restatements_fuse_and_other_incidents_stay_apart() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("record.db");
    let out = ingest(&db, &[&campaign()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let events = events(&db, &[]);

    let bombing = with_doc(&events, "borno-01");
    assert_eq!(
        doc_ids(bombing),
        ["borno-01", "borno-02", "borno-03", "borno-06", "borno-07"]
    );
    assert_eq!(bombing["event_type"], "Explosions/Remote violence");
    assert_eq!(bombing["date"]["start"], "2024-06-02");
    assert_eq!(bombing["location"]["name"], "Maiduguri");
    assert_eq!(bombing["location"]["country_code"], "NG");
    assert_eq!(bombing["reports"], 5);
    // The scorer's key is the fused event's id, unique per line.
    assert_eq!(bombing["doc_id"], bombing["event_id"]);
    assert_eq!(bombing["event_id"], "ev:borno-01");
    // Every claim says which report states it.
    let claim_docs: Vec<&str> = bombing["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["doc_id"].as_str().unwrap())
        .collect();
    assert!(
        claim_docs.contains(&"borno-01") && claim_docs.contains(&"borno-07"),
        "{claim_docs:?}"
    );

    // Same city, same day, another kind of event: a protest is not the bombing.
    let protest = with_doc(&events, "borno-04");
    assert_eq!(doc_ids(protest), ["borno-04"]);
    assert_eq!(protest["event_type"], "Protests");
    assert_eq!(protest["date"], bombing["date"]);
    // Same day, a town 35 km away: another incident.
    let konduga = with_doc(&events, "borno-05");
    assert_eq!(doc_ids(konduga), ["borno-05"]);
    assert_eq!(konduga["location"]["name"], "Konduga");

    let bama = with_doc(&events, "borno-08");
    assert_eq!(doc_ids(bama), ["borno-08", "borno-09"]);
    assert_eq!(events.len(), 4);
    let ids: std::collections::HashSet<&str> = events
        .iter()
        .map(|e| e["doc_id"].as_str().unwrap())
        .collect();
    assert_eq!(ids.len(), events.len(), "doc_id keys are unique");
}

#[test]
fn reingesting_the_same_reports_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("record.db");
    assert!(ingest(&db, &[&campaign()]).status.success());
    let before = events(&db, &[]);
    let again = ingest(&db, &[&campaign()]);
    assert!(again.status.success());
    let stderr = String::from_utf8_lossy(&again.stderr);
    assert!(
        stderr.contains("9 documents (0 new, 9 unchanged, 0 replaced), 0 errors"),
        "{stderr}"
    );
    assert_eq!(events(&db, &[]), before);
    let counts = Store::open(&db).unwrap().counts().unwrap();
    assert_eq!((counts.documents, counts.clusters), (9, 4));
}

#[test]
fn a_revised_toll_widens_the_range_then_becomes_best_once_confirmed() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("record.db");
    let first = subset(dir.path(), "first.jsonl", &["borno-01", "borno-02"]);
    assert!(ingest(&db, &[&first]).status.success());
    let events_now = events(&db, &[]);
    assert_eq!(events_now.len(), 1);
    let (low, best, _) = toll(&events_now[0], "fatalities");
    assert_eq!(
        (low, best),
        (12, 12),
        "the conservative figure of the first reports"
    );

    // One hospital report revises the toll to 18: the range widens, best stays conservative.
    let revision = subset(dir.path(), "revision.jsonl", &["borno-03"]);
    assert!(ingest(&db, &[&revision]).status.success());
    let events_now = events(&db, &[]);
    assert_eq!(events_now.len(), 1);
    assert_eq!(toll(&events_now[0], "fatalities"), (12, 12, 18));

    // Two more reports confirm 18: it is now what most reports say.
    let confirmations = subset(dir.path(), "confirm.jsonl", &["borno-06", "borno-07"]);
    assert!(ingest(&db, &[&confirmations]).status.success());
    let events_now = events(&db, &[]);
    assert_eq!(events_now.len(), 1);
    assert_eq!(toll(&events_now[0], "fatalities"), (12, 18, 18));
    assert_eq!(events_now[0]["contested"], false);
    assert_eq!(doc_ids(&events_now[0]).len(), 5);
}

#[test]
fn a_denied_toll_is_kept_and_flagged_contested() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("record.db");
    let bama = subset(dir.path(), "bama.jsonl", &["borno-08", "borno-09"]);
    assert!(ingest(&db, &[&bama]).status.success());
    let events = events(&db, &[]);
    assert_eq!(events.len(), 1);
    let e = &events[0];
    assert_eq!(doc_ids(e), ["borno-08", "borno-09"]);
    assert_eq!(e["contested"], true);
    assert_eq!(e["contested_kinds"], serde_json::json!(["killed"]));
    let (low, _, high) = toll(e, "fatalities");
    assert_eq!(
        (low, high),
        (0, 7),
        "both the denial and the claim stay in the range"
    );
    // Both claims are kept, each with its report.
    let claims: Vec<(u64, &str)> = e["claims"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["kind"] == "killed")
        .map(|c| (c["low"].as_u64().unwrap(), c["doc_id"].as_str().unwrap()))
        .collect();
    assert!(
        claims.contains(&(7, "borno-08")) && claims.contains(&(0, "borno-09")),
        "{claims:?}"
    );
}

#[test]
fn a_broken_file_is_reported_and_the_rest_is_stored() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("record.db");
    let broken = dir.path().join("broken.txt");
    fs::write(&broken, [0xffu8, 0xfe, 0x00, 0x01, 0x02]).unwrap();
    let out = ingest(&db, &[&broken, &campaign()]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    let errors: Vec<&str> = stderr
        .lines()
        .filter(|l| l.starts_with("sitrep: error: "))
        .collect();
    assert_eq!(errors.len(), 1, "{stderr}");
    assert!(errors[0].contains("broken.txt"), "{stderr}");
    assert!(
        stderr.contains("9 documents (9 new, 0 unchanged, 0 replaced), 1 error"),
        "{stderr}"
    );
    assert_eq!(events(&db, &[]).len(), 4);
}

#[test]
fn the_schema_version_is_recorded() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("record.db");
    assert!(ingest(&db, &[&campaign()]).status.success());
    let store = Store::open(&db).unwrap();
    assert_eq!(store.schema_version().unwrap(), schema::latest_version());
    assert!(schema::latest_version() >= 1);
}

#[test]
fn events_filters() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("record.db");
    assert!(ingest(&db, &[&campaign()]).status.success());
    let ids = |filters: &[&str]| -> Vec<String> {
        events(&db, filters)
            .iter()
            .map(|e| e["event_id"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(ids(&["--min-fatalities", "10"]), ["ev:borno-01"]);
    assert_eq!(ids(&["--from", "2024-06-10"]), ["ev:borno-08"]);
    assert_eq!(ids(&["--to", "2024-06-02", "--country", "ng"]).len(), 3);
    assert!(ids(&["--country", "US"]).is_empty());
    // Bad arguments are usage errors.
    let out = sitrep(&["events", "--db", db.to_str().unwrap(), "--from", "June"]);
    assert_eq!(out.status.code(), Some(2));
    // A store that does not exist is an error, not an empty one.
    let missing = dir.path().join("missing.db");
    let out = sitrep(&["events", "--db", missing.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no such store"));
    assert!(!missing.exists());
}

#[test]
fn events_new_filters_sort_and_pages() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("record.db");
    assert!(ingest(&db, &[&campaign()]).status.success());
    let ids = |filters: &[&str]| -> Vec<String> {
        events(&db, filters)
            .iter()
            .map(|e| e["event_id"].as_str().unwrap().to_string())
            .collect()
    };
    // Within 10 km of Maiduguri: the bombing and the protest, not Konduga (35 km) or Bama.
    assert_eq!(
        ids(&["--near", "11.85,13.16", "--km", "10"]),
        ["ev:borno-01", "ev:borno-04"]
    );
    assert_eq!(ids(&["--near", "11.85,13.16", "--km", "50"]).len(), 3);
    // A box around Bama (13.69°E, 11.52°N) only.
    assert_eq!(ids(&["--bbox", "13.6,11.4,13.8,11.6"]), ["ev:borno-08"]);
    assert!(ids(&["--bbox", "-10,-10,-5,-5"]).is_empty());
    assert_eq!(ids(&["--type", "Protests"]), ["ev:borno-04"]);
    assert_eq!(
        ids(&["--actor", "military forces of nigeria"]),
        ["ev:borno-08"]
    );
    // Words of one report's text (borno-02: "grain traders sell maize and millet").
    assert_eq!(ids(&["--text", "maize millet"]), ["ev:borno-01"]);
    assert_eq!(ids(&["--text", "Sambisa"]), ["ev:borno-08"]);
    assert!(ids(&["--text", "maize Sambisa"]).is_empty());
    // Sort and page: most killed first (the bombing's 18, the farmers' 5).
    assert_eq!(
        ids(&["--sort", "-fatalities", "--limit", "2"]),
        ["ev:borno-01", "ev:borno-05"]
    );
    assert_eq!(
        ids(&["--sort", "-reports", "--limit", "1", "--offset", "1"]),
        ["ev:borno-08"]
    );
    assert_eq!(ids(&["--sort", "-date"])[0], "ev:borno-08");
    // The output keeps the contract: claims with doc_id, tolls with low/best/high.
    let all = events(&db, &["--sort", "-date", "--limit", "1"]);
    assert_eq!(all[0]["doc_id"], all[0]["event_id"]);
    assert!(all[0]["claims"][0]["doc_id"].is_string());
    assert!(all[0]["fatalities"]["best"].is_u64());
    // Bad flags are usage errors naming the flag.
    let db_arg = db.to_str().unwrap();
    for (bad, named) in [
        (vec!["--bbox", "1,2,3"], "--bbox"),
        (vec!["--from", "2024-02-30"], "--from"),
        (vec!["--country", "NGA"], "--country"),
        (vec!["--bbox", "10,12,14,11"], "min_lat 12 is above max_lat 11"),
        (vec!["--near", "95,13"], "latitude"),
        (vec!["--km", "5"], "--near"),
        (
            vec!["--near", "11,13", "--km", "-1"],
            "positive number of km",
        ),
        (vec!["--sort", "size"], "-fatalities"),
        (vec!["--limit", "0"], "--limit"),
    ] {
        let mut args = vec!["events", "--db", db_arg];
        args.extend(&bad);
        let out = sitrep(&args);
        assert_eq!(out.status.code(), Some(2), "{bad:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(named), "{bad:?}: {stderr}");
    }
    // A filter the store refuses is an error, not an empty answer.
    let out = sitrep(&["events", "--db", db_arg, "--text", "\"*"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("invalid query"));
}

#[test]
fn timeline_prints_days_and_running_tolls() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("record.db");
    assert!(ingest(&db, &[&campaign()]).status.success());
    let db_arg = db.to_str().unwrap();
    let out = sitrep(&["timeline", "--db", db_arg]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let timeline: Value = serde_json::from_slice(&out.stdout).expect("one JSON object");
    // Three events on Sunday 2 June (18 + 5 dead, the protest), the Bama attack on 11 June
    // (contested: its best is the army's zero).
    assert_eq!(
        timeline["days"],
        serde_json::json!([
            {"date": "2024-06-02", "events": 3, "fatalities": 23},
            {"date": "2024-06-11", "events": 1, "fatalities": 0},
        ])
    );
    let series = timeline["series"].as_array().unwrap();
    let civilians = series
        .iter()
        .find(|s| s["key"] == "Borno (NG) · Civilians (Nigeria)" && s["kind"] == "killed")
        .unwrap_or_else(|| panic!("{series:?}"));
    assert_eq!(civilians["place"], "Borno");
    assert_eq!(civilians["country_code"], "NG");
    let points = civilians["points"].as_array().unwrap();
    // The bombing counts once at its fused best (18), however many of its five reports
    // restate or revise it; the Konduga farmers add five.
    let steps: Vec<(&str, u64, &str)> = points
        .iter()
        .map(|p| {
            (
                p["date"].as_str().unwrap(),
                p["value"].as_u64().unwrap(),
                p["event_id"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        steps,
        [
            ("2024-06-03", 18, "ev:borno-01"),
            ("2024-06-03", 23, "ev:borno-05"),
        ]
    );
    // Each point shows its evidence: a span of its report's text.
    let konduga = &points[1];
    assert_eq!(konduga["doc_id"], "borno-05");
    assert_eq!(konduga["text"], "killed five farmers");
    let span = konduga["span"].as_array().unwrap();
    assert_eq!(span[1].as_u64().unwrap() - span[0].as_u64().unwrap(), 19);
    let soldiers = series
        .iter()
        .find(|s| s["side"] == "Military Forces of Nigeria")
        .expect("the soldiers' series");
    assert_eq!(soldiers["points"][0]["value"], 7);
    assert_eq!(soldiers["points"][0]["date"], "2024-06-12");

    // Filters apply; jsonl prints one series per line.
    let out = sitrep(&[
        "timeline",
        "--db",
        db_arg,
        "--format",
        "jsonl",
        "--from",
        "2024-06-10",
    ]);
    assert!(out.status.success());
    let lines: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(!lines.is_empty());
    assert!(lines.iter().all(|s| s["points"]
        .as_array()
        .unwrap()
        .iter()
        .all(|p| p["event_id"] == "ev:borno-08")));
    let out = sitrep(&["timeline", "--db", db_arg, "--format", "csv"]);
    assert_eq!(out.status.code(), Some(2));
}

/// A kill mid-ingest loses only the batch in flight: what was committed stays, the database is
/// consistent, and ingesting again adds exactly the rest.
#[test]
fn a_killed_ingest_keeps_what_it_committed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let feed = dir.path().join("feed.jsonl");
    let towns = ["Maiduguri", "Konduga", "Bama", "Gwoza", "Dikwa", "Monguno"];
    let mut lines = String::new();
    let n = 6000;
    for i in 0..n {
        let town = towns[i % towns.len()];
        let text = format!(
            "Gunmen killed {} villagers in {town} on Monday, police said. {} others were wounded in the attack on the market, the second in the area this month.",
            2 + i % 9,
            1 + i % 5
        );
        lines.push_str(
            &serde_json::json!({"id": format!("r{i:05}"), "text": text, "published": format!("2024-{:02}-{:02}", 1 + i % 12, 1 + i % 28)})
                .to_string(),
        );
        lines.push('\n');
    }
    fs::write(&feed, lines).expect("write feed");
    let db = dir.path().join("k.db");
    let mut child = Command::new(env!("CARGO_BIN_EXE_sitrep"))
        .env_remove("SITREP_LOG")
        .args(["ingest", "--db"])
        .arg(&db)
        .arg(&feed)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("start ingest");
    // Wait for the first committed batch, then kill without warning.
    let started = std::time::Instant::now();
    let mut committed = 0;
    while started.elapsed() < std::time::Duration::from_secs(120) {
        std::thread::sleep(std::time::Duration::from_millis(50));
        if let Ok(store) = Store::open(&db) {
            committed = store.counts().map(|c| c.documents).unwrap_or(0);
            if committed > 0 {
                break;
            }
        }
        if child.try_wait().ok().flatten().is_some() {
            break;
        }
    }
    let _ = child.kill();
    let _ = child.wait();
    assert!(committed > 0, "no batch was committed within two minutes");

    let store = Store::open(&db).expect("the database opens after the kill");
    let counts = store.counts().expect("counts");
    assert!(counts.documents >= committed);
    // Whole batches only, every stored report with its event.
    assert!((counts.documents as usize).is_multiple_of(256) || counts.documents as usize == n, "{counts:?}");
    assert_eq!(counts.events, counts.documents, "{counts:?}");
    drop(store);

    // Ingesting again adds exactly the rest.
    let out = ingest(&db, &[&feed]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let store = Store::open(&db).expect("open");
    let counts = store.counts().expect("counts");
    assert_eq!(counts.documents as usize, n);
    assert_eq!(counts.events as usize, n);
}
