//! Stage 3 — segment: sentences and tokens with byte offsets.
//!
//! One pass over the bytes makes the tokens ([`tokenize`]); a second pass over the tokens
//! (looking only at the white space between them) makes the sentences. Nothing is
//! allocated per token beyond the `Vec` pushes.
//!
//! Sentence rules, in order, for the gap between two tokens:
//! 1. a blank line ends the sentence and the paragraph;
//! 2. a change of noise span (from [`Cleaned`]) ends the sentence, so a sentence never
//!    straddles noise and text;
//! 3. a single newline ends the sentence unless the text is hard-wrapped prose: the next line
//!    starts with a lowercase letter, or with a digit after a lowercase word; or the line ends
//!    with a comma, a dash/hyphen, an opening quote/bracket, a never-final abbreviation
//!    ("Gen.") or a word that cannot end a sentence (`data/continuers.txt`: "to", "the", ...);
//! 4. within a line, `.` `!` `?` `…` (plus closing quotes/brackets and `[12]` citation
//!    markers) end a sentence when white space and then an uppercase letter, a digit or an
//!    opening quote/bracket follow — but not after an abbreviation from
//!    `data/abbreviations.txt` or a single capital initial; after an ambiguous abbreviation
//!    ("a.m.", "U.S.", "N.Y.") only when the next word is an opener (`data/openers.txt`).

#![warn(missing_docs)]

mod lexicon;

use lexicon::{Abbrev, LEXICON};
use sitrep_clean::Cleaned;
use sitrep_model::Span;
use std::ops::Range;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (with inner apostrophes), e.g. `killed`, `don't`, `al`, `ISIS’s`, `Béléhédé`.
    /// Non-ASCII digits count as letters.
    Word,
    /// ASCII digits, with thousands separators (`,` + exactly three digits) or one decimal
    /// point inside: `12`, `1,200`, `1,200,000`, `3.5`.
    Number,
    /// Digits mixed with letters: `4th`, `120mm`, `9am`.
    Alnum,
    /// Any single other character that is not white space: `-`, `,`, `(`, `%`, `$`.
    Punct,
}

/// One token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Where it is.
    pub span: Span,
    /// What it is.
    pub kind: TokenKind,
}

/// One sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// Where it is (trimmed of surrounding white space).
    pub span: Span,
    /// Its tokens, as a range into [`Segmented::tokens`].
    pub tokens: Range<usize>,
    /// True when the sentence lies inside noise (clean stage) and must not be extracted from.
    pub noise: bool,
    /// Index of the paragraph (blank-line separated block) it belongs to.
    pub paragraph: usize,
}

/// The output of the segment stage.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Segmented {
    /// Every token of the text, in order.
    pub tokens: Vec<Token>,
    /// Every sentence, in order.
    pub sentences: Vec<Sentence>,
}

impl Segmented {
    /// The tokens of `sentence` (empty when its range is out of bounds).
    pub fn sentence_tokens(&self, sentence: &Sentence) -> &[Token] {
        self.tokens.get(sentence.tokens.clone()).unwrap_or(&[])
    }

    /// The index of the sentence containing byte `offset`, if any.
    pub fn sentence_at(&self, offset: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.span.end <= offset);
        self.sentences.get(i).filter(|s| s.span.start <= offset).map(|_| i)
    }
}

/// Zero-width and formatting characters skipped between tokens.
fn is_ignorable(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}')
}

/// Combining marks (decomposed accents, Arabic harakat, ...): they continue a word.
fn is_mark(c: char) -> bool {
    matches!(c as u32,
        0x0300..=0x036F | 0x0483..=0x0489 | 0x0591..=0x05BD | 0x05BF | 0x05C1..=0x05C2 | 0x05C4..=0x05C5
        | 0x0610..=0x061A | 0x064B..=0x065F | 0x0670 | 0x06D6..=0x06DC | 0x06DF..=0x06E4 | 0x06E7..=0x06E8
        | 0x06EA..=0x06ED | 0x0900..=0x0903 | 0x093A..=0x094F | 0x0951..=0x0957 | 0x0962..=0x0963
        | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x200C..=0x200D | 0x20D0..=0x20FF | 0xFE00..=0xFE0F
        | 0xFE20..=0xFE2F | 0x3099..=0x309A)
}

/// A letter for tokenizing: alphabetic, or a non-ASCII digit.
fn is_letter(c: char) -> bool {
    c.is_alphabetic() || (!c.is_ascii() && c.is_numeric())
}

/// The char at byte `i` of `text`, if `i` is in bounds and on a boundary.
fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|s| s.chars().next())
}

/// Split `text` into tokens (see [`TokenKind`]). White space and zero-width characters
/// separate tokens and are not tokens themselves.
pub fn tokenize(text: &str) -> Vec<Token> {
    let b = text.as_bytes();
    let n = b.len();
    let mut out = Vec::with_capacity(n / 5 + 1);
    let mut i = 0;
    while i < n {
        let c = b[i];
        if c < 0x80 {
            if matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c) {
                i += 1;
            } else if c.is_ascii_alphanumeric() {
                i = scan_word(text, i, &mut out);
            } else {
                out.push(Token { span: Span::new(i, i + 1), kind: TokenKind::Punct });
                i += 1;
            }
            continue;
        }
        let Some(ch) = char_at(text, i) else { break };
        let l = ch.len_utf8();
        if ch.is_whitespace() || is_ignorable(ch) {
            i += l;
        } else if is_letter(ch) {
            i = scan_word(text, i, &mut out);
        } else {
            out.push(Token { span: Span::new(i, i + l), kind: TokenKind::Punct });
            i += l;
        }
    }
    out
}

/// Scan one Word / Number / Alnum token starting at `start` (a letter or digit); push it and
/// return the byte after it.
fn scan_word(text: &str, start: usize, out: &mut Vec<Token>) -> usize {
    let b = text.as_bytes();
    let n = b.len();
    let digit = |p: usize| p < n && b[p].is_ascii_digit();
    let mut p = start;
    let mut has_alpha = false;
    let mut has_digit = false;
    let mut decimal = false;
    // Digits since the start or the last thousands comma.
    let mut group = 0usize;
    let mut commas = 0usize;
    // "12.06.2016": after "digit." no decimal point is taken.
    let dotted = start >= 2 && b[start - 1] == b'.' && b[start - 2].is_ascii_digit();
    while p < n {
        let c = b[p];
        if c.is_ascii_digit() {
            has_digit = true;
            group += 1;
            p += 1;
            continue;
        }
        if c.is_ascii_alphabetic() {
            has_alpha = true;
            p += 1;
            continue;
        }
        let number = has_digit && !has_alpha && !decimal;
        if c == b',' {
            // Thousands: ",ddd" not followed by another digit; the first group has 1-3 digits.
            let ok = number
                && (if commas == 0 { (1..=3).contains(&group) } else { group == 3 })
                && digit(p + 1)
                && digit(p + 2)
                && digit(p + 3)
                && !digit(p + 4);
            if ok {
                p += 4;
                group = 3;
                commas += 1;
                continue;
            }
            break;
        }
        if c == b'.' {
            if number && !dotted && digit(p + 1) {
                let mut q = p + 1;
                while digit(q) {
                    q += 1;
                }
                // "12.06.2016", "1.2.3": a dotted sequence, not a decimal.
                if !(q < n && b[q] == b'.' && digit(q + 1)) {
                    decimal = true;
                    p = q;
                    continue;
                }
            }
            break;
        }
        if c == b'\'' {
            if char_at(text, p + 1).is_some_and(is_letter) {
                p += 1;
                continue;
            }
            break;
        }
        if c < 0x80 {
            break;
        }
        let Some(ch) = char_at(text, p) else { break };
        let l = ch.len_utf8();
        if is_letter(ch) || is_mark(ch) {
            has_alpha = true;
            p += l;
            continue;
        }
        if (ch == '’' || ch == '\u{00AD}') && char_at(text, p + l).is_some_and(is_letter) {
            p += l;
            continue;
        }
        break;
    }
    let kind = match (has_alpha, has_digit) {
        (true, true) => TokenKind::Alnum,
        (true, false) => TokenKind::Word,
        _ => TokenKind::Number,
    };
    out.push(Token { span: Span::new(start, p), kind });
    p
}

/// Sentence-final punctuation.
fn is_terminal(s: &str) -> bool {
    matches!(s, "." | "!" | "?" | "…")
}

/// Closing quotes and brackets that stay with the sentence before them.
fn is_closer(s: &str) -> bool {
    matches!(s, ")" | "]" | "}" | "\"" | "'" | "”" | "’" | "»" | "›")
}

/// Opening quotes and brackets that may start a sentence.
fn is_opening(s: &str) -> bool {
    matches!(s, "(" | "[" | "\"" | "'" | "“" | "‘" | "«" | "‹")
}

/// The token pass: state shared by the boundary tests.
struct Cutter<'a> {
    text: &'a str,
    toks: &'a [Token],
}

impl<'a> Cutter<'a> {
    fn t(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| t.span.slice(self.text))
    }

    fn adjacent(&self, a: usize, b: usize) -> bool {
        match (self.toks.get(a), self.toks.get(b)) {
            (Some(x), Some(y)) => x.span.end == y.span.start,
            _ => false,
        }
    }

    fn first_char(&self, i: usize) -> Option<char> {
        self.t(i).chars().next()
    }

    /// Does a sentence end between tokens `i` and `i + 1`, which are on one line with white
    /// space between them? `start` is the first token of the current sentence.
    fn ends_sentence(&self, start: usize, i: usize) -> bool {
        let lex = &*LEXICON;
        // Walk back over closing quotes/brackets and citation markers glued to the terminal.
        let mut k = i;
        loop {
            if k >= start + 3
                && self.t(k) == "]"
                && self.toks[k - 1].kind == TokenKind::Number
                && self.t(k - 2) == "["
                && self.adjacent(k - 3, k - 2)
                && self.adjacent(k - 2, k - 1)
                && self.adjacent(k - 1, k)
            {
                k -= 3;
                continue;
            }
            if k > start && is_closer(self.t(k)) && self.adjacent(k - 1, k) {
                k -= 1;
                continue;
            }
            break;
        }
        if !is_terminal(self.t(k)) {
            return false;
        }
        let next = i + 1;
        let Some(fc) = self.first_char(next) else { return false };
        let opener_next = is_opening(self.t(next));
        if !(fc.is_uppercase() || fc.is_ascii_digit() || opener_next) {
            return false;
        }
        if self.t(k) != "." || k == start || !self.adjacent(k - 1, k) || self.toks[k - 1].kind != TokenKind::Word {
            return true;
        }
        // An abbreviation? Collect a dotted run: "U.S.", "a.m.", "Lt.".
        let mut j = k - 1;
        let mut segments = 1;
        while j >= start + 2
            && self.t(j - 1) == "."
            && self.toks[j - 2].kind == TokenKind::Word
            && self.adjacent(j - 2, j - 1)
            && self.adjacent(j - 1, j)
        {
            j -= 2;
            segments += 1;
        }
        let cand = self.text.get(self.toks[j].span.start..self.toks[k].span.end).unwrap_or("");
        // After an ambiguous abbreviation an opening quote counts as an opener, a bracket
        // does not ("KANSAS CITY, Mo. (AP) -").
        let before_opener = || matches!(self.t(next), "\"" | "“" | "‘" | "'") || lex.is_opener(self.t(next));
        match lex.abbrev(cand) {
            Some(Abbrev::Never) => return false,
            Some(Abbrev::Ambiguous) => return before_opener(),
            None => {}
        }
        if segments > 1 {
            // An unlisted dotted acronym ("N.Y.", "D.C."): ambiguous.
            return before_opener();
        }
        let w = self.t(k - 1);
        let mut chars = w.chars();
        if chars.next().is_some_and(char::is_uppercase) && chars.next().is_none() {
            // A single capital initial: "John F. Kennedy".
            return false;
        }
        true
    }

    /// Is the newline between tokens `i` and `i + 1` inside hard-wrapped prose?
    fn line_continues(&self, i: usize) -> bool {
        let lex = &*LEXICON;
        let next = i + 1;
        let Some(fc) = self.first_char(next) else { return false };
        if fc.is_lowercase() {
            return true;
        }
        let prev = self.t(i);
        let kind = self.toks[i].kind;
        if kind == TokenKind::Punct {
            match prev {
                "," | "-" | "–" | "—" | "(" | "[" | "{" | "“" | "‘" | "/" | "&" => return true,
                // A straight quote opens when white space (or nothing) precedes it.
                "\"" | "'" => return i == 0 || !self.adjacent(i - 1, i),
                "." => {
                    if i > 0 && self.adjacent(i - 1, i) && self.toks[i - 1].kind == TokenKind::Word {
                        let cand = self.text.get(self.toks[i - 1].span.start..self.toks[i].span.end).unwrap_or("");
                        return LEXICON.abbrev(cand) == Some(Abbrev::Never);
                    }
                    return false;
                }
                _ => return false,
            }
        }
        if kind == TokenKind::Word {
            if fc.is_ascii_digit() && prev.chars().next().is_some_and(char::is_lowercase) {
                return true;
            }
            return lex.is_continuer(prev);
        }
        false
    }
}

/// Split `text` into sentences and tokens.
///
/// `cleaned` marks noise: a sentence is cut at every edge of a noise span and flagged
/// [`Sentence::noise`] when it overlaps one.
pub fn segment(text: &str, cleaned: &Cleaned) -> Segmented {
    let tokens = tokenize(text);
    let n = tokens.len();
    let mut sentences = Vec::with_capacity(n / 16 + 1);
    if n == 0 {
        return Segmented { tokens, sentences };
    }
    let noise = &cleaned.noise;
    let mut cursor = 0;
    // Index of the noise span a token overlaps, if any (tokens come in order).
    let mut noise_id = |span: Span| -> Option<usize> {
        while cursor < noise.len() && noise[cursor].span.end <= span.start {
            cursor += 1;
        }
        noise.get(cursor).filter(|x| x.span.start < span.end).map(|_| cursor)
    };
    let cut = Cutter { text, toks: &tokens };
    let mut start = 0;
    let mut paragraph = 0;
    let mut id = noise_id(tokens[0].span);
    let mut any_noise = id.is_some();
    for i in 0..n {
        let mut new_para = false;
        let mut next_id = None;
        let brk = if i + 1 == n {
            true
        } else {
            next_id = noise_id(tokens[i + 1].span);
            let gap = text.get(tokens[i].span.end..tokens[i + 1].span.start).unwrap_or("");
            let newlines = gap.bytes().filter(|&c| c == b'\n').count() + gap.matches('\u{2029}').count() * 2;
            if newlines >= 2 {
                new_para = true;
                true
            } else if id != next_id {
                true
            } else if newlines == 1 || gap.contains('\u{2028}') {
                !cut.line_continues(i)
            } else if gap.chars().any(char::is_whitespace) {
                cut.ends_sentence(start, i)
            } else {
                false
            }
        };
        if brk {
            let span = Span::new(tokens[start].span.start, tokens[i].span.end);
            sentences.push(Sentence { span, tokens: start..i + 1, noise: any_noise, paragraph });
            start = i + 1;
            any_noise = false;
            if new_para {
                paragraph += 1;
            }
        }
        id = next_id;
        any_noise |= id.is_some();
    }
    // Noise spans may be narrower than a line: flag by overlap, as documented.
    for s in &mut sentences {
        s.noise = s.noise || cleaned.is_noise(s.span);
    }
    Segmented { tokens, sentences }
}

#[cfg(test)]
mod tests;
