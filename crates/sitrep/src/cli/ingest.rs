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

use std::collections::HashMap;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::thread;
use std::time::{Duration, Instant};

use anyhow::Context;
use clap::Args;
use crossbeam_channel::{bounded, Receiver, RecvTimeoutError, Sender};
use indicatif::ProgressBar;
use sitrep::{DocResult, Document, Pipeline, Span};
use sitrep_ingest::{IngestError, Pending};
use sitrep_store::{Outcome as Stored, Report, Store};

use super::extract::WORKER_STACK;
use super::{plural, progress_bar, report, report_error, thread_count};

/// The default database file, in the working directory.
pub(super) const DEFAULT_DB: &str = "sitrep.db";
/// Most reports per transaction.
pub(super) const BATCH_SIZE: usize = 256;
/// A batch is committed once this long has passed since the last commit.
const BATCH_INTERVAL: Duration = Duration::from_secs(2);
/// Documents in flight per worker thread.
const IN_FLIGHT_PER_THREAD: usize = 4;

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

enum Outcome {
    Done(Box<Processed>),
    /// A one-line message `<origin>: <reason>`.
    Failed(String),
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
    let in_flight = IN_FLIGHT_PER_THREAD * threads;
    let pipeline = Arc::new(Pipeline::new());

    let (work_tx, work_rx) = bounded::<(u64, Result<Pending, IngestError>)>(in_flight);
    let (done_tx, done_rx) = bounded::<(u64, Outcome)>(in_flight);
    let (token_tx, token_rx) = bounded::<()>(in_flight);
    for _ in 0..in_flight {
        token_tx.send(()).context("cannot start the pipeline")?;
    }
    let paths = args.paths;
    let reader = thread::Builder::new()
        .name("sitrep-reader".into())
        .spawn(move || read_inputs(paths, &work_tx, &token_rx))
        .context("cannot start the reader thread")?;
    let mut workers = Vec::with_capacity(threads);
    for i in 0..threads {
        let (work_rx, done_tx, pipeline) =
            (work_rx.clone(), done_tx.clone(), Arc::clone(&pipeline));
        let worker = thread::Builder::new()
            .name(format!("sitrep-worker-{i}"))
            .stack_size(WORKER_STACK)
            .spawn(move || work(&pipeline, &work_rx, &done_tx))
            .context("cannot start a worker thread")?;
        workers.push(worker);
    }
    drop((work_rx, done_tx));

    let progress = progress_bar();
    let (tally, missing) = store_in_order(&mut store, &done_rx, &token_tx, progress.as_ref())?;
    if let Some(bar) = &progress {
        bar.finish_and_clear();
    }
    drop((done_rx, token_tx));
    let mut lost = 0u64;
    if reader.join().is_err() {
        lost += 1;
    }
    for worker in workers {
        if worker.join().is_err() {
            lost += 1;
        }
    }
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

/// The reader thread: walk and read the inputs in order, one token per item sent.
fn read_inputs(
    paths: Vec<PathBuf>,
    work_tx: &Sender<(u64, Result<Pending, IngestError>)>,
    tokens: &Receiver<()>,
) {
    for (seq, item) in (0u64..).zip(sitrep_ingest::sources(paths)) {
        if tokens.recv().is_err() || work_tx.send((seq, item)).is_err() {
            return;
        }
    }
}

/// A worker thread: finish reading (HTML), run the pipeline, find the noise spans.
fn work(
    pipeline: &Pipeline,
    work_rx: &Receiver<(u64, Result<Pending, IngestError>)>,
    done_tx: &Sender<(u64, Outcome)>,
) {
    for (seq, item) in work_rx {
        let outcome = match item.and_then(Pending::parse) {
            Err(e) => Outcome::Failed(e.to_string()),
            Ok(doc) => {
                let processed = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    let result = pipeline.process(&doc);
                    let noise = sitrep_clean::clean(&doc.text, doc.format)
                        .noise
                        .iter()
                        .map(|n| n.span)
                        .collect();
                    (result, noise)
                }));
                match processed {
                    Ok((result, noise)) => {
                        Outcome::Done(Box::new(Processed { doc, result, noise }))
                    }
                    Err(panic) => Outcome::Failed(format!(
                        "{}: internal error: the pipeline panicked on this document: {}",
                        doc.origin,
                        panic
                            .downcast_ref::<&str>()
                            .copied()
                            .or_else(|| panic.downcast_ref::<String>().map(String::as_str))
                            .unwrap_or("unknown panic")
                    )),
                }
            }
        };
        if done_tx.send((seq, outcome)).is_err() {
            return;
        }
    }
}

/// The writer: put results back in input order and store them in batches. Returns the tally
/// and the number of items that never came back (a thread died).
fn store_in_order(
    store: &mut Store,
    done_rx: &Receiver<(u64, Outcome)>,
    token_tx: &Sender<()>,
    progress: Option<&ProgressBar>,
) -> anyhow::Result<(Tally, u64)> {
    let mut tally = Tally::default();
    let mut waiting: HashMap<u64, Outcome> = HashMap::new();
    let mut batch: Vec<Processed> = Vec::with_capacity(BATCH_SIZE);
    let mut last_commit = Instant::now();
    let mut next = 0u64;
    let mut missing = 0u64;

    let take = |outcome: Outcome, batch: &mut Vec<Processed>, tally: &mut Tally| {
        match outcome {
            Outcome::Done(p) => batch.push(*p),
            Outcome::Failed(msg) => {
                report_error(progress, &msg);
                tally.errors += 1;
                if let Some(bar) = progress {
                    bar.inc(1);
                    bar.set_message(plural(tally.errors, "error"));
                }
            }
        }
        // The reader may be finished already; a token nobody takes is harmless.
        let _ = token_tx.try_send(());
    };

    loop {
        let wait = BATCH_INTERVAL.saturating_sub(last_commit.elapsed());
        match done_rx.recv_timeout(wait) {
            Ok((seq, outcome)) => {
                waiting.insert(seq, outcome);
                while let Some(outcome) = waiting.remove(&next) {
                    next += 1;
                    take(outcome, &mut batch, &mut tally);
                }
            }
            Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => break,
        }
        if batch.len() >= BATCH_SIZE || last_commit.elapsed() >= BATCH_INTERVAL {
            commit(store, &mut batch, &mut tally, progress)?;
            last_commit = Instant::now();
        }
    }
    // Only if a thread died: some items never came back. Store what did, in order.
    let mut rest: Vec<_> = waiting.drain().collect();
    rest.sort_unstable_by_key(|(seq, _)| *seq);
    for (seq, outcome) in rest {
        missing += seq - next;
        next = seq + 1;
        take(outcome, &mut batch, &mut tally);
    }
    commit(store, &mut batch, &mut tally, progress)?;
    Ok((tally, missing))
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
