//! Stage 5 — resolve: date expressions to calendar ranges, place names to gazetteer entries.
//!
//! Places are in [`places`]: every place mention of a report is resolved at once, so the
//! countries and regions it names decide which Tripoli it means.
//!
//! [`date_context`] works out, once per document, what relative and ambiguous dates are
//! resolved against: the report's own date (metadata `published`, else a date in the dateline,
//! else a date line among the first lines of the text), the incident date of an `MM/DD/YYYY:`
//! lead-in, and the day/month order of all-digit dates (from the document's own unambiguous
//! numeric dates, else from the outlet, see `data/date_conventions.tsv`).
//! [`resolve`] then turns one [`DateExpr`] into a [`ResolvedDate`].
//!
//! Rules, in short:
//! - relative forms ("Tuesday", "last week", "in June", "June 7") need the report date and
//!   resolve to `None` without one; forms carrying a year never need it;
//! - a weekday is the most recent such day on or before the report date ("last Tuesday":
//!   strictly before; "next Tuesday": strictly after);
//! - a day without a year takes the report's year, one year earlier when that would put it
//!   more than two weeks after the report date; a month without a year is the most recent such
//!   month not after the report's month;
//! - weeks run Monday–Sunday; "over the weekend" is the Saturday–Sunday on or before the
//!   report date;
//! - an all-digit date is ordered by a weekday written next to it, then by a part above 12,
//!   then by the document's and the outlet's convention, else month/day with `ambiguous` set.

pub mod places;

use std::collections::HashMap;
use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate, TimeDelta, Weekday};
use sitrep_clean::Cleaned;
use sitrep_model::{DatePrecision, Document, EventDate, Span};
use sitrep_recognize::dates::{find_dates, DateExpr, DateMention, Which};
use sitrep_segment::Segmented;

/// A resolved date range.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ResolvedDate {
    /// First day.
    pub start: NaiveDate,
    /// Last day.
    pub end: NaiveDate,
    /// Precision.
    pub precision: DatePrecision,
    /// Day/month order could not be decided.
    pub ambiguous: bool,
}

impl ResolvedDate {
    /// The contract's form.
    pub fn to_event_date(&self) -> EventDate {
        EventDate {
            start: self.start.format("%Y-%m-%d").to_string(),
            end: self.end.format("%Y-%m-%d").to_string(),
            precision: self.precision,
            ambiguous: self.ambiguous,
        }
    }

    /// One day, precision [`DatePrecision::Day`].
    pub fn day(date: NaiveDate) -> Self {
        ResolvedDate { start: date, end: date, precision: DatePrecision::Day, ambiguous: false }
    }

    /// True when `date` lies in the range.
    pub fn contains(&self, date: NaiveDate) -> bool {
        self.start <= date && date <= self.end
    }
}

/// Order of the first two numbers of an all-digit date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DayOrder {
    /// Day first: `12/06/2016` is 12 June.
    DayMonth,
    /// Month first: `12/06/2016` is 6 December.
    MonthDay,
}

/// Where the report date came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ReportDateSource {
    /// The document's `published` metadata.
    Published,
    /// A date in the dateline the clean stage found.
    Dateline,
    /// A date in or right after the wire placeline the clean stage found
    /// ("TRIPOLI, June 7, 2016 (Reuters) -").
    Placeline,
    /// A date line among the first lines of the text ("Sunday 12/06/2016",
    /// "TRIPOLI, June 7, 2016 -").
    TopLine,
}

/// The context relative and ambiguous dates are resolved in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DateContext {
    /// The report's own date.
    pub report_date: Option<NaiveDate>,
    /// Where `report_date` came from.
    pub report_date_source: Option<ReportDateSource>,
    /// True when the report date came from an all-digit date whose day/month order could not
    /// be decided.
    pub report_date_ambiguous: bool,
    /// The incident date of an `MM/DD/YYYY:` lead-in at the start of the text.
    pub lead_date: Option<ResolvedDate>,
    /// Day/month order shown by the document's own all-digit dates (a part above 12, or a
    /// weekday that fits one order only).
    pub text_order: Option<DayOrder>,
    /// Day/month order of the outlet (from `url` and `outlet`).
    pub outlet_order: Option<DayOrder>,
}

impl DateContext {
    /// A context with only a report date.
    pub fn with_report_date(date: NaiveDate) -> Self {
        DateContext {
            report_date: Some(date),
            report_date_source: Some(ReportDateSource::Published),
            ..DateContext::default()
        }
    }

    /// The day/month order for all-digit dates the text does not settle: the document's own
    /// evidence, else the outlet's convention.
    pub fn order(&self) -> Option<DayOrder> {
        self.text_order.or(self.outlet_order)
    }
}

// ---------------------------------------------------------------------------------------------
// Conventions table

/// Outlet and domain conventions, parsed once from `data/date_conventions.tsv`.
struct Conventions {
    outlets: HashMap<&'static str, DayOrder>,
    tlds: HashMap<&'static str, DayOrder>,
}

static CONVENTIONS: LazyLock<Conventions> = LazyLock::new(|| {
    let mut c = Conventions { outlets: HashMap::new(), tlds: HashMap::new() };
    for line in sitrep_model::table::entries(include_str!("../data/date_conventions.tsv")) {
        let mut cols = line.split('\t').map(str::trim);
        let (Some(kind), Some(key), Some(order)) = (cols.next(), cols.next(), cols.next()) else {
            continue;
        };
        let order = match order {
            "dmy" => DayOrder::DayMonth,
            "mdy" => DayOrder::MonthDay,
            _ => continue,
        };
        match kind {
            "outlet" => c.outlets.insert(key, order),
            "tld" => c.tlds.insert(key, order),
            _ => None,
        };
    }
    c
});

/// The host name of a URL, lowercase ("https://www.bbc.co.uk/news/x" → "www.bbc.co.uk").
fn host_of(url: &str) -> Option<String> {
    let rest = url.trim();
    let rest = match rest.find("://") {
        Some(p) => rest.get(p + 3..)?,
        None => rest,
    };
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let host = rest.get(..end)?;
    let host = host.rsplit('@').next().unwrap_or(host);
    let host = host.split(':').next().unwrap_or(host).trim_end_matches('.');
    if host.is_empty() {
        None
    } else {
        Some(host.to_ascii_lowercase())
    }
}

/// The outlet's day/month convention from its URL and name.
pub fn outlet_order(url: Option<&str>, outlet: Option<&str>) -> Option<DayOrder> {
    let conv = &*CONVENTIONS;
    let host = url.and_then(host_of);
    if let Some(h) = &host {
        if let Some(o) = h.split('.').find_map(|label| conv.outlets.get(label)) {
            return Some(*o);
        }
    }
    if let Some(name) = outlet {
        let words: Vec<String> = name
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect();
        for i in 0..words.len() {
            let mut joined = String::new();
            for w in words.iter().skip(i).take(4) {
                joined.push_str(w);
                if let Some(o) = conv.outlets.get(joined.as_str()) {
                    return Some(*o);
                }
            }
        }
        // An outlet name that is itself a domain ("bbc.co.uk").
        if name.contains('.') && !name.contains(' ') {
            if let Some(o) = name.to_ascii_lowercase().rsplit('.').next().and_then(|t| conv.tlds.get(t)) {
                return Some(*o);
            }
        }
    }
    let tld = host.as_deref()?.rsplit('.').next()?;
    conv.tlds.get(tld).copied()
}

// ---------------------------------------------------------------------------------------------
// Context

/// Words that may stand on a date line besides the date itself.
const DATE_LINE_WORDS: &[&str] = &[
    "published", "updated", "posted", "last", "modified", "created", "first", "on", "at", "am",
    "pm", "a", "m", "p", "gmt", "utc", "bst", "cet", "cest", "est", "edt", "cst", "cdt", "mst",
    "mdt", "pst", "pdt", "et", "ist", "pkt", "eat", "wat", "cat", "ast", "msk", "date", "time",
    "local", "hrs", "hours", "h", "hkt", "jst", "kst", "aest", "aedt", "sast", "wib",
    "pht", "sgt", "ict", "gst", "irst", "aft",
];

/// How many non-empty lines from the top may hold the date line (past the fourth, only a
/// labelled one: "Updated ...", "Published ...").
const TOP_LINES: usize = 8;

/// Work out the report's date and conventions from its metadata and date line.
pub fn date_context(doc: &Document, cleaned: &Cleaned, dates: &[DateMention]) -> DateContext {
    let mut ctx = DateContext {
        outlet_order: outlet_order(doc.url.as_deref(), doc.outlet.as_deref()),
        text_order: text_order(dates),
        ..DateContext::default()
    };
    ctx.lead_date = dates
        .iter()
        .find(|m| matches!(m.expr, DateExpr::LeadIn { .. }))
        .and_then(|m| resolve(&m.expr, &ctx));

    if let Some(d) = doc.published.as_deref().and_then(|p| parse_published(p, &ctx)) {
        ctx.report_date = Some(d);
        ctx.report_date_source = Some(ReportDateSource::Published);
        return ctx;
    }
    let full = |m: &&DateMention| m.expr.is_full_date() && !matches!(m.expr, DateExpr::LeadIn { .. });
    if let Some(dl) = cleaned.dateline {
        if let Some(r) = dates.iter().filter(|m| dl.overlaps(m.span)).find(full).and_then(|m| resolve(&m.expr, &ctx)) {
            ctx.report_date = Some(r.start);
            ctx.report_date_source = Some(ReportDateSource::Dateline);
            ctx.report_date_ambiguous = r.ambiguous;
            return ctx;
        }
    }
    if let Some(pl) = cleaned.placeline {
        let near = |m: &&DateMention| {
            m.span.start >= pl.start
                && m.span.start <= pl.end.saturating_add(2)
                && !doc.text.get(pl.start..m.span.start).unwrap_or("\n").contains('\n')
        };
        if let Some(r) = dates.iter().filter(near).find(full).and_then(|m| resolve(&m.expr, &ctx)) {
            ctx.report_date = Some(r.start);
            ctx.report_date_source = Some(ReportDateSource::Placeline);
            ctx.report_date_ambiguous = r.ambiguous;
            return ctx;
        }
    }
    for (n, line) in top_lines(&doc.text, cleaned).into_iter().enumerate() {
        // Below the first few lines, only a labelled date line counts ("Updated ... November
        // 10, 2022" under a block of story highlights).
        let labelled = {
            let l = line.slice(&doc.text).trim_start().to_lowercase();
            ["updated", "published", "posted", "last updated", "last modified"].iter().any(|p| l.starts_with(p))
        };
        if n >= 4 && !labelled {
            continue;
        }
        let found = dates
            .iter()
            .filter(|m| line.contains(m.span))
            .filter(full)
            .find(|m| is_date_line(&doc.text, line, m.span));
        if let Some(r) = found.and_then(|m| resolve(&m.expr, &ctx)) {
            ctx.report_date = Some(r.start);
            ctx.report_date_source = Some(ReportDateSource::TopLine);
            ctx.report_date_ambiguous = r.ambiguous;
            return ctx;
        }
    }
    ctx
}

/// A `published` value: an ISO date or timestamp, else any full date written in it
/// ("Sun, 12 Jun 2016 08:00:00 GMT").
fn parse_published(p: &str, ctx: &DateContext) -> Option<NaiveDate> {
    let p = p.trim();
    if let Some(d) = p.get(..10).and_then(|s| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()) {
        return Some(d);
    }
    find_dates(p, &Segmented::default(), &Cleaned::default())
        .iter()
        .find(|m| m.expr.is_full_date())
        .and_then(|m| resolve(&m.expr, ctx))
        .map(|r| r.start)
}

/// The first few non-empty lines that are not noise, trimmed.
fn top_lines(text: &str, cleaned: &Cleaned) -> Vec<Span> {
    let mut out = Vec::new();
    let mut offset = 0;
    for raw in text.split_inclusive('\n') {
        let start = offset;
        offset += raw.len();
        let lead = raw.len() - raw.trim_start().len();
        let trimmed = raw.trim();
        if trimmed.is_empty() {
            continue;
        }
        let span = Span::new(start + lead, start + lead + trimmed.len());
        if cleaned.is_noise(span) {
            continue;
        }
        out.push(span);
        if out.len() >= TOP_LINES {
            break;
        }
    }
    out
}

/// True when the line holding `date` is a date line: nothing but the date and date-line words
/// ("Published: Sunday 12/06/2016 10:15 GMT"), or a placeline that opens with an upper-case
/// place ("TRIPOLI, June 7, 2016 (Reuters) - ...").
fn is_date_line(text: &str, line: Span, date: Span) -> bool {
    let before = text.get(line.start..date.start).unwrap_or("");
    let after = text.get(date.end..line.end).unwrap_or("");
    let is_word_char = |c: char| c.is_alphabetic();
    let others = before
        .split(|c: char| !is_word_char(c))
        .chain(after.split(|c: char| !is_word_char(c)))
        .filter(|w| !w.is_empty())
        .filter(|w| !DATE_LINE_WORDS.contains(&w.to_lowercase().as_str()))
        .count();
    if others == 0 {
        return true;
    }
    // Placeline: "TRIPOLI, " / "KABUL, Afghanistan, " / "GAZA CITY — " right before the date.
    let b = before.trim_end();
    let Some(last) = b.chars().last() else { return false };
    if !matches!(last, ',' | '-' | '—' | '–' | ':') {
        return false;
    }
    let words: Vec<&str> = b.split(|c: char| !is_word_char(c)).filter(|w| !w.is_empty()).collect();
    !words.is_empty()
        && words.len() <= 5
        && words.iter().all(|w| w.chars().next().is_some_and(char::is_uppercase))
        && words.iter().any(|w| w.chars().count() >= 3 && w.chars().all(char::is_uppercase))
}

/// The day/month order the document's own all-digit dates show, by majority; a text with an
/// `MM/DD/YYYY:` lead-in and no other evidence writes month first.
fn text_order(dates: &[DateMention]) -> Option<DayOrder> {
    let (mut dm, mut md) = (0usize, 0usize);
    for m in dates {
        if let DateExpr::Numeric { first, second, year, weekday } = m.expr {
            let a = NaiveDate::from_ymd_opt(year, first, second);
            let b = NaiveDate::from_ymd_opt(year, second, first);
            match (a, b) {
                (Some(a), Some(b)) if a != b => {
                    if let Some(w) = weekday {
                        match (a.weekday() == w, b.weekday() == w) {
                            (true, false) => md += 1,
                            (false, true) => dm += 1,
                            _ => {}
                        }
                    }
                }
                (Some(_), None) => md += 1,
                (None, Some(_)) => dm += 1,
                _ => {}
            }
        }
    }
    match dm.cmp(&md) {
        std::cmp::Ordering::Greater => Some(DayOrder::DayMonth),
        std::cmp::Ordering::Less => Some(DayOrder::MonthDay),
        // A text that opens with an MM/DD/YYYY: lead-in writes month first.
        std::cmp::Ordering::Equal if dm == 0 && dates.iter().any(|m| matches!(m.expr, DateExpr::LeadIn { .. })) => {
            Some(DayOrder::MonthDay)
        }
        std::cmp::Ordering::Equal => None,
    }
}

// ---------------------------------------------------------------------------------------------
// Resolution

/// Days after the report date a yearless date may fall before it is taken as last year's.
const FUTURE_SLACK_DAYS: i64 = 14;

fn add_days(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    d.checked_add_signed(TimeDelta::try_days(n)?)
}

fn range(start: NaiveDate, end: NaiveDate, precision: DatePrecision) -> ResolvedDate {
    ResolvedDate { start, end, precision, ambiguous: false }
}

fn month_range(year: i32, month: u32) -> Option<ResolvedDate> {
    let start = NaiveDate::from_ymd_opt(year, month, 1)?;
    let (ny, nm) = if month == 12 { (year.checked_add(1)?, 1) } else { (year, month + 1) };
    let end = NaiveDate::from_ymd_opt(ny, nm, 1)?.pred_opt()?;
    Some(range(start, end, DatePrecision::Month))
}

fn year_range(year: i32) -> Option<ResolvedDate> {
    Some(range(NaiveDate::from_ymd_opt(year, 1, 1)?, NaiveDate::from_ymd_opt(year, 12, 31)?, DatePrecision::Year))
}

/// `date` moved by `months` calendar months, as (year, month).
fn shift_month(date: NaiveDate, months: i32) -> Option<(i32, u32)> {
    let total = i64::from(date.year()) * 12 + i64::from(date.month0()) + i64::from(months);
    let year = i32::try_from(total.div_euclid(12)).ok()?;
    let month = u32::try_from(total.rem_euclid(12)).ok()? + 1;
    Some((year, month))
}

/// The year of a yearless day: the report's, or the one before when the day would fall more
/// than two weeks after the report date. A weekday written with the date may pick the other.
fn yearless(month: u32, day: u32, weekday: Option<Weekday>, report: NaiveDate) -> Option<NaiveDate> {
    let limit = add_days(report, FUTURE_SLACK_DAYS)?;
    let this = NaiveDate::from_ymd_opt(report.year(), month, day).filter(|d| *d <= limit);
    let prev = NaiveDate::from_ymd_opt(report.year().checked_sub(1)?, month, day);
    let first = this.or(prev)?;
    if let Some(w) = weekday {
        if first.weekday() != w {
            if let Some(other) = [this, prev].into_iter().flatten().find(|d| d.weekday() == w) {
                return Some(other);
            }
        }
    }
    Some(first)
}

/// The most recent `w` on or before `report` (`strict`: before it).
fn weekday_before(report: NaiveDate, w: Weekday, strict: bool) -> Option<NaiveDate> {
    let r = i64::from(report.weekday().num_days_from_monday());
    let t = i64::from(w.num_days_from_monday());
    let mut back = (r - t).rem_euclid(7);
    if strict && back == 0 {
        back = 7;
    }
    add_days(report, -back)
}

/// Resolve one expression, `None` when it cannot be placed on the calendar.
pub fn resolve(expr: &DateExpr, ctx: &DateContext) -> Option<ResolvedDate> {
    let report = ctx.report_date;
    match *expr {
        DateExpr::Day { year, month, day, weekday } => {
            let d = match year {
                Some(y) => NaiveDate::from_ymd_opt(y, month, day)?,
                None => yearless(month, day, weekday, report?)?,
            };
            Some(ResolvedDate::day(d))
        }
        DateExpr::DayRange { year, month, first, last } => {
            let start = match year {
                Some(y) => NaiveDate::from_ymd_opt(y, month, first)?,
                None => yearless(month, first, None, report?)?,
            };
            let end = NaiveDate::from_ymd_opt(start.year(), month, last)?;
            if end < start {
                return None;
            }
            Some(range(start, end, DatePrecision::Day))
        }
        DateExpr::Numeric { first, second, year, weekday } => resolve_numeric(first, second, year, weekday, ctx),
        DateExpr::LeadIn { year, month, day } => NaiveDate::from_ymd_opt(year, month, day).map(ResolvedDate::day),
        DateExpr::Month { year, month, .. } => {
            let y = match year {
                Some(y) => y,
                None => {
                    let r = report?;
                    if month <= r.month() {
                        r.year()
                    } else {
                        r.year().checked_sub(1)?
                    }
                }
            };
            month_range(y, month)
        }
        DateExpr::InRelativeYear { month, day, offset } => {
            let y = report?.year().checked_add(offset)?;
            match day {
                Some(d) => NaiveDate::from_ymd_opt(y, month, d).map(ResolvedDate::day),
                None => month_range(y, month),
            }
        }
        DateExpr::Year { year, .. } => year_range(year),
        DateExpr::Weekday { weekday, which } => {
            let r = report?;
            let d = match which {
                Which::Recent => weekday_before(r, weekday, false)?,
                Which::Last => weekday_before(r, weekday, true)?,
                Which::Next => {
                    let fwd = (i64::from(weekday.num_days_from_monday())
                        - i64::from(r.weekday().num_days_from_monday()))
                    .rem_euclid(7);
                    add_days(r, if fwd == 0 { 7 } else { fwd })?
                }
            };
            Some(ResolvedDate::day(d))
        }
        DateExpr::RelativeDay { offset } => Some(ResolvedDate::day(add_days(report?, i64::from(offset))?)),
        DateExpr::RelativeWeek { offset } => {
            let r = report?;
            let monday = add_days(r, -i64::from(r.weekday().num_days_from_monday()))?;
            let start = add_days(monday, i64::from(offset).checked_mul(7)?)?;
            Some(range(start, add_days(start, 6)?, DatePrecision::Week))
        }
        DateExpr::RelativeMonth { offset } => {
            let (y, m) = shift_month(report?, offset)?;
            month_range(y, m)
        }
        DateExpr::RelativeYear { offset } => year_range(report?.year().checked_add(offset)?),
        DateExpr::Weekend { which } => {
            let r = report?;
            let wd = i64::from(r.weekday().num_days_from_monday());
            // Days since the last Saturday (0 on a Saturday).
            let since_sat = (wd + 2).rem_euclid(7);
            let sat = add_days(r, -since_sat)?;
            let start = match which {
                Which::Recent => sat,
                Which::Last if since_sat <= 1 => add_days(sat, -7)?,
                Which::Last => sat,
                Which::Next => add_days(sat, 7)?,
            };
            Some(range(start, add_days(start, 1)?, DatePrecision::Week))
        }
    }
}

/// An all-digit date: weekday check, then a part above 12, then the convention, else
/// month/day flagged ambiguous.
fn resolve_numeric(first: u32, second: u32, year: i32, weekday: Option<Weekday>, ctx: &DateContext) -> Option<ResolvedDate> {
    let md = NaiveDate::from_ymd_opt(year, first, second);
    let dm = NaiveDate::from_ymd_opt(year, second, first);
    let (md, dm) = match (md, dm) {
        (Some(a), Some(b)) if a == b => return Some(ResolvedDate::day(a)),
        (Some(a), None) => return Some(ResolvedDate::day(a)),
        (None, Some(b)) => return Some(ResolvedDate::day(b)),
        (None, None) => return None,
        (Some(a), Some(b)) => (a, b),
    };
    if let Some(w) = weekday {
        match (md.weekday() == w, dm.weekday() == w) {
            (true, false) => return Some(ResolvedDate::day(md)),
            (false, true) => return Some(ResolvedDate::day(dm)),
            _ => {}
        }
    }
    match ctx.order() {
        Some(DayOrder::DayMonth) => Some(ResolvedDate::day(dm)),
        Some(DayOrder::MonthDay) => Some(ResolvedDate::day(md)),
        None => Some(ResolvedDate { ambiguous: true, ..ResolvedDate::day(md) }),
    }
}

/// Resolve every mention against one context, in order.
pub fn resolve_all(mentions: &[DateMention], ctx: &DateContext) -> Vec<Option<ResolvedDate>> {
    mentions.iter().map(|m| resolve(&m.expr, ctx)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use sitrep_recognize::dates::Part;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    /// A context whose report date is `y-m-d`.
    fn at(y: i32, m: u32, d: u32) -> DateContext {
        DateContext::with_report_date(ymd(y, m, d))
    }

    fn mentions(text: &str) -> Vec<DateMention> {
        find_dates(text, &Segmented::default(), &Cleaned::default())
    }

    /// Resolve the single date expression of `text` against `ctx`.
    fn res(text: &str, ctx: &DateContext) -> Option<ResolvedDate> {
        let m = mentions(text);
        assert_eq!(m.len(), 1, "{text:?}: {m:?}");
        resolve(&m[0].expr, ctx)
    }

    /// (start, end, precision) as strings.
    fn show(r: Option<ResolvedDate>) -> Option<(String, String, DatePrecision)> {
        r.map(|r| {
            let e = r.to_event_date();
            (e.start, e.end, e.precision)
        })
    }

    fn days(text: &str, ctx: &DateContext) -> Option<String> {
        let r = res(text, ctx)?;
        assert_eq!(r.start, r.end, "{text}");
        assert_eq!(r.precision, DatePrecision::Day, "{text}");
        Some(r.start.format("%Y-%m-%d").to_string())
    }

    fn ctx_of(doc: &Document, cleaned: &Cleaned) -> DateContext {
        let m = find_dates(&doc.text, &Segmented::default(), cleaned);
        date_context(doc, cleaned, &m)
    }

    fn doc(text: &str) -> Document {
        Document::from_text("t", text)
    }

    #[test]
    fn report_date_from_published() {
        let mut d = doc("Militants attacked on Wednesday.");
        d.published = Some("2019-03-10T07:45:00Z".into()); // a Sunday
        let ctx = ctx_of(&d, &Cleaned::default());
        assert_eq!(ctx.report_date, Some(ymd(2019, 3, 10)));
        assert_eq!(ctx.report_date_source, Some(ReportDateSource::Published));
        assert_eq!(days("Militants attacked on Wednesday.", &ctx).as_deref(), Some("2019-03-06"));

        let mut d = doc("x");
        d.published = Some("Sun, 10 Mar 2019 07:45:00 GMT".into());
        assert_eq!(ctx_of(&d, &Cleaned::default()).report_date, Some(ymd(2019, 3, 10)));

        let mut d = doc("x");
        d.published = Some("not a date".into());
        assert_eq!(ctx_of(&d, &Cleaned::default()).report_date, None);
    }

    #[test]
    fn report_date_weekday_decides_dateline() {
        // 3 October 2021 was a Sunday, 10 March 2021 a Wednesday: "Sunday 03/10/2021" is
        // day/month no matter what the outlet does.
        let text = "Convoy ambushed near the border\n\nSunday 03/10/2021\nGunmen struck on Friday.";
        let start = text.find("Sunday").unwrap_or(0);
        let cleaned = Cleaned { dateline: Some(Span::new(start, start + 17)), ..Cleaned::default() };
        let mut d = doc(text);
        d.url = Some("https://www.example.com/news/1".into()); // month/day outlet
        let ctx = ctx_of(&d, &cleaned);
        assert_eq!(ctx.report_date, Some(ymd(2021, 10, 3)));
        assert_eq!(ctx.report_date_source, Some(ReportDateSource::Dateline));
        assert!(!ctx.report_date_ambiguous);
        assert_eq!(days("Gunmen struck on Friday.", &ctx).as_deref(), Some("2021-10-01"));

        // Same without a dateline span: the date line among the first lines is used.
        let ctx = ctx_of(&doc(text), &Cleaned::default());
        assert_eq!(ctx.report_date, Some(ymd(2021, 10, 3)));
        assert_eq!(ctx.report_date_source, Some(ReportDateSource::TopLine));
    }

    #[test]
    fn report_date_from_placeline() {
        let text = "Blast hits market\n\nKABUL, Afghanistan, May 2, 2018 (AP) - A blast on Monday killed two.";
        let start = text.find("KABUL").unwrap_or(0);
        let cleaned = Cleaned { placeline: Some(Span::new(start, start + 20)), ..Cleaned::default() };
        let ctx = ctx_of(&doc(text), &cleaned);
        assert_eq!(ctx.report_date, Some(ymd(2018, 5, 2)));
        assert_eq!(ctx.report_date_source, Some(ReportDateSource::Placeline));
        // a date further along the paragraph is not the placeline's
        let text = "Blast hits market\n\nKABUL, Afghanistan (AP) - A blast on May 2, 2018 killed two.";
        let cleaned = Cleaned { placeline: Some(Span::new(start, start + 26)), ..Cleaned::default() };
        assert_eq!(ctx_of(&doc(text), &cleaned).report_date, None);
    }

    #[test]
    fn report_date_from_top_lines() {
        let ctx = ctx_of(&doc("Blast hits market\nPublished: March 4, 2020 10:15 GMT\n\nTwo died."), &Cleaned::default());
        assert_eq!(ctx.report_date, Some(ymd(2020, 3, 4)));
        let ctx = ctx_of(&doc("KABUL, Afghanistan, May 2, 2018 (AP) - A blast killed two."), &Cleaned::default());
        assert_eq!(ctx.report_date, Some(ymd(2018, 5, 2)));
        // a date inside a sentence is not a date line
        let ctx = ctx_of(&doc("Blast hits market\nTwo people died on March 4, 2020 in the blast."), &Cleaned::default());
        assert_eq!(ctx.report_date, None);
        // a date far down the text is not a date line
        let ctx = ctx_of(&doc("a\nb\nc\nd\ne\nMarch 4, 2020"), &Cleaned::default());
        assert_eq!(ctx.report_date, None);
        // ... unless it is labelled, below a block of highlights
        let ctx = ctx_of(&doc("a\nb\nc\nd\ne\nUpdated 1047 GMT (1847 HKT) March 4, 2020"), &Cleaned::default());
        assert_eq!(ctx.report_date, Some(ymd(2020, 3, 4)));
        // an ambiguous numeric date line is flagged
        let ctx = ctx_of(&doc("Blast hits market\n04/03/2020\nTwo died."), &Cleaned::default());
        assert_eq!(ctx.report_date, Some(ymd(2020, 4, 3)));
        assert!(ctx.report_date_ambiguous);
    }

    #[test]
    fn lead_in_is_the_incident_not_the_report() {
        let d = doc("07/04/2012: Gunmen attacked a bus on Tuesday, killing four.");
        let ctx = ctx_of(&d, &Cleaned::default());
        assert_eq!(ctx.lead_date.map(|r| r.start), Some(ymd(2012, 7, 4)));
        assert_eq!(ctx.report_date, None);
        // the lead-in is month/day even for a day/month outlet
        let mut d = doc("07/04/2012: Gunmen attacked a bus.");
        d.url = Some("http://news.example.co.uk/a".into());
        assert_eq!(ctx_of(&d, &Cleaned::default()).lead_date.map(|r| r.start), Some(ymd(2012, 7, 4)));
    }

    #[test]
    fn numeric_order() {
        let none = DateContext::default();
        // a part above 12 decides
        assert_eq!(days("on 25/12/2018", &none).as_deref(), Some("2018-12-25"));
        assert_eq!(days("on 12/25/2018", &none).as_deref(), Some("2018-12-25"));
        // otherwise month/day, flagged
        let r = res("on 03/04/2019", &none);
        assert_eq!(r.map(|r| (r.start, r.ambiguous)), Some((ymd(2019, 3, 4), true)));
        // the outlet decides
        let uk = DateContext { outlet_order: Some(DayOrder::DayMonth), ..none };
        let r = res("on 03/04/2019", &uk);
        assert_eq!(r.map(|r| (r.start, r.ambiguous)), Some((ymd(2019, 4, 3), false)));
        // the weekday beats the outlet
        let us = DateContext { outlet_order: Some(DayOrder::MonthDay), ..none };
        assert_eq!(days("Wednesday 03/04/2019", &us).as_deref(), Some("2019-04-03"));
        // a weekday fitting neither order falls back to the convention
        assert_eq!(days("Friday 03/04/2019", &uk).as_deref(), Some("2019-04-03"));
    }

    #[test]
    fn numeric_order_from_the_text_itself() {
        let mut d = doc("Reported 28/02/2019. The earlier raid was on 03/02/2019.");
        d.url = Some("https://example.com/x".into());
        let ctx = ctx_of(&d, &Cleaned::default());
        assert_eq!(ctx.text_order, Some(DayOrder::DayMonth));
        assert_eq!(ctx.outlet_order, Some(DayOrder::MonthDay));
        let m = mentions(&d.text);
        assert_eq!(resolve(&m[1].expr, &ctx).map(|r| r.start), Some(ymd(2019, 2, 3)));
    }

    #[test]
    fn outlet_conventions() {
        assert_eq!(outlet_order(Some("https://www.bbc.co.uk/news/world-1"), None), Some(DayOrder::DayMonth));
        assert_eq!(outlet_order(Some("https://www.aljazeera.com/news/1"), None), Some(DayOrder::DayMonth));
        assert_eq!(outlet_order(Some("https://edition.cnn.com/2016/06/12/x"), None), Some(DayOrder::MonthDay));
        assert_eq!(outlet_order(Some("http://localnews.example.com/a"), None), Some(DayOrder::MonthDay));
        assert_eq!(outlet_order(Some("https://punchng.com/a"), None), Some(DayOrder::DayMonth));
        assert_eq!(outlet_order(Some("libyaherald.ly"), None), Some(DayOrder::DayMonth));
        assert_eq!(outlet_order(None, Some("Al Jazeera English")), Some(DayOrder::DayMonth));
        assert_eq!(outlet_order(None, Some("The Times of India")), Some(DayOrder::DayMonth));
        assert_eq!(outlet_order(None, Some("CNN")), Some(DayOrder::MonthDay));
        assert_eq!(outlet_order(None, Some("dawn.com.pk")), Some(DayOrder::DayMonth));
        assert_eq!(outlet_order(Some("https://example.org/a"), Some("Some Blog")), None);
        assert_eq!(outlet_order(None, None), None);
        assert_eq!(outlet_order(Some(""), Some("")), None);
        assert_eq!(outlet_order(Some("://"), Some("...")), None);
    }

    #[test]
    fn weekdays_against_a_sunday_report() {
        let ctx = at(2019, 3, 10); // Sunday
        assert_eq!(days("on Wednesday", &ctx).as_deref(), Some("2019-03-06"));
        assert_eq!(days("on Tuesday", &ctx).as_deref(), Some("2019-03-05"));
        assert_eq!(days("on Sunday", &ctx).as_deref(), Some("2019-03-10"));
        assert_eq!(days("Saturday night", &ctx).as_deref(), Some("2019-03-09"));
        assert_eq!(days("late Friday", &ctx).as_deref(), Some("2019-03-08"));
        assert_eq!(days("last Sunday", &ctx).as_deref(), Some("2019-03-03"));
        assert_eq!(days("stalled since Sunday", &ctx).as_deref(), Some("2019-03-03"));
        assert_eq!(days("last Tuesday", &ctx).as_deref(), Some("2019-03-05"));
        assert_eq!(days("this Tuesday", &ctx).as_deref(), Some("2019-03-05"));
        assert_eq!(days("next Monday", &ctx).as_deref(), Some("2019-03-11"));
        assert_eq!(days("next Sunday", &ctx).as_deref(), Some("2019-03-17"));
        // a report on a Tuesday: "Tuesday" is that day
        assert_eq!(days("on Tuesday", &at(2019, 3, 5)).as_deref(), Some("2019-03-05"));
    }

    #[test]
    fn relative_days() {
        let ctx = at(2019, 3, 10);
        assert_eq!(days("today", &ctx).as_deref(), Some("2019-03-10"));
        assert_eq!(days("tonight", &ctx).as_deref(), Some("2019-03-10"));
        assert_eq!(days("this morning", &ctx).as_deref(), Some("2019-03-10"));
        assert_eq!(days("earlier today", &ctx).as_deref(), Some("2019-03-10"));
        assert_eq!(days("yesterday", &ctx).as_deref(), Some("2019-03-09"));
        assert_eq!(days("last night", &ctx).as_deref(), Some("2019-03-09"));
        assert_eq!(days("the day before yesterday", &ctx).as_deref(), Some("2019-03-08"));
        assert_eq!(days("five days ago", &ctx).as_deref(), Some("2019-03-05"));
        assert_eq!(days("12 days ago", &ctx).as_deref(), Some("2019-02-26"));
        // across a year boundary
        assert_eq!(days("yesterday", &at(2020, 1, 1)).as_deref(), Some("2019-12-31"));
    }

    #[test]
    fn relative_weeks_months_years() {
        let ctx = at(2019, 3, 10); // Sunday; week Mon 4 – Sun 10
        let w = |s: &str, e: &str| Some((s.to_string(), e.to_string(), DatePrecision::Week));
        let m = |s: &str, e: &str| Some((s.to_string(), e.to_string(), DatePrecision::Month));
        let y = |s: &str, e: &str| Some((s.to_string(), e.to_string(), DatePrecision::Year));
        assert_eq!(show(res("last week", &ctx)), w("2019-02-25", "2019-03-03"));
        assert_eq!(show(res("this week", &ctx)), w("2019-03-04", "2019-03-10"));
        assert_eq!(show(res("earlier this week", &ctx)), w("2019-03-04", "2019-03-10"));
        assert_eq!(show(res("two weeks ago", &ctx)), w("2019-02-18", "2019-02-24"));
        assert_eq!(show(res("earlier this month", &ctx)), m("2019-03-01", "2019-03-31"));
        assert_eq!(show(res("this month", &ctx)), m("2019-03-01", "2019-03-31"));
        assert_eq!(show(res("last month", &ctx)), m("2019-02-01", "2019-02-28"));
        assert_eq!(show(res("last month", &at(2019, 1, 15))), m("2018-12-01", "2018-12-31"));
        assert_eq!(show(res("three months ago", &at(2019, 2, 15))), m("2018-11-01", "2018-11-30"));
        assert_eq!(show(res("this year", &ctx)), y("2019-01-01", "2019-12-31"));
        assert_eq!(show(res("last year", &ctx)), y("2018-01-01", "2018-12-31"));
        assert_eq!(show(res("two years ago", &ctx)), y("2017-01-01", "2017-12-31"));
    }

    #[test]
    fn weekends() {
        let w = |s: &str, e: &str| Some((s.to_string(), e.to_string(), DatePrecision::Week));
        // Sunday report: this very weekend
        assert_eq!(show(res("over the weekend", &at(2019, 3, 10))), w("2019-03-09", "2019-03-10"));
        // Monday and Friday reports: the weekend before
        assert_eq!(show(res("over the weekend", &at(2019, 3, 11))), w("2019-03-09", "2019-03-10"));
        assert_eq!(show(res("over the weekend", &at(2019, 3, 15))), w("2019-03-09", "2019-03-10"));
        // "last weekend" on a Sunday is the one before
        assert_eq!(show(res("last weekend", &at(2019, 3, 10))), w("2019-03-02", "2019-03-03"));
        assert_eq!(show(res("last weekend", &at(2019, 3, 12))), w("2019-03-09", "2019-03-10"));
    }

    #[test]
    fn months_and_years() {
        let ctx = at(2019, 3, 10);
        let m = |s: &str, e: &str| Some((s.to_string(), e.to_string(), DatePrecision::Month));
        assert_eq!(show(res("since mid-February", &ctx)), m("2019-02-01", "2019-02-28"));
        assert_eq!(show(res("in March", &ctx)), m("2019-03-01", "2019-03-31"));
        // a month after the report's month is last year's
        assert_eq!(show(res("in early July", &ctx)), m("2018-07-01", "2018-07-31"));
        // a month with its own year needs no report date
        assert_eq!(show(res("in June 2014", &DateContext::default())), m("2014-06-01", "2014-06-30"));
        assert_eq!(
            show(res("in 2011", &DateContext::default())),
            Some(("2011-01-01".into(), "2011-12-31".into(), DatePrecision::Year))
        );
        assert_eq!(
            show(res("in late 2014", &DateContext::default())),
            Some(("2014-01-01".into(), "2014-12-31".into(), DatePrecision::Year))
        );
        // leap years
        assert_eq!(show(res("in February 2020", &DateContext::default())), m("2020-02-01", "2020-02-29"));
        assert_eq!(show(res("in December 2020", &DateContext::default())), m("2020-12-01", "2020-12-31"));
    }

    #[test]
    fn months_in_a_relative_year() {
        let ctx = at(2019, 3, 10);
        assert_eq!(
            show(res("in August last year", &ctx)),
            Some(("2018-08-01".into(), "2018-08-31".into(), DatePrecision::Month))
        );
        assert_eq!(days("on 5 May last year", &ctx).as_deref(), Some("2018-05-05"));
        assert_eq!(days("on May 5 this year", &ctx).as_deref(), Some("2019-05-05"));
        assert_eq!(res("in August last year", &DateContext::default()), None);
    }

    #[test]
    fn holidays_and_inherited_years() {
        let ctx = at(2019, 1, 3);
        assert_eq!(days("on Christmas Eve", &ctx).as_deref(), Some("2018-12-24"));
        assert_eq!(days("over Christmas", &ctx).as_deref(), Some("2018-12-25"));
        assert_eq!(days("New Year's Day", &ctx).as_deref(), Some("2019-01-01"));
        assert_eq!(days("New Year's Eve 2016", &DateContext::default()).as_deref(), Some("2016-12-31"));
        // "30 December" takes the year of "2 January 2016": the one before
        let m = mentions("between 30 December and 2 January 2016");
        let r: Vec<_> = resolve_all(&m, &DateContext::default()).into_iter().map(|r| r.map(|r| r.start)).collect();
        assert_eq!(r, vec![Some(ymd(2015, 12, 30)), Some(ymd(2016, 1, 2))]);
    }

    #[test]
    fn lead_in_sets_the_text_order() {
        let ctx = ctx_of(&doc("05/06/2009: Two bombs exploded; a third was defused on 05/07/2009."), &Cleaned::default());
        assert_eq!(ctx.text_order, Some(DayOrder::MonthDay));
        let m = mentions("05/06/2009: Two bombs exploded; a third was defused on 05/07/2009.");
        let r = resolve(&m[1].expr, &ctx);
        assert_eq!(r.map(|r| (r.start, r.ambiguous)), Some((ymd(2009, 5, 7), false)));
    }

    #[test]
    fn days_without_a_year() {
        let ctx = at(2019, 3, 10);
        assert_eq!(days("on March 2", &ctx).as_deref(), Some("2019-03-02"));
        // up to two weeks ahead stays in the report's year
        assert_eq!(days("on March 20", &ctx).as_deref(), Some("2019-03-20"));
        // further ahead is last year's
        assert_eq!(days("on 30 March", &ctx).as_deref(), Some("2018-03-30"));
        assert_eq!(days("on December 28", &at(2019, 1, 3)).as_deref(), Some("2018-12-28"));
        // a weekday with the date can pick the year: 28 March 2018 was a Wednesday
        assert_eq!(days("Wednesday, March 28", &at(2019, 3, 20)).as_deref(), Some("2018-03-28"));
        // February 29: the report's year when it has one, else the year before if that has one
        assert_eq!(days("on February 29", &at(2020, 3, 1)).as_deref(), Some("2020-02-29"));
        assert_eq!(days("on February 29", &at(2021, 3, 1)).as_deref(), Some("2020-02-29"));
        assert_eq!(days("on February 29", &at(2022, 3, 1)), None);
        // day ranges
        assert_eq!(
            show(res("on 4-6 March", &ctx)),
            Some(("2019-03-04".into(), "2019-03-06".into(), DatePrecision::Day))
        );
    }

    #[test]
    fn absolute_dates_need_no_report_date() {
        let none = DateContext::default();
        assert_eq!(days("on 14 February 2020", &none).as_deref(), Some("2020-02-14"));
        assert_eq!(days("on Feb. 14, 2020", &none).as_deref(), Some("2020-02-14"));
        assert_eq!(days("on 2020-02-14", &none).as_deref(), Some("2020-02-14"));
        assert_eq!(days("Tue June 7, 2016", &none).as_deref(), Some("2016-06-07"));
    }

    #[test]
    fn relative_forms_without_a_report_date_stay_unresolved() {
        let none = DateContext::default();
        for t in [
            "on Tuesday", "last Tuesday", "today", "yesterday", "last night", "three days ago", "last week",
            "this week", "last month", "earlier this month", "this year", "last year", "over the weekend",
            "in June", "mid-May", "on June 7", "7 June", "on 4-6 March",
        ] {
            assert_eq!(res(t, &none), None, "{t}");
        }
        // the lead-in date is not a report date either
        let lead = DateContext { lead_date: Some(ResolvedDate::day(ymd(2012, 7, 4))), ..none };
        assert_eq!(res("on Tuesday", &lead), None);
    }

    #[test]
    fn odd_expressions_do_not_panic() {
        let ctx = at(2019, 3, 10);
        let odd = [
            DateExpr::Day { year: Some(2019), month: 13, day: 1, weekday: None },
            DateExpr::Day { year: None, month: 2, day: 30, weekday: Some(Weekday::Mon) },
            DateExpr::Day { year: Some(i32::MAX), month: 1, day: 1, weekday: None },
            DateExpr::DayRange { year: Some(2019), month: 3, first: 9, last: 2 },
            DateExpr::DayRange { year: None, month: 0, first: 1, last: 2 },
            DateExpr::Numeric { first: 31, second: 31, year: 2016, weekday: None },
            DateExpr::Numeric { first: 0, second: 0, year: i32::MIN, weekday: None },
            DateExpr::LeadIn { year: 2016, month: 2, day: 30 },
            DateExpr::Month { year: Some(i32::MAX), month: 12, part: Some(Part::Late) },
            DateExpr::Month { year: None, month: 99, part: None },
            DateExpr::Year { year: i32::MAX, part: None },
            DateExpr::RelativeDay { offset: i32::MAX },
            DateExpr::RelativeDay { offset: i32::MIN },
            DateExpr::RelativeWeek { offset: i32::MIN },
            DateExpr::RelativeMonth { offset: i32::MAX },
            DateExpr::RelativeYear { offset: i32::MAX },
        ];
        for e in odd {
            assert_eq!(resolve(&e, &ctx), None, "{e:?}");
        }
        // and a context for an odd document
        for text in ["", "\n\n\n", "1", "31/31/2016", "February 30, 2016", "99/99/99:"] {
            let mut d = doc(text);
            d.published = Some("2016-13-45".into());
            d.url = Some("::::".into());
            let ctx = ctx_of(&d, &Cleaned { dateline: Some(Span::new(5, 1)), ..Cleaned::default() });
            assert_eq!(ctx.report_date, None, "{text:?}");
        }
    }

    #[test]
    fn event_date_form() {
        let r = resolve(&DateExpr::Numeric { first: 3, second: 4, year: 2019, weekday: None }, &DateContext::default());
        let e = r.map(|r| r.to_event_date());
        assert_eq!(e.as_ref().map(|e| (e.start.as_str(), e.end.as_str(), e.ambiguous)), Some(("2019-03-04", "2019-03-04", true)));
        let all = resolve_all(&mentions("on 2020-02-14 and yesterday"), &DateContext::default());
        assert_eq!(all.len(), 2);
        assert!(all[0].is_some() && all[1].is_none());
        assert!(ResolvedDate::day(ymd(2020, 2, 14)).contains(ymd(2020, 2, 14)));
    }
}
