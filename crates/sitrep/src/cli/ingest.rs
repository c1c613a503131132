//! `sitrep ingest`: extract reports and store them in the record (`sitrep_store`), fusing
//! reports of the same incident.
//!
//! ```text
//! reader thread ──(bounded)──► N workers ──(bounded)──► store writer (this thread)
//!   walk + read + sniff          HTML extraction,         reorder buffer (input order, so
//!                                pipeline.process,        fusion and event ids do not depend
//!                                noise spans (clean)      on thread timing), batches
//! ```
//!
//! **Batches.** Reports are written in transactions of at most [`BATCH_SIZE`] reports, and a
//! batch is committed early once [`BATCH_INTERVAL`] has passed since the last commit, so a
//! slow stream (stdin) is stored as it comes. A kill or crash loses only the batch in flight:
//! SQLite rolls it back, every committed batch stays, and running the same ingest again skips
//! the stored reports (same id and text) and stores the rest.
//!
//! **Errors.** A report that cannot be read, parsed or stored gets one line on stderr,
//! `sitrep: error: <origin>: <reason>`, like `extract`; the rest of the batch is stored and
//! the exit code is 1 at the end. A failure of the database itself (disk full, lock held past
//! the timeout) stops the run.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use anyhow::Context;
use clap::Args;
use indicatif::ProgressBar;
use sitrep::{DocResult, Document, Pipeline, Span};
use sitrep_store::{Outcome as Stored, Report, Store};

use super::parallel::{Harness, Next, Outcome};
use super::{plural, progress_bar, report, report_error, thread_count};

/// The default database file, in the working directory.
pub(super) const DEFAULT_DB: &str = "sitrep.db";
/// Most reports per transaction.
pub(super) const BATCH_SIZE: usize = 256;
/// A batch is committed once this long has passed since the last commit.
const BATCH_INTERVAL: Duration = Duration::from_secs(2);

#[derive(Debug, Args)]
pub(super) struct IngestArgs {
    /// The database file (created if missing).
    #[arg(long, value_name = "FILE", default_value = DEFAULT_DB)]
    db: PathBuf,

    /// Worker threads [default: the number of cores].
    #[arg(long, short = 'j', value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    threads: Option<u16>,

    /// Report files (.txt, .html, .jsonl) or folders, walked recursively; `-` reads stdin.
    #[arg(value_name = "PATH", required = true)]
    paths: Vec<PathBuf>,
}

/// A processed report, ready to store.
struct Processed {
    doc: Document,
    result: DocResult,
    noise: Vec<Span>,
}

/// What was stored.
#[derive(Debug, Default)]
struct Tally {
    added: u64,
    unchanged: u64,
    replaced: u64,
    errors: u64,
}

impl Tally {
    fn documents(&self) -> u64 {
        self.added + self.unchanged + self.replaced
    }
}

/// Run `ingest`; the exit code is 1 when any input failed.
pub(super) fn run(args: IngestArgs, verbose: u8) -> anyhow::Result<ExitCode> {
    let mut store = Store::open(&args.db)?;
    let threads = thread_count(args.threads);
    let pipeline = Pipeline::new();
    let mut harness = Harness::start(args.paths, threads, move |doc| {
        let result = pipeline.process(&doc);
        let noise = sitrep_clean::clean(&doc.text, doc.format)
            .noise
            .iter()
            .map(|n| n.span)
            .collect();
        Outcome::Done(Box::new(Processed { doc, result, noise }))
    })?;

    let progress = progress_bar();
    let tally = store_in_order(&mut store, &mut harness, progress.as_ref())?;
    if let Some(bar) = &progress {
        bar.finish_and_clear();
    }
    let finish = harness.finish();
    let (lost, missing) = (finish.lost, finish.missing);
    if lost > 0 || missing > 0 {
        report_error(
            None,
            "internal error: a pipeline thread died; some documents were not stored",
        );
    }
    let errors = tally.errors + missing + lost;
    if tally.documents() + errors == 0 {
        report("warning: no input documents found");
    }
    if errors > 0 || progress.is_some() || verbose > 0 {
        let counts = store.counts()?;
        report(&format!(
            "{} ({} new, {} unchanged, {} replaced), {}; {} holds {} and {}",
            plural(tally.documents(), "document"),
            tally.added,
            tally.unchanged,
            tally.replaced,
            plural(errors, "error"),
            args.db.display(),
            plural(counts.documents, "document"),
            plural(counts.clusters, "fused event"),
        ));
    }
    Ok(if errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// The writer: take results in input order and store them in batches.
fn store_in_order(
    store: &mut Store,
    harness: &mut Harness<Box<Processed>>,
    progress: Option<&ProgressBar>,
) -> anyhow::Result<Tally> {
    let mut tally = Tally::default();
    let mut batch: Vec<Processed> = Vec::with_capacity(BATCH_SIZE);
    let mut last_commit = Instant::now();

    loop {
        let wait = BATCH_INTERVAL.saturating_sub(last_commit.elapsed());
        match harness.next(Some(wait)) {
            Next::Item(Outcome::Done(p)) => batch.push(*p),
            Next::Item(Outcome::Failed(msg)) => {
                report_error(progress, &msg);
                tally.errors += 1;
                if let Some(bar) = progress {
                    bar.inc(1);
                    bar.set_message(plural(tally.errors, "error"));
                }
            }
            Next::Timeout => {}
            Next::Done => break,
        }
        if batch.len() >= BATCH_SIZE || last_commit.elapsed() >= BATCH_INTERVAL {
            commit(store, &mut batch, &mut tally, progress)?;
            last_commit = Instant::now();
        }
    }
    commit(store, &mut batch, &mut tally, progress)?;
    Ok(tally)
}

/// Store a batch in one transaction and empty it.
fn commit(
    store: &mut Store,
    batch: &mut Vec<Processed>,
    tally: &mut Tally,
    progress: Option<&ProgressBar>,
) -> anyhow::Result<()> {
    if batch.is_empty() {
        return Ok(());
    }
    let reports: Vec<Report<'_>> = batch
        .iter()
        .map(|p| Report {
            doc: &p.doc,
            result: &p.result,
            noise: &p.noise,
        })
        .collect();
    let started = Instant::now();
    let results = store.ingest_batch(&reports).with_context(|| {
        format!(
            "cannot store a batch of {}",
            plural(reports.len() as u64, "document")
        )
    })?;
    tracing::debug!(
        documents = reports.len(),
        elapsed_ms = u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX),
        "batch stored"
    );
    for (p, result) in batch.iter().zip(results) {
        match result {
            Ok(done) => match done.outcome {
                Stored::Added => tally.added += 1,
                Stored::Unchanged => tally.unchanged += 1,
                Stored::Replaced => tally.replaced += 1,
            },
            Err(e) => {
                report_error(progress, &format!("{}: cannot store: {e}", p.doc.origin));
                tally.errors += 1;
            }
        }
        if let Some(bar) = progress {
            bar.inc(1);
        }
    }
    if let Some(bar) = progress {
        if tally.errors > 0 {
            bar.set_message(plural(tally.errors, "error"));
        }
    }
    batch.clear();
    Ok(())
}
