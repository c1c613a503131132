//! Stage 6 — extract: claims and events.
