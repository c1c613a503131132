//! Storing reports and fusing their main events.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::Duration;
use rusqlite::{params, params_from_iter, Connection, OptionalExtension, TransactionBehavior};
use sitrep_model::{ClaimKind, Event, Toll};

use crate::fusion::{self, Match, Profile};
use crate::rows::{self, EventRow, EVENT_COLUMNS};
use crate::text::{cosine, TermVector};
use crate::{content_hash, Ingested, Outcome, Report, Store, StoreError};

/// Words of each report indexed for finding earlier reports that share them.
const POSTED_TERMS: usize = 20;
/// Earlier reports looked up per shared word (the most recent).
const POSTINGS_PER_TERM: i64 = 50;
/// Main events compared per candidate source (date window, place box).
const CANDIDATES_PER_SOURCE: i64 = 300;
/// Candidates by date lie within this many days of the new event's date.
const CANDIDATE_DAYS: i64 = 31;
/// Candidates by place lie within this many km (the largest radius of [`fusion::radius_km`]).
const CANDIDATE_KM: f64 = 150.0;
/// Members of one fused event compared with a new report (the most recent first): enough to
/// find the incident, and a big story's hundreds of reports do not slow every ingest down.
const MEMBERS_COMPARED: usize = 10;
/// Above this many words the document-frequency cache is emptied.
const DF_CACHE_MAX: usize = 2_000_000;

type DfCache = HashMap<String, u64>;

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
        let mut n_docs = document_count(&tx)?;
        // Fused events whose figures must be recomputed before the commit: once per batch,
        // not once per report (fusion compares members, never these figures).
        let mut dirty = BTreeSet::new();
        let mut results = Vec::with_capacity(reports.len());
        for report in reports {
            let sp = tx.savepoint()?;
            let mut n = n_docs;
            match ingest_one(&sp, df_cache, &mut n, &mut dirty, report) {
                Ok(done) => {
                    sp.commit()?;
                    n_docs = n;
                    results.push(Ok(done));
                }
                Err(e) => {
                    // Dropping the savepoint rolls the report back; the cache may hold its words.
                    drop(sp);
                    df_cache.clear();
                    results.push(Err(e));
                }
            }
        }
        for cluster in dirty {
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
    df: &mut DfCache,
    n_docs: &mut u64,
    dirty: &mut BTreeSet<i64>,
    report: &Report<'_>,
) -> Result<Ingested, StoreError> {
    let doc = report.doc;
    let hash = content_hash(&doc.doc_id, &doc.text);
    let existing: Option<(i64, String)> = conn
        .query_row(
            "SELECT id, content_hash FROM documents WHERE doc_id = ?1",
            [&doc.doc_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
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
        remove_document(conn, df, n_docs, dirty, id)?;
        outcome = Outcome::Replaced;
    }

    let terms = TermVector::from_text(&doc.text, report.noise);
    let published = report
        .result
        .published
        .clone()
        .or_else(|| doc.published.clone());
    conn.execute(
        "INSERT INTO documents (doc_id, content_hash, title, published, url, outlet, origin, format, terms, ingested_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
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
            now()
        ],
    )?;
    let doc_row = conn.last_insert_rowid();
    *n_docs += 1;

    {
        let mut upsert = conn.prepare_cached(
            "INSERT INTO terms (term, df) VALUES (?1, 1) ON CONFLICT(term) DO UPDATE SET df = df + 1 RETURNING df",
        )?;
        for (term, _) in &terms.terms {
            let n: i64 = upsert.query_row([term], |r| r.get(0))?;
            df.insert(term.clone(), rows::from_sql_int(n));
        }
    }
    let weights = terms.weights(*n_docs, |t| df.get(t).copied().unwrap_or(1));
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
            Some(fuse(conn, df, *n_docs, dirty, &ctx)?)
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

/// Remove a report, its events, claims, actors and words; mark the fused events it was part of
/// for recomputation (those left empty are then dropped).
fn remove_document(
    conn: &Connection,
    df: &mut DfCache,
    n_docs: &mut u64,
    dirty: &mut BTreeSet<i64>,
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
        df.remove(&term);
    }
    conn.execute("DELETE FROM documents WHERE id = ?1", [doc_row])?;
    *n_docs = n_docs.saturating_sub(1);
    dirty.extend(clusters);
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
    df: &mut DfCache,
    n_docs: u64,
    dirty: &mut BTreeSet<i64>,
    input: &FuseInput<'_>,
) -> Result<String, StoreError> {
    let mut me = EventRow::from_event(input.event).profile();
    me.actor1 = named_actor1(input.event);

    let candidates = candidates(conn, input, &me)?;
    let mut best: Option<(f64, i64)> = None;
    let mut compared: HashMap<i64, usize> = HashMap::new();
    let mut load = conn.prepare_cached(&format!(
        "SELECT e.cluster_id, d.terms, {},
                (SELECT a.canonical FROM actors a WHERE a.event_id = e.id AND a.role = 'actor1'
                  AND a.inferred = 0 AND a.canonical IS NOT NULL ORDER BY a.id LIMIT 1)
         FROM events e JOIN documents d ON d.id = e.document_id WHERE e.id = ?1",
        rows::event_columns("e")
    ))?;
    // The most recent events first; each cluster gets at most MEMBERS_COMPARED comparisons.
    for (candidate, cluster) in candidates.into_iter().rev() {
        let seen = compared.entry(cluster).or_insert(0);
        if *seen >= MEMBERS_COMPARED {
            continue;
        }
        *seen += 1;
        let Some((_, terms, cols, actor1)) = load
            .query_row([candidate], |r| {
                Ok((
                    r.get::<_, Option<i64>>(0)?,
                    r.get::<_, String>(1)?,
                    EventRow::read(r, 2)?,
                    r.get::<_, Option<String>>(19)?,
                ))
            })
            .optional()?
        else {
            continue;
        };
        let mut other: Profile = cols.profile();
        other.actor1 = actor1;
        let Some(verdict) = fusion::compare(&me, &other, 0.0) else {
            continue;
        };
        let similarity = similarity(conn, df, n_docs, input.weights, &terms)?;
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
    conn.execute(
        "UPDATE events SET cluster_id = ?1 WHERE id = ?2",
        [cluster, input.event_row],
    )?;
    dirty.insert(cluster);
    Ok(conn.query_row(
        "SELECT event_id FROM clusters WHERE id = ?1",
        [cluster],
        |r| r.get(0),
    )?)
}

fn named_actor1(event: &Event) -> Option<String> {
    event
        .actors
        .iter()
        .find(|a| a.role == "actor1" && !a.inferred && a.canonical.is_some())
        .and_then(|a| a.canonical.clone())
}

/// Main events already fused that might tell of the same incident, with their clusters: those
/// dated within [`CANDIDATE_DAYS`] and those placed within [`CANDIDATE_KM`] (in the same
/// country or an unknown one), and those of reports that share one of the new report's most
/// telling words.
fn candidates(
    conn: &Connection,
    input: &FuseInput<'_>,
    me: &Profile,
) -> Result<BTreeMap<i64, i64>, StoreError> {
    let mut out = BTreeMap::new();
    let country = me.place.as_ref().and_then(|p| p.country.clone());
    if let Some(date) = me.date {
        let lo = (date.start - Duration::days(CANDIDATE_DAYS))
            .format("%Y-%m-%d")
            .to_string();
        let hi = (date.end + Duration::days(CANDIDATE_DAYS))
            .format("%Y-%m-%d")
            .to_string();
        let mid = date.start.format("%Y-%m-%d").to_string();
        let mut stmt = conn.prepare_cached(
            "SELECT id, cluster_id FROM events WHERE ordinal = 0 AND cluster_id IS NOT NULL
               AND date_start <= ?2 AND date_end >= ?1 AND id != ?3
               AND (?6 IS NULL OR country_code IS NULL OR country_code = ?6)
             ORDER BY abs(julianday(date_start) - julianday(?4)), id DESC LIMIT ?5",
        )?;
        let ids = stmt.query_map(
            params![lo, hi, input.event_row, mid, CANDIDATES_PER_SOURCE, country],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        for id in ids {
            let (id, cluster) = id?;
            out.insert(id, cluster);
        }
    }
    if let Some((lat, lon)) = me
        .place
        .as_ref()
        .filter(|p| fusion::radius_km(p.precision).is_some())
        .and_then(|p| p.coords)
    {
        let dlat = CANDIDATE_KM / 111.0;
        let cos = lat.to_radians().cos();
        let dlon = if cos > 0.05 {
            CANDIDATE_KM / (111.0 * cos)
        } else {
            360.0
        };
        let (west, east) = (lon - dlon, lon + dlon);
        // Near the antimeridian the box wraps: fall back to latitude alone.
        let (west, east) = if west < -180.0 || east > 180.0 {
            (-180.0, 180.0)
        } else {
            (west, east)
        };
        let mut stmt = conn.prepare_cached(
            "SELECT id, cluster_id FROM events WHERE ordinal = 0 AND cluster_id IS NOT NULL
               AND lat BETWEEN ?1 AND ?2 AND lon BETWEEN ?3 AND ?4 AND id != ?5
               AND (?7 IS NULL OR country_code IS NULL OR country_code = ?7)
             ORDER BY id DESC LIMIT ?6",
        )?;
        let ids = stmt.query_map(
            params![
                lat - dlat,
                lat + dlat,
                west,
                east,
                input.event_row,
                CANDIDATES_PER_SOURCE,
                country
            ],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        for id in ids {
            let (id, cluster) = id?;
            out.insert(id, cluster);
        }
    }
    let mut posted = conn.prepare_cached(
        "SELECT e.id, e.cluster_id FROM postings p JOIN events e ON e.document_id = p.document_id AND e.ordinal = 0
         WHERE p.term = ?1 AND p.document_id != ?2 AND e.cluster_id IS NOT NULL
         ORDER BY p.document_id DESC LIMIT ?3",
    )?;
    for term in input.top_terms {
        let ids = posted.query_map(params![term, input.doc_row, POSTINGS_PER_TERM], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })?;
        for id in ids {
            let (id, cluster) = id?;
            out.insert(id, cluster);
        }
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
    let other = TermVector::decode(stored);
    let mut lookup = conn.prepare_cached("SELECT df FROM terms WHERE term = ?1")?;
    for (term, _) in &other.terms {
        if !df.contains_key(term) {
            let n: Option<i64> = lookup.query_row([term], |r| r.get(0)).optional()?;
            df.insert(term.clone(), n.map_or(0, rows::from_sql_int));
        }
    }
    let theirs = other.weights(n_docs, |t| df.get(t).copied().unwrap_or(0));
    Ok(cosine(mine, &theirs))
}

fn new_cluster(conn: &Connection, doc_id: &str) -> Result<i64, StoreError> {
    let base = format!("ev:{doc_id}");
    let mut key = base.clone();
    let mut n = 1;
    while conn
        .query_row("SELECT 1 FROM clusters WHERE event_id = ?1", [&key], |_| {
            Ok(())
        })
        .optional()?
        .is_some()
    {
        n += 1;
        key = format!("{base}~{n}");
    }
    let t = now();
    conn.execute(
        "INSERT INTO clusters (event_id, created_at, updated_at) VALUES (?1, ?2, ?2)",
        params![key, t],
    )?;
    Ok(conn.last_insert_rowid())
}

/// One member of a cluster, as its figures are recomputed.
struct Member {
    event_row: i64,
    cols: EventRow,
}

/// Recompute a fused event from its members; delete it when none is left.
pub(crate) fn refresh_cluster(conn: &Connection, cluster: i64) -> Result<(), StoreError> {
    let members: Vec<Member> = conn
        .prepare_cached(&format!(
            "SELECT e.id, {} FROM events e JOIN documents d ON d.id = e.document_id
             WHERE e.cluster_id = ?1 ORDER BY d.id, e.ordinal",
            rows::event_columns("e")
        ))?
        .query_map([cluster], |r| {
            Ok(Member {
                event_row: r.get(0)?,
                cols: EventRow::read(r, 1)?,
            })
        })?
        .collect::<Result<_, _>>()?;
    if members.is_empty() {
        conn.execute("DELETE FROM clusters WHERE id = ?1", [cluster])?;
        return Ok(());
    }
    let fused = fuse_members(conn, &members)?;
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

fn fuse_members(conn: &Connection, members: &[Member]) -> Result<Fused, StoreError> {
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

    let mut claims = Vec::new();
    for m in members {
        claims.extend(
            crate::read::claims_of(conn, m.event_row)?
                .into_iter()
                .map(|c| c.claim),
        );
    }
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
