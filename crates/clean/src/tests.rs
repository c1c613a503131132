use super::*;

/// Kind of the noise span covering exactly `line` in `text`, if any.
fn kind_of(text: &str, c: &Cleaned, line: &str) -> Option<NoiseKind> {
    let start = text.find(line).expect("test line present");
    let span = Span::new(start, start + line.len());
    c.noise.iter().find(|n| n.span == span).map(|n| n.kind)
}

/// Kind of a line standing alone in a JSONL-style body between two news paragraphs.
fn alone(line: &str) -> Option<NoiseKind> {
    let text = format!(
        "Gunmen attacked a checkpoint near the town on Monday, officials said.\n\n{line}\n\nThe army said it had sent reinforcements to the area."
    );
    let c = clean(&text, InputFormat::Jsonl);
    // The surrounding news paragraphs are never noise.
    assert_eq!(c.noise.len(), c.noise.iter().filter(|n| n.span.slice(&text) == line).count(), "{line:?}: {:?}", c.noise);
    kind_of(&text, &c, line)
}

fn check_sorted(text: &str, c: &Cleaned) {
    for w in c.noise.windows(2) {
        assert!(w[0].span.end <= w[1].span.start, "overlap/unsorted: {:?}", c.noise);
    }
    for n in &c.noise {
        assert!(text.is_char_boundary(n.span.start) && text.is_char_boundary(n.span.end));
        assert!(!n.span.is_empty() && n.span.end <= text.len());
        assert_eq!(n.span.slice(text), n.span.slice(text).trim(), "spans are trimmed");
    }
    for s in [c.headline, c.dateline, c.placeline].into_iter().flatten() {
        assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end) && s.end <= text.len());
    }
}

#[test]
fn data_files_parse() {
    assert!(tables::CUES.bad_lines.is_empty(), "{:?}", tables::CUES.bad_lines);
    assert!(tables::CUES.ac.is_some());
    assert!(tables::LABELS.bad_lines.is_empty(), "{:?}", tables::LABELS.bad_lines);
}

#[test]
fn image_files() {
    assert_eq!(alone("battle for the port_00020001.jpg"), Some(NoiseKind::ImageFile));
    assert_eq!(alone("IMG_1234.JPG"), Some(NoiseKind::ImageFile));
    assert_eq!(alone("photo-1.webp"), Some(NoiseKind::ImageFile));
    assert_eq!(alone("DSC0042.png Troops patrol the market"), Some(NoiseKind::ImageFile));
    // A sentence that merely mentions a picture is news.
    assert_eq!(alone("The militants posted a picture of the burning convoy online."), None);
    assert_eq!(alone("Investigators said the file was named report.jpg. They declined to comment."), None);
}

#[test]
fn video_credits() {
    assert_eq!(alone("02:16 - Source: CNN"), Some(NoiseKind::VideoCredit));
    assert_eq!(alone("1:02:33"), Some(NoiseKind::VideoCredit));
    assert_eq!(alone("Source: Reuters"), Some(NoiseKind::VideoCredit));
    assert_eq!(alone("Video: Troops enter the old city"), Some(NoiseKind::VideoCredit));
    assert_eq!(alone("0:43 Man found dead near river; suspect held"), Some(NoiseKind::VideoCredit));
    // Live-blog times and times in sentences are text.
    assert_eq!(alone("12:47 p.m.: Police say two people died at the scene."), None);
    assert_eq!(alone("10:30 The convoy reached the checkpoint."), None);
    assert_eq!(alone("At 02:16 the first shell hit the market."), None);
}

#[test]
fn furniture() {
    for l in [
        "Story highlights",
        "Related",
        "Read more",
        "Advertisement",
        "Complete coverage",
        "Most popular",
        "Trending",
        "Watch:",
        "Listen",
        "Skip to content",
        "[advertisement]",
        "------------",
        "* * *",
        "Victims [ edit ]",
        "[12]",
    ] {
        assert_eq!(alone(l), Some(NoiseKind::Furniture), "{l:?}");
    }
    assert_eq!(alone("Related clashes were reported in two other districts."), None);
    assert_eq!(alone("Listen to the residents and you hear the same story."), None);
}

#[test]
fn boilerplate() {
    for l in [
        "You must enter the characters with black color that stand out from the other characters",
        "Share this article",
        "Follow us on Twitter",
        "Sign up for our newsletter",
        "Copyright 2016 Example Broadcasting. All rights reserved.",
        "This material may not be published, broadcast, rewritten or redistributed.",
        "Please enable JavaScript to watch this video",
        "Comments",
        "Click here to read the full story.",
        "© 2017 Example Media",
        "By JANE DOE",
        "jdoe@example.com",
        "Twitter @example_reporter",
        "Facebook",
        "Reporting by Jane Doe; Editing by John Roe",
        "We use cookies to improve your experience.",
    ] {
        assert_eq!(alone(l), Some(NoiseKind::Boilerplate), "{l:?}");
    }
    // News sentences that share words with boilerplate.
    assert_eq!(alone("Police urged residents to share information about the attack."), None);
    assert_eq!(alone("By nightfall, three soldiers had been killed."), None);
    assert_eq!(alone("The group's followers claimed the attack on social media."), None);
    assert_eq!(alone("Commenting on the raid, the governor said 12 people had died."), None);
    assert_eq!(alone("Follow-up raids killed two more militants."), None);
    assert_eq!(alone("Investigators will download the phone data."), None);
    assert_eq!(alone("Residents were asked to share this information with police."), None);
    assert_eq!(alone("Hundreds of young men subscribe to the militia's channel."), None);
}

#[test]
fn captions() {
    // Credits.
    assert_eq!(alone("Soldiers inspect the wreckage of a car bomb. (AP Photo/Jane Doe)"), Some(NoiseKind::Caption));
    assert_eq!(alone("Photo: Reuters"), Some(NoiseKind::Caption));
    assert_eq!(alone("A destroyed armoured vehicle near the front line. Getty Images"), Some(NoiseKind::Caption));
    assert_eq!(alone("Smoke rises over the city. REUTERS/Jane Doe"), Some(NoiseKind::Caption));
    assert_eq!(alone("Police tape at the scene late Monday. (Source: WXYZ News)"), Some(NoiseKind::Caption));
    // Cues.
    assert_eq!(alone("Fighters (pictured) advance through the eastern district"), Some(NoiseKind::Caption));
    assert_eq!(alone("The commander, seen here in 2015, addresses recruits"), Some(NoiseKind::Caption));
    assert_eq!(alone("Aid workers (L) unload supplies at the camp"), Some(NoiseKind::Caption));
    assert_eq!(alone("Jane Doe, left, and John Roe, right, at the memorial"), Some(NoiseKind::Caption));
    assert_eq!(alone("The protest was organised by Don't Let the City D(r)own, a local group."), None);
    // A credit-like outlet inside a wire dateline is not a caption.
    assert_eq!(alone("SPRINGFIELD, Ill. (WXYZ/AP) — Three people were found shot dead in a car."), None);
    // A casualty sentence with only a weak cue stays text.
    assert_eq!(alone("Rohan Doe (pictured) died three days after he was shot."), None);
    // "pictured" not used as a caption cue.
    assert_eq!(alone("Anyone who recognises the man pictured is asked to call police."), None);
    // Reuters/Ipsos poll is not a photo credit.
    assert_eq!(alone("A Reuters/Ipsos poll found most residents feel unsafe."), None);
}

#[test]
fn caption_after_image_and_follow_on_lines() {
    let text = "Headline about the siege\nbattle for the port_00020001.jpg\nGovernment forces advance through the port\n02:16 - Source: CNN\n\nStory highlights\n\nThe army said five soldiers were killed on Tuesday.";
    let c = clean(text, InputFormat::Text);
    check_sorted(text, &c);
    assert_eq!(kind_of(text, &c, "battle for the port_00020001.jpg"), Some(NoiseKind::ImageFile));
    assert_eq!(kind_of(text, &c, "Government forces advance through the port"), Some(NoiseKind::Caption));
    assert_eq!(kind_of(text, &c, "02:16 - Source: CNN"), Some(NoiseKind::VideoCredit));
    assert_eq!(kind_of(text, &c, "Story highlights"), Some(NoiseKind::Furniture));
    assert_eq!(kind_of(text, &c, "The army said five soldiers were killed on Tuesday."), None);
    assert_eq!(c.headline.map(|s| s.slice(text)), Some("Headline about the siege"));

    // A short standalone line after a caption, and a name line before a credit line.
    let text = "Militants kill 12 in raid.\n\nA burned-out truck on the highway. (Photo: Jane Doe)\nJane Doe/Example News\n\nJohn Roe\nPhoto credit: Example Police\n\nThe attack happened at dawn, officials said.";
    let c = clean(text, InputFormat::Jsonl);
    check_sorted(text, &c);
    assert_eq!(kind_of(text, &c, "Jane Doe/Example News"), Some(NoiseKind::Caption));
    assert_eq!(kind_of(text, &c, "John Roe"), Some(NoiseKind::Caption));
    assert_eq!(kind_of(text, &c, "Photo credit: Example Police"), Some(NoiseKind::Caption));
    assert_eq!(kind_of(text, &c, "Militants kill 12 in raid."), None);
    assert_eq!(kind_of(text, &c, "The attack happened at dawn, officials said."), None);

    // A full news sentence after a caption is not swallowed.
    let text = "Soldiers at the gate. (AP Photo/Jane Doe)\nThree soldiers were killed.\n";
    let c = clean(text, InputFormat::Jsonl);
    assert_eq!(kind_of(text, &c, "Three soldiers were killed."), None);
}

#[test]
fn navigation_lists() {
    let text = "The governor said 4 people were killed in the blast.\n\nPolice Detail Evidence in Market Bombing\nFamilies Mourn Victims of Border Attack\nArmy Vows to Retake Northern Town\n\nOfficials said the toll could rise.";
    let c = clean(text, InputFormat::Jsonl);
    check_sorted(text, &c);
    assert_eq!(c.noise.len(), 3, "{:?}", c.noise);
    assert!(c.noise.iter().all(|n| n.kind == NoiseKind::Navigation));

    // At the top, before any prose, a title-case run is front matter, not links.
    let text = "Press Release\nOffice of the Provincial Governor\nFour Soldiers Killed in Ambush\n\nFour soldiers were killed in an ambush on Monday, the governor said.";
    let c = clean(text, InputFormat::Jsonl);
    assert!(c.noise.is_empty(), "{:?}", c.noise);

    // Two title-case lines are not a list; sentence-case lines are not a list.
    let text = "Why the Town Matters\nA Battle in Flux\n\nThe army advanced.\n\nmilitants regroup in the hills\ntroops shell the valley\nresidents flee the fighting\n";
    let c = clean(text, InputFormat::Jsonl);
    assert!(c.noise.is_empty(), "{:?}", c.noise);

    // Short lines under a "Related stories" heading are links.
    let text = "Two civilians died in the shelling.\n\nRelated stories:\nGunmen kill 3 at market in border town\nArmy says it repelled night attack\n\nThe ministry gave no further details.";
    let c = clean(text, InputFormat::Jsonl);
    check_sorted(text, &c);
    assert_eq!(kind_of(text, &c, "Related stories:"), Some(NoiseKind::Furniture));
    assert_eq!(kind_of(text, &c, "Gunmen kill 3 at market in border town"), Some(NoiseKind::Navigation));
    assert_eq!(kind_of(text, &c, "Army says it repelled night attack"), Some(NoiseKind::Navigation));
    assert_eq!(kind_of(text, &c, "The ministry gave no further details."), None);

    // Prefixed link lines.
    assert_eq!(alone("RELATED: Gunmen kill 3 at market in border town"), Some(NoiseKind::Navigation));
    assert_eq!(alone("Read more: Army says it repelled night attack"), Some(NoiseKind::Navigation));
    assert_eq!(alone("Related Coverage Army says it repelled night attack"), Some(NoiseKind::Navigation));
}

#[test]
fn headline_dateline_placeline() {
    let text = "Forces face fightback in coastal city\n\nSunday 12/06/2016\nCasualty figures are rising\n\nTRIPOLI - Fighters intensified their counter-attacks on Wednesday.\n\nMore text.";
    let c = clean(text, InputFormat::Text);
    check_sorted(text, &c);
    assert!(c.noise.is_empty(), "{:?}", c.noise);
    assert_eq!(c.headline.map(|s| s.slice(text)), Some("Forces face fightback in coastal city"));
    assert_eq!(c.dateline.map(|s| s.slice(text)), Some("Sunday 12/06/2016"));
    assert_eq!(c.placeline.map(|s| s.slice(text)), Some("TRIPOLI -"));

    // Other formats have no headline, but date and place lines are still found.
    let c = clean(text, InputFormat::Html);
    assert_eq!(c.headline, None);
    assert_eq!(c.dateline.map(|s| s.slice(text)), Some("Sunday 12/06/2016"));

    for (line, place) in [
        ("KABUL, Afghanistan (Reuters) - A suicide bomber killed 12 people.", "KABUL, Afghanistan (Reuters) -"),
        ("MOGADISHU, Somalia (AP) — Militants stormed a hotel.", "MOGADISHU, Somalia (AP) —"),
        ("ROCHESTER, N.Y. (WXYZ) - Three people are dead.", "ROCHESTER, N.Y. (WXYZ) -"),
        ("Tripoli (AFP) - Clashes erupted overnight.", "Tripoli (AFP) -"),
        ("SANTA ANA – Two teens were wounded.", "SANTA ANA –"),
        ("AL-MUKALLA, Yemen -- Gunmen killed two soldiers.", "AL-MUKALLA, Yemen --"),
        ("NEW DELHI: Two soldiers were killed in an ambush on Monday.", "NEW DELHI:"),
        ("CNN\u{a0}—\u{a0}", "CNN\u{a0}—"),
    ] {
        let c = clean(line, InputFormat::Jsonl);
        assert_eq!(c.placeline.map(|s| s.slice(line)), Some(place), "{line:?}");
    }
    for line in [
        "US-backed militias pushed forward - despite attacks.",
        "ISIS said it killed seven fighters.",
        "UPDATE: Police say two people died.",
        "Police said the gunman - a former soldier - fled.",
        "QUICK FACTS: Three people were killed in the attack on Monday.",
        "HPD: Man shot dead outside a store on the north side of town.",
        "WXYZ-TV: Three people were killed in the attack on Monday.",
    ] {
        assert_eq!(clean(line, InputFormat::Jsonl).placeline, None, "{line:?}");
    }

    for d in [
        "June 7, 2016",
        "7 June 2016",
        "2016-06-12",
        "Published 10:32 AM ET, Tue June 7, 2016",
        "Updated: Monday, April 8, 2013",
        "4/7/2013 1:53:00 AM",
    ] {
        let text = format!("Headline here\n{d}\nBody text follows here.");
        let c = clean(&text, InputFormat::Text);
        assert_eq!(c.dateline.map(|s| s.slice(&text)), Some(d), "{d:?}");
    }
    for d in ["March on the capital", "12:47 p.m.:", "May 2016 be better", "Police said 12 died on June 7, 2016."] {
        let text = format!("Headline here\n{d}\nBody text follows here.");
        assert_eq!(clean(&text, InputFormat::Text).dateline, None, "{d:?}");
    }
}

#[test]
fn headline_skips_noise_and_dates() {
    let text = "\n\n  IMG_0001.jpg\nAdvertisement\n7 June 2016\n  Rebels seize airport after week of clashes  \n\nBody.";
    let c = clean(text, InputFormat::Text);
    check_sorted(text, &c);
    assert_eq!(c.headline.map(|s| s.slice(text)), Some("Rebels seize airport after week of clashes"));
    assert_eq!(c.dateline.map(|s| s.slice(text)), Some("7 June 2016"));
}

#[test]
fn plain_news_is_not_noise() {
    let text = "KABUL, Afghanistan (Reuters) - A suicide bomber killed at least 12 people in Kabul on Tuesday, officials said.\n\n\
                The Taliban claimed responsibility.\n\n\
                \"We will not stop,\" a spokesman said.\n\n\
                Gen. John Doe, the U.S. commander, condemned the attack.\n\n\
                Five soldiers were wounded.\n\n\
                Two Children Among Dead\n\n\
                The ministry said 1,200 troops had been deployed to the area.";
    let c = clean(text, InputFormat::Jsonl);
    assert!(c.noise.is_empty(), "{:?}", c.noise);
}

#[test]
fn empty_and_only_noise() {
    let c = clean("", InputFormat::Text);
    assert_eq!(c, Cleaned::default());
    let c = clean("\n \n\t\n", InputFormat::Text);
    assert_eq!(c, Cleaned::default());

    let text = "IMG_1.jpg\nShare this article\nAdvertisement\n02:16\n";
    let c = clean(text, InputFormat::Text);
    check_sorted(text, &c);
    assert_eq!(c.noise.len(), 4);
    assert_eq!(c.headline, None);
}

#[test]
fn is_noise_and_noise_at() {
    let text = "Advertisement\nThe army said 3 died.";
    let c = clean(text, InputFormat::Jsonl);
    assert!(c.is_noise(Span::new(0, 5)));
    assert!(!c.is_noise(Span::new(14, 20)));
    assert_eq!(c.noise_at(Span::new(2, 30)).map(|n| n.kind), Some(NoiseKind::Furniture));
}

#[test]
fn crlf_lines() {
    let text = "Headline\r\nAdvertisement\r\n\r\nBody line.\r\n";
    let c = clean(text, InputFormat::Text);
    check_sorted(text, &c);
    assert_eq!(c.headline.map(|s| s.slice(text)), Some("Headline"));
    assert_eq!(kind_of(text, &c, "Advertisement"), Some(NoiseKind::Furniture));
}

/// A small xorshift generator: deterministic odd inputs without a dependency.
fn rng(seed: &mut u64) -> u64 {
    *seed ^= *seed << 13;
    *seed ^= *seed >> 7;
    *seed ^= *seed << 17;
    *seed
}

#[test]
fn odd_inputs_never_panic() {
    const PIECES: [&str; 40] = [
        "é", "Béléhédé", "—", "–", "-", " ", "\n", "\n\n", "\r\n", "\t", "\u{a0}", "\u{feff}", "\u{200b}", "’", "'", "\"", "“",
        "(", ")", "[", "]", ":", ".", "!", "?", "1", "12:", "02:16", ".jpg", "IMG_", "(AP Photo/", "©", "TRIPOLI", " - ",
        "pictured", "Related:", "12/06/2016", "日本語", "🙂", "a",
    ];
    let mut seed = 0x9e37_79b9_7f4a_7c15u64;
    for _ in 0..3000 {
        let len = (rng(&mut seed) % 40) as usize;
        let mut s = String::new();
        for _ in 0..len {
            s.push_str(PIECES[(rng(&mut seed) % PIECES.len() as u64) as usize]);
        }
        for f in [InputFormat::Text, InputFormat::Html] {
            let c = clean(&s, f);
            check_sorted(&s, &c);
        }
    }
    for s in ["....!!!???", "(((((", "\u{a0}—\u{a0}", &"x".repeat(100_000), &"é—".repeat(20_000), &"1:".repeat(1000)] {
        let c = clean(s, InputFormat::Text);
        check_sorted(s, &c);
    }
}
