//! Reading the data files: comment and blank lines, TAB-separated fields, "|"-lists.

use crate::ActorsError;

/// The non-comment, non-blank lines of a data file with their 1-based line numbers.
pub(crate) fn rows(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim_end_matches('\r')))
        .filter(|(_, l)| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
}

/// The TAB-separated fields of a row, trimmed.
pub(crate) fn fields(line: &str) -> Vec<&str> {
    line.split('\t').map(str::trim).collect()
}

/// The non-empty items of a "|"-separated list, trimmed.
pub(crate) fn list(field: &str) -> Vec<&str> {
    field.split('|').map(str::trim).filter(|s| !s.is_empty()).collect()
}

/// A parse error at `file:line`.
pub(crate) fn err(file: &'static str, line: usize, msg: impl Into<String>) -> ActorsError {
    ActorsError::Parse { file, line, msg: msg.into() }
}

/// Field `i` of a row, or a parse error naming it.
pub(crate) fn field<'a>(f: &[&'a str], i: usize, file: &'static str, line: usize, name: &str) -> Result<&'a str, ActorsError> {
    f.get(i).copied().ok_or_else(|| err(file, line, format!("missing column {}: {name}", i + 1)))
}

/// An ACLED actor type code (1..=8).
pub(crate) fn acled_type(s: &str, file: &'static str, line: usize) -> Result<u8, ActorsError> {
    match s.parse::<u8>() {
        Ok(t @ 1..=8) => Ok(t),
        _ => Err(err(file, line, format!("ACLED type must be 1..=8, got {s:?}"))),
    }
}
