//! `sitrep export`: the fused events of the record as CSV (ACLED columns), GeoJSON, JSON Lines
//! or Parquet (`sitrep_export`), on stdout or into a file.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context};
use clap::{Args, ValueEnum};
use sitrep_export::{ExportError, Summary};
use sitrep_store::{Filter, Store};

use super::ingest::DEFAULT_DB;
use super::{plural, report};

/// The formats of `export`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(super) enum ExportFormat {
    /// Comma-separated values, ACLED's column names (then sitrep's own columns).
    Csv,
    /// A GeoJSON FeatureCollection of points (events without coordinates are left out).
    Geojson,
    /// JSON Lines, the same lines as `sitrep events`.
    Jsonl,
    /// Apache Parquet, typed columns like the CSV (needs -o FILE).
    Parquet,
}

#[derive(Debug, Args)]
pub(super) struct ExportArgs {
    /// Output format.
    #[arg(long, value_enum)]
    format: ExportFormat,

    /// The database file written by `sitrep ingest`.
    #[arg(long, value_name = "FILE", default_value = DEFAULT_DB)]
    db: PathBuf,

    /// Write to FILE instead of stdout (required for parquet).
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,

    /// Which events (the same filters as `sitrep events`).
    #[command(flatten)]
    filters: super::events::FilterArgs,
}

/// Run `export`.
pub(super) fn run(args: ExportArgs, verbose: u8) -> anyhow::Result<ExitCode> {
    if args.format == ExportFormat::Parquet && args.output.is_none() {
        bail!("parquet is a binary format: give a file with -o FILE");
    }
    if !args.db.exists() {
        bail!(
            "{}: no such store; run `sitrep ingest --db {0} PATH...` first",
            args.db.display()
        );
    }
    let store = Store::open(&args.db)?;
    let filter = args.filters.filter();
    let format = args.format;
    let result = match &args.output {
        Some(path) => to_file(&store, &filter, format, path),
        None => {
            let stdout = io::stdout();
            write(&store, &filter, format, BufWriter::new(stdout.lock()))
        }
    };
    let summary = match result {
        Ok(summary) => summary,
        // Whoever reads stdout is gone (`| head`): stop quietly.
        Err(e) if e.is_broken_pipe() => return Ok(ExitCode::SUCCESS),
        Err(e) => {
            return Err(e).with_context(|| match &args.output {
                Some(path) => format!("cannot export to {}", path.display()),
                None => "cannot export".to_string(),
            })
        }
    };
    if summary.skipped_without_coordinates > 0 {
        report(&format!(
            "{} without coordinates left out of the GeoJSON",
            plural(summary.skipped_without_coordinates, "event")
        ));
    }
    if verbose > 0 || args.output.is_some() {
        let to = args
            .output
            .as_ref()
            .map_or_else(|| "stdout".to_string(), |p| p.display().to_string());
        report(&format!(
            "{} exported to {to}",
            plural(summary.written, "event")
        ));
    }
    Ok(ExitCode::SUCCESS)
}

/// Export into `path`; a file left half-written by a failure is removed.
fn to_file(
    store: &Store,
    filter: &Filter,
    format: ExportFormat,
    path: &Path,
) -> Result<Summary, ExportError> {
    let out = BufWriter::new(File::create(path)?);
    let result = match format {
        ExportFormat::Parquet => sitrep_export::write_parquet(store, filter, out),
        _ => write(store, filter, format, out),
    };
    if result.is_err() {
        let _ = std::fs::remove_file(path);
    }
    result
}

/// A text format into `out` (parquet goes to files only, see [`to_file`]).
fn write<W: Write>(
    store: &Store,
    filter: &Filter,
    format: ExportFormat,
    out: W,
) -> Result<Summary, ExportError> {
    match format {
        ExportFormat::Csv => sitrep_export::write_csv(store, filter, out),
        ExportFormat::Geojson => sitrep_export::write_geojson(store, filter, out),
        ExportFormat::Jsonl => sitrep_export::write_jsonl(store, filter, out),
        ExportFormat::Parquet => Err(ExportError::Io(io::Error::new(
            io::ErrorKind::InvalidInput,
            "parquet is written to files only",
        ))),
    }
}
