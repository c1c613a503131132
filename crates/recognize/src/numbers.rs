//! Number phrases.
