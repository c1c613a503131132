//! `sitrep events`: the fused events of the record, one JSON object per line on stdout.

use std::io::{self, BufWriter, Write};
use std::ops::ControlFlow;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::Args;
use sitrep_store::{Filter, Store};

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
    if !args.db.exists() {
        anyhow::bail!(
            "{}: no such store; run `sitrep ingest --db {0} PATH...` first",
            args.db.display()
        );
    }
    let store = Store::open(&args.db)?;
    let filter = Filter {
        from: args.from,
        to: args.to,
        country: args.country,
        min_fatalities: args.min_fatalities,
    };
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut failure: Option<io::Error> = None;
    store.for_each_event(&filter, |event| {
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
    }
}
