//! `sitrep events`: the fused events of the record, one JSON object per line on stdout.

use std::io::{self, BufWriter, Write};
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use clap::Args;
use sitrep_store::{Filter, Page, Sort, Store};

use super::ingest::DEFAULT_DB;
use super::OutputFormat;

#[derive(Debug, Args)]
pub(super) struct EventsArgs {
    /// The database file written by `sitrep ingest`.
    #[arg(long, value_name = "FILE", default_value = DEFAULT_DB)]
    db: PathBuf,

    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Jsonl)]
    format: OutputFormat,

    #[command(flatten)]
    filter: FilterArgs,

    /// Order: date (oldest first), -date, fatalities, -fatalities, reports, -reports.
    #[arg(long, value_name = "ORDER", default_value = "date", value_parser = sort_order, allow_hyphen_values = true)]
    sort: Sort,

    /// Print at most N events.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..))]
    limit: Option<u64>,

    /// Skip the first N events (of the order chosen).
    #[arg(long, value_name = "N", default_value_t = 0)]
    offset: u64,
}

/// The filters `events` and `timeline` share.
#[derive(Debug, Args)]
pub(super) struct FilterArgs {
    /// Only events on or after this day (YYYY-MM-DD); undated events are left out.
    #[arg(long, value_name = "DATE", value_parser = iso_date)]
    from: Option<String>,

    /// Only events on or before this day (YYYY-MM-DD); undated events are left out.
    #[arg(long, value_name = "DATE", value_parser = iso_date)]
    to: Option<String>,

    /// Only events in this country (ISO 3166-1 alpha-2 code, e.g. LY).
    #[arg(long, value_name = "CODE", value_parser = country_code)]
    country: Option<String>,

    /// Only events whose best fatality figure is at least N.
    #[arg(long, value_name = "N")]
    min_fatalities: Option<u64>,

    /// Only events placed inside this box (degrees): MIN_LON,MIN_LAT,MAX_LON,MAX_LAT.
    #[arg(long, value_name = "BOX", value_parser = bbox, allow_hyphen_values = true)]
    bbox: Option<[f64; 4]>,

    /// Only events placed within --km of this point (degrees): LAT,LON.
    #[arg(long, value_name = "LAT,LON", value_parser = lat_lon, allow_hyphen_values = true)]
    near: Option<(f64, f64)>,

    /// The radius of --near in km.
    #[arg(long, value_name = "KM", default_value_t = 25.0, requires = "near", value_parser = radius, allow_hyphen_values = true)]
    km: f64,

    /// Only events with an actor whose name contains this (any case).
    #[arg(long, value_name = "NAME")]
    actor: Option<String>,

    /// Only events of this ACLED event type, exactly (e.g. Battles).
    #[arg(long = "type", value_name = "TYPE")]
    event_type: Option<String>,

    /// Only events one of whose reports holds all these words (title or text; `word*` for a
    /// prefix).
    #[arg(long, value_name = "WORDS")]
    text: Option<String>,
}

impl FilterArgs {
    /// The store's filter.
    pub(super) fn filter(self) -> Filter {
        Filter {
            from: self.from,
            to: self.to,
            country: self.country,
            min_fatalities: self.min_fatalities,
            bbox: self.bbox,
            near: self.near.map(|(lat, lon)| (lat, lon, self.km)),
            actor: self.actor,
            event_type: self.event_type,
            text: self.text,
        }
    }
}

/// Comma-separated numbers, `n` of them.
fn numbers(s: &str, n: usize, what: &str) -> Result<Vec<f64>, String> {
    let parts: Vec<Option<f64>> = s
        .split(',')
        .map(|p| p.trim().parse::<f64>().ok().filter(|x| x.is_finite()))
        .collect();
    if parts.len() != n || parts.iter().any(Option::is_none) {
        return Err(format!("{s:?} is not {what}"));
    }
    Ok(parts.into_iter().flatten().collect())
}

/// `MIN_LON,MIN_LAT,MAX_LON,MAX_LAT`.
fn bbox(s: &str) -> Result<[f64; 4], String> {
    let v = numbers(s, 4, "four numbers MIN_LON,MIN_LAT,MAX_LON,MAX_LAT")?;
    let b = [v[0], v[1], v[2], v[3]];
    if ![b[0], b[2]].iter().all(|x| (-180.0..=180.0).contains(x))
        || ![b[1], b[3]].iter().all(|y| (-90.0..=90.0).contains(y))
    {
        return Err(format!(
            "{s:?}: longitudes must lie in [-180, 180], latitudes in [-90, 90]"
        ));
    }
    if b[1] > b[3] {
        return Err(format!("{s:?}: MIN_LAT is above MAX_LAT"));
    }
    Ok(b)
}

/// `LAT,LON`.
fn lat_lon(s: &str) -> Result<(f64, f64), String> {
    let v = numbers(s, 2, "two numbers LAT,LON")?;
    if !(-90.0..=90.0).contains(&v[0]) || !(-180.0..=180.0).contains(&v[1]) {
        return Err(format!(
            "{s:?}: the latitude must lie in [-90, 90], the longitude in [-180, 180]"
        ));
    }
    Ok((v[0], v[1]))
}

/// A positive number of km.
fn radius(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(km) if km.is_finite() && km > 0.0 => Ok(km),
        _ => Err(format!("{s:?} is not a positive number of km")),
    }
}

/// `date`, `-date`, `fatalities`, …
fn sort_order(s: &str) -> Result<Sort, String> {
    s.parse::<Sort>().map_err(|_| {
        let names: Vec<&str> = Sort::NAMES.iter().map(|(n, _)| *n).collect();
        format!("{s:?} is none of {}", names.join(", "))
    })
}

/// The store at `db`, which must exist.
pub(super) fn open_store(db: &Path) -> anyhow::Result<Store> {
    if !db.exists() {
        anyhow::bail!(
            "{}: no such store; run `sitrep ingest --db {0} PATH...` first",
            db.display()
        );
    }
    Ok(Store::open(db)?)
}

/// A `YYYY-MM-DD` day.
pub(super) fn iso_date(s: &str) -> Result<String, String> {
    let parts: Vec<&str> = s.split('-').collect();
    let ok = matches!(parts.as_slice(), [y, m, d]
        if y.len() == 4 && m.len() == 2 && d.len() == 2
        && [y, m, d].iter().all(|p| p.bytes().all(|b| b.is_ascii_digit()))
        && (1..=12).contains(&m.parse::<u32>().unwrap_or(0))
        && (1..=31).contains(&d.parse::<u32>().unwrap_or(0)));
    if ok {
        Ok(s.to_string())
    } else {
        Err(format!("{s:?} is not a date of the form YYYY-MM-DD"))
    }
}

/// Two ASCII letters.
pub(super) fn country_code(s: &str) -> Result<String, String> {
    if s.len() == 2 && s.bytes().all(|b| b.is_ascii_alphabetic()) {
        Ok(s.to_ascii_uppercase())
    } else {
        Err(format!(
            "{s:?} is not a two-letter country code (ISO 3166-1 alpha-2)"
        ))
    }
}

/// Run `events`.
pub(super) fn run(args: EventsArgs) -> anyhow::Result<ExitCode> {
    let OutputFormat::Jsonl = args.format;
    let store = open_store(&args.db)?;
    let filter = args.filter.filter();
    let page = Page {
        sort: args.sort,
        limit: args.limit,
        offset: args.offset,
    };
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut failure: Option<io::Error> = None;
    store.for_each_event_in(&filter, &page, true, |event| {
        let written = serde_json::to_writer(&mut out, &event)
            .map_err(io::Error::from)
            .and_then(|()| out.write_all(b"\n"));
        match written {
            Ok(()) => ControlFlow::Continue(()),
            Err(e) => {
                failure = Some(e);
                ControlFlow::Break(())
            }
        }
    })?;
    let result = match failure {
        Some(e) => Err(e),
        None => out.flush(),
    };
    match result {
        Ok(()) => Ok(ExitCode::SUCCESS),
        // Whoever reads stdout is gone (`| head`): stop quietly.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(ExitCode::SUCCESS),
        Err(e) => Err(e).context("cannot write to stdout"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn argument_checks() {
        assert!(iso_date("2016-06-07").is_ok());
        assert!(iso_date("2016-13-07").is_err());
        assert!(iso_date("7 June 2016").is_err());
        assert_eq!(country_code("ly").as_deref(), Ok("LY"));
        assert!(country_code("Libya").is_err());
        assert_eq!(bbox("10,-5,20.5,5"), Ok([10.0, -5.0, 20.5, 5.0]));
        assert!(bbox("10,5,20").is_err());
        assert!(bbox("10,5,20,1").is_err(), "min_lat above max_lat");
        assert!(bbox("200,5,20,6").is_err());
        assert_eq!(lat_lon("11.8,13.15"), Ok((11.8, 13.15)));
        assert!(lat_lon("95,13").is_err());
        assert!(radius("0").is_err() && radius("-3").is_err() && radius("x").is_err());
        assert_eq!(sort_order("-fatalities"), Ok(Sort::FatalitiesDesc));
        assert!(sort_order("size").is_err());
    }
}
