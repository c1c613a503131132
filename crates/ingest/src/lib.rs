//! Stage 1 — ingest: paths in, documents out.
//!
//! [`ingest`] turns a list of paths into a lazy iterator of
//! `Result<Document, IngestError>`, in a deterministic order:
//!
//! - a folder is walked recursively, entries sorted by name, hidden (dot) entries skipped,
//!   symbolic-link loops not followed;
//! - `-` is standard input;
//! - the format comes from the extension (`.txt`, `.html`/`.htm`, `.jsonl`/`.ndjson`) unless
//!   the content clearly says otherwise (an HTML page, or `{` first → JSON Lines), see
//!   [`sniff_content`];
//! - JSON Lines are streamed line by line, other files are read whole (one document each).
//!
//! A bad input is an `Err` item of the stream, naming the file (and line); the items after
//! it still come.
//!
//! [`sources`] is the same walk with the costly step, HTML article extraction, left to the
//! caller ([`Pending::parse`]), so that a reader thread can hand it to worker threads.
//!
//! ```no_run
//! for item in sitrep_ingest::ingest(["reports/", "-"]) {
//!     match item {
//!         Ok(doc) => println!("{} ({} bytes)", doc.doc_id, doc.text.len()),
//!         Err(e) => eprintln!("error: {e}"),
//!     }
//! }
//! ```

mod error;
mod html;
mod jsonl;
mod sniff;

use std::collections::{HashSet, VecDeque};
use std::ffi::OsString;
use std::fs;
use std::io::{self, BufReader, Cursor, Read};
use std::path::{Path, PathBuf};

use sitrep_model::{Document, InputFormat};

pub use error::IngestError;
pub use html::{extract_article, parse_html, HtmlArticle};
pub use jsonl::parse_jsonl_line;
pub use sniff::{
    binary_reason, first_significant_byte, format_from_extension, looks_like_html, sniff_content,
};

use jsonl::JsonlStream;

/// The path that means standard input.
pub const STDIN_PATH: &str = "-";

/// The `origin` of documents read from standard input.
pub const STDIN_ORIGIN: &str = "<stdin>";

/// The `doc_id` of a plain-text or HTML document read from standard input.
pub const STDIN_DOC_ID: &str = "stdin";

/// Bytes read before deciding between JSON Lines and a whole-file format.
const HEAD_CHUNK: u64 = 8 * 1024;

/// Read every document under `paths` (files, folders, or `-` for stdin), lazily.
///
/// Nothing is opened until the iterator is advanced; at most one file is open at a time.
pub fn ingest<I>(paths: I) -> Ingest
where
    I: IntoIterator,
    I::Item: Into<PathBuf>,
{
    Ingest {
        sources: sources(paths),
    }
}

/// The lazy stream of documents returned by [`ingest`]. It is [`Send`], so it can be
/// driven from a reader thread.
#[derive(Debug)]
pub struct Ingest {
    sources: Sources,
}

impl Iterator for Ingest {
    type Item = Result<Document, IngestError>;

    fn next(&mut self) -> Option<Self::Item> {
        self.sources
            .next()
            .map(|item| item.and_then(Pending::parse))
    }
}

/// Walk `paths` like [`ingest`], but leave HTML article extraction to [`Pending::parse`]:
/// reading, sniffing and checking happen here, the costly parse wherever the caller wants.
pub fn sources<I>(paths: I) -> Sources
where
    I: IntoIterator,
    I::Item: Into<PathBuf>,
{
    Sources {
        roots: paths.into_iter().map(Into::into).collect(),
        dirs: Vec::new(),
        visited: HashSet::new(),
        stream: None,
    }
}

/// One input, read and checked, perhaps not yet parsed (see [`sources`]).
#[derive(Debug)]
pub struct Pending(PendingKind);

#[derive(Debug)]
enum PendingKind {
    Ready(Document),
    Html {
        content: String,
        doc_id: String,
        origin: String,
    },
}

impl Pending {
    /// Finish the document: extract an HTML page's article text (see [`parse_html`]).
    ///
    /// # Errors
    /// [`IngestError::NoText`] for an HTML page without visible text.
    pub fn parse(self) -> Result<Document, IngestError> {
        match self.0 {
            PendingKind::Ready(doc) => Ok(doc),
            PendingKind::Html {
                content,
                doc_id,
                origin,
            } => parse_html(&content, &doc_id, &origin),
        }
    }

    /// Where it came from: a path, `path:LINE`, or `<stdin>`.
    pub fn origin(&self) -> &str {
        match &self.0 {
            PendingKind::Ready(doc) => &doc.origin,
            PendingKind::Html { origin, .. } => origin,
        }
    }
}

/// The lazy stream of [`Pending`] inputs returned by [`sources`]; [`Send`].
pub struct Sources {
    /// Command-line paths not yet started.
    roots: VecDeque<PathBuf>,
    /// The folder walk in progress: one level per open folder, entries sorted by name.
    dirs: Vec<std::vec::IntoIter<Result<PathBuf, IngestError>>>,
    /// Canonical paths of the folders entered under the current root (loop guard).
    visited: HashSet<PathBuf>,
    /// The JSON Lines file being streamed.
    stream: Option<JsonlStream>,
}

impl std::fmt::Debug for Sources {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Sources")
            .field("roots_left", &self.roots.len())
            .field("depth", &self.dirs.len())
            .field("streaming", &self.stream.is_some())
            .finish()
    }
}

impl Iterator for Sources {
    type Item = Result<Pending, IngestError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(stream) = self.stream.as_mut() {
                match stream.next() {
                    Some(item) => return Some(item.map(|doc| Pending(PendingKind::Ready(doc)))),
                    None => self.stream = None,
                }
            }
            let (path, is_root) = if let Some(level) = self.dirs.last_mut() {
                match level.next() {
                    Some(Ok(path)) => (path, false),
                    Some(Err(e)) => return Some(Err(e)),
                    None => {
                        self.dirs.pop();
                        continue;
                    }
                }
            } else if let Some(root) = self.roots.pop_front() {
                self.visited.clear();
                (root, true)
            } else {
                return None;
            };
            if is_root && path.as_os_str() == STDIN_PATH {
                match open_source(Box::new(io::stdin()), STDIN_ORIGIN, STDIN_DOC_ID, None) {
                    Opened::One(item) => return Some(item),
                    Opened::Stream(stream) => {
                        self.stream = Some(stream);
                        continue;
                    }
                }
            }
            if let Some(item) = self.visit(&path, is_root) {
                return Some(item);
            }
        }
    }
}

impl Sources {
    /// Handle one path: a folder is pushed onto the walk, a JSON Lines file becomes the
    /// current stream, any other file gives its one item.
    fn visit(&mut self, path: &Path, is_root: bool) -> Option<Result<Pending, IngestError>> {
        let origin = path.display().to_string();
        let meta = match fs::metadata(path) {
            Ok(meta) => meta,
            Err(e) => return Some(Err(IngestError::from_io(origin, e))),
        };
        if meta.is_dir() {
            let canonical = match fs::canonicalize(path) {
                Ok(c) => c,
                Err(e) => return Some(Err(IngestError::from_io(origin, e))),
            };
            if !self.visited.insert(canonical) {
                tracing::debug!(path = %origin, "folder already visited (symbolic-link loop?): skipped");
                return None;
            }
            match list_dir(path) {
                Ok(entries) => self.dirs.push(entries.into_iter()),
                Err(e) => return Some(Err(IngestError::from_io(origin, e))),
            }
            return None;
        }
        if !is_root && !meta.is_file() {
            // FIFOs, sockets and devices met while walking a folder could block forever.
            tracing::debug!(path = %origin, "not a regular file: skipped");
            return None;
        }
        let file = match fs::File::open(path) {
            Ok(f) => f,
            Err(e) => return Some(Err(IngestError::from_io(origin, e))),
        };
        let doc_id = doc_id_of(path);
        match open_source(
            Box::new(file),
            &origin,
            &doc_id,
            format_from_extension(path),
        ) {
            Opened::One(item) => Some(item),
            Opened::Stream(stream) => {
                self.stream = Some(stream);
                None
            }
        }
    }
}

/// The non-hidden entries of a folder, sorted by name.
fn list_dir(path: &Path) -> io::Result<Vec<Result<PathBuf, IngestError>>> {
    let mut names: Vec<OsString> = Vec::new();
    let mut errors = Vec::new();
    for entry in fs::read_dir(path)? {
        match entry {
            Ok(entry) => {
                let name = entry.file_name();
                if name.as_encoded_bytes().first() != Some(&b'.') {
                    names.push(name);
                }
            }
            Err(e) => errors.push(Err(IngestError::from_io(path.display().to_string(), e))),
        }
    }
    names.sort();
    Ok(errors
        .into_iter()
        .chain(names.into_iter().map(|n| Ok(path.join(n))))
        .collect())
}

/// `doc_id` of a file: its name without the last extension.
fn doc_id_of(path: &Path) -> String {
    match path.file_stem() {
        Some(stem) if !stem.is_empty() => stem.to_string_lossy().into_owned(),
        _ => path.display().to_string(),
    }
}

/// What opening one source gave: a single item, or a JSON Lines stream to drain.
enum Opened {
    One(Result<Pending, IngestError>),
    Stream(JsonlStream),
}

/// Sniff a source and read it: JSON Lines become a stream, text and HTML one document.
fn open_source(
    mut reader: Box<dyn Read + Send>,
    origin: &str,
    doc_id: &str,
    by_extension: Option<InputFormat>,
) -> Opened {
    let fail = |e| Opened::One(Err(e));
    // Read a head: at least one chunk, more while it is all whitespace.
    let mut head = Vec::with_capacity(HEAD_CHUNK as usize);
    let mut eof = false;
    loop {
        match reader.by_ref().take(HEAD_CHUNK).read_to_end(&mut head) {
            Ok(n) if (n as u64) < HEAD_CHUNK => {
                eof = true;
                break;
            }
            Ok(_) if first_significant_byte(&head).is_some() => break,
            Ok(_) => {}
            Err(e) => return fail(IngestError::from_io(origin, e)),
        }
    }
    if let Some(detail) = binary_reason(&head) {
        return fail(IngestError::Binary {
            origin: origin.to_string(),
            detail,
        });
    }
    let first = first_significant_byte(&head);
    if first.is_none() && eof {
        return fail(IngestError::Empty {
            origin: origin.to_string(),
        });
    }
    let jsonl = first == Some(b'{')
        || (by_extension == Some(InputFormat::Jsonl) && !looks_like_html(&head));
    if jsonl {
        let reader = BufReader::with_capacity(64 * 1024, Cursor::new(head).chain(reader));
        return Opened::Stream(JsonlStream::new(Box::new(reader), origin.to_string()));
    }
    if !eof {
        if let Err(e) = reader.read_to_end(&mut head) {
            return fail(IngestError::from_io(origin, e));
        }
    }
    let content = match String::from_utf8(head) {
        Ok(s) => s,
        Err(e) => {
            let offset = e.utf8_error().valid_up_to() as u64;
            return fail(IngestError::InvalidUtf8 {
                origin: origin.to_string(),
                offset,
            });
        }
    };
    if by_extension == Some(InputFormat::Html) || looks_like_html(content.as_bytes()) {
        let (doc_id, origin) = (doc_id.to_string(), origin.to_string());
        Opened::One(Ok(Pending(PendingKind::Html {
            content,
            doc_id,
            origin,
        })))
    } else {
        Opened::One(parse_text(content, doc_id, origin).map(|doc| Pending(PendingKind::Ready(doc))))
    }
}

/// Make a plain-text [`Document`]: `text` is `content` unchanged (spans index into it),
/// `title` its first non-empty line, trimmed.
///
/// # Errors
/// [`IngestError::Empty`] when `content` is empty or only whitespace.
pub fn parse_text(content: String, doc_id: &str, origin: &str) -> Result<Document, IngestError> {
    let title = content
        .lines()
        .map(|l| l.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}'))
        .find(|l| !l.is_empty())
        .map(str::to_string);
    if title.is_none() {
        return Err(IngestError::Empty {
            origin: origin.to_string(),
        });
    }
    Ok(Document {
        doc_id: doc_id.to_string(),
        text: content,
        title,
        published: None,
        url: None,
        outlet: None,
        format: InputFormat::Text,
        origin: origin.to_string(),
    })
}

#[cfg(test)]
mod tests;
