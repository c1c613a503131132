//! Query-string parameters of the event routes, checked before any database work.

use serde::Deserialize;
use sitrep_store::filter_input::{self, FilterInputError};
use sitrep_store::Sort;

use crate::error::ApiError;

/// `GET /api/events` and `GET /api/timeline` parameters as they arrive.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct EventParams {
    pub(crate) from: Option<String>,
    pub(crate) to: Option<String>,
    pub(crate) country: Option<String>,
    pub(crate) bbox: Option<String>,
    pub(crate) actor: Option<String>,
    #[serde(rename = "type")]
    pub(crate) event_type: Option<String>,
    pub(crate) min_fatalities: Option<u64>,
    pub(crate) q: Option<String>,
    pub(crate) sort: Option<String>,
    pub(crate) limit: Option<u64>,
    pub(crate) offset: Option<u64>,
}

/// A checked event query.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct EventQuery {
    pub(crate) from: Option<String>,
    pub(crate) to: Option<String>,
    pub(crate) country: Option<String>,
    /// min_lon, min_lat, max_lon, max_lat.
    pub(crate) bbox: Option<[f64; 4]>,
    pub(crate) actor: Option<String>,
    pub(crate) event_type: Option<String>,
    pub(crate) min_fatalities: Option<u64>,
    pub(crate) text: Option<String>,
    pub(crate) sort: Sort,
    pub(crate) limit: u64,
    pub(crate) offset: u64,
}

/// Default page size of `GET /api/events`.
pub(crate) const DEFAULT_LIMIT: u64 = 100;

impl EventParams {
    /// Check every parameter; `max_page` bounds `limit`. Values are trimmed, then read by
    /// [`sitrep_store::filter_input`].
    pub(crate) fn check(self, max_page: u64) -> Result<EventQuery, ApiError> {
        let from = self.from.map(|d| date("from", &d)).transpose()?;
        let to = self.to.map(|d| date("to", &d)).transpose()?;
        if let (Some(f), Some(t)) = (&from, &to) {
            filter_input::check_date_range(f, t).map_err(|_| {
                ApiError::bad_request(format!("`from` ({f}) is after `to` ({t})"))
            })?;
        }
        let country = self
            .country
            .map(|c| {
                let c = c.trim();
                filter_input::parse_country(c).map_err(|_| {
                    ApiError::bad_request(format!(
                        "`country` must be an ISO 3166-1 alpha-2 code such as NG, not {c:?}"
                    ))
                })
            })
            .transpose()?;
        let bbox = self.bbox.map(|b| bbox(&b)).transpose()?;
        let sort = match self.sort.as_deref().map(str::trim) {
            None | Some("") => Sort::default(),
            Some(name) => Sort::from_name(name).map_err(|_| {
                ApiError::bad_request(format!(
                    "`sort` must be one of {}, not {name:?}",
                    Sort::NAMES.map(|(n, _)| n).join(", ")
                ))
            })?,
        };
        let limit = self.limit.unwrap_or(DEFAULT_LIMIT.min(max_page));
        if limit == 0 || limit > max_page {
            return Err(ApiError::bad_request(format!(
                "`limit` must be between 1 and {max_page}"
            )));
        }
        Ok(EventQuery {
            from,
            to,
            country,
            bbox,
            actor: nonempty(self.actor),
            event_type: nonempty(self.event_type),
            min_fatalities: self.min_fatalities,
            text: nonempty(self.q),
            sort,
            limit,
            offset: self.offset.unwrap_or(0),
        })
    }
}

fn nonempty(s: Option<String>) -> Option<String> {
    s.map(|s| s.trim().to_string()).filter(|s| !s.is_empty())
}

/// `YYYY-MM-DD`, a day of the calendar.
fn date(name: &str, d: &str) -> Result<String, ApiError> {
    let d = d.trim();
    filter_input::parse_date(d).map_err(|_| {
        ApiError::bad_request(format!("`{name}` must be a date YYYY-MM-DD, not {d:?}"))
    })
}

/// `min_lon,min_lat,max_lon,max_lat` in degrees. Unlike the store's [`sitrep_store::Filter`],
/// the API refuses a box across the antimeridian (`min_lon` east of `max_lon`).
fn bbox(s: &str) -> Result<[f64; 4], ApiError> {
    let bad = |why: &dyn std::fmt::Display| {
        ApiError::bad_request(format!(
            "`bbox` must be min_lon,min_lat,max_lon,max_lat in degrees, not {s:?}: {why}"
        ))
    };
    let b = filter_input::parse_bbox(s).map_err(|e: FilterInputError| bad(&e))?;
    let [min_lon, _, max_lon, _] = b;
    if min_lon > max_lon {
        return Err(bad(&format!(
            "min_lon {min_lon} is east of max_lon {max_lon}"
        )));
    }
    Ok(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn params(f: impl FnOnce(&mut EventParams)) -> Result<EventQuery, ApiError> {
        let mut p = EventParams::default();
        f(&mut p);
        p.check(500)
    }

    #[test]
    fn defaults() {
        let q = params(|_| {}).map_err(|e| e.message).unwrap_or_default();
        assert_eq!(q.limit, DEFAULT_LIMIT);
        assert_eq!(q.offset, 0);
        assert_eq!(q.sort, Sort::DateAsc);
    }

    #[test]
    fn bad_values_are_400_with_the_parameter_named() {
        for (set, name) in [
            (Box::new(|p: &mut EventParams| p.from = Some("2016-13-01".into())) as Box<dyn FnOnce(&mut EventParams)>, "from"),
            (Box::new(|p: &mut EventParams| p.to = Some("yesterday".into())), "to"),
            (Box::new(|p: &mut EventParams| p.country = Some("Libya".into())), "country"),
            (Box::new(|p: &mut EventParams| p.bbox = Some("1,2,3".into())), "bbox"),
            (Box::new(|p: &mut EventParams| p.bbox = Some("10,50,5,40".into())), "bbox"),
            // The store takes boxes across the antimeridian; the API never did.
            (Box::new(|p: &mut EventParams| p.bbox = Some("170,-20,-170,-10".into())), "bbox"),
            (Box::new(|p: &mut EventParams| p.bbox = Some("10,-95,20,5".into())), "bbox"),
            (Box::new(|p: &mut EventParams| p.from = Some("2016-02-30".into())), "from"),
            (Box::new(|p: &mut EventParams| p.country = Some("LBY".into())), "country"),
            (Box::new(|p: &mut EventParams| p.sort = Some("size".into())), "sort"),
            (Box::new(|p: &mut EventParams| p.limit = Some(501)), "limit"),
            (Box::new(|p: &mut EventParams| p.limit = Some(0)), "limit"),
        ] {
            let err = params(set).err().map(|e| (e.status.as_u16(), e.message));
            let (status, message) = err.unwrap_or((200, String::new()));
            assert_eq!(status, 400, "{name}");
            assert!(message.contains(name), "{message}");
        }
    }

    #[test]
    fn good_values_are_normalised() {
        let q = params(|p| {
            p.country = Some(" ly ".into());
            p.from = Some(" 2016-06-01 ".into());
            p.bbox = Some("9.5, 19.5, 25, 33.2".into());
            p.sort = Some("-fatalities".into());
            p.actor = Some("  ".into());
        })
        .map_err(|e| e.message);
        let q = q.unwrap_or_default();
        assert_eq!(q.country.as_deref(), Some("LY"));
        assert_eq!(q.from.as_deref(), Some("2016-06-01"));
        assert_eq!(q.bbox, Some([9.5, 19.5, 25.0, 33.2]));
        assert_eq!(q.sort, Sort::FatalitiesDesc);
        assert_eq!(q.actor, None);
    }

    #[test]
    fn from_after_to_is_refused() {
        let r = params(|p| {
            p.from = Some("2016-06-10".into());
            p.to = Some("2016-06-01".into());
        });
        assert!(r.is_err());
    }
}
