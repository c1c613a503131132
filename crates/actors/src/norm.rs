//! Text normalisation shared by aliases and searched text.
//!
//! Both sides go through [`normalize`], so spelling variants meet in one form:
//!
//! - hyphens and dashes become spaces ("al-Shabaab" = "al Shabaab", "pro-GNA" = "pro GNA");
//! - runs of whitespace become one space, or one newline when the run holds a line break
//!   (names never span lines);
//! - typographic apostrophes and Arabic transliteration marks (’ ‘ ʼ ʿ ʾ `) become `'`;
//!   an apostrophe between two letters is dropped ("Da'esh" = "Daesh", "Kata'ib" = "Kataib")
//!   except a possessive "'s" at the end of a word ("People's", "Taliban's");
//! - Latin letters with diacritics are folded to ASCII, keeping case ("Séléka" = "Seleka").
//!
//! Case is preserved: matching rules depend on it. Every output byte remembers the byte
//! range of the input character it came from, so spans map back to the original text.

/// A normalised text with its map back to the input.
#[derive(Debug, Clone, Default)]
pub struct Normalized {
    /// The normalised text.
    pub text: String,
    /// For each byte of `text`: the byte range (start, end) of the input character it came from.
    pub src: Vec<(u32, u32)>,
}

impl Normalized {
    /// The input byte range of the normalised byte range `s..e` (`s < e`).
    pub fn source_span(&self, s: usize, e: usize) -> (usize, usize) {
        let start = self.src.get(s).map_or(0, |r| r.0 as usize);
        let end = e.checked_sub(1).and_then(|i| self.src.get(i)).map_or(start, |r| r.1 as usize);
        (start, end)
    }
}

/// What one input character becomes.
enum Fold {
    /// A space or newline (collapsed with neighbours).
    Space { newline: bool },
    /// An apostrophe (kept or dropped depending on neighbours).
    Apostrophe,
    /// A replacement string.
    Str(&'static str),
    /// The character itself.
    Keep,
}

fn fold(c: char) -> Fold {
    match c {
        '\n' | '\r' | '\u{2028}' | '\u{2029}' => Fold::Space { newline: true },
        '-' | '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}' | '\u{2212}'
        | '\u{00AD}' => Fold::Space { newline: false },
        c if c.is_whitespace() => Fold::Space { newline: false },
        '\'' | '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{02BB}' | '\u{02BF}' | '\u{02BE}' | '`' | '\u{00B4}'
        | '\u{2032}' => Fold::Apostrophe,
        c if c.is_ascii() => Fold::Keep,
        c => fold_letter(c).map_or(Fold::Keep, Fold::Str),
    }
}

/// ASCII spelling of a Latin letter with diacritics (Latin-1, Latin Extended-A and the
/// dotted consonants of Arabic transliteration).
fn fold_letter(c: char) -> Option<&'static str> {
    Some(match c {
        'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' | 'Ā' | 'Ă' | 'Ą' => "A",
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'Æ' => "AE",
        'æ' => "ae",
        'Ç' | 'Ć' | 'Ĉ' | 'Ċ' | 'Č' => "C",
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => "c",
        'Ď' | 'Đ' | 'Ḍ' | 'Ḏ' => "D",
        'ď' | 'đ' | 'ḍ' | 'ḏ' => "d",
        'È' | 'É' | 'Ê' | 'Ë' | 'Ē' | 'Ĕ' | 'Ė' | 'Ę' | 'Ě' => "E",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => "e",
        'Ĝ' | 'Ğ' | 'Ġ' | 'Ģ' => "G",
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => "g",
        'Ĥ' | 'Ħ' | 'Ḥ' | 'Ḫ' => "H",
        'ĥ' | 'ħ' | 'ḥ' | 'ḫ' => "h",
        'Ì' | 'Í' | 'Î' | 'Ï' | 'Ĩ' | 'Ī' | 'Ĭ' | 'Į' | 'İ' => "I",
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => "i",
        'Ĵ' => "J",
        'ĵ' => "j",
        'Ķ' => "K",
        'ķ' => "k",
        'Ĺ' | 'Ļ' | 'Ľ' | 'Ŀ' | 'Ł' => "L",
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => "l",
        'Ñ' | 'Ń' | 'Ņ' | 'Ň' => "N",
        'ñ' | 'ń' | 'ņ' | 'ň' => "n",
        'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' | 'Ō' | 'Ŏ' | 'Ő' => "O",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => "o",
        'Œ' => "OE",
        'œ' => "oe",
        'Ŕ' | 'Ŗ' | 'Ř' => "R",
        'ŕ' | 'ŗ' | 'ř' => "r",
        'Ś' | 'Ŝ' | 'Ş' | 'Š' | 'Ș' | 'Ṣ' => "S",
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' | 'ṣ' => "s",
        'ß' => "ss",
        'Ţ' | 'Ť' | 'Ț' | 'Ṭ' => "T",
        'ţ' | 'ť' | 'ț' | 'ṭ' => "t",
        'Ù' | 'Ú' | 'Û' | 'Ü' | 'Ũ' | 'Ū' | 'Ŭ' | 'Ů' | 'Ű' | 'Ų' => "U",
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => "u",
        'Ŵ' => "W",
        'ŵ' => "w",
        'Ý' | 'Ÿ' | 'Ŷ' => "Y",
        'ý' | 'ÿ' | 'ŷ' => "y",
        'Ź' | 'Ż' | 'Ž' | 'Ẓ' => "Z",
        'ź' | 'ż' | 'ž' | 'ẓ' => "z",
        _ => return None,
    })
}

/// True for characters that make up words (for boundaries and tokens).
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Normalise `input` (see the module docs).
pub fn normalize(input: &str) -> Normalized {
    // Fast path: plain ASCII words with single spaces are already normal.
    let b = input.as_bytes();
    let plain = b.iter().all(|&c| c.is_ascii_graphic() && !matches!(c, b'-' | b'\'' | b'`') || c == b' ')
        && !input.contains("  ")
        && !input.starts_with(' ')
        && !input.ends_with(' ');
    if plain {
        let src = (0..input.len() as u32).map(|i| (i, i + 1)).collect();
        return Normalized { text: input.to_string(), src };
    }
    let chars: Vec<(usize, char)> = input.char_indices().collect();
    let mut out = Normalized { text: String::with_capacity(input.len()), src: Vec::with_capacity(input.len()) };
    let mut i = 0;
    while let Some(&(at, c)) = chars.get(i) {
        let range = (at as u32, (at + c.len_utf8()) as u32);
        match fold(c) {
            Fold::Space { newline } => {
                // Collapse the whole run; it becomes a newline if any part of it was one.
                let mut nl = newline;
                let mut j = i + 1;
                while let Some(&(_, d)) = chars.get(j) {
                    match fold(d) {
                        Fold::Space { newline } => nl |= newline,
                        _ => break,
                    }
                    j += 1;
                }
                if !out.text.is_empty() {
                    out.text.push(if nl { '\n' } else { ' ' });
                    out.src.push(range);
                }
                i = j;
                continue;
            }
            Fold::Apostrophe => {
                let prev_letter = out.text.chars().next_back().is_some_and(char::is_alphabetic);
                let next = chars.get(i + 1).map(|&(_, d)| d);
                let next_letter = next.is_some_and(char::is_alphabetic);
                let possessive = matches!(next, Some('s' | 'S'))
                    && !chars.get(i + 2).is_some_and(|&(_, d)| is_word_char(d));
                if !(prev_letter && next_letter && !possessive) {
                    out.text.push('\'');
                    out.src.push(range);
                }
            }
            Fold::Str(s) => {
                out.text.push_str(s);
                out.src.extend(std::iter::repeat_n(range, s.len()));
            }
            Fold::Keep => {
                out.text.push(c);
                out.src.extend(std::iter::repeat_n(range, c.len_utf8()));
            }
        }
        i += 1;
    }
    // No trailing separator.
    while out.text.ends_with([' ', '\n']) {
        out.text.pop();
        out.src.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variants_meet() {
        assert_eq!(normalize("al-Shabaab").text, "al Shabaab");
        assert_eq!(normalize("Da’esh").text, "Daesh");
        assert_eq!(normalize("Kata'ib  Hezbollah").text, "Kataib Hezbollah");
        assert_eq!(normalize("People’s Army").text, "People's Army");
        assert_eq!(normalize("Taliban's").text, "Taliban's");
        assert_eq!(normalize("Workers' Party").text, "Workers' Party");
        assert_eq!(normalize("Séléka").text, "Seleka");
        assert_eq!(normalize("a\n\n b").text, "a\nb");
    }

    #[test]
    fn spans_map_back() {
        let s = "ex-Séléka  fighters";
        let n = normalize(s);
        assert_eq!(n.text, "ex Seleka fighters");
        let (a, b) = n.source_span(3, 9);
        assert_eq!(&s[a..b], "Séléka");
        let (a, b) = n.source_span(10, n.text.len());
        assert_eq!(&s[a..b], "fighters");
    }
}
