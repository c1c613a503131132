//! Load the gazetteer, report load time, size and `find` speed, and show matches.
//!
//! `cargo run --release -p sitrep-gazetteer --example probe -- [TEXT | @FILE | ?NAME]`

use sitrep_gazetteer::{Gazetteer, PlaceKind};
use std::time::Instant;

fn main() {
    let t = Instant::now();
    let g = match Gazetteer::load() {
        Ok(g) => g,
        Err(e) => {
            eprintln!("load failed: {e}");
            std::process::exit(1);
        }
    };
    let load = t.elapsed();
    let count = |k: PlaceKind| g.places().iter().filter(|p| p.kind == k).count();
    println!(
        "load {:.0} ms; {} places ({} countries, {} admin1, {} admin2, {} cities); {} keys; ~{} MB heap",
        load.as_secs_f64() * 1e3,
        g.len(),
        count(PlaceKind::Country),
        count(PlaceKind::Admin1),
        count(PlaceKind::Admin2),
        count(PlaceKind::City),
        g.key_count(),
        g.heap_bytes() / 1_000_000
    );
    let synthetic = g.places().iter().filter(|p| p.kind == PlaceKind::Admin1 && p.code.is_none()).count();
    println!("admin1 without an ISO 3166-2 match (from town data only): {synthetic}");
    if let Ok(status) = std::fs::read_to_string("/proc/self/status") {
        for l in status.lines().filter(|l| l.starts_with("VmRSS") || l.starts_with("VmHWM")) {
            println!("{l}");
        }
    }
    let arg = std::env::args().nth(1).unwrap_or_default();
    if let Some(name) = arg.strip_prefix('?') {
        for &id in g.lookup(name).iter().take(15) {
            println!("  {:?}", g.place(id));
        }
        return;
    }
    let text = match arg.strip_prefix('@') {
        Some(path) => std::fs::read_to_string(path).unwrap_or_default(),
        None if !arg.is_empty() => arg,
        None => SAMPLE.to_string(),
    };
    let budget: usize = std::env::var("PROBE_BYTES").ok().and_then(|v| v.parse().ok()).unwrap_or(2_000_000);
    let reps = (budget / text.len().max(1)).max(1);
    g.find(&text);
    let t = Instant::now();
    let mut n = 0;
    for _ in 0..reps {
        n += g.find(&text).len();
    }
    let per_kb = t.elapsed().as_secs_f64() * 1e6 / reps as f64 / (text.len() as f64 / 1024.0);
    println!("find: {:.1} µs/KB ({} bytes, {} matches/run)", per_kb, text.len(), n / reps);
    for m in g.find(&text) {
        let p = g.place(m.candidates[0]);
        println!(
            "  {:>5}..{:<5} {:<28} -> {:?} {} ({}, {:?}) pop {} [{} cands]{}",
            m.start,
            m.end,
            &text[m.start..m.end],
            p.kind,
            p.name,
            p.country_code,
            p.admin1,
            p.population,
            m.candidates.len(),
            if m.demonym { " demonym" } else { "" }
        );
    }
    // Capitalised words the gazetteer does not know: their spelling variants, if any.
    for w in text.split(|c: char| !c.is_alphanumeric() && c != '-' && c != '\'') {
        if !w.chars().next().is_some_and(char::is_uppercase) {
            continue;
        }
        for (id, d) in g.variants(w).into_iter().take(3) {
            let p = g.place(id);
            println!("  variant {w:<20} -> {:?} {} ({}, {:?}) pop {} [{d} edits]", p.kind, p.name, p.country_code, p.admin1, p.population);
        }
    }
}

const SAMPLE: &str = "KABUL (Reuters) - Taliban fighters attacked a checkpoint in the Chaparhar \
district of Nangarhar province on Tuesday, killing at least 12 Afghan soldiers, officials said. \
Police said the attackers fled towards Jalalabad. In Libya, forces loyal to the government in \
Tripoli clashed with fighters near Sirte and Misrata, while in Syria air strikes hit al-Bab and \
Ar-Raqqah, the Syrian Observatory for Human Rights said. Mission officials from the United \
Nations visited Mosul and Baghdad. Gaddafi's hometown was quiet. U.S. and UK envoys met in \
Geneva. Ahmed Ali, a resident of Deir ez-Zor, said the Islamic State group still held villages \
near the Iraqi border. Saudi-led coalition jets struck Sanaa and Hodeidah, Yemen. The Pentagon \
said Monday that Victoria Nuland would travel to Kyiv and Donetsk. Boko Haram attacked Maiduguri \
in Borno State, Nigeria. Al-Shabaab fighters struck Mogadishu. Heavy fighting in Khartoum and \
El Fasher, North Darfur, displaced thousands, Médecins Sans Frontières said.";
