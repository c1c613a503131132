//! End-to-end tests of the `sitrep` binary.

use std::fs;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn sitrep() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_sitrep"));
    cmd.env_remove("SITREP_LOG");
    cmd
}

fn run(args: &[&str]) -> Output {
    sitrep().args(args).output().expect("run sitrep")
}

fn run_with_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = sitrep()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn sitrep");
    let mut stdin = child.stdin.take().expect("stdin is piped");
    stdin.write_all(input).expect("write stdin");
    drop(stdin);
    child.wait_with_output().expect("wait for sitrep")
}

fn write(dir: &Path, name: &str, content: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).expect("create parent");
    }
    fs::write(&path, content).expect("write test file");
    path
}

fn stdout_lines(out: &Output) -> Vec<Value> {
    String::from_utf8(out.stdout.clone())
        .expect("stdout is UTF-8")
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect()
}

fn doc_ids(out: &Output) -> Vec<String> {
    stdout_lines(out)
        .iter()
        .map(|v| {
            v["doc_id"]
                .as_str()
                .expect("doc_id is a string")
                .to_string()
        })
        .collect()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn s(path: &Path) -> &str {
    path.to_str().expect("temp paths are UTF-8")
}

const ARTICLE_PAGE: &str = r#"<!DOCTYPE html>
<html><head><title>Curfew imposed after clashes in Velmora - Northern Wire</title>
<script>window.ads = ["SCRIPTNOISE"];</script></head>
<body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<div class="ad-slot advert">Cheap flights to anywhere</div>
<article>
<h1>Curfew imposed after clashes in Velmora</h1>
<p>VELMORA - Authorities imposed a night curfew on the northern city of Velmora on Monday after two days of clashes between rival militias left six people dead, a city council spokesman said.</p>
<p>The spokesman said at least fourteen people had been wounded and taken to the central hospital, several of them with gunshot wounds to the chest and legs.</p>
<p>Shops in the old market stayed closed for a second day and army patrols were seen on the main roads leading out of the city towards the river crossing.</p>
</article>
<div id="comments"><div class="comment">Reader one: stay safe everyone</div></div>
<footer>Copyright Northern Wire</footer>
</body></html>
"#;

const FEED: &str = concat!(
    r#"{"id": "w-101", "text": "Gunmen killed two farmers near a village on Friday, police said.", "title": "Farmers killed"}"#,
    "\n",
    r#"{"id": "w-102", "text": "A roadside bomb wounded three soldiers on a patrol.", "published": "2020-02-03"}"#,
    "\n\n",
    r#"{"id": 103, "text": "Protesters marched to the ministry demanding the release of detainees."}"#,
    "\n",
);

#[test]
fn extract_folder_of_mixed_formats_in_input_order() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(
        dir.path(),
        "a_report.txt",
        "\nAmbush on convoy kills four\nMONDAY 3/4/2019\nFour guards died.\n",
    );
    write(dir.path(), "b_page.html", ARTICLE_PAGE);
    write(dir.path(), "c_feed.jsonl", FEED);
    write(dir.path(), ".hidden.txt", "Hidden draft\nnot to be read");

    let out = run(&["extract", "--format", "jsonl", s(dir.path())]);
    assert_eq!(out.status.code(), Some(0), "stderr: {}", stderr(&out));
    assert_eq!(
        doc_ids(&out),
        ["a_report", "b_page", "w-101", "w-102", "103"]
    );
    let lines = stdout_lines(&out);
    assert_eq!(lines[0]["title"], "Ambush on convoy kills four");
    assert_eq!(lines[1]["title"], "Curfew imposed after clashes in Velmora");
    assert_eq!(lines[2]["title"], "Farmers killed");
    for line in &lines {
        assert!(line["events"].is_array(), "{line}");
        assert!(line.get("published").is_some(), "{line}");
    }
    // A clean run keeps stderr quiet.
    assert_eq!(stderr(&out), "");
}

#[test]
fn folders_are_walked_recursively_and_sorted() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(dir.path(), "2/b.txt", "Bravo\nbody");
    write(dir.path(), "10/a.txt", "Alpha\nbody");
    write(dir.path(), "1.txt", "One\nbody");
    write(dir.path(), "2/sub/c.txt", "Charlie\nbody");
    let out = run(&["extract", s(dir.path())]);
    assert_eq!(out.status.code(), Some(0), "stderr: {}", stderr(&out));
    // Byte-wise name order: "1.txt" < "10" < "2".
    assert_eq!(doc_ids(&out), ["1", "a", "b", "c"]);
}

#[test]
fn content_wins_over_a_lying_extension() {
    let dir = tempfile::tempdir().expect("tempdir");
    let page = write(dir.path(), "saved.txt", ARTICLE_PAGE);
    let feed = write(dir.path(), "feed.txt", FEED);
    let out = run(&["extract", s(&page), s(&feed)]);
    assert_eq!(out.status.code(), Some(0), "stderr: {}", stderr(&out));
    assert_eq!(doc_ids(&out), ["saved", "w-101", "w-102", "103"]);
    assert_eq!(
        stdout_lines(&out)[0]["title"],
        "Curfew imposed after clashes in Velmora"
    );
}

#[test]
fn each_bad_input_is_reported_and_the_rest_goes_on() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    write(
        d,
        "0_good.txt",
        "Militia seizes checkpoint\nThe militia took the checkpoint.",
    );
    let binary = write(d, "1_scan.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x02\0");
    let latin1 = write(d, "2_latin1.txt", b"Caf\xe9 attacked\nTwo hurt.");
    let empty = write(d, "3_empty.txt", " \n\n\t\n");
    let feed = write(
        d,
        "4_feed.jsonl",
        concat!(
            r#"{"id": "f1", "text": "Troops shelled the ridge."}"#,
            "\n",
            r#"{"id": "f2", "text": "broken"#,
            "\n",
            r#"{"id": "f3"}"#,
            "\n",
            r#"{"id": true, "text": "Wrong id type."}"#,
            "\n",
            r#"{"id": "f5", "text": "Police arrested nine people."}"#,
            "\n",
        ),
    );
    write(d, "5_last.txt", "Last report\nAll quiet.");
    let missing = d.join("no_such_file.txt");

    let out = run(&["extract", s(d), s(&missing)]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "stderr: {err}");
    assert_eq!(doc_ids(&out), ["0_good", "f1", "f5", "5_last"]);

    let expected = [
        format!(
            "sitrep: error: {}: binary file (NUL bytes), not text, HTML or JSON Lines",
            s(&binary)
        ),
        format!(
            "sitrep: error: {}: invalid UTF-8 at byte offset 3",
            s(&latin1)
        ),
        format!(
            "sitrep: error: {}: empty file (nothing but whitespace)",
            s(&empty)
        ),
        format!(
            "sitrep: error: {}:2: malformed JSON: EOF while parsing a string (column 28)",
            s(&feed)
        ),
        format!("sitrep: error: {}:3: missing field \"text\"", s(&feed)),
        format!(
            "sitrep: error: {}:4: field \"id\" must be a string or a number, found a boolean",
            s(&feed)
        ),
        format!("sitrep: error: {}: no such file or directory", s(&missing)),
        "sitrep: 4 documents, 7 errors".to_string(),
    ];
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines, expected);
}

#[test]
fn html_page_without_text_is_an_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    let page = write(
        dir.path(),
        "blank.html",
        "<html><head><title>x</title></head><body><nav>Home</nav></body></html>",
    );
    let good = write(dir.path(), "good.txt", "Good\nbody");
    let out = run(&["extract", s(&page), s(&good)]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(doc_ids(&out), ["good"]);
    assert!(
        stderr(&out).contains(&format!(
            "sitrep: error: {}: no article text found in the HTML page",
            s(&page)
        )),
        "{}",
        stderr(&out)
    );
}

#[test]
fn stdin_text_and_jsonl() {
    let out = run_with_stdin(
        &["extract", "-"],
        b"Bridge blown up overnight\nSaboteurs destroyed a rail bridge.\n",
    );
    assert_eq!(out.status.code(), Some(0), "stderr: {}", stderr(&out));
    let lines = stdout_lines(&out);
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0]["doc_id"], "stdin");
    assert_eq!(lines[0]["title"], "Bridge blown up overnight");

    let out = run_with_stdin(&["extract", "-"], FEED.as_bytes());
    assert_eq!(out.status.code(), Some(0), "stderr: {}", stderr(&out));
    assert_eq!(doc_ids(&out), ["w-101", "w-102", "103"]);

    let out = run_with_stdin(
        &["extract", "-"],
        b"{\"id\": \"a\", \"text\": \"ok\"}\n{oops}\n",
    );
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(doc_ids(&out), ["a"]);
    assert!(
        stderr(&out).starts_with("sitrep: error: <stdin>:2: malformed JSON: "),
        "{}",
        stderr(&out)
    );
}

fn generated_feed(n: usize) -> String {
    let mut feed = String::new();
    for i in 0..n {
        // Lengths vary so that workers finish out of order.
        let filler = "Fighting continued along the front line. ".repeat(i % 17 * 5);
        let line = serde_json::json!({"id": format!("gen-{i:04}"), "text": format!("Report {i}. {filler}")});
        feed.push_str(&line.to_string());
        feed.push('\n');
    }
    feed
}

#[test]
fn order_is_stable_across_thread_counts() {
    let dir = tempfile::tempdir().expect("tempdir");
    let feed = write(dir.path(), "gen.jsonl", generated_feed(200));
    let four = run(&["extract", "--threads", "4", s(&feed)]);
    assert_eq!(four.status.code(), Some(0), "stderr: {}", stderr(&four));
    let expected: Vec<String> = (0..200).map(|i| format!("gen-{i:04}")).collect();
    assert_eq!(doc_ids(&four), expected);
    let one = run(&["extract", "-j", "1", s(&feed)]);
    assert_eq!(one.status.code(), Some(0));
    assert_eq!(one.stdout, four.stdout);
}

#[test]
fn order_is_stable_with_slow_and_fast_documents_mixed() {
    // HTML pages take far longer (article extraction in the workers) than tiny text files,
    // so workers finish out of order; the output must not.
    let dir = tempfile::tempdir().expect("tempdir");
    let big_page = ARTICLE_PAGE
        .replace("<p>", "<p>Witnesses described heavy gunfire. ")
        .repeat(40);
    let mut expected = Vec::new();
    for i in 0..40 {
        if i % 4 == 0 {
            write(dir.path(), &format!("{i:03}.html"), &big_page);
        } else {
            write(
                dir.path(),
                &format!("{i:03}.txt"),
                format!("Brief {i}\nNothing else."),
            );
        }
        expected.push(format!("{i:03}"));
    }
    let out = run(&["extract", "--threads", "4", s(dir.path())]);
    assert_eq!(out.status.code(), Some(0), "stderr: {}", stderr(&out));
    assert_eq!(doc_ids(&out), expected);
}

#[test]
fn closed_stdout_ends_quietly() {
    let dir = tempfile::tempdir().expect("tempdir");
    // Well over a pipe buffer of output.
    let feed = write(dir.path(), "many.jsonl", generated_feed(6000));
    let mut child = sitrep()
        .args(["extract", "--threads", "2", s(&feed)])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn sitrep");
    let stdout = child.stdout.take().expect("stdout is piped");
    let mut reader = BufReader::new(stdout);
    let mut first = String::new();
    reader.read_line(&mut first).expect("read one line");
    assert!(first.contains("\"gen-0000\""), "{first}");
    drop(reader); // like `| head -1`
    let out = child.wait_with_output().expect("wait for sitrep");
    let err = stderr(&out);
    assert!(!err.contains("panicked"), "{err}");
    assert_eq!(err, "");
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn bench_prints_rates() {
    let dir = tempfile::tempdir().expect("tempdir");
    let feed = write(dir.path(), "gen.jsonl", generated_feed(30));
    let out = run(&["bench", "--repeat", "2", "--threads", "2", s(&feed)]);
    assert_eq!(out.status.code(), Some(0), "stderr: {}", stderr(&out));
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2, "{text}");
    assert!(lines[0].starts_with("1 thread : 30 docs, "), "{text}");
    assert!(lines[1].starts_with("2 threads: 30 docs, "), "{text}");
    for line in lines {
        assert!(
            line.contains(" docs/s, ") && line.ends_with(" MB/s"),
            "{line}"
        );
    }

    let out = run(&["bench", "--json", "--repeat", "1", s(&feed)]);
    assert_eq!(out.status.code(), Some(0), "stderr: {}", stderr(&out));
    let v: Value = serde_json::from_slice(&out.stdout).expect("one JSON object");
    assert_eq!(v["documents"], 30);
    let bytes = v["bytes"].as_u64().expect("bytes");
    assert!(bytes > 30 * 10, "{v}");
    let runs = v["runs"].as_array().expect("runs");
    assert_eq!(runs.len(), 2);
    assert_eq!(runs[0]["threads"], 1);
    for r in runs {
        assert!(r["docs_per_s"].as_f64().is_some_and(|x| x > 0.0), "{v}");
        assert!(r["mb_per_s"].as_f64().is_some_and(|x| x > 0.0), "{v}");
    }
}

#[test]
fn bench_with_nothing_to_read_fails() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = run(&["bench", s(&dir.path().join("missing"))]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("no documents to benchmark"),
        "{}",
        stderr(&out)
    );
    assert!(out.stdout.is_empty());
}

#[test]
fn help_describes_the_commands() {
    let out = run(&["--help"]);
    assert_eq!(out.status.code(), Some(0));
    let help = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(
        help.contains("extract") && help.contains("one JSON object per document"),
        "{help}"
    );
    assert!(
        help.contains("bench") && help.contains("Time the extraction pipeline"),
        "{help}"
    );

    let out = run(&["extract", "--help"]);
    assert_eq!(out.status.code(), Some(0));
    let help = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(
        help.contains("--threads") && help.contains("--format") && help.contains("jsonl"),
        "{help}"
    );
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &["extract"][..],
        &["extract", "--format", "csv", "x.txt"],
        &["extract", "--threads", "0", "x.txt"],
        &["bench", "--repeat", "0", "x.txt"],
        &["frobnicate"],
    ] {
        let out = run(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(out.stdout.is_empty(), "{args:?}");
    }
}

#[test]
fn logging_follows_sitrep_log_and_verbose() {
    let dir = tempfile::tempdir().expect("tempdir");
    let doc = write(dir.path(), "a.txt", "Alpha\nbody");
    let out = sitrep()
        .env("SITREP_LOG", "info")
        .args(["extract", s(&doc)])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(0));
    assert!(stderr(&out).contains("pipeline ready"), "{}", stderr(&out));
    assert_eq!(doc_ids(&out), ["a"]);

    let out = run(&["-v", "extract", s(&doc)]);
    assert_eq!(out.status.code(), Some(0));
    assert!(
        stderr(&out).ends_with("sitrep: 1 document, 0 errors\n"),
        "{}",
        stderr(&out)
    );
}
