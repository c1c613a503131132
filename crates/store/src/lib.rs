//! The record: sitrep's results in an embedded SQLite database, reports of the same incident
//! fused into one event.
//!
//! ```
//! use sitrep_model::{DocResult, Document};
//! use sitrep_store::{Filter, Report, Store};
//!
//! let mut store = Store::open_in_memory()?;
//! let doc = Document::from_text("d1", "Two soldiers were killed on Monday.");
//! let result = DocResult { doc_id: "d1".into(), title: None, published: None, events: vec![] };
//! let done = store.ingest(&Report { doc: &doc, result: &result, noise: &[] })?;
//! assert_eq!(done.outcome, sitrep_store::Outcome::Added);
//! // The same content again changes nothing.
//! let again = store.ingest(&Report { doc: &doc, result: &result, noise: &[] })?;
//! assert_eq!(again.outcome, sitrep_store::Outcome::Unchanged);
//! assert!(store.events(&Filter::default())?.is_empty());
//! # Ok::<(), sitrep_store::StoreError>(())
//! ```
//!
//! - Tables (see [`schema`]): `documents` (id, content hash, title, published date, url,
//!   outlet), `events` (every event of every report), `claims`, `actors`, `clusters` (the
//!   fused events), and the word statistics fusion uses (`terms`, `postings`).
//! - Writing: [`Store::ingest_batch`] stores a batch of reports in one transaction, each report
//!   under its own savepoint so that one failing report does not lose the others. A report
//!   whose id and text were stored before is skipped; one whose text changed replaces the old
//!   version.
//! - Fusion ([`fusion`]) is incremental: each new report's main event (its first) joins the
//!   best matching cluster or founds one, and that cluster's figures are recomputed from its
//!   reports before the batch commits. The report's other events are stored but not fused.
//! - Reading: [`Store::for_each_event`] walks the fused events that pass a [`Filter`];
//!   [`Store::events_page`] reads one page of them in a [`Sort`] order with their total;
//!   [`Store::event`] one fused event with its claims and reports (texts included);
//!   [`Store::documents`] and [`Store::document`] the reports; [`Store::timeline`] events per
//!   day and running tolls per campaign and side (the rule is in [`timeline`]).
//! - Filter input: [`filter_input`] reads a filter's values from text (days, country codes,
//!   boxes, points, radii) with the range checks [`Filter::validate`] also runs; the CLI's
//!   flags and the HTTP API's query parameters parse with it.
//! - Text search: an FTS5 index over the reports' titles and texts ([`Filter::text`]).
//! - Actor search: the distinct actor names (`actor_names`, migration 3) under an FTS5 trigram
//!   index (names added with their actors, dropped by triggers once unused); [`Filter::actor`] finds substrings of three
//!   characters or more through it and scans the actors for shorter ones.
//!
//! The database runs in WAL mode, so a reader (`sitrep events`) never blocks the writer; a
//! second writer waits up to [`BUSY_TIMEOUT`] for the lock.

pub mod filter_input;
pub mod fusion;
mod read;
mod rows;
pub mod schema;
pub mod synthetic;
pub mod text;
pub mod timeline;
mod write;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::Connection;
use serde::Serialize;
use sitrep_model::{Actor, Claim, DocResult, Document, EventDate, Location, Span, Toll};

pub use filter_input::FilterInputError;
pub use read::{
    DocumentDetail, DocumentMeta, DocumentPage, DocumentSummary, EventDetail, EventDocument, EventPage, Filter,
    Page, Sort,
};
pub use timeline::{Timeline, TimelineDay, TollPoint, TollSeries};

/// How long a writer waits for another writer's lock before failing.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(30);

/// Prepared statements kept per connection (ingest and fusion use about 30).
const STATEMENT_CACHE: usize = 64;

/// What can go wrong in the store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The database file cannot be opened or created.
    #[error("cannot open the store {path}: {source}")]
    Open {
        /// The file.
        path: PathBuf,
        /// Why.
        source: rusqlite::Error,
    },
    /// The file was written by a newer sitrep.
    #[error("the store has schema version {found}, newer than this sitrep knows ({supported}); use a newer sitrep")]
    NewerSchema {
        /// The store's version.
        found: i64,
        /// The newest version this build knows.
        supported: i64,
    },
    /// A malformed filter, sort order or page (a date that is no day, a box off the globe, a
    /// zero page size, …): the caller's mistake, not the store's.
    #[error("invalid query: {0}")]
    InvalidFilter(String),
    /// Any other SQLite error.
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
}

/// One report to store: the document, the pipeline's result for it, and the byte ranges of
/// scraped noise (from `sitrep_clean`) to leave out of the word vector that fusion compares.
#[derive(Clone, Copy, Debug)]
pub struct Report<'a> {
    /// The document as read.
    pub doc: &'a Document,
    /// The pipeline's output for it.
    pub result: &'a DocResult,
    /// Noise spans in `doc.text`; may be empty.
    pub noise: &'a [Span],
}

/// What storing a report did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// A new report.
    Added,
    /// The same id and text were stored before: nothing changed.
    Unchanged,
    /// The id was stored before with another text: the old version was replaced.
    Replaced,
}

/// The result of storing one report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ingested {
    /// The report's id.
    pub doc_id: String,
    /// What happened.
    pub outcome: Outcome,
    /// The `event_id` of the fused event its main event belongs to, if it has one.
    pub event_id: Option<String>,
}

/// How many rows the store holds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Reports.
    pub documents: u64,
    /// Events of all reports.
    pub events: u64,
    /// Fused events.
    pub clusters: u64,
}

/// A claim of a fused event, with the report that states it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FusedClaim {
    /// The report's id.
    pub doc_id: String,
    /// The claim, as the report states it.
    #[serde(flatten)]
    pub claim: Claim,
}

/// One fused event: an incident with every report about it.
///
/// Serialises to one line of `sitrep events --format jsonl`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FusedEvent {
    /// Same as `event_id`: the key the team's scorer reads lines by.
    pub doc_id: String,
    /// Stable id: `ev:` and the id of the report that founded the event.
    pub event_id: String,
    /// Every report attached, in the order they were stored.
    pub doc_ids: Vec<String>,
    /// The type most reports give.
    pub event_type: Option<String>,
    /// The sub-event type most reports of that type give.
    pub sub_event_type: Option<String>,
    /// The most precise date the reports give (the most common one among those).
    pub date: Option<EventDate>,
    /// The most precise place the reports give (the most common one among those).
    pub location: Option<Location>,
    /// The actors of all reports, each role and name once.
    pub actors: Vec<Actor>,
    /// Killed: best, low and high over the reports (see [`fusion::fuse_tolls`]).
    pub fatalities: Option<Toll>,
    /// Injured, likewise.
    pub injuries: Option<Toll>,
    /// True when the reports contest a toll (a zero against a positive figure).
    pub contested: bool,
    /// Which tolls are contested: `killed`, `injured`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub contested_kinds: Vec<String>,
    /// Number of reports.
    pub reports: u64,
    /// Every claim of the reports' events, each with its report's id.
    pub claims: Vec<FusedClaim>,
}

/// The store: one SQLite database.
#[derive(Debug)]
pub struct Store {
    conn: Connection,
    /// Document frequencies read or written so far (see [`text`]); valid as long as no other
    /// connection commits, which `PRAGMA data_version` tells.
    df_cache: HashMap<String, u64>,
    data_version: i64,
}

impl Store {
    /// Open the store at `path`, creating it if needed, and bring its schema up to date.
    pub fn open(path: impl AsRef<Path>) -> Result<Store, StoreError> {
        let path = path.as_ref();
        let conn = Connection::open(path).map_err(|source| StoreError::Open {
            path: path.to_path_buf(),
            source,
        })?;
        Store::setup(conn, true)
    }

    /// A store in memory, gone when dropped (tests, one-off runs).
    pub fn open_in_memory() -> Result<Store, StoreError> {
        Store::setup(Connection::open_in_memory()?, false)
    }

    fn setup(mut conn: Connection, wal: bool) -> Result<Store, StoreError> {
        conn.busy_timeout(BUSY_TIMEOUT)?;
        // Every statement of ingest and fusion stays prepared.
        conn.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
        if wal {
            // `journal_mode` answers with the mode it set.
            let _mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
            // In WAL mode NORMAL loses no committed transaction on a crash of the process;
            // only a power cut may lose the last ones.
            conn.execute_batch("PRAGMA synchronous = NORMAL")?;
        }
        conn.execute_batch("PRAGMA foreign_keys = ON")?;
        schema::migrate(&mut conn)?;
        Ok(Store {
            conn,
            df_cache: HashMap::new(),
            data_version: -1,
        })
    }

    /// The schema version (the number of migrations applied).
    pub fn schema_version(&self) -> Result<i64, StoreError> {
        schema::version(&self.conn)
    }

    /// How many reports, events and fused events the store holds.
    pub fn counts(&self) -> Result<Counts, StoreError> {
        let count = |table: &str| -> Result<u64, StoreError> {
            let n: i64 =
                self.conn
                    .query_row(&format!("SELECT COUNT(*) FROM {table}"), [], |r| r.get(0))?;
            Ok(u64::try_from(n).unwrap_or(0))
        };
        Ok(Counts {
            documents: count("documents")?,
            events: count("events")?,
            clusters: count("clusters")?,
        })
    }

    /// Store one report (a batch of one).
    pub fn ingest(&mut self, report: &Report<'_>) -> Result<Ingested, StoreError> {
        let mut done = self.ingest_batch(std::slice::from_ref(report))?;
        done.pop()
            .unwrap_or_else(|| unreachable!("one result per report"))
    }

    /// Store a batch of reports in one transaction, in order. Each report gets its own result;
    /// a report that fails is rolled back alone. The outer error means the transaction itself
    /// failed (the lock, the disk) and nothing of the batch was stored.
    pub fn ingest_batch(
        &mut self,
        reports: &[Report<'_>],
    ) -> Result<Vec<Result<Ingested, StoreError>>, StoreError> {
        write::ingest_batch(self, reports)
    }

    /// Every fused event that passes `filter`, in date order.
    pub fn events(&self, filter: &Filter) -> Result<Vec<FusedEvent>, StoreError> {
        let mut out = Vec::new();
        self.for_each_event(filter, |e| {
            out.push(e);
            std::ops::ControlFlow::Continue(())
        })?;
        Ok(out)
    }

    /// Call `f` with each fused event that passes `filter`, in date order (undated last), until
    /// it answers `Break`.
    pub fn for_each_event(
        &self,
        filter: &Filter,
        f: impl FnMut(FusedEvent) -> std::ops::ControlFlow<()>,
    ) -> Result<(), StoreError> {
        read::for_each_event(&self.conn, filter, &Page::default(), true, f)
    }

    /// Call `f` with each fused event that passes `filter`, in `page`'s order and bounds,
    /// until it answers `Break`. Without `with_claims` the events' `claims` are left empty
    /// (faster). Events are read in chunks, each chunk's reports, actors and claims with one
    /// query each.
    pub fn for_each_event_in(
        &self,
        filter: &Filter,
        page: &Page,
        with_claims: bool,
        f: impl FnMut(FusedEvent) -> std::ops::ControlFlow<()>,
    ) -> Result<(), StoreError> {
        read::for_each_event(&self.conn, filter, page, with_claims, f)
    }

    /// How many fused events pass `filter`.
    pub fn count_events(&self, filter: &Filter) -> Result<u64, StoreError> {
        filter.validate()?;
        read::count_events(&self.conn, filter)
    }

    /// One page of the fused events that pass `filter`, with how many pass it in all. Without
    /// `with_claims` the events' `claims` are left empty (a list's summaries). Both reads share
    /// one transaction, so the total matches the page.
    pub fn events_page(
        &self,
        filter: &Filter,
        page: &Page,
        with_claims: bool,
    ) -> Result<EventPage, StoreError> {
        filter.validate()?;
        let tx = self.conn.unchecked_transaction()?;
        let total = read::count_events(&tx, filter)?;
        let mut events = Vec::new();
        read::for_each_event(&tx, filter, page, with_claims, |e| {
            events.push(e);
            std::ops::ControlFlow::Continue(())
        })?;
        tx.finish()?;
        Ok(EventPage { total, events })
    }

    /// One fused event by its `event_id` (`ev:…`), with its claims and its reports (texts
    /// included); `None` when there is no such event.
    pub fn event(&self, event_id: &str) -> Result<Option<EventDetail>, StoreError> {
        let tx = self.conn.unchecked_transaction()?;
        let found = read::event(&tx, event_id)?;
        tx.finish()?;
        Ok(found)
    }

    /// A page of the stored reports, in the order they were stored, each with its number of
    /// events, and how many reports there are.
    pub fn documents(&self, limit: u64, offset: u64) -> Result<DocumentPage, StoreError> {
        let tx = self.conn.unchecked_transaction()?;
        let page = read::documents(&tx, limit, offset)?;
        tx.finish()?;
        Ok(page)
    }

    /// One stored report by id, with its text and the fused events it belongs to; `None`
    /// when there is no such report.
    pub fn document(&self, doc_id: &str) -> Result<Option<DocumentDetail>, StoreError> {
        let tx = self.conn.unchecked_transaction()?;
        let found = read::document(&tx, doc_id)?;
        tx.finish()?;
        Ok(found)
    }

    /// Fused events per day and running tolls per campaign and side, over the fused events
    /// that pass `filter` (the rule is in [`timeline`]).
    pub fn timeline(&self, filter: &Filter) -> Result<Timeline, StoreError> {
        let tx = self.conn.unchecked_transaction()?;
        let found = timeline::timeline(&tx, filter)?;
        tx.finish()?;
        Ok(found)
    }
}

/// Content hash of a report: SipHash-1-3 (128 bits, fixed keys) of its id and text, in hex.
/// Not cryptographic; it only tells whether a report was stored before.
pub fn content_hash(doc_id: &str, text: &str) -> String {
    use siphasher::sip128::{Hasher128, SipHasher13};
    use std::hash::Hasher;
    let mut h = SipHasher13::new_with_keys(0x7369_7472_6570_2d73, 0x746f_7265_2d76_3031);
    h.write(doc_id.as_bytes());
    h.write(&[0]);
    h.write(text.as_bytes());
    format!("{:032x}", h.finish128().as_u128())
}

#[cfg(test)]
mod tests;
