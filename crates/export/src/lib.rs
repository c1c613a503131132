//! Sink: the record's fused events (`sitrep_store`) in the formats other tools read.
//!
//! - [`write_csv`]: ACLED's columns where they apply, then ours ([`COLUMNS`]); see [`Row`].
//! - [`write_geojson`]: a FeatureCollection of Point features (RFC 7946: `[lon, lat]`), the
//!   [`Row`] as flat properties (QGIS reads them as attribute columns); events without
//!   coordinates are left out and counted.
//! - [`write_jsonl`]: the lines of `sitrep events --format jsonl`.
//! - [`write_parquet`]: the [`Row`] columns, typed (dates as `Date32`, counts as `Int64`,
//!   coordinates as `Float64`, nulls where unknown), Snappy-compressed, in row groups of
//!   [`PARQUET_ROW_GROUP`] rows.
//!
//! Every writer streams: events come one at a time from [`Store::for_each_event`], so memory
//! stays bounded by one event (one row group for Parquet) whatever the store's size.
//!
//! ```
//! use sitrep_store::{synthetic, Filter, Store};
//!
//! let mut store = Store::open_in_memory()?;
//! synthetic::generate(&mut store, &synthetic::Spec { events: 20, seed: 1 })?;
//! let mut csv = Vec::new();
//! let done = sitrep_export::write_csv(&store, &Filter::default(), &mut csv)?;
//! assert_eq!(done.written, 20);
//! assert!(csv.starts_with(b"event_id_cnty,event_date,year,time_precision,"));
//! # Ok::<(), sitrep_export::ExportError>(())
//! ```

mod parquet_sink;
mod row;

use std::io::{self, Write};
use std::ops::ControlFlow;

use serde::Serialize;
use sitrep_store::{Filter, FusedEvent, Store, StoreError};

pub use parquet_sink::{write_parquet, PARQUET_ROW_GROUP};
pub use row::{Flattener, Row, COLUMNS};

/// What can go wrong while exporting.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// Reading the store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// Writing the output failed.
    #[error("cannot write the output: {0}")]
    Io(#[from] io::Error),
    /// The CSV writer failed (other than by I/O).
    #[error("cannot write CSV: {0}")]
    Csv(String),
    /// The Parquet writer failed.
    #[error("cannot write Parquet: {0}")]
    Parquet(#[from] parquet::errors::ParquetError),
    /// Building the Parquet columns failed.
    #[error("cannot build the Parquet columns: {0}")]
    Arrow(#[from] arrow_schema::ArrowError),
    /// A value could not be turned into JSON.
    #[error("cannot write JSON: {0}")]
    Json(#[from] serde_json::Error),
}

impl ExportError {
    /// True when the output's reader went away (`| head`): a reason to stop quietly.
    pub fn is_broken_pipe(&self) -> bool {
        matches!(self, ExportError::Io(e) if e.kind() == io::ErrorKind::BrokenPipe)
    }
}

impl From<csv::Error> for ExportError {
    fn from(e: csv::Error) -> Self {
        match e.into_kind() {
            csv::ErrorKind::Io(e) => ExportError::Io(e),
            other => ExportError::Csv(format!("{other:?}")),
        }
    }
}

/// The output formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Comma-separated values with a header line, ACLED's column names.
    Csv,
    /// A GeoJSON FeatureCollection of points.
    Geojson,
    /// JSON Lines, one fused event per line.
    Jsonl,
    /// Apache Parquet (binary: written to a file, not to a terminal or pipe).
    Parquet,
}

/// What an export wrote.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    /// Events written.
    pub written: u64,
    /// Events left out because they have no coordinates (GeoJSON only).
    pub skipped_without_coordinates: u64,
}

/// Now, in Unix seconds: the `timestamp` column.
pub fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
}

/// Walk the events that pass `filter`, stopping at the first error `f` returns.
pub(crate) fn each_event(
    store: &Store,
    filter: &Filter,
    mut f: impl FnMut(FusedEvent) -> Result<(), ExportError>,
) -> Result<(), ExportError> {
    let mut failure = None;
    store.for_each_event(filter, |event| match f(event) {
        Ok(()) => ControlFlow::Continue(()),
        Err(e) => {
            failure = Some(e);
            ControlFlow::Break(())
        }
    })?;
    failure.map_or(Ok(()), Err)
}

/// Write the events that pass `filter` as CSV: the header ([`COLUMNS`]) and one line per
/// event, even when no event passes.
pub fn write_csv<W: Write>(store: &Store, filter: &Filter, out: W) -> Result<Summary, ExportError> {
    let mut writer = csv::WriterBuilder::new()
        .has_headers(false)
        .from_writer(out);
    writer.write_record(COLUMNS)?;
    let mut flat = Flattener::new(now());
    let mut summary = Summary::default();
    each_event(store, filter, |event| {
        writer.serialize(flat.row(&event))?;
        summary.written += 1;
        Ok(())
    })?;
    writer.flush()?;
    Ok(summary)
}

/// Write the events that pass `filter` as JSON Lines, the same lines as `sitrep events`.
pub fn write_jsonl<W: Write>(
    store: &Store,
    filter: &Filter,
    mut out: W,
) -> Result<Summary, ExportError> {
    let mut summary = Summary::default();
    each_event(store, filter, |event| {
        serde_json::to_writer(&mut out, &event)?;
        out.write_all(b"\n")?;
        summary.written += 1;
        Ok(())
    })?;
    out.flush()?;
    Ok(summary)
}

#[derive(Serialize)]
struct Feature<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    id: &'a str,
    geometry: Point,
    properties: &'a Row,
}

#[derive(Serialize)]
struct Point {
    #[serde(rename = "type")]
    kind: &'static str,
    /// RFC 7946: longitude first.
    coordinates: [f64; 2],
}

/// Write the events that pass `filter` as a GeoJSON FeatureCollection of points, one feature
/// per event with coordinates (`id` = `event_id`, properties = the [`Row`]); the others are
/// counted in [`Summary::skipped_without_coordinates`].
pub fn write_geojson<W: Write>(
    store: &Store,
    filter: &Filter,
    mut out: W,
) -> Result<Summary, ExportError> {
    out.write_all(b"{\"type\":\"FeatureCollection\",\"features\":[\n")?;
    let mut flat = Flattener::new(now());
    let mut summary = Summary::default();
    each_event(store, filter, |event| {
        let row = flat.row(&event);
        let (Some(lat), Some(lon)) = (row.latitude, row.longitude) else {
            summary.skipped_without_coordinates += 1;
            return Ok(());
        };
        if summary.written > 0 {
            out.write_all(b",\n")?;
        }
        let feature = Feature {
            kind: "Feature",
            id: &row.event_id_cnty,
            geometry: Point {
                kind: "Point",
                coordinates: [lon, lat],
            },
            properties: &row,
        };
        serde_json::to_writer(&mut out, &feature)?;
        summary.written += 1;
        Ok(())
    })?;
    out.write_all(b"\n]}\n")?;
    out.flush()?;
    Ok(summary)
}

#[cfg(test)]
mod tests;
