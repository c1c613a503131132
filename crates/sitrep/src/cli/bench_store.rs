//! `sitrep bench-store`: how fast the record takes reports in, and how fast it answers at
//! scale.
//!
//! 1. **Ingest**: the reports of a JSONL file (default `../shared/eval/dev/gva.input.jsonl`
//!    when present, else `samples/`) into a fresh temporary database with fusion on. The
//!    pipeline (all cores) and the store (one writer, batches of [`BATCH_SIZE`] as `sitrep
//!    ingest` commits them) are timed apart; in `sitrep ingest` the two overlap.
//! 2. **Queries**: `--events N` synthetic fused events (`sitrep_store::synthetic`) written
//!    into another temporary database (timed), then typical reads through the store's public
//!    API (`Store::for_each_event` with a `Filter`), each repeated with varied parameters;
//!    p50 and p99 latencies.

use std::ops::ControlFlow;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use anyhow::{bail, Context};
use clap::Args;
use rayon::prelude::*;
use sitrep::Pipeline;
use sitrep_store::{synthetic, Filter, Page, Report, Sort, Store};

use super::parallel::WORKER_STACK;
use super::ingest::BATCH_SIZE;
use super::{read_all, report_error, thread_count};

/// The default ingest input, relative to the working directory, in order of preference.
const DEFAULT_INPUTS: [&str; 2] = ["../shared/eval/dev/gva.input.jsonl", "samples"];
/// A query stops repeating once it has taken this long in all (after at least 5 runs).
const QUERY_BUDGET: Duration = Duration::from_secs(20);
/// Rows per page.
const PAGE: usize = 100;

#[derive(Debug, Args)]
pub(super) struct BenchStoreArgs {
    /// Reports to ingest (files or folders) [default: ../shared/eval/dev/gva.input.jsonl if
    /// present, else samples/].
    #[arg(long, value_name = "PATH")]
    input: Vec<PathBuf>,

    /// Synthetic fused events for the query timings (0 skips them).
    #[arg(long, value_name = "N", default_value_t = 1_000_000)]
    events: u64,

    /// Runs of each query (fewer if a query takes more than 20 s in all).
    #[arg(long, value_name = "R", default_value_t = 50, value_parser = clap::value_parser!(u32).range(1..))]
    repeat: u32,

    /// Skip the ingest timing.
    #[arg(long)]
    no_ingest: bool,

    /// Worker threads of the pipeline [default: the number of cores].
    #[arg(long, short = 'j', value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    threads: Option<u16>,

    /// Write the synthetic store to this file and keep it (for load tests of `sitrep serve`);
    /// an existing file is replaced.
    #[arg(long, value_name = "FILE")]
    keep: Option<PathBuf>,
}

/// Run `bench-store`.
pub(super) fn run(args: BenchStoreArgs) -> anyhow::Result<ExitCode> {
    let mut failed = false;
    if !args.no_ingest {
        failed |= bench_ingest(&args)?;
    }
    if args.events > 0 {
        bench_queries(&args)?;
    }
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// A temporary folder for a benchmark database, removed when dropped.
fn scratch() -> anyhow::Result<tempfile::TempDir> {
    tempfile::Builder::new()
        .prefix("sitrep-bench-store-")
        .tempdir()
        .context("cannot create a temporary folder")
}

/// The ingest timing; true when some input failed to read or store.
fn bench_ingest(args: &BenchStoreArgs) -> anyhow::Result<bool> {
    let paths: Vec<PathBuf> = if args.input.is_empty() {
        match DEFAULT_INPUTS.iter().map(Path::new).find(|p| p.exists()) {
            Some(p) => vec![p.to_path_buf()],
            None => bail!(
                "no default input here ({}); give --input PATH",
                DEFAULT_INPUTS.join(", ")
            ),
        }
    } else {
        args.input.clone()
    };
    let (docs, mut errors) = read_all(paths.clone());
    if docs.is_empty() {
        bail!("no documents to ingest");
    }
    let threads = thread_count(args.threads);
    let started = Instant::now();
    let pipeline = Pipeline::new();
    let setup = started.elapsed();

    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .thread_name(|i| format!("sitrep-bench-{i}"))
        .stack_size(WORKER_STACK)
        .build()
        .context("cannot start the thread pool")?;
    let started = Instant::now();
    let processed: Vec<_> = pool.install(|| {
        docs.par_iter()
            .map(|doc| {
                let result = pipeline.process(doc);
                let noise: Vec<_> = sitrep_clean::clean(&doc.text, doc.format)
                    .noise
                    .iter()
                    .map(|n| n.span)
                    .collect();
                (result, noise)
            })
            .collect()
    });
    let pipeline_time = started.elapsed();

    let dir = scratch()?;
    let mut store = Store::open(dir.path().join("ingest.db"))?;
    let reports: Vec<Report<'_>> = docs
        .iter()
        .zip(&processed)
        .map(|(doc, (result, noise))| Report { doc, result, noise })
        .collect();
    let started = Instant::now();
    for batch in reports.chunks(BATCH_SIZE) {
        for (report, done) in batch.iter().zip(store.ingest_batch(batch)?) {
            if let Err(e) = done {
                report_error(None, &format!("{}: cannot store: {e}", report.doc.origin));
                errors += 1;
            }
        }
    }
    let store_time = started.elapsed();
    let counts = store.counts()?;

    let n = docs.len() as f64;
    let rate = |d: Duration| n / d.as_secs_f64().max(1e-9);
    let input: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
    println!(
        "ingest: {} documents from {} -> {} fused events (fusion on)",
        docs.len(),
        input.join(", "),
        counts.clusters
    );
    println!("  {:<34} {:>9} {:>12}", "stage", "seconds", "docs/s");
    println!(
        "  {:<34} {:>9.3} {:>12}",
        "pipeline setup (tables)",
        setup.as_secs_f64(),
        "-"
    );
    println!(
        "  {:<34} {:>9.3} {:>12.0}",
        format!("pipeline ({threads} threads)"),
        pipeline_time.as_secs_f64(),
        rate(pipeline_time)
    );
    println!(
        "  {:<34} {:>9.3} {:>12.0}",
        format!("store + fusion (batches of {BATCH_SIZE})"),
        store_time.as_secs_f64(),
        rate(store_time)
    );
    println!(
        "  {:<34} {:>9.3} {:>12.0}",
        "pipeline + store, one after other",
        (pipeline_time + store_time).as_secs_f64(),
        rate(pipeline_time + store_time)
    );
    Ok(errors > 0)
}

/// One timed query.
struct Query {
    label: &'static str,
    /// The filter of run `i`.
    filter: Box<dyn Fn(usize) -> Filter>,
    /// The event to read by id (the lookup), if any.
    target: Box<dyn Fn(usize) -> Option<String>>,
    /// The order of the page.
    sort: Sort,
}

fn bench_queries(args: &BenchStoreArgs) -> anyhow::Result<()> {
    let dir = scratch()?;
    let path = match &args.keep {
        Some(file) => {
            for ext in ["", "-wal", "-shm"] {
                let old = PathBuf::from(format!("{}{ext}", file.display()));
                if old.exists() {
                    std::fs::remove_file(&old)
                        .with_context(|| format!("cannot replace {}", old.display()))?;
                }
            }
            file.clone()
        }
        None => dir.path().join("synthetic.db"),
    };
    let spec = synthetic::Spec {
        events: args.events,
        ..synthetic::Spec::default()
    };
    let started = Instant::now();
    {
        let mut store = Store::open(&path)?;
        synthetic::generate(&mut store, &spec)?;
    }
    let generation = started.elapsed();
    let size: u64 = std::fs::metadata(&path).map_or(0, |m| m.len());
    println!(
        "queries: {} synthetic fused events generated in {:.1} s ({:.0} events/s), database {:.0} MB",
        args.events,
        generation.as_secs_f64(),
        args.events as f64 / generation.as_secs_f64().max(1e-9),
        size as f64 / 1e6
    );

    let store = Store::open(&path)?;
    // Events to look up by id: found once (not timed) from a spread of countries and years.
    let mut targets: Vec<String> = Vec::new();
    for (i, (country, _, _)) in synthetic::COUNTRIES.iter().enumerate().take(20) {
        let year = 2015 + i % 10;
        let filter = Filter {
            country: Some((*country).to_string()),
            from: Some(format!("{year}-03-01")),
            ..Filter::default()
        };
        store.for_each_event(&filter, |e| {
            if e.date.is_some() {
                targets.push(e.event_id.clone());
            }
            ControlFlow::Break(())
        })?;
    }
    if targets.is_empty() {
        bail!("the synthetic store has no dated event to look up");
    }
    let day = |i: usize| {
        // Spread over 2015–2024 by run number.
        let year = 2015 + (i * 7) % 10;
        let month = 1 + (i * 5) % 12;
        (year, month)
    };
    let country = |i: usize| synthetic::COUNTRIES[(i * 13) % synthetic::COUNTRIES.len()].0;
    let queries = vec![
        Query {
            label: "country + 1-year range, page of 100",
            filter: Box::new(move |i| {
                let (year, month) = day(i);
                Filter {
                    country: Some(country(i).to_string()),
                    from: Some(format!("{year}-{month:02}-01")),
                    to: Some(format!("{}-{month:02}-01", year + 1)),
                    ..Filter::default()
                }
            }),
            target: Box::new(|_| None),
            sort: Sort::DateAsc,
        },
        Query {
            label: "min fatalities 20/50/100, page of 100",
            filter: Box::new(|i| Filter {
                min_fatalities: Some([20, 50, 100][i % 3]),
                ..Filter::default()
            }),
            target: Box::new(|_| None),
            sort: Sort::DateAsc,
        },
        Query {
            label: "whole table by date, first 100",
            filter: Box::new(|_| Filter::default()),
            target: Box::new(|_| None),
            sort: Sort::DateAsc,
        },
        Query {
            label: "from a date on, page of 100",
            filter: Box::new(move |i| {
                let (year, month) = day(i);
                Filter {
                    from: Some(format!("{year}-{month:02}-15")),
                    ..Filter::default()
                }
            }),
            target: Box::new(|_| None),
            sort: Sort::DateAsc,
        },
        Query {
            label: "one event by id, with claims and reports",
            // Not read: the lookup is by id.
            filter: Box::new(|_| Filter::default()),
            target: Box::new(move |i| Some(targets[i % targets.len()].clone())),
            sort: Sort::DateAsc,
        },
        Query {
            label: "box of 10 x 10 degrees, most killed first",
            filter: Box::new(|i| {
                let lon = -20.0 + (i % 8) as f64 * 10.0;
                let lat = -10.0 + (i % 5) as f64 * 10.0;
                Filter {
                    bbox: Some([lon, lat, lon + 10.0, lat + 10.0]),
                    ..Filter::default()
                }
            }),
            target: Box::new(|_| None),
            sort: Sort::FatalitiesDesc,
        },
        Query {
            label: "actor name + 1-year range, page of 100",
            filter: Box::new(move |i| {
                let (year, month) = day(i);
                Filter {
                    actor: Some("military forces".to_string()),
                    from: Some(format!("{year}-{month:02}-01")),
                    to: Some(format!("{}-{month:02}-01", year + 1)),
                    ..Filter::default()
                }
            }),
            target: Box::new(|_| None),
            sort: Sort::DateDesc,
        },
    ];

    println!(
        "  {:<44} {:>5} {:>6} {:>9} {:>9}",
        "query", "runs", "rows", "p50 ms", "p99 ms"
    );
    for q in &queries {
        let mut times = Vec::new();
        let mut rows = 0usize;
        let all = Instant::now();
        for i in 0..usize::try_from(args.repeat).unwrap_or(usize::MAX) {
            if i >= 5 && all.elapsed() > QUERY_BUDGET {
                break;
            }
            let filter = (q.filter)(i);
            let target = (q.target)(i);
            let started = Instant::now();
            let seen = match &target {
                // What `GET /api/events/{id}` reads: the event, its claims and its reports.
                Some(id) => {
                    let found = store.event(id)?;
                    if found.is_none() {
                        bail!("the lookup did not find {id}");
                    }
                    1
                }
                // What `GET /api/events` reads: the total and the first page.
                None => {
                    let page = Page {
                        sort: q.sort,
                        limit: Some(PAGE as u64),
                        offset: 0,
                    };
                    store.events_page(&filter, &page, false)?.events.len()
                }
            };
            times.push(started.elapsed());
            rows = rows.max(seen);
        }
        times.sort_unstable();
        println!(
            "  {:<44} {:>5} {:>6} {:>9.2} {:>9.2}",
            q.label,
            times.len(),
            rows,
            percentile(&times, 0.50),
            percentile(&times, 0.99)
        );
    }
    Ok(())
}

/// The `p` quantile of sorted durations, in milliseconds (nearest rank).
fn percentile(sorted: &[Duration], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let rank = (p * sorted.len() as f64).ceil() as usize;
    let i = rank.clamp(1, sorted.len()) - 1;
    sorted[i].as_secs_f64() * 1e3
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_by_nearest_rank() {
        let ms: Vec<Duration> = (1..=100).map(Duration::from_millis).collect();
        assert_eq!(percentile(&ms, 0.5), 50.0);
        assert_eq!(percentile(&ms, 0.99), 99.0);
        assert_eq!(percentile(&ms[..1], 0.99), 1.0);
        assert_eq!(percentile(&[], 0.5), 0.0);
    }
}
