//! `sitrep extract`: a streaming pipeline.
//!
//! ```text
//! reader thread ──(bounded)──► N workers ──(bounded)──► writer (this thread)
//!   walk + read + sniff          HTML extraction,         reorder buffer,
//!                                pipeline.process,        stdout in input order,
//!                                JSON serialisation       errors on stderr
//! ```
//!
//! The reader, the workers and the reorder buffer are the shared harness of
//! [`super::parallel`], which caps the documents in flight, so memory stays bounded whatever
//! the input size, even when one slow document holds back the reorder buffer.

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use anyhow::Context;
use indicatif::ProgressBar;
use sitrep::Pipeline;

use super::parallel::{Harness, Next, Outcome};
use super::{plural, progress_bar, report, report_error, thread_count, ExtractArgs, OutputFormat};

/// Run `extract`; the exit code is 1 when any input failed.
pub(super) fn run(args: ExtractArgs, verbose: u8) -> anyhow::Result<ExitCode> {
    let OutputFormat::Jsonl = args.format;
    let threads = thread_count(args.threads);

    let started = std::time::Instant::now();
    let pipeline = Pipeline::new();
    tracing::info!(
        threads,
        elapsed_ms = u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX),
        "pipeline ready"
    );

    let mut harness = Harness::start(args.paths, threads, move |doc| {
        let result = pipeline.process(&doc);
        match serde_json::to_vec(&result) {
            Ok(line) => Outcome::Done(line),
            Err(e) => Outcome::Failed(format!(
                "{}: internal error: cannot serialize the result: {e}",
                doc.origin
            )),
        }
    })?;

    let progress = progress_bar();
    let stats = write_in_order(&mut harness, progress.as_ref())?;
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
    let finish = harness.finish();
    let (lost, missing) = (finish.lost, finish.missing);
    if lost > 0 || missing > 0 {
        report_error(
            None,
            "internal error: a pipeline thread died; some documents are missing from the output",
        );
    }

    let errors = stats.errors + missing + lost;
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

/// What the writer saw.
#[derive(Debug, Default)]
struct WriteStats {
    documents: u64,
    errors: u64,
    stdout_closed: bool,
}

/// The writer: take results in input order, write each line as soon as it and all before it
/// are done, flushing whenever no further result is ready.
fn write_in_order(
    harness: &mut Harness<Vec<u8>>,
    progress: Option<&ProgressBar>,
) -> anyhow::Result<WriteStats> {
    let mut stats = WriteStats::default();
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());

    let emit = |out: &mut BufWriter<io::StdoutLock<'_>>,
                outcome: Outcome<Vec<u8>>,
                stats: &mut WriteStats|
     -> io::Result<()> {
        match outcome {
            Outcome::Done(mut line) => {
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
        Ok(())
    };

    let result = (|| -> io::Result<()> {
        while let Next::Item(outcome) = harness.next(None) {
            emit(&mut out, outcome, &mut stats)?;
            if !harness.has_ready() {
                out.flush()?;
            }
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
