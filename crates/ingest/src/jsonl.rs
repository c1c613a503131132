//! JSON Lines: one report object per line, read line by line.

use std::io::BufRead;

use serde_json::{Map, Value};
use sitrep_model::{Document, InputFormat};

use crate::IngestError;

/// Parse one line of a JSON Lines file into a [`Document`] whose `origin` is `origin`
/// (by convention `path:LINE`). Blank lines give `Ok(None)`.
///
/// The line must be an object with `"id"` (a string, or a number used as its decimal
/// text) and `"text"` (a non-blank string); `"title"`, `"published"`, `"url"` and
/// `"outlet"` are optional strings (`null` or blank means absent). Other fields are ignored.
///
/// # Errors
/// [`IngestError::MalformedJson`] when the line is not JSON, [`IngestError::BadRecord`]
/// when it is not such an object.
pub fn parse_jsonl_line(line: &str, origin: &str) -> Result<Option<Document>, IngestError> {
    if line.trim().is_empty() {
        return Ok(None);
    }
    let value: Value = serde_json::from_str(line).map_err(|e| IngestError::MalformedJson {
        origin: origin.to_string(),
        reason: json_reason(&e),
    })?;
    let bad = |reason: String| IngestError::BadRecord {
        origin: origin.to_string(),
        reason,
    };
    let Value::Object(mut obj) = value else {
        return Err(bad(format!(
            "expected a JSON object, found {}",
            type_name(&value)
        )));
    };
    let doc_id = match obj.remove("id") {
        None | Some(Value::Null) => return Err(bad("missing field \"id\"".into())),
        Some(Value::String(s)) if s.trim().is_empty() => {
            return Err(bad("field \"id\" is empty".into()))
        }
        Some(Value::String(s)) => s,
        Some(Value::Number(n)) => n.to_string(),
        Some(other) => {
            return Err(bad(format!(
                "field \"id\" must be a string or a number, found {}",
                type_name(&other)
            )))
        }
    };
    let text = match obj.remove("text") {
        None | Some(Value::Null) => return Err(bad("missing field \"text\"".into())),
        Some(Value::String(s)) if s.trim().is_empty() => {
            return Err(bad("field \"text\" is empty".into()))
        }
        Some(Value::String(s)) => s,
        Some(other) => {
            return Err(bad(format!(
                "field \"text\" must be a string, found {}",
                type_name(&other)
            )))
        }
    };
    Ok(Some(Document {
        doc_id,
        text,
        title: optional_string(&mut obj, "title").map_err(bad)?,
        published: optional_string(&mut obj, "published").map_err(bad)?,
        url: optional_string(&mut obj, "url").map_err(bad)?,
        outlet: optional_string(&mut obj, "outlet").map_err(bad)?,
        format: InputFormat::Jsonl,
        origin: origin.to_string(),
    }))
}

fn optional_string(obj: &mut Map<String, Value>, field: &str) -> Result<Option<String>, String> {
    match obj.remove(field) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => {
            let trimmed = s.trim();
            if trimmed.is_empty() {
                Ok(None)
            } else if trimmed.len() == s.len() {
                Ok(Some(s))
            } else {
                Ok(Some(trimmed.to_string()))
            }
        }
        Some(other) => Err(format!(
            "field \"{field}\" must be a string, found {}",
            type_name(&other)
        )),
    }
}

fn type_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// `serde_json`'s message without its "at line 1 column N" (the line is ours to name).
fn json_reason(e: &serde_json::Error) -> String {
    let msg = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    match msg.strip_suffix(&suffix) {
        Some(reason) if e.column() > 0 => format!("{reason} (column {})", e.column()),
        Some(reason) => reason.to_string(),
        None => msg,
    }
}

/// A JSON Lines source read lazily, one line at a time; yields one item per non-blank line.
pub(crate) struct JsonlStream {
    reader: Box<dyn BufRead + Send>,
    path: String,
    line_no: u64,
    offset: u64,
    buf: Vec<u8>,
    seen_content: bool,
    done: bool,
}

impl JsonlStream {
    pub(crate) fn new(reader: Box<dyn BufRead + Send>, path: String) -> Self {
        JsonlStream {
            reader,
            path,
            line_no: 0,
            offset: 0,
            buf: Vec::new(),
            seen_content: false,
            done: false,
        }
    }
}

impl Iterator for JsonlStream {
    type Item = Result<Document, IngestError>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            self.buf.clear();
            let n = match self.reader.read_until(b'\n', &mut self.buf) {
                Ok(n) => n,
                Err(error) => {
                    self.done = true;
                    let origin = format!("{}:{}", self.path, self.line_no + 1);
                    return Some(Err(IngestError::Io { origin, error }));
                }
            };
            if n == 0 {
                self.done = true;
                if !self.seen_content {
                    return Some(Err(IngestError::Empty {
                        origin: self.path.clone(),
                    }));
                }
                return None;
            }
            self.line_no += 1;
            let line_start = self.offset;
            self.offset += n as u64;
            let origin = format!("{}:{}", self.path, self.line_no);
            let mut bytes = self.buf.as_slice();
            bytes = bytes.strip_suffix(b"\n").unwrap_or(bytes);
            bytes = bytes.strip_suffix(b"\r").unwrap_or(bytes);
            let line = match std::str::from_utf8(bytes) {
                Ok(line) => line,
                Err(e) => {
                    self.seen_content = true;
                    let offset = line_start + e.valid_up_to() as u64;
                    return Some(Err(IngestError::InvalidUtf8 { origin, offset }));
                }
            };
            let line = if self.line_no == 1 {
                line.strip_prefix('\u{feff}').unwrap_or(line)
            } else {
                line
            };
            if line.trim().is_empty() {
                continue;
            }
            self.seen_content = true;
            match parse_jsonl_line(line, &origin) {
                Ok(Some(doc)) => return Some(Ok(doc)),
                Ok(None) => {}
                Err(e) => return Some(Err(e)),
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(line: &str) -> String {
        match parse_jsonl_line(line, "f.jsonl:3") {
            Err(e) => e.to_string(),
            Ok(doc) => panic!("expected an error for {line}, got {doc:?}"),
        }
    }

    #[test]
    fn parses_a_full_record() {
        let line = r#"{"id": "a1", "text": "Clashes erupted.", "title": " Clashes ", "published": "2019-05-02",
                      "url": "https://example.org/a1", "outlet": "Wire", "extra": [1, 2]}"#;
        let doc = parse_jsonl_line(line, "f.jsonl:1")
            .expect("valid")
            .expect("not blank");
        assert_eq!(doc.doc_id, "a1");
        assert_eq!(doc.text, "Clashes erupted.");
        assert_eq!(doc.title.as_deref(), Some("Clashes"));
        assert_eq!(doc.published.as_deref(), Some("2019-05-02"));
        assert_eq!(doc.url.as_deref(), Some("https://example.org/a1"));
        assert_eq!(doc.outlet.as_deref(), Some("Wire"));
        assert_eq!(doc.format, InputFormat::Jsonl);
        assert_eq!(doc.origin, "f.jsonl:1");
    }

    #[test]
    fn numeric_id_and_null_optionals() {
        let doc = parse_jsonl_line(r#"{"id": 42, "text": "x", "title": null, "url": ""}"#, "o")
            .expect("valid")
            .expect("not blank");
        assert_eq!(doc.doc_id, "42");
        assert_eq!(doc.title, None);
        assert_eq!(doc.url, None);
    }

    #[test]
    fn blank_line_is_skipped() {
        assert_eq!(parse_jsonl_line("   \t", "o").expect("blank is fine"), None);
    }

    #[test]
    fn malformed_line_names_line_and_reason() {
        let msg = err(r#"{"id": "a", "text": "unterminated}"#);
        assert!(msg.starts_with("f.jsonl:3: malformed JSON: "), "{msg}");
        assert!(msg.contains("EOF") && msg.contains("column"), "{msg}");
        assert!(!msg.contains("line 1"), "{msg}");
        assert!(err(r#"{"id": "a", "text": "t"} trailing"#).contains("trailing characters"));
    }

    #[test]
    fn missing_and_mistyped_fields() {
        assert_eq!(err(r#"{"text": "t"}"#), "f.jsonl:3: missing field \"id\"");
        assert_eq!(err(r#"{"id": "a"}"#), "f.jsonl:3: missing field \"text\"");
        assert_eq!(
            err(r#"{"id": "a", "text": "  "}"#),
            "f.jsonl:3: field \"text\" is empty"
        );
        assert_eq!(
            err(r#"{"id": "", "text": "t"}"#),
            "f.jsonl:3: field \"id\" is empty"
        );
        assert_eq!(
            err(r#"{"id": ["a"], "text": "t"}"#),
            "f.jsonl:3: field \"id\" must be a string or a number, found an array"
        );
        assert_eq!(
            err(r#"{"id": "a", "text": 7}"#),
            "f.jsonl:3: field \"text\" must be a string, found a number"
        );
        assert_eq!(
            err(r#"{"id": "a", "text": "t", "published": 2016}"#),
            "f.jsonl:3: field \"published\" must be a string, found a number"
        );
        assert_eq!(
            err(r#"["a", "t"]"#),
            "f.jsonl:3: expected a JSON object, found an array"
        );
    }
}
