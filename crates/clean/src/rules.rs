//! Per-line predicates: plain string tests, no allocation.

use crate::tables::{CueClass, Label, CUES, LABELS};
use crate::NoiseKind;

/// Closing quotes and brackets that may follow sentence-final punctuation.
pub(crate) fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | ')' | ']' | '}' | '›')
}

/// Leading bullets / brackets skipped before label and lead-cue tests.
fn is_lead_junk(c: char) -> bool {
    c.is_whitespace()
        || matches!(c, '[' | '(' | '>' | '»' | '•' | '*' | '·' | '#' | '×' | '↓' | '|' | '►' | '▶' | '■' | '●' | '-' | '–' | '—' | '\u{95}')
}

/// `s` without leading bullets and brackets.
pub(crate) fn strip_lead(s: &str) -> &str {
    s.trim_start_matches(is_lead_junk)
}

/// The last character of `s` that is not a closing quote/bracket.
fn last_core_char(s: &str) -> Option<char> {
    s.trim_end_matches(|c: char| c.is_whitespace() || is_closer(c)).chars().next_back()
}

/// True when the line ends like a sentence: `.`, `!`, `?` or `…`, possibly inside quotes.
pub(crate) fn ends_final(s: &str) -> bool {
    matches!(last_core_char(s), Some('.' | '!' | '?' | '…'))
}

/// True when the line ends with punctuation that a list item / headline does not end with.
fn ends_clause(s: &str) -> bool {
    matches!(s.trim_end().chars().next_back(), Some('.' | ':' | ';' | ',' | '…'))
}

/// `s` starts with `p`, ASCII case-insensitively (byte comparison: no char-boundary issue).
pub(crate) fn starts_ci(s: &str, p: &str) -> bool {
    s.len() >= p.len() && s.as_bytes()[..p.len()].eq_ignore_ascii_case(p.as_bytes())
}

/// `s` ends with `p`, ASCII case-insensitively.
pub(crate) fn ends_ci(s: &str, p: &str) -> bool {
    s.len() >= p.len() && s.as_bytes()[s.len() - p.len()..].eq_ignore_ascii_case(p.as_bytes())
}

/// Number of white-space separated words.
pub(crate) fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

/// What the cue automaton found on one line.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Hits {
    pub(crate) strong: bool,
    pub(crate) soft: bool,
    pub(crate) lead: bool,
    pub(crate) credit: bool,
    /// A credit cue at the very start of the line ("Photo credit: ...", "(Photo: ...)").
    pub(crate) credit_lead: bool,
    /// Start of the last credit cue (to tell "(CBS/AP) —" in a wire dateline from a credit).
    pub(crate) credit_last: usize,
    pub(crate) weak: bool,
    pub(crate) video: bool,
    pub(crate) casualty: bool,
}

/// Run the cue automaton over one trimmed line.
pub(crate) fn hits(s: &str) -> Hits {
    let mut h = Hits::default();
    let cues = &*CUES;
    let Some(ac) = cues.ac.as_ref() else { return h };
    let lead_off = s.len() - strip_lead(s).len();
    let b = s.as_bytes();
    for m in ac.find_overlapping_iter(s) {
        let Some(&class) = cues.classes.get(m.pattern().as_usize()) else { continue };
        let pat = cues.patterns.get(m.pattern().as_usize()).copied().unwrap_or("");
        let (ms, me) = (m.start(), m.end());
        match class {
            CueClass::Strong => h.strong = true,
            CueClass::Soft => h.soft = true,
            CueClass::Lead => {
                // At the start, and a word of its own ("Follow @x", not "Followers" or "Follow-up").
                let ends_word = pat.chars().next_back().is_some_and(|c| !c.is_alphabetic())
                    || s[me..].chars().next().is_none_or(|c| c.is_whitespace() || matches!(c, ':' | '|' | '@' | ','));
                if (ms == lead_off || ms == 0) && ends_word {
                    h.lead = true;
                }
            }
            CueClass::Credit => {
                if pat == "reuters/" && &s[ms..me] != "REUTERS/" {
                    // "REUTERS/Jane Doe" is a credit; "a Reuters/Ipsos poll" is not.
                    continue;
                }
                if pat == "photo/" {
                    // "(WISH Photo/Brett Bensley)": only inside an open parenthesis.
                    let before = &s[..ms];
                    let open = before.rfind('(');
                    let close = before.rfind(')');
                    if open.is_none() || close > open {
                        continue;
                    }
                }
                h.credit = true;
                h.credit_last = h.credit_last.max(ms);
                if ms <= lead_off {
                    h.credit_lead = true;
                }
            }
            CueClass::Paren => {
                // A trailing parenthesis: "... late Monday. (Source: WMC)".
                if s.ends_with(')') && !s[me..s.len() - 1].contains(')') {
                    h.credit = true;
                    h.credit_last = h.credit_last.max(ms);
                    if ms <= lead_off {
                        h.credit_lead = true;
                    }
                }
            }
            CueClass::Weak => {
                // "(R)" as a word, not "D(r)own".
                let glued_before = pat.starts_with('(') && ms > 0 && b[ms - 1].is_ascii_alphanumeric();
                let glued_after = pat.ends_with(')') && b.get(me).is_some_and(u8::is_ascii_alphanumeric);
                if !glued_before && !glued_after {
                    h.weak = true;
                }
            }
            CueClass::Pictured => {
                if pictured_is_caption(s, b, ms, me, lead_off) {
                    h.weak = true;
                }
            }
            CueClass::Video => h.video = true,
            CueClass::Casualty => h.casualty = true,
        }
    }
    h
}

/// "pictured" used as a caption cue: "(pictured)", "pictured left", "the one pictured,",
/// "Pictured: ..." — but not "the man pictured is asked to call police".
fn pictured_is_caption(s: &str, b: &[u8], ms: usize, me: usize, lead_off: usize) -> bool {
    // Whole word only.
    if ms > 0 && b[ms - 1].is_ascii_alphabetic() {
        return false;
    }
    if me < b.len() && b[me].is_ascii_alphabetic() {
        return false;
    }
    if ms == lead_off || (ms > 0 && b[ms - 1] == b'(') {
        return true;
    }
    let rest = &s[me..];
    let Some(c) = rest.chars().next() else { return true };
    if matches!(c, ')' | ',' | '.' | ';' | ':') {
        return true;
    }
    let next = rest.trim_start().split(|c: char| !c.is_alphabetic()).next().unwrap_or("");
    const AFTER: &[&str] =
        &["here", "left", "right", "above", "below", "center", "centre", "top", "bottom", "together", "with", "at", "during"];
    AFTER.iter().any(|w| next.eq_ignore_ascii_case(w))
}

/// Image file extensions.
const IMAGE_EXT: &[&str] = &[".jpg", ".jpeg", ".png", ".gif", ".webp", ".bmp", ".tif", ".tiff", ".heic", ".avif", ".svg"];

/// True when `tok` (one white-space token) is an image file name.
fn is_image_token(tok: &str) -> bool {
    let tok = tok.trim_matches(|c: char| is_closer(c) || matches!(c, '(' | '[' | ',' | ';' | '“' | '‘'));
    IMAGE_EXT.iter().any(|ext| tok.len() > ext.len() && ends_ci(tok, ext))
}

/// An image file name on its own line, ending a short non-sentence line
/// ("fight for sirte_00020001.jpg"), or leading a line ("IMG_1234.JPG Troops ...").
pub(crate) fn is_image_line(s: &str) -> bool {
    let mut toks = s.split_whitespace();
    if toks.next().is_some_and(is_image_token) {
        return true;
    }
    let Some(last) = s.split_whitespace().next_back() else { return false };
    if !is_image_token(last) || s.len() > 160 {
        return false;
    }
    // Not a sentence that merely ends with a file name: no sentence break before it.
    let off = (last.as_ptr() as usize).saturating_sub(s.as_ptr() as usize);
    let body = s.get(..off).unwrap_or("");
    !(body.contains(". ") || body.contains("? ") || body.contains("! "))
}

/// Parse a clock/duration `h:mm`, `mm:ss` or `h:mm:ss` at the start of `s`; returns its length.
fn duration_prefix(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() && i < 2 && b[i].is_ascii_digit() {
        i += 1;
    }
    if i == 0 {
        return None;
    }
    let mut groups = 0;
    while groups < 2 && i + 2 < b.len() + 1 && b.get(i) == Some(&b':') {
        if !(b.get(i + 1).is_some_and(u8::is_ascii_digit) && b.get(i + 2).is_some_and(u8::is_ascii_digit)) {
            break;
        }
        i += 3;
        groups += 1;
    }
    if groups == 0 || b.get(i).is_some_and(|c| c.is_ascii_alphanumeric() || *c == b':') {
        return None;
    }
    Some(i)
}

/// Words that make a leading clock a time of day, not a video duration.
const TIME_WORDS: &[&str] = &[
    "am", "pm", "a.m", "p.m", "a", "p", "hrs", "h", "gmt", "utc", "et", "est", "edt", "ct", "cst", "cdt", "pt", "pst", "pdt",
    "local", "ist", "o'clock",
];

/// A video duration line: "02:16", "1:02:33", "02:16 - Source: CNN",
/// or a playlist entry "0:43 Homeless man found dead" (no sentence punctuation).
pub(crate) fn is_duration_line(s: &str) -> bool {
    let Some(n) = duration_prefix(s) else { return false };
    let rest = &s[n..];
    if rest.trim().is_empty() {
        return true;
    }
    if !rest.starts_with(char::is_whitespace) {
        return false;
    }
    let r = rest.trim_start();
    if r.starts_with(['-', '–', '—', '|', '/', '•']) {
        return true;
    }
    let first = r.split(|c: char| c.is_whitespace() || c == ':' || c == ',').next().unwrap_or("");
    let first = first.trim_end_matches('.');
    if TIME_WORDS.iter().any(|w| first.eq_ignore_ascii_case(w)) {
        return false;
    }
    !ends_final(s) && !s.trim_end().ends_with(':')
}

/// A line with no letter or digit at all ("-----", "* * *", "———").
pub(crate) fn is_symbol_line(s: &str) -> bool {
    !s.chars().any(char::is_alphanumeric)
}

/// Citation markers alone ("[12]", "[3][4]") or a wiki section heading ("Victims [ edit ]").
pub(crate) fn is_wiki_furniture(s: &str) -> bool {
    let compact = s.trim_end();
    if compact.ends_with("[ edit ]") || compact.ends_with("[edit]") {
        return compact.len() < 120;
    }
    let mut in_br = false;
    let mut digits = 0;
    for c in s.chars() {
        match c {
            '[' if !in_br => in_br = true,
            ']' if in_br && digits > 0 => {
                in_br = false;
                digits = 0;
            }
            '0'..='9' if in_br => digits += 1,
            c if c.is_whitespace() && !in_br => {}
            _ => return false,
        }
    }
    !in_br
}

/// Lowercase `s` (ASCII only) into `buf`; `None` when it does not fit.
fn lower<'b>(s: &str, buf: &'b mut [u8; 64]) -> Option<&'b str> {
    let n = s.len();
    if n > buf.len() {
        return None;
    }
    for (d, b) in buf.iter_mut().zip(s.bytes()) {
        *d = b.to_ascii_lowercase();
    }
    std::str::from_utf8(&buf[..n]).ok()
}

fn lookup(s: &str) -> Option<Label> {
    let labels = &*LABELS;
    if s.len() > labels.max_len {
        return None;
    }
    let mut buf = [0u8; 64];
    let l = lower(s, &mut buf)?;
    labels.map.get(l).copied()
}

/// Match the label table: the whole line, a label with a separator, or a lead label.
/// Returns the kind and whether the label introduces a link list.
pub(crate) fn label_kind(s: &str) -> Option<(NoiseKind, bool)> {
    let t = strip_lead(s);
    let whole = t.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, ':' | '|' | '>' | '»' | ']' | ')' | '.' | '…' | '-' | '–' | '—' | '*' | '«')
    });
    if whole.is_empty() {
        return None;
    }
    if let Some(l) = lookup(whole) {
        return Some((l.line, l.list));
    }
    let max = LABELS.max_len + 2;
    // Label + separator + text.
    let head = match t.char_indices().take_while(|(i, _)| *i <= max).find(|(_, c)| matches!(c, ':' | '|' | '>' | '»')) {
        Some((p, _)) => Some(p),
        None => {
            let mut cut = (max + 4).min(t.len());
            while !t.is_char_boundary(cut) {
                cut -= 1;
            }
            let region = &t[..cut];
            [" - ", " – ", " — "].iter().filter_map(|sep| region.find(sep)).min()
        }
    };
    if let Some(p) = head {
        let label = t[..p].trim_end();
        let rest = t[p..].trim_start_matches(|c: char| c.is_whitespace() || matches!(c, ':' | '|' | '>' | '»' | '-' | '–' | '—'));
        if !rest.is_empty() {
            if let Some(kind) = lookup(label).and_then(|l| l.prefix) {
                return Some((kind, false));
            }
        }
    }
    // Multi-word lead label + space + text.
    for (label, l) in &LABELS.leads {
        let n = label.len();
        if t.len() > n && starts_ci(t, label) && t.is_char_boundary(n) && t[n..].starts_with(char::is_whitespace)
        {
            return Some((l.prefix.unwrap_or(l.line), false));
        }
    }
    None
}

/// "Source: Reuters" as a short line of its own.
pub(crate) fn is_source_line(s: &str) -> bool {
    let t = strip_lead(s);
    s.len() <= 60 && t.len() > 7 && starts_ci(t, "source:")
}

/// A short author-contact / link line: an e-mail address, a @handle, a URL or a bare domain.
pub(crate) fn is_contact_line(s: &str) -> bool {
    if s.len() > 80 || word_count(s) > 6 {
        return false;
    }
    let toks = s.split_whitespace().map(|t| t.trim_matches(|c: char| matches!(c, '(' | ')' | '[' | ']' | ',' | '<' | '>')));
    for t in toks {
        if let Some(at) = t.find('@') {
            if t[at + 1..].chars().next().is_some_and(|c| c.is_ascii_alphanumeric() || c == '_') {
                return true;
            }
        }
        if (t.len() > 7 && starts_ci(t, "http://")) || (t.len() > 8 && starts_ci(t, "https://")) || (t.len() > 4 && starts_ci(t, "www.")) {
            return true;
        }
    }
    // A bare domain as the whole line ("ochsner.org").
    if word_count(s) == 1 {
        const TLDS: [&str; 8] = [".com", ".org", ".net", ".gov", ".edu", ".tv", ".info", ".co.uk"];
        let t = s.trim_end_matches('/');
        return TLDS.iter().any(|d| t.len() > d.len() && ends_ci(t, d));
    }
    false
}

/// Small words that may stay lowercase in a title-case line.
const SMALL_WORDS: &[&str] = &[
    "a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "by", "with", "from", "as", "vs",
    "via", "into", "over", "after", "up", "out", "off", "is", "are", "was", "than", "amid",
];

/// A byline: "By JOHN SMITH", "By The Associated Press", "By Jane Doe and John Roe".
pub(crate) fn is_byline(s: &str) -> bool {
    let Some(rest) = s.strip_prefix("By ").or_else(|| s.strip_prefix("BY ")) else { return false };
    if s.len() > 60 || ends_final(s) {
        return false;
    }
    let mut words = 0;
    for w in rest.split_whitespace() {
        words += 1;
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        if w.is_empty() {
            continue;
        }
        let first = w.chars().next().unwrap_or(' ');
        if !(first.is_uppercase() || SMALL_WORDS.iter().any(|x| w.eq_ignore_ascii_case(x))) {
            return false;
        }
    }
    (1..=7).contains(&words)
}

/// Title case: every word capitalised except small words (one stray lowercase word is allowed
/// in a longer line), e.g. "Police Detail Evidence, Charges in Double Murder".
pub(crate) fn is_title_case(s: &str) -> bool {
    let mut cap = 0;
    let mut lower = 0;
    for w in s.split_whitespace() {
        let w = w.trim_start_matches(|c: char| !c.is_alphanumeric());
        let Some(first) = w.chars().next() else { continue };
        if first.is_uppercase() {
            cap += 1;
        } else if first.is_lowercase() {
            let core = w.trim_end_matches(|c: char| !c.is_alphanumeric());
            if !SMALL_WORDS.contains(&core) {
                lower += 1;
            }
        }
    }
    cap >= 1 && (lower == 0 || (lower == 1 && cap >= 4))
}

/// A line that could be one entry of a related-headlines list.
pub(crate) fn is_nav_candidate(s: &str) -> bool {
    s.len() <= 100 && (1..=14).contains(&word_count(s)) && !ends_clause(s) && is_title_case(s)
}

/// A line that could follow a "Related stories:" heading: short, no sentence punctuation.
pub(crate) fn is_list_item(s: &str) -> bool {
    s.len() <= 140 && (1..=22).contains(&word_count(s)) && !ends_clause(s)
}

const MONTHS: &[&str] = &[
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "febr",
];
const DATE_WORDS: &[&str] = &[
    // weekdays
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "tues", "wed", "thu",
    "thur", "thurs", "fri", "sat", "sun",
    // labels
    "updated", "update", "published", "posted", "last", "modified", "created", "date", "on", "at", "of", "first",
    "originally", "edited", "pub", "upd", "and",
    // ordinals, clock
    "st", "nd", "rd", "th", "am", "pm", "a", "p", "m", "h", "hrs", "t", "z",
    // zones
    "et", "est", "edt", "ct", "cst", "cdt", "mt", "mst", "mdt", "pt", "pst", "pdt", "gmt", "utc", "bst", "cet", "cest", "eat",
];

/// A line that is only a date, optionally with weekday, time and an "Updated"/"Published"
/// label: "Sunday 12/06/2016", "June 7, 2016", "Published 10:32 AM ET, Tue June 7, 2016".
pub(crate) fn is_date_line(s: &str) -> bool {
    if s.len() > 90 {
        return false;
    }
    let b = s.as_bytes();
    let mut i = 0;
    let mut has_month = false;
    let mut nums = 0;
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_alphabetic() {
            let st = i;
            while i < b.len() && b[i].is_ascii_alphabetic() {
                i += 1;
            }
            let w = &s[st..i];
            if MONTHS.iter().any(|x| w.eq_ignore_ascii_case(x)) {
                has_month = true;
            } else if !DATE_WORDS.iter().any(|x| w.eq_ignore_ascii_case(x)) {
                return false;
            }
        } else if c.is_ascii_digit() {
            let st = i;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            if i - st > 4 {
                return false;
            }
            nums += 1;
        } else if c < 0x80 {
            if !matches!(c, b'/' | b'-' | b'.' | b' ' | b'\t' | b',' | b':' | b'|' | b'(' | b')' | b'\'') {
                return false;
            }
            i += 1;
        } else {
            let ch = s[i..].chars().next().unwrap_or('x');
            if !(ch.is_whitespace() || matches!(ch, '–' | '—' | '•' | '·' | '’')) {
                return false;
            }
            i += ch.len_utf8();
        }
    }
    nums >= 1 && (has_month || has_numeric_date(b))
}

/// `d/d/d`, `d-d-d` or `d.d.d` (one repeated separator, no spaces) somewhere in `b`.
fn has_numeric_date(b: &[u8]) -> bool {
    let digits = |mut i: usize| {
        let st = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        (i > st).then_some(i)
    };
    for i in 0..b.len() {
        if !b[i].is_ascii_digit() || (i > 0 && b[i - 1].is_ascii_digit()) {
            continue;
        }
        let Some(j) = digits(i) else { continue };
        let Some(&sep) = b.get(j) else { continue };
        if !matches!(sep, b'/' | b'-' | b'.') {
            continue;
        }
        let Some(k) = digits(j + 1) else { continue };
        if b.get(k) == Some(&sep) && digits(k + 1).is_some() {
            return true;
        }
    }
    false
}

/// Heads that look like a wire dateline but are labels.
const NOT_PLACES: &[&str] = &[
    "UPDATE", "UPDATED", "BREAKING", "WATCH", "VIDEO", "PHOTOS", "RELATED", "WARNING", "NOTE", "EDITOR'S NOTE", "READ MORE",
    "EXCLUSIVE", "LIVE", "CORRECTION",
];

/// A word of a place name: starts with an uppercase letter; letters, `.`, `-`, `'`, `’`.
fn place_word(w: &str, all_caps: bool) -> bool {
    let mut chars = w.chars();
    let Some(first) = chars.next() else { return false };
    if !first.is_uppercase() {
        return false;
    }
    w.chars().all(|c| {
        (c.is_alphabetic() && (!all_caps || !c.is_lowercase())) || matches!(c, '.' | '-' | '\'' | '’' | '‘')
    })
}

/// A wire dateline at the start of a body line: "TRIPOLI -", "KABUL, Afghanistan (Reuters) -",
/// "MOGADISHU, Somalia (AP) —", "NEW DELHI:". Returns the byte length of place + separator.
pub(crate) fn placeline_len(s: &str) -> Option<usize> {
    // Find the separator: a dash followed by white space or the end, or a colon (all-caps only).
    let mut sep: Option<(usize, usize, bool)> = None;
    for (i, c) in s.char_indices() {
        if i > 110 {
            break;
        }
        if matches!(c, '-' | '–' | '—' | ':') {
            let mut end = i + c.len_utf8();
            if c == '-' && s[end..].starts_with('-') {
                end += 1;
            }
            if s[end..].chars().next().is_none_or(char::is_whitespace) {
                sep = Some((i, end, c == ':'));
                break;
            }
        }
    }
    let (at, end, colon) = sep?;
    let prefix = s[..at].trim_end();
    if prefix.is_empty() {
        return None;
    }
    // Optional "(Outlet)" at the end.
    let (head, outlet) = if prefix.ends_with(')') {
        let open = prefix.rfind('(')?;
        let inner = &prefix[open + 1..prefix.len() - 1];
        if inner.trim().is_empty() || inner.len() > 40 || inner.contains(['(', ')']) {
            return None;
        }
        (prefix[..open].trim_end(), true)
    } else {
        (prefix, false)
    };
    if head.is_empty() || (colon && outlet) {
        return None;
    }
    let mut parts = head.split(',');
    let place = parts.next()?.trim();
    let n_words = place.split_whitespace().count();
    if !(1..=5).contains(&n_words) {
        return None;
    }
    let all_caps = place.split_whitespace().all(|w| place_word(w, true)) && place.chars().filter(|c| c.is_alphabetic()).count() >= 2;
    let title_with_outlet = outlet && place.split_whitespace().all(|w| place_word(w, false));
    if !(all_caps || title_with_outlet) {
        return None;
    }
    if NOT_PLACES.iter().any(|np| place.eq_ignore_ascii_case(np)) {
        return None;
    }
    let mut n_parts = 0;
    for part in parts {
        n_parts += 1;
        let part = part.trim();
        let n = part.split_whitespace().count();
        if n_parts > 2 || !(1..=4).contains(&n) {
            return None;
        }
        if !part.split_whitespace().all(|w| place_word(w, false) || w.chars().all(|c| c.is_ascii_digit())) {
            return None;
        }
    }
    if colon {
        // "NEW DELHI: Two soldiers ..." — stricter than the dash form, since "QUICK FACTS:",
        // "HPD:" or "WXYZ-TV:" also sit before a colon.
        const FUNCTION: &[&str] = &["FOR", "OF", "THE", "AND", "IN", "ON", "TO", "AT", "BY", "WITH", "FACTS", "UPDATES", "NEWS"];
        let words_ok = place.split_whitespace().all(|w| !FUNCTION.contains(&w));
        let long_enough = place.chars().filter(|c| c.is_alphabetic()).count() >= 4;
        if n_parts > 0 || n_words > 3 || !words_ok || !long_enough || place.ends_with("TV") || word_count(&s[end..]) < 6 {
            return None;
        }
    }
    Some(end)
}
