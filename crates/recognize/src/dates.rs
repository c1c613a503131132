//! Date expressions.
//!
//! [`find_dates`] scans the text with its own small tokenizer (words, digit runs, single
//! punctuation characters, each with its byte span and whether white space or a line break
//! precedes it) and matches date patterns over those tokens in one left-to-right pass. It does
//! not depend on the segment stage's tokens, so it works the same whether or not they exist.
//!
//! What it finds, each as a [`DateMention`] with the byte span of the expression itself (a
//! leading cue word such as "on", "in" or "since" is recorded in [`DateMention::cue`], not
//! covered by the span):
//!
//! - calendar days: `2016-06-12`, `June 7, 2016`, `June 7th, 2016`, `7 June 2016`,
//!   `the 7th of June`, `Jun. 7, 2016`, `June 7`, `7 June`, day ranges `7-8 June 2016`;
//! - numeric dates `12/06/2016`, `12/6/16`, `12.06.2016` (day/month order left to resolve)
//!   and the lead-in `MM/DD/YYYY:` at the very start of a text ([`DateExpr::LeadIn`]);
//! - months and years: `June 2016`, `in June`, `mid-May`, `early June`, `late 2014`,
//!   `in 2011`, `since 2014`, `the end of May` (a bare month or year needs a cue word),
//!   `August last year`, `on 5 May last year`;
//! - fixed-date holidays: `Christmas Eve`, `on Christmas`, `New Year's Day`, `New Year's Eve`,
//!   `Halloween night`, `Valentine's Day`, `the Fourth of July` (as calendar days);
//! - weekdays: `Tuesday`, `Saturday night`, `late Friday`, `last Tuesday`, `this Tuesday`,
//!   and a weekday next to a date (`Sunday 12/06/2016`, `Tue June 7, 2016`,
//!   `Tuesday [22 September]`), kept with the date to check it;
//! - relative forms: `today`, `tonight`, `this morning`, `earlier today`, `yesterday`,
//!   `last night`, `the day before yesterday`, `N days/weeks/months/years ago`, `last week`,
//!   `this week`, `earlier this month`, `last year`, `over the weekend`, `last weekend`.
//!
//! Not dates: times (`8 am`, `02:16`), ages, `24/7`, scores, phone numbers, `2,496`, and
//! numbers that merely look like years (`2000 people`, `a total of 2000`).

use std::collections::HashMap;
use std::sync::LazyLock;

pub use chrono::Weekday;
use chrono::NaiveDate;
use sitrep_clean::Cleaned;
use sitrep_model::Span;
use sitrep_segment::Segmented;

/// A part of a month or year: "early June", "mid-May", "late 2014", "the end of May".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Part {
    /// "early", "the beginning of", "the start of".
    Early,
    /// "mid", "the middle of".
    Mid,
    /// "late", "the end of".
    Late,
}

/// Which occurrence of a weekday or weekend is meant.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Which {
    /// The plain form or "this": the most recent one on or before the report date.
    Recent,
    /// "last": the most recent one strictly before the report date (a week back when the
    /// report date is itself that day; for a weekend, the one before the current weekend).
    Last,
    /// "next": the first one strictly after the report date.
    Next,
}

/// The cue word right before a date expression.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DateCue {
    /// "on".
    On,
    /// "in".
    In,
    /// "at".
    At,
    /// "since" — the expression starts an open period (running totals).
    Since,
    /// "until", "till", "through".
    Until,
    /// "by".
    By,
    /// "before".
    Before,
    /// "after".
    After,
    /// "during", "throughout".
    During,
    /// "from".
    From,
    /// "between".
    Between,
    /// "of".
    Of,
}

/// An unresolved date expression.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DateExpr {
    /// One calendar day whose month is known: "7 June 2016", "June 7", "2016-06-12",
    /// "Tuesday [22 September]". `year` is `None` when the text gives none; `weekday` is a
    /// weekday written next to the date, kept as a check.
    Day {
        /// The year, when written.
        year: Option<i32>,
        /// Month, 1–12.
        month: u32,
        /// Day of the month, 1–31 (valid for the month).
        day: u32,
        /// A weekday written next to the date.
        weekday: Option<Weekday>,
    },
    /// A run of days in one month: "7-8 June 2016", "June 7-9".
    DayRange {
        /// The year, when written.
        year: Option<i32>,
        /// Month, 1–12.
        month: u32,
        /// First day.
        first: u32,
        /// Last day (greater than `first`).
        last: u32,
    },
    /// An all-digit date whose day/month order the text does not settle: `12/06/2016`,
    /// `12/6/16`, `12.06.2016`. At least one of the two orders is a valid date.
    Numeric {
        /// The first number as written.
        first: u32,
        /// The second number as written.
        second: u32,
        /// The year (two-digit years expanded: 00–69 → 2000s, 70–99 → 1900s).
        year: i32,
        /// A weekday written next to the date; resolve uses it to decide the order.
        weekday: Option<Weekday>,
    },
    /// The `MM/DD/YYYY:` lead-in at the very start of a text (incident summaries): always
    /// month/day/year, and it is the incident's date.
    LeadIn {
        /// Year.
        year: i32,
        /// Month, 1–12.
        month: u32,
        /// Day of the month.
        day: u32,
    },
    /// A month: "June 2016", "in June", "mid-May", "the end of May".
    Month {
        /// The year, when written.
        year: Option<i32>,
        /// Month, 1–12.
        month: u32,
        /// Early / mid / late, when said.
        part: Option<Part>,
    },
    /// A month, or a day of it, in a year given relative to the report's: "August last year",
    /// "on 5 May last year", "in June this year".
    InRelativeYear {
        /// Month, 1–12.
        month: u32,
        /// Day of the month, when given.
        day: Option<u32>,
        /// Years from the report's year: "last year" -1, "this year" 0.
        offset: i32,
    },
    /// A year: "in 2011", "since 2014", "late 2014".
    Year {
        /// The year.
        year: i32,
        /// Early / mid / late, when said.
        part: Option<Part>,
    },
    /// A weekday on its own: "on Tuesday", "Saturday night", "late Friday", "last Tuesday".
    Weekday {
        /// The day.
        weekday: Weekday,
        /// Which occurrence.
        which: Which,
    },
    /// Days from the report date: "today" 0, "yesterday" / "last night" -1, "the day before
    /// yesterday" -2, "three days ago" -3, "tomorrow" +1.
    RelativeDay {
        /// Offset in days.
        offset: i32,
    },
    /// Calendar weeks (Monday–Sunday) from the report's week: "this week" / "earlier this
    /// week" 0, "last week" -1, "two weeks ago" -2, "next week" +1.
    RelativeWeek {
        /// Offset in weeks.
        offset: i32,
    },
    /// Calendar months from the report's month: "this month" / "earlier this month" 0,
    /// "last month" -1.
    RelativeMonth {
        /// Offset in months.
        offset: i32,
    },
    /// Calendar years from the report's year: "this year" 0, "last year" -1.
    RelativeYear {
        /// Offset in years.
        offset: i32,
    },
    /// A weekend: "over the weekend", "last weekend", "this weekend".
    Weekend {
        /// Which one.
        which: Which,
    },
}

impl DateExpr {
    /// True for expressions that name a calendar day, month or year by themselves (they carry
    /// a year): these can be placed without a report date.
    pub fn is_absolute(&self) -> bool {
        match self {
            DateExpr::Day { year, .. }
            | DateExpr::DayRange { year, .. }
            | DateExpr::Month { year, .. } => year.is_some(),
            DateExpr::Numeric { .. } | DateExpr::LeadIn { .. } | DateExpr::Year { .. } => true,
            _ => false,
        }
    }

    /// True for a full date down to the day, year included (what a date line carries).
    pub fn is_full_date(&self) -> bool {
        match self {
            DateExpr::Day { year, .. } => year.is_some(),
            DateExpr::Numeric { .. } | DateExpr::LeadIn { .. } => true,
            _ => false,
        }
    }
}

/// One date expression in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DateMention {
    /// Where it is (the expression itself, without the cue word).
    pub span: Span,
    /// What it says.
    pub expr: DateExpr,
    /// The cue word right before it ("on", "in", "since", ...), if any.
    pub cue: Option<DateCue>,
}

/// Find every date expression in `text`, in order, skipping noise.
///
/// The segment stage's tokens are not needed (`seg` may be empty); mentions that overlap a
/// noise span of `cleaned` are dropped. Never panics, whatever the input.
pub fn find_dates(text: &str, seg: &Segmented, cleaned: &Cleaned) -> Vec<DateMention> {
    let _ = seg;
    let scan = Scan::new(text);
    let mut out = Vec::new();
    let mut i = 0;
    while i < scan.toks.len() {
        match scan.match_at(i) {
            Some(m) if m.end > m.start => {
                let span = scan.span(m.start, m.end);
                if !cleaned.is_noise(span) {
                    out.push(DateMention { span, expr: m.expr, cue: m.cue });
                }
                i = m.end;
            }
            _ => i += 1,
        }
    }
    inherit_years(text, &mut out);
    out
}

/// A yearless day or month right before one with a year, joined by "to", "and", "-", ...
/// ("from May to October 2012", "between 30 December and 2 January 2016") takes that year
/// (the one before when its month comes later in the year).
fn inherit_years(text: &str, out: &mut [DateMention]) {
    for k in 1..out.len() {
        let (head, tail) = out.split_at_mut(k);
        let (Some(a), Some(b)) = (head.last_mut(), tail.first()) else { continue };
        let between = text.get(a.span.end..b.span.start).unwrap_or("").trim();
        if !matches!(between, "to" | "and" | "or" | "-" | "–" | "until" | "till" | "through" | "and on" | "to the") {
            continue;
        }
        let (b_month, b_year) = match b.expr {
            DateExpr::Day { year: Some(y), month, .. }
            | DateExpr::DayRange { year: Some(y), month, .. }
            | DateExpr::Month { year: Some(y), month, .. } => (month, y),
            _ => continue,
        };
        let pick = |month: u32| if month <= b_month { b_year } else { b_year.saturating_sub(1) };
        match &mut a.expr {
            DateExpr::Day { year: year @ None, month, day, .. } if valid_day(Some(pick(*month)), *month, *day) => {
                *year = Some(pick(*month));
            }
            DateExpr::DayRange { year: year @ None, month, last, .. } if valid_day(Some(pick(*month)), *month, *last) => {
                *year = Some(pick(*month));
            }
            DateExpr::Month { year: year @ None, month, .. } => *year = Some(pick(*month)),
            _ => {}
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Lexicon

/// What a word can be, for the matcher.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kw {
    /// A month name: number, and whether it is an abbreviation.
    Month(u32, bool),
    /// A weekday name, and whether it is an abbreviation.
    Weekday(Weekday, bool),
    /// A preposition that can introduce a date.
    Cue(DateCue),
    /// "early", "mid", "late".
    Part(Part),
    /// "beginning", "start", "middle", "end" (followed by "of").
    PartNoun(Part),
    /// "morning", "afternoon", "evening", "night".
    DayPart,
    /// "today" 0, "tonight" 0, "yesterday" -1, "tomorrow" +1.
    DayWord(i32),
    /// "last", "this", "next", "earlier", "later".
    Modifier(Modifier),
    /// "day(s)", "week(s)", "month(s)", "year(s)".
    Unit(Unit),
    /// "weekend".
    Weekend,
    /// "a", "an", "one" … "twelve".
    Count(u32),
    /// "ago".
    Ago,
    /// "the".
    The,
    /// "over".
    Over,
    /// "st", "nd", "rd", "th".
    Ordinal,
    /// The first word of a fixed-date holiday.
    Holiday(Holiday),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Holiday {
    Christmas,
    Halloween,
    Valentine,
    New,
    Fourth,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Modifier {
    Last,
    This,
    Next,
    Earlier,
    Later,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Unit {
    Day,
    Week,
    Month,
    Year,
}

/// Month names and abbreviations (lowercase), with their numbers.
const MONTHS: &[(&str, u32, bool)] = &[
    ("january", 1, false),
    ("february", 2, false),
    ("march", 3, false),
    ("april", 4, false),
    ("may", 5, false),
    ("june", 6, false),
    ("july", 7, false),
    ("august", 8, false),
    ("september", 9, false),
    ("october", 10, false),
    ("november", 11, false),
    ("december", 12, false),
    ("jan", 1, true),
    ("feb", 2, true),
    ("mar", 3, true),
    ("apr", 4, true),
    ("jun", 6, true),
    ("jul", 7, true),
    ("aug", 8, true),
    ("sep", 9, true),
    ("sept", 9, true),
    ("oct", 10, true),
    ("nov", 11, true),
    ("dec", 12, true),
];

/// Weekday names and abbreviations (lowercase).
const WEEKDAYS: &[(&str, Weekday, bool)] = &[
    ("monday", Weekday::Mon, false),
    ("tuesday", Weekday::Tue, false),
    ("wednesday", Weekday::Wed, false),
    ("thursday", Weekday::Thu, false),
    ("friday", Weekday::Fri, false),
    ("saturday", Weekday::Sat, false),
    ("sunday", Weekday::Sun, false),
    ("mon", Weekday::Mon, true),
    ("tue", Weekday::Tue, true),
    ("tues", Weekday::Tue, true),
    ("wed", Weekday::Wed, true),
    ("thu", Weekday::Thu, true),
    ("thur", Weekday::Thu, true),
    ("thurs", Weekday::Thu, true),
    ("fri", Weekday::Fri, true),
    ("sat", Weekday::Sat, true),
    ("sun", Weekday::Sun, true),
];

/// Every other keyword.
const WORDS: &[(&str, Kw)] = &[
    ("on", Kw::Cue(DateCue::On)),
    ("in", Kw::Cue(DateCue::In)),
    ("at", Kw::Cue(DateCue::At)),
    ("since", Kw::Cue(DateCue::Since)),
    ("until", Kw::Cue(DateCue::Until)),
    ("till", Kw::Cue(DateCue::Until)),
    ("through", Kw::Cue(DateCue::Until)),
    ("by", Kw::Cue(DateCue::By)),
    ("before", Kw::Cue(DateCue::Before)),
    ("after", Kw::Cue(DateCue::After)),
    ("during", Kw::Cue(DateCue::During)),
    ("throughout", Kw::Cue(DateCue::During)),
    ("from", Kw::Cue(DateCue::From)),
    ("between", Kw::Cue(DateCue::Between)),
    ("of", Kw::Cue(DateCue::Of)),
    ("early", Kw::Part(Part::Early)),
    ("mid", Kw::Part(Part::Mid)),
    ("late", Kw::Part(Part::Late)),
    ("beginning", Kw::PartNoun(Part::Early)),
    ("start", Kw::PartNoun(Part::Early)),
    ("middle", Kw::PartNoun(Part::Mid)),
    ("end", Kw::PartNoun(Part::Late)),
    ("morning", Kw::DayPart),
    ("afternoon", Kw::DayPart),
    ("evening", Kw::DayPart),
    ("night", Kw::DayPart),
    ("today", Kw::DayWord(0)),
    ("tonight", Kw::DayWord(0)),
    ("yesterday", Kw::DayWord(-1)),
    ("tomorrow", Kw::DayWord(1)),
    ("last", Kw::Modifier(Modifier::Last)),
    ("this", Kw::Modifier(Modifier::This)),
    ("next", Kw::Modifier(Modifier::Next)),
    ("earlier", Kw::Modifier(Modifier::Earlier)),
    ("later", Kw::Modifier(Modifier::Later)),
    ("day", Kw::Unit(Unit::Day)),
    ("days", Kw::Unit(Unit::Day)),
    ("week", Kw::Unit(Unit::Week)),
    ("weeks", Kw::Unit(Unit::Week)),
    ("month", Kw::Unit(Unit::Month)),
    ("months", Kw::Unit(Unit::Month)),
    ("year", Kw::Unit(Unit::Year)),
    ("years", Kw::Unit(Unit::Year)),
    ("weekend", Kw::Weekend),
    ("a", Kw::Count(1)),
    ("an", Kw::Count(1)),
    ("one", Kw::Count(1)),
    ("two", Kw::Count(2)),
    ("three", Kw::Count(3)),
    ("four", Kw::Count(4)),
    ("five", Kw::Count(5)),
    ("six", Kw::Count(6)),
    ("seven", Kw::Count(7)),
    ("eight", Kw::Count(8)),
    ("nine", Kw::Count(9)),
    ("ten", Kw::Count(10)),
    ("eleven", Kw::Count(11)),
    ("twelve", Kw::Count(12)),
    ("ago", Kw::Ago),
    ("the", Kw::The),
    ("over", Kw::Over),
    ("st", Kw::Ordinal),
    ("nd", Kw::Ordinal),
    ("rd", Kw::Ordinal),
    ("th", Kw::Ordinal),
    ("christmas", Kw::Holiday(Holiday::Christmas)),
    ("halloween", Kw::Holiday(Holiday::Halloween)),
    ("valentine", Kw::Holiday(Holiday::Valentine)),
    ("new", Kw::Holiday(Holiday::New)),
    ("fourth", Kw::Holiday(Holiday::Fourth)),
];

/// Words before "after 2100" / "around 1930" that show a clock time, not a year.
const TIME_APPROX: &[&str] = &["shortly", "just", "approximately", "around", "about", "roughly", "sometime", "soon"];

/// Time-zone words after a four-digit number that show a clock time ("after 2100 GMT").
const TIME_ZONES: &[&str] = &["GMT", "UTC", "EST", "EDT", "CST", "CDT", "PST", "PDT", "IST", "PKT", "AST", "EAT", "WAT", "CET", "BST", "LT", "Z"];

/// Two four-digit numbers that read as clock times ("between 2000 and 2030").
fn clock_pair(a: u32, b: u32) -> bool {
    let q = |x: u32| x <= 2359 && matches!(x % 100, 0 | 15 | 30 | 45);
    a != b && q(a) && q(b)
}

/// The lexicon, built once.
static LEXICON: LazyLock<HashMap<&'static str, Kw>> = LazyLock::new(|| {
    let mut m = HashMap::with_capacity(MONTHS.len() + WEEKDAYS.len() + WORDS.len());
    for &(w, n, abbr) in MONTHS {
        m.insert(w, Kw::Month(n, abbr));
    }
    for &(w, d, abbr) in WEEKDAYS {
        m.insert(w, Kw::Weekday(d, abbr));
    }
    for &(w, k) in WORDS {
        m.insert(w, k);
    }
    m
});

/// Lowercase words that may follow a year standing alone ("in 2011 the regime fell",
/// "since 2014 when"); any other lowercase word means the number counts something
/// ("in 2000 people") and is not taken as a year.
const AFTER_YEAR_OK: &[&str] = &[
    "a", "about", "after", "against", "ago", "alone", "already", "also", "amid", "among", "an",
    "and", "are", "as", "at", "because", "before", "but", "by", "despite", "during", "for",
    "following", "from", "had", "has", "have", "he", "her", "his", "i", "if", "in", "into", "is",
    "it", "its", "many", "more", "most", "nearly", "not", "of", "on", "only", "or", "over",
    "saw", "she", "since", "so", "some", "than", "that", "the", "their", "then", "there",
    "these", "they", "this", "those", "though", "through", "under", "until", "was", "we",
    "were", "when", "where", "which", "while", "who", "with", "without", "would",
];

/// Words after which "of YYYY" / "of June" is a time ("the summer of 2014", "the end of
/// June"); after other words "of 2000" counts something ("a total of 2000").
const TIME_NOUNS: &[&str] = &[
    "summer", "spring", "autumn", "fall", "winter", "end", "beginning", "start", "middle",
    "half", "quarter", "rest", "course", "part", "month", "months", "year", "years", "week",
    "weeks", "days", "since", "early", "late", "mid", "remainder", "bulk",
];

/// Counted nouns that show a four-digit number after a date is a count, not its year
/// ("On June 7, 2000 people marched").
const COUNT_NOUNS: &[&str] = &[
    "people", "persons", "men", "women", "children", "civilians", "police", "personnel",
    "troops", "soldiers", "fighters", "militants", "refugees", "residents", "families",
    "protesters", "demonstrators", "others", "more", "of",
];

// ---------------------------------------------------------------------------------------------
// Tokens

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum TokKind {
    Word,
    Num,
    Punct(char),
}

#[derive(Clone, Copy, Debug)]
struct Tok {
    start: usize,
    end: usize,
    kind: TokKind,
    /// White space right before it.
    ws: bool,
    /// A line break right before it.
    nl: bool,
    kw: Option<Kw>,
}

/// A match: tokens `start..end` and what they say.
struct Found {
    start: usize,
    end: usize,
    expr: DateExpr,
    cue: Option<DateCue>,
}

/// An expression matched from a given token: tokens up to `end` (exclusive).
struct M {
    end: usize,
    expr: DateExpr,
}

/// What allows a bare month or year: a cue word, a part, or a year range link.
#[derive(Clone, Copy, Default)]
struct Ctx {
    /// A bare month / year is allowed here.
    bare: bool,
    /// The cue word before the expression.
    cue: Option<DateCue>,
}

struct Scan<'t> {
    text: &'t str,
    toks: Vec<Tok>,
}

fn lookup(word: &str) -> Option<Kw> {
    if word.len() > 12 || !word.is_ascii() {
        return None;
    }
    let mut buf = [0u8; 12];
    let n = word.len();
    for (b, c) in buf.iter_mut().zip(word.bytes()) {
        *b = c.to_ascii_lowercase();
    }
    let lower = std::str::from_utf8(&buf[..n]).ok()?;
    LEXICON.get(lower).copied()
}

/// "June" or "JUNE", not "june" or "jUNE".
fn capitalized(word: &str) -> bool {
    let mut chars = word.chars();
    match chars.next() {
        Some(c) if c.is_uppercase() => {
            let rest = chars.as_str();
            rest.chars().all(|c| c.is_lowercase()) || rest.chars().all(|c| c.is_uppercase())
        }
        _ => false,
    }
}

/// Days in `month` of `year` (of a leap year when the year is unknown); 0 for a bad month.
fn days_in_month(year: Option<i32>, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 => match year {
            Some(y) if NaiveDate::from_ymd_opt(y, 2, 29).is_none() => 28,
            _ => 29,
        },
        _ => 0,
    }
}

fn valid_day(year: Option<i32>, month: u32, day: u32) -> bool {
    day >= 1 && day <= days_in_month(year, month)
}

/// Years accepted next to a month or in an all-digit date.
const ATTACHED_YEARS: std::ops::RangeInclusive<u32> = 1800..=2100;
/// Years accepted standing alone.
const BARE_YEARS: std::ops::RangeInclusive<u32> = 1900..=2100;

impl<'t> Scan<'t> {
    fn new(text: &'t str) -> Self {
        let mut toks = Vec::new();
        let mut ws = true;
        let mut nl = true;
        let mut it = text.char_indices().peekable();
        while let Some((start, c)) = it.next() {
            if matches!(c, '\u{feff}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}') {
                continue;
            }
            if c.is_whitespace() {
                ws = true;
                if c == '\n' || c == '\r' || c == '\u{2028}' || c == '\u{2029}' {
                    nl = true;
                }
                continue;
            }
            let mut end = start + c.len_utf8();
            let kind = if c.is_ascii_digit() {
                while let Some(&(p, d)) = it.peek() {
                    if !d.is_ascii_digit() {
                        break;
                    }
                    end = p + 1;
                    it.next();
                }
                TokKind::Num
            } else if c.is_alphabetic() {
                while let Some(&(p, d)) = it.peek() {
                    if !d.is_alphabetic() {
                        break;
                    }
                    end = p + d.len_utf8();
                    it.next();
                }
                TokKind::Word
            } else {
                TokKind::Punct(c)
            };
            let kw = match kind {
                TokKind::Word => text.get(start..end).and_then(lookup),
                _ => None,
            };
            toks.push(Tok { start, end, kind, ws, nl, kw });
            ws = false;
            nl = false;
        }
        Scan { text, toks }
    }

    fn span(&self, start: usize, end: usize) -> Span {
        match (self.toks.get(start), end.checked_sub(1).and_then(|e| self.toks.get(e))) {
            (Some(a), Some(b)) => Span::new(a.start, b.end),
            _ => Span::default(),
        }
    }

    fn str(&self, i: usize) -> &'t str {
        self.toks.get(i).and_then(|t| self.text.get(t.start..t.end)).unwrap_or("")
    }

    fn kw(&self, i: usize) -> Option<Kw> {
        self.toks.get(i).and_then(|t| t.kw)
    }

    fn is_word(&self, i: usize) -> bool {
        matches!(self.toks.get(i), Some(t) if t.kind == TokKind::Word)
    }

    fn word_is(&self, i: usize, w: &str) -> bool {
        self.is_word(i) && self.str(i).eq_ignore_ascii_case(w)
    }

    fn punct(&self, i: usize) -> Option<char> {
        match self.toks.get(i) {
            Some(Tok { kind: TokKind::Punct(c), .. }) => Some(*c),
            _ => None,
        }
    }

    /// Token `i` exists and is on the same line as the token before it.
    fn cont(&self, i: usize) -> bool {
        matches!(self.toks.get(i), Some(t) if !t.nl)
    }

    /// Token `i` exists and touches the token before it.
    fn glued(&self, i: usize) -> bool {
        matches!(self.toks.get(i), Some(t) if !t.ws) && i > 0
    }

    /// A digit run of at most four digits: (value, number of digits).
    fn num(&self, i: usize) -> Option<(u32, usize)> {
        let t = self.toks.get(i)?;
        if t.kind != TokKind::Num || t.end - t.start > 4 {
            return None;
        }
        let v = self.str(i).parse().ok()?;
        Some((v, t.end - t.start))
    }

    /// The digit run at `i` does not continue a number before it ("1,200", "3.5", "02:16",
    /// "12/06").
    fn num_start_ok(&self, i: usize) -> bool {
        if !self.glued(i) || i < 1 {
            return true;
        }
        match self.punct(i - 1) {
            Some(',' | '.' | ':' | '/' | '-' | '–') => {
                !(i >= 2 && self.glued(i - 1) && self.toks.get(i - 2).is_some_and(|t| t.kind == TokKind::Num))
            }
            Some('$' | '£' | '€' | '#' | '+') => false,
            _ => true,
        }
    }

    /// The digit run at `i` is not continued by a number after it ("1,200", "3.5",
    /// "02:16", "24/7"), nor glued to a unit or other letters ("9am", "120mm").
    fn num_end_ok(&self, i: usize) -> bool {
        let j = i + 1;
        if !self.glued(j) {
            return true;
        }
        match self.toks.get(j).map(|t| t.kind) {
            Some(TokKind::Punct(',' | '.' | ':' | '/' | '-' | '–')) => {
                !(self.glued(j + 1) && self.toks.get(j + 1).is_some_and(|t| t.kind == TokKind::Num))
            }
            Some(TokKind::Punct('%')) => false,
            Some(TokKind::Word) => false,
            _ => true,
        }
    }

    /// A lowercase word at `i` on the same line (its lowercase text).
    fn lower_word_at(&self, i: usize) -> Option<String> {
        if !self.cont(i) || !self.is_word(i) {
            return None;
        }
        let w = self.str(i);
        if w.chars().next().is_some_and(|c| c.is_lowercase()) {
            Some(w.to_lowercase())
        } else {
            None
        }
    }

    /// A month name at `i`, written as a month (capitalized or upper case).
    fn month(&self, i: usize) -> Option<(u32, bool)> {
        match self.kw(i) {
            Some(Kw::Month(m, abbr)) if capitalized(self.str(i)) => Some((m, abbr)),
            _ => None,
        }
    }

    // -----------------------------------------------------------------------------------------
    // Entry

    fn match_at(&self, i: usize) -> Option<Found> {
        // A cue word, then an expression on the same line.
        if let Some(Kw::Cue(cue)) = self.kw(i) {
            if self.cont(i + 1) {
                let bare = match cue {
                    DateCue::On | DateCue::At => false,
                    DateCue::Of => i > 0 && self.lower_word_at(i - 1).is_some_and(|w| TIME_NOUNS.contains(&w.as_str())),
                    _ => true,
                };
                if let Some(mut m) = self.expr(i + 1, Ctx { bare, cue: Some(cue) }) {
                    // "since Sunday" counts from a Sunday before the report date, not from the
                    // report's own day.
                    if let (DateCue::Since, DateExpr::Weekday { which: which @ Which::Recent, .. }) = (cue, &mut m.expr) {
                        *which = Which::Last;
                    }
                    return Some(Found { start: i + 1, end: m.end, expr: m.expr, cue: Some(cue) });
                }
            }
            return None;
        }
        // The second year of a range: "from 2011 to 2014", "between 2011 and 2014".
        if (self.word_is(i, "and") || self.word_is(i, "to") || matches!(self.punct(i), Some('-' | '–')))
            && i > 0
            && matches!(self.num(i - 1), Some((y, 4)) if BARE_YEARS.contains(&y))
            && self.cont(i)
            && self.cont(i + 1)
            && !matches!((self.num(i - 1), self.num(i + 1)), (Some((a, 4)), Some((b, 4))) if clock_pair(a, b))
            && !(i >= 3 && self.lower_word_at(i - 3).is_some_and(|w| TIME_APPROX.contains(&w.as_str())))
        {
            if let Some(m) = self.year_alone(i + 1, Ctx { bare: true, cue: None }, None) {
                return Some(Found { start: i + 1, end: m.end, expr: m.expr, cue: None });
            }
        }
        let m = self.expr(i, Ctx::default())?;
        Some(Found { start: i, end: m.end, expr: m.expr, cue: None })
    }

    fn expr(&self, i: usize, ctx: Ctx) -> Option<M> {
        let t = self.toks.get(i)?;
        match t.kind {
            TokKind::Num => self
                .lead_in(i)
                .or_else(|| self.numeric(i))
                .or_else(|| self.day_first(i))
                .or_else(|| self.year_alone(i, ctx, None))
                .or_else(|| self.ago(i)),
            TokKind::Word => match t.kw? {
                Kw::Month(..) => self.month_first(i, ctx, None),
                Kw::Weekday(..) => self.weekday(i, Which::Recent),
                Kw::Part(p) => self.part(i, p),
                Kw::PartNoun(p) => self.part_noun(i, p),
                Kw::Modifier(m) => self.modified(i, m),
                Kw::DayWord(off) => Some(self.day_word(i, off)),
                Kw::Count(_) => self.ago(i),
                Kw::The => self.the(i),
                Kw::Over => {
                    if let (true, Some(Kw::Holiday(h))) = (self.cont(i + 1), self.kw(i + 1)) {
                        self.holiday(i + 1, h, Ctx { bare: true, cue: Some(DateCue::During) })
                    } else if self.cont(i + 1) && self.kw(i + 1) == Some(Kw::The) {
                        self.the(i + 1)
                            .filter(|m| matches!(m.expr, DateExpr::Weekend { .. }))
                    } else {
                        None
                    }
                }
                Kw::Unit(Unit::Day) => self.day_before_yesterday(i),
                Kw::Holiday(h) => self.holiday(i, h, ctx),
                // "during weekend", "at weekend".
                Kw::Weekend if matches!(ctx.cue, Some(DateCue::During | DateCue::At | DateCue::On)) => {
                    Some(M { end: i + 1, expr: DateExpr::Weekend { which: Which::Recent } })
                }
                _ => None,
            },
            TokKind::Punct(_) => None,
        }
    }

    // -----------------------------------------------------------------------------------------
    // Numbers first

    /// `MM/DD/YYYY:` at the very start of the text.
    fn lead_in(&self, i: usize) -> Option<M> {
        let t = self.toks.get(i)?;
        if i != 0 || !self.text.get(..t.start).is_some_and(|p| p.trim_start_matches('\u{feff}').trim().is_empty()) {
            return None;
        }
        let m = self.numeric(i)?;
        if self.punct(m.end) != Some(':') || self.punct(1) != Some('/') {
            return None;
        }
        match m.expr {
            DateExpr::Numeric { first, second, year, .. } if valid_day(Some(year), first, second) => {
                Some(M { end: m.end, expr: DateExpr::LeadIn { year, month: first, day: second } })
            }
            _ => None,
        }
    }

    /// `2016-06-12`, `12/06/2016`, `12/6/16`, `12.06.2016`, `12-06-2016`.
    fn numeric(&self, i: usize) -> Option<M> {
        let (a, la) = self.num(i)?;
        if !self.num_start_ok(i) {
            return None;
        }
        let sep = self.punct(i + 1)?;
        if !matches!(sep, '/' | '.' | '-') || !self.glued(i + 1) || !self.glued(i + 2) {
            return None;
        }
        let (b, lb) = self.num(i + 2)?;
        if self.punct(i + 3) != Some(sep) || !self.glued(i + 3) || !self.glued(i + 4) {
            return None;
        }
        let (c, lc) = self.num(i + 4)?;
        // Not part of a longer run ("1.2.2016.5", "1/2/2016/3").
        if self.glued(i + 5)
            && matches!(self.punct(i + 5), Some('/' | '.' | '-'))
            && self.glued(i + 6)
            && self.toks.get(i + 6).is_some_and(|t| t.kind == TokKind::Num)
        {
            return None;
        }
        if self.glued(i + 5) && self.toks.get(i + 5).is_some_and(|t| t.kind == TokKind::Num) {
            return None;
        }
        if la == 4 {
            // Year first: always year-month-day.
            if lb > 2 || lc > 2 || !ATTACHED_YEARS.contains(&a) || !valid_day(Some(a as i32), b, c) {
                return None;
            }
            let expr = DateExpr::Day { year: Some(a as i32), month: b, day: c, weekday: None };
            return Some(M { end: i + 5, expr });
        }
        if la > 2 || lb > 2 {
            return None;
        }
        let year = match (sep, lc) {
            (_, 4) => c,
            ('/', 2) => {
                if c <= 69 {
                    2000 + c
                } else {
                    1900 + c
                }
            }
            _ => return None,
        };
        if !ATTACHED_YEARS.contains(&year) {
            return None;
        }
        let year = year as i32;
        if !valid_day(Some(year), a, b) && !valid_day(Some(year), b, a) {
            return None;
        }
        Some(M { end: i + 5, expr: DateExpr::Numeric { first: a, second: b, year, weekday: None } })
    }

    /// A day number (1–31, one or two digits) at `i`, with an optional ordinal suffix:
    /// (day, index after it, had a suffix).
    fn day_num(&self, i: usize) -> Option<(u32, usize, bool)> {
        let (d, ld) = self.num(i)?;
        if ld > 2 || !(1..=31).contains(&d) || !self.num_start_ok(i) {
            return None;
        }
        if self.glued(i + 1) && self.kw(i + 1) == Some(Kw::Ordinal) {
            return Some((d, i + 2, true));
        }
        let dash = self.glued(i + 1) && matches!(self.punct(i + 1), Some('-' | '–'));
        if !dash && !self.num_end_ok(i) {
            return None;
        }
        // A time: "7 am", "7 p.m.".
        if self.cont(i + 1) {
            let w = self.str(i + 1);
            if self.is_word(i + 1) && (w.eq_ignore_ascii_case("am") || w.eq_ignore_ascii_case("pm") || ((w == "a" || w == "p" || w == "A" || w == "P") && self.punct(i + 2) == Some('.'))) {
                return None;
            }
        }
        Some((d, i + 1, false))
    }

    /// The last day of a range after a first day: "-8", "–8th".
    fn range_end(&self, j: usize, first: u32) -> Option<(u32, usize)> {
        if !matches!(self.punct(j), Some('-' | '–')) || !self.cont(j) || !self.cont(j + 1) {
            return None;
        }
        let (d, ld) = self.num(j + 1)?;
        if ld > 2 || d <= first || d > 31 {
            return None;
        }
        let mut k = j + 2;
        if self.glued(k) && self.kw(k) == Some(Kw::Ordinal) {
            k += 1;
        } else if self.glued(k) && !matches!(self.punct(k), Some(',' | '.' | ')' | ']' | ';')) {
            return None;
        }
        Some((d, k))
    }

    /// A four-digit year after a date part: optional comma, then the year. Not taken when the
    /// number counts something ("June 7, 2000 people").
    fn attached_year(&self, j: usize, allow_of: bool) -> Option<(i32, usize)> {
        let mut k = j;
        if !self.cont(k) {
            return None;
        }
        if self.punct(k) == Some(',') || (allow_of && self.word_is(k, "of")) {
            k += 1;
        }
        if !self.cont(k) {
            return None;
        }
        let (y, ly) = self.num(k)?;
        if ly != 4 || !ATTACHED_YEARS.contains(&y) || !self.num_end_ok(k) {
            return None;
        }
        if self.count_follows(k + 1) {
            return None;
        }
        Some((y as i32, k + 1))
    }

    /// A counted noun follows at `i`, so the number before it is a count.
    fn count_follows(&self, i: usize) -> bool {
        match self.lower_word_at(i) {
            Some(w) => {
                COUNT_NOUNS.contains(&w.as_str())
                    || (w.ends_with('s') && w.len() > 3 && !AFTER_YEAR_OK.contains(&w.as_str()))
            }
            None => false,
        }
    }

    /// "7 June 2016", "7th June", "the 7th of June", "7-8 June 2016", "7 Jun. 2016".
    fn day_first(&self, i: usize) -> Option<M> {
        let (d, mut j, ord) = self.day_num(i)?;
        let mut last = None;
        if let Some((l, k)) = self.range_end(j, d) {
            last = Some(l);
            j = k;
        }
        if !self.cont(j) {
            return None;
        }
        if ord && self.word_is(j, "of") && self.cont(j + 1) {
            j += 1;
        }
        let (month, abbr) = self.month(j)?;
        j += 1;
        if abbr && self.glued(j) && self.punct(j) == Some('.') {
            j += 1;
        }
        let (year, end) = match self.attached_year(j, false) {
            Some((y, k)) => (Some(y), k),
            None => (None, j),
        };
        if year.is_none() && last.is_none() {
            if let Some((offset, k)) = self.relative_year_after(end) {
                if !valid_day(None, month, d) {
                    return None;
                }
                return Some(M { end: k, expr: DateExpr::InRelativeYear { month, day: Some(d), offset } });
            }
        }
        self.day_expr(year, month, d, last, end)
    }

    /// "last year" / "this year" right after a month or day: (offset, index after it).
    fn relative_year_after(&self, j: usize) -> Option<(i32, usize)> {
        if !self.cont(j) || !self.cont(j + 1) || !self.word_is(j + 1, "year") {
            return None;
        }
        if self.glued(j + 2) && matches!(self.punct(j + 2), Some('-' | '–')) {
            return None;
        }
        let offset = match self.kw(j)? {
            Kw::Modifier(Modifier::Last) => -1,
            Kw::Modifier(Modifier::This) => 0,
            Kw::Modifier(Modifier::Next) => 1,
            _ => return None,
        };
        Some((offset, j + 2))
    }

    /// Fixed-date holidays: "Christmas Eve", "on Christmas", "New Year's Day", "Halloween
    /// night", "Valentine's Day", "the Fourth of July", with an optional year after.
    fn holiday(&self, i: usize, h: Holiday, ctx: Ctx) -> Option<M> {
        if !capitalized(self.str(i)) {
            return None;
        }
        let cued = ctx.cue.is_some() && ctx.cue != Some(DateCue::Of);
        // Possessive "'s" / "’s" after a word: (index after it).
        let possessive = |k: usize| -> Option<usize> {
            if self.glued(k) && matches!(self.punct(k), Some('\'' | '’')) && self.glued(k + 1) && self.word_is(k + 1, "s") {
                Some(k + 2)
            } else if self.glued(k) && matches!(self.punct(k), Some('\'' | '’')) {
                Some(k + 1)
            } else {
                None
            }
        };
        let word_cap = |k: usize, w: &str| self.cont(k) && self.word_is(k, w) && capitalized(self.str(k));
        let (month, day, end) = match h {
            Holiday::Christmas => {
                if word_cap(i + 1, "Eve") {
                    (12, 24, i + 2)
                } else if word_cap(i + 1, "Day") || (self.cont(i + 1) && self.kw(i + 1) == Some(Kw::DayPart)) {
                    (12, 25, i + 2)
                } else if cued && !self.is_word(i + 1) {
                    (12, 25, i + 1)
                } else {
                    return None;
                }
            }
            Holiday::Halloween => {
                if self.cont(i + 1) && self.kw(i + 1) == Some(Kw::DayPart) {
                    (10, 31, i + 2)
                } else if cued && !self.is_word(i + 1) {
                    (10, 31, i + 1)
                } else {
                    return None;
                }
            }
            Holiday::Valentine => {
                let k = possessive(i + 1)?;
                if !word_cap(k, "Day") {
                    return None;
                }
                (2, 14, k + 1)
            }
            Holiday::New => {
                if !word_cap(i + 1, "Year") {
                    return None;
                }
                let k = possessive(i + 2)?;
                if word_cap(k, "Eve") {
                    (12, 31, k + 1)
                } else if word_cap(k, "Day") {
                    (1, 1, k + 1)
                } else {
                    return None;
                }
            }
            Holiday::Fourth => {
                if !(self.cont(i + 1) && self.word_is(i + 1, "of") && self.cont(i + 2) && self.month(i + 2) == Some((7, false))) {
                    return None;
                }
                (7, 4, i + 3)
            }
        };
        let (year, end) = match self.attached_year(end, false) {
            Some((y, k)) => (Some(y), k),
            None => (None, end),
        };
        Some(M { end, expr: DateExpr::Day { year, month, day, weekday: None } })
    }

    fn day_expr(&self, year: Option<i32>, month: u32, day: u32, last: Option<u32>, end: usize) -> Option<M> {
        if !valid_day(year, month, day) {
            return None;
        }
        let expr = match last {
            Some(l) if valid_day(year, month, l) => DateExpr::DayRange { year, month, first: day, last: l },
            Some(_) => return None,
            None => DateExpr::Day { year, month, day, weekday: None },
        };
        Some(M { end, expr })
    }

    /// A year standing alone: needs a cue (`ctx.bare`) or a part ("late 2014").
    fn year_alone(&self, i: usize, ctx: Ctx, part: Option<Part>) -> Option<M> {
        if !ctx.bare && part.is_none() {
            return None;
        }
        let (y, ly) = self.num(i)?;
        if ly != 4 || !BARE_YEARS.contains(&y) || !self.num_start_ok(i) {
            return None;
        }
        if self.glued(i + 1) {
            match self.toks.get(i + 1).map(|t| t.kind) {
                Some(TokKind::Word | TokKind::Num) | Some(TokKind::Punct('%' | '/' | ':')) => return None,
                Some(TokKind::Punct(',' | '.')) if self.glued(i + 2) && self.toks.get(i + 2).is_some_and(|t| t.kind == TokKind::Num) => {
                    return None;
                }
                _ => {}
            }
        }
        // A clock time: "shortly after 2100", "after 2100 GMT", "between 2000 and 2030".
        if part.is_none() && i >= 2 && self.lower_word_at(i - 2).is_some_and(|w| TIME_APPROX.contains(&w.as_str())) {
            return None;
        }
        if self.cont(i + 1) && TIME_ZONES.contains(&self.str(i + 1)) {
            return None;
        }
        let linked = (self.word_is(i + 1, "and") || self.word_is(i + 1, "to") || matches!(self.punct(i + 1), Some('-' | '–')))
            && self.cont(i + 1)
            && self.cont(i + 2);
        if linked {
            if let Some((y2, 4)) = self.num(i + 2) {
                if clock_pair(y, y2) {
                    return None;
                }
            }
        }
        // What follows must not make the number a count ("in 2000 people").
        if let Some(w) = self.lower_word_at(i + 1) {
            let range = (w == "to" || w == "and")
                && matches!(self.num(i + 2), Some((y2, 4)) if BARE_YEARS.contains(&y2));
            if !range && !AFTER_YEAR_OK.contains(&w.as_str()) {
                return None;
            }
        }
        Some(M { end: i + 1, expr: DateExpr::Year { year: y as i32, part } })
    }

    /// "three days ago", "2 weeks ago", "a year ago".
    fn ago(&self, i: usize) -> Option<M> {
        let n = match self.toks.get(i)?.kind {
            TokKind::Num => {
                let (n, ln) = self.num(i)?;
                if ln > 3 || !self.num_start_ok(i) {
                    return None;
                }
                n
            }
            _ => match self.kw(i)? {
                Kw::Count(n) => n,
                _ => return None,
            },
        };
        if !self.cont(i + 1) || !self.cont(i + 2) || self.kw(i + 2) != Some(Kw::Ago) {
            return None;
        }
        let Some(Kw::Unit(unit)) = self.kw(i + 1) else { return None };
        let n = n as i32;
        let expr = match unit {
            Unit::Day if n <= 400 => DateExpr::RelativeDay { offset: -n },
            Unit::Week if n <= 60 => DateExpr::RelativeWeek { offset: -n },
            Unit::Month if n <= 120 => DateExpr::RelativeMonth { offset: -n },
            Unit::Year if n <= 200 => DateExpr::RelativeYear { offset: -n },
            _ => return None,
        };
        Some(M { end: i + 3, expr })
    }

    // -----------------------------------------------------------------------------------------
    // Words first

    /// "June 7, 2016", "June 7th", "Jun. 7", "June 7-9", "June 2016", "June of 2016",
    /// and a bare "June" where allowed.
    fn month_first(&self, i: usize, ctx: Ctx, part: Option<Part>) -> Option<M> {
        let (month, abbr) = self.month(i)?;
        let mut j = i + 1;
        if abbr && self.glued(j) && self.punct(j) == Some('.') {
            j += 1;
        }
        if self.cont(j) {
            if let Some((d, mut k, _)) = self.day_num(j) {
                let mut last = None;
                if let Some((l, k2)) = self.range_end(k, d) {
                    last = Some(l);
                    k = k2;
                }
                let (year, end) = match self.attached_year(k, false) {
                    Some((y, k2)) => (Some(y), k2),
                    None => (None, k),
                };
                if year.is_none() && last.is_none() {
                    if let Some((offset, k2)) = self.relative_year_after(end) {
                        if !valid_day(None, month, d) {
                            return None;
                        }
                        return Some(M { end: k2, expr: DateExpr::InRelativeYear { month, day: Some(d), offset } });
                    }
                }
                // "February 30, 2016" is no date at all.
                return self.day_expr(year, month, d, last, end);
            }
            // "July Fourth".
            if month == 7 && !abbr && self.word_is(j, "Fourth") {
                let (year, end) = match self.attached_year(j + 1, false) {
                    Some((y, k)) => (Some(y), k),
                    None => (None, j + 1),
                };
                return Some(M { end, expr: DateExpr::Day { year, month: 7, day: 4, weekday: None } });
            }
        }
        if let Some((y, end)) = self.attached_year(j, true) {
            return Some(M { end, expr: DateExpr::Month { year: Some(y), month, part } });
        }
        if (ctx.bare || part.is_some()) && !abbr {
            if let Some((offset, end)) = self.relative_year_after(j) {
                return Some(M { end, expr: DateExpr::InRelativeYear { month, day: None, offset } });
            }
        }
        // A bare month: needs a cue or a part, and is never an abbreviation without one.
        if !(ctx.bare || part.is_some()) || (abbr && part.is_none()) {
            return None;
        }
        // "in June's ..." is more likely a name.
        if self.glued(i + 1) && matches!(self.punct(i + 1), Some('\'' | '’')) {
            return None;
        }
        let end = if abbr && self.glued(i + 1) && self.punct(i + 1) == Some('.') { i + 2 } else { i + 1 };
        Some(M { end, expr: DateExpr::Month { year: None, month, part } })
    }

    /// A weekday: alone ("Tuesday", "Saturday night", "Tuesday's"), or next to a date
    /// ("Sunday 12/06/2016", "Tue June 7, 2016", "Tuesday [22 September]").
    fn weekday(&self, i: usize, which: Which) -> Option<M> {
        let Some(Kw::Weekday(wd, abbr)) = self.kw(i) else { return None };
        let word = self.str(i);
        if abbr && !capitalized(word) {
            return None;
        }
        let mut j = i + 1;
        if abbr && self.glued(j) && self.punct(j) == Some('.') {
            j += 1;
        }
        // A date right after it, perhaps after a day part ("Wednesday afternoon [28 September]").
        let mut dj = j;
        if self.cont(dj) && self.kw(dj) == Some(Kw::DayPart) && !abbr {
            dj += 1;
        }
        if which == Which::Recent && self.cont(dj) {
            let mut k = dj;
            let close = match self.punct(k) {
                Some('(') => Some(')'),
                Some('[') => Some(']'),
                _ => None,
            };
            if close.is_some() || self.punct(k) == Some(',') {
                k += 1;
            }
            if self.cont(k) {
                let dated = match self.toks.get(k).map(|t| t.kind) {
                    Some(TokKind::Num) => self.numeric(k).or_else(|| self.day_first(k)),
                    Some(TokKind::Word) => self.month_first(k, Ctx::default(), None),
                    _ => None,
                };
                if let Some(mut m) = dated {
                    let ok = match &mut m.expr {
                        DateExpr::Day { weekday, .. } | DateExpr::Numeric { weekday, .. } => {
                            *weekday = Some(wd);
                            true
                        }
                        _ => false,
                    };
                    if ok {
                        if let Some(c) = close {
                            if self.punct(m.end) == Some(c) {
                                m.end += 1;
                            }
                        }
                        return Some(m);
                    }
                }
            }
        }
        if abbr {
            return None;
        }
        // "Bloody Sunday", "Black Friday": names, not days.
        if i > 0 && self.cont(i) {
            let prev = self.str(i - 1);
            if ["Bloody", "Black", "Cyber", "Super"].contains(&prev) {
                return None;
            }
        }
        // "the Sunday Times": a name.
        if i > 0
            && self.kw(i - 1) == Some(Kw::The)
            && self.cont(i + 1)
            && self.is_word(i + 1)
            && self.str(i + 1).chars().next().is_some_and(|c| c.is_uppercase())
            && self.kw(i + 1).is_none()
        {
            return None;
        }
        let mut end = j;
        if self.cont(end) && self.kw(end) == Some(Kw::DayPart) {
            end += 1;
        }
        Some(M { end, expr: DateExpr::Weekday { weekday: wd, which } })
    }

    /// "early June", "mid-May", "late 2014", "late Friday", "early on Saturday",
    /// "late last night".
    fn part(&self, i: usize, p: Part) -> Option<M> {
        let mut j = i + 1;
        if !self.cont(j) {
            return None;
        }
        let hyphen = matches!(self.punct(j), Some('-' | '–')) && self.glued(j);
        if hyphen {
            j += 1;
            if !self.glued(j) {
                return None;
            }
        }
        match self.toks.get(j).map(|t| t.kind)? {
            TokKind::Num => self.year_alone(j, Ctx::default(), Some(p)),
            TokKind::Word => match self.kw(j)? {
                Kw::Month(..) => self.month_first(j, Ctx::default(), Some(p)),
                _ if hyphen || p == Part::Mid => None,
                Kw::Weekday(..) => self.weekday(j, Which::Recent),
                Kw::Cue(DateCue::On) if self.cont(j + 1) && matches!(self.kw(j + 1), Some(Kw::Weekday(..))) => {
                    self.weekday(j + 1, Which::Recent)
                }
                Kw::Modifier(m) => self.modified(j, m),
                Kw::DayWord(off) => Some(self.day_word(j, off)),
                _ => None,
            },
            TokKind::Punct(_) => None,
        }
    }

    /// "end of May", "beginning of 2015", "end of last week".
    fn part_noun(&self, i: usize, p: Part) -> Option<M> {
        if !self.cont(i + 1) || !self.word_is(i + 1, "of") || !self.cont(i + 2) {
            return None;
        }
        let j = i + 2;
        match self.toks.get(j).map(|t| t.kind)? {
            TokKind::Num => self.year_alone(j, Ctx::default(), Some(p)),
            TokKind::Word => match self.kw(j)? {
                Kw::Month(..) => self.month_first(j, Ctx::default(), Some(p)),
                Kw::Modifier(m) => self.modified(j, m),
                _ => None,
            },
            TokKind::Punct(_) => None,
        }
    }

    /// "today", "yesterday", "tonight", "yesterday morning".
    fn day_word(&self, i: usize, off: i32) -> M {
        let mut end = i + 1;
        if off != 0 && self.cont(end) && self.kw(end) == Some(Kw::DayPart) {
            end += 1;
        }
        M { end, expr: DateExpr::RelativeDay { offset: off } }
    }

    /// Forms led by "last", "this", "next", "earlier", "later".
    fn modified(&self, i: usize, m: Modifier) -> Option<M> {
        let j = i + 1;
        if !self.cont(j) {
            return None;
        }
        let kw = self.kw(j)?;
        let rel = |unit: Unit, off: i32| -> DateExpr {
            match unit {
                Unit::Day => DateExpr::RelativeDay { offset: off },
                Unit::Week => DateExpr::RelativeWeek { offset: off },
                Unit::Month => DateExpr::RelativeMonth { offset: off },
                Unit::Year => DateExpr::RelativeYear { offset: off },
            }
        };
        // "last week", not "last weeks" nor "this year-long war".
        let singular = |k: usize| {
            matches!(self.str(k).to_ascii_lowercase().as_str(), "week" | "month" | "year")
                && !(self.glued(k + 1) && matches!(self.punct(k + 1), Some('-' | '–')))
        };
        match (m, kw) {
            (Modifier::Last | Modifier::This | Modifier::Next, Kw::Weekday(_, false)) => {
                let which = match m {
                    Modifier::Last => Which::Last,
                    Modifier::Next => Which::Next,
                    _ => Which::Recent,
                };
                self.weekday(j, which)
            }
            (Modifier::Last, Kw::DayPart) => {
                let w = self.str(j);
                if w.eq_ignore_ascii_case("night") || w.eq_ignore_ascii_case("evening") {
                    Some(M { end: j + 1, expr: DateExpr::RelativeDay { offset: -1 } })
                } else {
                    None
                }
            }
            (Modifier::This, Kw::DayPart) => {
                if self.str(j).eq_ignore_ascii_case("night") {
                    None
                } else {
                    Some(M { end: j + 1, expr: DateExpr::RelativeDay { offset: 0 } })
                }
            }
            (Modifier::Last | Modifier::This | Modifier::Next, Kw::Unit(u)) if u != Unit::Day && singular(j) => {
                let off = match m {
                    Modifier::Last => -1,
                    Modifier::Next => 1,
                    _ => 0,
                };
                Some(M { end: j + 1, expr: rel(u, off) })
            }
            (Modifier::Last | Modifier::This | Modifier::Next, Kw::Weekend) => {
                let which = match m {
                    Modifier::Last => Which::Last,
                    Modifier::Next => Which::Next,
                    _ => Which::Recent,
                };
                Some(M { end: j + 1, expr: DateExpr::Weekend { which } })
            }
            (Modifier::Last | Modifier::This, Kw::Month(..)) => self.month_first(j, Ctx { bare: true, cue: None }, None),
            (Modifier::Earlier | Modifier::Later, Kw::DayWord(0)) => Some(self.day_word(j, 0)),
            (Modifier::Earlier | Modifier::Later, Kw::Modifier(Modifier::This)) => {
                if !self.cont(j + 1) {
                    return None;
                }
                match self.kw(j + 1)? {
                    Kw::Unit(u) if u != Unit::Day && singular(j + 1) => Some(M { end: j + 2, expr: rel(u, 0) }),
                    Kw::DayPart if !self.str(j + 1).eq_ignore_ascii_case("night") => {
                        Some(M { end: j + 2, expr: DateExpr::RelativeDay { offset: 0 } })
                    }
                    Kw::Weekend => Some(M { end: j + 2, expr: DateExpr::Weekend { which: Which::Recent } }),
                    _ => None,
                }
            }
            _ => None,
        }
    }

    /// "the day before yesterday", "the weekend", "the end of May".
    fn the(&self, i: usize) -> Option<M> {
        let j = i + 1;
        if !self.cont(j) {
            return None;
        }
        match self.kw(j)? {
            Kw::Unit(Unit::Day) => self.day_before_yesterday(j),
            Kw::Weekend => Some(M { end: j + 1, expr: DateExpr::Weekend { which: Which::Recent } }),
            Kw::PartNoun(p) => self.part_noun(j, p),
            _ => None,
        }
    }

    /// "day before yesterday".
    fn day_before_yesterday(&self, i: usize) -> Option<M> {
        if self.word_is(i, "day")
            && self.cont(i + 1)
            && self.word_is(i + 1, "before")
            && self.cont(i + 2)
            && self.word_is(i + 2, "yesterday")
        {
            Some(M { end: i + 3, expr: DateExpr::RelativeDay { offset: -2 } })
        } else {
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sitrep_clean::{Noise, NoiseKind};

    fn find(text: &str) -> Vec<DateMention> {
        find_dates(text, &Segmented::default(), &Cleaned::default())
    }

    /// (slice, expr) of each mention.
    fn found(text: &str) -> Vec<(&str, DateExpr)> {
        find(text).into_iter().map(|m| (m.span.slice(text), m.expr)).collect()
    }

    fn one(text: &str) -> (String, DateExpr) {
        let f = found(text);
        assert_eq!(f.len(), 1, "{text:?} gave {f:?}");
        (f[0].0.to_string(), f[0].1)
    }

    fn day(year: Option<i32>, month: u32, day: u32) -> DateExpr {
        DateExpr::Day { year, month, day, weekday: None }
    }

    #[test]
    fn dates_iso() {
        assert_eq!(one("The ceasefire was signed on 2019-03-04 in Geneva."), ("2019-03-04".into(), day(Some(2019), 3, 4)));
        assert_eq!(found("Posted 2019-02-30 by staff"), vec![]);
        assert_eq!(one("updated 2021-11-05T08:30:00Z"), ("2021-11-05".into(), day(Some(2021), 11, 5)));
    }

    #[test]
    fn dates_month_day_year() {
        assert_eq!(one("Shelling resumed on March 3, 2019, officials said."), ("March 3, 2019".into(), day(Some(2019), 3, 3)));
        assert_eq!(one("Shelling resumed on March 3rd, 2019."), ("March 3rd, 2019".into(), day(Some(2019), 3, 3)));
        assert_eq!(one("Shelling resumed on Mar. 3, 2019."), ("Mar. 3, 2019".into(), day(Some(2019), 3, 3)));
        assert_eq!(one("It was Sept 21 2018 when it began"), ("Sept 21 2018".into(), day(Some(2018), 9, 21)));
        assert_eq!(one("the raid of August 30th, 2017"), ("August 30th, 2017".into(), day(Some(2017), 8, 30)));
        assert_eq!(one("A DEADLY RAID ON OCTOBER 2, 2013"), ("OCTOBER 2, 2013".into(), day(Some(2013), 10, 2)));
    }

    #[test]
    fn dates_day_month_year() {
        assert_eq!(one("On 14 February 2020, a convoy was ambushed."), ("14 February 2020".into(), day(Some(2020), 2, 14)));
        assert_eq!(one("On 14th February, 2020 a convoy"), ("14th February, 2020".into(), day(Some(2020), 2, 14)));
        assert_eq!(one("on the 3rd of May a convoy"), ("3rd of May".into(), day(None, 5, 3)));
        assert_eq!(one("by 9 Nov. 2012 the town"), ("9 Nov. 2012".into(), day(Some(2012), 11, 9)));
    }

    #[test]
    fn dates_without_year() {
        assert_eq!(one("Gunmen struck on April 9 near the market."), ("April 9".into(), day(None, 4, 9)));
        assert_eq!(one("Gunmen struck on 9 April near the market."), ("9 April".into(), day(None, 4, 9)));
        assert_eq!(one("February 29 is fine without a year"), ("February 29".into(), day(None, 2, 29)));
    }

    #[test]
    fn dates_day_ranges() {
        assert_eq!(
            one("Fighting on 4-6 January 2018 left dozens dead."),
            ("4-6 January 2018".into(), DateExpr::DayRange { year: Some(2018), month: 1, first: 4, last: 6 })
        );
        assert_eq!(
            one("Fighting on January 4–6 left dozens dead."),
            ("January 4–6".into(), DateExpr::DayRange { year: None, month: 1, first: 4, last: 6 })
        );
    }

    #[test]
    fn dates_invalid_calendar_days() {
        assert_eq!(found("February 30, 2016 never happened"), vec![]);
        assert_eq!(found("on 31 April the shops"), vec![]);
        assert_eq!(found("February 29, 2015"), vec![]);
        assert_eq!(one("February 29, 2016"), ("February 29, 2016".into(), day(Some(2016), 2, 29)));
        assert_eq!(found("31/31/2016"), vec![]);
        assert_eq!(found("00/12/2016 and 13/13/13"), vec![]);
    }

    #[test]
    fn dates_numeric() {
        let n = |first, second, year| DateExpr::Numeric { first, second, year, weekday: None };
        assert_eq!(one("Report filed 03/04/2019 by police"), ("03/04/2019".into(), n(3, 4, 2019)));
        assert_eq!(one("Report filed 3/4/19 by police"), ("3/4/19".into(), n(3, 4, 2019)));
        assert_eq!(one("Report filed 3/4/98 by police"), ("3/4/98".into(), n(3, 4, 1998)));
        assert_eq!(one("Report filed 25.12.2018 by police"), ("25.12.2018".into(), n(25, 12, 2018)));
        assert_eq!(one("Report filed 25-12-2018."), ("25-12-2018".into(), n(25, 12, 2018)));
        // two-part and short-year dotted forms are not dates
        assert_eq!(found("open 24/7 and version 1.2.16"), vec![]);
    }

    #[test]
    fn dates_numeric_with_weekday() {
        let (s, e) = one("Monday 03/04/2019\nPolice said");
        assert_eq!(s, "Monday 03/04/2019");
        assert_eq!(e, DateExpr::Numeric { first: 3, second: 4, year: 2019, weekday: Some(Weekday::Mon) });
        let (s, e) = one("Thu. Oct 3, 2019 - the strike");
        assert_eq!(s, "Thu. Oct 3, 2019");
        assert_eq!(e, DateExpr::Day { year: Some(2019), month: 10, day: 3, weekday: Some(Weekday::Thu) });
        let (s, e) = one("Protests were held on Friday [11 October] in the capital.");
        assert_eq!(s, "Friday [11 October]");
        assert_eq!(e, DateExpr::Day { year: None, month: 10, day: 11, weekday: Some(Weekday::Fri) });
        let (s, e) = one("Friday, October 11, 2019");
        assert_eq!(s, "Friday, October 11, 2019");
        assert_eq!(e, DateExpr::Day { year: Some(2019), month: 10, day: 11, weekday: Some(Weekday::Fri) });
    }

    #[test]
    fn dates_lead_in() {
        let (s, e) = one("08/14/2013: Militants attacked a checkpoint, killing three.");
        assert_eq!(s, "08/14/2013");
        assert_eq!(e, DateExpr::LeadIn { year: 2013, month: 8, day: 14 });
        let (_, e) = one("  5/6/2004: A bomb exploded.");
        assert_eq!(e, DateExpr::LeadIn { year: 2004, month: 5, day: 6 });
        // not at the start: an ordinary numeric date
        let (_, e) = one("Later, 08/04/2013: another attack.");
        assert!(matches!(e, DateExpr::Numeric { .. }));
        // a lead-in is month/day: 14/08 is not one
        let (_, e) = one("14/08/2013: Militants attacked.");
        assert!(matches!(e, DateExpr::Numeric { first: 14, second: 8, .. }));
    }

    #[test]
    fn dates_months_and_parts() {
        let month = |year, month, part| DateExpr::Month { year, month, part };
        assert_eq!(one("Clashes erupted in March 2019."), ("March 2019".into(), month(Some(2019), 3, None)));
        assert_eq!(one("Clashes erupted in March of 2019."), ("March of 2019".into(), month(Some(2019), 3, None)));
        assert_eq!(one("Clashes erupted in March."), ("March".into(), month(None, 3, None)));
        assert_eq!(one("Troops have advanced since mid-April."), ("mid-April".into(), month(None, 4, Some(Part::Mid))));
        assert_eq!(one("Troops advanced in early April."), ("early April".into(), month(None, 4, Some(Part::Early))));
        assert_eq!(one("Troops advanced at the end of April."), ("the end of April".into(), month(None, 4, Some(Part::Late))));
        assert_eq!(
            one("The group emerged in late 2012."),
            ("late 2012".into(), DateExpr::Year { year: 2012, part: Some(Part::Late) })
        );
        assert_eq!(
            one("The group emerged in mid-2012."),
            ("mid-2012".into(), DateExpr::Year { year: 2012, part: Some(Part::Mid) })
        );
        // a bare month needs a cue; "may" and "march" as words are no months
        assert_eq!(found("June said the troops may march on."), vec![]);
        assert_eq!(found("Protesters march in May's rain? No: they march."), vec![]);
    }

    #[test]
    fn dates_cues_recorded() {
        let m = find("Troops have advanced since mid-April.");
        assert_eq!(m[0].cue, Some(DateCue::Since));
        let m = find("It happened on Monday.");
        assert_eq!(m[0].cue, Some(DateCue::On));
        let m = find("Monday was quiet.");
        assert_eq!(m[0].cue, None);
        // "since Sunday" reaches back: never the report's own day
        let m = find("The advance has stalled since Sunday.");
        assert_eq!(m[0].expr, DateExpr::Weekday { weekday: Weekday::Sun, which: Which::Last });
    }

    #[test]
    fn dates_years_versus_numbers() {
        let y = |year| DateExpr::Year { year, part: None };
        assert_eq!(one("The uprising began in 2011."), ("2011".into(), y(2011)));
        assert_eq!(one("Fighting has continued since 2014 when rebels rose."), ("2014".into(), y(2014)));
        assert_eq!(one("the summer of 2014 was hot"), ("2014".into(), y(2014)));
        assert_eq!(
            found("from 2011 to 2014 the war"),
            vec![("2011", y(2011)), ("2014", y(2014))]
        );
        assert_eq!(found("In 2000 people fled the town."), vec![]);
        assert_eq!(found("A total of 2000 were displaced."), vec![]);
        assert_eq!(found("Police said 2,496 had been displaced and 2000 people fled."), vec![]);
        assert_eq!(found("The 2011 revolution, 1999 votes, by 2015% and in 1850."), vec![]);
        assert_eq!(found("in 2,016 cases"), vec![]);
        // "June 7, 2000 people": the year is not taken, the day is
        assert_eq!(one("On June 7, 2000 people marched."), ("June 7".into(), day(None, 6, 7)));
        assert_eq!(one("In June, 2000 people marched."), ("June".into(), DateExpr::Month { year: None, month: 6, part: None }));
    }

    #[test]
    fn dates_weekdays() {
        let wd = |weekday, which| DateExpr::Weekday { weekday, which };
        assert_eq!(one("Gunmen attacked on Tuesday."), ("Tuesday".into(), wd(Weekday::Tue, Which::Recent)));
        assert_eq!(one("Gunmen attacked Tuesday, police said."), ("Tuesday".into(), wd(Weekday::Tue, Which::Recent)));
        assert_eq!(one("Gunmen attacked late Friday."), ("late Friday".into(), wd(Weekday::Fri, Which::Recent)));
        assert_eq!(one("Gunmen attacked Saturday night."), ("Saturday night".into(), wd(Weekday::Sat, Which::Recent)));
        assert_eq!(one("Gunmen attacked Friday evening"), ("Friday evening".into(), wd(Weekday::Fri, Which::Recent)));
        assert_eq!(one("Gunmen attacked last Tuesday"), ("last Tuesday".into(), wd(Weekday::Tue, Which::Last)));
        assert_eq!(one("Gunmen attacked this Tuesday"), ("this Tuesday".into(), wd(Weekday::Tue, Which::Recent)));
        assert_eq!(one("Talks resume next Monday"), ("next Monday".into(), wd(Weekday::Mon, Which::Next)));
        assert_eq!(one("late on Sunday the town fell"), ("late on Sunday".into(), wd(Weekday::Sun, Which::Recent)));
        assert_eq!(one("Wednesday's blast"), ("Wednesday".into(), wd(Weekday::Wed, Which::Recent)));
        // abbreviations only next to a date; names are not days
        assert_eq!(found("Sun and Sat are papers; the Sunday Times wrote on Bloody Sunday."), vec![]);
    }

    #[test]
    fn dates_relative() {
        let d = |offset| DateExpr::RelativeDay { offset };
        let cases: &[(&str, &str, DateExpr)] = &[
            ("The market was hit today.", "today", d(0)),
            ("Another march is planned tonight.", "tonight", d(0)),
            ("The market was hit this morning.", "this morning", d(0)),
            ("The market was hit earlier today.", "earlier today", d(0)),
            ("The market was hit yesterday.", "yesterday", d(-1)),
            ("The market was hit yesterday afternoon.", "yesterday afternoon", d(-1)),
            ("The market was hit last night.", "last night", d(-1)),
            ("The market was hit late last night.", "late last night", d(-1)),
            ("The market was hit the day before yesterday.", "the day before yesterday", d(-2)),
            ("The market was hit three days ago.", "three days ago", d(-3)),
            ("The market was hit 10 days ago.", "10 days ago", d(-10)),
            ("The market was hit last week.", "last week", DateExpr::RelativeWeek { offset: -1 }),
            ("The market was hit this week.", "this week", DateExpr::RelativeWeek { offset: 0 }),
            ("The market was hit earlier this week.", "earlier this week", DateExpr::RelativeWeek { offset: 0 }),
            ("The market was hit two weeks ago.", "two weeks ago", DateExpr::RelativeWeek { offset: -2 }),
            ("The market was hit last month.", "last month", DateExpr::RelativeMonth { offset: -1 }),
            ("The market was hit earlier this month.", "earlier this month", DateExpr::RelativeMonth { offset: 0 }),
            ("The market was hit this month.", "this month", DateExpr::RelativeMonth { offset: 0 }),
            ("The market was hit last year.", "last year", DateExpr::RelativeYear { offset: -1 }),
            ("The market was hit this year.", "this year", DateExpr::RelativeYear { offset: 0 }),
            ("The market was hit a year ago.", "a year ago", DateExpr::RelativeYear { offset: -1 }),
            ("The market was hit over the weekend.", "over the weekend", DateExpr::Weekend { which: Which::Recent }),
            ("The market was hit last weekend.", "last weekend", DateExpr::Weekend { which: Which::Last }),
        ];
        for (text, slice, expr) in cases {
            assert_eq!(one(text), (slice.to_string(), *expr), "{text}");
        }
        // not relative dates
        assert_eq!(found("the last days of the siege; this year-long war; the years ago"), vec![]);
    }

    #[test]
    fn dates_times_ages_and_numbers_are_not_dates() {
        let none = [
            "The blast came at 8 am and again at 02:16.",
            "A 16-year-old and a 12 year old were hurt.",
            "Shops open 24/7; the score was 3-1; call 555-123-4567 or 0800 123 456.",
            "Police said 2,496 people had been displaced, 12,000 more.",
            "He said 7 am, not 7 p.m. on the dot.",
            "The 1200 troops and 145 fighters.",
            "The 9am curfew and 120mm mortars.",
        ];
        for t in none {
            assert_eq!(found(t), vec![], "{t}");
        }
    }

    #[test]
    fn dates_in_order_with_spans() {
        let text = "Headline\n\nSunday 12/06/2016\nTRIPOLI - Fighting since mid-May left 5 dead on Tuesday, and in late 2014 the group arrived.";
        let f = found(text);
        let slices: Vec<&str> = f.iter().map(|x| x.0).collect();
        assert_eq!(slices, vec!["Sunday 12/06/2016", "mid-May", "Tuesday", "late 2014"]);
        for m in find(text) {
            assert_eq!(&text[m.span.start..m.span.end], m.span.slice(text));
        }
    }

    #[test]
    fn dates_do_not_cross_lines() {
        // "5\nJune" is a headline figure and a date line, not "5 June"
        let f = found("Bomb kills 5\nJune 7, 2016\nMore text");
        assert_eq!(f, vec![("June 7, 2016", day(Some(2016), 6, 7))]);
    }

    #[test]
    fn dates_noise_skipped() {
        let text = "clip_2016-06-12.jpg\n02:16 - Source\nClashes on Monday killed four.";
        let noise_end = text.find("Clashes").unwrap_or(0);
        let cleaned = Cleaned {
            noise: vec![Noise { span: Span::new(0, noise_end), kind: NoiseKind::ImageFile }],
            ..Cleaned::default()
        };
        let m = find_dates(text, &Segmented::default(), &cleaned);
        assert_eq!(m.len(), 1);
        assert_eq!(m[0].span.slice(text), "Monday");
        // without noise the file name's date is found too
        assert_eq!(find(text).len(), 2);
    }

    #[test]
    fn dates_odd_input_does_not_panic() {
        let odd = [
            "", " ", "1", "12", "2016", "/", "1/", "1/2/", "12/06/", "99/99/9999", "0/0/0000",
            "June", "June ", "June 0", "June 32", "31 June", "9999-99-99", "Mon.", "the", "last",
            "the day before", "3 days", "in", "mid-", "early", "12/06/2016:", "-1/-2/2016",
            "é 1 ü 2016 ñ", "4294967296/1/2016", "12345678901234567890 days ago",
            "\u{feff}01/02/2003:", "Tue [", "Friday (June", "日本 2016年6月12日", "٢٠١٦",
        ];
        for t in odd {
            let _ = find(t);
        }
        assert!(find("").is_empty());
        assert!(find("1").is_empty());
        let (_, e) = one("\u{feff}01/02/2003: a bomb");
        assert_eq!(e, DateExpr::LeadIn { year: 2003, month: 1, day: 2 });
    }

    #[test]
    fn dates_military_times_are_not_years() {
        let y = |year| DateExpr::Year { year, part: None };
        assert_eq!(found("The bomb went off shortly after 2100, police said."), vec![]);
        assert_eq!(found("Gunmen struck between 2000 and 2030 near the base."), vec![]);
        assert_eq!(found("The curfew starts after 1900 GMT."), vec![]);
        // real years still pass
        assert_eq!(found("between 2011 and 2014 the war"), vec![("2011", y(2011)), ("2014", y(2014))]);
        assert_eq!(one("He has worked there since 1989."), ("1989".into(), y(1989)));
    }

    #[test]
    fn dates_relative_years_after_months() {
        assert_eq!(
            one("The first attack came in August last year."),
            ("August last year".into(), DateExpr::InRelativeYear { month: 8, day: None, offset: -1 })
        );
        assert_eq!(
            one("The first attack came on 5 May last year."),
            ("5 May last year".into(), DateExpr::InRelativeYear { month: 5, day: Some(5), offset: -1 })
        );
        assert_eq!(
            one("Elections are due on May 5 this year."),
            ("May 5 this year".into(), DateExpr::InRelativeYear { month: 5, day: Some(5), offset: 0 })
        );
        // "this year-long" is no year
        assert_eq!(one("since May this year-long war"), ("May".into(), DateExpr::Month { year: None, month: 5, part: None }));
    }

    #[test]
    fn dates_holidays() {
        let cases: &[(&str, &str, DateExpr)] = &[
            ("Shots rang out on Christmas Eve.", "Christmas Eve", day(None, 12, 24)),
            ("Shots rang out on Christmas, police said.", "Christmas", day(None, 12, 25)),
            ("Shots rang out over Christmas.", "over Christmas", day(None, 12, 25)),
            ("Shots rang out on Christmas Day 2015.", "Christmas Day 2015", day(Some(2015), 12, 25)),
            ("A party on New Year's Eve turned violent.", "New Year's Eve", day(None, 12, 31)),
            ("Early on New Year’s Day a man was shot.", "New Year’s Day", day(None, 1, 1)),
            ("Two were shot on Halloween night.", "Halloween night", day(None, 10, 31)),
            ("He proposed on Valentine's Day.", "Valentine's Day", day(None, 2, 14)),
            ("Fireworks on the Fourth of July.", "Fourth of July", day(None, 7, 4)),
            ("Fireworks on July Fourth.", "July Fourth", day(None, 7, 4)),
        ];
        for (text, slice, expr) in cases {
            assert_eq!(one(text), (slice.to_string(), *expr), "{text}");
        }
        // gifts, trees and a new year are not days
        assert_eq!(found("Christmas presents, a Christmas tree, a Halloween party and the New Year celebrations."), vec![]);
    }

    #[test]
    fn dates_inherit_years_in_ranges() {
        assert_eq!(
            found("He worked there from May to October 2012."),
            vec![
                ("May", DateExpr::Month { year: Some(2012), month: 5, part: None }),
                ("October 2012", DateExpr::Month { year: Some(2012), month: 10, part: None }),
            ]
        );
        assert_eq!(
            found("between 30 December and 2 January 2016"),
            vec![("30 December", day(Some(2015), 12, 30)), ("2 January 2016", day(Some(2016), 1, 2))]
        );
        // not across other words
        assert_eq!(found("on 3 May, police said, and in June 2016")[0].1, day(None, 5, 3));
    }

    #[test]
    fn dates_weekday_day_part_and_date() {
        let (s, e) = one("The officer was shot on Wednesday afternoon [14 October], and died.");
        assert_eq!(s, "Wednesday afternoon [14 October]");
        assert_eq!(e, DateExpr::Day { year: None, month: 10, day: 14, weekday: Some(Weekday::Wed) });
    }

    #[test]
    fn dates_absolute_flags() {
        assert!(day(Some(2016), 6, 7).is_full_date());
        assert!(!day(None, 6, 7).is_absolute());
        assert!(DateExpr::Year { year: 2011, part: None }.is_absolute());
        assert!(!DateExpr::Year { year: 2011, part: None }.is_full_date());
        assert!(!DateExpr::RelativeDay { offset: -1 }.is_absolute());
    }
}
