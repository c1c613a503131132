//! Reading fused events and reports back: filters, sort orders, pages, one event with its
//! reports, the reports themselves.

use std::collections::{HashMap, HashSet};
use std::ops::ControlFlow;
use std::str::FromStr;

use rusqlite::{params_from_iter, types::Value, Connection, OptionalExtension};
use serde::Serialize;
use sitrep_model::{Actor, Claim};

use crate::filter_input::{self, FilterInputError};
use crate::rows::{self, EventRow};
use crate::{FusedClaim, FusedEvent, StoreError};

/// Fused events assembled at once: their reports, actors and claims are read with one query
/// each per chunk rather than per event.
const CHUNK: usize = 200;

/// Kilometres per degree of latitude (and of longitude at the equator).
const KM_PER_DEGREE: f64 = 111.195;

/// Which fused events to read. Every field left `None` lets everything through; set fields
/// must all hold. [`Filter::validate`] tells a malformed filter apart (every read checks it).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Filter {
    /// Events whose dates reach this day or later (ISO `YYYY-MM-DD`); undated events are left
    /// out when set.
    pub from: Option<String>,
    /// Events whose dates begin on this day or earlier (ISO `YYYY-MM-DD`).
    pub to: Option<String>,
    /// ISO 3166-1 alpha-2 country code (any case).
    pub country: Option<String>,
    /// Events whose best fatality figure is at least this.
    pub min_fatalities: Option<u64>,
    /// Events with coordinates inside this box: `[min_lon, min_lat, max_lon, max_lat]` in
    /// degrees. A box whose `min_lon` exceeds its `max_lon` crosses the antimeridian.
    pub bbox: Option<[f64; 4]>,
    /// Events with coordinates within a radius of a place: `(lat, lon, km)`. Distances are
    /// equirectangular (exact enough for the few hundred km of a place radius); the circle
    /// does not wrap around the antimeridian.
    pub near: Option<(f64, f64, f64)>,
    /// Events one of whose reports names an actor whose text or canonical name contains this,
    /// ignoring ASCII case; `%` and `_` are plain characters. Three characters or more go
    /// through the trigram index over actor names, fewer scan the actors (same answers).
    pub actor: Option<String>,
    /// Events of this ACLED event type, exactly (`Battles`, `Explosions/Remote violence`, …).
    pub event_type: Option<String>,
    /// Events one of whose reports holds every word of this in its title or text (full-text
    /// index: words match whole, case and diacritics ignored; `word*` matches a prefix).
    pub text: Option<String>,
}

impl Filter {
    /// Check the filter: dates are real `YYYY-MM-DD` days and `from` is not after `to`, the
    /// country is two letters, coordinates lie on the globe, a radius is positive, text has a
    /// word. The checks of single values are those of [`filter_input`], which the CLI and the
    /// HTTP API parse their input with. Every read runs this first.
    pub fn validate(&self) -> Result<(), StoreError> {
        let bad = |msg: String| Err(StoreError::InvalidFilter(msg));
        // The error of a field's value, named.
        let field = |name: &'static str| {
            move |e: FilterInputError| StoreError::InvalidFilter(format!("{name}: {e}"))
        };
        for (name, day) in [("from", &self.from), ("to", &self.to)] {
            if let Some(day) = day {
                filter_input::parse_date(day).map_err(field(name))?;
            }
        }
        if let (Some(from), Some(to)) = (&self.from, &self.to) {
            filter_input::check_date_range(from, to)
                .map_err(|e| StoreError::InvalidFilter(e.to_string()))?;
        }
        if let Some(country) = &self.country {
            filter_input::check_country(country).map_err(field("country"))?;
        }
        if let Some(bbox) = self.bbox {
            filter_input::check_bbox(bbox).map_err(field("bbox"))?;
        }
        if let Some((lat, lon, km)) = self.near {
            filter_input::check_point(lat, lon).map_err(field("near"))?;
            filter_input::check_radius(km).map_err(field("near"))?;
        }
        if let Some(actor) = &self.actor {
            if actor.trim().is_empty() {
                return bad("actor: empty".into());
            }
        }
        if let Some(t) = &self.event_type {
            if t.trim().is_empty() {
                return bad("event type: empty".into());
            }
        }
        if let Some(text) = &self.text {
            if fts_query(text).is_none() {
                return bad(format!("text: {text:?} holds no word"));
            }
        }
        Ok(())
    }
}

/// The FTS5 query for a text filter: each whitespace-separated word a quoted string (a word
/// with punctuation, `al-Shabaab`, is then a phrase of its parts), all required; a trailing `*`
/// stays a prefix search. `None` when no word is left.
fn fts_query(text: &str) -> Option<String> {
    let words: Vec<String> = text
        .split_whitespace()
        .filter_map(|w| {
            let (w, prefix) = match w.strip_suffix('*') {
                Some(stem) => (stem, true),
                None => (w, false),
            };
            // Only words with a letter or digit match anything.
            if !w.chars().any(char::is_alphanumeric) {
                return None;
            }
            let quoted = format!("\"{}\"", w.replace('"', "\"\""));
            Some(if prefix { quoted + "*" } else { quoted })
        })
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

/// The order of a page of fused events. Ties go to the older event (by storage order) for
/// ascending orders, the newer for descending ones.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Sort {
    /// Oldest first, undated last (`date`).
    #[default]
    DateAsc,
    /// Newest first, undated last (`-date`).
    DateDesc,
    /// Fewest killed first, events with no figure last (`fatalities`).
    FatalitiesAsc,
    /// Most killed first, events with no figure last (`-fatalities`).
    FatalitiesDesc,
    /// Fewest reports first (`reports`).
    ReportsAsc,
    /// Most reports first (`-reports`).
    ReportsDesc,
}

impl Sort {
    /// Every order with its name, as [`FromStr`] reads it.
    pub const NAMES: [(&'static str, Sort); 6] = [
        ("date", Sort::DateAsc),
        ("-date", Sort::DateDesc),
        ("fatalities", Sort::FatalitiesAsc),
        ("-fatalities", Sort::FatalitiesDesc),
        ("reports", Sort::ReportsAsc),
        ("-reports", Sort::ReportsDesc),
    ];

    /// The order of this name (`date`, `-fatalities`, …; exactly, no spaces).
    pub fn from_name(name: &str) -> Result<Sort, FilterInputError> {
        Sort::NAMES
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, sort)| *sort)
            .ok_or_else(|| FilterInputError::Sort(name.to_string()))
    }

    /// The name [`FromStr`] reads (`date`, `-fatalities`, …).
    pub fn name(self) -> &'static str {
        Sort::NAMES
            .iter()
            .find(|(_, s)| *s == self)
            .map_or("date", |(n, _)| n)
    }

    /// The `ORDER BY` clause. `dated` tells that the filter already leaves undated events
    /// out, so the order can follow the date indexes.
    fn order_sql(self, dated: bool) -> &'static str {
        match self {
            Sort::DateAsc if dated => "c.date_start, c.id",
            Sort::DateAsc => "c.date_start IS NULL, c.date_start, c.id",
            // NULL sorts lowest: last when descending.
            Sort::DateDesc => "c.date_start DESC, c.id DESC",
            Sort::FatalitiesAsc => "c.fatalities_best IS NULL, c.fatalities_best, c.id",
            Sort::FatalitiesDesc => "c.fatalities_best DESC, c.id DESC",
            Sort::ReportsAsc => "c.reports, c.id",
            Sort::ReportsDesc => "c.reports DESC, c.id DESC",
        }
    }
}

impl FromStr for Sort {
    type Err = StoreError;

    /// As [`Sort::from_name`], the error an [`StoreError::InvalidFilter`].
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Sort::from_name(s).map_err(|e| StoreError::InvalidFilter(format!("sort: {e}")))
    }
}

/// Which part of the filtered events to read, in which order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Page {
    /// The order.
    pub sort: Sort,
    /// At most this many events; `None` for all. `Some(0)` is refused.
    pub limit: Option<u64>,
    /// Events skipped first.
    pub offset: u64,
}

/// A page of fused events.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EventPage {
    /// Events passing the filter, over all pages.
    pub total: u64,
    /// This page's events.
    pub events: Vec<FusedEvent>,
}

/// What is known of a stored report besides its text: the fields every report view shares.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DocumentMeta {
    /// The report's id.
    pub doc_id: String,
    /// Headline.
    pub title: Option<String>,
    /// Publication date as stored.
    pub published: Option<String>,
    /// Where it was found.
    pub url: Option<String>,
    /// Who published it.
    pub outlet: Option<String>,
}

impl DocumentMeta {
    /// The columns `doc_id, title, published, url, outlet` of a row, from column `at` on.
    fn read(r: &rusqlite::Row<'_>, at: usize) -> rusqlite::Result<Self> {
        Ok(DocumentMeta {
            doc_id: r.get(at)?,
            title: r.get(at + 1)?,
            published: r.get(at + 2)?,
            url: r.get(at + 3)?,
            outlet: r.get(at + 4)?,
        })
    }
}

/// A report attached to a fused event.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct EventDocument {
    /// Id, headline, date, address, outlet.
    #[serde(flatten)]
    pub meta: DocumentMeta,
    /// The report's text, which claim spans index (UTF-8 bytes); `None` for reports stored
    /// before the store kept texts (schema version 1).
    pub text: Option<String>,
}

/// One fused event with everything behind it: its claims and its reports.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EventDetail {
    /// The event, claims included.
    #[serde(flatten)]
    pub event: FusedEvent,
    /// Its reports, in the order they were stored.
    pub documents: Vec<EventDocument>,
}

/// A stored report, as a list shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DocumentSummary {
    /// Id, headline, date, address, outlet.
    #[serde(flatten)]
    pub meta: DocumentMeta,
    /// How many events extraction found in it (fused or not).
    pub events: u64,
}

/// A page of reports.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DocumentPage {
    /// Reports in the store.
    pub total: u64,
    /// This page's, in the order they were stored.
    pub documents: Vec<DocumentSummary>,
}

/// One stored report with its text and the fused events it is part of.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DocumentDetail {
    /// Id, headline, date, address, outlet.
    #[serde(flatten)]
    pub meta: DocumentMeta,
    /// The text (`None` for reports stored at schema version 1).
    pub text: Option<String>,
    /// The fused events its events belong to (its main event's first).
    pub event_ids: Vec<String>,
}

/// Bound parameters of a statement being built, numbered `?1`, `?2`, ….
#[derive(Default)]
pub(crate) struct Params {
    pub(crate) values: Vec<Value>,
}

impl Params {
    /// Bind `v`; its placeholder.
    pub(crate) fn bind(&mut self, v: Value) -> String {
        self.values.push(v);
        format!("?{}", self.values.len())
    }
}

/// How much of the filtered clusters a statement reads, which decides how the actor filter is
/// written (see [`actor_sql`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Reach {
    /// Every cluster that passes (a count, a timeline, an export).
    All,
    /// The first few in some order (a page): the walk stops early.
    First,
}

/// The `WHERE` clause (empty or starting with `WHERE`) selecting the clusters (alias `c`) that
/// pass `filter`, which must be valid, for a statement that reads `reach` of them.
pub(crate) fn filter_sql(filter: &Filter, p: &mut Params, reach: Reach) -> String {
    let mut cond: Vec<String> = Vec::new();
    if let Some(from) = &filter.from {
        cond.push(format!(
            "c.date_end >= {}",
            p.bind(Value::Text(from.clone()))
        ));
    }
    if let Some(to) = &filter.to {
        cond.push(format!(
            "c.date_start <= {}",
            p.bind(Value::Text(to.clone()))
        ));
    }
    if let Some(country) = &filter.country {
        cond.push(format!(
            "c.country_code = {}",
            p.bind(Value::Text(country.to_ascii_uppercase()))
        ));
    }
    if let Some(min) = filter.min_fatalities {
        cond.push(format!(
            "c.fatalities_best >= {}",
            p.bind(Value::Integer(rows::to_sql_int(min)))
        ));
    }
    if let Some(t) = &filter.event_type {
        cond.push(format!("c.event_type = {}", p.bind(Value::Text(t.clone()))));
    }
    if let Some([min_lon, min_lat, max_lon, max_lat]) = filter.bbox {
        let lat = format!(
            "c.lat BETWEEN {} AND {}",
            p.bind(Value::Real(min_lat)),
            p.bind(Value::Real(max_lat))
        );
        let (w, e) = (p.bind(Value::Real(min_lon)), p.bind(Value::Real(max_lon)));
        let lon = if min_lon <= max_lon {
            format!("c.lon BETWEEN {w} AND {e}")
        } else {
            format!("(c.lon >= {w} OR c.lon <= {e})")
        };
        cond.push(format!("{lat} AND {lon}"));
    }
    if let Some((lat, lon, km)) = filter.near {
        let dlat = km / KM_PER_DEGREE;
        // Longitude degrees shrink with the cosine of the latitude.
        let cos = lat.to_radians().cos().max(1e-6);
        let (lat_p, lon_p, cos_p) = (
            p.bind(Value::Real(lat)),
            p.bind(Value::Real(lon)),
            p.bind(Value::Real(cos)),
        );
        cond.push(format!(
            "c.lat BETWEEN {} AND {} AND c.lon IS NOT NULL
             AND ((c.lon - {lon_p}) * {cos_p}) * ((c.lon - {lon_p}) * {cos_p})
                 + (c.lat - {lat_p}) * (c.lat - {lat_p}) <= {}",
            p.bind(Value::Real(lat - dlat)),
            p.bind(Value::Real(lat + dlat)),
            p.bind(Value::Real(dlat * dlat)),
        ));
    }
    if let Some(actor) = &filter.actor {
        cond.push(actor_sql(actor, p, reach));
    }
    if let Some(query) = filter.text.as_deref().and_then(fts_query) {
        cond.push(format!(
            "c.id IN (SELECT e.cluster_id FROM documents_fts f JOIN events e ON e.document_id = f.rowid
                      WHERE documents_fts MATCH {} AND e.cluster_id IS NOT NULL)",
            p.bind(Value::Text(query))
        ));
    }
    if cond.is_empty() {
        String::new()
    } else {
        format!("WHERE {}", cond.join(" AND "))
    }
}

/// The trigram index (`actor_names_fts`) finds substrings of at least this many characters;
/// shorter ones scan the actors.
const TRIGRAM: usize = 3;

/// The condition on clusters (alias `c`) for the actor filter: one of the cluster's events
/// names an actor whose text or canonical name contains `actor`, ignoring ASCII case (SQL
/// `LIKE` with the input's wildcards escaped).
///
/// With [`TRIGRAM`] characters or more, the trigram index over the distinct names
/// (`actor_names`, migration 3) proposes names, `LIKE` keeps those that really contain the
/// input (the index folds the case of every letter, `LIKE` of ASCII letters only), and the
/// events naming them are found by index (`actors_text_event`, `actors_canonical_event`).
/// Reading `All`, their clusters are gathered once and the clusters tested against that set;
/// reading the `First`, each cluster met in order looks its events up in the set of events,
/// so a page costs the set and the clusters it passes over, not every match's cluster.
/// Shorter inputs have no trigram: every actor met is tested with `LIKE`.
fn actor_sql(actor: &str, p: &mut Params, reach: Reach) -> String {
    let escaped: String = actor
        .chars()
        .flat_map(|ch| match ch {
            '%' | '_' | '\\' => vec!['\\', ch],
            _ => vec![ch],
        })
        .collect();
    let pat = p.bind(Value::Text(format!("%{escaped}%")));
    if actor.chars().count() < TRIGRAM {
        return format!(
            "EXISTS (SELECT 1 FROM events e JOIN actors a ON a.event_id = e.id
                     WHERE e.cluster_id = c.id
                       AND (a.text LIKE {pat} ESCAPE '\\' OR a.canonical LIKE {pat} ESCAPE '\\'))"
        );
    }
    // One FTS5 string: the trigram tokenizer makes it the phrase of the input's trigrams.
    let phrase = p.bind(Value::Text(format!("\"{}\"", actor.replace('"', "\"\""))));
    let names = format!(
        "SELECT n.name FROM actor_names n
         WHERE n.id IN (SELECT rowid FROM actor_names_fts WHERE actor_names_fts MATCH {phrase})
           AND n.name LIKE {pat} ESCAPE '\\'"
    );
    // An event naming a matching actor twice (text and canonical) is listed twice: cheaper
    // than removing the repeats.
    let events = format!(
        "SELECT a.event_id FROM actors a WHERE a.text IN ({names})
         UNION ALL
         SELECT a.event_id FROM actors a WHERE a.canonical IN ({names})"
    );
    match reach {
        Reach::All => format!(
            "c.id IN (SELECT e.cluster_id FROM events e WHERE e.id IN ({events}))"
        ),
        // `+e.id`: the cluster's events come by cluster, then are looked up in the set, not
        // the other way round.
        Reach::First => format!(
            "EXISTS (SELECT 1 FROM events e WHERE e.cluster_id = c.id AND +e.id IN ({events}))"
        ),
    }
}

/// How many fused events pass `filter` (valid).
pub(crate) fn count_events(conn: &Connection, filter: &Filter) -> Result<u64, StoreError> {
    let mut p = Params::default();
    let sql = format!(
        "SELECT COUNT(*) FROM clusters c {}",
        filter_sql(filter, &mut p, Reach::All)
    );
    let n: i64 = conn.query_row(&sql, params_from_iter(p.values), |r| r.get(0))?;
    Ok(rows::from_sql_int(n))
}

/// A cluster row before its reports, actors and claims are read.
struct Head {
    id: i64,
    event_id: String,
    contested: String,
    reports: i64,
    cols: EventRow,
}

/// Walk the fused events that pass `filter` in `page`'s order and bounds, calling `f` with
/// each until it answers `Break`. Without `with_claims` the events' `claims` stay empty.
pub(crate) fn for_each_event(
    conn: &Connection,
    filter: &Filter,
    page: &Page,
    with_claims: bool,
    mut f: impl FnMut(FusedEvent) -> ControlFlow<()>,
) -> Result<(), StoreError> {
    filter.validate()?;
    if page.limit == Some(0) {
        return Err(StoreError::InvalidFilter(
            "limit: must be at least 1".into(),
        ));
    }
    let mut p = Params::default();
    let reach = if page.limit.is_some() {
        Reach::First
    } else {
        Reach::All
    };
    let filter_sql = filter_sql(filter, &mut p, reach);
    let dated = filter.from.is_some() || filter.to.is_some();
    let limit = p.bind(Value::Integer(page.limit.map_or(-1, rows::to_sql_int)));
    let offset = p.bind(Value::Integer(rows::to_sql_int(page.offset)));
    let sql = format!(
        "SELECT c.id, c.event_id, c.contested, c.reports, {} FROM clusters c {filter_sql}
         ORDER BY {} LIMIT {limit} OFFSET {offset}",
        rows::event_columns("c"),
        page.sort.order_sql(dated),
    );
    // One statement stays open over the walk, so every read sees the same snapshot.
    let mut stmt = conn.prepare(&sql)?;
    let mut found = stmt.query(params_from_iter(p.values))?;
    let mut chunk = Vec::with_capacity(CHUNK);
    loop {
        let head = match found.next()? {
            Some(row) => Some(Head {
                id: row.get(0)?,
                event_id: row.get(1)?,
                contested: row.get(2)?,
                reports: row.get(3)?,
                cols: EventRow::read(row, 4)?,
            }),
            None => None,
        };
        let done = head.is_none();
        chunk.extend(head);
        if chunk.len() >= CHUNK || (done && !chunk.is_empty()) {
            for event in assemble(conn, std::mem::take(&mut chunk), with_claims)? {
                if f(event).is_break() {
                    return Ok(());
                }
            }
        }
        if done {
            return Ok(());
        }
    }
}

/// Cluster ids as the JSON array `json_each` reads.
fn id_list(ids: &[i64]) -> String {
    let list: Vec<String> = ids.iter().map(i64::to_string).collect();
    format!("[{}]", list.join(","))
}

/// Fused events from their cluster rows: reports, actors and claims read for all at once.
fn assemble(
    conn: &Connection,
    heads: Vec<Head>,
    with_claims: bool,
) -> Result<Vec<FusedEvent>, StoreError> {
    let ids: Vec<i64> = heads.iter().map(|h| h.id).collect();
    let list = id_list(&ids);
    let mut doc_ids: HashMap<i64, Vec<String>> = HashMap::new();
    {
        let mut stmt = conn.prepare_cached(
            "SELECT e.cluster_id, d.doc_id FROM events e JOIN documents d ON d.id = e.document_id
             WHERE e.cluster_id IN (SELECT value FROM json_each(?1))
             GROUP BY e.cluster_id, d.id ORDER BY e.cluster_id, d.id",
        )?;
        let found = stmt.query_map([&list], |r| Ok((r.get::<_, i64>(0)?, r.get(1)?)))?;
        for row in found {
            let (cluster, doc) = row?;
            doc_ids.entry(cluster).or_default().push(doc);
        }
    }
    let mut actors: HashMap<i64, Vec<Actor>> = HashMap::new();
    {
        let mut stmt = conn.prepare_cached(
            "SELECT e.cluster_id, a.role, a.text, a.canonical, a.inferred
             FROM actors a JOIN events e ON e.id = a.event_id
             WHERE e.cluster_id IN (SELECT value FROM json_each(?1))
             ORDER BY e.cluster_id, e.document_id, e.ordinal, a.id",
        )?;
        let found = stmt.query_map([&list], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                Actor {
                    role: r.get(1)?,
                    text: r.get(2)?,
                    canonical: r.get(3)?,
                    inferred: r.get(4)?,
                },
            ))
        })?;
        for row in found {
            let (cluster, actor) = row?;
            actors.entry(cluster).or_default().push(actor);
        }
    }
    let mut claims: HashMap<i64, Vec<FusedClaim>> = HashMap::new();
    if with_claims {
        let mut stmt = conn.prepare_cached(&format!(
            "SELECT e.cluster_id, {CLAIM_COLUMNS}
             FROM claims c JOIN events e ON e.id = c.event_id JOIN documents d ON d.id = c.document_id
             WHERE e.cluster_id IN (SELECT value FROM json_each(?1))
             ORDER BY e.cluster_id, c.document_id, e.ordinal, c.id"
        ))?;
        let found = stmt.query_map([&list], |r| Ok((r.get::<_, i64>(0)?, read_claim(r, 1)?)))?;
        for row in found {
            if let (cluster, Some(claim)) = row? {
                claims.entry(cluster).or_default().push(claim);
            }
        }
    }
    Ok(heads
        .into_iter()
        .map(|h| {
            let mut seen = HashSet::new();
            let actors: Vec<Actor> = actors
                .remove(&h.id)
                .unwrap_or_default()
                .into_iter()
                .filter(|a| {
                    let key = (
                        a.role.clone(),
                        a.canonical.clone().unwrap_or_else(|| a.text.to_lowercase()),
                    );
                    seen.insert(key)
                })
                .collect();
            let contested_kinds: Vec<String> = h
                .contested
                .split(',')
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect();
            FusedEvent {
                doc_id: h.event_id.clone(),
                event_id: h.event_id,
                doc_ids: doc_ids.remove(&h.id).unwrap_or_default(),
                event_type: h.cols.event_type.clone(),
                sub_event_type: h.cols.sub_event_type.clone(),
                date: h.cols.date(),
                location: h.cols.location(),
                actors,
                fatalities: h.cols.fatalities(),
                injuries: h.cols.injuries(),
                contested: !contested_kinds.is_empty(),
                contested_kinds,
                reports: rows::from_sql_int(h.reports),
                claims: claims.remove(&h.id).unwrap_or_default(),
            }
        })
        .collect())
}

/// The claim columns [`read_claim`] reads (`c` claims, `d` documents).
const CLAIM_COLUMNS: &str = "d.doc_id, c.kind, c.low, c.high, c.qualifier, c.victims, c.side, \
     c.cumulative, c.source, c.span_start, c.span_end, c.text, c.perpetrators, c.struck";

/// A claim from [`CLAIM_COLUMNS`] starting at column `at`; `None` for a kind or qualifier this
/// build does not know.
fn read_claim(r: &rusqlite::Row<'_>, at: usize) -> rusqlite::Result<Option<FusedClaim>> {
    let kind: String = r.get(at + 1)?;
    let qualifier: String = r.get(at + 4)?;
    let (Some(kind), Some(qualifier)) = (
        rows::parse_claim_kind(&kind),
        rows::parse_qualifier(&qualifier),
    ) else {
        return Ok(None);
    };
    Ok(Some(FusedClaim {
        doc_id: r.get(at)?,
        claim: Claim {
            kind,
            low: rows::from_sql_int(r.get(at + 2)?),
            high: r.get::<_, Option<i64>>(at + 3)?.map(rows::from_sql_int),
            qualifier,
            victims: r.get(at + 5)?,
            side: r.get(at + 6)?,
            cumulative: r.get(at + 7)?,
            source: r.get(at + 8)?,
            span: [
                rows::offset_from_sql(r.get(at + 9)?),
                rows::offset_from_sql(r.get(at + 10)?),
            ],
            text: r.get(at + 11)?,
            perpetrators: r.get(at + 12)?,
            struck: r.get(at + 13)?,
        },
    }))
}

/// The claims of a cluster's events, with their report's id, in the order of their reports. A
/// row whose kind or qualifier this build does not know is skipped.
pub(crate) fn cluster_claims(
    conn: &Connection,
    cluster: i64,
) -> Result<Vec<FusedClaim>, StoreError> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {CLAIM_COLUMNS}
         FROM claims c JOIN events e ON e.id = c.event_id JOIN documents d ON d.id = c.document_id
         WHERE e.cluster_id = ?1 ORDER BY c.document_id, e.ordinal, c.id"
    ))?;
    let rows = stmt.query_map([cluster], |r| read_claim(r, 0))?;
    let mut out = Vec::new();
    for row in rows {
        if let Some(claim) = row? {
            out.push(claim);
        }
    }
    Ok(out)
}

/// One fused event by id, with its claims and reports.
pub(crate) fn event(conn: &Connection, event_id: &str) -> Result<Option<EventDetail>, StoreError> {
    let head = conn
        .prepare_cached(&format!(
            "SELECT c.id, c.event_id, c.contested, c.reports, {} FROM clusters c WHERE c.event_id = ?1",
            rows::event_columns("c")
        ))?
        .query_row([event_id], |row| {
            Ok(Head {
                id: row.get(0)?,
                event_id: row.get(1)?,
                contested: row.get(2)?,
                reports: row.get(3)?,
                cols: EventRow::read(row, 4)?,
            })
        })
        .optional()?;
    let Some(head) = head else {
        return Ok(None);
    };
    let cluster = head.id;
    let Some(event) = assemble(conn, vec![head], true)?.pop() else {
        return Ok(None);
    };
    let documents = conn
        .prepare_cached(
            "SELECT d.doc_id, d.title, d.published, d.url, d.outlet, d.text FROM documents d
             WHERE d.id IN (SELECT document_id FROM events WHERE cluster_id = ?1) ORDER BY d.id",
        )?
        .query_map([cluster], |r| {
            Ok(EventDocument {
                meta: DocumentMeta::read(r, 0)?,
                text: r.get(5)?,
            })
        })?
        .collect::<Result<_, _>>()?;
    Ok(Some(EventDetail { event, documents }))
}

/// A page of reports in storage order.
pub(crate) fn documents(
    conn: &Connection,
    limit: u64,
    offset: u64,
) -> Result<DocumentPage, StoreError> {
    let total: i64 = conn.query_row("SELECT COUNT(*) FROM documents", [], |r| r.get(0))?;
    let documents = conn
        .prepare_cached(
            "SELECT d.doc_id, d.title, d.published, d.url, d.outlet,
                    (SELECT COUNT(*) FROM events e WHERE e.document_id = d.id)
             FROM documents d ORDER BY d.id LIMIT ?1 OFFSET ?2",
        )?
        .query_map([rows::to_sql_int(limit), rows::to_sql_int(offset)], |r| {
            Ok(DocumentSummary {
                meta: DocumentMeta::read(r, 0)?,
                events: rows::from_sql_int(r.get(5)?),
            })
        })?
        .collect::<Result<_, _>>()?;
    Ok(DocumentPage {
        total: rows::from_sql_int(total),
        documents,
    })
}

/// One report by id.
pub(crate) fn document(
    conn: &Connection,
    doc_id: &str,
) -> Result<Option<DocumentDetail>, StoreError> {
    let found = conn
        .prepare_cached(
            "SELECT id, doc_id, title, published, url, outlet, text FROM documents WHERE doc_id = ?1",
        )?
        .query_row([doc_id], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                DocumentDetail {
                    meta: DocumentMeta::read(r, 1)?,
                    text: r.get(6)?,
                    event_ids: Vec::new(),
                },
            ))
        })
        .optional()?;
    let Some((row, mut detail)) = found else {
        return Ok(None);
    };
    let ids: Vec<String> = conn
        .prepare_cached(
            "SELECT c.event_id FROM events e JOIN clusters c ON c.id = e.cluster_id
             WHERE e.document_id = ?1 ORDER BY e.ordinal",
        )?
        .query_map([row], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    for id in ids {
        if !detail.event_ids.contains(&id) {
            detail.event_ids.push(id);
        }
    }
    Ok(Some(detail))
}
