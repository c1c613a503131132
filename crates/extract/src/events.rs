//! From the claims of each sentence to incidents with totals, dates and types.
//!
//! - Claims are grouped into incidents in text order. A sentence starts a new incident when
//!   it says so ("in a separate attack", "meanwhile") or when its own date cannot be the
//!   current incident's date.
//! - Running totals over a campaign ("has so far left 145 dead") are kept out of incident
//!   totals and go into an event of their own, after the incidents.
//! - Totals sum distinct victim groups and do not double-count restatements: within one
//!   sentence, groups add up (unless one figure is the sum of the others, a breakdown);
//!   across sentences, the largest figure stands for the incident, plus figures marked as
//!   additional ("another", "also"); named individuals are counted once each, and the
//!   total is at least their number. Perpetrators are counted apart and added.

use crate::claims::RawClaim;
use sitrep_model::{ClaimKind, Toll};
use sitrep_resolve::ResolvedDate;

/// One incident under construction.
#[derive(Clone, Debug, Default)]
pub struct Incident {
    /// Its claims, in text order.
    pub claims: Vec<RawClaim>,
    /// Sentences that describe it.
    pub sentences: Vec<usize>,
    /// Its date.
    pub date: Option<ResolvedDate>,
    /// True when the date was stated in one of its own sentences.
    pub own_date: bool,
    /// True for the running totals of a campaign.
    pub campaign: bool,
}

/// True when two resolved dates can describe the same day.
pub fn compatible(a: &ResolvedDate, b: &ResolvedDate) -> bool {
    a.start <= b.end && b.start <= a.end
}

/// The more precise of two compatible dates.
pub fn refine(a: ResolvedDate, b: ResolvedDate) -> ResolvedDate {
    if b.precision < a.precision {
        b
    } else {
        a
    }
}

/// True when two names can be the same person: one is a single word of the other
/// ("Padgett" / "Malik Padgett"), or they share their first word ("Malik Padgett" /
/// "Malik Birshon Padgett"), or one's words are all in the other. Family members who share
/// a surname but not a first name stay apart.
pub fn same_person(a: &str, b: &str) -> bool {
    let wa: Vec<&str> = a.split_whitespace().collect();
    let wb: Vec<&str> = b.split_whitespace().collect();
    if wa.is_empty() || wb.is_empty() {
        return false;
    }
    if wa.len() == 1 && wb.contains(&wa[0]) || wb.len() == 1 && wa.contains(&wb[0]) {
        return true;
    }
    wa[0] == wb[0] || wa.iter().all(|w| wb.contains(w)) || wb.iter().all(|w| wa.contains(w))
}

/// Names seen so far, each person once.
#[derive(Default)]
struct People<'a> {
    names: Vec<&'a str>,
}

impl<'a> People<'a> {
    /// Record a name; false when the person was already counted.
    fn insert(&mut self, name: &'a str) -> bool {
        if self.names.iter().any(|n| same_person(n, name)) {
            return false;
        }
        self.names.push(name);
        true
    }
    fn len(&self) -> usize {
        self.names.len()
    }
}

/// Which side a victim noun names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Group {
    Combatant,
    Civilian,
    Unknown,
}

/// Stems of words for fighters, soldiers and police: the one list for telling combatant
/// victims from civilians (event totals here, ACLED event types in `to_event`).
pub(crate) const FIGHTER_STEMS: &[&str] = &[
    "soldier", "troop", "fighter", "militant", "insurgent", "rebel", "police", "officer", "jihadist", "gunm", "terrorist",
    "guard", "militia", "commander", "cadre", "bomber", "attacker", "assailant", "jawan", "constable", "personnel", "marine",
    "commando", "force", "taliban", "army", "security",
];

/// A lowercase word for fighters, soldiers or police ("policemen", "taliban", "militiamen").
/// Callers pass lowercase text (token `low` forms, lowercased victim phrases).
pub(crate) fn is_fighter_word(w: &str) -> bool {
    FIGHTER_STEMS.iter().any(|f| w.starts_with(f))
}

fn head_group(h: &str) -> Group {
    const CIVILIANS: &[&str] = &["civilian", "villager", "resident", "child", "women", "woman", "student", "pupil", "worshipper", "farmer", "passenger", "trader", "worker", "teacher", "journalist", "boy", "girl"];
    if is_fighter_word(h) {
        Group::Combatant
    } else if CIVILIANS.iter().any(|f| h.starts_with(f)) {
        Group::Civilian
    } else {
        Group::Unknown
    }
}

/// A figure as (low, high) where high may be open.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Fig {
    low: u64,
    high: Option<u64>,
}

impl Fig {
    fn of(c: &RawClaim) -> Fig {
        Fig { low: c.low, high: c.high }
    }
    fn add(self, o: Fig) -> Fig {
        Fig { low: self.low.saturating_add(o.low), high: self.high.zip(o.high).map(|(a, b)| a.saturating_add(b)) }
    }
    fn max(self, o: Fig) -> Fig {
        if o.low > self.low || (o.low == self.low && o.high.is_none()) {
            o
        } else {
            self
        }
    }
}

fn group_total(claims: &[&RawClaim], all: &[RawClaim]) -> Option<Fig> {
    if claims.is_empty() {
        return None;
    }
    // "A tribal elder was killed ... The blast killed four others": "others", "other people",
    // "more" after an earlier figure of the same kind are more people.
    let owned: Vec<RawClaim> = claims
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let mut c = (*c).clone();
            let other = c.head.as_deref() == Some("others") || c.head.as_deref() == Some("more") || c.victims_other;
            // Also within one sentence, after a figure of the same kind: "three people died and
            // three other people were killed in the clashes that followed".
            let before = |p: &&RawClaim| p.sentence < c.sentence || (p.sentence == c.sentence && p.kind == c.kind && p.anchor < c.anchor && !p.subset);
            if other && !c.additive && claims[..i].iter().any(before) {
                c.additive = true;
            }
            c
        })
        .collect();
    let claims: Vec<&RawClaim> = owned.iter().collect();
    let claims = &claims[..];
    let zero = Fig { low: 0, high: Some(0) };
    // Sentence sums. An "additional" figure in a sentence that has a base figure adds to it
    // there ("seven were killed at the scene and two more died later").
    let mut sentences: Vec<usize> = claims.iter().map(|c| c.sentence).collect();
    sentences.dedup();
    let mut best: Option<Fig> = None;
    let mut carried = zero; // additive figures in sentences of their own
    let mut names_seen = People::default();
    for s in sentences {
        let in_s: Vec<&&RawClaim> = claims.iter().filter(|c| c.sentence == s).collect();
        let has_base = in_s.iter().any(|c| !c.additive && !c.toll);
        // "Three people are dead and four more are injured": "more" counts beyond the dead of
        // the same sentence, not beyond earlier injured.
        let after_other_kind = |c: &RawClaim| all.iter().any(|o| o.sentence == c.sentence && o.kind != c.kind && o.anchor < c.anchor);
        let mut sum = zero;
        let mut max = zero;
        let mut n = 0;
        // The same group given twice in one sentence (two sources, or a restatement) counts once;
        // figures with no noun of their own are alternatives for one group ("thirty-eight were
        // killed, but the toll could be closer to 50").
        let mut heads: Vec<(&str, Fig)> = Vec::new();
        for c in in_s.iter().filter(|c| !c.toll) {
            let bare = c.head.is_none() && c.named.is_none() && c.low > 1 && !c.additive;
            // ("three people died and three other people were killed": more of them, not the same.)
            if let Some(h) = c.head.as_deref().or(bare.then_some("")).filter(|_| !c.additive) {
                if let Some(slot) = heads.iter_mut().find(|(x, _)| *x == h) {
                    let bigger = slot.1.max(Fig::of(c));
                    if bigger != slot.1 {
                        sum = Fig { low: sum.low - slot.1.low + bigger.low, high: sum.high.zip(bigger.high).zip(slot.1.high).map(|((s, b), o)| s - o + b) };
                        max = max.max(bigger);
                        slot.1 = bigger;
                    }
                    continue;
                }
                heads.push((h, Fig::of(c)));
            }
            if let Some(name) = &c.named {
                if !names_seen.insert(name.as_str()) {
                    continue;
                }
            }
            if c.additive && !has_base && !c.struck && !after_other_kind(c) {
                if c.named.is_none() {
                    carried = carried.add(Fig::of(c));
                }
                continue;
            }
            sum = sum.add(Fig::of(c));
            max = max.max(Fig::of(c));
            n += 1;
        }
        if n > 0 {
            // A breakdown: one figure is the sum of the others ("five killed: three soldiers and two civilians").
            let s_fig = if n > 2 && max.low * 2 == sum.low { max } else { sum };
            best = Some(best.map_or(s_fig, |b| b.max(s_fig)));
        }
    }
    let mut total = best.unwrap_or(zero).add(carried);
    // Different groups in different sentences ("One villager was killed ... killing one of the
    // militants"): fighters and civilians named apart are added, not taken as restatements.
    let group = |c: &&RawClaim| c.head.as_deref().map(head_group).unwrap_or(Group::Unknown);
    let combatants: Vec<&&RawClaim> = claims.iter().filter(|c| group(c) == Group::Combatant && !c.additive && !c.toll).collect();
    let civilians: Vec<&&RawClaim> = claims.iter().filter(|c| group(c) == Group::Civilian && !c.additive && !c.toll).collect();
    let generic = claims.iter().any(|c| group(c) == Group::Unknown && !c.additive && !c.toll && c.named.is_none());
    if !generic && !combatants.is_empty() && !civilians.is_empty() {
        let sentences_apart = combatants.iter().all(|a| civilians.iter().all(|b| a.sentence != b.sentence));
        if sentences_apart {
            let cmax = combatants.iter().map(|c| Fig::of(c)).fold(zero, Fig::max);
            let vmax = civilians.iter().map(|c| Fig::of(c)).fold(zero, Fig::max);
            let both = cmax.add(vmax).add(carried);
            if both.low > total.low {
                total = both;
            }
        }
    }
    // Individuals: named people, each once. (A person introduced as "a man" again later is
    // a restatement; a new one comes with "another" or "also" and was added above.)
    let mut names = People::default();
    for c in claims.iter().filter(|c| c.low == 1 && c.high == Some(1) && !c.definite && !c.toll) {
        if let Some(n) = &c.named {
            names.insert(n.as_str());
        }
    }
    let individuals = names.len() as u64;
    if individuals > total.low {
        total = Fig { low: individuals, high: Some(individuals) };
    }
    // A stated toll for the whole incident stands unless the parts add up to more.
    if let Some(toll) = claims.iter().filter(|c| c.toll).map(|c| Fig::of(c)).reduce(Fig::max) {
        if toll.low >= total.low || best.is_none() {
            total = toll;
        }
    }
    Some(total)
}

/// Victims' total when named sources disagree ("police said nine were killed"; "the group
/// said it killed more than 30"): ACLED's rule, the most conservative source's total is the
/// best figure and the largest the high. Figures without a source count for every source.
fn competing_total(claims: &[&RawClaim], all: &[RawClaim]) -> Option<Fig> {
    // A source is known by its last word: "a military official" and "the official" are one.
    let key = |s: &str| s.rsplit(|c: char| !c.is_alphanumeric()).find(|w| !w.is_empty()).unwrap_or(s).to_lowercase();
    let mut sources: Vec<String> = Vec::new();
    for c in claims {
        if let Some(s) = c.source.as_deref() {
            let k = key(s);
            if !sources.contains(&k) {
                sources.push(k);
            }
        }
    }
    // Only a party to the fighting makes a figure a competing claim; officials, police and
    // medics reporting different parts of the toll do not.
    const BELLIGERENTS: &[&str] = &[
        "army", "military", "rebel", "militant", "group", "forces", "taliban", "shabaab", "islamic state", "isis", "isil",
        "daesh", "jihadist", "insurgent", "houthi", "huthi", "coalition", "militia", "fighters", "jnim", "boko haram", "hamas",
        "hezbollah", "pkk", "ypg", "sdf", "separatist", "the rebels", "troops",
    ];
    let belligerent = claims.iter().filter_map(|c| c.source.as_deref()).any(|s| {
        let l = s.to_lowercase();
        BELLIGERENTS.iter().any(|b| l.contains(b))
    });
    if sources.len() < 2 || !belligerent {
        return group_total(claims, all);
    }
    let totals: Vec<Fig> = sources
        .iter()
        .filter_map(|s| {
            let part: Vec<&RawClaim> = claims.iter().copied().filter(|c| c.source.as_deref().is_none_or(|x| key(x) == *s)).collect();
            group_total(&part, all)
        })
        .collect();
    let low = totals.iter().copied().min_by_key(|f| f.low)?;
    let high = totals.iter().copied().fold(low, Fig::max);
    Some(Fig { low: low.low, high: if high.low > low.low { high.high.map(|_| high.low).or(None) } else { low.high } })
}

/// The total of one kind over an incident's claims.
///
/// Injured: the stated injured, or the people struck by gunfire less those killed, whichever
/// is larger ("four people were shot, one fatally" → 3 injured).
pub fn total(claims: &[RawClaim], kind: ClaimKind) -> Option<Toll> {
    if kind == ClaimKind::Injured {
        let stated: Vec<RawClaim> = claims.iter().filter(|c| !c.struck).cloned().collect();
        // Those struck include the dead; "another man was also shot" is one more beside them.
        let struck: Vec<RawClaim> = claims.iter().filter(|c| c.struck && !c.additive).cloned().collect();
        let extra: u64 = claims.iter().filter(|c| c.struck && c.additive && c.kind == kind).map(|c| c.low).sum();
        let stated_total = kind_total(&stated, kind);
        let struck_total = kind_total(&struck, kind);
        // The shooter's own death is not among those he shot.
        let victims_killed: Vec<RawClaim> = claims.iter().filter(|c| !c.perpetrators && !c.earlier && !c.background).cloned().collect();
        let killed = kind_total(&victims_killed, ClaimKind::Killed).map_or(0, |t| t.best);
        let derived = match struck_total {
            Some(t) => {
                let n = t.low.saturating_sub(killed) + extra;
                Some(Toll { low: n, high: t.high.map(|h| h.saturating_sub(killed) + extra), best: n })
            }
            None if extra > 0 => Some(Toll { low: extra, high: Some(extra), best: extra }),
            None => None,
        };
        // Deaths among people counted as hurt ("one of the five hospitalized has died") leave
        // the stated injured.
        let died_of_hurt: u64 = claims.iter().filter(|c| c.kind == ClaimKind::Killed && c.of_hurt && !c.struck).map(|c| c.low).sum();
        let stated_total = stated_total.map(|t| {
            let n = t.best.saturating_sub(died_of_hurt);
            Toll { low: t.low.saturating_sub(died_of_hurt), high: t.high.map(|h| h.saturating_sub(died_of_hurt)), best: n }
        });
        // A vague "several injured" gives way to the figure from those struck.
        let stated_vague = stated.iter().filter(|c| c.kind == kind && !c.subset && !c.background && c.low > 0).all(|c| c.vague);
        return match (stated_total, derived) {
            (Some(_), Some(b)) if stated_vague && b.best > 0 => Some(b),
            (Some(a), Some(b)) => Some(if b.best > a.best { b } else { a }),
            (a, b) => a.or(b),
        };
    }
    kind_total(claims, kind)
}

fn kind_total(claims: &[RawClaim], kind: ClaimKind) -> Option<Toll> {
    if let Some(c) = claims.iter().rev().find(|c| c.kind == kind && c.coded) {
        return Some(Toll { low: c.low, high: c.high, best: c.low });
    }
    let mut of_kind: Vec<&RawClaim> = claims.iter().filter(|c| c.kind == kind && !c.subset && !c.campaign && !c.background).collect();
    // A part with no whole of its kind is the figure: "shot two people, one of whom died".
    if of_kind.is_empty() {
        of_kind = claims.iter().filter(|c| c.kind == kind && c.subset && !c.campaign && !c.background).collect();
    }
    // Figures placed before the incident count only when the incident has none of its own.
    if of_kind.iter().any(|c| !c.earlier) {
        of_kind.retain(|c| !c.earlier);
    }
    // A vague figure ("several", "dozens") gives way to any stated number.
    if of_kind.iter().any(|c| !c.vague && c.low > 0) {
        of_kind.retain(|c| !c.vague);
    }
    if of_kind.is_empty() {
        return None;
    }
    let victims: Vec<&RawClaim> = of_kind.iter().copied().filter(|c| !c.perpetrators).collect();
    let perps: Vec<&RawClaim> = of_kind.iter().copied().filter(|c| c.perpetrators).collect();
    // Deaths are where sides contest figures; for injuries a second source is usually an update.
    let v = if kind == ClaimKind::Killed { competing_total(&victims, claims) } else { group_total(&victims, claims) };
    // Perpetrators named apart ("the bomber", "four gunmen") are different people: their
    // groups add up; the same group given twice counts once.
    let p = {
        let mut heads: Vec<Option<&str>> = Vec::new();
        for c in &perps {
            if !heads.contains(&c.head.as_deref()) {
                heads.push(c.head.as_deref());
            }
        }
        heads
            .iter()
            .filter_map(|h| {
                let part: Vec<&RawClaim> = perps.iter().copied().filter(|c| c.head.as_deref() == *h).collect();
                group_total(&part, claims)
            })
            .reduce(Fig::add)
    };
    // "Nine people, including the bomber, were killed": the perpetrators are in the figure.
    let inside = victims.iter().any(|c| c.includes_perpetrators);
    let fig = match (v, p) {
        (Some(a), Some(b)) if inside => a.max(b),
        (Some(a), Some(b)) => a.add(b),
        (Some(a), None) | (None, Some(a)) => a,
        (None, None) => return None,
    };
    Some(Toll { low: fig.low, high: fig.high, best: fig.low })
}
