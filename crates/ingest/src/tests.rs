//! Tests of the whole ingest stream on real files.

use std::fs;
use std::path::Path;

use super::*;

fn write(dir: &Path, name: &str, content: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).expect("create parent");
    }
    fs::write(&path, content).expect("write test file");
    path
}

fn ids(items: &[Result<Document, IngestError>]) -> Vec<String> {
    items
        .iter()
        .map(|item| match item {
            Ok(doc) => doc.doc_id.clone(),
            Err(e) => format!("ERR {e}"),
        })
        .collect()
}

fn only_error(path: &Path) -> IngestError {
    let mut items: Vec<_> = ingest([path]).collect();
    assert_eq!(items.len(), 1, "{:?}", ids(&items));
    match items.remove(0) {
        Err(e) => e,
        Ok(doc) => panic!("expected an error, got {doc:?}"),
    }
}

const REPORT: &str = "\n  Militants attack border post  \nKANDAR, March 3 -\nGunmen killed three guards at a border post overnight, officials said.\n";

#[test]
fn plain_text_is_kept_exactly() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = write(dir.path(), "border.report.txt", REPORT);
    let docs: Vec<_> = ingest([&path]).collect();
    let doc = docs
        .into_iter()
        .next()
        .expect("one item")
        .expect("a document");
    assert_eq!(doc.text, REPORT);
    assert_eq!(doc.title.as_deref(), Some("Militants attack border post"));
    assert_eq!(doc.doc_id, "border.report");
    assert_eq!(doc.format, InputFormat::Text);
    assert_eq!(doc.origin, path.display().to_string());
}

#[test]
fn folders_are_walked_sorted_recursively_skipping_hidden() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(dir.path(), "b.txt", "Bravo report\nbody");
    write(dir.path(), "a.txt", "Alpha report\nbody");
    write(dir.path(), "m/c.txt", "Charlie report\nbody");
    write(dir.path(), "m/d/e.txt", "Echo report\nbody");
    write(dir.path(), "z.txt", "Zulu report\nbody");
    write(dir.path(), ".hidden.txt", "Hidden\nbody");
    write(dir.path(), ".git/x.txt", "Hidden dir\nbody");
    let items: Vec<_> = ingest([dir.path()]).collect();
    assert_eq!(ids(&items), ["a", "b", "c", "e", "z"]);
    // The same again: the order is deterministic.
    let again: Vec<_> = ingest([dir.path()]).collect();
    assert_eq!(ids(&again), ids(&items));
}

#[test]
fn explicit_hidden_file_is_read() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = write(dir.path(), ".draft.txt", "Draft\nbody");
    let items: Vec<_> = ingest([&path]).collect();
    assert_eq!(ids(&items), [".draft"]);
}

#[cfg(unix)]
#[test]
fn symlink_loops_are_not_followed() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(dir.path(), "top/a.txt", "Alpha\nbody");
    std::os::unix::fs::symlink(dir.path().join("top"), dir.path().join("top/loop"))
        .expect("symlink");
    let items: Vec<_> = ingest([dir.path().join("top")]).collect();
    assert_eq!(ids(&items), ["a"]);
}

#[test]
fn format_by_extension_then_content() {
    let dir = tempfile::tempdir().expect("tempdir");
    let page = "<!doctype html><html><head><title>Convoy ambushed near Sorel</title></head>\
                <body><p>An army convoy was ambushed near Sorel on Friday.</p></body></html>";
    write(dir.path(), "1_lying.txt", page);
    write(
        dir.path(),
        "2_noext",
        "{\"id\": \"j1\", \"text\": \"Protesters gathered.\"}\n",
    );
    write(
        dir.path(),
        "3_notes.md",
        "Curfew declared\nThe army declared a curfew.",
    );
    write(
        dir.path(),
        "4_fragment.htm",
        "<p>Two <b>soldiers</b> were hurt.</p>",
    );
    let docs: Vec<Document> = ingest([dir.path()])
        .map(|r| r.expect("all valid"))
        .collect();
    let formats: Vec<_> = docs.iter().map(|d| d.format).collect();
    assert_eq!(
        formats,
        [
            InputFormat::Html,
            InputFormat::Jsonl,
            InputFormat::Text,
            InputFormat::Html
        ]
    );
    assert_eq!(docs[0].title.as_deref(), Some("Convoy ambushed near Sorel"));
    assert!(!docs[0].text.contains('<'), "{:?}", docs[0].text);
    assert_eq!(docs[1].doc_id, "j1");
    assert_eq!(docs[3].text, "Two soldiers were hurt.");
}

#[test]
fn html_file_gets_article_text() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = write(
        dir.path(),
        "raid.html",
        "<html><head><title>Raid on depot</title></head><body>\
         <nav><a href='/'>Home</a><a href='/x'>NAVLINK</a></nav>\
         <div class='advertisement'>ADVERT buy now</div>\
         <article><p>Security forces raided a weapons depot outside Merrin on Sunday and arrested six suspects, police said in a statement released late in the evening.</p>\
         <p>A police spokesman said the suspects were being questioned and that more arrests were expected in the coming days as the investigation continued.</p>\
         <p>Residents reported hearing gunfire for about twenty minutes before the operation ended and the area was sealed off by armoured vehicles.</p></article>\
         <div id='comments' class='comments'><p class='comment'>USERCOMMENT nice</p></div>\
         </body></html>",
    );
    let doc = ingest([&path])
        .next()
        .expect("one item")
        .expect("a document");
    assert_eq!(doc.format, InputFormat::Html);
    assert_eq!(doc.doc_id, "raid");
    assert!(
        doc.text.starts_with("Security forces raided"),
        "{:?}",
        doc.text
    );
    assert!(
        doc.text
            .contains("statement released late in the evening.\n\nA police spokesman"),
        "{:?}",
        doc.text
    );
    for noise in ["NAVLINK", "ADVERT", "USERCOMMENT", "Home"] {
        assert!(!doc.text.contains(noise), "{noise} in {:?}", doc.text);
    }
}

#[test]
fn jsonl_streams_lines_with_origins_and_inline_errors() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = write(
        dir.path(),
        "feed.jsonl",
        "{\"id\": \"r1\", \"text\": \"First.\", \"title\": \"One\"}\n\
         \n\
         {\"id\": \"r2\", \"text\": \"Second.\"\n\
         {\"id\": 3, \"text\": \"Third.\"}\r\n\
         {\"text\": \"No id.\"}\n\
         {\"id\": \"r5\", \"text\": \"Fifth.\"}",
    );
    let items: Vec<_> = ingest([&path]).collect();
    let p = path.display();
    assert_eq!(
        ids(&items),
        [
            "r1".to_string(),
            format!("ERR {p}:3: malformed JSON: EOF while parsing an object (column 30)"),
            "3".to_string(),
            format!("ERR {p}:5: missing field \"id\""),
            "r5".to_string(),
        ]
    );
    let origins: Vec<_> = items
        .iter()
        .filter_map(|r| r.as_ref().ok())
        .map(|d| d.origin.clone())
        .collect();
    assert_eq!(
        origins,
        [format!("{p}:1"), format!("{p}:4"), format!("{p}:6")]
    );
}

#[test]
fn jsonl_invalid_utf8_names_line_and_file_offset() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut bytes = b"{\"id\": \"a\", \"text\": \"ok\"}\n".to_vec();
    let line2_start = bytes.len();
    bytes.extend_from_slice(
        b"{\"id\": \"b\", \"text\": \"caf\xe9\"}\n{\"id\": \"c\", \"text\": \"ok\"}\n",
    );
    let path = write(dir.path(), "enc.jsonl", &bytes);
    let items: Vec<_> = ingest([&path]).collect();
    let offset = line2_start + 24;
    assert_eq!(
        ids(&items),
        [
            "a".to_string(),
            format!(
                "ERR {}:2: invalid UTF-8 at byte offset {offset}",
                path.display()
            ),
            "c".to_string()
        ]
    );
}

#[test]
fn missing_path_is_an_item_and_the_rest_goes_on() {
    let dir = tempfile::tempdir().expect("tempdir");
    let good = write(dir.path(), "good.txt", "Good\nbody");
    let missing = dir.path().join("missing.txt");
    let items: Vec<_> = ingest([&missing, &good]).collect();
    assert_eq!(
        ids(&items),
        [
            format!("ERR {}: no such file or directory", missing.display()),
            "good".to_string()
        ]
    );
    assert!(matches!(items[0], Err(IngestError::NotFound { .. })));
    assert_eq!(
        items[0].as_ref().err().map(IngestError::origin),
        Some(missing.display().to_string().as_str())
    );
}

#[test]
fn binary_file_is_rejected() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = write(
        dir.path(),
        "photo.txt",
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0",
    );
    let err = only_error(&path);
    assert!(matches!(err, IngestError::Binary { .. }));
    assert_eq!(
        err.to_string(),
        format!(
            "{}: binary file (NUL bytes), not text, HTML or JSON Lines",
            path.display()
        )
    );
}

#[test]
fn invalid_utf8_names_the_byte_offset() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = write(dir.path(), "latin1.txt", b"Caf\xe9 bombed\nTwo were hurt.");
    let err = only_error(&path);
    assert!(
        matches!(err, IngestError::InvalidUtf8 { offset: 3, .. }),
        "{err:?}"
    );
    assert_eq!(
        err.to_string(),
        format!("{}: invalid UTF-8 at byte offset 3", path.display())
    );
}

#[test]
fn invalid_utf8_beyond_the_head_is_found() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut bytes = "Long report\n".repeat(2000).into_bytes();
    let at = bytes.len();
    bytes.extend_from_slice(b"\xc3(");
    let path = write(dir.path(), "long.txt", &bytes);
    let err = only_error(&path);
    assert!(
        matches!(err, IngestError::InvalidUtf8 { offset, .. } if offset == at as u64),
        "{err:?}"
    );
}

#[test]
fn empty_and_blank_files_are_rejected() {
    let dir = tempfile::tempdir().expect("tempdir");
    for (name, content) in [
        ("empty.txt", ""),
        ("blank.txt", " \n\t\r\n  "),
        ("blank.jsonl", "\n\n  \n"),
        ("e.html", ""),
    ] {
        let path = write(dir.path(), name, content);
        let err = only_error(&path);
        assert!(matches!(err, IngestError::Empty { .. }), "{name}: {err:?}");
        assert_eq!(
            err.to_string(),
            format!("{}: empty file (nothing but whitespace)", path.display())
        );
    }
}

#[test]
fn long_blank_prefix_then_jsonl() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut content = " \n".repeat(10_000);
    content.push_str("{\"id\": \"late\", \"text\": \"Found.\"}\n");
    let path = write(dir.path(), "late", content);
    let items: Vec<_> = ingest([&path]).collect();
    assert_eq!(ids(&items), ["late"]);
}

#[test]
fn jsonl_of_a_large_file_is_lazy() {
    // The first record comes out before the (broken) end of the file is looked at.
    let dir = tempfile::tempdir().expect("tempdir");
    let mut content = String::new();
    for i in 0..5000 {
        content.push_str(&format!(
            "{{\"id\": \"d{i}\", \"text\": \"Report number {i}.\"}}\n"
        ));
    }
    let path = write(dir.path(), "big.jsonl", content);
    let mut it = ingest([&path]);
    let first = it.next().expect("an item").expect("a document");
    assert_eq!(first.doc_id, "d0");
    assert_eq!(it.count(), 4999);
}

#[test]
fn errors_are_one_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = write(dir.path(), "x.jsonl", "{\"id\": \"a\",\n\"text\": \"b\"}\n");
    for item in ingest([&path]) {
        let e = item.expect_err("both lines are broken");
        assert!(!e.to_string().contains('\n'), "{e}");
    }
}

#[test]
fn sources_defer_html_parsing() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(
        dir.path(),
        "a.html",
        "<html><body><nav>Menu</nav></body></html>",
    );
    write(dir.path(), "b.txt", "Bravo\nbody");
    let pending: Vec<_> = sources([dir.path()])
        .map(|p| p.expect("readable"))
        .collect();
    let origins: Vec<_> = pending.iter().map(|p| p.origin().to_string()).collect();
    assert_eq!(
        origins,
        [
            dir.path().join("a.html").display().to_string(),
            dir.path().join("b.txt").display().to_string()
        ]
    );
    let parsed: Vec<_> = pending.into_iter().map(Pending::parse).collect();
    assert!(
        matches!(parsed[0], Err(IngestError::NoText { .. })),
        "{:?}",
        parsed[0]
    );
    assert_eq!(
        parsed[1].as_ref().map(|d| d.doc_id.as_str()).ok(),
        Some("b")
    );
}

#[test]
fn ingest_is_send() {
    fn assert_send<T: Send>() {}
    assert_send::<Ingest>();
    assert_send::<Sources>();
    assert_send::<Pending>();
    assert_send::<IngestError>();
}
