//! Finding place names in text.
//!
//! The text is split into tokens with their byte spans; each token is normalised and
//! looked up in the vocabulary once. From every capitalised token the key trie is walked
//! token by token (an article token such as "al" may be skipped, as the keys were built
//! without it); the longest key whose candidates pass the plausibility rules wins, and the
//! scan resumes after it (leftmost-longest). Rules:
//!
//! - the first token is capitalised; later tokens are capitalised, lower-case particles
//!   ("al", "de", "of", "e"…) or numbers; no match crosses a comma, a sentence end, a
//!   bracket or a quote;
//! - a leading article joins the span when hyphenated ("al-Bab") or unambiguous and
//!   capitalised ("El Bab");
//! - initialisms ("US", "U.S.", "UAE") need all-caps surface and a neighbour in normal case;
//! - a one-word name that is a frequent English word or name needs a large enough place:
//!   a dictionary word with Zipf ≥ 4 ("Police", "Nice", "Mission") needs 100,000 people,
//!   or 1,000,000 at the start of a sentence or in all-caps text; other words with Zipf ≥ 4
//!   need 50,000 ("Ali"); Zipf ≥ 3.5 needs 15,000; Zipf ≥ 3 needs 5,000. Countries and
//!   demonyms are exempt; regions named by a common dictionary word never match; a town
//!   whose population is unknown (0) needs none when a lower-case noun of settlement
//!   follows it or precedes it with "of" ("Abs city", "the town of Abs"), unless its
//!   name is a dictionary word of Zipf ≥ 4;
//! - a short all-caps word (five letters or fewer) among words in normal case is an
//!   organisation's initials ("the PALA and the KRA"), not a town or region, unless the
//!   gazetteer knows it as an initialism.

/// Letters up to which an all-caps word in normal-case text reads as initials.
const INITIALS_MAX_LETTERS: usize = 5;

use crate::index::{Final, ACRONYM, ALTERNATE, DEMONYM, DERIVED};
use crate::normalize::{
    is_article, is_particle, is_unambiguous_article, norm_token_into, raw_tokens, surface_token_into,
};
use crate::{Gazetteer, PlaceId, PlaceKind, PlaceMatch};

/// One text token.
#[derive(Clone, Copy, Debug, Default)]
struct Tok {
    start: usize,
    end: usize,
    id: Option<u32>,
    article: bool,
    unambiguous_article: bool,
    /// First character upper-case.
    cap: bool,
    /// Every letter upper-case (at least one letter).
    upper: bool,
    /// Two or more letters, all upper-case.
    shout: bool,
    particle: bool,
    /// A geographic qualifier ("Northern", "Greater").
    qualifier: bool,
    digit: bool,
    barrier_before: bool,
    hyphen_before: bool,
    initial: bool,
}

fn tokenize(g: &Gazetteer, text: &str) -> Vec<Tok> {
    let mut toks: Vec<Tok> = Vec::with_capacity(text.len() / 5);
    let mut buf = String::with_capacity(32);
    let mut prev_end = 0usize;
    let mut prev_short_cap = false; // previous token: 1–2 letters, capitalised ("St", "U")
    for (start, end) in raw_tokens(text) {
        let surface = &text[start..end];
        let gap = &text[prev_end..start];
        let first = toks.is_empty();
        let mut barrier = false;
        let mut sentence = first;
        for c in gap.chars() {
            match c {
                '.' if !prev_short_cap => {
                    barrier = true;
                    sentence = true;
                }
                '!' | '?' | ';' | ':' | '\n' | '\r' | '•' | '·' => {
                    barrier = true;
                    sentence = true;
                }
                '"' | '“' | '”' | '«' | '»' | '„' | '(' | ')' | '[' | ']' | '{' | '}' => {
                    barrier = true;
                    if matches!(c, '"' | '“' | '«' | '„' | '(' | '[') {
                        // an opening quote or bracket starts a new phrase
                        sentence |= toks.last().is_none_or(|t| t.initial && t.end == prev_end);
                    }
                }
                ',' | '|' | '/' | '\\' | '–' | '—' | '\t' | '&' | '+' | '=' | '*' => barrier = true,
                _ => {}
            }
        }
        let hyphen_before = matches!(gap, "-" | "\u{2010}" | "\u{2011}");
        buf.clear();
        norm_token_into(surface, &mut buf);
        let mut letters = 0usize;
        let mut upper_letters = 0usize;
        for c in surface.chars() {
            if c.is_alphabetic() {
                letters += 1;
                if c.is_uppercase() {
                    upper_letters += 1;
                }
            }
        }
        let cap = surface.chars().next().is_some_and(char::is_uppercase);
        let article = is_article(&buf);
        toks.push(Tok {
            start,
            end,
            id: g.index.token(&buf),
            article,
            unambiguous_article: article && is_unambiguous_article(&buf),
            cap,
            upper: letters > 0 && letters == upper_letters,
            shout: letters >= 2 && letters == upper_letters,
            particle: is_particle(&buf),
            qualifier: is_qualifier(&buf),
            digit: letters == 0,
            barrier_before: barrier && !first,
            hyphen_before,
            initial: sentence,
        });
        prev_short_cap = cap && letters <= 2 && letters > 0;
        prev_end = end;
    }
    toks
}

/// Context of one attempted match.
struct Ctx<'t> {
    /// The text.
    text: &'t str,
    /// First token of the match.
    start: usize,
    /// The match starts a sentence.
    initial: bool,
    /// The token before the start shouts (all caps), or there is none.
    prev_shout: bool,
}

/// Best end found so far from one start.
#[derive(Clone, Copy)]
struct Best {
    end_tok: usize,
    fin: Final,
    upper: bool,
}

pub(crate) fn find(g: &Gazetteer, text: &str) -> Vec<PlaceMatch> {
    let toks = tokenize(g, text);
    let n = toks.len();
    let mut out = Vec::new();
    let mut i = 0;
    while i < n {
        let t = &toks[i];
        let can_start = (t.cap && (t.id.is_some() || t.article))
            || (t.article && i + 1 < n && toks[i + 1].hyphen_before && toks[i + 1].cap);
        if !can_start {
            i += 1;
            continue;
        }
        let ctx = Ctx {
            text,
            start: i,
            initial: t.initial,
            prev_shout: i == 0 || toks[i - 1].shout || toks[i].barrier_before,
        };
        let mut best: Option<Best> = None;
        extend(g, &toks, i, 0, true, true, &ctx, &mut best, 0);
        match best {
            Some(b) => {
                let mctx = match_ctx(g, text, &toks, &ctx, b.end_tok, b.upper, b.fin);
                let slice = g.index.slice(b.fin);
                let flags = &g.index.flags[b.fin.start as usize..(b.fin.start + b.fin.len) as usize];
                let glued = glued_to_name(g, text, &toks, i);
                let mut candidates: Vec<PlaceId> = Vec::new();
                let mut demonym = false;
                let mut alternate = 0u64;
                for (&id, &fl) in slice.iter().zip(flags) {
                    if !eligible(g, id, fl, &mctx) {
                        continue;
                    }
                    // A small town right after a capitalised word is more likely the end
                    // of a personal or group name ("Victoria Nuland", "Boko Haram").
                    if glued && fl & DEMONYM == 0 {
                        let p = g.place(id);
                        let big = matches!(p.kind, PlaceKind::Country | PlaceKind::Admin1)
                            || p.population >= GLUED_MIN_POP;
                        if !big {
                            continue;
                        }
                    }
                    if candidates.is_empty() {
                        demonym = fl & DEMONYM != 0;
                    }
                    if fl & ALTERNATE != 0 && candidates.len() < 64 {
                        alternate |= 1u64 << candidates.len();
                    }
                    candidates.push(id);
                }
                if candidates.is_empty() {
                    i += 1;
                    continue;
                }
                out.push(PlaceMatch { start: toks[i].start, end: toks[b.end_tok].end, candidates, demonym, alternate });
                i = b.end_tok + 1;
            }
            None => i += 1,
        }
    }
    out
}

/// Population a town needs to match right after another capitalised word.
const GLUED_MIN_POP: u64 = 100_000;

/// Whether the token before `i` is a capitalised word in the same phrase that is not a
/// geographic qualifier ("Northern", "Greater", "Upper"…) nor, at a sentence start, a
/// common English word ("In", "The").
fn glued_to_name(g: &Gazetteer, text: &str, toks: &[Tok], i: usize) -> bool {
    // look through articles in front of the match ("Nasser al-Haddad")
    let mut k = i;
    while k > 0 && !toks[k].barrier_before && toks[k - 1].article && !toks[k - 1].cap {
        k -= 1;
    }
    if k == 0 {
        return false;
    }
    let (prev, t) = (&toks[k - 1], &toks[k]);
    if t.barrier_before || !prev.cap || prev.particle || prev.digit || prev.qualifier {
        return false;
    }
    if prev.initial {
        let mut buf = String::new();
        norm_token_into(&text[prev.start..prev.end], &mut buf);
        return !g.common.contains(buf.as_str());
    }
    true
}

/// Geographic qualifiers that may precede a place name (normalised).
fn is_qualifier(norm: &str) -> bool {
    matches!(
        norm,
        "north"
            | "south"
            | "east"
            | "west"
            | "northern"
            | "southern"
            | "eastern"
            | "western"
            | "northeast"
            | "northwest"
            | "southeast"
            | "southwest"
            | "northeastern"
            | "northwestern"
            | "southeastern"
            | "southwestern"
            | "central"
            | "upper"
            | "lower"
            | "greater"
            | "inner"
            | "outer"
            | "rural"
            | "new"
            | "old"
    )
}

/// Walk the trie from token `j` at `node`, recording the longest acceptable end.
#[allow(clippy::too_many_arguments)]
fn extend(
    g: &Gazetteer,
    toks: &[Tok],
    j: usize,
    node: u32,
    at_start: bool,
    upper: bool,
    ctx: &Ctx<'_>,
    best: &mut Option<Best>,
    depth: usize,
) {
    if j >= toks.len() || depth > g.index.max_tokens + 4 {
        return;
    }
    let t = &toks[j];
    if !at_start && (t.barrier_before || !(t.cap || t.particle || t.digit)) {
        return;
    }
    // an article may be skipped: keys are built without it
    if t.article && j + 1 < toks.len() && !toks[j + 1].barrier_before {
        let ok = !at_start || toks[j + 1].hyphen_before || (t.cap && t.unambiguous_article);
        if ok {
            extend(g, toks, j + 1, node, at_start, upper, ctx, best, depth + 1);
        }
    }
    if at_start && !t.cap {
        return;
    }
    let Some(id) = t.id else { return };
    let Some(child) = g.index.step(node, id) else { return };
    let upper = upper && (t.upper || t.digit);
    if let Some(fin) = g.index.final_at(child) {
        if best.is_none_or(|b| j > b.end_tok) && any_eligible(g, fin, upper, ctx, toks, j) {
            *best = Some(Best { end_tok: j, fin, upper });
        }
    }
    extend(g, toks, j + 1, child, false, upper, ctx, best, depth + 1);
}

/// What eligibility looks at.
struct MatchCtx {
    /// Sentence-initial or shouted: case says nothing, so be strict.
    strict: bool,
    /// A noun of administration follows ("Bay region"): a region's name, whatever the word.
    headed: bool,
    /// A lower-case noun of settlement follows ("Abs city") or precedes with "of" ("the
    /// town of Abs"): a town's name, whatever its size.
    settled: bool,
    /// All surface letters upper-case.
    upper: bool,
    /// A neighbouring token is in normal case (for initialisms).
    calm_neighbour: bool,
    /// The surface has a doubled letter, which normalisation collapsed ("CNN" → "cn"),
    /// so it cannot be an initialism.
    doubled: bool,
    /// The surface has any doubled letter, whatever its case.
    any_doubled: bool,
    /// One all-caps word of at most [`INITIALS_MAX_LETTERS`] letters.
    initials: bool,
    /// English frequency (Zipf × 10) of a one-word surface as spelled, and whether it is a
    /// dictionary word; 0 for longer names. "Anah" is rare though its key "ana" is shared
    /// with "Anna".
    zipf10: u8,
    dict_word: bool,
}

/// Population a town needs when only the collapse of its doubled letters makes it match
/// ("Sinai" is not the Sardinian town of Sinnai; "Tal Abyad" is still Tall Abyad).
const UNDOUBLED_MIN_POP: u64 = 20_000;

/// Whether `s` has a doubled ASCII letter.
fn has_doubled(s: &str) -> bool {
    s.as_bytes().windows(2).any(|w| w[0].eq_ignore_ascii_case(&w[1]) && w[0].is_ascii_alphabetic())
}

fn match_ctx(g: &Gazetteer, text: &str, toks: &[Tok], ctx: &Ctx<'_>, end: usize, upper: bool, fin: Final) -> MatchCtx {
    let next_shout = end + 1 >= toks.len() || toks[end + 1].shout || toks[end + 1].barrier_before;
    let shouted = upper && toks[ctx.start..=end].iter().any(|t| t.shout);
    let doubled = upper
        && toks[ctx.start..=end].iter().any(|t| {
            let b = &text.as_bytes()[t.start..t.end];
            b.windows(2).any(|w| w[0] == w[1] && w[0].is_ascii_alphabetic())
        });
    // "Bay region", "Police district": a noun of administration right after the name.
    let headed = toks.get(end + 1).is_some_and(|t| !t.barrier_before && {
        let w = text[t.start..t.end].to_ascii_lowercase();
        matches!(w.as_str(), "region" | "province" | "state" | "governorate" | "district" | "county" | "oblast" | "prefecture" | "department")
    });
    let settlement = |t: &Tok| matches!(&text[t.start..t.end], "city" | "town" | "village");
    let settled = toks.get(end + 1).is_some_and(|t| !t.barrier_before && settlement(t))
        || (ctx.start >= 2
            && !toks[ctx.start].barrier_before
            && !toks[ctx.start - 1].barrier_before
            && &text[toks[ctx.start - 1].start..toks[ctx.start - 1].end] == "of"
            && settlement(&toks[ctx.start - 2]));
    let any_doubled = toks[ctx.start..=end].iter().any(|t| has_doubled(&text[t.start..t.end]));
    let (zipf10, dict_word) = if fin.zipf10 == 0 {
        (0, false)
    } else {
        // One word (articles aside): its frequency as spelled.
        let mut buf = String::new();
        let last = &toks[end];
        surface_token_into(&text[last.start..last.end], &mut buf);
        g.surface_words.get(buf.as_str()).copied().unwrap_or((0, false))
    };
    // Brackets and commas aside, the words on both sides are in normal case, and the word
    // does not begin a line or sentence (a placeline: "KABUL, Afghanistan —").
    let calm = |k: Option<&Tok>| k.is_some_and(|t| !t.shout);
    let initials = upper
        && ctx.start == end
        && !ctx.initial
        && calm(ctx.start.checked_sub(1).and_then(|k| toks.get(k)))
        && calm(toks.get(end + 1))
        && {
        let t = &toks[end];
        let letters = text[t.start..t.end].chars().filter(|c| c.is_alphabetic()).count();
        (2..=INITIALS_MAX_LETTERS).contains(&letters)
    };
    MatchCtx {
        initials,
        headed,
        settled,
        strict: ctx.initial || shouted,
        upper,
        calm_neighbour: !(ctx.prev_shout && next_shout),
        doubled,
        any_doubled,
        zipf10,
        dict_word,
    }
}

fn any_eligible(g: &Gazetteer, fin: Final, upper: bool, ctx: &Ctx<'_>, toks: &[Tok], end: usize) -> bool {
    let m = match_ctx(g, ctx.text, toks, ctx, end, upper, fin);
    let slice = g.index.slice(fin);
    let flags = &g.index.flags[fin.start as usize..(fin.start + fin.len) as usize];
    slice.iter().zip(flags).any(|(&id, &fl)| eligible(g, id, fl, &m))
}

fn eligible(g: &Gazetteer, id: PlaceId, flags: u8, m: &MatchCtx) -> bool {
    if flags & ACRONYM != 0 {
        return m.upper && m.calm_neighbour && !m.doubled;
    }
    if flags & DEMONYM != 0 {
        return true;
    }
    let p = g.place(id);
    if p.kind == PlaceKind::Country {
        return true;
    }
    if m.initials {
        return false;
    }
    if m.headed && matches!(p.kind, PlaceKind::Admin1 | PlaceKind::Admin2) {
        return true;
    }
    let z = m.zipf10;
    if z < 30 {
        return true;
    }
    if flags & DERIVED != 0 {
        return false;
    }
    // "Abs city", "the town of Abs": a town, though its name is a common word, when the
    // gazetteer does not know its population (0): the thresholds below are for towns known
    // to be small. Dictionary words aside ("the city of Mission").
    if m.settled && p.kind == PlaceKind::City && p.population == 0 && !(m.dict_word && z >= 40) {
        return true;
    }
    let pop = p.population;
    if p.kind == PlaceKind::City && !m.any_doubled && pop < UNDOUBLED_MIN_POP && has_doubled(&p.name) {
        return false;
    }
    // At the start of a sentence case says nothing: a word seen in ordinary English text
    // ("Lorry owners attacked…") needs a big place.
    if m.strict && pop < 100_000 {
        return false;
    }
    if m.dict_word && z >= 40 {
        if p.kind != PlaceKind::City {
            return false;
        }
        return if m.strict { pop >= 1_000_000 } else { pop >= 100_000 };
    }
    if z >= 40 {
        return pop >= 50_000;
    }
    if z >= 35 {
        return pop >= 15_000;
    }
    pop >= 5_000
}
