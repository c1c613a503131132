//! `sitrep events`: the fused events of the record, one JSON object per line on stdout.

use std::io::{self, BufWriter, Write};
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use clap::Args;
use sitrep_store::{filter_input, Filter, Page, Sort, Store};

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

// The flags' value parsers: `sitrep_store::filter_input` reads and checks each value; clap
// names the flag and the value in its usage error.

/// `MIN_LON,MIN_LAT,MAX_LON,MAX_LAT`.
fn bbox(s: &str) -> Result<[f64; 4], String> {
    filter_input::parse_bbox(s).map_err(|e| e.to_string())
}

/// `LAT,LON`.
fn lat_lon(s: &str) -> Result<(f64, f64), String> {
    filter_input::parse_lat_lon(s).map_err(|e| e.to_string())
}

/// A positive number of km.
fn radius(s: &str) -> Result<f64, String> {
    filter_input::parse_radius(s).map_err(|e| e.to_string())
}

/// `date`, `-date`, `fatalities`, …
fn sort_order(s: &str) -> Result<Sort, String> {
    Sort::from_name(s).map_err(|e| e.to_string())
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

/// A `YYYY-MM-DD` day of the calendar.
fn iso_date(s: &str) -> Result<String, String> {
    filter_input::parse_date(s).map_err(|e| e.to_string())
}

/// Two ASCII letters, any case; returned in capitals.
fn country_code(s: &str) -> Result<String, String> {
    filter_input::parse_country(s).map_err(|e| e.to_string())
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
        assert!(iso_date("2016-02-30").is_err());
        assert!(iso_date(" 2016-06-07").is_err(), "flags are not trimmed");
        assert!(iso_date("7 June 2016").is_err());
        assert_eq!(country_code("ly").as_deref(), Ok("LY"));
        assert!(country_code("Libya").is_err());
        assert!(country_code("LBY").is_err());
        assert_eq!(bbox("10,-5,20.5,5"), Ok([10.0, -5.0, 20.5, 5.0]));
        assert!(bbox("10,5,20").is_err());
        assert!(bbox("10,5,20,1").is_err(), "min_lat above max_lat");
        assert!(bbox("200,5,20,6").is_err());
        assert_eq!(
            bbox("170,-20,-170,-10"),
            Ok([170.0, -20.0, -170.0, -10.0]),
            "across the antimeridian"
        );
        assert_eq!(lat_lon("11.8,13.15"), Ok((11.8, 13.15)));
        assert!(lat_lon("95,13").is_err());
        assert!(radius("0").is_err() && radius("-3").is_err() && radius("x").is_err());
        assert_eq!(sort_order("-fatalities"), Ok(Sort::FatalitiesDesc));
        assert!(sort_order("size").is_err());
    }
}
