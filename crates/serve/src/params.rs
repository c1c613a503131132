//! Query-string parameters of the event routes, checked before any database work.

use serde::Deserialize;

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

/// How to order events.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) enum SortKey {
    /// By date, then id.
    #[default]
    Date,
    /// By best fatalities.
    Fatalities,
    /// By number of reports.
    Reports,
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
    pub(crate) sort: SortKey,
    pub(crate) descending: bool,
    pub(crate) limit: u64,
    pub(crate) offset: u64,
}

/// Default page size of `GET /api/events`.
pub(crate) const DEFAULT_LIMIT: u64 = 100;

impl EventParams {
    /// Check every parameter; `max_page` bounds `limit`.
    pub(crate) fn check(self, max_page: u64) -> Result<EventQuery, ApiError> {
        let from = self.from.map(|d| date("from", d)).transpose()?;
        let to = self.to.map(|d| date("to", d)).transpose()?;
        if let (Some(f), Some(t)) = (&from, &to) {
            if f > t {
                return Err(ApiError::bad_request(format!(
                    "`from` ({f}) is after `to` ({t})"
                )));
            }
        }
        let country = self
            .country
            .map(|c| {
                let c = c.trim().to_ascii_uppercase();
                if c.len() == 2 && c.bytes().all(|b| b.is_ascii_uppercase()) {
                    Ok(c)
                } else {
                    Err(ApiError::bad_request(format!(
                        "`country` must be an ISO 3166-1 alpha-2 code such as NG, not {c:?}"
                    )))
                }
            })
            .transpose()?;
        let bbox = self.bbox.map(|b| bbox(&b)).transpose()?;
        let (sort, descending) = match self.sort.as_deref().map(str::trim) {
            None | Some("") | Some("date") => (SortKey::Date, false),
            Some("-date") => (SortKey::Date, true),
            Some("fatalities") => (SortKey::Fatalities, false),
            Some("-fatalities") => (SortKey::Fatalities, true),
            Some("reports") => (SortKey::Reports, false),
            Some("-reports") => (SortKey::Reports, true),
            Some(other) => {
                return Err(ApiError::bad_request(format!(
                    "`sort` must be one of date, -date, fatalities, -fatalities, reports, -reports, not {other:?}"
                )))
            }
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
            descending,
            limit,
            offset: self.offset.unwrap_or(0),
        })
    }
}

fn nonempty(s: Option<String>) -> Option<String> {
    s.map(|s| s.trim().to_string()).filter(|s| !s.is_empty())
}

/// `YYYY-MM-DD` with a real month and day.
fn date(name: &str, d: String) -> Result<String, ApiError> {
    let d = d.trim().to_string();
    let b = d.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    let ok = b.len() == 10 && b[4] == b'-' && b[7] == b'-' && digits(0..4) && digits(5..7) && digits(8..10);
    let valid = ok && {
        let month: u32 = d[5..7].parse().unwrap_or(0);
        let day: u32 = d[8..10].parse().unwrap_or(0);
        (1..=12).contains(&month) && (1..=31).contains(&day)
    };
    if valid {
        Ok(d)
    } else {
        Err(ApiError::bad_request(format!(
            "`{name}` must be a date YYYY-MM-DD, not {d:?}"
        )))
    }
}

/// `min_lon,min_lat,max_lon,max_lat` in degrees.
fn bbox(s: &str) -> Result<[f64; 4], ApiError> {
    let bad = || {
        ApiError::bad_request(format!(
            "`bbox` must be min_lon,min_lat,max_lon,max_lat in degrees, not {s:?}"
        ))
    };
    let parts: Vec<f64> = s
        .split(',')
        .map(|p| p.trim().parse::<f64>())
        .collect::<Result<_, _>>()
        .map_err(|_| bad())?;
    let [w, south, e, north] = <[f64; 4]>::try_from(parts).map_err(|_| bad())?;
    let lon_ok = |x: f64| (-180.0..=180.0).contains(&x);
    let lat_ok = |x: f64| (-90.0..=90.0).contains(&x);
    if !(lon_ok(w) && lon_ok(e) && lat_ok(south) && lat_ok(north)) || south > north || w > e {
        return Err(bad());
    }
    Ok([w, south, e, north])
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
        assert_eq!(q.sort, SortKey::Date);
        assert!(!q.descending);
    }

    #[test]
    fn bad_values_are_400_with_the_parameter_named() {
        for (set, name) in [
            (Box::new(|p: &mut EventParams| p.from = Some("2016-13-01".into())) as Box<dyn FnOnce(&mut EventParams)>, "from"),
            (Box::new(|p: &mut EventParams| p.to = Some("yesterday".into())), "to"),
            (Box::new(|p: &mut EventParams| p.country = Some("Libya".into())), "country"),
            (Box::new(|p: &mut EventParams| p.bbox = Some("1,2,3".into())), "bbox"),
            (Box::new(|p: &mut EventParams| p.bbox = Some("10,50,5,40".into())), "bbox"),
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
            p.bbox = Some("9.5, 19.5, 25, 33.2".into());
            p.sort = Some("-fatalities".into());
            p.actor = Some("  ".into());
        })
        .map_err(|e| e.message);
        let q = q.unwrap_or_default();
        assert_eq!(q.country.as_deref(), Some("LY"));
        assert_eq!(q.bbox, Some([9.5, 19.5, 25.0, 33.2]));
        assert_eq!((q.sort, q.descending), (SortKey::Fatalities, true));
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
