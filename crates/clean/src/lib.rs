//! Stage 2 — clean: find scraped noise and the report's front matter.
//!
//! Input: the document text. Output: [`Cleaned`], a sorted list of noise spans plus the
//! headline and dateline spans. The text itself is never rewritten, so every later offset
//! still points into the original.

use sitrep_model::{InputFormat, Span};

/// What a noise span is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoiseKind {
    /// An image file name ("fight for sirte_00020001.jpg").
    ImageFile,
    /// A video duration / credit line ("02:16 - Source: CNN").
    VideoCredit,
    /// "Story highlights" and similar section furniture.
    Furniture,
    /// Share / subscribe / captcha / cookie boilerplate.
    Boilerplate,
    /// A photo caption.
    Caption,
    /// Navigation or link lists (related headlines, "Complete Coverage").
    Navigation,
}

/// One noise span.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Noise {
    /// Where it is.
    pub span: Span,
    /// What it is.
    pub kind: NoiseKind,
}

/// The output of the clean stage.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Cleaned {
    /// Noise spans, sorted by start, not overlapping.
    pub noise: Vec<Noise>,
    /// The headline line of a plain-text report, if found.
    pub headline: Option<Span>,
    /// A dateline / date line near the top ("Sunday 12/06/2016", "TRIPOLI -"), if found.
    pub dateline: Option<Span>,
}

impl Cleaned {
    /// True when `span` overlaps any noise span.
    pub fn is_noise(&self, span: Span) -> bool {
        let i = self.noise.partition_point(|n| n.span.end <= span.start);
        self.noise.get(i).is_some_and(|n| n.span.overlaps(span))
    }
}

/// Find noise, headline and dateline in `text`.
pub fn clean(text: &str, format: InputFormat) -> Cleaned {
    let _ = (text, format);
    Cleaned::default()
}
