//! The one place where the values of a [`Filter`](crate::Filter) are read from text and
//! checked: days, country codes, boxes, points and radii (and the names of sort orders,
//! [`Sort::from_name`]).
//!
//! `parse_*` read what a person typed (a CLI flag, an HTTP query parameter) into the typed
//! value the [`Filter`](crate::Filter) holds; `check_*` are the range checks on typed values
//! that both the parsers and [`Filter::validate`](crate::Filter::validate) run. The callers
//! name the flag or parameter in their own messages; the errors here describe the value.
//! Nothing here trims: a caller that accepts padded input (the HTTP API) trims first.
//!
//! ```
//! use sitrep_store::filter_input::{parse_bbox, parse_country, parse_date};
//!
//! assert_eq!(parse_date("2016-06-07").as_deref(), Ok("2016-06-07"));
//! assert!(parse_date("2016-02-30").is_err());
//! assert_eq!(parse_country("ly").as_deref(), Ok("LY"));
//! assert_eq!(parse_bbox("9.5, 19.5, 25, 33.2"), Ok([9.5, 19.5, 25.0, 33.2]));
//! assert!(parse_bbox("1,2,3").is_err());
//! ```

use chrono::NaiveDate;

use crate::Sort;

/// Why a filter value is refused. The message describes the value, not the flag or parameter
/// it came from.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum FilterInputError {
    /// Not a `YYYY-MM-DD` day of the calendar (`2016-13-01`, `2016-02-30`, `7 June 2016`).
    #[error("{0:?} is not a date of the form YYYY-MM-DD")]
    Date(String),
    /// The start of a date range is after its end.
    #[error("from ({from}) is after to ({to})")]
    DateOrder {
        /// The first day.
        from: String,
        /// The last day.
        to: String,
    },
    /// Not two ASCII letters.
    #[error("{0:?} is not a two-letter country code (ISO 3166-1 alpha-2)")]
    Country(String),
    /// Text that is not the numbers expected (too few, too many, not numbers, not finite).
    #[error("{input:?} is not {expected}")]
    Numbers {
        /// The text as given.
        input: String,
        /// What was expected, in words (`four numbers min_lon,min_lat,max_lon,max_lat`).
        expected: &'static str,
    },
    /// A box with a corner off the globe.
    #[error(
        "the box [{min_lon}, {min_lat}, {max_lon}, {max_lat}] is off the globe: longitudes must lie in [-180, 180], latitudes in [-90, 90]"
    )]
    BboxOffGlobe {
        /// West edge.
        min_lon: f64,
        /// South edge.
        min_lat: f64,
        /// East edge.
        max_lon: f64,
        /// North edge.
        max_lat: f64,
    },
    /// A box whose south edge is north of its north edge.
    #[error("min_lat {min_lat} is above max_lat {max_lat}")]
    BboxLatOrder {
        /// South edge.
        min_lat: f64,
        /// North edge.
        max_lat: f64,
    },
    /// A point off the globe.
    #[error(
        "({lat}, {lon}) is not a latitude and longitude: the latitude must lie in [-90, 90], the longitude in [-180, 180]"
    )]
    PointOffGlobe {
        /// Latitude.
        lat: f64,
        /// Longitude.
        lon: f64,
    },
    /// A radius that is not a positive, finite number of km.
    #[error("the radius must be a positive number of km, not {0}")]
    Radius(f64),
    /// Not the name of a [`Sort`] order.
    #[error("{0:?} is none of {names}", names = Sort::NAMES.map(|(n, _)| n).join(", "))]
    Sort(String),
}

/// The calendar day of `YYYY-MM-DD` (four digits, two, two), `None` for anything else.
pub(crate) fn calendar_day(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    if !(b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && digits(0..4)
        && digits(5..7)
        && digits(8..10))
    {
        return None;
    }
    let year: i32 = s.get(0..4)?.parse().ok()?;
    let month: u32 = s.get(5..7)?.parse().ok()?;
    let day: u32 = s.get(8..10)?.parse().ok()?;
    NaiveDate::from_ymd_opt(year, month, day)
}

/// A day `YYYY-MM-DD` that the calendar has (`2016-02-29` yes, `2015-02-29` no), returned
/// as given.
pub fn parse_date(s: &str) -> Result<String, FilterInputError> {
    match calendar_day(s) {
        Some(_) => Ok(s.to_string()),
        None => Err(FilterInputError::Date(s.to_string())),
    }
}

/// `from` is not after `to`; both are days as [`parse_date`] accepts them.
pub fn check_date_range(from: &str, to: &str) -> Result<(), FilterInputError> {
    // `YYYY-MM-DD` sorts as text in calendar order.
    if from > to {
        return Err(FilterInputError::DateOrder {
            from: from.to_string(),
            to: to.to_string(),
        });
    }
    Ok(())
}

/// A country code: two ASCII letters in any case.
pub fn check_country(code: &str) -> Result<(), FilterInputError> {
    if code.len() == 2 && code.bytes().all(|b| b.is_ascii_alphabetic()) {
        Ok(())
    } else {
        Err(FilterInputError::Country(code.to_string()))
    }
}

/// A country code (two ASCII letters, any case; `ly`), returned in capitals (`LY`).
pub fn parse_country(s: &str) -> Result<String, FilterInputError> {
    check_country(s)?;
    Ok(s.to_ascii_uppercase())
}

/// `N` comma-separated finite numbers, each trimmed of spaces.
fn numbers<const N: usize>(s: &str, expected: &'static str) -> Result<[f64; N], FilterInputError> {
    let bad = || FilterInputError::Numbers {
        input: s.to_string(),
        expected,
    };
    let parts: Vec<f64> = s
        .split(',')
        .map(|p| p.trim().parse::<f64>().ok().filter(|x| x.is_finite()))
        .collect::<Option<_>>()
        .ok_or_else(bad)?;
    <[f64; N]>::try_from(parts).map_err(|_| bad())
}

/// A box `[min_lon, min_lat, max_lon, max_lat]` in degrees: on the globe, its south edge not
/// north of its north edge. A `min_lon` east of `max_lon` is a box across the antimeridian,
/// which [`Filter::bbox`](crate::Filter::bbox) allows.
pub fn check_bbox(bbox: [f64; 4]) -> Result<(), FilterInputError> {
    let [min_lon, min_lat, max_lon, max_lat] = bbox;
    let lon_ok = |x: f64| (-180.0..=180.0).contains(&x);
    let lat_ok = |y: f64| (-90.0..=90.0).contains(&y);
    if !(lon_ok(min_lon) && lon_ok(max_lon) && lat_ok(min_lat) && lat_ok(max_lat)) {
        return Err(FilterInputError::BboxOffGlobe {
            min_lon,
            min_lat,
            max_lon,
            max_lat,
        });
    }
    if min_lat > max_lat {
        return Err(FilterInputError::BboxLatOrder { min_lat, max_lat });
    }
    Ok(())
}

/// A box `min_lon,min_lat,max_lon,max_lat` in degrees (spaces around the numbers allowed),
/// checked by [`check_bbox`].
pub fn parse_bbox(s: &str) -> Result<[f64; 4], FilterInputError> {
    let bbox = numbers::<4>(s, "four numbers min_lon,min_lat,max_lon,max_lat")?;
    check_bbox(bbox)?;
    Ok(bbox)
}

/// A point: latitude in [-90, 90], longitude in [-180, 180].
pub fn check_point(lat: f64, lon: f64) -> Result<(), FilterInputError> {
    if (-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon) {
        Ok(())
    } else {
        Err(FilterInputError::PointOffGlobe { lat, lon })
    }
}

/// A point `lat,lon` in degrees (spaces around the numbers allowed), checked by
/// [`check_point`].
pub fn parse_lat_lon(s: &str) -> Result<(f64, f64), FilterInputError> {
    let [lat, lon] = numbers::<2>(s, "two numbers lat,lon")?;
    check_point(lat, lon)?;
    Ok((lat, lon))
}

/// A radius: a positive, finite number of km.
pub fn check_radius(km: f64) -> Result<(), FilterInputError> {
    if km.is_finite() && km > 0.0 {
        Ok(())
    } else {
        Err(FilterInputError::Radius(km))
    }
}

/// A radius in km (`25`, `2.5`), checked by [`check_radius`].
pub fn parse_radius(s: &str) -> Result<f64, FilterInputError> {
    let km = s.parse::<f64>().map_err(|_| FilterInputError::Numbers {
        input: s.to_string(),
        expected: "a positive number of km",
    })?;
    check_radius(km)?;
    Ok(km)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_calendar_days() {
        assert_eq!(parse_date("2016-06-07").as_deref(), Ok("2016-06-07"));
        assert_eq!(parse_date("2016-02-29").as_deref(), Ok("2016-02-29"));
        for bad in [
            "2016-13-01",
            "2016-00-10",
            "2016-06-00",
            "2016-06-32",
            "2015-02-29",
            "2016-02-30",
            "2016-6-7",
            "2016/06/07",
            "7 June 2016",
            "yesterday",
            "",
            " 2016-06-07",
            "2016-06-07 ",
            "-201-06-07",
            "+201-06-07",
            "2016-06-07x",
            "２０16-06-07",
        ] {
            assert_eq!(
                parse_date(bad),
                Err(FilterInputError::Date(bad.to_string())),
                "{bad:?}"
            );
        }
        let message = parse_date("2016-13-01").err().map(|e| e.to_string());
        assert_eq!(
            message.as_deref(),
            Some("\"2016-13-01\" is not a date of the form YYYY-MM-DD")
        );
    }

    #[test]
    fn reversed_dates_are_refused() {
        assert_eq!(check_date_range("2016-06-01", "2016-06-10"), Ok(()));
        assert_eq!(check_date_range("2016-06-01", "2016-06-01"), Ok(()));
        let err = check_date_range("2016-06-10", "2016-06-01");
        assert_eq!(
            err,
            Err(FilterInputError::DateOrder {
                from: "2016-06-10".into(),
                to: "2016-06-01".into()
            })
        );
        assert_eq!(
            err.err().map(|e| e.to_string()).as_deref(),
            Some("from (2016-06-10) is after to (2016-06-01)")
        );
    }

    #[test]
    fn country_codes_are_two_letters_in_any_case() {
        assert_eq!(parse_country("LY").as_deref(), Ok("LY"));
        assert_eq!(parse_country("ly").as_deref(), Ok("LY"));
        assert_eq!(parse_country("nG").as_deref(), Ok("NG"));
        assert_eq!(check_country("ly"), Ok(()));
        for bad in [
            "LBY", "lby", "Libya", "L", "", "L1", "ly ", " ly", "é1", "ü",
        ] {
            assert_eq!(
                parse_country(bad),
                Err(FilterInputError::Country(bad.to_string())),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn boxes() {
        assert_eq!(parse_bbox("10,-5,20.5,5"), Ok([10.0, -5.0, 20.5, 5.0]));
        assert_eq!(
            parse_bbox(" 9.5, 19.5 ,25,33.2 "),
            Ok([9.5, 19.5, 25.0, 33.2])
        );
        assert_eq!(
            parse_bbox("-180,-90,180,90"),
            Ok([-180.0, -90.0, 180.0, 90.0])
        );
        // A box across the antimeridian: west edge east of the east edge.
        assert_eq!(
            parse_bbox("170,-20,-170,-10"),
            Ok([170.0, -20.0, -170.0, -10.0])
        );
        for wrong_count in ["1,2,3", "1,2,3,4,5", "", "1,,2,3", "a,b,c,d", "1;2;3;4"] {
            assert!(
                matches!(
                    parse_bbox(wrong_count),
                    Err(FilterInputError::Numbers { .. })
                ),
                "{wrong_count:?}"
            );
        }
        for not_finite in ["NaN,1,2,3", "inf,1,2,3", "1,2,3,-inf"] {
            assert!(
                matches!(
                    parse_bbox(not_finite),
                    Err(FilterInputError::Numbers { .. })
                ),
                "{not_finite:?}"
            );
        }
        assert_eq!(
            parse_bbox("1,2,3").err().map(|e| e.to_string()).as_deref(),
            Some("\"1,2,3\" is not four numbers min_lon,min_lat,max_lon,max_lat")
        );
        for off in ["200,5,20,6", "10,-91,20,5", "10,5,20,95", "-181,0,0,1"] {
            assert!(
                matches!(parse_bbox(off), Err(FilterInputError::BboxOffGlobe { .. })),
                "{off:?}"
            );
        }
        assert_eq!(
            parse_bbox("10,5,20,1"),
            Err(FilterInputError::BboxLatOrder {
                min_lat: 5.0,
                max_lat: 1.0
            })
        );
        assert_eq!(
            check_bbox([10.0, 50.0, 5.0, 40.0])
                .err()
                .map(|e| e.to_string())
                .as_deref(),
            Some("min_lat 50 is above max_lat 40")
        );
        assert!(check_bbox([f64::NAN, 0.0, 1.0, 1.0]).is_err());
    }

    #[test]
    fn points_and_radii() {
        assert_eq!(parse_lat_lon("11.8,13.15"), Ok((11.8, 13.15)));
        assert_eq!(parse_lat_lon("-90, -180"), Ok((-90.0, -180.0)));
        assert_eq!(
            parse_lat_lon("95,13"),
            Err(FilterInputError::PointOffGlobe {
                lat: 95.0,
                lon: 13.0
            })
        );
        assert!(parse_lat_lon("11,181").is_err());
        assert!(matches!(
            parse_lat_lon("11"),
            Err(FilterInputError::Numbers { .. })
        ));
        assert!(check_point(f64::NAN, 0.0).is_err());
        assert_eq!(parse_radius("25"), Ok(25.0));
        assert_eq!(parse_radius("0.5"), Ok(0.5));
        assert_eq!(parse_radius("0"), Err(FilterInputError::Radius(0.0)));
        assert_eq!(parse_radius("-3"), Err(FilterInputError::Radius(-3.0)));
        assert!(parse_radius("inf").is_err());
        assert!(matches!(
            parse_radius("x"),
            Err(FilterInputError::Numbers { .. })
        ));
        for bad in ["0", "-3", "x"] {
            let message = parse_radius(bad)
                .err()
                .map(|e| e.to_string())
                .unwrap_or_default();
            assert!(message.contains("positive number of km"), "{message}");
        }
        assert!(check_radius(f64::NAN).is_err());
    }

    #[test]
    fn sort_names() {
        assert_eq!(Sort::from_name("-fatalities"), Ok(Sort::FatalitiesDesc));
        assert_eq!(Sort::from_name("date"), Ok(Sort::DateAsc));
        for bad in ["size", "", " date", "Date", "--date"] {
            assert_eq!(
                Sort::from_name(bad),
                Err(FilterInputError::Sort(bad.into()))
            );
        }
        assert_eq!(
            Sort::from_name("size")
                .err()
                .map(|e| e.to_string())
                .as_deref(),
            Some("\"size\" is none of date, -date, fatalities, -fatalities, reports, -reports")
        );
    }
}
