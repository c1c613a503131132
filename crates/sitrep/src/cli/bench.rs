//! `sitrep bench`: documents/s and MB/s of the pipeline, on 1 thread and on all cores.
//!
//! Documents are read into memory first (not timed). Results are consumed (their event
//! counts summed) so that the work cannot be optimized away, and written nowhere.

use std::hint::black_box;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use anyhow::{bail, Context};
use rayon::prelude::*;
use sitrep::{Document, Pipeline};

use super::{plural, read_all, report, thread_count, BenchArgs};

/// One timed configuration.
struct Run {
    threads: usize,
    best: Duration,
    events: u64,
}

/// Run `bench`; the exit code is 1 when any input failed to read.
pub(super) fn run(args: BenchArgs) -> anyhow::Result<ExitCode> {
    let threads = thread_count(args.threads);
    let (docs, errors) = read_all(args.paths);
    if docs.is_empty() {
        bail!("no documents to benchmark");
    }
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();

    let started = Instant::now();
    let pipeline = Pipeline::new();
    let setup = started.elapsed();
    tracing::info!(
        documents = docs.len(),
        bytes,
        setup_ms = u64::try_from(setup.as_millis()).unwrap_or(u64::MAX),
        "timing"
    );

    // Both runs use worker threads built like `extract`'s: the pipeline never runs on the main
    // thread, whose heap holds the tables loaded at start-up (measured there, documents ran
    // about a third slower than on a worker).
    let worker_pool = |n: usize| {
        rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .thread_name(|i| format!("sitrep-bench-{i}"))
            .stack_size(super::parallel::WORKER_STACK)
            .build()
            .context("cannot start the thread pool")
    };
    let one = worker_pool(1)?;
    let single = time_runs(args.repeat, 1, || {
        one.install(|| docs.iter().map(|d| events_of(&pipeline, d)).sum())
    });
    let pool = worker_pool(threads)?;
    let parallel = time_runs(args.repeat, threads, || {
        pool.install(|| docs.par_iter().map(|d| events_of(&pipeline, d)).sum())
    });
    if single.events != parallel.events {
        tracing::warn!(
            single = single.events,
            parallel = parallel.events,
            "the pipeline is not deterministic"
        );
    }

    let n = docs.len();
    if args.json {
        let runs: Vec<_> = [&single, &parallel]
            .iter()
            .map(|r| run_json(r, n, bytes))
            .collect();
        let summary = serde_json::json!({
            "documents": n,
            "bytes": bytes,
            "mb": bytes as f64 / 1e6,
            "repeat": args.repeat,
            "events": single.events,
            "setup_seconds": setup.as_secs_f64(),
            "runs": runs,
        });
        println!("{summary}");
    } else {
        for r in [&single, &parallel] {
            println!("{}", run_line(r, n, bytes));
        }
    }
    if errors > 0 {
        report(&format!(
            "{}, {}",
            plural(n as u64, "document"),
            plural(errors, "error")
        ));
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

/// The number of events found in one document, the value that keeps the work alive.
fn events_of(pipeline: &Pipeline, doc: &Document) -> u64 {
    let result = black_box(pipeline.process(black_box(doc)));
    result.events.len() as u64
}

/// Time `f` `repeat` times, keep the best.
fn time_runs(repeat: u32, threads: usize, mut f: impl FnMut() -> u64) -> Run {
    let mut best = Duration::MAX;
    let mut events = 0;
    for _ in 0..repeat {
        let t = Instant::now();
        events = black_box(f());
        best = best.min(t.elapsed());
    }
    Run {
        threads,
        best,
        events,
    }
}

fn rates(r: &Run, docs: usize, bytes: usize) -> (f64, f64, f64) {
    let secs = r.best.as_secs_f64().max(1e-9);
    (secs, docs as f64 / secs, bytes as f64 / 1e6 / secs)
}

/// `1 thread : 600 docs, 1.23 MB in 0.210 s -> 2857 docs/s, 5.86 MB/s`
fn run_line(r: &Run, docs: usize, bytes: usize) -> String {
    let (secs, docs_per_s, mb_per_s) = rates(r, docs, bytes);
    let label = if r.threads == 1 {
        "1 thread ".to_string()
    } else {
        format!("{} threads", r.threads)
    };
    format!(
        "{label}: {docs} docs, {:.2} MB in {secs:.3} s -> {docs_per_s:.0} docs/s, {mb_per_s:.2} MB/s",
        bytes as f64 / 1e6
    )
}

fn run_json(r: &Run, docs: usize, bytes: usize) -> serde_json::Value {
    let (secs, docs_per_s, mb_per_s) = rates(r, docs, bytes);
    serde_json::json!({
        "threads": r.threads,
        "seconds": secs,
        "docs_per_s": docs_per_s,
        "mb_per_s": mb_per_s,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn run_line_format() {
        let r = Run {
            threads: 1,
            best: Duration::from_millis(210),
            events: 0,
        };
        assert_eq!(
            run_line(&r, 600, 1_230_000),
            "1 thread : 600 docs, 1.23 MB in 0.210 s -> 2857 docs/s, 5.86 MB/s"
        );
        let r = Run {
            threads: 4,
            best: Duration::from_millis(60),
            events: 0,
        };
        assert!(run_line(&r, 600, 1_230_000).starts_with("4 threads: 600 docs"));
    }
}
