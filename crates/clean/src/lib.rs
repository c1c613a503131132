//! Stage 2 — clean: find scraped noise and the report's front matter.
//!
//! Input: the document text. Output: [`Cleaned`], a sorted list of noise spans plus the
//! headline, dateline and wire-placeline spans. The text itself is never rewritten, so every
//! later offset still points into the original.
//!
//! Noise is found line by line (a line is the text between two `\n`, trimmed of white space)
//! by general rules, never by one outlet's exact sentence:
//!
//! * image file names alone or leading a line → [`NoiseKind::ImageFile`];
//! * video durations and credits ("02:16 - Source: CNN", "0:43 Man found dead", "Video: ...")
//!   → [`NoiseKind::VideoCredit`];
//! * section furniture ("Story highlights", "Advertisement", "-----") → [`NoiseKind::Furniture`];
//! * share / subscribe / captcha / cookie / copyright / byline / contact lines
//!   → [`NoiseKind::Boilerplate`];
//! * photo captions: the line after an image file, lines with a photo credit, lines with a
//!   "(pictured)"-style cue (unless they are a casualty sentence), short lines hanging off a
//!   caption → [`NoiseKind::Caption`];
//! * related-headline lists: three or more consecutive short title-case lines, or short lines
//!   under a "Related stories" heading → [`NoiseKind::Navigation`].
//!
//! The cue words live in `data/cues.tsv` (one Aho-Corasick automaton, built once) and the
//! whole-line labels in `data/labels.tsv`.

#![warn(missing_docs)]

mod rules;
mod tables;

use rules::{ends_final, hits, word_count, Hits};
use sitrep_model::{InputFormat, Span};

/// What a noise span is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
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

impl NoiseKind {
    /// A short lowercase name ("image_file", "video_credit", ...), for logs and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            NoiseKind::ImageFile => "image_file",
            NoiseKind::VideoCredit => "video_credit",
            NoiseKind::Furniture => "furniture",
            NoiseKind::Boilerplate => "boilerplate",
            NoiseKind::Caption => "caption",
            NoiseKind::Navigation => "navigation",
        }
    }
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
    /// A date line near the top ("Sunday 12/06/2016", "Published 10:32 AM ET, Tue June 7, 2016"),
    /// if found: the whole trimmed line.
    pub dateline: Option<Span>,
    /// A wire dateline opening the first body paragraph: the place part and its separator
    /// ("TRIPOLI -", "KABUL, Afghanistan (Reuters) -", "MOGADISHU, Somalia (AP) —"), if found.
    pub placeline: Option<Span>,
}

impl Cleaned {
    /// True when `span` overlaps any noise span.
    pub fn is_noise(&self, span: Span) -> bool {
        self.noise_at(span).is_some()
    }

    /// The first noise span that overlaps `span`, if any.
    pub fn noise_at(&self, span: Span) -> Option<&Noise> {
        let i = self.noise.partition_point(|n| n.span.end <= span.start);
        self.noise.get(i).filter(|n| n.span.overlaps(span))
    }
}

/// One non-empty line, trimmed.
#[derive(Clone, Copy, Debug)]
struct Line {
    start: usize,
    end: usize,
    /// At least one blank line separates it from the previous non-empty line.
    blank_before: bool,
}

/// Characters trimmed off line ends besides white space (BOM, zero-width space).
fn is_trim(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{feff}' | '\u{200b}')
}

/// Non-empty lines of `text`, trimmed.
fn split_lines(text: &str) -> Vec<Line> {
    let mut out = Vec::with_capacity(text.len() / 60 + 4);
    let mut pos = 0;
    let mut blank = false;
    for raw in text.split('\n') {
        let trimmed_start = raw.trim_start_matches(is_trim);
        let start = pos + (raw.len() - trimmed_start.len());
        let t = trimmed_start.trim_end_matches(is_trim);
        if t.is_empty() {
            blank = true;
        } else {
            out.push(Line { start, end: start + t.len(), blank_before: blank && !out.is_empty() });
            blank = false;
        }
        pos += raw.len() + 1;
    }
    out
}

/// Classification of one line by itself (with its cue hits `h`): its kind and whether it
/// heads a link list.
fn intrinsic(s: &str, h: &Hits) -> Option<(NoiseKind, bool)> {
    use NoiseKind::*;
    if rules::is_symbol_line(s) || rules::is_wiki_furniture(s) {
        return Some((Furniture, false));
    }
    if rules::is_image_line(s) {
        return Some((ImageFile, false));
    }
    if rules::is_duration_line(s) {
        return Some((VideoCredit, false));
    }
    if h.strong {
        return Some((Boilerplate, false));
    }
    // A credit inside a wire dateline ("WYANDANCH, N.Y. (CBS/AP) — ...") is not a caption.
    if h.credit && rules::placeline_len(s).is_none_or(|p| h.credit_last >= p) {
        return Some((Caption, false));
    }
    if let Some(k) = rules::label_kind(s) {
        return Some(k);
    }
    if rules::is_source_line(s) {
        return Some((VideoCredit, false));
    }
    if (h.soft && (s.len() <= 60 || (s.len() <= 200 && !h.casualty))) || (h.lead && s.len() <= 200) {
        return Some((Boilerplate, false));
    }
    if rules::is_contact_line(s) || rules::is_byline(s) {
        return Some((Boilerplate, false));
    }
    if h.video && s.len() <= 150 {
        return Some((VideoCredit, false));
    }
    if h.weak && !(h.casualty && ends_final(s)) {
        return Some((Caption, false));
    }
    None
}

/// Find noise, headline, dateline and placeline in `text`.
///
/// `format` decides whether a headline is looked for: only [`InputFormat::Text`] reports
/// carry their headline in the text (the first non-empty line that is not noise and not a
/// date line, when it is at most 300 bytes long); the other formats bring their title
/// separately. The date line is looked for among the first four non-noise lines, the wire
/// placeline at the start of the first six non-noise lines that are not headline or date.
pub fn clean(text: &str, format: InputFormat) -> Cleaned {
    use NoiseKind::*;
    let lines = split_lines(text);
    let n = lines.len();
    let line = |i: usize| -> &str { text.get(lines[i].start..lines[i].end).unwrap_or("") };
    let mut kinds: Vec<Option<NoiseKind>> = vec![None; n];
    let mut intro = vec![false; n];

    // Pass 1: each line by itself, plus the caption context of the line before.
    let mut chain = 0;
    for i in 0..n {
        let s = line(i);
        let h = hits(s);
        let mut k = intrinsic(s, &h);
        if k.is_none() && i > 0 {
            let l = lines[i];
            let prev = kinds[i - 1];
            let casualty_sentence = h.casualty && ends_final(s);
            if prev == Some(ImageFile) {
                // The line after an image file is its caption.
                if (!l.blank_before && s.len() <= 300) || (s.len() <= 200 && !casualty_sentence && !ends_final(s)) {
                    k = Some((Caption, false));
                }
            } else if prev == Some(Caption)
                && chain < 2
                && s.len() <= 80
                && word_count(s) <= 12
                && !ends_final(s)
                && !rules::is_date_line(s)
            {
                // A short standalone line hanging off a caption (a credit, a name).
                k = Some((Caption, false));
            }
        }
        // A short name-like line right before a credit-only line is that photo's caption.
        if k.is_some_and(|(kind, _)| kind == Caption) && i > 0 && kinds[i - 1].is_none() && !lines[i].blank_before {
            let p = line(i - 1);
            let protect_first = format == InputFormat::Text && i - 1 == 0;
            let credit_only = h.credit_lead && s.len() <= 100;
            if !protect_first && credit_only && p.len() <= 80 && word_count(p) <= 8 && !ends_final(p) && !rules::is_date_line(p) {
                kinds[i - 1] = Some(Caption);
            }
        }
        chain = match k {
            Some((Caption, _)) => chain + 1,
            _ => 0,
        };
        if let Some((kind, list)) = k {
            kinds[i] = Some(kind);
            intro[i] = list;
        }
    }

    // Headline and date line among the first non-noise lines.
    let clean_lines: Vec<usize> = (0..n).filter(|&i| kinds[i].is_none()).take(8).collect();
    let headline = match format {
        InputFormat::Text => clean_lines.iter().copied().find(|&i| !rules::is_date_line(line(i))).filter(|&i| line(i).len() <= 300),
        _ => None,
    };
    let dateline = clean_lines.iter().copied().take(4).find(|&i| rules::is_date_line(line(i)));
    let protected = |i: usize| Some(i) == headline || Some(i) == dateline;

    // Pass 2: link lists.
    for i in (0..n).filter(|&i| intro[i]) {
        let end = n.min(i + 40);
        let mut j = i + 1;
        while j < end {
            if kinds[j].is_none() {
                if protected(j) || !rules::is_list_item(line(j)) {
                    break;
                }
                kinds[j] = Some(Navigation);
            }
            j += 1;
        }
    }
    // Runs of title-case lines after some prose (at the top they are front matter:
    // headline, byline, issuing office).
    let mut run: Vec<usize> = Vec::new();
    let mut seen_prose = false;
    let mut run_after_prose = false;
    for i in 0..=n {
        let cand = i < n && kinds[i].is_none() && !protected(i) && rules::is_nav_candidate(line(i));
        if cand {
            if run.is_empty() {
                run_after_prose = seen_prose;
            }
            run.push(i);
            continue;
        }
        if run.len() >= 3 && run_after_prose {
            for &j in &run {
                kinds[j] = Some(Navigation);
            }
        }
        run.clear();
        if i < n && kinds[i].is_none() && !seen_prose {
            let s = line(i);
            seen_prose = ends_final(s) && word_count(s) >= 6;
        }
    }

    // The wire placeline opens the first body paragraph.
    let placeline = (0..n)
        .filter(|&i| kinds[i].is_none() && !protected(i))
        .take(6)
        .find_map(|i| rules::placeline_len(line(i)).map(|len| Span::new(lines[i].start, lines[i].start + len)));

    let noise = (0..n)
        .filter_map(|i| kinds[i].map(|kind| Noise { span: Span::new(lines[i].start, lines[i].end), kind }))
        .collect();
    let span = |i: usize| Span::new(lines[i].start, lines[i].end);
    Cleaned { noise, headline: headline.map(span), dateline: dateline.map(span), placeline }
}

#[cfg(test)]
mod tests;
