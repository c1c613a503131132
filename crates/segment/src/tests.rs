use super::*;
use sitrep_clean::{clean, Noise, NoiseKind};
use sitrep_model::InputFormat;
use TokenKind::*;

/// Sentence texts of `text` with no noise.
fn sents(text: &str) -> Vec<&str> {
    let s = segment(text, &Cleaned::default());
    check(text, &s);
    s.sentences.iter().map(|x| x.span.slice(text)).collect()
}

/// Tokens of `text` as (text, kind).
fn toks(text: &str) -> Vec<(&str, TokenKind)> {
    tokenize(text).iter().map(|t| (t.span.slice(text), t.kind)).collect()
}

/// Invariants of any segmentation.
fn check(text: &str, s: &Segmented) {
    let mut last_end = 0;
    for t in &s.tokens {
        assert!(t.span.start >= last_end && t.span.start < t.span.end && t.span.end <= text.len(), "{t:?}");
        assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end), "{t:?}");
        assert!(!t.span.slice(text).starts_with(char::is_whitespace), "{t:?}");
        last_end = t.span.end;
    }
    let mut next_tok = 0;
    let mut last_para = 0;
    for x in &s.sentences {
        assert_eq!(x.tokens.start, next_tok, "sentences cover the tokens in order");
        assert!(x.tokens.end > x.tokens.start);
        next_tok = x.tokens.end;
        assert_eq!(x.span.start, s.tokens[x.tokens.start].span.start);
        assert_eq!(x.span.end, s.tokens[x.tokens.end - 1].span.end);
        assert!(text.is_char_boundary(x.span.start) && text.is_char_boundary(x.span.end));
        assert!(x.paragraph == last_para || x.paragraph == last_para + 1);
        last_para = x.paragraph;
    }
    assert_eq!(next_tok, s.tokens.len());
}

#[test]
fn data_files_load() {
    let (never, amb, openers, cont) = LEXICON.sizes();
    assert!(never > 50 && amb > 10 && openers > 20 && cont > 20, "{never} {amb} {openers} {cont}");
    assert_eq!(LEXICON.abbrev("Gen."), Some(Abbrev::Never));
    assert_eq!(LEXICON.abbrev("U.S."), Some(Abbrev::Ambiguous));
    assert!(LEXICON.is_opener("The"));
}

#[test]
fn token_kinds_and_spans() {
    assert_eq!(
        toks("Police said 1,200 people, incl. 4th-graders, fled at 9am."),
        vec![
            ("Police", Word),
            ("said", Word),
            ("1,200", Number),
            ("people", Word),
            (",", Punct),
            ("incl", Word),
            (".", Punct),
            ("4th", Alnum),
            ("-", Punct),
            ("graders", Word),
            (",", Punct),
            ("fled", Word),
            ("at", Word),
            ("9am", Alnum),
            (".", Punct),
        ]
    );
    assert_eq!(toks("don't ISIS’s militants' 120mm"), vec![("don't", Word), ("ISIS’s", Word), ("militants", Word), ("'", Punct), ("120mm", Alnum)]);
    assert_eq!(toks("O'Brien’s rock'n'roll"), vec![("O'Brien’s", Word), ("rock'n'roll", Word)]);
    assert_eq!(toks("(24th) $5 50%"), vec![("(", Punct), ("24th", Alnum), (")", Punct), ("$", Punct), ("5", Number), ("50", Number), ("%", Punct)]);
}

#[test]
fn number_tokens() {
    assert_eq!(toks("1,200,000"), vec![("1,200,000", Number)]);
    assert_eq!(toks("3.5"), vec![("3.5", Number)]);
    assert_eq!(toks("1,200.5"), vec![("1,200.5", Number)]);
    // A comma not followed by exactly three digits separates.
    assert_eq!(toks("12,34"), vec![("12", Number), (",", Punct), ("34", Number)]);
    assert_eq!(toks("1,2345"), vec![("1", Number), (",", Punct), ("2345", Number)]);
    assert_eq!(toks("2015,2016"), vec![("2015", Number), (",", Punct), ("2016", Number)]);
    assert_eq!(toks("5, 000"), vec![("5", Number), (",", Punct), ("000", Number)]);
    // Sentence-final period after a number.
    assert_eq!(toks("killed 12."), vec![("killed", Word), ("12", Number), (".", Punct)]);
    // Only one decimal point; dotted dates split.
    assert_eq!(toks("12.06.2016"), vec![("12", Number), (".", Punct), ("06", Number), (".", Punct), ("2016", Number)]);
    assert_eq!(toks("1,200 and 3.5."), vec![("1,200", Number), ("and", Word), ("3.5", Number), (".", Punct)]);
}

#[test]
fn hyphens_slashes_colons_split() {
    assert_eq!(toks("thirty-seven"), vec![("thirty", Word), ("-", Punct), ("seven", Word)]);
    assert_eq!(
        toks("12/06/2016"),
        vec![("12", Number), ("/", Punct), ("06", Number), ("/", Punct), ("2016", Number)]
    );
    assert_eq!(toks("02:16"), vec![("02", Number), (":", Punct), ("16", Number)]);
    assert_eq!(toks("al-Sarraj – U.S.-backed"), vec![
        ("al", Word), ("-", Punct), ("Sarraj", Word), ("–", Punct), ("U", Word), (".", Punct), ("S", Word), (".", Punct),
        ("-", Punct), ("backed", Word)
    ]);
}

#[test]
fn unicode_words() {
    assert_eq!(toks("Béléhédé, Çukurca"), vec![("Béléhédé", Word), (",", Punct), ("Çukurca", Word)]);
    // Decomposed accents stay in the word.
    let t = "Be\u{301}le\u{301}he\u{301}de\u{301} town";
    assert_eq!(toks(t), vec![("Be\u{301}le\u{301}he\u{301}de\u{301}", Word), ("town", Word)]);
    assert_eq!(toks("Киев 日本 🙂"), vec![("Киев", Word), ("日本", Word), ("🙂", Punct)]);
    // No-break space and zero-width space separate; they are not tokens.
    assert_eq!(toks("CNN\u{a0}—\u{a0}A\u{200b}B"), vec![("CNN", Word), ("—", Punct), ("A", Word), ("B", Word)]);
}

#[test]
fn abbreviations_do_not_split() {
    assert_eq!(sents("Gen. Khalifa Haftar took control. The army said so."), vec!["Gen. Khalifa Haftar took control.", "The army said so."]);
    assert_eq!(sents("Lt. Col. A. Smith said 3 soldiers died."), vec!["Lt. Col. A. Smith said 3 soldiers died."]);
    assert_eq!(sents("The attack on Jan. 15 killed 12. No. 3 platoon was hit."), vec!["The attack on Jan. 15 killed 12.", "No. 3 platoon was hit."]);
    assert_eq!(sents("U.S. President Barack Obama spoke."), vec!["U.S. President Barack Obama spoke."]);
    assert_eq!(sents("The U.S. Embassy in Kabul was closed."), vec!["The U.S. Embassy in Kabul was closed."]);
    assert_eq!(sents("John F. Kennedy Airport was shut."), vec!["John F. Kennedy Airport was shut."]);
    assert_eq!(sents("Mr. Doe and Dr. Roe met Sen. Poe."), vec!["Mr. Doe and Dr. Roe met Sen. Poe."]);
    assert_eq!(sents("KANSAS CITY, Mo. (AP) - Two died."), vec!["KANSAS CITY, Mo. (AP) - Two died."]);
}

#[test]
fn ambiguous_abbreviations_split_before_openers() {
    assert_eq!(sents("The blast hit at 9 a.m. The army said 5 died."), vec!["The blast hit at 9 a.m.", "The army said 5 died."]);
    assert_eq!(sents("The blast hit at 9 a.m. Tuesday near the base."), vec!["The blast hit at 9 a.m. Tuesday near the base."]);
    assert_eq!(sents("Troops were sent by the U.S. They arrived Monday."), vec!["Troops were sent by the U.S.", "They arrived Monday."]);
    assert_eq!(sents("He lives in Washington, D.C. Police said he fled."), vec!["He lives in Washington, D.C.", "Police said he fled."]);
    assert_eq!(sents("He lives in Washington, D.C. Metro stations closed."), vec!["He lives in Washington, D.C. Metro stations closed."]);
}

#[test]
fn real_sentence_ends_split() {
    assert_eq!(
        sents("Five soldiers were killed. Seven were wounded! Who did it? 12 people fled."),
        vec!["Five soldiers were killed.", "Seven were wounded!", "Who did it?", "12 people fled."]
    );
    // No split before lowercase or without white space.
    assert_eq!(sents("He said it was over. and left."), vec!["He said it was over. and left."]);
    assert_eq!(sents("The toll rose to 3.5 percent.Then it fell."), vec!["The toll rose to 3.5 percent.Then it fell."]);
    // A word ending a sentence is not an initial when longer than one letter.
    assert_eq!(sents("The strike hit Plan AB. Then the army withdrew."), vec!["The strike hit Plan AB.", "Then the army withdrew."]);
    // Citation markers stay with the sentence.
    assert_eq!(sents("A bomb killed 3 people.[57] Two others died.[58]"), vec!["A bomb killed 3 people.[57]", "Two others died.[58]"]);
}

#[test]
fn quotes_and_brackets() {
    assert_eq!(
        sents("\"We have not lost an inch,\" the command said. \"We will win.\" He left."),
        vec!["\"We have not lost an inch,\" the command said.", "\"We will win.\"", "He left."]
    );
    assert_eq!(sents("“This has to stop.” “Libyans own it.”"), vec!["“This has to stop.”", "“Libyans own it.”"]);
    assert_eq!(sents("“Are you sure?” he asked. (The army denied it.) Then calm returned."), vec![
        "“Are you sure?” he asked.",
        "(The army denied it.)",
        "Then calm returned."
    ]);
}

#[test]
fn newlines_and_paragraphs() {
    let text = "Libya forces face fightback in coastal city\n\nSunday 12/06/2016\nCasualty figures are rising\n\nTRIPOLI - Fighters attacked on Wednesday. Two died.\n\n\n\nThe army said the toll was\nfive dead and 37 wounded, according to\nmedical officials.";
    let s = segment(text, &Cleaned::default());
    check(text, &s);
    let got: Vec<(&str, usize)> = s.sentences.iter().map(|x| (x.span.slice(text), x.paragraph)).collect();
    assert_eq!(
        got,
        vec![
            ("Libya forces face fightback in coastal city", 0),
            ("Sunday 12/06/2016", 1),
            ("Casualty figures are rising", 1),
            ("TRIPOLI - Fighters attacked on Wednesday.", 2),
            ("Two died.", 2),
            ("The army said the toll was\nfive dead and 37 wounded, according to\nmedical officials.", 3),
        ]
    );
    // Hard-wrap rules: trailing comma, hyphen, open quote, continuer word, lowercase digit.
    assert_eq!(sents("Three soldiers,\nTwo civilians and\nA child died."), vec!["Three soldiers,\nTwo civilians and\nA child died."]);
    assert_eq!(sents("DENVER -\nThree people died."), vec!["DENVER -\nThree people died."]);
    assert_eq!(sents("the attack killed\n12 people."), vec!["the attack killed\n12 people."]);
    assert_eq!(sents("forces loyal to\nKhalifa Haftar advanced."), vec!["forces loyal to\nKhalifa Haftar advanced."]);
    assert_eq!(sents("He said: (\nNothing.)"), vec!["He said: (\nNothing.)"]);
    assert_eq!(sents("Gen.\nHaftar spoke."), vec!["Gen.\nHaftar spoke."]);
    // A headline-like line ends at the newline.
    assert_eq!(sents("Militants Kill 12 in Raid\nThe army said."), vec!["Militants Kill 12 in Raid", "The army said."]);
    assert_eq!(sents("Five died.\nSeven were hurt."), vec!["Five died.", "Seven were hurt."]);
    // CRLF.
    assert_eq!(sents("Five died.\r\n\r\nSeven were hurt.\r\n"), vec!["Five died.", "Seven were hurt."]);
}

#[test]
fn noise_flag_and_cuts() {
    let text = "Rebels seize town after clashes\nIMG_1234.jpg\nTroops advancing through the town\n02:16 - Source: CNN\n\nFive soldiers were killed on Tuesday, the army said.";
    let c = clean(text, InputFormat::Text);
    let s = segment(text, &c);
    check(text, &s);
    let got: Vec<(&str, bool)> = s.sentences.iter().map(|x| (x.span.slice(text), x.noise)).collect();
    assert_eq!(
        got,
        vec![
            ("Rebels seize town after clashes", false),
            ("IMG_1234.jpg", true),
            ("Troops advancing through the town", true),
            ("02:16 - Source: CNN", true),
            ("Five soldiers were killed on Tuesday, the army said.", false),
        ]
    );

    // A noise span inside a line still cuts the sentence at its edges.
    let text = "Five died, officials said Share this article Seven were hurt.";
    let start = text.find("Share").unwrap_or(0);
    let end = start + "Share this article".len();
    let c = Cleaned { noise: vec![Noise { span: Span::new(start, end), kind: NoiseKind::Boilerplate }], ..Cleaned::default() };
    let s = segment(text, &c);
    check(text, &s);
    let got: Vec<(&str, bool)> = s.sentences.iter().map(|x| (x.span.slice(text), x.noise)).collect();
    assert_eq!(got, vec![("Five died, officials said", false), ("Share this article", true), ("Seven were hurt.", false)]);
}

#[test]
fn helpers() {
    let text = "Five died. Seven were hurt.";
    let s = segment(text, &Cleaned::default());
    assert_eq!(s.sentence_at(0), Some(0));
    assert_eq!(s.sentence_at(12), Some(1));
    assert_eq!(s.sentence_at(10), None, "the space between sentences");
    assert_eq!(s.sentence_at(999), None);
    let toks: Vec<&str> = s.sentence_tokens(&s.sentences[1]).iter().map(|t| t.span.slice(text)).collect();
    assert_eq!(toks, vec!["Seven", "were", "hurt", "."]);
}

#[test]
fn empty_and_only_noise() {
    assert_eq!(segment("", &Cleaned::default()), Segmented::default());
    assert_eq!(segment(" \n\n\t ", &Cleaned::default()), Segmented::default());
    let text = "Advertisement\nShare this article\n\n© 2016 Example Media";
    let c = clean(text, InputFormat::Jsonl);
    let s = segment(text, &c);
    check(text, &s);
    assert_eq!(s.sentences.len(), 3);
    assert!(s.sentences.iter().all(|x| x.noise));
    assert_eq!(sents("....!!!???"), vec!["....!!!???"]);
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
    const PIECES: &[&str] = &[
        "é", "e\u{301}", "Béléhédé", "—", "-", " ", "\n", "\n\n", "\r\n", "\t", "\u{a0}", "\u{feff}", "\u{200b}", "\u{ad}",
        "\u{2028}", "\u{2029}", "’", "'", "\"", "“", "(", ")", "[", "]", ".", "!", "?", "…", ",", "1", "12", ",000", ".5",
        "U.S.", "Gen.", "a.m.", "The", "killed", "日本語", "🙂", "٣", "½", "A", "x",
    ];
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    for _ in 0..4000 {
        let len = (rng(&mut seed) % 50) as usize;
        let mut text = String::new();
        for _ in 0..len {
            text.push_str(PIECES[(rng(&mut seed) % PIECES.len() as u64) as usize]);
        }
        let c = clean(&text, InputFormat::Text);
        let s = segment(&text, &c);
        check(&text, &s);
        // Random noise spans, even ones off char boundaries, never panic.
        let a = (rng(&mut seed) as usize) % (text.len() + 1);
        let b = a + (rng(&mut seed) as usize) % 8;
        let c = Cleaned { noise: vec![Noise { span: Span::new(a, b), kind: NoiseKind::Furniture }], ..Cleaned::default() };
        let s = segment(&text, &c);
        check(&text, &s);
    }
    for text in [
        "x".repeat(200_000),
        "é—".repeat(30_000),
        ".".repeat(10_000),
        "1,".repeat(10_000),
        "1.".repeat(10_000),
        "A. ".repeat(10_000),
        "\n".repeat(10_000),
        "'".repeat(1000) + "a",
    ] {
        let s = segment(&text, &Cleaned::default());
        check(&text, &s);
    }
}
