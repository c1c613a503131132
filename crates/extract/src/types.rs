//! ACLED event type and sub-event type from the wording of an incident.
//!
//! Cue words (`data/event_cues.tsv`) fall into categories; the decision below follows
//! ACLED's codebook: demonstrations first (a violent one is a riot), then remote violence
//! unless the text describes an armed clash, then abductions, sexual violence, clashes,
//! attacks (on civilians, unless the victims are fighters), and non-violent developments.

use sitrep_recognize::numbers::Tokens;
use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::LazyLock;

/// A category of event cue.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Category {
    /// Demonstration words.
    Protest,
    /// Violence by demonstrators.
    Riot,
    /// Mob violence.
    Mob,
    /// Suicide attacks.
    Suicide,
    /// Air or drone strikes.
    Air,
    /// Shelling, artillery, rockets, missiles.
    Shelling,
    /// Bombs, IEDs, mines, explosions.
    Ied,
    /// Grenades.
    Grenade,
    /// Chemical weapons.
    Chemical,
    /// Armed clashes.
    Clash,
    /// Words of a front line ("positions", "bursts of fire"): a clash, unless shelling or
    /// rockets say the fire was remote ("fired mortars at the positions of").
    Front,
    /// Government regains territory.
    Regain,
    /// Non-state actor overtakes territory.
    Overtake,
    /// Attacks on people.
    Attack,
    /// Abductions.
    Abduct,
    /// Sexual violence.
    Sexual,
    /// Arrests.
    Arrest,
    /// Disrupted weapons use.
    Disrupt,
    /// Property destruction.
    Property,
    /// Agreements.
    Agreement,
    /// Seizures of goods, drugs or arms.
    Seize,
    /// Reinforcements, deployments, bases.
    Base,
    /// Groups of civilians (locals, residents, migrants, crowds).
    CivGroup,
    /// Armed groups and the military.
    Armed,
    /// Police.
    Police,
}

struct Cues {
    by_first: HashMap<&'static str, Vec<(Vec<&'static str>, Category)>>,
}

static CUES: LazyLock<Cues> = LazyLock::new(|| {
    let mut by_first: HashMap<&'static str, Vec<(Vec<&'static str>, Category)>> = HashMap::new();
    for l in sitrep_model::table::entries(include_str!("../data/event_cues.tsv")) {
        let Some((p, c)) = l.split_once('\t') else { continue };
        let cat = match c.trim() {
            "protest" => Category::Protest,
            "riot" => Category::Riot,
            "mob" => Category::Mob,
            "suicide" => Category::Suicide,
            "air" => Category::Air,
            "shelling" => Category::Shelling,
            "ied" => Category::Ied,
            "grenade" => Category::Grenade,
            "chemical" => Category::Chemical,
            "clash" => Category::Clash,
            "front" => Category::Front,
            "regain" => Category::Regain,
            "overtake" => Category::Overtake,
            "attack" => Category::Attack,
            "abduct" => Category::Abduct,
            "sexual" => Category::Sexual,
            "arrest" => Category::Arrest,
            "disrupt" => Category::Disrupt,
            "property" => Category::Property,
            "agreement" => Category::Agreement,
            "seize" => Category::Seize,
            "base" => Category::Base,
            "civgroup" => Category::CivGroup,
            "armed" => Category::Armed,
            "police" => Category::Police,
            _ => continue,
        };
        let words: Vec<&'static str> = p.split(' ').collect();
        if let Some(f) = words.first() {
            by_first.entry(f).or_default().push((words, cat));
        }
    }
    for v in by_first.values_mut() {
        v.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
    }
    Cues { by_first }
});

/// The categories of cue found in the token ranges.
pub fn categories(t: &Tokens, ranges: &[Range<usize>]) -> HashSet<Category> {
    let mut out = HashSet::new();
    for r in ranges {
        let mut i = r.start;
        while i < r.end {
            // "March" the month is no march: capitalised, or next to a number.
            let month_march = t.low(i) == "march"
                && (t.capitalized(i) || t.kind(i + 1) == Some(sitrep_segment::TokenKind::Number) || (i > 0 && t.kind(i - 1) == Some(sitrep_segment::TokenKind::Number)));
            if month_march {
                i += 1;
                continue;
            }
            if let Some(cands) = CUES.by_first.get(t.low(i)) {
                if let Some((w, c)) = cands.iter().find(|(w, _)| t.matches(i, w)) {
                    out.insert(*c);
                    i += w.len();
                    continue;
                }
            }
            i += 1;
        }
    }
    out
}

/// What the victims were, for telling an attack on civilians from a battle.
#[derive(Clone, Copy, Debug, Default)]
pub struct VictimHints {
    /// Fighters, soldiers, police or militants were among the dead or injured.
    pub combatants: bool,
    /// Civilians or unspecified people were among them.
    pub civilians: bool,
    /// Demonstrators were among them.
    pub protesters: bool,
    /// Anyone was reported killed or injured.
    pub casualties: bool,
}

/// Decide ACLED's event type and sub-event type.
pub fn classify(cats: &HashSet<Category>, hints: VictimHints) -> (Option<&'static str>, Option<&'static str>) {
    use Category::*;
    let has = |c| cats.contains(&c) || (c == Clash && cats.contains(&Front) && !cats.contains(&Shelling));
    let violent_demo = has(Riot) || has(Property);
    if has(Protest) {
        if has(Mob) {
            return (Some("Riots"), Some("Mob violence"));
        }
        if violent_demo {
            return (Some("Riots"), Some("Violent demonstration"));
        }
        if hints.protesters || (has(Attack) && hints.civilians && hints.casualties) {
            return (Some("Protests"), Some("Excessive force against protesters"));
        }
        if has(Arrest) {
            return (Some("Protests"), Some("Protest with intervention"));
        }
        return (Some("Protests"), Some("Peaceful protest"));
    }
    if has(Mob) {
        return (Some("Riots"), Some("Mob violence"));
    }
    // Civilians fighting each other, or the police, without armed groups: a riot.
    if (has(Clash) || has(Riot)) && has(CivGroup) && !has(Armed) {
        return (Some("Riots"), Some(if has(Riot) { "Violent demonstration" } else { "Mob violence" }));
    }
    if has(Riot) && !has(Clash) && !has(Ied) && !has(Air) && !has(Shelling) {
        return (Some("Riots"), Some("Violent demonstration"));
    }
    let remote = [Suicide, Air, Shelling, Ied, Grenade, Chemical].iter().any(|c| has(*c));
    if remote && !(has(Clash) && !has(Suicide) && !has(Air)) {
        let sub = if has(Chemical) {
            "Chemical weapon"
        } else if has(Suicide) {
            "Suicide bomb"
        } else if has(Air) {
            "Air/drone strike"
        } else if has(Shelling) {
            "Shelling/artillery/missile attack"
        } else if has(Grenade) && !has(Ied) {
            "Grenade"
        } else {
            "Remote explosive/landmine/IED"
        };
        return (Some("Explosions/Remote violence"), Some(sub));
    }
    if has(Abduct) {
        return (Some("Violence against civilians"), Some("Abduction/forced disappearance"));
    }
    if has(Sexual) {
        return (Some("Violence against civilians"), Some("Sexual violence"));
    }
    if has(Regain) && !has(Attack) {
        return (Some("Battles"), Some("Government regains territory"));
    }
    if has(Overtake) {
        if !has(Clash) && !has(Attack) && !hints.casualties {
            return (Some("Strategic developments"), Some("Non-violent transfer of territory"));
        }
        return (Some("Battles"), Some("Non-state actor overtakes territory"));
    }
    if has(Clash) {
        return (Some("Battles"), Some("Armed clash"));
    }
    if has(Property) && !hints.casualties {
        return (Some("Strategic developments"), Some("Looting/property destruction"));
    }
    if has(Attack) || hints.casualties {
        // ACLED: an attack on soldiers or police is a battle; on civilians, violence against civilians.
        let combatant_victims = hints.combatants && !hints.civilians;
        let unknown_victims = !hints.combatants && !hints.civilians;
        if combatant_victims || (unknown_victims && (has(Armed) || has(Police)) && !has(CivGroup) && has(Attack) && hints.casualties) {
            return (Some("Battles"), Some("Armed clash"));
        }
        if has(Attack) || hints.casualties {
            return (Some("Violence against civilians"), Some("Attack"));
        }
    }
    if has(Arrest) {
        return (Some("Strategic developments"), Some("Arrests"));
    }
    if has(Disrupt) {
        return (Some("Strategic developments"), Some("Disrupted weapons use"));
    }
    if has(Seize) {
        return (Some("Strategic developments"), Some("Other"));
    }
    if has(Property) {
        return (Some("Strategic developments"), Some("Looting/property destruction"));
    }
    if has(Base) {
        return (Some("Strategic developments"), Some("Headquarters or base established"));
    }
    if has(Agreement) {
        return (Some("Strategic developments"), Some("Agreement"));
    }
    (None, None)
}
