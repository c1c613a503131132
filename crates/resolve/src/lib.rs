//! Stage 5 — resolve: date expressions to calendar ranges.

use chrono::NaiveDate;
use sitrep_clean::Cleaned;
use sitrep_model::{DatePrecision, Document, EventDate};
use sitrep_recognize::dates::{DateExpr, DateMention};

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
}

/// The context relative and ambiguous dates are resolved in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DateContext {
    /// The report's own date.
    pub report_date: Option<NaiveDate>,
}

/// Work out the report's date and conventions from its metadata and date line.
pub fn date_context(doc: &Document, cleaned: &Cleaned, dates: &[DateMention]) -> DateContext {
    let _ = (doc, cleaned, dates);
    DateContext::default()
}

/// Resolve one expression, `None` when it cannot be placed on the calendar.
pub fn resolve(expr: &DateExpr, ctx: &DateContext) -> Option<ResolvedDate> {
    let _ = (expr, ctx);
    None
}
