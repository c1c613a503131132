//! Reading fused events back.

use std::collections::HashSet;
use std::ops::ControlFlow;

use rusqlite::{params_from_iter, types::Value, Connection};
use sitrep_model::{Actor, Claim};

use crate::rows::{self, EventRow};
use crate::{FusedClaim, FusedEvent, StoreError};

/// Which fused events to read. Every field left `None` lets everything through.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
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
}

pub(crate) fn for_each_event(
    conn: &Connection,
    filter: &Filter,
    mut f: impl FnMut(FusedEvent) -> ControlFlow<()>,
) -> Result<(), StoreError> {
    let mut conditions = Vec::new();
    let mut values = Vec::new();
    if let Some(from) = &filter.from {
        values.push(Value::Text(from.clone()));
        conditions.push(format!("date_end >= ?{}", values.len()));
    }
    if let Some(to) = &filter.to {
        values.push(Value::Text(to.clone()));
        conditions.push(format!("date_start <= ?{}", values.len()));
    }
    if let Some(country) = &filter.country {
        values.push(Value::Text(country.to_ascii_uppercase()));
        conditions.push(format!("country_code = ?{}", values.len()));
    }
    if let Some(min) = filter.min_fatalities {
        values.push(Value::Integer(rows::to_sql_int(min)));
        conditions.push(format!("fatalities_best >= ?{}", values.len()));
    }
    let filter_sql = if conditions.is_empty() {
        String::new()
    } else {
        format!("WHERE {}", conditions.join(" AND "))
    };
    let sql = format!(
        "SELECT id, event_id, contested, reports, {} FROM clusters {filter_sql}
         ORDER BY date_start IS NULL, date_start, id",
        rows::EVENT_COLUMNS
    );
    // One statement stays open over the walk, so every read sees the same snapshot.
    let mut stmt = conn.prepare(&sql)?;
    let mut found = stmt.query(params_from_iter(values))?;
    while let Some(row) = found.next()? {
        let id: i64 = row.get(0)?;
        let event_id: String = row.get(1)?;
        let contested: String = row.get(2)?;
        let reports: i64 = row.get(3)?;
        let cols = EventRow::read(row, 4)?;
        let event = assemble(conn, id, event_id, &contested, reports, &cols)?;
        if f(event).is_break() {
            break;
        }
    }
    Ok(())
}

fn assemble(
    conn: &Connection,
    cluster: i64,
    event_id: String,
    contested: &str,
    reports: i64,
    cols: &EventRow,
) -> Result<FusedEvent, StoreError> {
    let members: Vec<(i64, String)> = conn
        .prepare_cached(
            "SELECT e.id, d.doc_id FROM events e JOIN documents d ON d.id = e.document_id
             WHERE e.cluster_id = ?1 ORDER BY d.id, e.ordinal",
        )?
        .query_map([cluster], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<Result<_, _>>()?;
    let mut actors = Vec::new();
    let mut seen = HashSet::new();
    let mut claims = Vec::new();
    let mut doc_ids = Vec::new();
    for (event_row, doc_id) in &members {
        for actor in actors_of(conn, *event_row)? {
            let key = (
                actor.role.clone(),
                actor
                    .canonical
                    .clone()
                    .unwrap_or_else(|| actor.text.to_lowercase()),
            );
            if seen.insert(key) {
                actors.push(actor);
            }
        }
        claims.extend(claims_of(conn, *event_row)?);
        if !doc_ids.contains(doc_id) {
            doc_ids.push(doc_id.clone());
        }
    }
    let contested_kinds: Vec<String> = contested
        .split(',')
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect();
    Ok(FusedEvent {
        doc_id: event_id.clone(),
        event_id,
        doc_ids,
        event_type: cols.event_type.clone(),
        sub_event_type: cols.sub_event_type.clone(),
        date: cols.date(),
        location: cols.location(),
        actors,
        fatalities: cols.fatalities(),
        injuries: cols.injuries(),
        contested: !contested_kinds.is_empty(),
        contested_kinds,
        reports: rows::from_sql_int(reports),
        claims,
    })
}

fn actors_of(conn: &Connection, event_row: i64) -> Result<Vec<Actor>, StoreError> {
    Ok(conn
        .prepare_cached(
            "SELECT role, text, canonical, inferred FROM actors WHERE event_id = ?1 ORDER BY id",
        )?
        .query_map([event_row], |r| {
            Ok(Actor {
                role: r.get(0)?,
                text: r.get(1)?,
                canonical: r.get(2)?,
                inferred: r.get(3)?,
            })
        })?
        .collect::<Result<_, _>>()?)
}

/// The claims of one stored event, with their report's id. A row whose kind or qualifier this
/// build does not know is skipped.
pub(crate) fn claims_of(conn: &Connection, event_row: i64) -> Result<Vec<FusedClaim>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT d.doc_id, c.kind, c.low, c.high, c.qualifier, c.victims, c.side, c.cumulative, c.source,
                c.span_start, c.span_end, c.text, c.perpetrators, c.struck
         FROM claims c JOIN documents d ON d.id = c.document_id WHERE c.event_id = ?1 ORDER BY c.id",
    )?;
    let rows = stmt.query_map([event_row], |r| {
        let kind: String = r.get(1)?;
        let qualifier: String = r.get(4)?;
        let (Some(kind), Some(qualifier)) = (
            rows::parse_claim_kind(&kind),
            rows::parse_qualifier(&qualifier),
        ) else {
            return Ok(None);
        };
        Ok(Some(FusedClaim {
            doc_id: r.get(0)?,
            claim: Claim {
                kind,
                low: rows::from_sql_int(r.get(2)?),
                high: r.get::<_, Option<i64>>(3)?.map(rows::from_sql_int),
                qualifier,
                victims: r.get(5)?,
                side: r.get(6)?,
                cumulative: r.get(7)?,
                source: r.get(8)?,
                span: [
                    rows::offset_from_sql(r.get(9)?),
                    rows::offset_from_sql(r.get(10)?),
                ],
                text: r.get(11)?,
                perpetrators: r.get(12)?,
                struck: r.get(13)?,
            },
        }))
    })?;
    let mut out = Vec::new();
    for row in rows {
        if let Some(claim) = row? {
            out.push(claim);
        }
    }
    Ok(out)
}
