//! `sitrep extract`: a streaming pipeline.
//!
//! ```text
//! reader thread ──(bounded)──► N workers ──(bounded)──► writer (this thread)
//!   walk + read + sniff          HTML extraction,         reorder buffer,
//!                                pipeline.process,        stdout in input order,
//!                                JSON serialisation       errors on stderr
//! ```
//!
//! A token channel caps the documents in flight (read but not yet written) at
//! `4 × threads`, so memory stays bounded whatever the input size, even when one slow
//! document holds back the reorder buffer.

use std::any::Any;
use std::collections::HashMap;
use std::io::{self, BufWriter, Write};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::process::ExitCode;
use std::sync::Arc;
use std::thread;

use anyhow::Context;
use crossbeam_channel::{bounded, Receiver, Sender};
use indicatif::ProgressBar;
use sitrep::Pipeline;
use sitrep_ingest::{IngestError, Pending};

use super::{plural, progress_bar, report, report_error, thread_count, ExtractArgs, OutputFormat};

/// Documents in flight per worker thread.
const IN_FLIGHT_PER_THREAD: usize = 4;

/// Stack of each worker: HTML parsing and the pipeline stages may recurse over deeply
/// nested input. Only the pages actually touched are committed.
pub(super) const WORKER_STACK: usize = 32 * 1024 * 1024;

/// What a worker hands the writer for one input.
enum Outcome {
    /// The serialized result line (without the newline).
    Line(Vec<u8>),
    /// A one-line message `<origin>: <reason>`.
    Failed(String),
}

/// Run `extract`; the exit code is 1 when any input failed.
pub(super) fn run(args: ExtractArgs, verbose: u8) -> anyhow::Result<ExitCode> {
    let OutputFormat::Jsonl = args.format;
    let threads = thread_count(args.threads);
    let in_flight = IN_FLIGHT_PER_THREAD * threads;

    let started = std::time::Instant::now();
    let pipeline = Arc::new(Pipeline::new());
    tracing::info!(
        threads,
        elapsed_ms = u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX),
        "pipeline ready"
    );

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
    let stats = write_in_order(&done_rx, &token_tx, progress.as_ref())?;
    if let Some(bar) = &progress {
        bar.finish_and_clear();
    }
    if stats.stdout_closed {
        // Whoever reads stdout is gone (`| head`): stop quietly. The reader may be blocked
        // on stdin, so the threads are not joined; they end with the process.
        tracing::debug!("stdout closed; stopping");
        return Ok(if stats.errors > 0 {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        });
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
    if lost > 0 || stats.missing > 0 {
        report_error(
            None,
            "internal error: a pipeline thread died; some documents are missing from the output",
        );
    }

    let errors = stats.errors + stats.missing + lost;
    if stats.documents + errors == 0 {
        report("warning: no input documents found");
    }
    if errors > 0 || progress.is_some() || verbose > 0 {
        report(&format!(
            "{}, {}",
            plural(stats.documents, "document"),
            plural(errors, "error")
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
    paths: Vec<std::path::PathBuf>,
    work_tx: &Sender<(u64, Result<Pending, IngestError>)>,
    tokens: &Receiver<()>,
) {
    for (seq, item) in (0u64..).zip(sitrep_ingest::sources(paths)) {
        // No token: the writer has stopped (stdout closed).
        if tokens.recv().is_err() || work_tx.send((seq, item)).is_err() {
            return;
        }
    }
}

/// A worker thread: finish reading (HTML), run the pipeline, serialize.
fn work(
    pipeline: &Pipeline,
    work_rx: &Receiver<(u64, Result<Pending, IngestError>)>,
    done_tx: &Sender<(u64, Outcome)>,
) {
    for (seq, item) in work_rx {
        let outcome = match item.and_then(Pending::parse) {
            Err(e) => Outcome::Failed(e.to_string()),
            Ok(doc) => match catch_unwind(AssertUnwindSafe(|| pipeline.process(&doc))) {
                Err(panic) => Outcome::Failed(format!(
                    "{}: internal error: the pipeline panicked on this document: {}",
                    doc.origin,
                    panic_message(panic.as_ref())
                )),
                Ok(result) => match serde_json::to_vec(&result) {
                    Ok(line) => Outcome::Line(line),
                    Err(e) => Outcome::Failed(format!(
                        "{}: internal error: cannot serialize the result: {e}",
                        doc.origin
                    )),
                },
            },
        };
        if done_tx.send((seq, outcome)).is_err() {
            return;
        }
    }
}

fn panic_message(panic: &(dyn Any + Send)) -> &str {
    if let Some(s) = panic.downcast_ref::<&str>() {
        s
    } else if let Some(s) = panic.downcast_ref::<String>() {
        s
    } else {
        "unknown panic"
    }
}

/// What the writer saw.
#[derive(Debug, Default)]
struct WriteStats {
    documents: u64,
    errors: u64,
    /// Items that never came back (a thread died).
    missing: u64,
    stdout_closed: bool,
}

/// The writer: put results back in input order, write each line as soon as it and all
/// before it are done, flushing whenever no further result is waiting.
fn write_in_order(
    done_rx: &Receiver<(u64, Outcome)>,
    token_tx: &Sender<()>,
    progress: Option<&ProgressBar>,
) -> anyhow::Result<WriteStats> {
    let mut stats = WriteStats::default();
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut waiting: HashMap<u64, Outcome> = HashMap::new();
    let mut next = 0u64;

    let emit = |out: &mut BufWriter<io::StdoutLock<'_>>,
                outcome: Outcome,
                stats: &mut WriteStats|
     -> io::Result<()> {
        match outcome {
            Outcome::Line(mut line) => {
                line.push(b'\n');
                out.write_all(&line)?;
                stats.documents += 1;
            }
            Outcome::Failed(msg) => {
                // Results written so far go out before the error is shown.
                out.flush()?;
                report_error(progress, &msg);
                stats.errors += 1;
                if let Some(bar) = progress {
                    bar.set_message(plural(stats.errors, "error"));
                }
            }
        }
        if let Some(bar) = progress {
            bar.inc(1);
        }
        // The reader may be finished already; a token nobody takes is harmless.
        let _ = token_tx.try_send(());
        Ok(())
    };

    let result = (|| -> io::Result<()> {
        for (seq, outcome) in done_rx {
            waiting.insert(seq, outcome);
            while let Some(outcome) = waiting.remove(&next) {
                next += 1;
                emit(&mut out, outcome, &mut stats)?;
            }
            if done_rx.is_empty() {
                out.flush()?;
            }
        }
        // Only if a thread died: some items never came back. Write what did, in order.
        let mut rest: Vec<_> = waiting.drain().collect();
        rest.sort_unstable_by_key(|(seq, _)| *seq);
        for (seq, outcome) in rest {
            stats.missing += seq - next;
            next = seq + 1;
            emit(&mut out, outcome, &mut stats)?;
        }
        out.flush()
    })();
    match result {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => stats.stdout_closed = true,
        Err(e) => return Err(e).context("cannot write to stdout"),
    }
    Ok(stats)
}
