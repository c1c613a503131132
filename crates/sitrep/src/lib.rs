//! sitrep as a library: run the whole per-document pipeline on a [`Document`].
//!
//! ```
//! let pipeline = sitrep::Pipeline::new();
//! let doc = sitrep::Document::from_text("d1", "Two soldiers were killed on Monday.");
//! let result = pipeline.process(&doc);
//! assert_eq!(result.doc_id, "d1");
//! assert_eq!(result.events[0].fatalities.map(|t| t.best), Some(2));
//! ```
//!
//! The stages, each its own crate: ingest ([`sitrep_ingest`]) → clean ([`sitrep_clean`]) →
//! segment ([`sitrep_segment`]) → recognize ([`sitrep_recognize`]) → resolve
//! ([`sitrep_resolve`]) → extract ([`sitrep_extract`]). Ingest reads files; the rest are pure
//! functions of one document and the read-only lexicons, so documents run in parallel.

pub use sitrep_model::*;

/// The per-document pipeline (ingest excluded): clean → segment → recognize → resolve → extract.
///
/// Build it once and share it across threads; building it loads every lexicon and table, so
/// processing a document has no start-up cost.
#[derive(Debug, Default, Clone, Copy)]
pub struct Pipeline {}

impl Pipeline {
    /// Load every resource once.
    pub fn new() -> Self {
        // Touch the lazily parsed tables so their cost is paid here, not on the first document.
        let _ = sitrep_extract::lexicon::Lexicon::get();
        let _ = sitrep_recognize::numbers::NumberLexicon::get();
        let _ = sitrep_gazetteer::Gazetteer::global();
        let _ = sitrep_actors::Registry::global();
        Pipeline {}
    }

    /// Run the per-document stages on one document.
    pub fn process(&self, doc: &Document) -> DocResult {
        let cleaned = sitrep_clean::clean(&doc.text, doc.format);
        let seg = sitrep_segment::segment(&doc.text, &cleaned);
        let dates = sitrep_recognize::dates::find_dates(&doc.text, &seg, &cleaned);
        let ctx = sitrep_resolve::date_context(doc, &cleaned, &dates);
        let actors = sitrep_recognize::actors::find_actors(&doc.text, &seg, &cleaned);
        let mut place_mentions = sitrep_recognize::places::find_places(&doc.text, &seg, &cleaned);
        // A group's name is not a place ("Al-Shabaab" is also a town's name).
        let group_names: Vec<sitrep_model::Span> = actors
            .iter()
            .filter(|a| sitrep_actors::Registry::global().actor(a.actor).kind == sitrep_actors::ActorKind::Group)
            .map(|a| a.span)
            .collect();
        sitrep_recognize::places::drop_overlapping(&mut place_mentions, &group_names);
        let mut actor_countries = sitrep_recognize::actors::country_votes(sitrep_actors::Registry::global(), &actors);
        actor_countries.extend(sitrep_resolve::places::term_votes(&doc.text));
        let places = sitrep_resolve::places::resolve_places(&place_mentions, cleaned.placeline, &actor_countries);
        let events = sitrep_extract::extract(&sitrep_extract::Input {
            doc,
            cleaned: &cleaned,
            seg: &seg,
            dates: &dates,
            ctx: &ctx,
            places: &places,
            actors: &actors,
        });
        let title = doc
            .title
            .clone()
            .or_else(|| cleaned.headline.map(|h| h.slice(&doc.text).trim().to_string()));
        DocResult {
            doc_id: doc.doc_id.clone(),
            title,
            published: ctx.report_date.map(|d| d.format("%Y-%m-%d").to_string()),
            events,
        }
    }
}
