//! Stage 4 — recognize: typed mentions found over the segmented text.
//!
//! - [`actors`]: actor names from the registry ("ISIS jihadists", "Afghan security forces").
//! - [`numbers`]: number phrases with their qualifier ("at least 12", "dozens", "five to seven").
//! - [`dates`]: date expressions, absolute ("7 June 2016") and relative ("on Tuesday").
//! - [`places`]: place names from the gazetteer, with what their context says ("in", "30 km
//!   south of", "province").
//!
//! Mentions carry byte spans and unresolved values; turning them into calendar dates is the
//! resolve stage's job.

pub mod actors;
pub mod dates;
pub mod numbers;
pub mod places;
