//! Actor registry (ACLED-style) and actor mention matching.
//!
//! The registry holds three kinds of actors, all from reviewed data files under `data/`
//! (see the crate README for formats and how to add a group):
//!
//! - [`ActorKind::Group`]: named non-state armed groups and external forces (`groups.tsv`):
//!   "Islamic State", "TTP: Tehreek-i-Taliban Pakistan", "NATO: ..."; political parties, their
//!   wings, unions and mass organisations (`parties.tsv`): "BJP: Bharatiya Janata Party".
//! - [`ActorKind::State`]: "Military Forces of X", "Police Forces of X", "Government of X",
//!   generated for every country keshvar knows from the templates in `state_forces.tsv`.
//! - [`ActorKind::Generic`]: unnamed actors ("gunmen", "protesters", "soldiers") whose
//!   canonical name carries a `{country}` placeholder filled by [`Registry::canonical_in`].
//!
//! [`Registry::find`] reports the actor mentions of a text: leftmost-longest, on word
//! boundaries, non-overlapping, with case rules that keep acronyms and proper names apart
//! from ordinary words (see the README). A group or state name
//! directly followed by a fighter noun ("Taliban militants", "Afghan army soldiers", "GNA
//! forces") is one mention spanning both (`data/suffixes.txt`).

mod countries;
pub mod norm;
mod pattern;
mod table;

pub use countries::{clean_iso_name, CountryInfo};

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use countries::load_states;
use norm::{is_word_char, normalize};
use pattern::{compile, Pattern};
use std::cmp::Reverse;
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;
use std::time::{Duration, Instant};
use table::{err, field, fields, list, rows};

/// Index of an actor in the registry.
pub type ActorId = u32;

/// Where an actor comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ActorKind {
    /// A named actor from `groups.tsv` or `parties.tsv`.
    Group,
    /// A state actor generated for one country from `state_forces.tsv`.
    State,
    /// A generic actor from `generic.tsv`; its canonical name contains `{country}`.
    Generic,
}

/// One actor.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Actor {
    /// Its id (index in the registry).
    pub id: ActorId,
    /// ACLED-style canonical name. Generic actors (and a few per-country groups such as
    /// "Fulani Ethnic Militia ({country})") contain `{country}`; see [`Registry::canonical_in`].
    pub canonical: String,
    /// ACLED actor type: 1 State forces, 2 Rebel groups, 3 Political militias, 4 Identity
    /// militias, 5 Rioters, 6 Protesters, 7 Civilians, 8 External/Other forces.
    pub acled_type: u8,
    /// ISO 3166-1 alpha-2 codes of the countries it operates in (empty: transnational or generic).
    pub countries: Vec<String>,
    /// Canonical name of the parent actor ("Islamic State" for ISWAP).
    pub parent: Option<String>,
    /// Where it comes from.
    pub kind: ActorKind,
}

/// An actor mentioned in a text.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ActorMention {
    /// Byte offset of the mention in the original text.
    pub start: usize,
    /// Byte offset of its end in the original text.
    pub end: usize,
    /// The actor.
    pub actor: ActorId,
    /// For state forces: ISO alpha-2 code of the country the words named ("Afghan security
    /// forces" → "AF"). `None` for groups and generic actors.
    pub country: Option<String>,
}

/// Errors loading the registry data.
#[derive(Debug, thiserror::Error)]
pub enum ActorsError {
    /// A malformed row in a data file.
    #[error("{file}:{line}: {msg}")]
    Parse {
        /// The data file.
        file: &'static str,
        /// 1-based line number (0: the file as a whole).
        line: usize,
        /// What is wrong.
        msg: String,
    },
    /// A parent name that is not the canonical name of any group.
    #[error("groups.tsv/parties.tsv: {actor:?} names unknown parent {parent:?}")]
    UnknownParent {
        /// The actor.
        actor: String,
        /// The parent it names.
        parent: String,
    },
    /// The pattern automaton could not be built.
    #[error("building the actor automaton: {0}")]
    Automaton(#[from] aho_corasick::BuildError),
}

/// Counts describing a loaded registry.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Stats {
    /// Named actors: rows of `groups.tsv` and `parties.tsv`.
    pub groups: usize,
    /// Of those, the rows of `parties.tsv`.
    pub parties: usize,
    /// Aliases of those groups (canonical names included, after normalisation and dedup).
    pub group_aliases: usize,
    /// Generated state actors.
    pub states: usize,
    /// Countries they were generated for.
    pub countries: usize,
    /// Generic actors.
    pub generic: usize,
    /// Searchable patterns in total.
    pub patterns: usize,
}

/// Two actors claiming the same alias; the first (in priority order) keeps it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AliasCollision {
    /// The normalised alias.
    pub alias: String,
    /// The actor that kept it.
    pub kept: ActorId,
    /// The actor that lost it.
    pub dropped: ActorId,
}

/// The actor registry and matcher. Build once ([`Registry::global`]) and share.
#[derive(Debug)]
pub struct Registry {
    actors: Vec<Actor>,
    patterns: Vec<Pattern>,
    ac: AhoCorasick,
    /// Automaton pattern → patterns (indices into `patterns`) with that lowercase text.
    ac_map: Vec<Vec<u32>>,
    canon: HashMap<String, ActorId>,
    countries: Vec<CountryInfo>,
    country_index: HashMap<String, usize>,
    /// `[template][country]` → state actor.
    states: Vec<Vec<ActorId>>,
    template_keys: Vec<String>,
    /// Generic actor → template whose canonical pattern it shares.
    generic_template: HashMap<ActorId, usize>,
    /// Lowercase suffix nouns, longest first.
    suffixes: Vec<String>,
    /// Exact-case tokens of all patterns ("IS", "PKK"), ignored by the all-caps test.
    acronyms: HashSet<String>,
    /// Lowercase party-context words (`party_context.txt`), longest first.
    party_context: Vec<String>,
    /// Ids of the actors from `parties.tsv` (`start..end`).
    parties: (ActorId, ActorId),
    collisions: Vec<AliasCollision>,
    stats: Stats,
    build_time: Duration,
}

const GROUPS: &str = include_str!("../data/groups.tsv");
const PARTIES: &str = include_str!("../data/parties.tsv");
const PARTY_CONTEXT: &str = include_str!("../data/party_context.txt");
const STATES: &str = include_str!("../data/state_forces.tsv");
const GENERIC: &str = include_str!("../data/generic.tsv");
const SUFFIXES: &str = include_str!("../data/suffixes.txt");
const DESCRIPTORS: &str = include_str!("../data/descriptors.txt");

/// Capitalised words that start sentences or noun phrases without being part of a name.
const FUNCTION_WORDS: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our", "my", "your", "some",
    "many", "several", "all", "both", "other", "on", "in", "at", "by", "for", "from", "with", "and", "but", "or",
    "as", "when", "while", "after", "before", "where", "if", "then", "meanwhile", "also", "two", "three", "four",
    "five", "local", "suspected", "armed", "unidentified", "unknown", "former",
];

/// Capitalised words that may stand right before a `+` (party-context) alias: "Opposition
/// Congress workers", "Ruling AL activists". Any other capitalised word there makes the
/// alias the tail of another name ("US Congress members", "Trade Union Congress leaders").
const PARTY_PREFIX_WORDS: &[&str] = &[
    "opposition", "ruling", "rival", "angry", "irate", "agitated", "agitating", "disgruntled", "senior",
    "dozens", "hundreds", "thousands", "scores", "six", "seven", "eight", "nine", "ten", "several", "over",
    "about", "around", "nearly", "some", "against", "between", "led", "backed", "alleged", "allegedly",
];

/// The parts of `generic.tsv` rows that make one actor.
struct GenericActor {
    canonical: String,
    acled_type: u8,
    surfaces: Vec<(String, bool)>,
}

/// Pattern-building state: patterns in priority order, deduplicated by text.
struct Builder {
    patterns: Vec<Pattern>,
    by_text: HashMap<String, usize>,
    collisions: Vec<AliasCollision>,
    descriptors: HashSet<String>,
}

impl Builder {
    fn add(&mut self, alias: &str, actor: ActorId, rank: u8, country: Option<u16>, name_part: bool) {
        // "+ALIAS": needs party context.
        let (context, alias) = match alias.strip_prefix('+') {
            Some(a) => (true, a),
            None => (false, alias),
        };
        let Some(mut p) = compile(alias, actor, rank, &self.descriptors) else {
            return;
        };
        p.country = country;
        p.name_part = name_part;
        p.context = context;
        if let Some(&i) = self.by_text.get(&p.text) {
            let kept = self.patterns.get(i).map_or(actor, |q| q.actor);
            if kept != actor {
                self.collisions.push(AliasCollision { alias: p.text, kept, dropped: actor });
            }
            return;
        }
        self.by_text.insert(p.text.clone(), self.patterns.len());
        self.patterns.push(p);
    }
}

impl Registry {
    /// The shared registry, built on first use.
    ///
    /// # Panics
    /// If the built-in data files do not load (a bug caught by this crate's tests).
    pub fn global() -> &'static Registry {
        static GLOBAL: OnceLock<Registry> = OnceLock::new();
        GLOBAL.get_or_init(|| match Registry::load() {
            Ok(r) => r,
            Err(e) => panic!("sitrep-actors: built-in data failed to load: {e}"),
        })
    }

    /// Build a registry from the built-in data files.
    pub fn load() -> Result<Registry, ActorsError> {
        let t0 = Instant::now();
        let descriptors: HashSet<String> = rows(DESCRIPTORS).map(|(_, l)| l.trim().to_lowercase()).collect();
        let mut suffixes: Vec<String> = rows(SUFFIXES).map(|(_, l)| normalize(l.trim()).text.to_lowercase()).collect();
        suffixes.sort_by_key(|s| Reverse(s.len()));
        suffixes.dedup();

        let states = load_states(STATES)?;
        let codes: HashSet<&str> = states.countries.iter().map(|c| c.alpha2.as_str()).collect();

        let mut actors: Vec<Actor> = Vec::new();
        let mut builder = Builder { patterns: Vec::new(), by_text: HashMap::new(), collisions: Vec::new(), descriptors };

        let mut party_context: Vec<String> = rows(PARTY_CONTEXT).map(|(_, l)| normalize(l.trim()).text.to_lowercase()).collect();
        party_context.sort_by_key(|s| Reverse(s.len()));
        party_context.dedup();

        // Groups, then parties (one kind of actor; parents may point across the files).
        let mut group_aliases: Vec<(ActorId, Vec<String>)> = Vec::new();
        let mut seen_canonical: HashSet<String> = HashSet::new();
        let mut party_start: Option<ActorId> = None;
        let all_rows = rows(GROUPS).map(|(n, l)| ("groups.tsv", n, l)).chain(rows(PARTIES).map(|(n, l)| ("parties.tsv", n, l)));
        for (file, line, l) in all_rows {
            if file == "parties.tsv" && party_start.is_none() {
                party_start = Some(actors.len() as ActorId);
            }
            let f = fields(l);
            let canonical = field(&f, 0, file, line, "canonical")?;
            let aliases = list(f.get(1).copied().unwrap_or_default());
            let acled_type = table::acled_type(field(&f, 2, file, line, "type")?, file, line)?;
            let countries: Vec<String> = list(f.get(3).copied().unwrap_or_default()).into_iter().map(String::from).collect();
            if let Some(bad) = countries.iter().find(|c| !codes.contains(c.as_str())) {
                return Err(err(file, line, format!("unknown country code {bad:?}")));
            }
            let parent = f.get(4).copied().filter(|p| !p.is_empty()).map(String::from);
            if canonical.is_empty() {
                return Err(err(file, line, "empty canonical name"));
            }
            if !seen_canonical.insert(canonical.to_string()) {
                return Err(err(file, line, format!("duplicate canonical name {canonical:?}")));
            }
            let id = actors.len() as ActorId;
            let mut names: Vec<String> = Vec::new();
            if !canonical.contains('{') {
                names.push(canonical.to_string());
            }
            names.extend(aliases.into_iter().map(String::from));
            group_aliases.push((id, names));
            actors.push(Actor { id, canonical: canonical.to_string(), acled_type, countries, parent, kind: ActorKind::Group });
        }
        let group_count = actors.len();
        let parties = (party_start.unwrap_or(group_count as ActorId), group_count as ActorId);
        for a in &actors {
            if let Some(p) = &a.parent {
                if !seen_canonical.contains(p) {
                    return Err(ActorsError::UnknownParent { actor: a.canonical.clone(), parent: p.clone() });
                }
            }
        }
        for (id, names) in &group_aliases {
            for n in names {
                builder.add(n, *id, 0, None, false);
            }
        }
        let group_patterns = builder.patterns.len();

        // State actors: one per template and country.
        let mut state_ids: Vec<Vec<ActorId>> = Vec::new();
        for t in &states.templates {
            let mut ids = Vec::with_capacity(states.countries.len());
            for c in &states.countries {
                let id = actors.len() as ActorId;
                ids.push(id);
                actors.push(Actor {
                    id,
                    canonical: t.canonical_for(c),
                    acled_type: t.acled_type,
                    countries: vec![c.alpha2.clone()],
                    parent: None,
                    kind: ActorKind::State,
                });
            }
            state_ids.push(ids);
        }
        let state_id = |ti: usize, ci: usize| state_ids.get(ti).and_then(|v| v.get(ci)).copied();
        let starts_capital = |s: &str| s.chars().next().is_some_and(char::is_uppercase);
        for (ci, ti, aliases) in &states.aliases {
            if let Some(id) = state_id(*ti, *ci) {
                for a in aliases {
                    builder.add(a, id, 1, Some(*ci as u16), starts_capital(a));
                }
            }
        }
        for (ti, t) in states.templates.iter().enumerate() {
            for (ci, c) in states.countries.iter().enumerate() {
                if let Some(id) = state_id(ti, ci) {
                    for a in t.aliases_for(c) {
                        builder.add(&a, id, 1, Some(ci as u16), starts_capital(&a));
                    }
                }
            }
        }

        // Generic actors, one per canonical pattern.
        let mut generic: Vec<GenericActor> = Vec::new();
        for (line, l) in rows(GENERIC) {
            let f = fields(l);
            let file = "generic.tsv";
            let surface = field(&f, 0, file, line, "surface")?;
            let canonical = field(&f, 1, file, line, "canonical")?;
            let acled_type = table::acled_type(field(&f, 2, file, line, "type")?, file, line)?;
            let flags: Vec<&str> = f.get(3).map(|s| s.split(',').map(str::trim).filter(|s| !s.is_empty()).collect()).unwrap_or_default();
            if let Some(bad) = flags.iter().find(|f| **f != "name_part") {
                return Err(err(file, line, format!("unknown flag {bad:?}")));
            }
            if !canonical.contains("{country}") {
                return Err(err(file, line, "canonical needs {country}"));
            }
            let name_part = flags.contains(&"name_part");
            match generic.iter_mut().find(|g| g.canonical == canonical) {
                Some(g) if g.acled_type != acled_type => {
                    return Err(err(file, line, format!("type {acled_type} differs from earlier rows of {canonical:?}")));
                }
                Some(g) => g.surfaces.push((surface.to_string(), name_part)),
                None => generic.push(GenericActor {
                    canonical: canonical.to_string(),
                    acled_type,
                    surfaces: vec![(surface.to_string(), name_part)],
                }),
            }
        }
        let mut generic_template = HashMap::new();
        for g in &generic {
            let id = actors.len() as ActorId;
            actors.push(Actor {
                id,
                canonical: g.canonical.clone(),
                acled_type: g.acled_type,
                countries: Vec::new(),
                parent: None,
                kind: ActorKind::Generic,
            });
            if let Some(ti) = states.templates.iter().position(|t| t.canonical.replace("{the country}", "{country}") == g.canonical) {
                generic_template.insert(id, ti);
            }
            for (s, name_part) in &g.surfaces {
                builder.add(s, id, 2, None, *name_part);
            }
        }

        // The automaton searches lowercased text for lowercased patterns (much faster to build
        // than an ASCII-case-insensitive one); patterns equal in lowercase share an entry.
        let mut keys: Vec<String> = Vec::new();
        let mut ac_map: Vec<Vec<u32>> = Vec::new();
        let mut key_index: HashMap<String, usize> = HashMap::new();
        for (pi, p) in builder.patterns.iter().enumerate() {
            let k = p.text.to_ascii_lowercase();
            let i = *key_index.entry(k.clone()).or_insert_with(|| {
                keys.push(k);
                ac_map.push(Vec::new());
                ac_map.len() - 1
            });
            if let Some(v) = ac_map.get_mut(i) {
                v.push(pi as u32);
            }
        }
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .build(&keys)?;

        let mut canon = HashMap::new();
        for a in &actors {
            canon.entry(a.canonical.to_lowercase()).or_insert(a.id);
        }
        let mut country_index = HashMap::new();
        for (i, c) in states.countries.iter().enumerate() {
            for n in &c.names {
                country_index.entry(n.to_lowercase()).or_insert(i);
            }
        }
        for (i, c) in states.countries.iter().enumerate() {
            country_index.entry(c.alpha2.to_lowercase()).or_insert(i);
        }
        let acronyms = builder.patterns.iter().flat_map(|p| p.exact_tokens().map(String::from)).collect();
        let stats = Stats {
            groups: group_count,
            parties: (parties.1 - parties.0) as usize,
            group_aliases: group_patterns,
            states: state_ids.iter().map(Vec::len).sum(),
            countries: states.countries.len(),
            generic: generic.len(),
            patterns: builder.patterns.len(),
        };
        let build_time = t0.elapsed();
        tracing::debug!(?stats, ?build_time, collisions = builder.collisions.len(), "actor registry built");
        Ok(Registry {
            actors,
            patterns: builder.patterns,
            ac,
            ac_map,
            canon,
            country_index,
            states: state_ids,
            template_keys: states.templates.iter().map(|t| t.key.clone()).collect(),
            countries: states.countries,
            generic_template,
            suffixes,
            acronyms,
            party_context,
            parties,
            collisions: builder.collisions,
            stats,
            build_time,
        })
    }

    /// The actor with this id.
    ///
    /// # Panics
    /// If `id` did not come from this registry.
    pub fn actor(&self, id: ActorId) -> &Actor {
        &self.actors[id as usize]
    }

    /// All actors, indexed by id.
    pub fn actors(&self) -> &[Actor] {
        &self.actors
    }

    /// The parent of an actor, when it has one.
    pub fn parent(&self, id: ActorId) -> Option<ActorId> {
        let p = self.actors.get(id as usize)?.parent.as_deref()?;
        self.canon.get(&p.to_lowercase()).copied()
    }

    /// All countries state actors were generated for.
    pub fn countries(&self) -> &[CountryInfo] {
        &self.countries
    }

    /// The country with this alpha-2 code ("NG"), or with this name ("Nigeria", "DRC"),
    /// case-insensitively.
    pub fn country(&self, code_or_name: &str) -> Option<&CountryInfo> {
        let i = *self.country_index.get(&code_or_name.trim().to_lowercase())?;
        self.countries.get(i)
    }

    /// The state actor of template `key` ("military", "police", "government") for a country
    /// given by alpha-2 code or name.
    pub fn state_actor(&self, key: &str, country: &str) -> Option<ActorId> {
        let ti = self.template_keys.iter().position(|k| k == key)?;
        let ci = *self.country_index.get(&country.trim().to_lowercase())?;
        self.states.get(ti)?.get(ci).copied()
    }

    /// For a generic actor that stands for state forces ("soldiers" → "Military Forces of
    /// {country}"): the state actor of that country. `None` for other actors.
    pub fn state_for(&self, generic: ActorId, country: &str) -> Option<ActorId> {
        let ti = *self.generic_template.get(&generic)?;
        let ci = *self.country_index.get(&country.trim().to_lowercase())?;
        self.states.get(ti)?.get(ci).copied()
    }

    /// Counts describing the registry.
    pub fn stats(&self) -> Stats {
        self.stats
    }

    /// How long [`Registry::load`] took.
    pub fn build_time(&self) -> Duration {
        self.build_time
    }

    /// Aliases claimed by two actors (the later one lost it). Groups never collide with each
    /// other (tested); state and generic patterns may lose words to groups.
    pub fn collisions(&self) -> &[AliasCollision] {
        &self.collisions
    }

    /// The canonical name with `{country}` filled: `canonical_in(gunmen, Some("Nigeria"))` is
    /// "Unidentified Armed Group (Nigeria)". A known country (name or alpha-2 code) is written
    /// as the registry names it, with "the" after "of" where English uses it ("Military Forces
    /// of the Philippines"); an unknown one is used as given. Without a country the
    /// placeholder goes with its brackets or its "of": "Protesters", "Military Forces".
    /// Actors without a placeholder return their canonical name.
    pub fn canonical_in(&self, id: ActorId, country_name: Option<&str>) -> String {
        let Some(a) = self.actors.get(id as usize) else {
            return String::new();
        };
        if !a.canonical.contains("{country}") {
            return a.canonical.clone();
        }
        match country_name.map(str::trim).filter(|c| !c.is_empty()) {
            Some(c) => {
                let (short, after_of) = match self.country(c) {
                    Some(ci) => (ci.name.clone(), ci.name_after_of()),
                    None => (c.to_string(), c.to_string()),
                };
                a.canonical.replace("of {country}", &format!("of {after_of}")).replace("{country}", &short)
            }
            None => {
                let s = a.canonical.replace(" ({country})", "").replace(" of {country}", "").replace("{country}", "");
                s.split_whitespace().collect::<Vec<_>>().join(" ")
            }
        }
    }

    /// The actor an exact name refers to: a canonical name (case-insensitive; generic ones
    /// also with the country filled in, "Protesters (India)"), or an alias matched under the
    /// same rules as [`Registry::find`] covering the whole of `name`.
    pub fn lookup(&self, name: &str) -> Option<ActorId> {
        let name = name.trim();
        if name.is_empty() {
            return None;
        }
        if let Some(&id) = self.canon.get(&name.to_lowercase()) {
            return Some(id);
        }
        if let [m] = self.find(name).as_slice() {
            if m.start == 0 && m.end == name.len() {
                return Some(m.actor);
            }
        }
        // A generic canonical name with its country filled in.
        let low = name.to_lowercase();
        self.actors.iter().filter(|a| a.kind == ActorKind::Generic).find_map(|a| {
            let pat = a.canonical.to_lowercase();
            let (pre, post) = pat.split_once("{country}")?;
            let mid = low.strip_prefix(pre)?.strip_suffix(post)?;
            let mid = mid.strip_prefix("the ").unwrap_or(mid);
            self.country(mid).map(|_| a.id)
        })
    }

    /// The actor mentions in `text`: leftmost-longest, on word boundaries, non-overlapping,
    /// in text order. See the README for the matching rules.
    pub fn find(&self, text: &str) -> Vec<ActorMention> {
        let n = normalize(text);
        let t = n.text.as_str();
        let mut cands: Vec<(usize, usize, usize)> = Vec::new();
        let lower = t.to_ascii_lowercase();
        for m in self.ac.find_overlapping_iter(&lower) {
            let (s, e) = (m.start(), m.end());
            for &pi in self.ac_map.get(m.pattern().as_usize()).map_or(&[][..], Vec::as_slice) {
                let pi = pi as usize;
                if self.patterns.get(pi).is_some_and(|p| self.valid(t, s, e, p)) {
                    cands.push((s, e, pi));
                }
            }
        }
        if cands.iter().any(|c| self.patterns.get(c.2).is_some_and(|p| p.context)) {
            self.check_context(t, &mut cands);
        }
        cands.sort_by_key(|&(s, e, pi)| (s, Reverse(e), self.patterns.get(pi).map_or(u8::MAX, |p| p.rank), pi));
        let mut out = Vec::new();
        let mut pos = 0;
        for &(s, e, pi) in &cands {
            if s < pos {
                continue;
            }
            let Some(p) = self.patterns.get(pi) else { continue };
            let kind = self.actors.get(p.actor as usize).map(|a| a.kind);
            let end = if kind == Some(ActorKind::Generic) {
                e
            } else {
                let e = paren_same_actor(t, e, p.actor, &cands, &self.patterns);
                self.absorb(t, e)
            };
            let (start, stop) = n.source_span(s, end);
            out.push(ActorMention {
                start,
                end: stop,
                actor: p.actor,
                country: p.country.and_then(|ci| self.countries.get(ci as usize)).map(|c| c.alpha2.clone()),
            });
            pos = end;
        }
        out
    }

    /// Whether the automaton match `s..e` of pattern `p` in normalised text `t` is a mention.
    fn valid(&self, t: &str, s: usize, e: usize, p: &Pattern) -> bool {
        let before = t.get(..s).and_then(|x| x.chars().next_back());
        let after = t.get(e..).and_then(|x| x.chars().next());
        if (p.word_start && before.is_some_and(is_word_char)) || (p.word_end && after.is_some_and(is_word_char)) {
            return false;
        }
        let Some(found) = t.get(s..e) else { return false };
        if !p.accepts(found) {
            return false;
        }
        if p.bare_acronym && !self.caps_context_ok(t, s, e) {
            return false;
        }
        if let Some(prev) = prev_token(t, s) {
            let low = prev.to_lowercase();
            // "anti-Taliban forces" are not the Taliban; "pro-Russian forces" are not Russia's.
            if low == "anti" || (p.rank > 0 && (low == "pro" || low == "ex")) {
                return false;
            }
            // "Zomi Revolutionary Army", "New Jersey police": the tail of another name.
            if p.name_part && found.chars().next().is_some_and(char::is_uppercase) && is_title_word(prev) {
                return false;
            }
        }
        true
    }

    /// Whether an actor comes from `parties.tsv` (a party, party wing, union or mass
    /// organisation rather than an armed group).
    pub fn is_party(&self, id: ActorId) -> bool {
        (self.parties.0..self.parties.1).contains(&id)
    }

    /// Drops the candidates of `+` (party-context) aliases that lack party context. A
    /// candidate `s..e` stays when
    /// - the word before it is not a capitalised word ("US Congress", "Trade Union Congress
    ///   leaders"), unless that word ends a party name or is in [`PARTY_PREFIX_WORDS`], and
    /// - a party-context word follows ("Congress workers", "AAP-led", "PTI MNA"), or a party
    ///   name is joined to it by a hyphen, space or slash ("SAD-BJP", "BJP/Congress"), or it
    ///   is a bracketed repetition of the name before it ("Samajwadi Party (SP)").
    ///
    /// Party names that count here are the other candidates of `parties.tsv` actors: plain
    /// aliases, and context aliases accepted on their own (one more round), so "AAP-Congress
    /// alliance" keeps both.
    fn check_context(&self, t: &str, cands: &mut Vec<(usize, usize, usize)>) {
        let pat = |pi: usize| self.patterns.get(pi);
        let is_ctx = |pi: usize| pat(pi).is_some_and(|p| p.context);
        let party = |pi: usize| pat(pi).is_some_and(|p| self.is_party(p.actor));
        let sep = |i: usize| t.as_bytes().get(i).is_some_and(|b| matches!(b, b' ' | b'/'));
        // Candidates that are party names without needing context.
        let mut ok: Vec<bool> = cands.iter().map(|c| !is_ctx(c.2)).collect();
        for _round in 0..2 {
            let snapshot = ok.clone();
            let party_ends_at = |x: usize| cands.iter().zip(&snapshot).any(|(c, &k)| k && c.1 == x && party(c.2));
            let party_starts_at = |x: usize| cands.iter().zip(&snapshot).any(|(c, &k)| k && c.0 == x && party(c.2));
            for (k, &(s, e, pi)) in cands.iter().enumerate() {
                if ok.get(k).copied().unwrap_or(true) {
                    continue;
                }
                let Some(p) = pat(pi) else { continue };
                // "Samajwadi Party (SP)": a bracketed repetition of the name before it.
                let bracketed = s >= 2
                    && t.get(..s).is_some_and(|l| l.ends_with(" ("))
                    && t.get(e..).is_some_and(|r| r.starts_with(')'))
                    && cands.iter().any(|c| c.1 == s - 2 && pat(c.2).is_some_and(|q| q.actor == p.actor));
                let joined_before = s >= 1 && sep(s - 1) && party_ends_at(s - 1);
                let joined_after = sep(e) && party_starts_at(e + 1);
                let prev_ok = match prev_token(t, s) {
                    Some(w) if w.chars().next().is_some_and(char::is_uppercase) => {
                        let low = w.to_lowercase();
                        FUNCTION_WORDS.contains(&low.as_str())
                            || PARTY_PREFIX_WORDS.contains(&low.as_str())
                            || cands.iter().any(|c| c.1 == s - 1 && party(c.2))
                    }
                    _ => true,
                };
                let next_ok = t.get(e..).and_then(|r| r.strip_prefix(' ')).is_some_and(|rest| {
                    self.party_context.iter().any(|w| {
                        rest.get(..w.len()).is_some_and(|h| h.eq_ignore_ascii_case(w))
                            && !rest.get(w.len()..).and_then(|x| x.chars().next()).is_some_and(is_word_char)
                    })
                });
                if bracketed || joined_before || joined_after || (prev_ok && next_ok) {
                    if let Some(slot) = ok.get_mut(k) {
                        *slot = true;
                    }
                }
            }
        }
        let mut k = 0;
        cands.retain(|_| {
            let keep = ok.get(k).copied().unwrap_or(true);
            k += 1;
            keep
        });
    }

    /// False when the words around `s..e` (same sentence, up to four each side, known
    /// acronyms ignored) are all written in capitals: "THIS IS A TEST" has no "IS".
    fn caps_context_ok(&self, t: &str, s: usize, e: usize) -> bool {
        let stop = |c: char| matches!(c, '.' | '!' | '?' | '\n' | ':' | ';' | '"' | '|');
        let left = t.get(..s).unwrap_or_default();
        let left = left.rsplit(stop).next().unwrap_or_default();
        let right = t.get(e..).unwrap_or_default();
        let right = right.split(stop).next().unwrap_or_default();
        let words = |x: &'_ str| -> Vec<String> {
            x.split(|c: char| !is_word_char(c))
                .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2)
                .filter(|w| !self.acronyms.contains(*w))
                .map(String::from)
                .collect()
        };
        let mut lw = words(left);
        let lw: Vec<String> = lw.split_off(lw.len().saturating_sub(4));
        let rw: Vec<String> = words(right).into_iter().take(4).collect();
        let mut seen = false;
        for w in lw.iter().chain(rw.iter()) {
            seen = true;
            if w.chars().any(char::is_lowercase) {
                return true;
            }
        }
        !seen
    }

    /// The end of a mention ending at `e`, extended over a following suffix noun.
    fn absorb(&self, t: &str, e: usize) -> usize {
        let Some(rest) = t.get(e..).and_then(|r| r.strip_prefix(' ')) else {
            return e;
        };
        for suf in &self.suffixes {
            let Some(head) = rest.get(..suf.len()) else { continue };
            if head.eq_ignore_ascii_case(suf) && !rest.get(suf.len()..).and_then(|x| x.chars().next()).is_some_and(is_word_char) {
                return e + 1 + suf.len();
            }
        }
        e
    }
}

/// The end of a mention ending at `e`, extended over a bracketed repetition of the same
/// actor: "Hayat Tahrir al-Sham (HTS)", "ISWAP (Islamic State West Africa Province)".
/// `cands` are the valid candidates sorted by start.
fn paren_same_actor(t: &str, e: usize, actor: ActorId, cands: &[(usize, usize, usize)], patterns: &[Pattern]) -> usize {
    if !t.get(e..).is_some_and(|r| r.starts_with(" (")) {
        return e;
    }
    let inner = e + 2;
    let from = cands.partition_point(|c| c.0 < inner);
    cands
        .get(from..)
        .unwrap_or_default()
        .iter()
        .take_while(|c| c.0 == inner)
        .filter(|c| patterns.get(c.2).is_some_and(|p| p.actor == actor))
        .find(|c| t.get(c.1..).is_some_and(|r| r.starts_with(')')))
        .map_or(e, |c| c.1 + 1)
}

/// The word directly before byte `s` when only one space separates them.
fn prev_token(t: &str, s: usize) -> Option<&str> {
    let left = t.get(..s)?.strip_suffix(' ')?;
    let start = left.char_indices().rev().take_while(|&(_, c)| is_word_char(c)).last().map(|(i, _)| i)?;
    left.get(start..)
}

/// A capitalised word with lowercase letters ("Revolutionary", "New"), not a function word.
fn is_title_word(w: &str) -> bool {
    let mut cs = w.chars();
    cs.next().is_some_and(char::is_uppercase)
        && cs.any(char::is_lowercase)
        && !FUNCTION_WORDS.contains(&w.to_lowercase().as_str())
}

#[cfg(test)]
mod tests;
