//! Stage 4 — recognize: typed mentions found over the segmented text.
//!
//! - [`numbers`]: number phrases with their qualifier ("at least 12", "dozens", "five to seven").
//! - [`dates`]: date expressions, absolute ("7 June 2016") and relative ("on Tuesday").
//!
//! Mentions carry byte spans and unresolved values; turning them into calendar dates is the
//! resolve stage's job.

pub mod dates;
pub mod numbers;
