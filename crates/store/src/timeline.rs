//! Timelines: fused events per day, and running tolls per campaign and side.
//!
//! # The toll rule
//!
//! A series is one campaign (the place: the event's region — `admin1` — else its place name,
//! with its country), one side (the claim's `side`; else the victims' side named by its
//! event's `actor2`; else the fused event's first `actor2`; else `unknown`) and one kind
//! (`killed`, `injured`). Claims counting people struck by gunfire are left out. Its points lie
//! on report dates (the report's `published` day, else its event's date).
//!
//! - **Incident figures add.** Each fused event (of the filter) adds its figure for the side
//!   once, on the date of its first report that gives one: reports restating or revising the
//!   same incident never add again. The figure is the fused event's best toll when all its
//!   claims of that kind are of one side; with several sides, for each side the figure most
//!   of its reports give (each report's largest claim for that side; ties to the lowest),
//!   as [`crate::fusion::fuse_tolls`] picks a best. A figure of zero adds no point.
//! - **Running totals set.** A report's cumulative claim that is a campaign figure ("has so
//!   far left 145 pro-GNA fighters dead") sets the running total on its report date. A
//!   cumulative claim is a campaign figure when extraction kept it apart from the report's
//!   incidents (an event in no fused event; its own place names the campaign, else its
//!   report's fused event's place), or when every claim of that side and kind in its fused
//!   event is cumulative (reports giving only a running total). A cumulative claim beside
//!   incident figures ("the toll has risen to 18") revises that incident: it feeds the fused
//!   best, not the running total.
//! - On one date, figures add first, then running totals set (a total stated that day is
//!   taken to include that day's incidents); several totals the same day apply smallest
//!   first, so the day ends on the largest.
//!
//! Reports count when their main event's fused event passes the [`Filter`].

use std::collections::{BTreeMap, HashMap};

use rusqlite::{params_from_iter, Connection};
use serde::Serialize;
use sitrep_model::Toll;

use crate::filter_input::calendar_day;
use crate::read::{filter_sql, Filter, Params, Reach};
use crate::rows;
use crate::{fusion, StoreError};

/// Fused events and running tolls over time.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Timeline {
    /// Fused events per day (by their first date), oldest first; undated events are left out.
    pub days: Vec<TimelineDay>,
    /// Running tolls per campaign, side and kind, ordered by place, country, side, kind.
    pub series: Vec<TollSeries>,
}

/// One day of fused events.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TimelineDay {
    /// `YYYY-MM-DD`.
    pub date: String,
    /// Fused events starting that day.
    pub events: u64,
    /// Their best fatality figures, summed.
    pub fatalities: u64,
}

/// The running toll of one side in one campaign (see the module docs for the rule).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TollSeries {
    /// `Place (CC) · Side`.
    pub key: String,
    /// The campaign's country.
    pub country_code: Option<String>,
    /// The campaign: a region (`admin1`) or a place name; `unknown` when unplaced.
    pub place: String,
    /// The side counted.
    pub side: String,
    /// `killed` or `injured`.
    pub kind: String,
    /// The running total after each report, in date order.
    pub points: Vec<TollPoint>,
}

/// One step of a running toll.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TollPoint {
    /// The report date, `YYYY-MM-DD`.
    pub date: String,
    /// The running total after this point.
    pub value: u64,
    /// True when a running total stated by the report set `value`; false when an incident's
    /// figure added to it.
    pub cumulative: bool,
    /// The figure of the point: the incident's figure added, or the total stated.
    pub figure: u64,
    /// The fused event of the report (for a total, that of the report's main event).
    pub event_id: String,
    /// The report stating the evidence.
    pub doc_id: String,
    /// The evidence: byte range in the report's text.
    pub span: [usize; 2],
    /// The evidence text.
    pub text: String,
}

/// A fused event of the filter, as the timeline reads it.
struct Cluster {
    event_id: String,
    date: Option<String>,
    place: Option<String>,
    country: Option<String>,
    killed: Option<u64>,
    injured: Option<u64>,
    /// The first `actor2` of its events.
    actor2: Option<String>,
}

/// A claim of a report whose main event is in one of the filter's fused events.
struct Row {
    /// The fused event of the claim's event; `None` for an event left apart.
    cluster: Option<i64>,
    /// The fused event of the report's main event.
    main_cluster: i64,
    doc_row: i64,
    doc_id: String,
    published: Option<String>,
    event_date: Option<String>,
    event_place: Option<String>,
    event_country: Option<String>,
    event_actor2: Option<String>,
    kind: String,
    low: u64,
    side: Option<String>,
    cumulative: bool,
    span: [usize; 2],
    text: String,
}

/// A step before the running totals are computed.
struct Step {
    date: String,
    /// Adds sort before sets on one date.
    set: bool,
    figure: u64,
    /// Storage order, for stable ties.
    order: i64,
    event_id: String,
    doc_id: String,
    span: [usize; 2],
    text: String,
}

/// Series key: place, country, side, kind.
type Key = (String, Option<String>, String, String);

pub(crate) fn timeline(conn: &Connection, filter: &Filter) -> Result<Timeline, StoreError> {
    filter.validate()?;
    let mut p = Params::default();
    let where_sql = filter_sql(filter, &mut p, Reach::All);
    let sql = format!(
        "SELECT c.id, c.event_id, c.date_start, c.admin1, c.location_name, c.country_code,
                c.fatalities_best, c.injuries_best,
                (SELECT COALESCE(a.canonical, a.text) FROM actors a JOIN events e ON e.id = a.event_id
                  WHERE e.cluster_id = c.id AND a.role = 'actor2'
                  ORDER BY e.document_id, e.ordinal, a.id LIMIT 1)
         FROM clusters c {where_sql} ORDER BY c.id"
    );
    let mut clusters: BTreeMap<i64, Cluster> = BTreeMap::new();
    {
        let mut stmt = conn.prepare(&sql)?;
        let found = stmt.query_map(params_from_iter(p.values), |r| {
            let admin1: Option<String> = r.get(3)?;
            let name: Option<String> = r.get(4)?;
            Ok((
                r.get::<_, i64>(0)?,
                Cluster {
                    event_id: r.get(1)?,
                    date: r.get(2)?,
                    place: admin1.or(name),
                    country: r.get(5)?,
                    killed: r.get::<_, Option<i64>>(6)?.map(rows::from_sql_int),
                    injured: r.get::<_, Option<i64>>(7)?.map(rows::from_sql_int),
                    actor2: r.get(8)?,
                },
            ))
        })?;
        for row in found {
            let (id, cluster) = row?;
            clusters.insert(id, cluster);
        }
    }
    let days = days(&clusters);
    let claims = claims(conn, filter)?;
    let series = series(&clusters, claims);
    tracing::debug!(
        clusters = clusters.len(),
        series = series.len(),
        "timeline read"
    );
    Ok(Timeline { days, series })
}

fn days(clusters: &BTreeMap<i64, Cluster>) -> Vec<TimelineDay> {
    let mut days: BTreeMap<&str, (u64, u64)> = BTreeMap::new();
    for c in clusters.values() {
        if let Some(date) = &c.date {
            let day = days.entry(date.as_str()).or_default();
            day.0 += 1;
            day.1 = day.1.saturating_add(c.killed.unwrap_or(0));
        }
    }
    days.into_iter()
        .map(|(date, (events, fatalities))| TimelineDay {
            date: date.to_string(),
            events,
            fatalities,
        })
        .collect()
}

/// Every killed or injured claim (not counting people struck) of the reports whose main event
/// is in a fused event that passes `filter`.
fn claims(conn: &Connection, filter: &Filter) -> Result<Vec<Row>, StoreError> {
    let mut p = Params::default();
    let where_sql = filter_sql(filter, &mut p, Reach::All);
    let mut stmt = conn.prepare(&format!(
        "SELECT e.cluster_id, m.cluster_id, d.id, d.doc_id, d.published, e.date_start,
                COALESCE(e.admin1, e.location_name), e.country_code,
                (SELECT COALESCE(a.canonical, a.text) FROM actors a
                  WHERE a.event_id = e.id AND a.role = 'actor2' ORDER BY a.id LIMIT 1),
                cl.kind, cl.low, cl.side, cl.cumulative, cl.span_start, cl.span_end, cl.text
         FROM events m
           JOIN documents d ON d.id = m.document_id
           JOIN events e ON e.document_id = m.document_id
           JOIN claims cl ON cl.event_id = e.id
         WHERE m.ordinal = 0 AND m.cluster_id IN (SELECT c.id FROM clusters c {where_sql})
           AND cl.kind IN ('killed', 'injured') AND cl.struck = 0
         ORDER BY d.id, e.ordinal, cl.id"
    ))?;
    let found = stmt.query_map(params_from_iter(p.values), |r| {
        Ok(Row {
            cluster: r.get(0)?,
            main_cluster: r.get(1)?,
            doc_row: r.get(2)?,
            doc_id: r.get(3)?,
            published: r.get(4)?,
            event_date: r.get(5)?,
            event_place: r.get(6)?,
            event_country: r.get(7)?,
            event_actor2: r.get(8)?,
            kind: r.get(9)?,
            low: rows::from_sql_int(r.get(10)?),
            side: r.get(11)?,
            cumulative: r.get(12)?,
            span: [
                rows::offset_from_sql(r.get(13)?),
                rows::offset_from_sql(r.get(14)?),
            ],
            text: r.get(15)?,
        })
    })?;
    Ok(found.collect::<Result<_, _>>()?)
}

/// A report's date: its published day, else its event's date, else its fused event's.
fn report_date(row: &Row, cluster: Option<&Cluster>) -> Option<String> {
    let published = row
        .published
        .as_deref()
        .and_then(|p| p.get(..10))
        .filter(|p| calendar_day(p).is_some());
    published
        .or(row.event_date.as_deref())
        .or(cluster.and_then(|c| c.date.as_deref()))
        .map(str::to_string)
}

fn series(clusters: &BTreeMap<i64, Cluster>, claims: Vec<Row>) -> Vec<TollSeries> {
    let mut steps: BTreeMap<Key, Vec<Step>> = BTreeMap::new();
    // Claims of fused events, per cluster, kind and side.
    let mut fused: BTreeMap<(i64, String, String), Vec<(Row, String)>> = BTreeMap::new();
    for row in claims {
        let Some(main) = clusters.get(&row.main_cluster) else {
            continue;
        };
        let own = row
            .cluster
            .and_then(|id| clusters.get(&id).map(|c| (id, c)));
        let side = row
            .side
            .clone()
            .or_else(|| row.event_actor2.clone())
            .or_else(|| own.map_or(main, |(_, c)| c).actor2.clone())
            .unwrap_or_else(|| "unknown".to_string());
        let Some(date) = report_date(&row, own.map(|(_, c)| c).or(Some(main))) else {
            continue;
        };
        match (row.cluster, own) {
            (Some(id), Some(_)) => {
                fused
                    .entry((id, row.kind.clone(), side))
                    .or_default()
                    .push((row, date));
            }
            // An event of another fused event (a report whose second event was fused
            // elsewhere, which ingest does not do) or of none: only its running totals count.
            _ if row.cluster.is_none() && row.cumulative => {
                let place = row.event_place.clone().or_else(|| main.place.clone());
                let country = if row.event_place.is_some() {
                    row.event_country.clone()
                } else {
                    main.country.clone()
                };
                let key = (
                    place.unwrap_or_else(|| "unknown".into()),
                    country,
                    side,
                    row.kind.clone(),
                );
                steps.entry(key).or_default().push(Step {
                    date,
                    set: true,
                    figure: row.low,
                    order: row.doc_row,
                    event_id: main.event_id.clone(),
                    doc_id: row.doc_id,
                    span: row.span,
                    text: row.text,
                });
            }
            _ => {}
        }
    }
    // Sides per cluster and kind: one side takes the fused best.
    let mut sides: HashMap<(i64, String), usize> = HashMap::new();
    for (cluster, kind, _) in fused.keys() {
        *sides.entry((*cluster, kind.clone())).or_default() += 1;
    }
    for ((cluster_id, kind, side), rows) in fused {
        let Some(cluster) = clusters.get(&cluster_id) else {
            continue;
        };
        let key = (
            cluster.place.clone().unwrap_or_else(|| "unknown".into()),
            cluster.country.clone(),
            side,
            kind.clone(),
        );
        if rows.iter().all(|(r, _)| r.cumulative) {
            // Only running totals: each report's largest sets the total.
            let mut best: BTreeMap<i64, (Row, String)> = BTreeMap::new();
            for (row, date) in rows {
                match best.get(&row.doc_row) {
                    Some((b, _)) if b.low >= row.low => {}
                    _ => {
                        best.insert(row.doc_row, (row, date));
                    }
                }
            }
            for (row, date) in best.into_values() {
                steps.entry(key.clone()).or_default().push(Step {
                    date,
                    set: true,
                    figure: row.low,
                    order: row.doc_row,
                    event_id: cluster.event_id.clone(),
                    doc_id: row.doc_id,
                    span: row.span,
                    text: row.text,
                });
            }
            continue;
        }
        let fused_best = match kind.as_str() {
            "killed" => cluster.killed,
            _ => cluster.injured,
        };
        let one_side = sides.get(&(cluster_id, kind.clone())) == Some(&1);
        let figure = match fused_best {
            Some(best) if one_side => best,
            _ => {
                let mut per_report: BTreeMap<i64, u64> = BTreeMap::new();
                for (row, _) in &rows {
                    let n = per_report.entry(row.doc_row).or_default();
                    *n = (*n).max(row.low);
                }
                let tolls: Vec<Toll> = per_report
                    .values()
                    .map(|&n| Toll {
                        low: n,
                        high: Some(n),
                        best: n,
                    })
                    .collect();
                fusion::fuse_tolls(&tolls).map_or(0, |t| t.best)
            }
        };
        if figure == 0 {
            continue;
        }
        let Some(date) = rows.iter().map(|(_, d)| d.clone()).min() else {
            continue;
        };
        // The evidence: the earliest claim stating the figure, else the earliest claim.
        let mut ordered: Vec<&(Row, String)> = rows.iter().collect();
        ordered.sort_by(|a, b| a.1.cmp(&b.1).then(a.0.doc_row.cmp(&b.0.doc_row)));
        let Some((evidence, _)) = ordered
            .iter()
            .find(|(r, _)| r.low == figure)
            .or_else(|| ordered.first())
            .copied()
        else {
            continue;
        };
        steps.entry(key).or_default().push(Step {
            date,
            set: false,
            figure,
            order: evidence.doc_row,
            event_id: cluster.event_id.clone(),
            doc_id: evidence.doc_id.clone(),
            span: evidence.span,
            text: evidence.text.clone(),
        });
    }
    steps
        .into_iter()
        .map(|((place, country, side, kind), mut steps)| {
            steps.sort_by(|a, b| {
                a.date
                    .cmp(&b.date)
                    .then(a.set.cmp(&b.set))
                    .then(if a.set {
                        a.figure.cmp(&b.figure)
                    } else {
                        std::cmp::Ordering::Equal
                    })
                    .then(a.order.cmp(&b.order))
            });
            let mut total: u64 = 0;
            let points = steps
                .into_iter()
                .map(|s| {
                    total = if s.set {
                        s.figure
                    } else {
                        total.saturating_add(s.figure)
                    };
                    TollPoint {
                        date: s.date,
                        value: total,
                        cumulative: s.set,
                        figure: s.figure,
                        event_id: s.event_id,
                        doc_id: s.doc_id,
                        span: s.span,
                        text: s.text,
                    }
                })
                .collect();
            let key = match &country {
                Some(cc) => format!("{place} ({cc}) · {side}"),
                None => format!("{place} · {side}"),
            };
            TollSeries {
                key,
                country_code: country,
                place,
                side,
                kind,
                points,
            }
        })
        .collect()
}
