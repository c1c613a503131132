//! Spelling-variant normalisation shared by gazetteer keys and text candidates.
//!
//! The same rules apply on both sides, so two spellings meet when they normalise to the
//! same string. The rules are general (no place list):
//!
//! 1. Tokens are maximal runs of letters, digits, combining marks and apostrophe-like
//!    characters; everything else (spaces, hyphens, dots, commas…) separates tokens.
//!    A trailing possessive `'s` / `’s` is not part of the token.
//! 2. Per token: apostrophe-like characters (`'`, `’`, `‘`, `ʻ`, `ʼ`, `ʾ`, `ʿ`, `` ` ``, `´`)
//!    are removed; Unicode compatibility decomposition (NFKD) with combining marks
//!    dropped; a few letters NFKD leaves alone are folded (`ø→o`, `æ→ae`, `ß→ss`,
//!    `ł→l`, `đ→d`, `ı→i`, `þ→th`, …); lower-case; only letters and digits kept.
//! 3. Doubled letters collapse (`Raqqa` = `Raqa`, `Hassakeh` = `Hasakeh`).
//! 4. A final `-ah` / `-eh` of a token of four or more letters becomes `-a`
//!    (`Misratah` = `Misrata`, `Raqqah` = `Raqqa`, `Hasakeh` = `Hasaka`), and a final `-iya`
//!    of five or more becomes `-ia` (`Oromiya` = `Oromia`, `Iskandariyah` = `Iskandaria`).
//! 5. Arabic-style article tokens (`al`, `el`, `ad`, `ar`, `as`, `ash`, `an`, `at`, `az`,
//!    `ath`, …) are dropped unless they are the last token (`al-Bab` = `Al Bab` =
//!    `El Bab` = `Bab`; `Deir ez-Zor` = `Deir Zor`; `Hoi An` keeps its `an`).
//! 6. Tokens are joined by one space.

use unicode_normalization::char::{decompose_compatible, is_combining_mark};

/// Normalise a place name or a piece of text to its matching key (see the module docs).
///
/// ```
/// use sitrep_gazetteer::normalize;
/// assert_eq!(normalize("Ar-Raqqah"), normalize("Raqqa"));
/// assert_eq!(normalize("al-Bāb"), "bab");
/// assert_eq!(normalize("Misratah"), normalize("Misrata"));
/// ```
pub fn normalize(s: &str) -> String {
    let mut toks: Vec<String> = Vec::new();
    for (start, end) in raw_tokens(s) {
        let mut t = String::new();
        norm_token_into(&s[start..end], &mut t);
        if !t.is_empty() {
            toks.push(t);
        }
    }
    let n = toks.len();
    let mut out = String::with_capacity(s.len());
    for (i, t) in toks.iter().enumerate() {
        if i + 1 < n && is_article(t) {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(t);
    }
    out
}

/// Apostrophe-like characters: removed inside tokens, trimmed at their edges.
pub(crate) fn is_apostrophe(c: char) -> bool {
    matches!(
        c,
        '\'' | '\u{2019}'
            | '\u{2018}'
            | '\u{02BB}'
            | '\u{02BC}'
            | '\u{02BD}'
            | '\u{02BE}'
            | '\u{02BF}'
            | '`'
            | '\u{00B4}'
            | '\u{2032}'
    )
}

/// Characters that belong to a token.
pub(crate) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_apostrophe(c) || (!c.is_ascii() && is_combining_mark(c))
}

/// Byte spans of the tokens of `s`: runs of word characters, with apostrophes trimmed at
/// both ends and a trailing possessive `'s` left out.
pub(crate) fn raw_tokens(s: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut iter = s.char_indices().peekable();
    std::iter::from_fn(move || loop {
        // skip separators
        let (start, _) = loop {
            let &(i, c) = iter.peek()?;
            if is_word_char(c) {
                break (i, c);
            }
            iter.next();
        };
        let mut end = start;
        while let Some(&(i, c)) = iter.peek() {
            if !is_word_char(c) {
                break;
            }
            end = i + c.len_utf8();
            iter.next();
        }
        if let Some((a, b)) = trim_token(s, start, end) {
            return Some((a, b));
        }
    })
}

/// Trim apostrophes at the edges of `s[start..end]` and a possessive `'s`.
fn trim_token(s: &str, mut start: usize, mut end: usize) -> Option<(usize, usize)> {
    while start < end {
        let c = s[start..end].chars().next()?;
        if is_apostrophe(c) {
            start += c.len_utf8();
        } else {
            break;
        }
    }
    // possessive: ...'s
    let tail = &s[start..end];
    let mut rev = tail.char_indices().rev();
    if let (Some((si, sc)), Some((ai, ac))) = (rev.next(), rev.next()) {
        if (sc == 's' || sc == 'S') && is_apostrophe(ac) && ai > 0 && si == ai + ac.len_utf8() {
            end = start + ai;
        }
    }
    while start < end {
        let c = s[start..end].chars().next_back()?;
        if is_apostrophe(c) {
            end -= c.len_utf8();
        } else {
            break;
        }
    }
    (start < end).then_some((start, end))
}

/// Letters that NFKD does not decompose, folded to ASCII.
fn fold(c: char) -> Option<&'static str> {
    Some(match c {
        'ø' => "o",
        'æ' => "ae",
        'œ' => "oe",
        'ß' => "ss",
        'đ' => "d",
        'ł' => "l",
        'ı' => "i",
        'þ' => "th",
        'ð' => "d",
        'ħ' => "h",
        'ŧ' => "t",
        'ŀ' => "l",
        'ɨ' => "i",
        'ə' => "e",
        _ => return None,
    })
}

/// Normalise one token (rules 2–4), appending to `out`.
pub(crate) fn norm_token_into(tok: &str, out: &mut String) {
    let base = out.len();
    surface_token_into(tok, out);
    post_process(out, base);
}

/// A token as spelled, folded only for case, diacritics and apostrophes (rule 2): no doubled
/// letters collapsed, no ending rewritten. "Anah" stays "anah", where its key is "ana".
pub(crate) fn surface_token_into(tok: &str, out: &mut String) {
    if tok.is_ascii() {
        for b in tok.bytes() {
            if b.is_ascii_alphanumeric() {
                out.push(b.to_ascii_lowercase() as char);
            }
        }
    } else {
        for c in tok.chars() {
            if is_apostrophe(c) {
                continue;
            }
            if c.is_ascii() {
                if c.is_ascii_alphanumeric() {
                    out.push(c.to_ascii_lowercase());
                }
                continue;
            }
            for l in c.to_lowercase() {
                if let Some(f) = fold(l) {
                    out.push_str(f);
                    continue;
                }
                decompose_compatible(l, |d| {
                    if is_combining_mark(d) || !d.is_alphanumeric() {
                        return;
                    }
                    for dl in d.to_lowercase() {
                        match fold(dl) {
                            Some(f) => out.push_str(f),
                            None => out.push(dl),
                        }
                    }
                });
            }
        }
    }
}

/// Collapse doubled letters and rewrite a final `ah`/`eh` in `out[base..]`.
fn post_process(out: &mut String, base: usize) {
    if out[base..].is_ascii() {
        // fast path, in place on bytes
        let mut bytes = std::mem::take(out).into_bytes();
        let mut w = base;
        for r in base..bytes.len() {
            let b = bytes[r];
            if w > base && bytes[w - 1] == b && b.is_ascii_alphabetic() {
                continue;
            }
            bytes[w] = b;
            w += 1;
        }
        bytes.truncate(w);
        let n = w - base;
        if n >= 4 && bytes[w - 1] == b'h' && (bytes[w - 2] == b'a' || bytes[w - 2] == b'e') {
            bytes[w - 2] = b'a';
            bytes.truncate(w - 1);
            w -= 1;
        }
        // A final "-iya" is "-ia" (Oromiya = Oromia, Ingushetiya = Ingushetia).
        if w - base >= 5 && &bytes[w - 3..w] == b"iya" {
            bytes[w - 2] = b'a';
            bytes.truncate(w - 1);
        }
        // Only ASCII bytes were rewritten, so this cannot fail; fall back to lossy anyway.
        *out = String::from_utf8(bytes)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
        return;
    }
    let chars: Vec<char> = out[base..].chars().collect();
    out.truncate(base);
    let mut kept: Vec<char> = Vec::with_capacity(chars.len());
    for c in chars {
        if kept.last() == Some(&c) && c.is_alphabetic() {
            continue;
        }
        kept.push(c);
    }
    let n = kept.len();
    if n >= 4 && kept[n - 1] == 'h' && (kept[n - 2] == 'a' || kept[n - 2] == 'e') {
        kept[n - 2] = 'a';
        kept.pop();
    }
    let n = kept.len();
    if n >= 5 && kept[n - 3..] == ['i', 'y', 'a'] {
        kept[n - 2] = 'a';
        kept.pop();
    }
    out.extend(kept);
}

/// Arabic-style article tokens (normalised), dropped when another token follows.
pub(crate) fn is_article(t: &str) -> bool {
    matches!(
        t,
        "al" | "el"
            | "ad"
            | "ar"
            | "as"
            | "ash"
            | "an"
            | "at"
            | "az"
            | "ath"
            | "adh"
            | "ed"
            | "er"
            | "es"
            | "esh"
            | "et"
            | "en"
            | "ez"
            | "ul"
            | "ud"
            | "ur"
            | "un"
            | "ut"
            | "ush"
            | "uz"
    )
}

/// Articles that are not also common English/French words, so a capitalised one may
/// start a match even when separated by a space ("El Bab", "Al Bab").
pub(crate) fn is_unambiguous_article(t: &str) -> bool {
    matches!(t, "al" | "el" | "ash" | "ath" | "adh" | "az" | "ez" | "esh" | "ush" | "uz" | "ul" | "ud")
}

/// Lower-case words allowed inside a multi-word place name ("Sar-e Pol", "Ras al Ain",
/// "Castellón de la Plana", "Stratford-upon-Avon").
pub(crate) fn is_particle(t: &str) -> bool {
    is_article(t)
        || matches!(
            t,
            "de" | "la"
                | "le"
                | "les"
                | "du"
                | "des"
                | "del"
                | "dela"
                | "di"
                | "da"
                | "do"
                | "dos"
                | "das"
                | "der"
                | "den"
                | "dem"
                | "van"
                | "von"
                | "of"
                | "the"
                | "and"
                | "e"
                | "i"
                | "y"
                | "o"
                | "a"
                | "bin"
                | "ibn"
                | "bint"
                | "ben"
                | "sur"
                | "sous"
                | "on"
                | "upon"
                | "am"
                | "im"
                | "au"
                | "aux"
                | "em"
                | "na"
                | "nad"
                | "pod"
                | "ye"
                | "ol"
                | "os"
                | "is"
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<&str> {
        raw_tokens(s).map(|(a, b)| &s[a..b]).collect()
    }

    #[test]
    fn tokens_trim_possessive_and_quotes() {
        assert_eq!(toks("Gaddafi's hometown"), vec!["Gaddafi", "hometown"]);
        assert_eq!(toks("‘Kabul’ said"), vec!["Kabul", "said"]);
        assert_eq!(toks("Kabul’s mayor"), vec!["Kabul", "mayor"]);
        assert_eq!(toks("Ma'arrat al-Nu'man"), vec!["Ma'arrat", "al", "Nu'man"]);
        assert_eq!(toks("Ḥalab, Zāhedān."), vec!["Ḥalab", "Zāhedān"]);
    }

    #[test]
    fn variants_meet() {
        assert_eq!(normalize("Misratah"), "misrata");
        assert_eq!(normalize("Oromiya"), normalize("Oromia"));
        assert_eq!(normalize("Ingushetiya"), normalize("Ingushetia"));
        assert_eq!(normalize("Latifiyah"), normalize("Latifia"));
        assert_eq!(normalize("Kenya"), "kenya");
        assert_eq!(normalize("Misrata"), "misrata");
        assert_eq!(normalize("Ar-Raqqah"), "raqa");
        assert_eq!(normalize("Raqqa"), "raqa");
        assert_eq!(normalize("al-Bab"), "bab");
        assert_eq!(normalize("Al Bab"), "bab");
        assert_eq!(normalize("El Bab"), "bab");
        assert_eq!(normalize("al-Bāb"), "bab");
        assert_eq!(normalize("Zāhedān"), "zahedan");
        assert_eq!(normalize("Ḥalab"), "halab");
        assert_eq!(normalize("Sar-e Pol"), "sar e pol");
        assert_eq!(normalize("Sar-e  Pol"), normalize("sar e pol"));
        assert_eq!(normalize("Deir ez-Zor"), "deir zor");
        assert_eq!(normalize("Hoi An"), "hoi an");
        assert_eq!(normalize("Ma‘arrat al-Nu’man"), normalize("Maarat an-Numan"));
        assert_eq!(normalize("Qaşr Za‘farān"), normalize("Qasr Za`faran"));
        assert_eq!(normalize("Nangarhar   province"), "nangarhar province");
        assert_eq!(normalize("Hasakeh"), normalize("Al-Hasakah"));
        assert_eq!(normalize("Łódź"), "lodz");
        assert_eq!(normalize("Tromsø"), "tromso");
        assert_eq!(normalize("Mosul"), "mosul");
        assert_eq!(normalize("Tripoli"), "tripoli");
        assert_eq!(normalize("U.S."), "u s");
        assert_eq!(normalize(""), "");
        assert_eq!(normalize("--"), "");
    }
}
