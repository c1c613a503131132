//! `sitrep timeline`: fused events per day and running tolls per campaign and side, as JSON.

use std::io::{self, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::{Args, ValueEnum};

use super::events::{open_store, FilterArgs};
use super::ingest::DEFAULT_DB;

/// Output formats of `timeline`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(super) enum TimelineFormat {
    /// One JSON object: `{"days": [...], "series": [...]}`.
    Json,
    /// JSON Lines: one toll series per line.
    Jsonl,
}

#[derive(Debug, Args)]
pub(super) struct TimelineArgs {
    /// The database file written by `sitrep ingest`.
    #[arg(long, value_name = "FILE", default_value = DEFAULT_DB)]
    db: PathBuf,

    /// Output format.
    #[arg(long, value_enum, default_value_t = TimelineFormat::Json)]
    format: TimelineFormat,

    #[command(flatten)]
    filter: FilterArgs,
}

/// Run `timeline`.
pub(super) fn run(args: TimelineArgs) -> anyhow::Result<ExitCode> {
    let store = open_store(&args.db)?;
    let timeline = store.timeline(&args.filter.filter())?;
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let written = match args.format {
        TimelineFormat::Json => serde_json::to_writer(&mut out, &timeline)
            .map_err(io::Error::from)
            .and_then(|()| out.write_all(b"\n")),
        TimelineFormat::Jsonl => timeline.series.iter().try_for_each(|s| {
            serde_json::to_writer(&mut out, s)
                .map_err(io::Error::from)
                .and_then(|()| out.write_all(b"\n"))
        }),
    }
    .and_then(|()| out.flush());
    match written {
        Ok(()) => Ok(ExitCode::SUCCESS),
        // Whoever reads stdout is gone (`| head`): stop quietly.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(ExitCode::SUCCESS),
        Err(e) => Err(e).context("cannot write to stdout"),
    }
}
