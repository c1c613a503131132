//! Telling the formats apart: by extension, by content, and binary detection.

use std::path::Path;

use sitrep_model::InputFormat;

/// How many leading bytes [`binary_reason`] looks at.
pub const BINARY_SAMPLE: usize = 1024;

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// The format a file name promises: `.txt` → text, `.html`/`.htm` → HTML,
/// `.jsonl`/`.ndjson` → JSON Lines (case-insensitive); `None` for any other or no extension.
pub fn format_from_extension(path: &Path) -> Option<InputFormat> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "txt" | "text" => Some(InputFormat::Text),
        "html" | "htm" | "xhtml" => Some(InputFormat::Html),
        "jsonl" | "ndjson" => Some(InputFormat::Jsonl),
        _ => None,
    }
}

/// The first byte that is neither ASCII whitespace nor part of a leading UTF-8 byte-order mark.
pub fn first_significant_byte(bytes: &[u8]) -> Option<u8> {
    let bytes = bytes.strip_prefix(BOM).unwrap_or(bytes);
    bytes.iter().copied().find(|b| !b.is_ascii_whitespace())
}

/// The format the content itself shows, when it shows one clearly.
///
/// - first significant byte `{` → JSON Lines;
/// - starts with `<!doctype html` or `<html` (after whitespace, a byte-order mark, an XML
///   declaration or comments), or has a `<body` tag anywhere in `bytes` → HTML;
/// - anything else → `None` (plain text, or let the extension decide).
pub fn sniff_content(bytes: &[u8]) -> Option<InputFormat> {
    match first_significant_byte(bytes) {
        Some(b'{') => Some(InputFormat::Jsonl),
        Some(_) if looks_like_html(bytes) => Some(InputFormat::Html),
        _ => None,
    }
}

/// True when `bytes` is recognisably an HTML page (see [`sniff_content`]).
pub fn looks_like_html(bytes: &[u8]) -> bool {
    let mut rest = bytes.strip_prefix(BOM).unwrap_or(bytes);
    loop {
        rest = trim_ascii_start(rest);
        if starts_with_ignore_case(rest, b"<?xml") {
            match find(rest, b"?>") {
                Some(end) => rest = &rest[end + 2..],
                None => break,
            }
        } else if rest.starts_with(b"<!--") {
            match find(rest, b"-->") {
                Some(end) => rest = &rest[end + 3..],
                None => break,
            }
        } else {
            break;
        }
    }
    if starts_with_ignore_case(rest, b"<!doctype html") || starts_with_ignore_case(rest, b"<html") {
        return true;
    }
    has_body_tag(bytes)
}

/// Why the leading bytes look like a binary file, or `None` when they look like text.
///
/// Looks at the first `BINARY_SAMPLE` (1 KiB) bytes: a UTF-16 byte-order mark, any NUL byte, or
/// more than 30 % control bytes (other than tab, line feed, carriage return, form feed).
pub fn binary_reason(head: &[u8]) -> Option<&'static str> {
    let sample = &head[..head.len().min(BINARY_SAMPLE)];
    if sample.starts_with(b"\xFF\xFE") || sample.starts_with(b"\xFE\xFF") {
        return Some("UTF-16 byte-order mark; convert it to UTF-8");
    }
    if sample.contains(&0) {
        return Some("NUL bytes");
    }
    let control = sample
        .iter()
        .filter(|&&b| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c)) || b == 0x7f)
        .count();
    if !sample.is_empty() && control * 10 > sample.len() * 3 {
        return Some("mostly control bytes");
    }
    None
}

fn trim_ascii_start(bytes: &[u8]) -> &[u8] {
    let skip = bytes.iter().take_while(|b| b.is_ascii_whitespace()).count();
    &bytes[skip..]
}

fn starts_with_ignore_case(bytes: &[u8], prefix: &[u8]) -> bool {
    bytes.len() >= prefix.len() && bytes[..prefix.len()].eq_ignore_ascii_case(prefix)
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// A `<body` tag: `<body` followed by `>`, `/` or whitespace, any case.
fn has_body_tag(bytes: &[u8]) -> bool {
    bytes.windows(6).any(|w| {
        w[0] == b'<'
            && w[1..5].eq_ignore_ascii_case(b"body")
            && (w[5] == b'>' || w[5] == b'/' || w[5].is_ascii_whitespace())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extension_decides_known_formats() {
        assert_eq!(
            format_from_extension(Path::new("a/b.txt")),
            Some(InputFormat::Text)
        );
        assert_eq!(
            format_from_extension(Path::new("b.HTML")),
            Some(InputFormat::Html)
        );
        assert_eq!(
            format_from_extension(Path::new("b.htm")),
            Some(InputFormat::Html)
        );
        assert_eq!(
            format_from_extension(Path::new("b.jsonl")),
            Some(InputFormat::Jsonl)
        );
        assert_eq!(
            format_from_extension(Path::new("b.ndjson")),
            Some(InputFormat::Jsonl)
        );
        assert_eq!(format_from_extension(Path::new("b.md")), None);
        assert_eq!(format_from_extension(Path::new("README")), None);
    }

    #[test]
    fn sniffs_jsonl_by_first_significant_char() {
        assert_eq!(
            sniff_content(b"\n\n  {\"id\": \"a\"}"),
            Some(InputFormat::Jsonl)
        );
        assert_eq!(
            sniff_content(b"\xEF\xBB\xBF{\"id\": 1}"),
            Some(InputFormat::Jsonl)
        );
        assert_eq!(sniff_content(b"Rebels {claim} a town"), None);
    }

    #[test]
    fn sniffs_html_pages() {
        assert_eq!(
            sniff_content(b"  <!DOCTYPE html><html></html>"),
            Some(InputFormat::Html)
        );
        assert_eq!(
            sniff_content(b"<html lang=\"en\">"),
            Some(InputFormat::Html)
        );
        assert_eq!(
            sniff_content(b"<?xml version=\"1.0\"?>\n<!-- saved -->\n<HTML>"),
            Some(InputFormat::Html)
        );
        assert_eq!(
            sniff_content(b"<div>x</div>\n<BODY class=x>hi</body>"),
            Some(InputFormat::Html)
        );
        assert_eq!(sniff_content(b"<p>only a fragment</p>"), None);
        assert_eq!(
            sniff_content(b"Troops reached the town.\nNo markup here."),
            None
        );
        assert_eq!(sniff_content(b"The <bodyguard> was hurt."), None);
        assert_eq!(sniff_content(b""), None);
    }

    #[test]
    fn detects_binary_content() {
        assert_eq!(
            binary_reason(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
            Some("NUL bytes")
        );
        assert!(binary_reason(b"\xFF\xFEh\0i\0").is_some_and(|r| r.contains("UTF-16")));
        let controls: Vec<u8> = (0..200u32)
            .map(|i| if i % 2 == 0 { 0x01 } else { b'a' })
            .collect();
        assert_eq!(binary_reason(&controls), Some("mostly control bytes"));
        assert_eq!(
            binary_reason(b"Plain text\twith tabs\r\nand lines\x0c"),
            None
        );
        assert_eq!(binary_reason("Ünïcödé text – fine".as_bytes()), None);
        assert_eq!(binary_reason(b""), None);
    }

    #[test]
    fn nul_after_the_sample_is_not_binary() {
        let mut bytes = vec![b'a'; BINARY_SAMPLE];
        bytes.push(0);
        assert_eq!(binary_reason(&bytes), None);
    }
}
