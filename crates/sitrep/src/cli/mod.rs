//! Argument parsing, logging and the pieces the subcommands share.

mod bench;
mod bench_store;
mod events;
mod export;
mod extract;
mod ingest;
mod parallel;
mod serve;
mod timeline;

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use clap::{Args, Parser, Subcommand, ValueEnum};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use tracing_subscriber::EnvFilter;

/// The environment variable holding the log filter (`info`, `sitrep=debug`, ...).
const LOG_ENV: &str = "SITREP_LOG";

#[derive(Debug, Parser)]
#[command(
    name = "sitrep",
    version,
    about = "Turn news reports about armed conflict into structured casualty and event data.",
    long_about = None,
    after_help = "Logs go to stderr; set SITREP_LOG (e.g. SITREP_LOG=debug) to choose what is logged."
)]
struct Cli {
    /// Log more on stderr (-v info and a summary line, -vv debug, -vvv trace).
    #[arg(short, long, action = clap::ArgAction::Count, global = true)]
    verbose: u8,

    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Extract events from reports: one JSON object per document on stdout, in input order.
    Extract(ExtractArgs),
    /// Time the extraction pipeline on reports, on 1 thread and on all cores (nothing is written).
    Bench(BenchArgs),
    /// Extract reports and store them in the record (a SQLite file), fusing reports of the same
    /// incident into one event; reports stored before are skipped.
    Ingest(ingest::IngestArgs),
    /// Print the fused events of the record: one JSON object per event on stdout.
    Events(events::EventsArgs),
    /// Serve the record over HTTP: a JSON API and the web desk (map, timeline, evidence).
    Serve(serve::ServeArgs),
    /// Print the record's timeline as JSON: fused events per day, and running tolls per
    /// campaign (place) and side, each point with the report and words behind it.
    Timeline(timeline::TimelineArgs),
    /// Write the fused events of the record as CSV (ACLED columns), GeoJSON, JSON Lines or
    /// Parquet, on stdout or into a file (-o).
    Export(export::ExportArgs),
    /// Time the record: ingest throughput (pipeline and store apart) and query latency over
    /// generated events (1 million by default).
    BenchStore(bench_store::BenchStoreArgs),
}

/// Output formats of `extract` and `events`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum OutputFormat {
    /// JSON Lines: one object per document (per fused event for `events`).
    Jsonl,
}

#[derive(Debug, Args)]
struct ExtractArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Jsonl)]
    format: OutputFormat,

    /// Worker threads [default: the number of cores].
    #[arg(long, short = 'j', value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    threads: Option<u16>,

    /// Report files (.txt, .html, .jsonl) or folders, walked recursively; `-` reads stdin.
    #[arg(value_name = "PATH", required = true)]
    paths: Vec<PathBuf>,
}

#[derive(Debug, Args)]
struct BenchArgs {
    /// Threads of the parallel run [default: the number of cores].
    #[arg(long, short = 'j', value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    threads: Option<u16>,

    /// Runs of each timing; the best is kept.
    #[arg(long, value_name = "R", default_value_t = 3, value_parser = clap::value_parser!(u32).range(1..))]
    repeat: u32,

    /// Print one JSON object instead of text lines.
    #[arg(long)]
    json: bool,

    /// Report files (.txt, .html, .jsonl) or folders, walked recursively; `-` reads stdin.
    #[arg(value_name = "PATH", required = true)]
    paths: Vec<PathBuf>,
}

/// Parse the command line, run the subcommand, turn the outcome into an exit code:
/// 0 all well, 1 some input failed or a fatal error, 2 usage error (from clap).
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    init_logging(cli.verbose);
    let result = match cli.command {
        Command::Extract(args) => extract::run(args, cli.verbose),
        Command::Bench(args) => bench::run(args),
        Command::Ingest(args) => ingest::run(args, cli.verbose),
        Command::Events(args) => events::run(args),
        Command::Serve(args) => serve::run(args),
        Command::Timeline(args) => timeline::run(args),
        Command::Export(args) => export::run(args, cli.verbose),
        Command::BenchStore(args) => bench_store::run(args),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            report_error(None, &format!("{e:#}"));
            ExitCode::from(1)
        }
    }
}

/// Logs to stderr, filtered by `SITREP_LOG`, else by the `-v` count (default: warnings).
fn init_logging(verbose: u8) {
    let default = match verbose {
        0 => "warn",
        1 => "info",
        2 => "debug",
        _ => "trace",
    };
    let (filter, bad_env) = match std::env::var(LOG_ENV) {
        Ok(spec) if !spec.trim().is_empty() => match EnvFilter::try_new(&spec) {
            Ok(filter) => (filter, None),
            Err(e) => (
                EnvFilter::new(default),
                Some(format!("{LOG_ENV}={spec:?} ignored: {e}")),
            ),
        },
        _ => (EnvFilter::new(default), None),
    };
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(io::stderr)
        .with_ansi(io::stderr().is_terminal())
        .with_target(false)
        .try_init();
    if let Some(msg) = bad_env {
        tracing::warn!("{msg}");
    }
}

/// The worker count: `requested`, else the number of cores.
fn thread_count(requested: Option<u16>) -> usize {
    match requested {
        Some(n) => usize::from(n),
        None => std::thread::available_parallelism().map_or(1, |n| n.get()),
    }
}

/// One line on stderr: `sitrep: error: <msg>`, drawn around the progress bar if there is one.
/// A failing stderr is ignored: there is nowhere left to say so.
fn report_error(progress: Option<&ProgressBar>, msg: &str) {
    let print = || {
        let _ = writeln!(io::stderr().lock(), "sitrep: error: {msg}");
    };
    match progress {
        Some(bar) => bar.suspend(print),
        None => print(),
    }
}

/// Every document under `paths`, read whole into memory (for the benchmarks), and how many
/// inputs failed; each failure is reported on stderr.
fn read_all(paths: Vec<std::path::PathBuf>) -> (Vec<sitrep::Document>, u64) {
    let mut docs = Vec::new();
    let mut errors = 0u64;
    for item in sitrep_ingest::ingest(paths) {
        match item {
            Ok(doc) => docs.push(doc),
            Err(e) => {
                report_error(None, &e.to_string());
                errors += 1;
            }
        }
    }
    (docs, errors)
}

/// A plain line on stderr (summaries).
fn report(msg: &str) {
    let _ = writeln!(io::stderr().lock(), "sitrep: {msg}");
}

/// `1 document`, `2 documents`.
fn plural(n: u64, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// A spinner with a document count and rate on stderr, only when stderr is a terminal.
fn progress_bar() -> Option<ProgressBar> {
    if !io::stderr().is_terminal() {
        return None;
    }
    let style = ProgressStyle::with_template(
        "{spinner} {human_pos} documents ({rate} docs/s) {elapsed} {msg}",
    )
    .unwrap_or_else(|_| ProgressStyle::default_spinner())
    .with_key(
        "rate",
        |state: &indicatif::ProgressState, w: &mut dyn std::fmt::Write| {
            let _ = write!(w, "{:.0}", state.per_sec());
        },
    );
    let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr()).with_style(style);
    bar.enable_steady_tick(Duration::from_millis(120));
    Some(bar)
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn plural_forms() {
        assert_eq!(plural(1, "error"), "1 error");
        assert_eq!(plural(0, "error"), "0 errors");
        assert_eq!(plural(598, "document"), "598 documents");
    }
}
