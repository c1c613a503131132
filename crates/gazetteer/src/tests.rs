//! Tests over the embedded data (they share the global gazetteer).

use super::*;

fn g() -> &'static Gazetteer {
    Gazetteer::global()
}

fn near(p: &Place, lat: f64, lon: f64, tol: f64) -> bool {
    (p.lat - lat).abs() <= tol && (p.lon - lon).abs() <= tol
}

/// The first candidate of `name` of the given kind in the given country.
fn first_of<'a>(name: &str, kind: PlaceKind, cc: &str) -> Option<&'a Place> {
    g().lookup(name)
        .iter()
        .map(|&id| g().place(id))
        .find(|p| p.kind == kind && p.country_code == cc)
}

/// The surfaces found in `text`.
fn surfaces(text: &str) -> Vec<&str> {
    g().find(text).iter().map(|m| &text[m.start..m.end]).collect()
}

#[test]
fn embedded_data_loads() {
    let g = g();
    assert!(g.len() > 100_000, "only {} places", g.len());
    assert!(!g.is_empty());
    for (i, p) in g.places().iter().enumerate() {
        assert_eq!(p.id as usize, i);
    }
    let kinds = |k: PlaceKind| g.places().iter().filter(|p| p.kind == k).count();
    assert!(kinds(PlaceKind::Country) >= 240);
    assert!(kinds(PlaceKind::Admin1) >= 3000);
    assert!(kinds(PlaceKind::Admin2) >= 10_000);
    assert!(kinds(PlaceKind::City) >= 150_000);
}

#[test]
fn tripoli_prefers_libya() {
    let ids = g().lookup("Tripoli");
    let ccs: Vec<&str> = ids.iter().map(|&id| g().place(id).country_code.as_str()).collect();
    assert!(ccs.contains(&"LY") && ccs.contains(&"LB"), "{ccs:?}");
    assert_eq!(ccs[0], "LY");
    let ly = first_of("Tripoli", PlaceKind::City, "LY").expect("Tripoli LY");
    let lb = first_of("Tripoli", PlaceKind::City, "LB").expect("Tripoli LB");
    let pos = |p: &Place| ids.iter().position(|&id| id == p.id);
    assert!(pos(ly) < pos(lb));
}

#[test]
fn misrata_spellings() {
    for name in ["Misurata", "Misratah", "Misrata", "Miṣrātah"] {
        let p = first_of(name, PlaceKind::City, "LY").unwrap_or_else(|| panic!("{name}"));
        assert!(near(p, 32.37, 15.09, 0.1), "{name}: {p:?}");
        assert_eq!(g().place(g().lookup(name)[0]).country_code, "LY");
    }
}

#[test]
fn sirte_spellings() {
    for name in ["Sirte", "Surt"] {
        let ids = g().lookup(name);
        assert!(!ids.is_empty(), "{name}");
        assert_eq!(g().place(ids[0]).country_code, "LY", "{name}");
        assert!(first_of(name, PlaceKind::City, "LY").is_some(), "{name}");
    }
    // "Sirt" also spells Siirt (Turkey, larger) once doubled letters collapse.
    assert!(first_of("Sirt", PlaceKind::City, "LY").is_some());
}

#[test]
fn nangarhar_province() {
    for name in ["Nangarhar province", "Nangarhar", "Nangrahar", "Nangarhar Province"] {
        let p = first_of(name, PlaceKind::Admin1, "AF").unwrap_or_else(|| panic!("{name}"));
        assert!(near(p, 34.2, 70.6, 0.3), "{name}: {p:?}");
    }
    let text = "Fighting continued in Nangarhar province on Tuesday.";
    let ms = g().find(text);
    let m = ms.iter().find(|m| text[m.start..m.end].contains("Nangarhar")).expect("match");
    assert!(m.start <= text.find("Nangarhar").unwrap_or(0));
    assert!(g().place(m.candidates[0]).kind == PlaceKind::Admin1);
    assert_eq!(g().place(m.candidates[0]).country_code, "AF");
}

#[test]
fn demonyms() {
    let ly = g().country_by_name("Libyan").expect("Libyan");
    assert_eq!(ly.country_code, "LY");
    let text = "Libyan forces said Afghans crossed.";
    let ms = g().find(text);
    assert_eq!(ms.len(), 2, "{ms:?}");
    assert!(ms[0].demonym && g().place(ms[0].candidates[0]).country_code == "LY");
    assert_eq!(&text[ms[1].start..ms[1].end], "Afghans");
    assert!(ms[1].demonym && g().place(ms[1].candidates[0]).country_code == "AF");
    assert!(g().find("the afghan border").is_empty());
}

#[test]
fn countries_by_name() {
    for (name, cc) in [
        ("Libya", "LY"),
        ("Syria", "SY"),
        ("Syrian Arab Republic", "SY"),
        ("U.S.", "US"),
        ("United States", "US"),
        ("Iran", "IR"),
        ("the Gambia", "GM"),
        ("Democratic Republic of the Congo", "CD"),
        ("Afghan", "AF"),
    ] {
        assert_eq!(g().country_by_name(name).map(|p| p.country_code.as_str()), Some(cc), "{name}");
    }
    assert_eq!(g().country("ly").map(|p| p.name.as_str()), Some("Libya"));
    assert!(g().country("XX").is_none());
}

#[test]
fn kabul_and_friends() {
    let ms = g().find("Kabul");
    assert_eq!(ms.len(), 1);
    assert!(ms[0].candidates.iter().any(|&id| {
        let p = g().place(id);
        p.kind == PlaceKind::City && p.country_code == "AF"
    }));
    assert!(first_of("Mosul", PlaceKind::City, "IQ").is_some());
    for (a, b) in [("al-Bab", "Al Bab"), ("El Bab", "Al Bab"), ("Ar-Raqqah", "Raqqa")] {
        assert_eq!(g().lookup(a), g().lookup(b), "{a} / {b}");
        assert!(!g().lookup(a).is_empty(), "{a}");
    }
    assert!(first_of("al-Bab", PlaceKind::City, "SY").is_some());
    assert!(first_of("Raqqa", PlaceKind::City, "SY").is_some());
}

#[test]
fn admin1_links() {
    let kabul = first_of("Kabul", PlaceKind::City, "AF").expect("Kabul");
    let a1 = kabul.admin1.as_deref().expect("admin1");
    let region = g().admin1_of("AF", a1).expect("region");
    assert_eq!(region.kind, PlaceKind::Admin1);
    assert_eq!(region.country_code, "AF");
    let misrata = first_of("Misrata", PlaceKind::City, "LY").expect("Misrata");
    let region = g().admin1_of("LY", misrata.admin1.as_deref().unwrap_or("")).expect("LY region");
    assert!(region.code.as_deref().is_some_and(|c| c.starts_with("LY-")), "{region:?}");
}

#[test]
fn common_words_do_not_match() {
    assert!(g().find("Police said three people died.").is_empty());
    assert!(g().find("Mission accomplished, he said.").is_empty());
    let ms = g().find("Gaddafi's hometown was shelled.");
    assert!(ms.is_empty(), "{ms:?}");
    // but a big city with a word-like name matches mid-sentence
    assert_eq!(surfaces("They flew to Nice on Monday."), vec!["Nice"]);
}

#[test]
fn longest_match_wins() {
    assert_eq!(surfaces("Flights from New York resumed"), vec!["New York"]);
    let s = surfaces("Clashes in Dera Ismail Khan and Sar-e Pol.");
    assert_eq!(s, vec!["Dera Ismail Khan", "Sar-e Pol"]);
}

#[test]
fn offsets_with_diacritics_and_apostrophes() {
    let text = "Shelling hit Ḥalab’s outskirts and Zāhedān, near Ma‘arrat al-Nu‘man.";
    let ms = g().find(text);
    let got: Vec<&str> = ms.iter().map(|m| &text[m.start..m.end]).collect();
    assert!(got.contains(&"Ḥalab"), "{got:?}");
    assert!(got.contains(&"Zāhedān"), "{got:?}");
    let z = ms.iter().find(|m| &text[m.start..m.end] == "Zāhedān").expect("Zāhedān");
    assert_eq!(g().place(z.candidates[0]).country_code, "IR");
    // decomposed diacritics (combining macrons) map back to the right bytes too
    let text = "Protests in Za\u{304}heda\u{304}n and Kabul\u{2019}s suburbs.";
    assert_eq!(surfaces(text), vec!["Za\u{304}heda\u{304}n", "Kabul"]);
    let text = "Forces entered al-Bab and ‘Kabul’ yesterday.";
    let got = surfaces(text);
    assert_eq!(got, vec!["al-Bab", "Kabul"]);
}

#[test]
fn acronyms_need_caps() {
    let ms = g().find("US forces left the UAE.");
    let ccs: Vec<&str> = ms.iter().map(|m| g().place(m.candidates[0]).country_code.as_str()).collect();
    assert_eq!(ccs, vec!["US", "AE"]);
    assert!(g().find("Us and them").is_empty());
}

#[test]
fn find_is_fast_enough() {
    let g = g();
    let para = "KABUL (Reuters) - Taliban fighters attacked a checkpoint in the Chaparhar district \
        of Nangarhar province on Tuesday, killing at least 12 Afghan soldiers, officials said. \
        Police said the attackers fled towards Jalalabad. In Libya, forces loyal to the \
        government in Tripoli clashed with fighters near Sirte and Misrata, while in Syria \
        air strikes hit al-Bab and Ar-Raqqah. ";
    let text = para.repeat(4);
    let t = std::time::Instant::now();
    let mut n = 0;
    for _ in 0..20 {
        n += g.find(&text).len();
    }
    let per_kb = t.elapsed().as_secs_f64() * 1e6 / 20.0 / (text.len() as f64 / 1024.0);
    assert!(n > 0);
    // generous bound so debug builds pass; release is far below the 50 µs/KB target
    assert!(per_kb < 5_000.0, "{per_kb} µs/KB");
}

#[test]
fn a_small_town_does_not_match_through_its_doubled_letters_alone() {
    // Sinnai (Sardinia, 16,000 people) is not "Sinai"; a spelling with the doubled letters still is.
    let text = "Militants attacked a checkpoint in Sinai province on Monday.";
    let found: Vec<&str> = g()
        .find(text)
        .iter()
        .flat_map(|m| m.candidates.iter().map(|&id| g().place(id).name.as_str()))
        .collect();
    assert!(!found.contains(&"Sinnai"), "{found:?}");
    let text = "Police in Sinnai said the fire was out.";
    let found: Vec<&str> = g()
        .find(text)
        .iter()
        .flat_map(|m| m.candidates.iter().map(|&id| g().place(id).name.as_str()))
        .collect();
    assert!(found.contains(&"Sinnai"), "{found:?}");
}

#[test]
fn regions_named_by_their_bearing_named_parts() {
    // North, South, West, East and Central Darfur make Darfur; North and South Kivu, Kivu.
    for (name, cc, lat, lon) in [("Darfur", "SD", 13.0, 24.5), ("Kivu", "CD", -1.5, 28.5)] {
        let p = first_of(name, PlaceKind::Admin1, cc).unwrap_or_else(|| panic!("{name}"));
        assert!(near(p, lat, lon, 2.5), "{name}: {p:?}");
    }
}

#[test]
#[ignore = "prints the derived regions, for review"]
fn print_bearing_regions() {
    for p in g().places().iter().filter(|p| p.kind == PlaceKind::Admin1 && p.admin1.is_none() && p.code.is_none()) {
        println!("{} {} {:.2} {:.2}", p.country_code, p.name, p.lat, p.lon);
    }
}

#[test]
fn a_one_word_name_is_judged_by_its_spelling_not_its_key() {
    // "Anah" and "Anna" share the key "ana"; only "Anna" is a frequent word.
    let text = "A car bomb exploded in Anah, western Iraq.";
    let ms = g().find(text);
    let m = ms.iter().find(|m| &text[m.start..m.end] == "Anah").expect("Anah is found");
    assert!(m.candidates.iter().any(|&id| g().place(id).country_code == "IQ"));
    // The frequent first name still needs a big town.
    assert!(!surfaces("Police said Anna was wounded in the attack.").contains(&"Anna"));
}

#[test]
fn regions_by_their_english_names() {
    // ISO 3166-2 names are local ("Shabeellaha Dhexe"); reports use the English one.
    let text = "A bomb went off in Jowhar, Middle Shebelle, Somalia.";
    let ms = g().find(text);
    let m = ms.iter().find(|m| text[m.start..m.end].starts_with("Middle")).expect("Middle Shebelle is found");
    assert!(m.candidates.iter().any(|&id| {
        let p = g().place(id);
        p.kind == PlaceKind::Admin1 && p.country_code == "SO"
    }));
    // A translation that is a common adjective is not a region's name.
    assert!(!surfaces("A Jewish teen was stabbed in the old city.").contains(&"Jewish"));
}

#[test]
fn two_word_names_written_as_one() {
    // GeoNames writes "Dera Bugti" and "Rāj-Nāndgaon"; reports also write them as one word.
    let joined = surfaces("Troops moved from Derabugti to Rajnandgaon overnight.");
    assert!(joined.contains(&"Derabugti") && joined.contains(&"Rajnandgaon"), "{joined:?}");
    assert_eq!(g().place(g().lookup("Derabugti")[0]).country_code, "PK");
    // Short pairs stay apart: "Al Bab" is not "Albab".
    assert!(g().lookup("Albab").is_empty());
}

#[test]
fn a_town_matched_by_an_alternate_name_is_flagged() {
    let text = "Mills in Lyallpur and Faisalabad reopened.";
    let ms = g().find(text);
    let flag = |surface: &str| {
        let m = ms.iter().find(|m| &text[m.start..m.end] == surface).expect(surface);
        let k = m.candidates.iter().position(|&id| g().place(id).name == "Faisalabad").expect("Faisalabad");
        m.is_alternate(k)
    };
    assert!(flag("Lyallpur"));
    assert!(!flag("Faisalabad"));
}

#[test]
fn short_initials_in_running_text_are_not_towns() {
    // "PALA" and "KRA" are also towns' names; in brackets after a group's name they are initials.
    let text = "Members of the Progressive Arts League (PALA) and the Kanto Rifles Association (KRA) marched.";
    assert!(!surfaces(text).iter().any(|s| *s == "PALA" || *s == "KRA"), "{:?}", surfaces(text));
    // A placeline in capitals keeps its town.
    assert!(surfaces("KABUL, Afghanistan — Two people were killed.").contains(&"KABUL"));
}

#[test]
fn spelling_variants_of_unknown_names_only() {
    let names = |s: &str| g().variants(s).iter().map(|&(id, d)| (g().place(id).name.clone(), d)).collect::<Vec<_>>();
    // Not a key; Shekhupura (Pakistan) is one vowel away.
    assert!(g().lookup("Sheikhupra").is_empty());
    assert!(names("Sheikhupra").contains(&("Shekhupura".to_string(), 1)), "{:?}", names("Sheikhupra"));
    // A known name has no variants; nor has an English word or a frequent name.
    assert!(names("Sheikhupura").is_empty());
    assert!(names("Militia").is_empty());
    assert!(names("Taliban").is_empty());
    // Names of four letters or fewer are never varied.
    assert!(names("Kaul").is_empty());
    // Countries are never variants.
    assert!(g().variants("Afganistan").iter().all(|&(id, _)| g().place(id).kind != PlaceKind::Country));
}
