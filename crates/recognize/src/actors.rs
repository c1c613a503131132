//! Actor mentions: names from the actor registry ([`sitrep_actors`]) found in the text, with
//! their sentence and tokens. Matches inside scraped noise are dropped.

use sitrep_actors::{ActorId, Registry};
use sitrep_clean::Cleaned;
use sitrep_model::Span;
use sitrep_segment::Segmented;

/// One actor named in the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActorMention {
    /// Byte span of the words.
    pub span: Span,
    /// The registry entry.
    pub actor: ActorId,
    /// For state forces: the country the words named ("Afghan security forces" → AF).
    pub country: Option<String>,
    /// Sentence index.
    pub sentence: Option<usize>,
    /// First token.
    pub first_token: usize,
    /// One past the last token.
    pub end_token: usize,
}

/// Find the actor mentions of a document.
pub fn find_actors(text: &str, seg: &Segmented, cleaned: &Cleaned) -> Vec<ActorMention> {
    find_actors_with(Registry::global(), text, seg, cleaned)
}

/// [`find_actors`] with a given registry.
pub fn find_actors_with(reg: &Registry, text: &str, seg: &Segmented, cleaned: &Cleaned) -> Vec<ActorMention> {
    let toks = &seg.tokens;
    reg.find(text)
        .into_iter()
        .filter_map(|m| {
            let span = Span { start: m.start, end: m.end };
            if cleaned.is_noise(span) {
                return None;
            }
            let first = toks.partition_point(|t| t.span.end <= m.start);
            let end = toks.partition_point(|t| t.span.start < m.end).max(first + 1);
            Some(ActorMention {
                span,
                actor: m.actor,
                country: m.country,
                sentence: seg.sentence_at(m.start),
                first_token: first,
                end_token: end,
            })
        })
        .collect()
}

/// Countries the named actors belong to, with their weight: state forces count for the
/// country their words named, a group active in one country for that country, a group active
/// in several half for the first one listed (its home). Sorted by weight, then by first
/// mention.
pub fn country_votes(reg: &Registry, mentions: &[ActorMention]) -> Vec<(String, f32)> {
    // (country, weight, first mention)
    let mut votes: Vec<(String, f32, usize)> = Vec::new();
    for (k, m) in mentions.iter().enumerate() {
        let a = reg.actor(m.actor);
        let (cc, w) = match (&m.country, a.countries.as_slice()) {
            (Some(c), _) => (c.clone(), 1.0),
            (None, [only]) => (only.clone(), 1.0),
            (None, [home, ..]) => (home.clone(), 0.5),
            _ => continue,
        };
        match votes.iter_mut().find(|v| v.0 == cc) {
            Some(v) => v.1 += w,
            None => votes.push((cc, w, k)),
        }
    }
    votes.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.2.cmp(&b.2)));
    votes.into_iter().map(|(c, w, _)| (c, w)).collect()
}
