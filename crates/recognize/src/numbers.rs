//! Number phrases: digits with separators, number words, vague quantities, and the
//! qualifier in front ("at least 12", "between 10 and 15", "dozens", "two hundred and five").
//!
//! The tables live in `data/*.tsv` and are parsed once ([`NumberLexicon::get`]).
//! A mention also says whether the number is plainly *not* a count of people
//! ([`NumberMention::non_count`]): a year, a time, money, a percentage, an age, a measure.

use sitrep_model::{Qualifier, Span};
use sitrep_segment::{Segmented, Token, TokenKind};
use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;

/// How a figure was written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumberForm {
    /// Digits: `12`, `1,200`, `1.5 million`.
    Digits,
    /// Words: `twelve`, `two hundred and five`, `a dozen`.
    Words,
    /// A vague quantity: `dozens`, `several`, `scores`.
    Vague,
}

/// Why a number is not a count of people.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NonCount {
    /// An age: "a 12-year-old", "aged 14", "Smith, 24,".
    Age,
    /// A calendar year: "in 2011".
    Year,
    /// A clock time: "10:30", "8 am".
    Time,
    /// Money: "$5 million".
    Money,
    /// A percentage.
    Percent,
    /// A decimal fraction with no scale word ("3.5").
    Fraction,
    /// Part of a date ("June 7", "12/06/2016").
    DatePart,
}

/// One number phrase.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NumberMention {
    /// The whole phrase, qualifier included.
    pub span: Span,
    /// Token range of the whole phrase, qualifier included.
    pub tokens: Range<usize>,
    /// Token range of the figure alone (for a range, both figures and the joiner).
    pub value_tokens: Range<usize>,
    /// Lower bound (the figure for a single number).
    pub low: u64,
    /// Upper bound: the figure for exact and approximate numbers, the second figure of a
    /// range, `None` when open ("at least", "more than", vague).
    pub high: Option<u64>,
    /// How the figure was hedged.
    pub qualifier: Qualifier,
    /// How the figure was written.
    pub form: NumberForm,
    /// Set when the number is plainly not a count of people.
    pub non_count: Option<NonCount>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum WordRole {
    Unit,
    Tens,
    Scale,
}

/// The number tables, parsed once from the data files.
#[derive(Debug)]
pub struct NumberLexicon {
    words: HashMap<&'static str, (u64, WordRole)>,
    vague: Vec<(Vec<&'static str>, u64)>,
    qualifiers: Vec<(Vec<&'static str>, Qualifier)>,
}

fn data_lines(src: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    sitrep_model::table::entries(src).map(|l| l.split('\t').collect())
}

static LEXICON: LazyLock<NumberLexicon> = LazyLock::new(|| {
    let mut words = HashMap::new();
    for f in data_lines(include_str!("../data/number_words.tsv")) {
        if let [w, v, r] = f[..] {
            let role = match r {
                "tens" => WordRole::Tens,
                "scale" => WordRole::Scale,
                _ => WordRole::Unit,
            };
            if let Ok(v) = v.parse() {
                words.insert(w, (v, role));
            }
        }
    }
    let mut vague = Vec::new();
    for f in data_lines(include_str!("../data/vague.tsv")) {
        if let [p, v] = f[..] {
            if let Ok(v) = v.parse() {
                vague.push((p.split(' ').collect::<Vec<_>>(), v));
            }
        }
    }
    // Longest phrase first so "tens of thousands" beats "tens".
    vague.sort_by_key(|(p, _)| std::cmp::Reverse(p.len()));
    let mut qualifiers = Vec::new();
    for f in data_lines(include_str!("../data/qualifiers.tsv")) {
        if let [p, q] = f[..] {
            let q = match q {
                "at_least" => Qualifier::AtLeast,
                "more_than" => Qualifier::MoreThan,
                "at_most" => Qualifier::AtMost,
                _ => Qualifier::About,
            };
            qualifiers.push((p.split(' ').collect::<Vec<_>>(), q));
        }
    }
    qualifiers.sort_by_key(|(p, _)| std::cmp::Reverse(p.len()));
    NumberLexicon { words, vague, qualifiers }
});

impl NumberLexicon {
    /// The shared tables.
    pub fn get() -> &'static NumberLexicon {
        &LEXICON
    }
}

const MONTHS: &[&str] = &[
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec",
];

/// A view of the tokens with lowercase forms, built once per document.
pub struct Tokens<'a> {
    /// The document text.
    pub text: &'a str,
    /// The tokens.
    pub toks: &'a [Token],
    lower: Vec<String>,
}

impl<'a> Tokens<'a> {
    /// Build the view (one lowercase copy per token).
    pub fn new(text: &'a str, seg: &'a Segmented) -> Self {
        let lower = seg.tokens.iter().map(|t| lower_of(t.span.slice(text))).collect();
        Tokens { text, toks: &seg.tokens, lower }
    }
    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.toks.len()
    }
    /// True when there are no tokens.
    pub fn is_empty(&self) -> bool {
        self.toks.is_empty()
    }
    /// Lowercase form of token `i` (`""` past the end).
    pub fn low(&self, i: usize) -> &str {
        self.lower.get(i).map(String::as_str).unwrap_or("")
    }
    /// Original text of token `i` (`""` past the end).
    pub fn raw(&self, i: usize) -> &'a str {
        self.toks.get(i).map(|t| t.span.slice(self.text)).unwrap_or("")
    }
    /// Kind of token `i`.
    pub fn kind(&self, i: usize) -> Option<TokenKind> {
        self.toks.get(i).map(|t| t.kind)
    }
    /// True when tokens `i` and `i + 1` touch (no white space between them).
    pub fn touching(&self, i: usize) -> bool {
        match (self.toks.get(i), self.toks.get(i + 1)) {
            (Some(a), Some(b)) => a.span.end == b.span.start,
            _ => false,
        }
    }
    /// True when the token sequence starting at `i` spells `words` (lowercase).
    pub fn matches(&self, i: usize, words: &[&str]) -> bool {
        words.iter().enumerate().all(|(k, w)| self.low(i + k) == *w)
    }
    /// True when the token sequence ending just before `end` spells `words`.
    pub fn matches_before(&self, end: usize, words: &[&str]) -> bool {
        end >= words.len() && self.matches(end - words.len(), words)
    }
    /// Byte span covering tokens `r` (empty span at 0 for an empty range).
    pub fn span(&self, r: Range<usize>) -> Span {
        match (self.toks.get(r.start), r.end.checked_sub(1).and_then(|e| self.toks.get(e))) {
            (Some(a), Some(b)) if r.start < r.end => Span::new(a.span.start, b.span.end),
            _ => Span::default(),
        }
    }
    /// True when token `i` starts with an uppercase letter.
    pub fn capitalized(&self, i: usize) -> bool {
        self.raw(i).chars().next().is_some_and(char::is_uppercase)
    }
}

fn lower_of(s: &str) -> String {
    let mut out = if s.is_ascii() { s.to_ascii_lowercase() } else { s.to_lowercase() };
    // Curly apostrophes read as straight ones.
    if out.contains('\u{2019}') {
        out = out.replace('\u{2019}', "'");
    }
    out
}

fn parse_digits(s: &str) -> Option<(u64, bool)> {
    // Returns (value, had_fraction).
    let cleaned: String = s.chars().filter(|c| *c != ',').collect();
    if let Some((int, frac)) = cleaned.split_once('.') {
        let v: u64 = int.parse().ok()?;
        let _ = frac.parse::<u64>().ok()?;
        return Some((v, true));
    }
    cleaned.parse().ok().map(|v| (v, false))
}

fn decimal_value(s: &str) -> Option<f64> {
    s.chars().filter(|c| *c != ',').collect::<String>().parse().ok()
}

/// Parse number words starting at token `i`; returns (value, next index).
fn parse_words(t: &Tokens, i: usize, lex: &NumberLexicon) -> Option<(u64, usize)> {
    let mut total: u64 = 0;
    let mut current: u64 = 0;
    let mut j = i;
    let mut any = false;
    let mut last_role: Option<WordRole> = None;
    loop {
        let w = t.low(j);
        if let Some(&(v, role)) = lex.words.get(w) {
            match role {
                WordRole::Unit | WordRole::Tens => {
                    // "twenty five" / "twenty-five": a unit may follow tens; two units in a row end it.
                    let joinable = match last_role {
                        None => true,
                        Some(WordRole::Tens) => role == WordRole::Unit && v < 10 && current.is_multiple_of(10),
                        Some(WordRole::Scale) => true,
                        Some(WordRole::Unit) => false,
                    };
                    if !joinable {
                        break;
                    }
                    current = current.saturating_add(v);
                }
                WordRole::Scale => {
                    if !any && w != "dozen" {
                        break; // a bare "hundred" is handled by "a hundred"
                    }
                    if w == "dozen" {
                        current = current.max(1).saturating_mul(12);
                    } else if v == 100 {
                        current = current.max(1).saturating_mul(100);
                    } else {
                        total = total.saturating_add(current.max(1).saturating_mul(v));
                        current = 0;
                    }
                }
            }
            any = true;
            last_role = Some(role);
            j += 1;
            // Connectors: a hyphen inside ("thirty-seven", "one-hundred"), or "and" after a scale.
            let hyphen = t.low(j) == "-" && t.touching(j - 1) && lex.words.contains_key(t.low(j + 1));
            let and_after_scale = t.low(j) == "and"
                && last_role == Some(WordRole::Scale)
                && lex.words.get(t.low(j + 1)).is_some_and(|(_, r)| *r != WordRole::Scale);
            if hyphen || and_after_scale {
                j += 1;
            }
            continue;
        }
        break;
    }
    if !any {
        return None;
    }
    // Do not end on a dangling connector.
    while j > i && matches!(t.low(j - 1), "-" | "and") {
        j -= 1;
    }
    Some((total.saturating_add(current), j))
}

/// A parsed figure: value and token range.
#[derive(Clone, Copy)]
struct Figure {
    value: u64,
    start: usize,
    end: usize,
    form: NumberForm,
    fraction: bool,
}

fn figure_at(t: &Tokens, i: usize, lex: &NumberLexicon) -> Option<Figure> {
    match t.kind(i)? {
        TokenKind::Number => {
            let raw = t.raw(i);
            let (mut v, mut fraction) = parse_digits(raw)?;
            let mut end = i + 1;
            // "1.5 million", "12 million", "3 thousand".
            if let Some(&(scale, WordRole::Scale)) = lex.words.get(t.low(i + 1)) {
                if scale >= 1000 {
                    let d = decimal_value(raw)?;
                    v = (d * scale as f64).round() as u64;
                    fraction = false;
                    end = i + 2;
                }
            }
            Some(Figure { value: v, start: i, end, form: NumberForm::Digits, fraction })
        }
        TokenKind::Word => {
            let w = t.low(i);
            // "a dozen", "a hundred", "a thousand", "half a dozen".
            if w == "half" && t.matches(i + 1, &["a", "dozen"]) {
                return Some(Figure { value: 6, start: i, end: i + 3, form: NumberForm::Words, fraction: false });
            }
            if (w == "a" || w == "an") && matches!(t.low(i + 1), "dozen" | "hundred" | "thousand" | "million") {
                let (v, end) = parse_words_after_article(t, i + 1, lex)?;
                return Some(Figure { value: v, start: i, end, form: NumberForm::Words, fraction: false });
            }
            let (v, end) = parse_words(t, i, lex)?;
            Some(Figure { value: v, start: i, end, form: NumberForm::Words, fraction: false })
        }
        _ => None,
    }
}

fn parse_words_after_article(t: &Tokens, i: usize, lex: &NumberLexicon) -> Option<(u64, usize)> {
    // Treat "a hundred and five" as "one hundred and five".
    let scale = lex.words.get(t.low(i))?.0;
    let mut v = scale;
    let mut j = i + 1;
    if t.low(j) == "and" {
        if let Some((rest, e)) = parse_words(t, j + 1, lex) {
            if rest < scale {
                v += rest;
                j = e;
            }
        }
    }
    Some((v, j))
}

fn vague_at(t: &Tokens, i: usize, lex: &NumberLexicon) -> Option<(u64, usize)> {
    for (phrase, v) in &lex.vague {
        if t.matches(i, phrase) {
            let mut end = i + phrase.len();
            let mut v = *v;
            // "several dozen", "a few hundred": the scale itself; "several dozens of".
            if let Some(&(scale, WordRole::Scale)) = lex.words.get(t.low(end)) {
                v = scale;
                end += 1;
            } else if matches!(t.low(end), "dozens" | "hundreds" | "thousands") {
                v = match t.low(end) {
                    "dozens" => 12,
                    "hundreds" => 100,
                    _ => 1000,
                };
                end += 1;
            }
            return Some((v, end));
        }
    }
    None
}

fn qualifier_before(t: &Tokens, start: usize, floor: usize, lex: &NumberLexicon) -> Option<(Qualifier, usize)> {
    // Allow one comma between the qualifier and the figure ("At least, 7 worshippers").
    let mut end = start;
    if end > floor && t.low(end - 1) == "," {
        end -= 1;
    }
    for (phrase, q) in &lex.qualifiers {
        if end >= floor + phrase.len() && t.matches_before(end, phrase) {
            return Some((*q, end - phrase.len()));
        }
    }
    None
}

const UNIT_AFTER_TIME: &[&str] = &["am", "pm", "a.m", "p.m", "o'clock", "gmt", "hrs", "hours", "hour"];
const PERCENT_WORDS: &[&str] = &["%", "percent", "per", "pc"];
const CURRENCY_BEFORE: &[&str] = &["$", "£", "€", "¥", "₹", "rs", "usd", "us$", "eur", "gbp", "inr", "naira"];
const CURRENCY_AFTER: &[&str] = &["dollars", "dollar", "euros", "pounds", "rupees", "naira", "shillings", "dinars", "riyals", "afghanis", "yuan"];

fn non_count_of(t: &Tokens, fig: &Figure, sentence_start: usize) -> Option<NonCount> {
    let i = fig.start;
    let next = t.low(fig.end);
    let prev = if i > sentence_start { t.low(i - 1) } else { "" };
    // Ages.
    if next == "-" && (t.low(fig.end + 1) == "year" || t.low(fig.end + 1) == "years") {
        return Some(NonCount::Age);
    }
    if (next == "year" || next == "years") && matches!(t.low(fig.end + 1), "-" | "old") {
        return Some(NonCount::Age);
    }
    // Babies' ages: "an 11-month-old", "a six-week-old", "three months old".
    let young_unit = |w: &str| matches!(w, "month" | "months" | "week" | "weeks" | "day" | "days");
    if next == "-" && young_unit(t.low(fig.end + 1)) && t.low(fig.end + 2) == "-" && t.low(fig.end + 3) == "old" {
        return Some(NonCount::Age);
    }
    if young_unit(next) && t.low(fig.end + 1) == "old" {
        return Some(NonCount::Age);
    }
    if matches!(prev, "aged" | "age" | "ages") || matches!(next, "yr" | "yrs" | "yo" | "y/o") {
        return Some(NonCount::Age);
    }
    // "Name Surname, 24," — a bare number between commas right after a capitalised word.
    if fig.form == NumberForm::Digits
        && prev == ","
        && i >= sentence_start + 2
        && t.capitalized(i - 2)
        && matches!(next, "," | "and" | ")" | "." | "of" | "from")
        && fig.value < 120
    {
        return Some(NonCount::Age);
    }
    if prev == "(" && next == ")" && fig.value < 120 && i >= sentence_start + 2 && t.capitalized(i - 2) {
        return Some(NonCount::Age);
    }
    // Money and percentages.
    if CURRENCY_BEFORE.contains(&prev) || CURRENCY_AFTER.contains(&next) {
        return Some(NonCount::Money);
    }
    if PERCENT_WORDS.contains(&next) {
        return Some(NonCount::Percent);
    }
    // Times: "10:30", "8 am", "1855 hours".
    if next == ":" && t.kind(fig.end + 1) == Some(TokenKind::Number) && t.touching(fig.end - 1) {
        return Some(NonCount::Time);
    }
    if prev == ":" && i > sentence_start && t.touching(i - 1) && t.kind(i.wrapping_sub(2)) == Some(TokenKind::Number) {
        return Some(NonCount::Time);
    }
    let dotted_time = (next == "a" || next == "p") && t.low(fig.end + 1) == "." && t.low(fig.end + 2) == "m";
    // Military time: "at 0815", "around 2130".
    let raw = t.raw(i);
    if raw.len() == 4 && raw.bytes().all(|b| b.is_ascii_digit()) && matches!(prev, "at" | "around" | "about" | "approximately" | "by" | "until" | "after" | "before") && raw[..2].parse::<u32>().is_ok_and(|h| h < 24) && raw[2..].parse::<u32>().is_ok_and(|m| m < 60) {
        return Some(NonCount::Time);
    }
    if UNIT_AFTER_TIME.contains(&next) || next.starts_with("a.m") || next.starts_with("p.m") || dotted_time {
        return Some(NonCount::Time);
    }
    // Dates ("June 7", "7 June", "Dec. 25").
    let abbrev_month = prev == "." && i >= sentence_start + 2 && MONTHS.contains(&t.low(i - 2));
    if MONTHS.contains(&next) || MONTHS.contains(&prev) || abbrev_month || (prev == "the" && t.low(fig.end) == "of") {
        return Some(NonCount::DatePart);
    }
    if matches!(next, "/" | ".") && t.touching(fig.end - 1) && t.kind(fig.end + 1) == Some(TokenKind::Number) {
        return Some(NonCount::DatePart);
    }
    if prev == "/" && i > sentence_start && t.touching(i - 1) {
        return Some(NonCount::DatePart);
    }
    // Years: a bare four-digit number 1900–2100 not followed by a noun of people.
    if fig.form == NumberForm::Digits && !t.raw(i).contains(',') && (1900..=2100).contains(&fig.value) && fig.end == i + 1 {
        let raw = t.raw(i);
        if raw.len() == 4 {
            return Some(NonCount::Year);
        }
    }
    if fig.fraction {
        return Some(NonCount::Fraction);
    }
    None
}

/// Find every number phrase in the sentence whose tokens are `range`.
pub fn numbers_in(t: &Tokens, range: Range<usize>) -> Vec<NumberMention> {
    let lex = NumberLexicon::get();
    let mut out = Vec::new();
    let mut i = range.start;
    while i < range.end {
        // Vague quantities first ("a few", "several dozen").
        if let Some((v, end)) = vague_at(t, i, lex) {
            // "several" alone must be followed by a noun or a casualty word, not "times"/"hours".
            let (q, qstart) = qualifier_before(t, i, range.start, lex).unwrap_or((Qualifier::About, i));
            let q = if q == Qualifier::AtMost || q == Qualifier::AtLeast || q == Qualifier::MoreThan { q } else { Qualifier::About };
            out.push(NumberMention {
                span: t.span(qstart..end),
                tokens: qstart..end,
                value_tokens: i..end,
                low: v,
                high: None,
                qualifier: q,
                form: NumberForm::Vague,
                non_count: None,
            });
            i = end;
            continue;
        }
        let Some(fig) = figure_at(t, i, lex) else {
            i += 1;
            continue;
        };
        let mut mention_start = fig.start;
        let mut value_end = fig.end;
        let mut low = fig.value;
        let mut high = Some(fig.value);
        let mut qualifier = Qualifier::Exact;
        let mut form = fig.form;
        // "between X and Y", "from X to Y".
        let between = fig.start > range.start && matches!(t.low(fig.start - 1), "between" | "from");
        let joiner = t.low(fig.end);
        let range_join = (between && matches!(joiner, "and" | "to"))
            || (!between && matches!(joiner, "to" | "-" | "–" | "or" | "and/or"));
        if range_join && fig.end + 1 < range.end {
            if let Some(second) = figure_at(t, fig.end + 1, lex) {
                let plausible = second.value > fig.value
                    && (fig.value == 0 || second.value <= fig.value.saturating_mul(20))
                    && (joiner != "-" && joiner != "–" || (t.touching(fig.end - 1) || fig.form == NumberForm::Digits))
                    && (second.form == fig.form || between);
                if plausible {
                    low = fig.value;
                    high = Some(second.value);
                    qualifier = Qualifier::Range;
                    value_end = second.end;
                    if between {
                        mention_start = fig.start - 1;
                    }
                }
            }
        }
        if qualifier != Qualifier::Range {
            if let Some((q, qstart)) = qualifier_before(t, fig.start, range.start, lex) {
                qualifier = q;
                mention_start = qstart;
                if matches!(q, Qualifier::AtLeast | Qualifier::MoreThan) {
                    high = None;
                }
            }
        }
        let non_count = non_count_of(t, &fig, range.start);
        if fig.form == NumberForm::Words && fig.value == 1 && t.low(fig.start) == "one" {
            form = NumberForm::Words;
        }
        out.push(NumberMention {
            span: t.span(mention_start..value_end),
            tokens: mention_start..value_end,
            value_tokens: fig.start..value_end,
            low,
            high,
            qualifier,
            form,
            non_count,
        });
        i = value_end.max(i + 1);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use sitrep_segment::{Segmented, Sentence, Token, TokenKind};

    /// A tiny tokenizer for these tests, so they do not depend on the segment stage.
    fn seg(text: &str) -> Segmented {
        let mut tokens = Vec::new();
        let b = text.as_bytes();
        let mut i = 0;
        while i < b.len() {
            let c = b[i];
            if c.is_ascii_whitespace() {
                i += 1;
                continue;
            }
            let start = i;
            let kind = if c.is_ascii_digit() {
                while i < b.len() && (b[i].is_ascii_digit() || ((b[i] == b',' || b[i] == b'.') && i + 1 < b.len() && b[i + 1].is_ascii_digit())) {
                    i += 1;
                }
                TokenKind::Number
            } else if c.is_ascii_alphabetic() {
                while i < b.len() && (b[i].is_ascii_alphabetic() || b[i] == b'\'') {
                    i += 1;
                }
                TokenKind::Word
            } else {
                i += 1;
                TokenKind::Punct
            };
            tokens.push(Token { span: Span::new(start, i), kind });
        }
        let n = tokens.len();
        Segmented { tokens, sentences: vec![Sentence { span: Span::new(0, text.len()), tokens: 0..n, noise: false, paragraph: 0 }] }
    }

    type Row = (String, u64, Option<u64>, Qualifier, Option<NonCount>);

    fn nums(text: &str) -> Vec<Row> {
        let s = seg(text);
        let t = Tokens::new(text, &s);
        numbers_in(&t, 0..t.len())
            .into_iter()
            .map(|m| (m.span.slice(text).to_string(), m.low, m.high, m.qualifier, m.non_count))
            .collect()
    }

    #[test]
    fn digits_and_separators() {
        assert_eq!(nums("1,200 people"), vec![("1,200".into(), 1200, Some(1200), Qualifier::Exact, None)]);
        assert_eq!(nums("some 1.5 million displaced")[0].1, 1_500_000);
    }

    #[test]
    fn number_words() {
        assert_eq!(nums("thirty-seven soldiers")[0].1, 37);
        assert_eq!(nums("two hundred and five people")[0].1, 205);
        assert_eq!(nums("one-hundred and thirty-two people")[0].1, 132);
        assert_eq!(nums("a dozen villagers")[0].1, 12);
        assert_eq!(nums("half a dozen guards")[0].1, 6);
        assert_eq!(nums("two thousand five hundred")[0].1, 2500);
        // Two separate units do not merge.
        assert_eq!(nums("five and six").len(), 2);
    }

    #[test]
    fn qualifiers() {
        assert_eq!(nums("at least seven fighters")[0], ("at least seven".into(), 7, None, Qualifier::AtLeast, None));
        assert_eq!(nums("more than 20 died")[0].3, Qualifier::MoreThan);
        assert_eq!(nums("nearly 40 people")[0].3, Qualifier::About);
        assert_eq!(nums("up to 30 people")[0].3, Qualifier::AtMost);
        assert_eq!(nums("as many as 30 people")[0].3, Qualifier::AtMost);
        assert_eq!(nums("At least, 7 worshippers")[0].3, Qualifier::AtLeast);
    }

    #[test]
    fn ranges() {
        assert_eq!(nums("between 10 and 15 people")[0], ("between 10 and 15".into(), 10, Some(15), Qualifier::Range, None));
        assert_eq!(nums("8-10 people")[0].2, Some(10));
        assert_eq!(nums("two or three people")[0].2, Some(3));
        assert_eq!(nums("4,000 to 6,000 militants")[0].1, 4000);
        // Not a range: the second number is smaller.
        assert_eq!(nums("5 to 3").len(), 2);
    }

    #[test]
    fn vague_quantities() {
        assert_eq!(nums("dozens were wounded")[0].1, 12);
        assert_eq!(nums("scores of people")[0].1, 20);
        assert_eq!(nums("several people")[0].1, 10);
        assert_eq!(nums("a handful of guards")[0].1, 3);
        assert_eq!(nums("tens of thousands fled")[0].1, 10_000);
        assert_eq!(nums("several dozen people")[0].1, 12);
        assert_eq!(nums("hundreds were hurt")[0].2, None);
    }

    #[test]
    fn non_counts() {
        assert_eq!(nums("a 12-year-old boy")[0].4, Some(NonCount::Age));
        assert_eq!(nums("an 11-month-old baby")[0].4, Some(NonCount::Age));
        assert_eq!(nums("an eight-month-old boy")[0].4, Some(NonCount::Age));
        assert_eq!(nums("a baby just three weeks old")[0].4, Some(NonCount::Age));
        assert_eq!(nums("a 3-day siege left 9 dead")[0].4, None);
        assert_eq!(nums("aged 14")[0].4, Some(NonCount::Age));
        assert_eq!(nums("John Smith, 24, was killed")[0].4, Some(NonCount::Age));
        assert_eq!(nums("in 2011 the war")[0].4, Some(NonCount::Year));
        assert_eq!(nums("at 10:30 am")[0].4, Some(NonCount::Time));
        assert_eq!(nums("at 8 am")[0].4, Some(NonCount::Time));
        assert_eq!(nums("at 0815 two men")[0].4, Some(NonCount::Time));
        assert_eq!(nums("$5 million in aid")[0].4, Some(NonCount::Money));
        assert_eq!(nums("40 percent")[0].4, Some(NonCount::Percent));
        assert_eq!(nums("on June 7")[0].4, Some(NonCount::DatePart));
        assert_eq!(nums("12/06/2016")[0].4, Some(NonCount::DatePart));
        assert_eq!(nums("12 soldiers")[0].4, None);
    }
}
