//! Stage 3 — segment: sentences and tokens with byte offsets.

use sitrep_clean::Cleaned;
use sitrep_model::Span;
use std::ops::Range;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (with inner apostrophes), e.g. `killed`, `don't`, `al`.
    Word,
    /// Digits, with thousands separators or a decimal point inside: `12`, `1,200`, `3.5`.
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

/// Split `text` into sentences and tokens.
pub fn segment(text: &str, cleaned: &Cleaned) -> Segmented {
    let _ = (text, cleaned);
    Segmented::default()
}
