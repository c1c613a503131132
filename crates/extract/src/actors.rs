//! Who did it, to whom: event actors, claim sides, perpetrators.
//!
//! - **actor1**, the side that acted: a claim of responsibility or a suspicion anywhere in the
//!   report ("Islamic State claimed responsibility", "blamed on the Taliban", "sources
//!   attributed the attack to …", "suspected Boko Haram fighters"), else an actor named as the
//!   agent in the incident's sentences ("killed by Taliban militants", "gunmen stormed",
//!   "a Taliban suicide attack"), else the first actor named there that is not a victim.
//! - **actor2**, the target: the side of the victims of the incident's first casualty figure,
//!   else the next actor named.
//! - **side of a claim**: an actor named in its victims ("five Iraqi soldiers"), the speaker's
//!   side for "their fighters" / "our men", else, for victims with no name, the main opponent
//!   of the incident's perpetrator in the report; civilians are civilians.
//! - Generic words take a name from the report: "the jihadists" in a report about the Islamic
//!   State are the Islamic State; "pro-government forces" are the government actor the report
//!   names; generic state forces, protesters and civilians take the event's country
//!   ("Police Forces of India", "Protesters (India)").

use sitrep_actors::{ActorKind, Registry};
use sitrep_gazetteer::normalize;
use std::sync::LazyLock;
use sitrep_model::{Actor, Span};
use sitrep_recognize::actors::ActorMention;
use sitrep_recognize::numbers::Tokens;

/// Verbs and nouns that make the actor before them the attacker.
const AGENT_AFTER: &[&str] = &[
    "attacked", "attack", "attacks", "stormed", "storm", "opened", "ambushed", "ambush", "shelled", "bombed",
    "abducted", "kidnapped", "killed", "kill", "shot", "raided", "raid", "fired", "launched", "detonated",
    "targeted", "seized", "executed", "beheaded", "torched", "set", "hit", "struck", "blew", "carried",
    "massacred", "overran", "captured", "used", "planted", "hurled", "threw", "lobbed", "gunned", "hacked",
    "burned", "burnt", "looted", "besieged", "assassinated", "rammed", "bombarded", "clashed", "fought",
    "bombing", "bombings", "bomber", "bombers", "suicide", "assault", "assaults", "offensive",
    "counter-attack", "counter-attacks", "counterattack", "counterattacks", "shelling", "airstrike",
    "airstrikes", "strike", "strikes", "gunmen", "militants", "fighters", "insurgents", "jihadists",
    "rocket", "rockets", "mortar", "car", "truck", "drone", "abduction", "kidnapping", "massacre",
    "stabbed", "stabbing", "shooting", "raped", "razed", "invaded", "entered", "intensified", "repelled",
    "claimed", "claims",
];

/// Words between an actor and its verb that keep it the agent.
const AGENT_FILLERS: &[&str] = &["have", "has", "had", "also", "reportedly", "allegedly", "then", "later", "again", "who", "which"];

/// Words before "by X" that do not make X the attacker ("backed by air strikes").
const NOT_AGENT_BY: &[&str] = &[
    "backed", "led", "supported", "allied", "aligned", "funded", "organised", "organized", "called",
    "founded", "run", "controlled", "held", "condemned", "rejected", "denied", "trained", "armed",
    "appointed", "recognised", "recognized",
];

/// Words that mark a claim of responsibility or a suspicion in a sentence.
const RESPONSIBILITY: &[&str] = &[
    "responsibility", "blamed", "blames", "blame", "attributed", "suspected", "suspect", "suspects",
    "believed", "claimed", "perpetrated", "behind",
];

/// Victim nouns that name civilians.
const CIVILIAN_WORDS: &[&str] = &[
    "civilian", "civilians", "people", "person", "persons", "villager", "villagers", "resident", "residents",
    "passenger", "passengers", "worshipper", "worshippers", "worshiper", "worshipers", "student",
    "students", "child", "children", "woman", "women", "man", "men", "farmer", "farmers", "shopper",
    "shoppers", "pilgrim", "pilgrims", "teacher", "teachers", "tourist", "tourists", "boy", "boys", "girl",
    "girls", "family", "journalist", "journalists", "others",
];

/// A claim as the actor rules see it: victims span, source words, counts perpetrators,
/// sentence index.
pub type Victims<'s> = (Option<Span>, Option<&'s str>, bool, usize);

/// The actors of a report, and what is needed to name them.
pub struct ActorContext<'a> {
    /// The registry.
    pub reg: &'a Registry,
    /// Every actor mention in the report.
    pub mentions: &'a [ActorMention],
    /// Token view.
    pub t: &'a Tokens<'a>,
    /// The event's country (alpha-2 code or name), for generic actors.
    pub country_name: Option<String>,
    /// [`Self::principal`], computed once.
    principal_cache: std::cell::OnceCell<Vec<(String, usize, u8)>>,
}

/// A named actor, resolved: canonical name and the words.
#[derive(Clone, Debug, PartialEq)]
pub struct Named {
    /// Canonical name.
    pub canonical: String,
    /// The words in the report.
    pub text: String,
    /// Registry kind.
    pub kind: ActorKind,
    /// ACLED actor type (1–8).
    pub acled_type: u8,
    /// True when the words say it was hit ("a Kenyan army convoy was targeted").
    pub patient: bool,
}

impl<'a> ActorContext<'a> {
    fn text(&self, m: &ActorMention) -> &'a str {
        m.span.slice(self.t.text)
    }

    /// Build the context for one event.
    pub fn new(reg: &'a Registry, mentions: &'a [ActorMention], t: &'a Tokens<'a>, country_name: Option<String>) -> Self {
        ActorContext { reg, mentions, t, country_name, principal_cache: std::cell::OnceCell::new() }
    }

    /// The non-generic actors of the report, most mentioned first (ties: first mentioned).
    fn principal(&self) -> Vec<(String, usize, u8)> {
        self.principal_cache.get_or_init(|| self.count_principal()).clone()
    }

    fn count_principal(&self) -> Vec<(String, usize, u8)> {
        let mut counts: Vec<(String, usize, u8, usize)> = Vec::new();
        for (k, m) in self.mentions.iter().enumerate() {
            let a = self.reg.actor(m.actor);
            if a.kind == ActorKind::Generic {
                continue;
            }
            let name = self.reg.canonical_in(m.actor, self.country_name.as_deref());
            match counts.iter_mut().find(|c| c.0 == name) {
                Some(c) => c.1 += 1,
                None => counts.push((name, 1, a.acled_type, k)),
            }
        }
        counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.3.cmp(&b.3)));
        counts.into_iter().map(|(n, c, t, _)| (n, c, t)).collect()
    }

    /// Name a mention: generic words take the report's named actor of the same family.
    pub fn name(&self, m: &ActorMention) -> Named {
        let mut n = self.name_id(m.actor, self.text(m));
        n.patient = self.is_patient(m);
        n
    }

    /// [`Self::name`] for a registry entry and the words that named it.
    pub fn name_id(&self, id: sitrep_actors::ActorId, words: &str) -> Named {
        let a = self.reg.actor(id);
        let text = words.to_string();
        if a.kind == ActorKind::Generic {
            let low = text.to_lowercase();
            let principal = self.principal();
            // "pro-government forces", "government forces", "loyalist forces" → the named
            // state actor; "the jihadists", "militants" → the named armed group.
            let want_state = a.acled_type == 1 && (low.contains("government") || low.contains("loyalist"));
            let want_group = matches!(a.acled_type, 2 | 3)
                && ["jihadist", "militant", "insurgent", "extremist", "terrorist", "rebel", "islamist"].iter().any(|w| low.contains(w))
                && !low.contains("unidentified")
                && !low.contains("unknown");
            let pick = principal.iter().find(|(_, _, t)| (want_state && *t == 1) || (want_group && matches!(*t, 2 | 3)));
            if let Some((name, _, t)) = pick {
                return Named { canonical: name.clone(), text, kind: ActorKind::Group, acled_type: *t, patient: false };
            }
        }
        Named {
            canonical: self.reg.canonical_in(id, self.country_name.as_deref()),
            text,
            kind: a.kind,
            acled_type: a.acled_type,
            patient: false,
        }
    }

    fn in_span(&self, s: Span) -> impl Iterator<Item = &'a ActorMention> + '_ {
        self.mentions.iter().filter(move |m| s.contains(m.span))
    }

    /// The actor named as the attacker in a sentence, if any.
    fn agent_in(&self, span: Span, victims: &[Span]) -> Option<&'a ActorMention> {
        let t = self.t;
        self.in_span(span).filter(|m| !victims.iter().any(|v| v.contains(m.span))).find(|m| {
            // "... by X"
            let by = m.first_token >= 1 && t.low(m.first_token - 1) == "by" && {
                let before = if m.first_token >= 2 { t.low(m.first_token - 2) } else { "" };
                !NOT_AGENT_BY.contains(&before)
            };
            // "by the X", "by suspected X"
            let by_det = m.first_token >= 2
                && matches!(t.low(m.first_token - 1), "the" | "suspected" | "alleged" | "an" | "a")
                && t.low(m.first_token - 2) == "by";
            // "X attacked", "X have stormed", "a Taliban suicide attack"
            let mut k = m.end_token;
            while k < m.end_token + 3 && AGENT_FILLERS.contains(&t.low(k)) {
                k += 1;
            }
            let subject = AGENT_AFTER.contains(&t.low(k));
            (by || by_det || subject) && !self.is_patient(m)
        })
    }

    /// The first group the registry does not know that the given sentences introduce as one,
    /// and that is no known actor's or place's name.
    fn unknown_attacker(&self, own: &[Span], more: &[Span]) -> Option<Named> {
        let t = self.t;
        let cued = |first: usize, end: usize| (first..end).any(|i| RESPONSIBILITY.contains(&t.low(i)));
        for (k, &s) in own.iter().chain(more).enumerate() {
            let first = t.toks.partition_point(|tok| tok.span.end <= s.start);
            let end = t.toks.partition_point(|tok| tok.span.start < s.end);
            // Beyond the incident's own sentences, only claims of responsibility and suspicions.
            if k >= own.len() && !cued(first, end) {
                continue;
            }
            for r in unknown_groups(t, first, end) {
                let span = Span { start: t.toks[r.start].span.start, end: t.toks[r.end - 1].span.end };
                if self.mentions.iter().any(|m| m.span.start < span.end && span.start < m.span.end) {
                    continue;
                }
                let words: Vec<&str> = (r.start..r.end).map(|i| t.low(i)).collect();
                if words.iter().any(|w| INSTITUTIONS.contains(w)) {
                    continue;
                }
                // A place or a nationality ("Yala", "Malian Mopti", "Thai") is not a group; a
                // name with a group's word after one is ("Armenian Revolutionary Army").
                let gaz = sitrep_gazetteer::Gazetteer::global();
                let raw = span.slice(t.text);
                let places = gaz.find(raw);
                let headed = words.len() >= 2 && words.iter().skip(1).any(|w| GROUP_HEADS.contains(w));
                if places.iter().any(|p| p.start == 0 && (p.end >= raw.len() || !headed)) || gaz.country_by_name(raw).is_some() {
                    continue;
                }
                let mut text = raw.trim_start_matches("The ").to_string();
                if let Some(stripped) = text.strip_suffix(" group") {
                    text = stripped.to_string();
                }
                return Some(Named { canonical: text.clone(), text, kind: ActorKind::Group, acled_type: 2, patient: false });
            }
        }
        None
    }

    /// True when the actor is what was hit: "a Kenyan army convoy was targeted", "Afghan
    /// police were attacked".
    fn is_patient(&self, m: &ActorMention) -> bool {
        let t = self.t;
        // "opened fire on a MINUSMA vehicle", "an attack targeting Afghan police"
        let before = |n: usize| if m.first_token >= n { t.low(m.first_token - n) } else { "" };
        let object = |w: &str| matches!(w, "on" | "targeting" | "targeted" | "against" | "attacked" | "ambushed" | "at");
        if object(before(1)) || (matches!(before(1), "a" | "an" | "the") && object(before(2))) {
            return true;
        }
        (m.end_token..m.end_token + 4).any(|k| {
            matches!(t.low(k), "was" | "were" | "had" | "has" | "have")
                && matches!(
                    t.low(k + 1),
                    "targeted" | "attacked" | "ambushed" | "hit" | "struck" | "killed" | "injured" | "wounded" | "shot" | "bombed" | "been"
                )
        })
    }

    /// The actor a claim of responsibility or suspicion names, anywhere in the given spans.
    fn responsible_in(&self, spans: &[Span]) -> Option<&'a ActorMention> {
        let t = self.t;
        for &s in spans {
            let first = t.toks.partition_point(|tok| tok.span.end <= s.start);
            let end = t.toks.partition_point(|tok| tok.span.start < s.end);
            let words: Vec<&str> = (first..end).map(|i| t.low(i)).collect();
            if !words.iter().any(|w| RESPONSIBILITY.contains(w)) {
                continue;
            }
            if words.iter().any(|w| matches!(*w, "denied" | "denies" | "deny" | "rejected")) {
                continue;
            }
            // "... claimed responsibility": the claimant is a named (non-generic) actor, the
            // one nearest before the cue ("Al Qaeda's Sahel affiliate JNIM claimed"), else the
            // first after it ("blamed on the Taliban").
            let cue = (first..end).find(|&i| RESPONSIBILITY.contains(&t.low(i))).unwrap_or(first);
            let named: Vec<&ActorMention> = self.in_span(s).filter(|m| self.reg.actor(m.actor).kind != ActorKind::Generic).collect();
            if let Some(m) = named.iter().rev().find(|m| m.end_token <= cue).or_else(|| named.iter().find(|m| m.first_token >= cue)) {
                return Some(m);
            }
        }
        None
    }

    /// The actors of an incident, and the side of each of its claims.
    ///
    /// `own` are the incident's sentence spans (first = trigger); `all` every sentence span
    /// of the report; `responsibility` says whether the report's claims of responsibility
    /// apply to this incident (the main one); `victims` the victims span and source text of
    /// each claim.
    pub fn incident(&self, own: &[Span], all: &[Span], responsibility: bool, victims: &[Victims]) -> (Vec<Actor>, Vec<Option<String>>) {
        let casualties = !victims.is_empty();
        let mut inferred = false;
        let mut actor1: Option<Named>;
        let claimed = self.responsible_in(own).or_else(|| if responsibility { self.responsible_in(all) } else { None });
        actor1 = claimed.map(|m| self.name(m));
        if actor1.is_none() {
            let victim_spans: Vec<Span> = victims.iter().filter_map(|v| v.0).collect();
            actor1 = own.iter().find_map(|&s| self.agent_in(s, &victim_spans)).map(|m| self.name(m));
        }
        // A group the registry does not know, introduced as one ("members of the Japanese Red
        // Army", "Montoneros guerrillas", "X claimed responsibility").
        if actor1.as_ref().is_none_or(|a| a.kind == ActorKind::Generic) {
            if let Some(n) = self.unknown_attacker(own, if responsibility { all } else { &[] }) {
                actor1 = Some(n);
            }
        }
        let principal = self.principal();
        // An attack with no named attacker in a report about one armed group ("Suicide car
        // bombs are the enemy's deadliest weapon. This one left 12 fighters dead"): the
        // report's principal non-state armed group, when it is named at least twice.
        if actor1.is_none() && casualties {
            if let Some((name, count, t)) = principal.first() {
                let party = self.reg.lookup(name).is_some_and(|id| self.reg.is_party(id));
                if *count >= 2 && matches!(*t, 2 | 3) && !party {
                    // The words the report names it with (its first mention).
                    let text = self
                        .mentions
                        .iter()
                        .find(|m| self.reg.canonical_in(m.actor, self.country_name.as_deref()) == *name)
                        .map_or_else(|| plain_name(name).to_string(), |m| self.text(m).to_string());
                    actor1 = Some(Named { canonical: name.clone(), text, kind: ActorKind::Group, acled_type: *t, patient: false });
                    inferred = true;
                }
            }
        }
        let opponent = |of: &Option<Named>| -> Option<String> {
            let a = of.as_ref()?;
            // Not the attacker itself, nor its parent or affiliate (the ADF and the Islamic State).
            let root = |mut id: sitrep_actors::ActorId| {
                for _ in 0..4 {
                    match self.reg.parent(id) {
                        Some(p) => id = p,
                        None => break,
                    }
                }
                id
            };
            let family = |n: &str| -> bool {
                match (self.reg.lookup(n), self.reg.lookup(&a.canonical)) {
                    (Some(x), Some(y)) => root(x) == root(y),
                    _ => false,
                }
            };
            let others: Vec<&(String, usize, u8)> = principal.iter().filter(|(n, _, _)| *n != a.canonical && !family(n)).collect();
            match others.as_slice() {
                [only] => Some(only.0.clone()),
                [first, ..] if first.1 >= 2 => Some(first.0.clone()),
                _ => None,
            }
        };
        let civilians = self.reg.lookup("civilians").map(|id| self.reg.canonical_in(id, self.country_name.as_deref()));
        let side_of = |&(span, source, perpetrators, _): &Victims| -> Option<String> {
            if perpetrators {
                return actor1.as_ref().map(|a| a.canonical.clone());
            }
            let v = span?;
            let words = v.slice(self.t.text).to_lowercase();
            let mut it = words.split_whitespace();
            let mut first = it.next().unwrap_or("");
            if first == "of" {
                first = it.next().unwrap_or("");
            }
            // "their fighters", "five of our men": the speaker's side.
            if matches!(first, "their" | "its" | "our") {
                if let Some(sm) = source.and_then(|src| self.reg.find(src).into_iter().next().map(|m| (src, m))) {
                    let (src, m) = sm;
                    let words = src.get(m.start..m.end).unwrap_or(src);
                    return Some(self.name_id(m.actor, words).canonical);
                }
            }
            // "pro-government fighters", "loyalist troops": the government side the report names.
            if words.contains("government") || words.contains("loyalist") {
                if let Some((name, _, _)) = self.principal().into_iter().find(|(_, _, t)| *t == 1) {
                    return Some(name);
                }
            }
            if let Some(m) = self.in_span(v).next() {
                let n = self.name(m);
                // Plain "fighters" or "gunmen" say nothing of the side: left to the rules below.
                let unnamed = n.kind == ActorKind::Generic && matches!(n.acled_type, 2 | 3);
                if !unnamed {
                    return Some(n.canonical);
                }
            }
            if words.split(|c: char| !c.is_alphanumeric()).any(|w| CIVILIAN_WORDS.contains(&w)) {
                return civilians.clone();
            }
            None
        };
        let mut sides: Vec<Option<String>> = Vec::with_capacity(victims.len());
        for (k, v) in victims.iter().enumerate() {
            let mut side = side_of(v);
            // "five of their fighters were killed and 20 wounded": a figure with no victims of
            // its own shares the side of the figure before it in the sentence.
            if side.is_none() && v.0.is_none() && k > 0 && victims[k - 1].3 == v.3 {
                side = sides[k - 1].clone();
            }
            if side.is_none() && !v.2 {
                side = opponent(&actor1);
            }
            sides.push(side);
        }
        let mut actors: Vec<Actor> = Vec::new();
        if let Some(a) = &actor1 {
            actors.push(Actor { role: "actor1".into(), text: a.text.clone(), canonical: Some(a.canonical.clone()), inferred });
        }
        let target = sides.iter().flatten().find(|s| actor1.as_ref().is_none_or(|a| &a.canonical != *s)).cloned();
        // Words for the target: its first mention in the incident, else in the report.
        let mut named_in_incident: Vec<Named> = Vec::new();
        for &s in own {
            for m in self.in_span(s) {
                let n = self.name(m);
                if !named_in_incident.iter().any(|x| x.canonical == n.canonical) {
                    named_in_incident.push(n);
                }
            }
        }
        if let Some(target) = target {
            let text = named_in_incident
                .iter()
                .find(|n| n.canonical == target)
                .map(|n| n.text.clone())
                .or_else(|| self.mentions.iter().map(|m| self.name(m)).find(|n| n.canonical == target).map(|n| n.text))
                .unwrap_or_else(|| target.clone());
            actors.push(Actor { role: "actor2".into(), text, canonical: Some(target), inferred: false });
        }
        // The main incident also takes the named groups the rest of the report ties to it
        // ("the woman had pledged allegiance to the Islamic State"), as associated actors.
        if responsibility {
            for m in self.mentions {
                if self.reg.actor(m.actor).kind == ActorKind::Group && named_in_incident.len() < 6 {
                    let n = self.name(m);
                    if !named_in_incident.iter().any(|x| x.canonical == n.canonical) {
                        named_in_incident.push(n);
                    }
                }
            }
        }
        let victim_sides: Vec<String> = sides.iter().flatten().cloned().collect();
        for n in named_in_incident {
            if actors.iter().any(|a| a.canonical.as_deref() == Some(n.canonical.as_str())) {
                continue;
            }
            // Civilians and what was hit are never the side that acted.
            let role = match actors.len() {
                0 if !n.patient && n.acled_type != 7 && victim_sides.iter().all(|v| *v != n.canonical) => "actor1",
                1 if actors[0].role == "actor1" => "actor2",
                _ => "associated",
            };
            actors.push(Actor { role: role.into(), text: n.text, canonical: Some(n.canonical), inferred: false });
        }
        (actors, sides)
    }
}

/// The country most of the named actors belong to (see
/// [`sitrep_recognize::actors::country_votes`]).
pub fn actor_country(reg: &Registry, mentions: &[ActorMention]) -> Option<String> {
    sitrep_recognize::actors::country_votes(reg, mentions).into_iter().next().map(|(c, _)| c)
}

/// Protests and riots: ACLED's actor1 is the crowd itself ("Protesters (India)", "Rioters
/// (Bangladesh)"), whoever organised it (a party, a union, "farmers") is associated, and the
/// target of the demand is not an actor. `words` are the report's words for the crowd or the
/// act ("demonstrators", "protested"). Other event types are left as they are.
pub fn crowd_actors(reg: &Registry, actors: &mut Vec<Actor>, event_type: Option<&str>, country: Option<&str>, words: &str) {
    let key = match event_type {
        Some("Protests") => "protesters",
        Some("Riots") => "rioters",
        _ => return,
    };
    let Some(id) = reg.lookup(key) else { return };
    let canonical = reg.canonical_in(id, country);
    let crowd_type = reg.actor(id).acled_type;
    let mut rest: Vec<Actor> = Vec::new();
    for a in actors.drain(..) {
        let canon = a.canonical.as_deref().and_then(|c| reg.lookup(c)).map(|i| reg.actor(i));
        // Crowds of the same kind merge into actor1; state forces stay the counterpart
        // (police who intervened); a government that was only the target of demands goes.
        match canon {
            Some(x) if x.acled_type == crowd_type && x.kind == ActorKind::Generic => continue,
            Some(x) if x.acled_type == 1 && a.canonical.as_deref().is_some_and(|c| c.starts_with("Government")) => continue,
            _ => rest.push(a),
        }
    }
    actors.push(Actor { role: "actor1".into(), text: words.to_string(), canonical: Some(canonical), inferred: false });
    let mut second = false;
    for mut a in rest {
        let is_state = a.canonical.as_deref().and_then(|c| reg.lookup(c)).is_some_and(|i| reg.actor(i).acled_type == 1);
        a.role = if is_state && !second {
            second = true;
            "actor2".into()
        } else {
            "associated".into()
        };
        actors.push(a);
    }
}

/// One row of `data/attribution.tsv`.
struct Attribution {
    country: String,
    regions: Vec<String>,
    group: String,
}

static ATTRIBUTION: LazyLock<Vec<Attribution>> = LazyLock::new(|| {
    sitrep_model::table::entries(include_str!("../data/attribution.tsv"))
        .filter_map(|line| {
            let mut f = line.split('\t');
            let country = f.next()?.trim().to_string();
            let regions = f.next()?.split('|').map(str::trim).filter(|r| !r.is_empty()).map(normalize).collect();
            let group = f.next()?.trim().to_string();
            (!group.is_empty()).then_some(Attribution { country, regions, group })
        })
        .collect()
});

/// The group most attacks in a country (and first-level region) are attributed to, from
/// `data/attribution.tsv`; a row for the region wins over the country's row.
pub fn likely_perpetrator(country: &str, admin1: Option<&str>) -> Option<&'static str> {
    let region = admin1.map(normalize);
    let rows = ATTRIBUTION.iter().filter(|a| a.country == country);
    let mut fallback = None;
    for a in rows {
        if a.regions.is_empty() {
            fallback = fallback.or(Some(a.group.as_str()));
        } else if region.as_deref().is_some_and(|r| a.regions.iter().any(|x| r.contains(x.as_str()) || x.contains(r))) {
            return Some(a.group.as_str());
        }
    }
    fallback
}

/// An attack whose attacker is unnamed ("a roadside bomb killed two soldiers") or generic
/// ("gunmen", "militants"): actor1 is ACLED's unidentified armed group of the country, and
/// the group that dominates violence where it happened (see [`likely_perpetrator`]) is added
/// as an associated actor, both marked `inferred`. Air strikes and shelling are left alone
/// (their attacker is a state the report usually names), as are attacks with a named attacker.
pub fn attribute_attack(
    reg: &Registry,
    actors: &mut Vec<Actor>,
    event_type: Option<&str>,
    sub_event_type: Option<&str>,
    country: Option<&str>,
    admin1: Option<&str>,
) {
    let attack = match event_type {
        Some("Explosions/Remote violence") => !matches!(sub_event_type, Some("Air/drone strike") | Some("Shelling/artillery/missile attack")),
        Some("Violence against civilians") => true,
        // Unnamed gunmen attacking a patrol is coded a battle; the attacker is as unknown.
        Some("Battles") => {
            let unidentified = |a: &Actor| a.canonical.as_deref().is_some_and(|c| c.starts_with("Unidentified Armed Group"));
            actors.iter().any(|a| a.role == "actor1" && unidentified(a))
                || (!actors.iter().any(|a| a.role == "actor1") && actors.iter().any(unidentified))
        }
        _ => false,
    };
    if !attack {
        return;
    }
    let generic_or_none = match actors.iter().find(|a| a.role == "actor1") {
        None => true,
        Some(a) => a.canonical.as_deref().is_some_and(|c| c.starts_with("Unidentified Armed Group")),
    };
    if !generic_or_none {
        return;
    }
    if !actors.iter().any(|a| a.role == "actor1") {
        if let Some(id) = reg.lookup("gunmen") {
            let canonical = reg.canonical_in(id, country);
            actors.insert(0, Actor { role: "actor1".into(), text: canonical.clone(), canonical: Some(canonical), inferred: true });
        }
    }
    let Some(cc) = country else { return };
    let Some(group) = likely_perpetrator(cc, admin1) else { return };
    if actors.iter().any(|a| a.canonical.as_deref() == Some(group)) {
        return;
    }
    actors.push(Actor { role: "associated".into(), text: plain_name(group).to_string(), canonical: Some(group.to_string()), inferred: true });
}

/// A canonical name without ACLED's acronym prefix ("BRN: Barisan Revolusi Nasional" →
/// "Barisan Revolusi Nasional"), for the words of an actor the report does not name.
pub fn plain_name(canonical: &str) -> &str {
    match canonical.split_once(": ") {
        Some((acronym, rest)) if !acronym.contains(' ') && acronym.chars().any(|c| c.is_ascii_uppercase()) => rest,
        _ => canonical,
    }
}

/// Words that end or make up the name of an armed group or movement.
const GROUP_HEADS: &[&str] = &[
    "army", "front", "brigade", "brigades", "movement", "organization", "organisation", "forces", "group",
    "council", "commando", "commandos", "cells", "battalion", "liberation", "revolutionary", "jihad",
    "mujahideen", "mujahidin", "jamaat", "lashkar", "jaish", "tehrik", "harakat", "ansar", "katiba",
    "resistance", "militia", "tigers", "guerrilla", "guerrillas", "faction", "vanguard", "legion",
    // Spanish, Portuguese and French names ("Autodefensas Unidas de Colombia", "Frente Patriótico").
    "autodefensas", "frente", "ejército", "ejercito", "exército", "fuerzas", "movimiento", "brigada", "brigadas",
    "comando", "armée", "mouvement",
];

/// Words of institutions, places of worship and buildings: a name with one is not an armed
/// group ("National Directorate of Security", "Sacred Heart Cathedral").
const INSTITUTIONS: &[&str] = &[
    "ministry", "council", "committee", "directorate", "union", "cathedral", "church", "mosque", "temple",
    "school", "university", "college", "hospital", "embassy", "department", "station", "gate", "bank",
    "company", "corporation", "agency", "office", "court", "parliament", "assembly", "government",
    "police", "commission", "authority", "service", "services", "institute", "hotel", "market", "airport",
    "road", "street", "square", "bridge", "camp", "province", "district", "region", "state", "city",
    "nations", "cross", "crescent", "news", "television", "radio", "times", "post", "press",
];

/// Nouns after a name that make it a group of fighters ("Montoneros guerrillas").
const FIGHTER_NOUNS: &[&str] =
    &["guerrillas", "guerrilla", "militants", "rebels", "fighters", "insurgents", "gunmen", "cadres", "members"];

/// Particles allowed inside a group's name ("Army of the Righteous", "Brigada de Acción").
const NAME_PARTICLES: &[&str] = &["of", "the", "for", "de", "del", "la", "el", "al", "and", "des", "du", "y", "e", "i"];

/// Names of groups the registry does not know, read from how the report introduces them:
/// "members of the Japanese Red Army", "the group Black September", "Montoneros guerrillas",
/// "X claimed responsibility". Returns the token range of each name.
pub fn unknown_groups(t: &Tokens, first: usize, end: usize) -> Vec<std::ops::Range<usize>> {
    let cap = |i: usize| t.raw(i).chars().next().is_some_and(char::is_uppercase);
    let mut out = Vec::new();
    let mut i = first;
    while i < end {
        if !cap(i) || !t.raw(i).chars().any(char::is_alphabetic) {
            i += 1;
            continue;
        }
        // A run of capitalised words, particles inside.
        let start = i;
        let mut j = i + 1;
        while j < end && (cap(j) || (NAME_PARTICLES.contains(&t.low(j)) && j + 1 < end && cap(j + 1))) {
            j += 1;
        }
        // "Communist Party of Nepal-Maoists": a hyphen between capitalised words is inside.
        while t.raw(j) == "-" && j + 1 < end && cap(j + 1) && t.touching(j) && t.touching(j + 1) {
            j += 2;
            while j < end && cap(j) {
                j += 1;
            }
        }
        // Glued to what follows by a hyphen ("US-backed"): not a name.
        if t.raw(j) == "-" {
            i = j + 1;
            continue;
        }
        let words = j - start;
        let low = |k: usize| t.low(k);
        let headed = (start..j).any(|k| GROUP_HEADS.contains(&low(k)));
        let before = |n: usize| if start >= n { low(start - n) } else { "" };
        // "members of (the) X", "militants belonging to the X", "the group X", "a group called X".
        let member = |w: &str| matches!(w, "members" | "member" | "militants" | "fighters" | "belonging" | "cadres" | "gunmen" | "operatives");
        let introduced = (matches!(before(1), "of" | "to") && member(before(2)))
            || (before(1) == "the" && matches!(before(2), "of" | "to") && member(before(3)))
            || (before(1) == "group" && before(2) == "the")
            || (before(1) == "called" && before(2) == "group");
        // "the Qoriyoley district": a place's name before its noun.
        if matches!(low(j), "district" | "province" | "region" | "state" | "county" | "village" | "town" | "city" | "area") {
            i = j;
            continue;
        }
        let followed = FIGHTER_NOUNS.contains(&low(j)) || matches!(low(j), "claimed" | "claims");
        let sentence_initial = start == first;
        let plausible = (words >= 2 && headed) || introduced || (followed && !(sentence_initial && words == 1));
        if plausible && !(words == 1 && sentence_initial && !followed) {
            out.push(start..j);
        }
        i = j;
    }
    out
}
