//! Unit tests with sentences written for this crate.

use super::*;

fn reg() -> &'static Registry {
    Registry::global()
}

/// Canonical names of the mentions in `text`.
fn names(text: &str) -> Vec<String> {
    reg().find(text).iter().map(|m| reg().actor(m.actor).canonical.clone()).collect()
}

/// The single mention of `text`, with its matched text.
fn one(text: &str) -> (ActorMention, &Actor, &str) {
    let ms = reg().find(text);
    assert_eq!(ms.len(), 1, "{text:?}: {:?}", ms.iter().map(|m| &text[m.start..m.end]).collect::<Vec<_>>());
    let m = ms.into_iter().next().expect("one mention");
    let a = reg().actor(m.actor);
    let s = &text[m.start..m.end];
    (m, a, s)
}

#[test]
fn islamic_state_forms() {
    let (_, a, s) = one("ISIS jihadists attacked the village");
    assert_eq!(a.canonical, "Islamic State");
    assert_eq!(s, "ISIS jihadists");
    assert_eq!(names("Daesh"), ["Islamic State"]);
    assert_eq!(names("fighters loyal to Da’esh"), ["Unidentified Armed Group ({country})", "Islamic State"]);
    assert_eq!(names("An IS suicide bomber struck"), ["Islamic State"]);
    assert_eq!(names("the Islamic State group said"), ["Islamic State"]);
    assert_eq!(names("Isis claimed the attack"), ["Islamic State"]);
}

#[test]
fn is_is_not_a_word() {
    for t in ["this is a test", "Is it", "It is what it is", "THIS IS A TEST", "islamic state"] {
        assert!(names(t).iter().all(|n| n != "Islamic State"), "{t:?}: {:?}", names(t));
    }
}

#[test]
fn state_forces_by_demonym() {
    let (m, a, s) = one("Afghan security forces repelled the attack");
    assert_eq!(a.canonical, "Military Forces of Afghanistan");
    assert_eq!(a.kind, ActorKind::State);
    assert_eq!(m.country.as_deref(), Some("AF"));
    assert_eq!(s, "Afghan security forces");
    for (t, canon, cc) in [
        ("Nigerian troops", "Military Forces of Nigeria", "NG"),
        ("Iraqi soldiers", "Military Forces of Iraq", "IQ"),
        ("Pakistani police", "Police Forces of Pakistan", "PK"),
        ("the Israeli army", "Military Forces of Israel", "IL"),
        ("Syrian government forces", "Military Forces of Syria", "SY"),
        ("US troops", "Military Forces of the United States", "US"),
        ("U.S. forces", "Military Forces of the United States", "US"),
        ("Filipino soldiers", "Military Forces of the Philippines", "PH"),
        ("Congolese army", "Military Forces of the Democratic Republic of Congo", "CD"),
        ("the Kenyan government", "Government of Kenya", "KE"),
        ("Nigerien soldiers", "Military Forces of Niger", "NE"),
        ("the IDF said", "Military Forces of Israel", "IL"),
        ("Tatmadaw troops", "Military Forces of Myanmar", "MM"),
        ("Russia's army", "Military Forces of Russia", "RU"),
    ] {
        let ms = reg().find(t);
        let m = ms.first().unwrap_or_else(|| panic!("{t:?}: no mention"));
        assert_eq!(reg().actor(m.actor).canonical, canon, "{t:?}");
        assert_eq!(m.country.as_deref(), Some(cc), "{t:?}");
    }
}

#[test]
fn groups_absorb_fighter_nouns() {
    let (_, a, s) = one("the Taliban claimed responsibility");
    assert_eq!(a.canonical, "Taliban");
    assert_eq!(s, "Taliban");
    for t in ["Taliban militants", "Islamic State fighters", "al-Shabaab militants", "Boko Haram insurgents"] {
        let (_, _, s) = one(t);
        assert_eq!(s, t, "the noun is part of the group mention");
    }
    assert_eq!(names("Boko Haram insurgents"), ["Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad"]);
    assert_eq!(names("Houthi rebels fired a missile"), ["Ansar Allah"]);
}

#[test]
fn ttp_spellings() {
    for t in ["Tehreek-e-Taliban Pakistan", "Pakistani Taliban", "Tehrik-i-Taliban Pakistan (TTP)", "the TTP"] {
        assert_eq!(names(t).first().map(String::as_str), Some("TTP: Tehreek-i-Taliban Pakistan"), "{t:?}");
    }
}

#[test]
fn al_shabaab_spellings() {
    for t in ["al-Shabab militants", "Al Shabaab", "al Shabaab", "Al-Shabaab", "Shabaab fighters", "al-Shabaab’s"] {
        assert_eq!(names(t), ["Al Shabaab"], "{t:?}");
    }
}

#[test]
fn provinces_have_parents() {
    let (_, a, _) = one("ISWAP");
    assert_eq!(a.parent.as_deref(), Some("Islamic State"));
    assert_eq!(reg().parent(a.id).map(|p| reg().actor(p).canonical.as_str()), Some("Islamic State"));
    assert_eq!(names("Islamic State West Africa Province"), [a.canonical.as_str()]);
    assert_eq!(names("IS-K"), ["Islamic State (Khorasan)"]);
    assert_eq!(names("Islamic State Khorasan Province"), ["Islamic State (Khorasan)"]);
}

#[test]
fn generic_actors_take_the_country() {
    let (_, a, _) = one("gunmen");
    assert_eq!(a.kind, ActorKind::Generic);
    assert_eq!(reg().canonical_in(a.id, Some("Nigeria")), "Unidentified Armed Group (Nigeria)");
    assert_eq!(reg().canonical_in(a.id, None), "Unidentified Armed Group");
    let (_, p, _) = one("Protesters gathered");
    assert_eq!(reg().canonical_in(p.id, Some("India")), "Protesters (India)");
    assert_eq!(reg().lookup("Protesters (India)"), Some(p.id));
    let (_, s, _) = one("soldiers opened fire");
    assert_eq!(reg().canonical_in(s.id, Some("Philippines")), "Military Forces of the Philippines");
    assert_eq!(reg().canonical_in(s.id, Some("PH")), "Military Forces of the Philippines");
    assert_eq!(reg().canonical_in(s.id, None), "Military Forces");
    let ph = reg().state_for(s.id, "PH").map(|i| reg().actor(i).canonical.as_str());
    assert_eq!(ph, Some("Military Forces of the Philippines"));
    // Non-generic actors keep their name.
    let (_, t, _) = one("Taliban");
    assert_eq!(reg().canonical_in(t.id, Some("Pakistan")), "Taliban");
}

#[test]
fn common_words_are_not_actors() {
    assert!(names("Front").is_empty());
    // "Army" alone is the generic army of the event's country, never a named group.
    assert_eq!(names("Army"), ["Military Forces of {country}"]);
    assert!(names("the popular front").is_empty());
    assert!(names("They let him go and sent a PDF").is_empty());
    assert_eq!(names("the Zomi Revolutionary Army"), Vec::<String>::new());
    assert!(names("an islamic state is their goal").is_empty());
}

#[test]
fn longest_match_wins() {
    assert_eq!(names("Libyan National Army"), ["LNA: Libyan National Army"]);
    assert_eq!(names("the Free Syrian Army"), ["Free Syrian Army"]);
    assert_eq!(names("Kata'ib Hezbollah"), ["Kata'ib Hezbollah"]);
    assert_eq!(names("SPLA-IO forces"), ["SPLM/A-IO: Sudan People's Liberation Movement/Army-In Opposition"]);
    assert_eq!(names("South Sudanese troops"), ["Military Forces of South Sudan"]);
}

#[test]
fn pro_and_anti() {
    let (_, a, s) = one("pro-GNA forces");
    assert_eq!(a.canonical, "Government of National Accord");
    assert_eq!(s, "pro-GNA forces");
    assert_eq!(names("pro-government forces"), ["Military Forces of {country}"]);
    assert_eq!(names("pro-Russian separatists"), ["NAF: United Armed Forces of Novorossiya"]);
    assert_eq!(names("anti-Taliban forces"), Vec::<String>::new());
    assert_eq!(names("anti-government protesters"), ["Protesters ({country})"]);
}

#[test]
fn acronyms_are_case_sensitive() {
    assert_eq!(names("PKK and YPG"), ["PKK: Kurdistan Workers' Party", "YPG: People's Protection Units"]);
    assert!(names("the pkk").is_empty());
    assert_eq!(names("JeM"), ["Jaish-e-Mohammed"]);
    assert_eq!(names("JEM"), ["JEM: Justice and Equality Movement"]);
    assert_eq!(names("M23 rebels"), ["M23: March 23 Movement"]);
    assert_eq!(names("ISIS KILLS 12"), Vec::<String>::new(), "acronyms are not trusted in all-caps text");
}

#[test]
fn bracketed_repetition_is_one_mention() {
    let (_, a, s) = one("Hayat Tahrir al-Sham (HTS) fighters entered the city");
    assert_eq!(a.canonical, "HTS: Hayat Tahrir al Sham");
    assert_eq!(s, "Hayat Tahrir al-Sham (HTS) fighters");
    let (_, _, s) = one("ISWAP (Islamic State West Africa Province) said");
    assert_eq!(s, "ISWAP (Islamic State West Africa Province)");
    // A different actor in brackets stays separate.
    assert_eq!(names("Boko Haram (ISWAP)").len(), 2);
}

#[test]
fn canonical_names_are_unique() {
    let mut seen = HashSet::new();
    for a in reg().actors() {
        assert!(seen.insert(a.canonical.as_str()), "duplicate canonical {:?}", a.canonical);
    }
}

#[test]
fn spans_are_in_the_original_text() {
    let text = "On Monday, Séléka  fighters and Nigerian soldiers clashed.";
    let ms = reg().find(text);
    let got: Vec<&str> = ms.iter().map(|m| &text[m.start..m.end]).collect();
    assert_eq!(got, ["Séléka  fighters", "Nigerian soldiers"]);
}

#[test]
fn lookup_rules() {
    let r = reg();
    let is = r.lookup("Islamic State");
    assert!(is.is_some());
    assert_eq!(r.lookup("ISIS"), is);
    assert_eq!(r.lookup("islamic state"), is, "canonical names are case-insensitive");
    assert_eq!(r.lookup("is"), None);
    assert_eq!(r.lookup("ISIS fighters in Raqqa"), None);
    assert_eq!(r.lookup("Military Forces of Afghanistan"), r.state_actor("military", "AF"));
}

#[test]
fn every_data_row_parses() {
    let r = Registry::load().expect("data loads");
    let st = r.stats();
    assert!(st.groups >= 150, "{st:?}");
    // Every group row became an actor with a sane type and known parent.
    assert_eq!(st.groups, table::rows(GROUPS).count() + table::rows(PARTIES).count());
    assert_eq!(st.parties, table::rows(PARTIES).count());
    assert!(st.parties >= 250, "{st:?}");
    for a in r.actors() {
        assert!((1..=8).contains(&a.acled_type), "{a:?}");
        if let Some(p) = &a.parent {
            assert!(r.lookup(p).is_some(), "{a:?}");
        }
    }
    // Every generic row is in one generic actor.
    let generic_rows = table::rows(GENERIC).count();
    let generic_surfaces: usize = r.patterns.iter().filter(|p| p.rank == 2).count();
    assert!(generic_surfaces <= generic_rows && generic_surfaces + 5 >= generic_rows, "{generic_surfaces} of {generic_rows}");
    // Every state row parsed (load_states would have failed), and every generated state
    // actor names exactly one known country.
    assert_eq!(st.countries, keshvar::CountryIterator::new().count());
    assert_eq!(st.states, st.countries * 3);
    for a in r.actors().iter().filter(|a| a.kind == ActorKind::State) {
        let [cc] = a.countries.as_slice() else { panic!("{a:?}") };
        let c = r.country(cc).unwrap_or_else(|| panic!("{a:?}"));
        assert!(!c.name.is_empty() && !a.canonical.contains('{'), "{a:?}");
        assert!(a.canonical.ends_with(&c.name), "{a:?} {c:?}");
    }
    // Every suffix and descriptor line is a plain lowercase word sequence.
    for (_, l) in table::rows(SUFFIXES).chain(table::rows(DESCRIPTORS)) {
        assert_eq!(l, l.to_lowercase().trim(), "{l:?}");
    }
}

#[test]
fn groups_do_not_share_aliases() {
    let r = reg();
    let groups = r.stats().groups as ActorId;
    let clashes: Vec<_> = r.collisions().iter().filter(|c| c.kept < groups && c.dropped < groups).collect();
    assert!(clashes.is_empty(), "{clashes:#?}");
    // Aliases equal ignoring case must also belong to one group, unless acronym rules keep
    // them apart (JeM / JEM).
    let mut seen: HashMap<String, (ActorId, &str)> = HashMap::new();
    let mut bad = Vec::new();
    for p in r.patterns.iter().filter(|p| p.rank == 0) {
        if let Some((a, t)) = seen.insert(p.text.to_lowercase(), (p.actor, &p.text)) {
            if a != p.actor && t.chars().filter(|c| c.is_uppercase()).count() < 2 {
                bad.push((t.to_string(), p.text.clone()));
            }
        }
    }
    assert!(bad.is_empty(), "{bad:?}");
}

#[test]
fn country_names_and_demonyms() {
    let r = reg();
    let sy = r.country("SY").expect("Syria");
    assert_eq!(sy.name, "Syria");
    assert!(sy.demonyms.iter().any(|d| d == "Syrian"));
    assert_eq!(r.country("Syria").map(|c| c.alpha2.as_str()), Some("SY"));
    assert_eq!(r.country("Russian Federation").map(|c| c.alpha2.as_str()), Some("RU"));
    // "Nigerian" belongs to Nigeria only; "Congolese" to the DRC; "Dutch" to the Netherlands.
    for (d, cc) in [("Nigerian", "NG"), ("Congolese", "CD"), ("Dutch", "NL"), ("French", "FR"), ("Chinese", "CN")] {
        let owners: Vec<&str> = r.countries().iter().filter(|c| c.demonyms.iter().any(|x| x == d)).map(|c| c.alpha2.as_str()).collect();
        assert_eq!(owners, [cc], "{d}");
    }
    // "Jersey police" inside "New Jersey police" is not Jersey's: only the generic remains.
    assert_eq!(names("New Jersey police"), ["Police Forces of {country}"]);
}

#[test]
fn build_is_fast() {
    let r = Registry::load().expect("loads");
    eprintln!("registry: {:?}, built in {:?}", r.stats(), r.build_time());
    // Generous bound for unoptimised test builds; release builds are far faster.
    assert!(r.build_time() < Duration::from_secs(5));
}

/// The (canonical, country) pairs of the party mentions in `text` (groups of one country).
fn parties(text: &str) -> Vec<(String, String)> {
    reg()
        .find(text)
        .iter()
        .filter(|m| reg().is_party(m.actor))
        .map(|m| {
            let a = reg().actor(m.actor);
            (a.canonical.clone(), a.countries.join("|"))
        })
        .collect()
}

#[test]
fn parties_name_their_country() {
    for (t, canon, cc) in [
        ("BJP members held a protest in the town", "BJP: Bharatiya Janata Party", "IN"),
        ("The BNP-led 20-party alliance enforced a blockade", "BNP: Bangladesh Nationalist Party", "BD"),
        ("PML-N workers blocked the highway", "PML-N: Pakistan Muslim League (Nawaz)", "PK"),
        ("CPN-UML cadres clashed with each other", "CPN-UML: Communist Party of Nepal (Unified Marxist-Leninist)", "NP"),
        ("Congress workers staged a sit-in", "INC: Indian National Congress", "IN"),
        ("A PPP worker was shot dead", "PPP: Pakistan People's Party", "PK"),
        ("CPN-Maoist cadres torched a telecom tower", "CPN-Maoist (Chand): Communist Party of Nepal-Maoist (Netra Bikram Chand)", "NP"),
        ("VHP activists blocked the road", "VHP: Vishwa Hindu Parishad", "IN"),
        ("ABVP and SFI students clashed", "ABVP: Akhil Bharatiya Vidyarthi Parishad", "IN"),
        ("Shiv Sainiks ransacked the office", "SS: Shiv Sena", "IN"),
        ("TMC supporters attacked the convoy", "AITC: All India Trinamool Congress", "IN"),
        ("CPI(M) workers marched", "CPI(M): Communist Party of India (Marxist)", "IN"),
        ("CPM workers marched", "CPI(M): Communist Party of India (Marxist)", "IN"),
        ("PTI supporters gathered outside the court", "PTI: Pakistan Tehreek-i-Insaf", "PK"),
        ("MQM activists observed a strike", "MQM: Muttahida Qaumi Movement", "PK"),
        ("JUI-F held a rally", "JUI-F: Jamiat Ulema-e-Islam (Fazl)", "PK"),
        ("Nepali Congress leaders were detained", "NC: Nepali Congress", "NP"),
        ("the agitating Madhesi parties called a general strike", "UDMF: United Democratic Madhesi Front", "NP"),
        ("UNP supporters were attacked", "UNP: United National Party", "LK"),
        ("NLD members were arrested", "NLD: National League for Democracy", "MM"),
        ("Pheu Thai supporters rallied", "Pheu Thai Party", "TH"),
        ("CNRP activists were detained", "CNRP: Cambodia National Rescue Party", "KH"),
        ("PDI-P cadres rallied", "PDI-P: Indonesian Democratic Party of Struggle", "ID"),
        ("Sadrists stormed the parliament", "Sadrist Movement", "IQ"),
        ("Ennahda supporters protested", "Ennahda", "TN"),
        ("ODM supporters protested in Kisumu", "ODM: Orange Democratic Movement", "KE"),
        ("APC supporters clashed with rivals", "APC: All Progressives Congress", "NG"),
        ("ZANU-PF youths assaulted them", "ZANU-PF: Zimbabwe African National Union-Patriotic Front", "ZW"),
        ("EFF members marched to the mine", "EFF: Economic Freedom Fighters", "ZA"),
        ("Morena supporters blocked the road", "Morena: National Regeneration Movement", "MX"),
        ("PRI militants were attacked", "PRI: Institutional Revolutionary Party", "MX"),
        ("PT supporters rallied in Sao Paulo", "PT: Workers' Party (Brazil)", "BR"),
        ("Fidesz supporters rallied", "Fidesz", "HU"),
        ("HDP deputies were detained", "HDP: Peoples' Democratic Party", "TR"),
        ("Peoples Democratic Party (PDP) supporters", "PDP: Peoples Democratic Party", "NG"),
    ] {
        let got = parties(t);
        assert!(got.iter().any(|(c, k)| c == canon && k == cc), "{t:?}: {got:?}");
    }
    // One mention for the name and its bracketed acronym.
    let (_, a, s) = one("Jatiyatabadi Chhatra Dal (JCD) leaders vandalised vehicles");
    assert_eq!((a.canonical.as_str(), a.countries.as_slice()), ("JCD: Jatiyatabadi Chhatra Dal", &["BD".to_string()][..]));
    assert_eq!(s, "Jatiyatabadi Chhatra Dal (JCD) leaders");
    let (_, a, s) = one("Samajwadi Party (SP) workers protested");
    assert_eq!((a.canonical.as_str(), s), ("SP: Samajwadi Party", "Samajwadi Party (SP) workers"));
    assert_eq!(names("Awami League and BCL activists clashed"), ["AL: Bangladesh Awami League", "BCL: Bangladesh Chhatra League"]);
    assert_eq!(names("the SAD-BJP alliance"), ["SAD: Shiromani Akali Dal", "BJP: Bharatiya Janata Party"]);
    assert_eq!(names("a BJP-Congress clash"), ["BJP: Bharatiya Janata Party", "INC: Indian National Congress"]);
    assert_eq!(names("the AAP-Congress alliance"), ["AAP: Aam Aadmi Party", "INC: Indian National Congress"]);
}

#[test]
fn context_aliases_need_party_context() {
    let inc = "INC: Indian National Congress";
    for t in ["Congress leaders met", "Opposition Congress workers", "the Congress-led government", "Punjab Congress chief said", "a Congress MLA was arrested"] {
        assert_eq!(names(t).first().map(String::as_str), Some(inc), "{t:?}");
    }
    for t in [
        "the US Congress passed a bill",
        "US Congress members voted",
        "Congress passed the bill",
        "Trade Union Congress leaders",
        "congress workers",
        "Peruvian Congress members",
    ] {
        assert!(!names(t).iter().any(|n| n == inc), "{t:?}: {:?}", names(t));
    }
    // Acronyms that are also other things count only as parties.
    for t in [
        "the SP said three suspects were held",
        "told PTI on Sunday",
        "(PTI) An APC was hit by a mine",
        "CPI inflation rose",
        "AAP reported the raid",
        "the PAN card",
        "a PT instructor",
        "the DPP filed charges",
        "SPA reported",
    ] {
        assert!(parties(t).is_empty(), "{t:?}: {:?}", parties(t));
    }
    assert_eq!(names("SP workers protested"), ["SP: Samajwadi Party"]);
    assert_eq!(names("PTI workers protested"), ["PTI: Pakistan Tehreek-i-Insaf"]);
    assert_eq!(names("AL activists attacked them"), ["AL: Bangladesh Awami League"]);
}

#[test]
fn ambiguous_party_acronyms_are_left_out() {
    for t in ["NC workers", "PDP leaders", "NCP workers", "SS members", "ST activists", "NPP supporters", "JSP workers"] {
        assert!(parties(t).is_empty(), "{t:?}: {:?}", parties(t));
    }
    // UPDF is Uganda's army, not Bangladesh's United People's Democratic Front.
    assert_eq!(names("UPDF soldiers"), ["Military Forces of Uganda"]);
}

#[test]
fn party_rows_are_consistent() {
    let r = reg();
    let ids = r.parties.0..r.parties.1;
    assert!(ids.len() >= 250);
    for id in ids {
        let a = r.actor(id);
        assert!(matches!(a.acled_type, 2 | 3 | 6), "{a:?}");
        assert!(matches!(a.countries.len(), 1 | 2), "{a:?}");
    }
    let parent = |n: &str| r.lookup(n).and_then(|i| r.parent(i)).map(|p| r.actor(p).canonical.clone());
    assert_eq!(parent("BCL").as_deref(), Some("AL: Bangladesh Awami League"));
    assert_eq!(parent("JCD").as_deref(), Some("BNP: Bangladesh Nationalist Party"));
    assert_eq!(parent("Bajrang Dal").as_deref(), Some("VHP: Vishwa Hindu Parishad"));
    assert_eq!(parent("VHP").as_deref(), Some("RSS: Rashtriya Swayamsevak Sangh"));
    assert_eq!(parent("Saraya al-Salam").as_deref(), Some("Sadrist Movement"), "groups.tsv rows may name a party parent");
    let t = |n: &str| r.lookup(n).map(|i| r.actor(i).acled_type);
    assert_eq!((t("BJP"), t("CITU"), t("BKU"), t("ABVP")), (Some(3), Some(6), Some(6), Some(3)));
}

#[test]
fn parties_take_no_state_or_generic_alias() {
    // A party alias equal to a state or generic one ("UPDF" is Uganda's army) would shadow it.
    let r = reg();
    let bad: Vec<&AliasCollision> = r.collisions().iter().filter(|c| r.is_party(c.kept) || r.is_party(c.dropped)).collect();
    assert!(bad.is_empty(), "{bad:#?}");
}
