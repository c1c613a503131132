//! Date expressions.

use sitrep_clean::Cleaned;
use sitrep_model::Span;
use sitrep_segment::Segmented;

/// An unresolved date expression.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DateExpr {
    /// Placeholder until the recogniser lands.
    Unknown,
}

/// One date expression in the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateMention {
    /// Where it is.
    pub span: Span,
    /// What it says.
    pub expr: DateExpr,
}

/// Find every date expression in `text`, in order, skipping noise.
pub fn find_dates(text: &str, seg: &Segmented, cleaned: &Cleaned) -> Vec<DateMention> {
    let _ = (text, seg, cleaned);
    Vec::new()
}
