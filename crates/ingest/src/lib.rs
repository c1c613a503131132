//! Stage 1 — ingest: paths in, documents out.
