//! Storing reports and fusing their main events.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::rc::Rc;

use chrono::Duration;
use rusqlite::{params, params_from_iter, Connection, OptionalExtension, TransactionBehavior};
use sitrep_model::{ClaimKind, Event, Toll};

use crate::fusion::{self, Match, Profile};
use crate::rows::{self, EventRow, EVENT_COLUMNS};
use crate::text::{self, TermVector};
use crate::{content_hash, Ingested, Outcome, Report, Store, StoreError};

/// Words of each report indexed for finding earlier reports that share them.
const POSTED_TERMS: usize = 20;
/// Earlier reports looked up per shared word (the most recent).
const POSTINGS_PER_TERM: i64 = 30;
/// Main events read per candidate source (date window, place box).
const CANDIDATES_PER_SOURCE: i64 = 120;
/// Candidates by date lie within this many days of the new event's date.
const CANDIDATE_DAYS: i64 = fusion::FOLLOW_UP_DAYS;
/// Candidates by place lie within this many km (the largest radius of [`fusion::radius_km`]).
const CANDIDATE_KM: f64 = 150.0;
/// Members of one fused event compared with a new report (the most recent first): enough to
/// find the incident, and a big story's hundreds of reports do not slow every ingest down.
const MEMBERS_COMPARED: usize = 10;
/// Above this many words the document-frequency cache is emptied.
const DF_CACHE_MAX: usize = 2_000_000;

type DfCache = HashMap<String, u64>;

/// What one batch (one transaction) keeps between its reports.
struct Batch<'a> {
    /// Document frequencies (see [`Store`]).
    df: &'a mut DfCache,
    /// Reports in the store.
    n_docs: u64,
    /// Fused events whose figures must be recomputed before the commit.
    dirty: BTreeSet<i64>,
    /// Main events already read as fusion candidates in this batch (consecutive reports
    /// share most candidates).
    seen: HashMap<i64, Rc<Seen>>,
}

/// A main event as fusion compares it.
struct Seen {
    profile: Profile,
    /// Its report's stored word vector.
    terms: String,
}

pub(crate) fn ingest_batch(
    store: &mut Store,
    reports: &[Report<'_>],
) -> Result<Vec<Result<Ingested, StoreError>>, StoreError> {
    let Store {
        conn,
        df_cache,
        data_version,
    } = store;
    let result = (|| {
        let mut tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let version: i64 = tx.query_row("PRAGMA data_version", [], |r| r.get(0))?;
        if version != *data_version || df_cache.len() > DF_CACHE_MAX {
            // Another connection committed since: the cached frequencies may be stale.
            df_cache.clear();
            *data_version = version;
        }
        let mut batch = Batch {
            df: df_cache,
            n_docs: document_count(&tx)?,
            dirty: BTreeSet::new(),
            seen: HashMap::new(),
        };
        let mut results = Vec::with_capacity(reports.len());
        for report in reports {
            let sp = tx.savepoint()?;
            let n_docs = batch.n_docs;
            match ingest_one(&sp, &mut batch, report) {
                Ok(done) => {
                    sp.commit()?;
                    results.push(Ok(done));
                }
                Err(e) => {
                    // Dropping the savepoint rolls the report back; the caches may hold its
                    // words and events.
                    drop(sp);
                    batch.n_docs = n_docs;
                    batch.df.clear();
                    batch.seen.clear();
                    results.push(Err(e));
                }
            }
        }
        // Fusion compares members, never a cluster's figures: they are recomputed once per
        // batch, not once per report.
        for cluster in std::mem::take(&mut batch.dirty) {
            refresh_cluster(&tx, cluster)?;
        }
        tx.commit()?;
        Ok(results)
    })();
    if result.is_err() {
        df_cache.clear();
    }
    result
}

fn document_count(conn: &Connection) -> Result<u64, StoreError> {
    let n: i64 = conn.query_row("SELECT COUNT(*) FROM documents", [], |r| r.get(0))?;
    Ok(rows::from_sql_int(n))
}

fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
}

fn ingest_one(
    conn: &Connection,
    batch: &mut Batch<'_>,
    report: &Report<'_>,
) -> Result<Ingested, StoreError> {
    let doc = report.doc;
    let hash = content_hash(&doc.doc_id, &doc.text);
    let existing: Option<(i64, String)> = conn
        .prepare_cached("SELECT id, content_hash FROM documents WHERE doc_id = ?1")?
        .query_row([&doc.doc_id], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    let mut outcome = Outcome::Added;
    if let Some((id, stored_hash)) = existing {
        if stored_hash == hash {
            return Ok(Ingested {
                doc_id: doc.doc_id.clone(),
                outcome: Outcome::Unchanged,
                event_id: main_event_id(conn, id)?,
            });
        }
        remove_document(conn, batch, id)?;
        outcome = Outcome::Replaced;
    }

    let terms = TermVector::from_text(&doc.text, report.noise);
    let published = report
        .result
        .published
        .clone()
        .or_else(|| doc.published.clone());
    conn.prepare_cached(
        "INSERT INTO documents (doc_id, content_hash, title, published, url, outlet, origin, format, terms, ingested_at, text)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?
    .execute(
        params![
            doc.doc_id,
            hash,
            report.result.title.as_ref().or(doc.title.as_ref()),
            published,
            doc.url,
            doc.outlet,
            doc.origin,
            rows::format_str(doc.format),
            terms.encode(),
            now(),
            doc.text
        ],
    )?;
    let doc_row = conn.last_insert_rowid();
    batch.n_docs += 1;

    {
        let mut upsert = conn.prepare_cached(
            "INSERT INTO terms (term, df) VALUES (?1, 1) ON CONFLICT(term) DO UPDATE SET df = df + 1 RETURNING df",
        )?;
        for (term, _) in &terms.terms {
            let n: i64 = upsert.query_row([term], |r| r.get(0))?;
            batch.df.insert(term.clone(), rows::from_sql_int(n));
        }
    }
    let weights = terms.weights(batch.n_docs, |t| batch.df.get(t).copied().unwrap_or(1));
    let mut top: Vec<(&str, f64)> = weights.iter().map(|(t, w)| (*t, *w)).collect();
    top.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(b.0)));
    top.truncate(POSTED_TERMS);
    {
        let mut post = conn
            .prepare_cached("INSERT OR IGNORE INTO postings (term, document_id) VALUES (?1, ?2)")?;
        for (term, _) in &top {
            post.execute(params![term, doc_row])?;
        }
    }

    let mut main_row = None;
    for (ordinal, event) in report.result.events.iter().enumerate() {
        let row = insert_event(conn, doc_row, ordinal, event)?;
        main_row.get_or_insert(row);
    }
    let event_id = match (main_row, report.result.events.first()) {
        (Some(row), Some(event)) => {
            let top_terms: Vec<&str> = top.iter().map(|(t, _)| *t).collect();
            let ctx = FuseInput {
                event_row: row,
                doc_row,
                doc_id: &doc.doc_id,
                event,
                weights: &weights,
                top_terms: &top_terms,
            };
            Some(fuse(conn, batch, &ctx)?)
        }
        _ => None,
    };
    Ok(Ingested {
        doc_id: doc.doc_id.clone(),
        outcome,
        event_id,
    })
}

fn main_event_id(conn: &Connection, doc_row: i64) -> Result<Option<String>, StoreError> {
    Ok(conn
        .query_row(
            "SELECT c.event_id FROM events e JOIN clusters c ON c.id = e.cluster_id
             WHERE e.document_id = ?1 AND e.ordinal = 0",
            [doc_row],
            |r| r.get(0),
        )
        .optional()?)
}

fn insert_event(
    conn: &Connection,
    doc_row: i64,
    ordinal: usize,
    event: &Event,
) -> Result<i64, StoreError> {
    let cols = EventRow::from_event(event);
    let mut values = vec![
        rusqlite::types::Value::Integer(doc_row),
        rusqlite::types::Value::Integer(rows::offset_to_sql(ordinal)),
    ];
    values.extend(cols.values());
    values.push(rusqlite::types::Value::Integer(i64::from(
        event.date.as_ref().is_some_and(|d| d.ambiguous),
    )));
    let trigger = |i: usize| {
        event.trigger.map_or(rusqlite::types::Value::Null, |t| {
            rusqlite::types::Value::Integer(rows::offset_to_sql(t[i]))
        })
    };
    values.push(trigger(0));
    values.push(trigger(1));
    let placeholders = (1..=values.len())
        .map(|i| format!("?{i}"))
        .collect::<Vec<_>>()
        .join(", ");
    let sql = format!(
        "INSERT INTO events (document_id, ordinal, {EVENT_COLUMNS}, date_ambiguous, trigger_start, trigger_end) VALUES ({placeholders})"
    );
    conn.prepare_cached(&sql)?
        .execute(params_from_iter(values))?;
    let event_row = conn.last_insert_rowid();

    let mut actor = conn.prepare_cached("INSERT INTO actors (event_id, role, text, canonical, inferred) VALUES (?1, ?2, ?3, ?4, ?5)")?;
    for a in &event.actors {
        actor.execute(params![event_row, a.role, a.text, a.canonical, a.inferred])?;
        add_actor_names(conn, &a.text, a.canonical.as_deref())?;
    }
    let mut claim = conn.prepare_cached(
        "INSERT INTO claims (event_id, document_id, kind, low, high, qualifier, victims, side, cumulative, source,
                             span_start, span_end, text, perpetrators, struck)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
    )?;
    for c in &event.claims {
        claim.execute(params![
            event_row,
            doc_row,
            c.kind.as_str(),
            rows::to_sql_int(c.low),
            c.high.map(rows::to_sql_int),
            rows::qualifier_str(c.qualifier),
            c.victims,
            c.side,
            c.cumulative,
            c.source,
            rows::offset_to_sql(c.span[0]),
            rows::offset_to_sql(c.span[1]),
            c.text,
            c.perpetrators,
            c.struck
        ])?;
    }
    Ok(event_row)
}

/// Record an actor's text and canonical name in `actor_names` (and so in its trigram index
/// `actor_names_fts`), each unless it is there already. Every writer of `actors` calls this
/// after an insert: no trigger does it, because a trigger on `actors` inserts makes each
/// insert pay for a statement journal (about twice the time of writing an actor).
pub(crate) fn add_actor_names(
    conn: &Connection,
    text: &str,
    canonical: Option<&str>,
) -> Result<(), StoreError> {
    let mut known = conn.prepare_cached("SELECT 1 FROM actor_names WHERE name = ?1")?;
    let mut add = conn.prepare_cached("INSERT OR IGNORE INTO actor_names (name) VALUES (?1)")?;
    for name in std::iter::once(text).chain(canonical) {
        if !known.exists([name])? {
            add.execute([name])?;
        }
    }
    Ok(())
}

/// Remove a report, its events, claims, actors and words; mark the fused events it was part of
/// for recomputation (those left empty are then dropped).
fn remove_document(
    conn: &Connection,
    batch: &mut Batch<'_>,
    doc_row: i64,
) -> Result<(), StoreError> {
    let clusters: Vec<i64> = conn
        .prepare_cached("SELECT DISTINCT cluster_id FROM events WHERE document_id = ?1 AND cluster_id IS NOT NULL")?
        .query_map([doc_row], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    let stored: String = conn.query_row(
        "SELECT terms FROM documents WHERE id = ?1",
        [doc_row],
        |r| r.get(0),
    )?;
    for (term, _) in TermVector::decode(&stored).terms {
        conn.prepare_cached("UPDATE terms SET df = df - 1 WHERE term = ?1")?
            .execute([&term])?;
        conn.prepare_cached("DELETE FROM terms WHERE term = ?1 AND df <= 0")?
            .execute([&term])?;
        batch.df.remove(&term);
    }
    conn.execute("DELETE FROM documents WHERE id = ?1", [doc_row])?;
    batch.n_docs = batch.n_docs.saturating_sub(1);
    batch.dirty.extend(clusters);
    // Row ids of deleted events may be reused.
    batch.seen.clear();
    Ok(())
}

struct FuseInput<'a> {
    event_row: i64,
    doc_row: i64,
    doc_id: &'a str,
    event: &'a Event,
    weights: &'a HashMap<&'a str, f64>,
    top_terms: &'a [&'a str],
}

/// Find the new main event's cluster (or found one) and attach the event; the cluster is marked
/// for recomputation. Returns the cluster's `event_id`.
fn fuse(
    conn: &Connection,
    batch: &mut Batch<'_>,
    input: &FuseInput<'_>,
) -> Result<String, StoreError> {
    let mut me = EventRow::from_event(input.event).profile();
    me.actor1 = named_actor1(input.event);

    let candidates = candidates(conn, input, &me)?;
    let mut best: Option<(f64, i64)> = None;
    let mut compared: HashMap<i64, usize> = HashMap::new();
    // The most recent events first; each cluster gets at most MEMBERS_COMPARED comparisons.
    for (candidate, cluster) in candidates.into_iter().rev() {
        let count = compared.entry(cluster).or_insert(0);
        if *count >= MEMBERS_COMPARED {
            continue;
        }
        *count += 1;
        let Some(seen) = seen_event(conn, batch, candidate)? else {
            continue;
        };
        let other = &seen.profile;
        let Some(verdict) = fusion::compare(&me, other, 0.0) else {
            continue;
        };
        // Even a similarity of 1 would not beat the best so far: spare the computation.
        let ceiling = Match {
            similarity: 1.0,
            ..verdict
        };
        if !ceiling.fuses() || best.is_some_and(|(score, _)| ceiling.score() <= score) {
            continue;
        }
        let similarity = similarity(conn, batch.df, batch.n_docs, input.weights, &seen.terms)?;
        let verdict = Match {
            similarity,
            ..verdict
        };
        if verdict.fuses() && best.is_none_or(|(score, _)| verdict.score() > score) {
            best = Some((verdict.score(), cluster));
        }
    }

    let cluster = match best {
        Some((_, cluster)) => cluster,
        None => new_cluster(conn, input.doc_id)?,
    };
    conn.prepare_cached("UPDATE events SET cluster_id = ?1 WHERE id = ?2")?
        .execute([cluster, input.event_row])?;
    batch.dirty.insert(cluster);
    Ok(conn
        .prepare_cached("SELECT event_id FROM clusters WHERE id = ?1")?
        .query_row([cluster], |r| r.get(0))?)
}

/// A stored main event as fusion compares it, read once per batch.
fn seen_event(
    conn: &Connection,
    batch: &mut Batch<'_>,
    event_row: i64,
) -> Result<Option<Rc<Seen>>, StoreError> {
    if let Some(seen) = batch.seen.get(&event_row) {
        return Ok(Some(Rc::clone(seen)));
    }
    let mut load = conn.prepare_cached(&format!(
        "SELECT d.terms, {},
                (SELECT a.canonical FROM actors a WHERE a.event_id = e.id AND a.role = 'actor1'
                  AND a.inferred = 0 AND a.canonical IS NOT NULL ORDER BY a.id LIMIT 1)
         FROM events e JOIN documents d ON d.id = e.document_id WHERE e.id = ?1",
        rows::event_columns("e")
    ))?;
    let found = load
        .query_row([event_row], |r| {
            let mut profile = EventRow::read(r, 1)?.profile();
            profile.actor1 = r.get(18)?;
            Ok(Seen {
                profile,
                terms: r.get(0)?,
            })
        })
        .optional()?;
    Ok(found.map(|seen| {
        let seen = Rc::new(seen);
        batch.seen.insert(event_row, Rc::clone(&seen));
        seen
    }))
}

fn named_actor1(event: &Event) -> Option<String> {
    event
        .actors
        .iter()
        .find(|a| a.role == "actor1" && !a.inferred && a.canonical.is_some())
        .and_then(|a| a.canonical.clone())
}

/// Main events already fused that might tell of the same incident, with their clusters:
///
/// - for a dated event, the nearest in time (starting within [`CANDIDATE_DAYS`] before or
///   after) in the same country or an unknown one, walked outwards along an index;
/// - for an undated event, those placed within [`CANDIDATE_KM`] in the same country;
/// - those of reports that share one of the new report's most telling words (any date, any
///   place: follow-ups weeks later, reports the extractor placed wrongly).
///
/// Every source is bounded, so the cost of a new report does not grow with the store.
fn candidates(
    conn: &Connection,
    input: &FuseInput<'_>,
    me: &Profile,
) -> Result<BTreeMap<i64, i64>, StoreError> {
    let mut out = BTreeMap::new();
    let mut add = |stmt: &mut rusqlite::CachedStatement<'_>,
                   params: &[&dyn rusqlite::ToSql]|
     -> Result<(), StoreError> {
        let rows = stmt.query_map(params, |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?)))?;
        for row in rows {
            let (id, cluster) = row?;
            out.insert(id, cluster);
        }
        Ok(())
    };
    let country = me.place.as_ref().and_then(|p| p.country.clone());
    // Countries to look in: the event's own and unknown ones; any when its own is unknown.
    let countries: Vec<Option<&str>> = match &country {
        Some(c) => vec![Some(c.as_str()), None],
        None => vec![],
    };
    // The box around a place below country level: [south, north, west, east].
    let place_box: Option<[f64; 4]> = me
        .place
        .as_ref()
        .filter(|p| fusion::radius_km(p.precision).is_some())
        .and_then(|p| p.coords)
        .map(|(lat, lon)| {
            let dlat = CANDIDATE_KM / 111.0;
            let cos = lat.to_radians().cos();
            let dlon = if cos > 0.05 {
                CANDIDATE_KM / (111.0 * cos)
            } else {
                360.0
            };
            // Near the antimeridian the box wraps: fall back to latitude alone.
            let (west, east) = match (lon - dlon, lon + dlon) {
                (w, e) if w < -180.0 || e > 180.0 => (-180.0, 180.0),
                box_ => box_,
            };
            [lat - dlat, lat + dlat, west, east]
        });
    let [south, north, west, east] = place_box.map_or([None; 4], |b| b.map(Some));
    if let Some(date) = me.date {
        // Nearest in time first, in both directions, along the (country, date) index; where the
        // event has a place, only events near it or placed no finer than a country, so that a
        // busy day elsewhere in the country does not crowd the candidates out.
        let day = |d: chrono::NaiveDate| d.format("%Y-%m-%d").to_string();
        let lo = day(date.start - Duration::days(CANDIDATE_DAYS));
        let mid = day(date.start);
        let hi = day(date.end + Duration::days(CANDIDATE_DAYS));
        let per_query = CANDIDATES_PER_SOURCE / 4;
        const FILTER: &str = "ordinal = 0 AND cluster_id IS NOT NULL AND id != ?3
            AND (?6 IS NULL OR location_precision = 'country' OR lat IS NULL
                 OR (lat BETWEEN ?6 AND ?7 AND lon BETWEEN ?8 AND ?9))";
        let directions = [
            (
                "date_start >= ?1 AND date_start <= ?2 ORDER BY date_start ASC",
                &mid,
                &hi,
            ),
            (
                "date_start >= ?1 AND date_start < ?2 ORDER BY date_start DESC",
                &lo,
                &mid,
            ),
        ];
        for (range, from, to) in directions {
            if countries.is_empty() {
                let mut stmt = conn.prepare_cached(&format!(
                    "SELECT id, cluster_id FROM events WHERE {FILTER} AND ?5 IS NULL AND {range} LIMIT ?4"
                ))?;
                let none: Option<&str> = None;
                add(
                    &mut stmt,
                    &[
                        from,
                        to,
                        &input.event_row,
                        &(2 * per_query),
                        &none,
                        &south,
                        &north,
                        &west,
                        &east,
                    ],
                )?;
            }
            for c in &countries {
                let mut stmt = conn.prepare_cached(&format!(
                    "SELECT id, cluster_id FROM events WHERE {FILTER} AND country_code IS ?5 AND {range} LIMIT ?4"
                ))?;
                add(
                    &mut stmt,
                    &[
                        from,
                        to,
                        &input.event_row,
                        &per_query,
                        c,
                        &south,
                        &north,
                        &west,
                        &east,
                    ],
                )?;
            }
        }
    } else if let (Some(c), Some([south, north, west, east])) = (&country, place_box) {
        let mut near = conn.prepare_cached(
            "SELECT id, cluster_id FROM events WHERE ordinal = 0 AND cluster_id IS NOT NULL
               AND country_code = ?7 AND lat BETWEEN ?1 AND ?2 AND lon BETWEEN ?3 AND ?4 AND id != ?5
             ORDER BY id DESC LIMIT ?6",
        )?;
        add(
            &mut near,
            &[
                &south,
                &north,
                &west,
                &east,
                &input.event_row,
                &CANDIDATES_PER_SOURCE,
                c,
            ],
        )?;
    }
    let mut posted = conn.prepare_cached(
        "SELECT e.id, e.cluster_id FROM postings p
           JOIN events e ON e.document_id = p.document_id AND e.ordinal = 0
         WHERE p.term = ?1 AND p.document_id != ?2 AND e.cluster_id IS NOT NULL
         ORDER BY p.document_id DESC LIMIT ?3",
    )?;
    for term in input.top_terms {
        add(&mut posted, &[term, &input.doc_row, &POSTINGS_PER_TERM])?;
    }
    Ok(out)
}

/// Cosine between the new report's weights and a stored report's word vector.
fn similarity(
    conn: &Connection,
    df: &mut DfCache,
    n_docs: u64,
    mine: &HashMap<&str, f64>,
    stored: &str,
) -> Result<f64, StoreError> {
    // Weights are computed on the fly, with no allocation but for words not yet cached.
    let mut lookup = conn.prepare_cached("SELECT df FROM terms WHERE term = ?1")?;
    let (mut dot, mut norm) = (0.0, 0.0);
    for (term, tf) in text::pairs(stored) {
        let n = match df.get(term) {
            Some(n) => *n,
            None => {
                let n: Option<i64> = lookup.query_row([term], |r| r.get(0)).optional()?;
                let n = n.map_or(0, rows::from_sql_int);
                df.insert(term.to_string(), n);
                n
            }
        };
        let w = text::weight(tf, n_docs, n);
        norm += w * w;
        if let Some(m) = mine.get(term) {
            dot += m * w;
        }
    }
    Ok(if norm > 0.0 { dot / norm.sqrt() } else { 0.0 })
}

fn new_cluster(conn: &Connection, doc_id: &str) -> Result<i64, StoreError> {
    let base = format!("ev:{doc_id}");
    let mut key = base.clone();
    let mut n = 1;
    while conn
        .prepare_cached("SELECT 1 FROM clusters WHERE event_id = ?1")?
        .query_row([&key], |_| Ok(()))
        .optional()?
        .is_some()
    {
        n += 1;
        key = format!("{base}~{n}");
    }
    let t = now();
    conn.prepare_cached(
        "INSERT INTO clusters (event_id, created_at, updated_at) VALUES (?1, ?2, ?2)",
    )?
    .execute(params![key, t])?;
    Ok(conn.last_insert_rowid())
}

/// One member of a cluster, as its figures are recomputed.
struct Member {
    cols: EventRow,
}

/// Recompute a fused event from its members; delete it when none is left.
pub(crate) fn refresh_cluster(conn: &Connection, cluster: i64) -> Result<(), StoreError> {
    let members: Vec<Member> = conn
        .prepare_cached(&format!(
            "SELECT {} FROM events e JOIN documents d ON d.id = e.document_id
             WHERE e.cluster_id = ?1 ORDER BY d.id, e.ordinal",
            rows::event_columns("e")
        ))?
        .query_map([cluster], |r| {
            Ok(Member {
                cols: EventRow::read(r, 0)?,
            })
        })?
        .collect::<Result<_, _>>()?;
    if members.is_empty() {
        conn.execute("DELETE FROM clusters WHERE id = ?1", [cluster])?;
        return Ok(());
    }
    let fused = fuse_members(conn, cluster, &members)?;
    let mut values = fused.cols.values();
    values.push(rusqlite::types::Value::Text(fused.contested.join(",")));
    values.push(rusqlite::types::Value::Integer(rows::offset_to_sql(
        members.len(),
    )));
    values.push(rusqlite::types::Value::Integer(now()));
    values.push(rusqlite::types::Value::Integer(cluster));
    let sets = EVENT_COLUMNS
        .split(", ")
        .chain(["contested", "reports", "updated_at"])
        .enumerate()
        .map(|(i, c)| format!("{} = ?{}", c.trim(), i + 1))
        .collect::<Vec<_>>()
        .join(", ");
    let sql = format!("UPDATE clusters SET {sets} WHERE id = ?{}", values.len());
    conn.prepare_cached(&sql)?
        .execute(params_from_iter(values))?;
    Ok(())
}

struct Fused {
    cols: EventRow,
    contested: Vec<&'static str>,
}

/// The most frequent value, ties going to the one seen first.
fn most_common<T: Ord + Clone>(items: impl IntoIterator<Item = T>) -> Option<T> {
    let mut counts: BTreeMap<T, (usize, usize)> = BTreeMap::new();
    for (i, item) in items.into_iter().enumerate() {
        let entry = counts.entry(item).or_insert((0, i));
        entry.0 += 1;
    }
    counts
        .into_iter()
        .max_by(|a, b| a.1 .0.cmp(&b.1 .0).then_with(|| b.1 .1.cmp(&a.1 .1)))
        .map(|(item, _)| item)
}

fn fuse_members(conn: &Connection, cluster: i64, members: &[Member]) -> Result<Fused, StoreError> {
    let mut cols = EventRow::default();
    // Type: the most common; sub-type: the most common among members of that type.
    cols.event_type = most_common(members.iter().filter_map(|m| m.cols.event_type.clone()));
    cols.sub_event_type = most_common(
        members
            .iter()
            .filter(|m| m.cols.event_type == cols.event_type)
            .filter_map(|m| m.cols.sub_event_type.clone()),
    );
    // Date: the most common among the most precise.
    let dated: Vec<&Member> = members.iter().filter(|m| m.cols.date().is_some()).collect();
    let finest = dated
        .iter()
        .filter_map(|m| m.cols.date())
        .map(|d| d.precision)
        .min();
    let date = most_common(
        dated
            .iter()
            .filter_map(|m| m.cols.date())
            .filter(|d| Some(d.precision) == finest)
            .map(|d| (d.start, d.end)),
    );
    if let (Some((start, end)), Some(precision)) = (date, finest) {
        cols.date_start = Some(start);
        cols.date_end = Some(end);
        cols.date_precision = Some(rows::date_precision_str(precision).to_string());
    }
    // Place: the most common name among the most precise; its first member gives the rest.
    let finest_place = members
        .iter()
        .filter_map(|m| m.cols.location_precision())
        .map(rows::location_rank)
        .min();
    let placed: Vec<&Member> = members
        .iter()
        .filter(|m| {
            m.cols.location_precision().map(rows::location_rank) == finest_place
                && finest_place.is_some()
        })
        .collect();
    let name = most_common(placed.iter().filter_map(|m| m.cols.location_name.clone()));
    if let Some(m) = placed.iter().find(|m| m.cols.location_name == name) {
        cols.location_name.clone_from(&m.cols.location_name);
        cols.country_code.clone_from(&m.cols.country_code);
        cols.admin1.clone_from(&m.cols.admin1);
        cols.lat = m.cols.lat;
        cols.lon = m.cols.lon;
        cols.location_precision
            .clone_from(&m.cols.location_precision);
    }
    // Tolls.
    let fatalities: Vec<Toll> = members.iter().filter_map(|m| m.cols.fatalities()).collect();
    let injuries: Vec<Toll> = members.iter().filter_map(|m| m.cols.injuries()).collect();
    let store_toll = |t: Option<Toll>| match t {
        Some(t) => [
            Some(rows::to_sql_int(t.low)),
            t.high.map(rows::to_sql_int),
            Some(rows::to_sql_int(t.best)),
        ],
        None => [None, None, None],
    };
    cols.fatalities = store_toll(fusion::fuse_tolls(&fatalities));
    cols.injuries = store_toll(fusion::fuse_tolls(&injuries));

    let claims: Vec<sitrep_model::Claim> = crate::read::cluster_claims(conn, cluster)?
        .into_iter()
        .map(|c| c.claim)
        .collect();
    let refs: Vec<&sitrep_model::Claim> = claims.iter().collect();
    let mut contested = Vec::new();
    if fusion::contested(&fatalities, &refs, ClaimKind::Killed) {
        contested.push("killed");
    }
    if fusion::contested(&injuries, &refs, ClaimKind::Injured) {
        contested.push("injured");
    }
    Ok(Fused { cols, contested })
}

#[cfg(test)]
mod tests {
    use super::most_common;

    #[test]
    fn most_common_ties_go_to_the_first_seen() {
        assert_eq!(most_common(["b", "a", "a", "b"]), Some("b"));
        assert_eq!(most_common(["b", "a", "a"]), Some("a"));
        assert_eq!(most_common(Vec::<&str>::new()), None);
    }
}
