//! Shared data types of the sitrep pipeline.
//!
//! Every stage speaks in these types: [`Document`] comes out of ingest, [`Span`]s index
//! into [`Document::text`] (byte offsets, never rewritten), and [`DocResult`] is the
//! per-document output whose JSON shape is fixed by `CONTRACT.md`.

use serde::{Deserialize, Serialize};

/// A half-open byte range `[start, end)` into a document's text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`.
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
    /// Number of bytes covered.
    pub const fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }
    /// True when the span covers nothing.
    pub const fn is_empty(&self) -> bool {
        self.end <= self.start
    }
    /// True when `other` lies entirely inside `self`.
    pub const fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    /// True when the two spans share at least one byte.
    pub const fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
    /// The smallest span covering both.
    pub fn cover(&self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
    /// The slice of `text` this span covers, or `""` when it is out of bounds or not on
    /// character boundaries.
    pub fn slice<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

/// How a document reached sitrep.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum InputFormat {
    /// A plain-text report; the first non-empty line is the headline.
    Text,
    /// A saved HTML page; `text` is the extracted article body.
    Html,
    /// One line of a JSON Lines file.
    Jsonl,
}

/// One report, as ingest hands it to the per-document stages.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Document {
    /// JSONL `id`, else the file name without its extension.
    pub doc_id: String,
    /// The text every span indexes into.
    pub text: String,
    /// Headline given with the document (JSONL `title`, HTML `<title>`), if any.
    pub title: Option<String>,
    /// Publication date given with the document (JSONL `published`), ISO `YYYY-MM-DD` or
    /// a longer ISO timestamp, unvalidated.
    pub published: Option<String>,
    /// Source URL, if given.
    pub url: Option<String>,
    /// Outlet name, if given.
    pub outlet: Option<String>,
    /// How the document was read.
    pub format: InputFormat,
    /// Where it came from, for messages: a path, `path:line`, or `<stdin>`.
    pub origin: String,
}

impl Document {
    /// A plain-text document with no metadata (handy in tests and for library callers).
    pub fn from_text(doc_id: impl Into<String>, text: impl Into<String>) -> Self {
        let doc_id = doc_id.into();
        Document {
            origin: doc_id.clone(),
            doc_id,
            text: text.into(),
            title: None,
            published: None,
            url: None,
            outlet: None,
            format: InputFormat::Text,
        }
    }
}

/// What kind of harm a claim counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ClaimKind {
    /// People killed (died, dead, lives lost).
    Killed,
    /// People injured (wounded, hurt).
    Injured,
    /// People captured (taken prisoner, abducted, kidnapped, held hostage).
    Captured,
    /// People missing.
    Missing,
    /// People displaced (fled, made homeless).
    Displaced,
    /// People arrested (detained, taken into custody).
    Arrested,
}

impl ClaimKind {
    /// The contract's lowercase name.
    pub fn as_str(self) -> &'static str {
        match self {
            ClaimKind::Killed => "killed",
            ClaimKind::Injured => "injured",
            ClaimKind::Captured => "captured",
            ClaimKind::Missing => "missing",
            ClaimKind::Displaced => "displaced",
            ClaimKind::Arrested => "arrested",
        }
    }
}

/// How a figure was hedged.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// A plain number.
    Exact,
    /// "at least", "no fewer than".
    AtLeast,
    /// "more than", "over".
    MoreThan,
    /// "about", "nearly", "almost", "some", vague quantities.
    About,
    /// "up to", "as many as", "at most".
    AtMost,
    /// "between X and Y", "X to Y", "X-Y".
    Range,
}

/// One stated count of people harmed, as the report states it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Claim {
    /// What happened to the people counted.
    pub kind: ClaimKind,
    /// Lower bound (the figure itself for an exact count).
    pub low: u64,
    /// Upper bound, `None` when open ("at least 7").
    pub high: Option<u64>,
    /// How the figure was hedged.
    pub qualifier: Qualifier,
    /// The victim phrase ("their fighters", "civilians"), if any.
    pub victims: Option<String>,
    /// The side the victims belong to, when known.
    pub side: Option<String>,
    /// True for a running total over a campaign or period.
    pub cumulative: bool,
    /// Who the report says gave the figure.
    pub source: Option<String>,
    /// Byte span of the evidence in the document text.
    pub span: [usize; 2],
    /// Exactly the text of `span`.
    pub text: String,
    /// True when the figure counts perpetrators (a dead attacker) rather than victims.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub perpetrators: bool,
    /// True when the figure counts people struck by gunfire ("two people were shot"), fatally
    /// or not; `kind` is then `injured`, and the event's injured total subtracts those killed.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub struck: bool,
}

/// Precision of a resolved date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DatePrecision {
    /// One day.
    Day,
    /// A week.
    Week,
    /// A month.
    Month,
    /// A year.
    Year,
}

/// A resolved date range.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventDate {
    /// First day, ISO `YYYY-MM-DD`.
    pub start: String,
    /// Last day, ISO `YYYY-MM-DD`.
    pub end: String,
    /// How precise the range is.
    pub precision: DatePrecision,
    /// True when day/month order could not be decided.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub ambiguous: bool,
}

/// Precision of a location.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LocationPrecision {
    /// An exact point.
    Point,
    /// A city or town.
    City,
    /// A first- or second-level region.
    Region,
    /// A whole country.
    Country,
}

/// Where an event happened.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Location {
    /// The place name as resolved.
    pub name: String,
    /// ISO 3166-1 alpha-2 code.
    pub country_code: Option<String>,
    /// First-level administrative region.
    pub admin1: Option<String>,
    /// Latitude, WGS84 degrees.
    pub lat: Option<f64>,
    /// Longitude, WGS84 degrees.
    pub lon: Option<f64>,
    /// How precise the place is.
    pub precision: LocationPrecision,
}

/// A participant in an event.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Actor {
    /// `actor1` (acted), `actor2` (target) or `associated`.
    pub role: String,
    /// The words in the report.
    pub text: String,
    /// Canonical name, when the actor is known.
    pub canonical: Option<String>,
    /// True when the report does not name this actor for this event and sitrep inferred it
    /// (the report's principal armed group for an attack with no named attacker, the crowd of
    /// a protest); `text` is then the name used elsewhere in the report.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub inferred: bool,
}

/// Low / high / best of a toll.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Toll {
    /// Lowest credible figure.
    pub low: u64,
    /// Highest credible figure, `None` when open-ended.
    pub high: Option<u64>,
    /// The single number a careful coder would enter.
    pub best: u64,
}

/// One incident found in a report.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// One of ACLED's six event types, or `None`.
    pub event_type: Option<String>,
    /// ACLED sub-event type, or `None`.
    pub sub_event_type: Option<String>,
    /// When it happened.
    pub date: Option<EventDate>,
    /// Where it happened.
    pub location: Option<Location>,
    /// Who took part.
    pub actors: Vec<Actor>,
    /// Total killed (distinct victim groups summed, perpetrators included).
    pub fatalities: Option<Toll>,
    /// Total injured.
    pub injuries: Option<Toll>,
    /// Every figure stated about this incident.
    pub claims: Vec<Claim>,
    /// Byte span of the sentence that anchors the event (its trigger), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trigger: Option<[usize; 2]>,
}

/// The output for one document: one line of `sitrep extract --format jsonl`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DocResult {
    /// The document's id.
    pub doc_id: String,
    /// Headline.
    pub title: Option<String>,
    /// Report date, ISO, when known (metadata or a date line in the text).
    pub published: Option<String>,
    /// Incidents, most salient first.
    pub events: Vec<Event>,
}

/// Reading the project's data tables (`data/*.tsv`, `data/*.txt` in each crate).
pub mod table {
    /// The entries of a data table: each line trimmed, blank lines and `#` comments skipped.
    ///
    /// ```
    /// let t = "# comment\n\nkilled\tkilled\n  wounded  \n";
    /// assert_eq!(sitrep_model::table::entries(t).collect::<Vec<_>>(), vec!["killed\tkilled", "wounded"]);
    /// ```
    pub fn entries(src: &str) -> impl Iterator<Item = &str> {
        src.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
    }
}
