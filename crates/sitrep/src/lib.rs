//! sitrep as a library: run the whole per-document pipeline on a [`Document`].
//!
//! ```
//! let pipeline = sitrep::Pipeline::new();
//! let doc = sitrep::Document::from_text("d1", "Two soldiers were killed on Monday.");
//! let result = pipeline.process(&doc);
//! assert_eq!(result.doc_id, "d1");
//! ```

pub use sitrep_model::*;

/// The per-document pipeline (ingest excluded): clean → segment → recognize → resolve → extract.
/// Build it once; it holds the read-only resources and is shared across threads.
#[derive(Debug, Default)]
pub struct Pipeline {}

impl Pipeline {
    /// Load every resource once.
    pub fn new() -> Self {
        Pipeline {}
    }

    /// Run the per-document stages on one document.
    pub fn process(&self, doc: &Document) -> DocResult {
        DocResult { doc_id: doc.doc_id.clone(), title: doc.title.clone(), published: None, events: Vec::new() }
    }
}
