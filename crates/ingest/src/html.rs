//! HTML pages: the article body via readability (`dom_smoothie`), else the visible body text.

use std::panic::{catch_unwind, AssertUnwindSafe};

use dom_smoothie::{Config, Readability, TextMode};
use sitrep_model::{Document, InputFormat};

use crate::IngestError;

/// What was taken out of one HTML page.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HtmlArticle {
    /// The article's plain text, paragraphs separated by a blank line (`"\n\n"`).
    pub text: String,
    /// The article's headline, if one was found.
    pub title: Option<String>,
    /// The page's publication time (meta tags or JSON-LD), when it looks like an ISO date.
    pub published: Option<String>,
    /// The page's canonical URL, if it declares one.
    pub url: Option<String>,
    /// The site's name, if it declares one.
    pub site_name: Option<String>,
}

/// Elements never part of the visible article text in the fallback extraction.
const NOT_CONTENT: &str =
    "script, style, noscript, template, nav, header, footer, aside, iframe, svg, \
    button, select, [role=navigation], [role=banner], [role=contentinfo], [role=complementary], \
    [class~=ad], [class~=ads], [class*=advert], [id*=advert], [class*=sponsor], [class*=promo], \
    [class*=comment], [id*=comment], [class*=related], [class*=share], [class*=social], \
    [class*=newsletter], [class*=cookie], [class*=breadcrumb], [class*=sidebar], [id*=sidebar], \
    [class~=menu], [id~=menu]";

/// Pages nested deeper than this skip readability: its recursion and its scoring are
/// too costly there (stack and time), and real article pages are far shallower.
const MAX_DEPTH: usize = 256;

/// Below this many characters readability's choice is not trusted on its own: short pages
/// are where it keeps menus and link lists (it is also readability's own threshold).
const SHORT_ARTICLE: usize = 500;

/// Find the article in an HTML page.
///
/// Readability (`dom_smoothie`) picks the main content and drops navigation, ads and
/// comments. When it finds nothing, or less than 500 characters, the visible text of
/// `<body>` is used instead, minus `script`/`style`/`nav`/`header`/`footer`/`aside`
/// elements, forms without paragraphs, and blocks whose class or id marks them as ads,
/// comments, menus, related links or sharing buttons. The text is empty when the page has
/// no visible text left. Pages nested deeper than 256 elements go straight to the fallback.
pub fn extract_article(html: &str) -> HtmlArticle {
    // Both parsers are third-party code run on untrusted input: a panic inside them must
    // cost this page only, never the batch.
    let readable = catch_unwind(AssertUnwindSafe(|| {
        let doc = dom_query::Document::from(html);
        if depth_exceeds(&doc, MAX_DEPTH) {
            tracing::debug!("HTML nested deeper than {MAX_DEPTH}: readability skipped");
            return None;
        }
        readability(doc)
    }))
    .ok()
    .flatten();
    if let Some(article) = &readable {
        if article.text.chars().count() >= SHORT_ARTICLE {
            return readable.unwrap_or_default();
        }
    }
    let mut fallback =
        catch_unwind(AssertUnwindSafe(|| visible_body_text(html))).unwrap_or_default();
    if let Some(article) = readable {
        // Readability's metadata (cleaned title, dates) is still the better source.
        fallback = HtmlArticle {
            text: fallback.text,
            title: article.title.or(fallback.title),
            ..article
        };
    }
    fallback
}

/// Turn an HTML page into a [`Document`] (format [`InputFormat::Html`]); `text` is the
/// article text of [`extract_article`].
///
/// # Errors
/// [`IngestError::NoText`] when no visible text is found.
pub fn parse_html(html: &str, doc_id: &str, origin: &str) -> Result<Document, IngestError> {
    let article = extract_article(html);
    if article.text.trim().is_empty() {
        return Err(IngestError::NoText {
            origin: origin.to_string(),
        });
    }
    Ok(Document {
        doc_id: doc_id.to_string(),
        text: article.text,
        title: article.title,
        published: article.published,
        url: article.url,
        outlet: article.site_name,
        format: InputFormat::Html,
        origin: origin.to_string(),
    })
}

/// True when some node lies more than `limit` levels below the root (iterative walk).
fn depth_exceeds(doc: &dom_query::Document, limit: usize) -> bool {
    let mut stack = vec![(doc.root(), 0usize)];
    while let Some((node, depth)) = stack.pop() {
        if depth > limit {
            return true;
        }
        let mut child = node.first_child();
        while let Some(c) = child {
            child = c.next_sibling();
            stack.push((c, depth + 1));
        }
    }
    false
}

fn readability(doc: dom_query::Document) -> Option<HtmlArticle> {
    let config = Config {
        text_mode: TextMode::Formatted,
        ..Config::default()
    };
    let mut reader = Readability::with_document(doc, None, Some(config)).ok()?;
    let article = reader.parse().ok()?;
    Some(HtmlArticle {
        text: tidy(&article.text_content),
        title: non_empty(&article.title),
        published: article.published_time.as_deref().and_then(iso_date),
        url: article.url.as_deref().and_then(non_empty),
        site_name: article.site_name.as_deref().and_then(non_empty),
    })
}

fn visible_body_text(html: &str) -> HtmlArticle {
    let doc = dom_query::Document::from(html);
    let title = non_empty(&doc.select("title").text())
        .or_else(|| non_empty(&doc.select("h1").first().text()));
    doc.select(NOT_CONTENT).remove();
    // Whole pages are sometimes one <form> (ASP.NET): drop only forms without paragraphs.
    for form in &doc.select("form") {
        if !form.select("p").exists() {
            form.remove();
        }
    }
    let text = match doc.body() {
        Some(body) => body.formatted_text(),
        None => doc.formatted_text(),
    };
    HtmlArticle {
        text: tidy(&text),
        title,
        ..HtmlArticle::default()
    }
}

/// Trim every line, drop blank runs: paragraphs end up separated by exactly one blank
/// line, single line breaks (`<br>`, list items) stay single.
fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = false;
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() {
            blank = true;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank { "\n\n" } else { "\n" });
        }
        out.push_str(line);
        blank = false;
    }
    out
}

fn non_empty(s: &str) -> Option<String> {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    (!s.is_empty()).then_some(s)
}

/// Keep a date only when it starts like an ISO date (`YYYY-MM-DD`).
fn iso_date(s: &str) -> Option<String> {
    let s = s.trim();
    let b = s.as_bytes();
    let iso = b.len() >= 10
        && b[..4].iter().all(u8::is_ascii_digit)
        && b[4] == b'-'
        && b[5..7].iter().all(u8::is_ascii_digit)
        && b[7] == b'-'
        && b[8..10].iter().all(u8::is_ascii_digit);
    iso.then(|| s.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!DOCTYPE html>
<html><head><title>Shelling hits market in Darvosk - The Daily Ledger</title>
<meta property="article:published_time" content="2021-03-04T08:15:00Z">
<script>var tracker = "SCRIPTNOISE";</script><style>.x{color:red}</style></head>
<body>
<nav class="menu"><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">NAVNOISE Sport</a></nav>
<header class="site-header"><a href="/">The Daily Ledger</a></header>
<div class="ad advert banner">ADNOISE Buy cheap flights now</div>
<article>
<h1>Shelling hits market in Darvosk</h1>
<p>DARVOSK - Artillery shells struck a crowded market in the eastern town of Darvosk on Tuesday, killing four civilians and wounding eleven others, local officials said.</p>
<p>The regional governor blamed rebel units positioned in the hills north of the town, who denied any involvement and accused government troops of staging the attack.</p>
<p>Medical staff at the town hospital said two of the wounded were in a critical condition and that supplies of blood were running low after the second attack this month.</p>
<p>Residents said the market had reopened only last week after months of closure caused by the fighting along the nearby front line.</p>
</article>
<aside class="related">Related: RELATEDNOISE other stories</aside>
<section id="comments" class="comments"><h3>Comments</h3><div class="comment">COMMENTNOISE What a shame, first!</div></section>
<footer>FOOTERNOISE Copyright 2021</footer>
</body></html>"#;

    #[test]
    fn readability_keeps_the_article_and_drops_the_rest() {
        let doc = parse_html(PAGE, "p1", "p1.html").expect("page has an article");
        assert!(
            doc.text
                .contains("Artillery shells struck a crowded market"),
            "{}",
            doc.text
        );
        assert!(doc.text.contains("front line."), "{}", doc.text);
        for noise in [
            "SCRIPTNOISE",
            "NAVNOISE",
            "ADNOISE",
            "RELATEDNOISE",
            "COMMENTNOISE",
            "FOOTERNOISE",
        ] {
            assert!(
                !doc.text.contains(noise),
                "{noise} leaked into: {}",
                doc.text
            );
        }
        assert_eq!(
            doc.title.as_deref(),
            Some("Shelling hits market in Darvosk")
        );
        assert_eq!(doc.published.as_deref(), Some("2021-03-04T08:15:00Z"));
        assert_eq!(doc.format, InputFormat::Html);
        assert_eq!(doc.doc_id, "p1");
        assert_eq!(doc.origin, "p1.html");
    }

    #[test]
    fn paragraphs_are_separated_by_one_blank_line() {
        let doc = parse_html(PAGE, "p1", "p1.html").expect("page has an article");
        assert!(
            doc.text
                .contains("local officials said.\n\nThe regional governor"),
            "{:?}",
            doc.text
        );
        assert!(!doc.text.contains("\n\n\n"));
        assert_eq!(doc.text, doc.text.trim());
    }

    #[test]
    fn falls_back_to_visible_body_text() {
        let html = "<html><head><title>Short note</title></head><body>\
            <nav>Home | World</nav><p>Two police officers were hurt.</p>\
            <div class='ad'>Ledger deals</div><div id='comment-box'>Ledger readers say</div>\
            <script>x()</script><footer>(c) Ledger</footer></body></html>";
        let doc = parse_html(html, "n", "n.html").expect("visible text");
        assert!(
            doc.text.contains("Two police officers were hurt."),
            "{:?}",
            doc.text
        );
        assert!(!doc.text.contains("Home | World"), "{:?}", doc.text);
        assert!(!doc.text.contains("x()"), "{:?}", doc.text);
        assert!(!doc.text.contains("Ledger"), "{:?}", doc.text);
        assert_eq!(doc.title.as_deref(), Some("Short note"));
    }

    #[test]
    fn page_wrapped_in_a_form_keeps_its_text() {
        let html =
            "<html><body><form id='aspnetForm'><div><p>Rockets hit the airport.</p></div></form>\
            <form><input name='q'><span>Search</span></form></body></html>";
        let doc = parse_html(html, "f", "f.html").expect("visible text");
        assert_eq!(doc.text, "Rockets hit the airport.");
    }

    #[test]
    fn page_without_visible_text_is_an_error() {
        let html = "<html><head><title>t</title><script>x()</script></head><body><nav>Home</nav>\
            <div class='comments'>Nice</div></body></html>";
        let err = parse_html(html, "e", "e.html").expect_err("no text");
        assert!(matches!(err, IngestError::NoText { .. }));
        assert_eq!(
            err.to_string(),
            "e.html: no article text found in the HTML page"
        );
    }

    #[test]
    fn deeply_nested_page_uses_the_fallback() {
        let html = format!(
            "<html><body><nav>Menu</nav>{}<p>Deep text survives.</p>{}</body></html>",
            "<span><b>".repeat(5000),
            "</b></span>".repeat(5000)
        );
        let doc = dom_query::Document::from(html.as_str());
        assert!(depth_exceeds(&doc, MAX_DEPTH));
        assert!(!depth_exceeds(&dom_query::Document::from(PAGE), MAX_DEPTH));
        let article = extract_article(&html);
        assert_eq!(article.text, "Deep text survives.");
    }

    #[test]
    fn tidy_collapses_blank_runs() {
        assert_eq!(tidy("  a \n\n\n\n b\nc  \n\n"), "a\n\nb\nc");
    }

    #[test]
    fn iso_date_filter() {
        assert_eq!(iso_date(" 2016-06-12 ").as_deref(), Some("2016-06-12"));
        assert_eq!(iso_date("June 12, 2016"), None);
    }
}
