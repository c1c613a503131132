//! `sitrep serve` against a real server on loopback: the binary is started on a free port over
//! a database ingested from the bundled sample reports, and spoken to over HTTP.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::OnceLock;

use reqwest::blocking::Client;
use reqwest::StatusCode;
use serde_json::{json, Value};

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A running `sitrep serve`, killed when dropped (each test starts its own, so none outlives
/// the test run).
struct Server {
    child: Child,
    base: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start(db_args: &[&std::ffi::OsStr]) -> Server {
    let mut child = Command::new(env!("CARGO_BIN_EXE_sitrep"))
        .env_remove("SITREP_LOG")
        .arg("serve")
        .args(db_args)
        .args(["--addr", "127.0.0.1:0", "--max-body", "4096"])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start sitrep serve");
    let stderr = child.stderr.take().expect("stderr");
    let mut lines = BufReader::new(stderr).lines();
    let base = loop {
        let line = lines
            .next()
            .expect("sitrep serve said where it listens")
            .expect("stderr line");
        if let Some(at) = line.find("http://") {
            let url = &line[at..];
            let end = url[7..].find('/').map_or(url.len(), |i| i + 7);
            break url[..end].to_string();
        }
    };
    // Keep draining stderr so the server never blocks on a full pipe.
    std::thread::spawn(move || for _ in lines {});
    Server { child, base }
}

/// The database of the sample reports and the campaign, ingested once per test run into
/// cargo's scratch folder for integration tests.
fn desk_db() -> &'static Path {
    static DB: OnceLock<PathBuf> = OnceLock::new();
    DB.get_or_init(|| {
        let db = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("serve-desk.db");
        for ext in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{ext}", db.display()));
        }
        let out = Command::new(env!("CARGO_BIN_EXE_sitrep"))
            .env_remove("SITREP_LOG")
            .args(["ingest", "--db"])
            .arg(&db)
            .arg(repo().join("samples/reports"))
            .arg(repo().join("samples/campaign"))
            .output()
            .expect("run sitrep ingest");
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        db
    })
}

thread_local! {
    /// This test's server.
    static SERVER: std::cell::OnceCell<Server> = const { std::cell::OnceCell::new() };
}

/// The base URL of this test's server, started on first use.
fn base() -> String {
    SERVER.with(|s| {
        s.get_or_init(|| start(&["--db".as_ref(), desk_db().as_os_str()]))
            .base
            .clone()
    })
}

fn client() -> Client {
    Client::builder()
        .timeout(std::time::Duration::from_secs(60))
        .build()
        .expect("HTTP client")
}

fn get(path: &str) -> (StatusCode, Value) {
    let r = client()
        .get(format!("{}{path}", base()))
        .send()
        .expect("GET");
    let status = r.status();
    (status, r.json().expect("a JSON body"))
}

fn ok(path: &str) -> Value {
    let (status, body) = get(path);
    assert_eq!(status, StatusCode::OK, "{path}: {body}");
    body
}

fn events(query: &str) -> Vec<Value> {
    ok(&format!("/api/events?{query}"))["events"]
        .as_array()
        .cloned()
        .unwrap_or_default()
}

fn fatalities(e: &Value) -> u64 {
    e["fatalities"]["best"].as_u64().unwrap_or(0)
}

#[test]
fn health_counts_the_stored_reports() {
    let h = ok("/api/health");
    assert_eq!(h["status"], "ok");
    // 7 sample files (one a JSONL feed) and the campaign's nine reports.
    assert!(h["counts"]["documents"].as_u64().unwrap_or(0) >= 16, "{h}");
    assert!(h["counts"]["clusters"].as_u64().unwrap_or(0) >= 8, "{h}");
}

#[test]
fn events_are_paged_and_sorted() {
    let all = ok("/api/events?limit=500");
    let total = all["total"].as_u64().unwrap_or(0);
    let every = all["events"].as_array().cloned().unwrap_or_default();
    assert_eq!(every.len() as u64, total);
    assert!(total >= 8);
    assert!(every.iter().all(|e| e.get("claims").is_none()), "lists carry no claims");

    // Two pages of 3 are the first six events, in order.
    let p1 = events("limit=3&offset=0");
    let p2 = events("limit=3&offset=3");
    let ids: Vec<&Value> = p1.iter().chain(&p2).map(|e| &e["event_id"]).collect();
    let first6: Vec<&Value> = every.iter().take(6).map(|e| &e["event_id"]).collect();
    assert_eq!(ids, first6);

    let by_toll = events("sort=-fatalities&limit=500");
    let tolls: Vec<u64> = by_toll.iter().map(fatalities).collect();
    assert!(tolls.windows(2).all(|w| w[0] >= w[1]), "{tolls:?}");
    assert!(tolls[0] >= 18, "the Maiduguri bombing's revised toll leads: {tolls:?}");

    let by_date = events("sort=-date&limit=500");
    let dates: Vec<&str> = by_date
        .iter()
        .filter_map(|e| e["date"]["start"].as_str())
        .collect();
    assert!(dates.windows(2).all(|w| w[0] >= w[1]), "{dates:?}");
}

#[test]
fn filters_narrow_the_events() {
    let ng = events("country=ng&limit=500");
    assert!(ng.len() >= 4, "the Borno campaign is in Nigeria");
    assert!(ng.iter().all(|e| e["location"]["country_code"] == "NG"));

    // A box around Borno state holds Maiduguri, Konduga and Bama, and nothing in Libya.
    let boxed = events("bbox=11.5,10.5,15.0,13.5&limit=500");
    assert!(!boxed.is_empty());
    for e in &boxed {
        let lon = e["location"]["lon"].as_f64().unwrap_or(f64::NAN);
        let lat = e["location"]["lat"].as_f64().unwrap_or(f64::NAN);
        assert!((11.5..=15.0).contains(&lon) && (10.5..=13.5).contains(&lat), "{e}");
    }
    assert!(boxed.len() <= ng.len());

    let deadly = events("min_fatalities=10&limit=500");
    assert!(!deadly.is_empty() && deadly.iter().all(|e| fatalities(e) >= 10));

    let protests = events("type=Protests&limit=500");
    assert!(!protests.is_empty());
    assert!(protests.iter().all(|e| e["event_type"] == "Protests"));

    let boko = events("actor=boko%20haram&limit=500");
    assert!(!boko.is_empty());
    for e in &boko {
        let names = e["actors"].to_string().to_lowercase();
        assert!(names.contains("boko haram"), "{e}");
    }

    let june = events("from=2024-06-10&to=2024-06-12&limit=500");
    assert!(!june.is_empty());
    for e in &june {
        let start = e["date"]["start"].as_str().unwrap_or("");
        let end = e["date"]["end"].as_str().unwrap_or("");
        assert!(start <= "2024-06-12" && end >= "2024-06-10", "{e}");
    }
}

#[test]
fn an_event_shows_its_claims_and_missing_ones_are_404() {
    let first = events("sort=-fatalities&limit=1");
    let id = first[0]["event_id"].as_str().unwrap_or("").to_string();
    let path = format!("/api/events/{}", id.replace(':', "%3A"));
    let e = ok(&path);
    assert_eq!(e["event_id"], id.as_str());
    let claims = e["claims"].as_array().cloned().unwrap_or_default();
    assert!(!claims.is_empty());
    let docs = e["documents"].as_array().cloned().unwrap_or_default();
    assert_eq!(docs.len(), e["doc_ids"].as_array().map_or(0, Vec::len));
    // Every claim's span is its text, inside its own report's text.
    for c in &claims {
        let doc = docs
            .iter()
            .find(|d| d["doc_id"] == c["doc_id"])
            .unwrap_or_else(|| panic!("claim of a report not attached: {c}"));
        let text = doc["text"].as_str().unwrap_or("");
        let (s, end) = (
            c["span"][0].as_u64().unwrap_or(0) as usize,
            c["span"][1].as_u64().unwrap_or(0) as usize,
        );
        assert_eq!(text.get(s..end), c["text"].as_str(), "{c}");
    }
    let (status, body) = get("/api/events/ev%3Anothing-here");
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(body["error"].as_str().unwrap_or("").contains("nothing-here"));
}

#[test]
fn the_timeline_counts_events_per_day() {
    let t = ok("/api/timeline?country=NG");
    let days = t["days"].as_array().cloned().unwrap_or_default();
    let dated = events("country=NG&limit=500")
        .iter()
        .filter(|e| e["date"]["start"].is_string())
        .count() as u64;
    let counted: u64 = days.iter().map(|d| d["events"].as_u64().unwrap_or(0)).sum();
    assert_eq!(counted, dated);
    let dates: Vec<&str> = days.iter().filter_map(|d| d["date"].as_str()).collect();
    assert!(dates.windows(2).all(|w| w[0] < w[1]), "{dates:?}");
}

#[test]
fn bad_requests_get_a_json_4xx() {
    for (path, status) in [
        ("/api/events?country=Nigeria", 400),
        ("/api/events?from=2024-02-30x", 400),
        ("/api/events?bbox=1,2,3", 400),
        ("/api/events?limit=100000", 400),
        ("/api/events?limit=-1", 400),
        ("/api/events?sort=size", 400),
        ("/api/events?min_fatalities=many", 400),
        ("/api/events?nonsense=1", 400),
        ("/api/timeline?from=2024-06-12&to=2024-06-01", 400),
        ("/api/no-such-route", 404),
        ("/assets/no-such-file.js", 404),
    ] {
        let (got, body) = get(path);
        assert_eq!(got.as_u16(), status, "{path}: {body}");
        assert!(body["error"].is_string(), "{path}: {body}");
    }
    let c = client();
    let base = &base();
    let wrong_method = c.delete(format!("{base}/api/events")).send().expect("DELETE");
    assert_eq!(wrong_method.status(), StatusCode::METHOD_NOT_ALLOWED);
    assert!(wrong_method.json::<Value>().expect("JSON")["error"].is_string());

    let too_big = c
        .post(format!("{base}/api/extract"))
        .header("content-type", "text/plain")
        .body("Three soldiers were killed. ".repeat(400))
        .send()
        .expect("POST");
    assert_eq!(too_big.status(), StatusCode::PAYLOAD_TOO_LARGE);
    assert!(too_big.json::<Value>().expect("JSON")["error"].is_string());

    for body in ["{\"text\": 5}", "{not json", "{\"text\": \"\"}"] {
        let r = c
            .post(format!("{base}/api/extract"))
            .header("content-type", "application/json")
            .body(body)
            .send()
            .expect("POST");
        assert_eq!(r.status(), StatusCode::BAD_REQUEST, "{body}");
    }
}

#[test]
fn a_pasted_report_is_extracted_with_its_spans() {
    let text = "Gunmen killed five villagers near Bunia on Tuesday, police said. \
                Three others were wounded.";
    let r = client()
        .post(format!("{}/api/extract", base()))
        .json(&json!({ "text": text, "published": "2024-03-14" }))
        .send()
        .expect("POST");
    assert_eq!(r.status(), StatusCode::OK);
    let doc: Value = r.json().expect("JSON");
    assert_eq!(doc["text"], text);
    let event = &doc["events"][0];
    assert_eq!(event["fatalities"]["best"], 5);
    assert_eq!(event["injuries"]["best"], 3);
    assert_eq!(event["date"]["start"], "2024-03-12");
    for c in event["claims"].as_array().cloned().unwrap_or_default() {
        let (s, e) = (
            c["span"][0].as_u64().unwrap_or(0) as usize,
            c["span"][1].as_u64().unwrap_or(0) as usize,
        );
        assert_eq!(text.get(s..e), c["text"].as_str(), "{c}");
    }
    // The same report as plain text, at the short path.
    let plain = client()
        .post(format!("{}/extract", base()))
        .header("content-type", "text/plain")
        .body(text)
        .send()
        .expect("POST");
    assert_eq!(plain.status(), StatusCode::OK);
    assert_eq!(plain.json::<Value>().expect("JSON")["events"][0]["fatalities"]["best"], 5);
}

#[test]
fn the_openapi_description_lists_every_route() {
    let spec = ok("/api/openapi.json");
    assert_eq!(spec["openapi"], "3.1.0");
    for path in [
        "/api/health",
        "/api/events",
        "/api/events/{id}",
        "/api/timeline",
        "/api/documents",
        "/api/documents/{id}",
        "/api/extract",
        "/extract",
    ] {
        assert!(spec["paths"][path].is_object(), "{path} is not described");
    }
}

#[test]
fn the_desk_is_served() {
    let r = client().get(format!("{}/", base())).send().expect("GET /");
    assert_eq!(r.status(), StatusCode::OK);
    let ct = r.headers().get("content-type").and_then(|v| v.to_str().ok()).unwrap_or("").to_string();
    assert!(ct.starts_with("text/html"), "{ct}");
    assert!(r.text().expect("body").to_lowercase().contains("sitrep"));
}

#[test]
fn a_missing_database_is_named_and_fails() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db: &Path = &dir.path().join("none.db");
    let out = Command::new(env!("CARGO_BIN_EXE_sitrep"))
        .args(["serve", "--addr", "127.0.0.1:0", "--db"])
        .arg(db)
        .output()
        .expect("run sitrep serve");
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("none.db") && err.contains("sitrep ingest"), "{err}");
}

#[test]
fn documents_are_listed_and_read() {
    let page = ok("/api/documents?limit=5");
    let total = page["total"].as_u64().unwrap_or(0);
    assert!(total >= 16);
    let docs = page["documents"].as_array().cloned().unwrap_or_default();
    assert_eq!(docs.len(), 5);
    let id = docs[0]["doc_id"].as_str().unwrap_or("").to_string();
    let doc = ok(&format!("/api/documents/{id}"));
    assert_eq!(doc["doc_id"], id.as_str());
    assert!(doc["text"].as_str().unwrap_or("").len() > 100);
    let (status, body) = get("/api/documents/no-such-report");
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(body["error"].is_string());
    let (status, _) = get("/api/documents?limit=0");
    assert_eq!(status, StatusCode::BAD_REQUEST);
}

#[test]
fn text_search_finds_the_reports_words() {
    let hits = events("q=Konduga%20farmers&limit=500");
    assert!(!hits.is_empty(), "the Konduga attack is found by its words");
    let misses = events("q=zyzzyva&limit=500");
    assert!(misses.is_empty());
}

#[test]
fn the_timeline_has_running_tolls() {
    let t = ok("/api/timeline?country=NG");
    let series = t["series"].as_array().cloned().unwrap_or_default();
    assert!(!series.is_empty());
    for s in &series {
        let points = s["points"].as_array().cloned().unwrap_or_default();
        let values: Vec<u64> = points.iter().map(|p| p["value"].as_u64().unwrap_or(0)).collect();
        let dates: Vec<&str> = points.iter().filter_map(|p| p["date"].as_str()).collect();
        assert!(dates.windows(2).all(|w| w[0] <= w[1]), "{s}");
        assert!(!values.is_empty(), "{s}");
    }
}
