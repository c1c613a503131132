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
    let doc_ids: Vec<String> = conn
        .prepare_cached(
            "SELECT d.doc_id FROM events e JOIN documents d ON d.id = e.document_id
             WHERE e.cluster_id = ?1 GROUP BY d.id ORDER BY d.id",
        )?
        .query_map([cluster], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    let mut actors = Vec::new();
    let mut seen = HashSet::new();
    for actor in cluster_actors(conn, cluster)? {
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
    let claims = cluster_claims(conn, cluster)?;
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

/// The actors of a cluster's events, in the order of their reports.
fn cluster_actors(conn: &Connection, cluster: i64) -> Result<Vec<Actor>, StoreError> {
    Ok(conn
        .prepare_cached(
            "SELECT a.role, a.text, a.canonical, a.inferred FROM actors a JOIN events e ON e.id = a.event_id
             WHERE e.cluster_id = ?1 ORDER BY e.document_id, e.ordinal, a.id",
        )?
        .query_map([cluster], |r| {
            Ok(Actor { role: r.get(0)?, text: r.get(1)?, canonical: r.get(2)?, inferred: r.get(3)? })
        })?
        .collect::<Result<_, _>>()?)
}

/// The claims of a cluster's events, with their report's id, in the order of their reports. A
/// row whose kind or qualifier this build does not know is skipped.
pub(crate) fn cluster_claims(
    conn: &Connection,
    cluster: i64,
) -> Result<Vec<FusedClaim>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT d.doc_id, c.kind, c.low, c.high, c.qualifier, c.victims, c.side, c.cumulative, c.source,
                c.span_start, c.span_end, c.text, c.perpetrators, c.struck
         FROM claims c JOIN events e ON e.id = c.event_id JOIN documents d ON d.id = c.document_id
         WHERE e.cluster_id = ?1 ORDER BY c.document_id, e.ordinal, c.id",
    )?;
    let rows = stmt.query_map([cluster], |r| {
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
