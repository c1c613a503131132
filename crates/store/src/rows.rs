//! Between the model's types and the database's columns.

use rusqlite::Row;
use sitrep_model::{
    ClaimKind, DatePrecision, Event, EventDate, InputFormat, Location, LocationPrecision,
    Qualifier, Toll,
};

use crate::fusion::{DateRange, Place, Profile};

/// A count as SQLite stores it (saturating: no report counts 9 quintillion dead).
pub(crate) fn to_sql_int(n: u64) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// A count back from SQLite (a negative number, which sitrep never writes, reads as 0).
pub(crate) fn from_sql_int(n: i64) -> u64 {
    u64::try_from(n).unwrap_or(0)
}

/// Byte offsets to SQLite.
pub(crate) fn offset_to_sql(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// Byte offsets back from SQLite.
pub(crate) fn offset_from_sql(n: i64) -> usize {
    usize::try_from(n).unwrap_or(0)
}

pub(crate) fn format_str(f: InputFormat) -> &'static str {
    match f {
        InputFormat::Text => "text",
        InputFormat::Html => "html",
        InputFormat::Jsonl => "jsonl",
    }
}

pub(crate) fn date_precision_str(p: DatePrecision) -> &'static str {
    match p {
        DatePrecision::Day => "day",
        DatePrecision::Week => "week",
        DatePrecision::Month => "month",
        DatePrecision::Year => "year",
    }
}

pub(crate) fn parse_date_precision(s: &str) -> Option<DatePrecision> {
    Some(match s {
        "day" => DatePrecision::Day,
        "week" => DatePrecision::Week,
        "month" => DatePrecision::Month,
        "year" => DatePrecision::Year,
        _ => return None,
    })
}

pub(crate) fn location_precision_str(p: LocationPrecision) -> &'static str {
    match p {
        LocationPrecision::Point => "point",
        LocationPrecision::City => "city",
        LocationPrecision::Region => "region",
        LocationPrecision::Country => "country",
    }
}

pub(crate) fn parse_location_precision(s: &str) -> Option<LocationPrecision> {
    Some(match s {
        "point" => LocationPrecision::Point,
        "city" => LocationPrecision::City,
        "region" => LocationPrecision::Region,
        "country" => LocationPrecision::Country,
        _ => return None,
    })
}

/// Finer places rank lower.
pub(crate) fn location_rank(p: LocationPrecision) -> u8 {
    match p {
        LocationPrecision::Point => 0,
        LocationPrecision::City => 1,
        LocationPrecision::Region => 2,
        LocationPrecision::Country => 3,
    }
}

pub(crate) fn parse_claim_kind(s: &str) -> Option<ClaimKind> {
    Some(match s {
        "killed" => ClaimKind::Killed,
        "injured" => ClaimKind::Injured,
        "captured" => ClaimKind::Captured,
        "missing" => ClaimKind::Missing,
        "displaced" => ClaimKind::Displaced,
        "arrested" => ClaimKind::Arrested,
        _ => return None,
    })
}

pub(crate) fn qualifier_str(q: Qualifier) -> &'static str {
    match q {
        Qualifier::Exact => "exact",
        Qualifier::AtLeast => "at_least",
        Qualifier::MoreThan => "more_than",
        Qualifier::About => "about",
        Qualifier::AtMost => "at_most",
        Qualifier::Range => "range",
    }
}

pub(crate) fn parse_qualifier(s: &str) -> Option<Qualifier> {
    Some(match s {
        "exact" => Qualifier::Exact,
        "at_least" => Qualifier::AtLeast,
        "more_than" => Qualifier::MoreThan,
        "about" => Qualifier::About,
        "at_most" => Qualifier::AtMost,
        "range" => Qualifier::Range,
        _ => return None,
    })
}

/// The event columns shared by `events` and `clusters`, in this order.
pub(crate) const EVENT_COLUMNS: &str =
    "event_type, sub_event_type, date_start, date_end, date_precision, \
     location_name, country_code, admin1, lat, lon, location_precision, \
     fatalities_low, fatalities_high, fatalities_best, injuries_low, injuries_high, injuries_best";

/// [`EVENT_COLUMNS`] with a table prefix (`e.event_type, …`).
pub(crate) fn event_columns(prefix: &str) -> String {
    EVENT_COLUMNS
        .split(", ")
        .map(|c| format!("{prefix}.{}", c.trim()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The event columns of one row.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct EventRow {
    pub(crate) event_type: Option<String>,
    pub(crate) sub_event_type: Option<String>,
    pub(crate) date_start: Option<String>,
    pub(crate) date_end: Option<String>,
    pub(crate) date_precision: Option<String>,
    pub(crate) location_name: Option<String>,
    pub(crate) country_code: Option<String>,
    pub admin1: Option<String>,
    pub(crate) lat: Option<f64>,
    pub(crate) lon: Option<f64>,
    pub(crate) location_precision: Option<String>,
    pub(crate) fatalities: [Option<i64>; 3],
    pub(crate) injuries: [Option<i64>; 3],
}

impl EventRow {
    /// Read [`EVENT_COLUMNS`] starting at column `at`.
    pub(crate) fn read(row: &Row<'_>, at: usize) -> rusqlite::Result<Self> {
        Ok(EventRow {
            event_type: row.get(at)?,
            sub_event_type: row.get(at + 1)?,
            date_start: row.get(at + 2)?,
            date_end: row.get(at + 3)?,
            date_precision: row.get(at + 4)?,
            location_name: row.get(at + 5)?,
            country_code: row.get(at + 6)?,
            admin1: row.get(at + 7)?,
            lat: row.get(at + 8)?,
            lon: row.get(at + 9)?,
            location_precision: row.get(at + 10)?,
            fatalities: [row.get(at + 11)?, row.get(at + 12)?, row.get(at + 13)?],
            injuries: [row.get(at + 14)?, row.get(at + 15)?, row.get(at + 16)?],
        })
    }

    /// The columns of a model event.
    pub(crate) fn from_event(e: &Event) -> Self {
        let toll = |t: Option<Toll>| match t {
            Some(t) => [
                Some(to_sql_int(t.low)),
                t.high.map(to_sql_int),
                Some(to_sql_int(t.best)),
            ],
            None => [None, None, None],
        };
        EventRow {
            event_type: e.event_type.clone(),
            sub_event_type: e.sub_event_type.clone(),
            date_start: e.date.as_ref().map(|d| d.start.clone()),
            date_end: e.date.as_ref().map(|d| d.end.clone()),
            date_precision: e
                .date
                .as_ref()
                .map(|d| date_precision_str(d.precision).to_string()),
            location_name: e.location.as_ref().map(|l| l.name.clone()),
            country_code: e.location.as_ref().and_then(|l| l.country_code.clone()),
            admin1: e.location.as_ref().and_then(|l| l.admin1.clone()),
            lat: e.location.as_ref().and_then(|l| l.lat),
            lon: e.location.as_ref().and_then(|l| l.lon),
            location_precision: e
                .location
                .as_ref()
                .map(|l| location_precision_str(l.precision).to_string()),
            fatalities: toll(e.fatalities),
            injuries: toll(e.injuries),
        }
    }

    /// The values of [`EVENT_COLUMNS`], for binding.
    pub(crate) fn values(&self) -> Vec<rusqlite::types::Value> {
        use rusqlite::types::Value;
        let text = |s: &Option<String>| s.clone().map_or(Value::Null, Value::Text);
        let real = |x: Option<f64>| x.map_or(Value::Null, Value::Real);
        let int = |x: Option<i64>| x.map_or(Value::Null, Value::Integer);
        vec![
            text(&self.event_type),
            text(&self.sub_event_type),
            text(&self.date_start),
            text(&self.date_end),
            text(&self.date_precision),
            text(&self.location_name),
            text(&self.country_code),
            text(&self.admin1),
            real(self.lat),
            real(self.lon),
            text(&self.location_precision),
            int(self.fatalities[0]),
            int(self.fatalities[1]),
            int(self.fatalities[2]),
            int(self.injuries[0]),
            int(self.injuries[1]),
            int(self.injuries[2]),
        ]
    }

    pub(crate) fn date(&self) -> Option<EventDate> {
        Some(EventDate {
            start: self.date_start.clone()?,
            end: self.date_end.clone()?,
            precision: parse_date_precision(self.date_precision.as_deref()?)?,
            ambiguous: false,
        })
    }

    pub(crate) fn location_precision(&self) -> Option<LocationPrecision> {
        parse_location_precision(self.location_precision.as_deref()?)
    }

    pub(crate) fn location(&self) -> Option<Location> {
        Some(Location {
            name: self.location_name.clone()?,
            country_code: self.country_code.clone(),
            admin1: self.admin1.clone(),
            lat: self.lat,
            lon: self.lon,
            precision: self.location_precision()?,
        })
    }

    fn toll(cols: &[Option<i64>; 3]) -> Option<Toll> {
        let best = from_sql_int(cols[2]?);
        Some(Toll {
            low: cols[0].map_or(best, from_sql_int),
            high: cols[1].map(from_sql_int),
            best,
        })
    }

    pub(crate) fn fatalities(&self) -> Option<Toll> {
        Self::toll(&self.fatalities)
    }

    pub(crate) fn injuries(&self) -> Option<Toll> {
        Self::toll(&self.injuries)
    }

    /// What fusion compares; `actor1` is filled in by the caller.
    pub(crate) fn profile(&self) -> Profile {
        let date = match (
            &self.date_start,
            &self.date_end,
            self.date_precision.as_deref(),
        ) {
            (Some(s), Some(e), Some(p)) => {
                parse_date_precision(p).and_then(|p| DateRange::parse(s, e, p))
            }
            _ => None,
        };
        let place = self.location_precision().map(|precision| Place {
            country: self.country_code.clone(),
            coords: self
                .lat
                .zip(self.lon)
                .filter(|(lat, lon)| lat.is_finite() && lon.is_finite()),
            precision,
        });
        Profile {
            event_type: self.event_type.clone(),
            date,
            place,
            actor1: None,
        }
    }
}
