//! The ordered parallel harness that `extract` and `ingest` share.
//!
//! ```text
//! reader thread ──(bounded)──► N workers ──(bounded)──► caller (this thread)
//!   walk + read + sniff          HTML extraction,         reorder buffer:
//!                                the caller's `process`   outcomes in input order
//! ```
//!
//! A token channel caps the documents in flight (read but not yet handed to the caller) at
//! [`IN_FLIGHT_PER_THREAD`] × threads, so memory stays bounded whatever the input size, even
//! when one slow document holds back the reorder buffer. Each input gets one [`Outcome`]: a
//! value, or a one-line message `<origin>: <reason>` for an input that could not be read or
//! parsed, or on which `process` failed or panicked.

use std::any::Any;
use std::collections::{HashMap, VecDeque};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;
use std::thread::{self, JoinHandle};
use std::time::Duration;

use anyhow::Context;
use crossbeam_channel::{bounded, Receiver, RecvTimeoutError, Sender};
use sitrep::Document;
use sitrep_ingest::{IngestError, Pending};

/// Documents in flight per worker thread.
pub(super) const IN_FLIGHT_PER_THREAD: usize = 4;

/// Stack of each worker: HTML parsing and the pipeline stages may recurse over deeply
/// nested input. Only the pages actually touched are committed.
pub(super) const WORKER_STACK: usize = 32 * 1024 * 1024;

/// What the harness hands back for one input.
pub(super) enum Outcome<T> {
    /// What `process` made of the document.
    Done(T),
    /// A one-line message `<origin>: <reason>`.
    Failed(String),
}

/// What [`Harness::next`] found.
pub(super) enum Next<T> {
    /// The next input's outcome, in input order.
    Item(Outcome<T>),
    /// The timeout passed with the next outcome not yet done.
    Timeout,
    /// Every outcome has been handed out.
    Done,
}

/// How the threads ended, from [`Harness::finish`].
#[derive(Debug, Default, Clone, Copy)]
pub(super) struct Finish {
    /// Inputs whose outcome never came back (a thread died).
    pub(super) missing: u64,
    /// Threads that panicked.
    pub(super) lost: u64,
}

/// A running reader and worker pool whose outcomes come back in input order.
pub(super) struct Harness<T> {
    done_rx: Receiver<(u64, Outcome<T>)>,
    token_tx: Sender<()>,
    reader: JoinHandle<()>,
    workers: Vec<JoinHandle<()>>,
    /// Outcomes received ahead of their turn.
    waiting: HashMap<u64, Outcome<T>>,
    /// The sequence number of the next outcome to hand out.
    next: u64,
    /// Once the workers are gone: what came back, in order, with gaps where items are missing.
    rest: Option<VecDeque<(u64, Outcome<T>)>>,
    missing: u64,
}

impl<T: Send + 'static> Harness<T> {
    /// Start the reader over `paths` (walked in order, `-` for stdin) and `threads` workers,
    /// each running `process` on the documents it parses.
    pub(super) fn start<F>(paths: Vec<PathBuf>, threads: usize, process: F) -> anyhow::Result<Self>
    where
        F: Fn(Document) -> Outcome<T> + Send + Sync + 'static,
    {
        let in_flight = IN_FLIGHT_PER_THREAD * threads;
        let (work_tx, work_rx) = bounded::<(u64, Result<Pending, IngestError>)>(in_flight);
        let (done_tx, done_rx) = bounded::<(u64, Outcome<T>)>(in_flight);
        let (token_tx, token_rx) = bounded::<()>(in_flight);
        for _ in 0..in_flight {
            token_tx.send(()).context("cannot start the pipeline")?;
        }
        let reader = thread::Builder::new()
            .name("sitrep-reader".into())
            .spawn(move || read_inputs(paths, &work_tx, &token_rx))
            .context("cannot start the reader thread")?;
        let process = std::sync::Arc::new(process);
        let mut workers = Vec::with_capacity(threads);
        for i in 0..threads {
            let (work_rx, done_tx, process) = (
                work_rx.clone(),
                done_tx.clone(),
                std::sync::Arc::clone(&process),
            );
            let worker = thread::Builder::new()
                .name(format!("sitrep-worker-{i}"))
                .stack_size(WORKER_STACK)
                .spawn(move || work(&*process, &work_rx, &done_tx))
                .context("cannot start a worker thread")?;
            workers.push(worker);
        }
        Ok(Harness {
            done_rx,
            token_tx,
            reader,
            workers,
            waiting: HashMap::new(),
            next: 0,
            rest: None,
            missing: 0,
        })
    }

    /// The next outcome in input order, waiting for it at most `timeout` (`None`: as long as
    /// it takes). Handing one out lets the reader read one more input.
    pub(super) fn next(&mut self, timeout: Option<Duration>) -> Next<T> {
        loop {
            if let Some(rest) = &mut self.rest {
                // Only if a thread died: some items never came back. Hand out what did.
                let Some((seq, outcome)) = rest.pop_front() else {
                    return Next::Done;
                };
                self.missing += seq - self.next;
                self.next = seq + 1;
                return self.hand_out(outcome);
            }
            if let Some(outcome) = self.waiting.remove(&self.next) {
                self.next += 1;
                return self.hand_out(outcome);
            }
            let received = match timeout {
                Some(wait) => self.done_rx.recv_timeout(wait),
                None => self
                    .done_rx
                    .recv()
                    .map_err(|_| RecvTimeoutError::Disconnected),
            };
            match received {
                Ok((seq, outcome)) => {
                    self.waiting.insert(seq, outcome);
                }
                Err(RecvTimeoutError::Timeout) => return Next::Timeout,
                Err(RecvTimeoutError::Disconnected) => {
                    let mut rest: Vec<_> = self.waiting.drain().collect();
                    rest.sort_unstable_by_key(|(seq, _)| *seq);
                    self.rest = Some(rest.into());
                }
            }
        }
    }

    /// Whether the next outcome in order can be handed out at once: done, or at least some
    /// outcome waiting in the channel (writers flush when this is false).
    pub(super) fn has_ready(&self) -> bool {
        match &self.rest {
            Some(rest) => !rest.is_empty(),
            None => self.waiting.contains_key(&self.next) || !self.done_rx.is_empty(),
        }
    }

    /// Give back the token of a handed-out input.
    fn hand_out(&self, outcome: Outcome<T>) -> Next<T> {
        // The reader may be finished already; a token nobody takes is harmless.
        let _ = self.token_tx.try_send(());
        Next::Item(outcome)
    }

    /// Stop taking outcomes and wait for the threads (call once [`Harness::next`] answered
    /// `Done`). To stop early without waiting (the reader may be blocked on stdin), drop the
    /// harness instead: the threads then end with the process.
    pub(super) fn finish(self) -> Finish {
        let Harness {
            done_rx,
            token_tx,
            reader,
            workers,
            missing,
            ..
        } = self;
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
        Finish { missing, lost }
    }
}

/// The reader thread: walk and read the inputs in order, one token per item sent.
fn read_inputs(
    paths: Vec<PathBuf>,
    work_tx: &Sender<(u64, Result<Pending, IngestError>)>,
    tokens: &Receiver<()>,
) {
    for (seq, item) in (0u64..).zip(sitrep_ingest::sources(paths)) {
        // No token: the caller has stopped (stdout closed).
        if tokens.recv().is_err() || work_tx.send((seq, item)).is_err() {
            return;
        }
    }
}

/// A worker thread: finish reading (HTML), then `process` the document, a panic caught as
/// a failure of that document.
fn work<T>(
    process: &(dyn Fn(Document) -> Outcome<T> + Send + Sync),
    work_rx: &Receiver<(u64, Result<Pending, IngestError>)>,
    done_tx: &Sender<(u64, Outcome<T>)>,
) {
    for (seq, item) in work_rx {
        let outcome = match item.and_then(Pending::parse) {
            Err(e) => Outcome::Failed(e.to_string()),
            Ok(doc) => {
                let origin = doc.origin.clone();
                match catch_unwind(AssertUnwindSafe(|| process(doc))) {
                    Ok(outcome) => outcome,
                    Err(panic) => Outcome::Failed(format!(
                        "{origin}: internal error: the pipeline panicked on this document: {}",
                        panic_message(panic.as_ref())
                    )),
                }
            }
        };
        if done_tx.send((seq, outcome)).is_err() {
            return;
        }
    }
}

/// The message a panic carries, if it is a string.
fn panic_message(panic: &(dyn Any + Send)) -> &str {
    if let Some(s) = panic.downcast_ref::<&str>() {
        s
    } else if let Some(s) = panic.downcast_ref::<String>() {
        s
    } else {
        "unknown panic"
    }
}
