//! Countries (from keshvar, corrected by `data/state_forces.tsv`) and the state-actor templates.

use crate::norm::normalize;
use crate::table::{err, field, fields, list, rows};
use crate::ActorsError;
use std::collections::HashMap;

const FILE: &str = "state_forces.tsv";

/// One country as the registry names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CountryInfo {
    /// ISO 3166-1 alpha-2 code ("AF").
    pub alpha2: String,
    /// Short English name used in canonical names ("Syria", "Philippines").
    pub name: String,
    /// Whether the name takes "the" after "of" ("Military Forces of the Philippines").
    pub the: bool,
    /// All names matched in text (the short name first).
    pub names: Vec<String>,
    /// Demonyms matched in text ("Afghan"; "US", "U.S.", "American").
    pub demonyms: Vec<String>,
}

impl CountryInfo {
    /// The name as it follows "of": "the Philippines", "Syria".
    pub fn name_after_of(&self) -> String {
        if self.the {
            format!("the {}", self.name)
        } else {
            self.name.clone()
        }
    }
}

/// A state-actor template row.
#[derive(Debug, Clone)]
pub(crate) struct Template {
    /// Its key ("military", "police", "government").
    pub key: String,
    /// Canonical pattern ("Military Forces of {the country}").
    pub canonical: String,
    /// ACLED type.
    pub acled_type: u8,
    /// Alias patterns.
    pub aliases: Vec<String>,
}

impl Template {
    /// The canonical name for one country.
    pub fn canonical_for(&self, c: &CountryInfo) -> String {
        self.canonical.replace("{the country}", &c.name_after_of()).replace("{country}", &c.name)
    }

    /// The alias strings for one country (placeholders expanded over all names/demonyms).
    pub fn aliases_for(&self, c: &CountryInfo) -> Vec<String> {
        let mut out = Vec::new();
        for p in &self.aliases {
            if p.contains("{demonym}") {
                out.extend(c.demonyms.iter().map(|d| p.replace("{demonym}", d)));
            } else if p.contains("{the country}") {
                out.push(p.replace("{the country}", &c.name_after_of()));
            } else if p.contains("{country}") {
                out.extend(c.names.iter().map(|n| p.replace("{country}", n)));
            } else {
                out.push(p.clone());
            }
        }
        out
    }
}

/// Everything `state_forces.tsv` and keshvar give.
#[derive(Debug, Clone)]
pub(crate) struct StateData {
    pub countries: Vec<CountryInfo>,
    pub templates: Vec<Template>,
    /// (country index, template index, aliases).
    pub aliases: Vec<(usize, usize, Vec<String>)>,
}

/// A name or demonym claimed by a country.
struct Claim {
    country: usize,
    explicit: bool,
    un_member: bool,
}

/// The lowercase folded key used to detect two countries claiming the same word.
fn claim_key(s: &str) -> String {
    normalize(s).text.to_lowercase()
}

/// keshvar's (ISO 3166) short name without "(...)" parts or a ", ..." tail:
/// "Iran (Islamic Republic of)" → "Iran", "Tanzania, United Republic of" → "Tanzania".
pub fn clean_iso_name(s: &str) -> String {
    let mut out = String::new();
    let mut depth = 0usize;
    for c in s.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    let out = out.split(',').next().unwrap_or_default();
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Usable as an extra English name: plain ASCII, no brackets or commas, same first three letters.
fn english_variant(unofficial: &str, official: &str) -> bool {
    let plain = unofficial.is_ascii() && !unofficial.contains(['(', ')', '[', ']', ',']) && !unofficial.is_empty();
    let head = |s: &str| normalize(s).text.to_lowercase().chars().take(3).collect::<String>();
    plain && unofficial != official && head(unofficial) == head(official)
}

/// Build the country list and templates.
pub(crate) fn load_states(text: &str) -> Result<StateData, ActorsError> {
    let mut templates: Vec<Template> = Vec::new();
    let mut name_rows: HashMap<String, Vec<String>> = HashMap::new();
    let mut demonym_rows: HashMap<String, Vec<String>> = HashMap::new();
    let mut alias_rows: Vec<(usize, String, String, Vec<String>)> = Vec::new();
    for (line, l) in rows(text) {
        let f = fields(l);
        match f.first().copied() {
            Some("template") => {
                let key = field(&f, 1, FILE, line, "key")?;
                let canonical = field(&f, 2, FILE, line, "canonical")?;
                let t = crate::table::acled_type(field(&f, 3, FILE, line, "type")?, FILE, line)?;
                let aliases = list(field(&f, 4, FILE, line, "aliases")?);
                if !canonical.contains("{country}") && !canonical.contains("{the country}") {
                    return Err(err(FILE, line, "template canonical needs {country} or {the country}"));
                }
                if templates.iter().any(|x| x.key == key) {
                    return Err(err(FILE, line, format!("duplicate template key {key:?}")));
                }
                templates.push(Template {
                    key: key.to_string(),
                    canonical: canonical.to_string(),
                    acled_type: t,
                    aliases: aliases.into_iter().map(String::from).collect(),
                });
            }
            Some(kind @ ("name" | "demonym")) => {
                let code = field(&f, 1, FILE, line, "country")?;
                let values: Vec<String> = list(field(&f, 2, FILE, line, "values")?).into_iter().map(String::from).collect();
                if values.is_empty() {
                    return Err(err(FILE, line, "empty list"));
                }
                let map = if kind == "name" { &mut name_rows } else { &mut demonym_rows };
                if map.insert(code.to_string(), values).is_some() {
                    return Err(err(FILE, line, format!("second {kind} row for {code}")));
                }
            }
            Some("alias") => {
                let code = field(&f, 1, FILE, line, "country")?;
                let key = field(&f, 2, FILE, line, "template key")?;
                let values = list(field(&f, 3, FILE, line, "aliases")?).into_iter().map(String::from).collect();
                alias_rows.push((line, code.to_string(), key.to_string(), values));
            }
            other => return Err(err(FILE, line, format!("unknown row kind {other:?}"))),
        }
    }

    // Countries from keshvar.
    let mut countries = Vec::new();
    let mut explicit_names = Vec::new();
    let mut explicit_demonyms = Vec::new();
    let mut un = Vec::new();
    for c in keshvar::CountryIterator::new() {
        let alpha2 = c.alpha2().to_string();
        let official = clean_iso_name(c.iso_short_name());
        let (name, the, names, explicit_name) = match name_rows.remove(&alpha2) {
            Some(v) => {
                let first = v.first().cloned().unwrap_or_default();
                let (the, short) = match first.strip_prefix("the ") {
                    Some(s) => (true, s.to_string()),
                    None => (false, first),
                };
                let mut names = vec![short.clone()];
                names.extend(v.into_iter().skip(1).filter(|n| *n != short));
                (short, the, names, true)
            }
            None => {
                let mut names = vec![official.clone()];
                let mut short = official.clone();
                if let Some(u) = c.unofficial_name_list().first().filter(|u| english_variant(u, &official)) {
                    if official.starts_with(*u) {
                        short = u.to_string();
                        names.insert(0, u.to_string());
                    } else {
                        names.push(u.to_string());
                    }
                }
                (short, false, names, false)
            }
        };
        let (demonyms, explicit_demonym) = match demonym_rows.remove(&alpha2) {
            Some(v) => (v, true),
            None => (
                c.maybe_nationality()
                    .map(|n| n.split(", ").map(str::trim).filter(|s| !s.is_empty()).map(String::from).collect())
                    .unwrap_or_default(),
                false,
            ),
        };
        explicit_names.push(explicit_name);
        explicit_demonyms.push(explicit_demonym);
        un.push(c.un_member());
        countries.push(CountryInfo { alpha2, name, the, names, demonyms });
    }
    if let Some(code) = name_rows.keys().chain(demonym_rows.keys()).next() {
        return Err(err(FILE, 0, format!("name/demonym row for unknown country {code}")));
    }

    // Resolve words claimed by several countries.
    resolve_claims(&mut countries, &explicit_names, &un, |c| &mut c.names);
    resolve_claims(&mut countries, &explicit_demonyms, &un, |c| &mut c.demonyms);

    let index: HashMap<&str, usize> = countries.iter().enumerate().map(|(i, c)| (c.alpha2.as_str(), i)).collect();
    let mut aliases = Vec::new();
    for (line, code, key, values) in alias_rows {
        let ci = *index.get(code.as_str()).ok_or_else(|| err(FILE, line, format!("unknown country {code}")))?;
        let ti = templates
            .iter()
            .position(|t| t.key == key)
            .ok_or_else(|| err(FILE, line, format!("unknown template key {key:?}")))?;
        aliases.push((ci, ti, values));
    }
    Ok(StateData { countries, templates, aliases })
}

/// Give each contested word to one country: explicit beats keshvar, a UN member beats a
/// territory; a word still tied is dropped from all claimants. The short name is never dropped.
fn resolve_claims(
    countries: &mut [CountryInfo],
    explicit: &[bool],
    un: &[bool],
    words: impl Fn(&mut CountryInfo) -> &mut Vec<String>,
) {
    let mut claims: HashMap<String, Vec<Claim>> = HashMap::new();
    for (i, c) in countries.iter_mut().enumerate() {
        for w in words(c).iter() {
            claims.entry(claim_key(w)).or_default().push(Claim {
                country: i,
                explicit: explicit.get(i).copied().unwrap_or(false),
                un_member: un.get(i).copied().unwrap_or(false),
            });
        }
    }
    for (key, cl) in claims {
        let mut owners: Vec<usize> = cl.iter().map(|c| c.country).collect();
        owners.dedup();
        if owners.len() < 2 {
            continue;
        }
        let rank = |c: &Claim| (c.explicit, c.un_member);
        let best = cl.iter().map(rank).max().unwrap_or((false, false));
        let winners: Vec<usize> = cl.iter().filter(|c| rank(c) == best).map(|c| c.country).collect();
        let winner = if winners.len() == 1 { winners.first().copied() } else { None };
        for c in &cl {
            if Some(c.country) == winner {
                continue;
            }
            if let Some(country) = countries.get_mut(c.country) {
                let short = country.name.clone();
                words(country).retain(|w| claim_key(w) != key || *w == short);
            }
        }
        tracing::trace!(word = %key, ?winner, "contested country word");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_names_are_cleaned() {
        assert_eq!(clean_iso_name("Bolivia (Plurinational State of)"), "Bolivia");
        assert_eq!(clean_iso_name("Palestine, State of"), "Palestine");
        assert_eq!(clean_iso_name("Cocos (Keeling) Islands"), "Cocos Islands");
        assert!(english_variant("Syria", "Syrian Arab Republic"));
        assert!(!english_variant("Island", "Iceland"));
    }
}
