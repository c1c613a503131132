//! Stage 6 — extract: casualty claims and incidents.
//!
//! Input: a document with its clean/segment/recognize/resolve outputs ([`Input`]).
//! Output: the document's events in the contract's shape ([`sitrep_model::Event`]),
//! the main incident first. Lexicons are data files under `data/`, parsed once.
//!
//! - [`claims`]: figure + victims + predicate inside one sentence.
//! - [`source`]: who gave the figure.
//! - [`events`]: claims grouped into incidents, totals without double counting.
//! - [`types`]: ACLED event type and sub-event type.

pub mod actors;
pub mod claims;
pub mod events;
pub mod lexicon;
pub mod location;
pub mod source;
pub mod types;

use claims::RawClaim;
use events::Incident;
use lexicon::Lexicon;
use sitrep_clean::Cleaned;
use sitrep_model::{Claim, ClaimKind, Document, Event, Span};
use chrono::Datelike;
use sitrep_recognize::dates::DateMention;
use sitrep_recognize::numbers::{numbers_in, Tokens};
use sitrep_recognize::actors::ActorMention;
use sitrep_resolve::places::PlaceContext;
use sitrep_resolve::{resolve, DateContext, ResolvedDate};
use sitrep_segment::Segmented;
use source::Source;
use std::ops::Range;

/// Everything the extract stage reads for one document.
pub struct Input<'a> {
    /// The document.
    pub doc: &'a Document,
    /// Clean stage output.
    pub cleaned: &'a Cleaned,
    /// Segment stage output.
    pub seg: &'a Segmented,
    /// Date mentions (recognize stage).
    pub dates: &'a [DateMention],
    /// Date context (resolve stage).
    pub ctx: &'a DateContext,
    /// Places, resolved (resolve stage).
    pub places: &'a PlaceContext,
    /// Actor mentions (recognize stage).
    pub actors: &'a [ActorMention],
}

/// What one sentence contributes.
struct SentenceInfo {
    tokens: Range<usize>,
    span: Span,
    paragraph: usize,
    claims: Vec<RawClaim>,
    date: Option<ResolvedDate>,
    separate: bool,
}

fn precision_rank(d: &ResolvedDate) -> u8 {
    d.precision as u8
}

/// The best date stated in a sentence: the most precise, the first among equals. The date of
/// a statement ("the army said in a statement on Sunday") is not the incident's.
fn sentence_date(t: &Tokens, dates: &[(Span, ResolvedDate)], span: Span) -> Option<ResolvedDate> {
    let lex = Lexicon::get();
    dates
        .iter()
        .filter(|(s, d)| span.contains(*s) && d.precision <= sitrep_model::DatePrecision::Week)
        .filter(|(s, _)| {
            let i = t.toks.partition_point(|tok| tok.span.start < s.start);
            !(i.saturating_sub(5)..i).any(|k| {
                lex.speech.contains(t.low(k))
                    || lex.procedural.contains(t.low(k))
                    || matches!(t.low(k), "statement" | "announcement" | "conference" | "briefing")
            })
        })
        // A date said of the incident itself ("the shooting happened Tuesday") beats another
        // date of the sentence ("police were looking Tuesday for two more suspects").
        .min_by_key(|(s, d)| (!said_of_incident(t, s.start), precision_rank(d), s.start))
        .map(|(_, d)| *d)
}

/// True when a date at byte `start` follows the incident's own words within a few tokens:
/// "a shooting incident last Saturday", "the attack happened on Tuesday".
fn said_of_incident(t: &Tokens, start: usize) -> bool {
    let i = t.toks.partition_point(|tok| tok.span.start < start);
    (i.saturating_sub(4)..i).any(|k| {
        matches!(
            t.low(k),
            "shooting" | "shootings" | "shootout" | "attack" | "attacks" | "bombing" | "blast" | "explosion" | "ambush"
                | "clash" | "clashes" | "stabbing" | "raid" | "happened" | "occurred" | "incident" | "gunfire"
        )
    })
}

/// True when the named person of `c` was counted as hurt in one of `claims`.
fn hurt_before(c: &RawClaim, claims: &[RawClaim]) -> bool {
    c.named.as_deref().is_some_and(|n| claims.iter().any(|e| e.kind == ClaimKind::Injured && e.named.as_deref().is_some_and(|m| events::same_person(n, m))))
}

/// Run the extract stage.
pub fn extract(input: &Input) -> Vec<Event> {
    let lex = Lexicon::get();
    let text = input.doc.text.as_str();
    let t = Tokens::new(text, input.seg);
    let resolved: Vec<(Span, ResolvedDate)> = input
        .dates
        .iter()
        .filter_map(|m| resolve(&m.expr, input.ctx).map(|d| (m.span, d)))
        .collect();

    let mut infos: Vec<SentenceInfo> = Vec::new();
    let mut last_source: Option<String> = None;
    let mut antecedents = claims::Antecedents::new();
    for (idx, s) in input.seg.sentences.iter().enumerate() {
        if s.noise {
            continue;
        }
        let nums = numbers_in(&t, s.tokens.clone());
        let mut claims = claims::claims_in_sentence(&t, lex, s.tokens.clone(), &nums, idx, &antecedents);
        claims::note_antecedents(&t, lex, &nums, s.tokens.end, &mut antecedents);
        let cues = claims::sentence_cues(&t, lex, s.tokens.clone());
        claims::apply_cues(&mut claims, cues);
        let source = match source::sentence_source(&t, lex, s.tokens.clone()) {
            Some(Source::Named(n)) => {
                last_source = Some(n.clone());
                Some(n)
            }
            Some(Source::Pronoun) => last_source.clone(),
            None => None,
        };
        for c in &mut claims {
            c.source.clone_from(&source);
        }
        // A figure of an earlier year ("more than 500 people died in 2013 from accidental
        // gunshots", in a report of 2016) is background, not this incident's.
        if let Some(report) = input.ctx.report_date {
            let earlier_year = resolved.iter().any(|(sp, d)| {
                s.span.contains(*sp) && d.precision == sitrep_model::DatePrecision::Year && d.end < report && d.end.year() < report.year()
            });
            if earlier_year {
                for c in &mut claims {
                    c.background = true;
                }
            }
        }
        infos.push(SentenceInfo {
            tokens: s.tokens.clone(),
            span: s.span,
            paragraph: s.paragraph,
            claims,
            date: sentence_date(&t, &resolved, s.span),
            separate: cues.separate,
        });
    }

    // Fallback date for an incident with no date of its own.
    let lead = input.ctx.lead_date;
    let report = input.ctx.report_date.map(|d| ResolvedDate {
        start: d,
        end: d,
        precision: sitrep_model::DatePrecision::Day,
        ambiguous: false,
    });

    // A day said of the shooting or attack anywhere in the report ("during a drive-by shooting
    // July 24, 2015"), before the report's date: a follow-up report's incident has no date in
    // the sentences that count its dead, and the report's own date would be its trial's.
    let incident_day = report.and_then(|r| {
        resolved
            .iter()
            .filter(|(_, d)| d.precision == sitrep_model::DatePrecision::Day && d.start < r.start)
            .find(|(sp, _)| said_of_incident(&t, sp.start))
            .map(|(_, d)| *d)
    });

    let mut incidents: Vec<Incident> = Vec::new();
    let mut campaign = Incident { campaign: true, ..Incident::default() };
    let mut last_date: Option<ResolvedDate> = None;
    for (k, info) in infos.iter().enumerate() {
        let (camp, inc): (Vec<RawClaim>, Vec<RawClaim>) = info.claims.iter().cloned().partition(|c| c.campaign);
        if !camp.is_empty() {
            campaign.sentences.push(k);
            campaign.claims.extend(camp);
        }
        if !inc.is_empty() {
            // A rising toll ("the death toll rose to 40") updates the incident before it, whatever
            // the date of the update.
            let update = inc.iter().all(|c| c.toll && c.cumulative);
            // "He died on Thursday", "the victim was pronounced dead": one person already
            // described dies later; the death belongs to the incident that hurt them.
            let later_death = |cur: &Incident| {
                inc.iter().all(|c| c.kind == ClaimKind::Killed && c.low == 1 && !c.perpetrators && !c.background && (c.definite || hurt_before(c, &cur.claims)))
                    && cur.claims.iter().any(|c| c.kind == ClaimKind::Injured && c.low > 0 && !c.background)
            };
            let new = match incidents.last() {
                None => true,
                Some(_) if update => false,
                Some(cur) if later_death(cur) => false,
                Some(cur) => {
                    // An incident dated only by the report's own date (a headline under a
                    // publication stamp) takes the first date its story gives, not a split.
                    let stamp_only = !cur.own_date && cur.sentences.len() <= 2 && cur.date.is_some_and(|d| report.is_some_and(|r| r.start == d.start && d.precision == sitrep_model::DatePrecision::Day));
                    info.separate
                        || match (&info.date, &cur.date) {
                            (Some(a), Some(b)) => !stamp_only && !events::compatible(a, b),
                            _ => false,
                        }
                }
            };
            if new {
                // No date of its own: the paragraph's last date, then a date in the next few
                // sentences, then any earlier date, the lead-in date, the report's date.
                let same_para_prev = infos[..k].iter().rev().take_while(|i| i.paragraph == info.paragraph).find_map(|i| i.date);
                let day = |i: &SentenceInfo| i.date.filter(|d| d.precision == sitrep_model::DatePrecision::Day);
                let next_same_para = infos[k + 1..].iter().take(3).take_while(|i| i.paragraph == info.paragraph).find_map(day);
                let next = infos[k + 1..].iter().take(3).find_map(day);
                let inherited = info
                    .date
                    .or(if incidents.is_empty() { lead } else { None })
                    .or(same_para_prev)
                    .or(next_same_para)
                    .or(last_date)
                    .or(next)
                    .or(lead)
                    .or(incident_day)
                    .or(report);
                incidents.push(Incident {
                    claims: inc,
                    sentences: vec![k],
                    date: inherited,
                    own_date: info.date.is_some(),
                    campaign: false,
                });
            } else if let Some(cur) = incidents.last_mut() {
                cur.claims.extend(inc);
                cur.sentences.push(k);
                if let Some(d) = info.date.filter(|_| !update) {
                    cur.date = Some(match cur.date {
                        Some(c) if cur.own_date => events::refine(c, d),
                        _ => d,
                    });
                    cur.own_date = true;
                }
            }
        }
        if info.date.is_some() {
            last_date = info.date;
        }
    }

    // A death of someone the incident already counts as hurt ("A man was wounded ... He died
    // Thursday") leaves the injured total, unless a death was already told before it.
    for inc in &mut incidents {
        for k in 0..inc.claims.len() {
            let c = &inc.claims[k];
            let earlier = &inc.claims[..k];
            let of_hurt = c.kind == ClaimKind::Killed
                && c.low == 1
                && !c.perpetrators
                && (c.definite || hurt_before(c, earlier))
                && earlier.iter().any(|e| e.kind == ClaimKind::Injured && e.low > 0 && !e.struck && !e.background)
                && !earlier.iter().any(|e| {
                    // "the other militant was injured": two people, one hurt and one dead.
                    e.victims_other || e.victims.and_then(|v| text.get(v.start..v.end)).is_some_and(|v| v.split_whitespace().any(|w| w.eq_ignore_ascii_case("other")))
                })
                && !earlier.iter().any(|e| e.kind == ClaimKind::Killed && e.low > 0);
            if of_hurt {
                inc.claims[k].of_hurt = true;
            }
        }
    }

    // A report whose only deaths are a running total ("clashes have claimed 17 lives in the
    // past week") reports that total as its incident's figure; it stays marked cumulative.
    let incident_killed = incidents.iter().any(|i| i.claims.iter().any(|c| c.kind == ClaimKind::Killed));
    if !incident_killed && campaign.claims.iter().any(|c| c.kind == ClaimKind::Killed) {
        let mut moved = std::mem::take(&mut campaign.claims);
        for c in &mut moved {
            c.campaign = false;
        }
        let sentences = std::mem::take(&mut campaign.sentences);
        match incidents.first_mut() {
            Some(first) => {
                first.claims.extend(moved);
                first.claims.sort_by_key(|c| (c.sentence, c.anchor));
                first.sentences.extend(sentences);
            }
            None => {
                let date = sentences.first().and_then(|&k| infos.get(k)).and_then(|i| i.date).or(lead).or(report);
                incidents.push(Incident { claims: moved, sentences, date, own_date: false, campaign: false });
            }
        }
    }
    if incidents.is_empty() {
        // No figures: the report's first described event, if its wording names one.
        let lead_sentences: Vec<usize> = (0..infos.len().min(3)).collect();
        let ranges: Vec<Range<usize>> = lead_sentences.iter().map(|&k| infos[k].tokens.clone()).collect();
        let cats = types::categories(&t, &ranges);
        // A report with no figure and no event word still describes an event when its
        // opening names who or where ("CPN-M called a strike in Kathmandu").
        let lead_end = lead_sentences.last().and_then(|&k| infos.get(k)).map_or(0, |i| i.span.end);
        let named = input.places.places.iter().any(|p| p.span.end <= lead_end)
            || input.actors.iter().any(|a| a.span.end <= lead_end);
        if !cats.is_empty() || named {
            let first_date = infos.iter().find_map(|i| i.date);
            incidents.push(Incident {
                claims: Vec::new(),
                sentences: lead_sentences,
                date: lead.or(first_date).or(report),
                own_date: false,
                campaign: false,
            });
        }
    }

    // The main incident is the first one where people were killed or hurt; incidents with
    // only arrests or abductions (follow-up reporting) come after it.
    let harmed = |inc: &Incident| inc.claims.iter().any(|c| matches!(c.kind, ClaimKind::Killed | ClaimKind::Injured) && c.low > 0 && !c.background);
    if let Some(first_harm) = incidents.iter().position(harmed) {
        if first_harm > 0 {
            let inc = incidents.remove(first_harm);
            incidents.insert(0, inc);
        }
    }
    let gaz = sitrep_gazetteer::Gazetteer::global();
    let spans: Vec<Span> = infos.iter().map(|i| i.span).collect();
    let paragraphs: Vec<usize> = infos.iter().map(|i| i.paragraph).collect();
    let place_of = |inc: &Incident| location::incident_location(gaz, input.places, &spans, &paragraphs, &inc.sentences);
    let reg = sitrep_actors::Registry::global();
    // With no place at all, the country of the actors named ("BNP activists", "Afghan
    // police"): the one most of them belong to; else the country whose administrative words
    // the report uses ("upazila").
    let actor_country = actors::actor_country(reg, input.actors).or_else(|| input.places.prior.first().map(|(c, _)| c.clone()));
    let with_place_and_actors = |inc: &Incident, main: bool| {
        let mut e = to_event(&t, &infos, inc);
        e.location = place_of(inc).or_else(|| actor_country.as_deref().and_then(|cc| location::country_location(gaz, cc)));
        let cc = e.location.as_ref().and_then(|l| l.country_code.clone()).or_else(|| input.places.main_country().map(str::to_string));
        let ctx = actors::ActorContext::new(reg, input.actors, &t, cc);
        let own: Vec<Span> = inc.sentences.iter().filter_map(|&k| spans.get(k).copied()).collect();
        let victims: Vec<actors::Victims> =
            inc.claims.iter().map(|c| (c.victims, c.source.as_deref(), c.perpetrators, c.sentence)).collect();
        let (list, sides) = ctx.incident(&own, &spans, main, &victims);
        e.actors = list;
        let crowd = crowd_words(&t, &own);
        actors::crowd_actors(reg, &mut e.actors, e.event_type.as_deref(), ctx.country_name.as_deref(), crowd);
        let admin1 = e.location.as_ref().and_then(|l| l.admin1.clone());
        actors::attribute_attack(reg, &mut e.actors, e.event_type.as_deref(), e.sub_event_type.as_deref(), ctx.country_name.as_deref(), admin1.as_deref());
        for (claim, side) in e.claims.iter_mut().zip(sides) {
            claim.side = side;
        }
        e
    };
    let mut events: Vec<Event> = incidents.iter().enumerate().map(|(k, inc)| with_place_and_actors(inc, k == 0)).collect();
    if !campaign.claims.is_empty() {
        campaign.date = None;
        events.push(with_place_and_actors(&campaign, false));
    }
    events
}

fn to_event(t: &Tokens, infos: &[SentenceInfo], inc: &Incident) -> Event {
    // Type from the incident's sentences, plus the lead sentence of its paragraph.
    let mut ranges: Vec<Range<usize>> = inc.sentences.iter().filter_map(|&k| infos.get(k)).map(|i| i.tokens.clone()).collect();
    if let Some(&first) = inc.sentences.first() {
        if first > 0 {
            if let (Some(prev), Some(cur)) = (infos.get(first - 1), infos.get(first)) {
                if prev.paragraph == cur.paragraph {
                    ranges.push(prev.tokens.clone());
                }
            }
        }
        if let Some(i0) = infos.first() {
            if inc.sentences.first() != Some(&0) && !inc.campaign {
                ranges.push(i0.tokens.clone());
            }
        }
    }
    let cats = types::categories(t, &ranges);
    let mut hints = types::VictimHints::default();
    for c in inc.claims.iter().filter(|c| matches!(c.kind, ClaimKind::Killed | ClaimKind::Injured)) {
        if c.low > 0 && !c.background {
            hints.casualties = true;
        }
        let Some(v) = c.victims.map(|s| s.slice(t.text).to_lowercase()) else { continue };
        if c.low == 0 || v.starts_with("of them") || v.starts_with("of whom") {
            continue;
        }
        if v.split(|c: char| !c.is_alphanumeric()).any(events::is_fighter_word) {
            hints.combatants = true;
        } else if ["protester", "protestor", "demonstrator"].iter().any(|w| v.contains(w)) {
            hints.protesters = true;
        } else {
            hints.civilians = true;
        }
    }
    let (event_type, sub_event_type) = if inc.campaign { (None, None) } else { types::classify(&cats, hints) };
    let claims: Vec<Claim> = inc
        .claims
        .iter()
        .map(|c| {
            let source = c.source.clone();
            Claim {
                kind: c.kind,
                low: c.low,
                high: c.high,
                qualifier: c.qualifier,
                victims: c.victims.map(|s| s.slice(t.text).to_string()).or_else(|| c.named.clone()),
                side: None,
                cumulative: c.cumulative,
                source,
                span: [c.span.start, c.span.end],
                text: c.span.slice(t.text).to_string(),
                perpetrators: c.perpetrators,
                struck: c.struck,
            }
        })
        .collect();
    let trigger = inc.sentences.first().and_then(|&k| infos.get(k)).map(|i| [i.span.start, i.span.end]);
    Event {
        event_type: event_type.map(str::to_string),
        sub_event_type: sub_event_type.map(str::to_string),
        date: inc.date.map(|d| d.to_event_date()),
        location: None,
        actors: Vec::new(),
        fatalities: events::total(&inc.claims, ClaimKind::Killed),
        injuries: events::total(&inc.claims, ClaimKind::Injured),
        claims,
        trigger,
    }
}

/// The report's word for a crowd or its act in the given sentences ("protesters",
/// "demonstrated", "rioting"), for naming the crowd actor of a protest or riot.
fn crowd_words<'t>(t: &Tokens<'t>, spans: &[Span]) -> &'t str {
    const CROWD: &[&str] = &[
        "protesters", "protestors", "demonstrators", "rioters", "mob", "crowd", "protest", "protests",
        "protested", "protesting", "demonstration", "demonstrations", "demonstrated", "rally", "rallied",
        "riot", "rioting", "riots", "strike", "sit-in", "march", "marched", "dharna", "bandh", "hartal",
        "blockade", "gherao",
    ];
    for s in spans {
        let first = t.toks.partition_point(|tok| tok.span.end <= s.start);
        let end = t.toks.partition_point(|tok| tok.span.start < s.end);
        if let Some(i) = (first..end).find(|&i| CROWD.contains(&t.low(i))) {
            return t.raw(i);
        }
    }
    "protesters"
}
