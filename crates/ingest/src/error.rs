//! The one error type of ingest: every variant names where the problem is.

use std::io;

use thiserror::Error;

/// Why one input (a file, a JSON Lines line, stdin) could not become a [`Document`].
///
/// The [`Display`](std::fmt::Display) form is one human-readable line that starts with
/// the origin (`path`, `path:LINE` or `<stdin>`), e.g.
/// `reports/b.jsonl:7: missing field "text"`.
///
/// [`Document`]: sitrep_model::Document
#[derive(Debug, Error)]
pub enum IngestError {
    /// The path does not exist (or is a broken symbolic link).
    #[error("{origin}: no such file or directory")]
    NotFound {
        /// The path as given or found while walking a folder.
        origin: String,
    },
    /// The file or folder exists but could not be read.
    #[error("{origin}: cannot read: {error}")]
    Io {
        /// The path as given or found while walking a folder.
        origin: String,
        /// The operating system's reason.
        error: io::Error,
    },
    /// The content is not text: NUL bytes, mostly control bytes, or UTF-16.
    #[error("{origin}: binary file ({detail}), not text, HTML or JSON Lines")]
    Binary {
        /// The path (or `<stdin>`).
        origin: String,
        /// What gave it away.
        detail: &'static str,
    },
    /// The bytes are not valid UTF-8.
    #[error("{origin}: invalid UTF-8 at byte offset {offset}")]
    InvalidUtf8 {
        /// The path, or `path:LINE` for JSON Lines.
        origin: String,
        /// Offset of the first invalid byte from the start of the file.
        offset: u64,
    },
    /// The file (or stdin) is empty or holds only whitespace.
    #[error("{origin}: empty file (nothing but whitespace)")]
    Empty {
        /// The path (or `<stdin>`).
        origin: String,
    },
    /// An HTML page in which no visible text was found.
    #[error("{origin}: no article text found in the HTML page")]
    NoText {
        /// The path (or `<stdin>`).
        origin: String,
    },
    /// A JSON Lines line that is not valid JSON.
    #[error("{origin}: malformed JSON: {reason}")]
    MalformedJson {
        /// `path:LINE`.
        origin: String,
        /// The JSON parser's reason, with the column.
        reason: String,
    },
    /// A JSON Lines line that is valid JSON but not a report object.
    #[error("{origin}: {reason}")]
    BadRecord {
        /// `path:LINE`.
        origin: String,
        /// What is wrong: a missing field, a field of the wrong type, not an object.
        reason: String,
    },
}

impl IngestError {
    /// Where the problem is: a path, `path:LINE` for JSON Lines, or `<stdin>`.
    pub fn origin(&self) -> &str {
        match self {
            IngestError::NotFound { origin }
            | IngestError::Io { origin, .. }
            | IngestError::Binary { origin, .. }
            | IngestError::InvalidUtf8 { origin, .. }
            | IngestError::Empty { origin }
            | IngestError::NoText { origin }
            | IngestError::MalformedJson { origin, .. }
            | IngestError::BadRecord { origin, .. } => origin,
        }
    }

    /// An error for `origin` from an I/O failure, telling a missing path apart.
    pub fn from_io(origin: impl Into<String>, error: io::Error) -> Self {
        let origin = origin.into();
        if error.kind() == io::ErrorKind::NotFound {
            IngestError::NotFound { origin }
        } else {
            IngestError::Io { origin, error }
        }
    }
}
