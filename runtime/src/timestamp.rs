//! Twilio's date-time wire format: UTC, whole seconds, `Z` (`2015-07-30T20:00:00Z`).
//!
//! Filters such as `DateCreatedAfter` must be sent in this form whatever offset the caller's
//! value carries; use these functions with `#[serde(with = "...")]`:
//!
//! ```
//! # extern crate sidekick_runtime as sidekick;
//! use chrono::{DateTime, FixedOffset, Utc};
//!
//! #[derive(serde::Serialize)]
//! struct Filter {
//!     #[serde(rename = "DateCreatedAfter", with = "sidekick::timestamp::option")]
//!     after: Option<DateTime<Utc>>,
//! }
//! let local = DateTime::parse_from_rfc3339("2017-01-01T10:00:01+10:00").unwrap();
//! let query = sidekick::form::encode(&Filter { after: Some(local.into()) }).unwrap();
//! assert_eq!(query, "DateCreatedAfter=2017-01-01T00%3A00%3A01Z");
//! ```

use chrono::{DateTime, SecondsFormat, TimeZone, Utc};
use serde::{Deserialize, Deserializer, Serializer};

/// Formats any time zone's value as `YYYY-MM-DDTHH:MM:SSZ` in UTC.
///
/// ```
/// # extern crate sidekick_runtime as sidekick;
/// let t = chrono::DateTime::parse_from_rfc3339("2017-12-31T23:59:59.900-05:00").unwrap();
/// assert_eq!(sidekick::timestamp::format_utc(&t), "2018-01-01T04:59:59Z");
/// ```
pub fn format_utc<Tz: TimeZone>(value: &DateTime<Tz>) -> String {
    value.with_timezone(&Utc).to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// Serializes a date-time in Twilio's UTC form (see [`format_utc`]).
pub fn serialize<S: Serializer, Tz: TimeZone>(value: &DateTime<Tz>, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&format_utc(value))
}

/// Deserializes any RFC 3339 date-time into UTC.
pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<DateTime<Utc>, D::Error> {
    DateTime::<Utc>::deserialize(d)
}

/// The same for `Option<DateTime<_>>` fields; `None` is left out of forms and queries.
pub mod option {
    use super::*;

    /// Serializes `Some` in Twilio's UTC form and `None` as nothing.
    pub fn serialize<S: Serializer, Tz: TimeZone>(
        value: &Option<DateTime<Tz>>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        match value {
            Some(v) => s.serialize_some(&format_utc(v)),
            None => s.serialize_none(),
        }
    }

    /// Deserializes an optional RFC 3339 date-time into UTC.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<DateTime<Utc>>, D::Error> {
        Option::<DateTime<Utc>>::deserialize(d)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::FixedOffset;

    #[test]
    fn any_offset_becomes_utc_seconds() {
        let plus = DateTime::parse_from_rfc3339("2017-01-01T10:00:01+10:00").unwrap();
        assert_eq!(format_utc(&plus), "2017-01-01T00:00:01Z");
        let minus: DateTime<FixedOffset> =
            DateTime::parse_from_rfc3339("2016-12-31T19:00:01.5-05:00").unwrap();
        assert_eq!(format_utc(&minus), "2017-01-01T00:00:01Z");
        let utc = Utc.with_ymd_and_hms(2015, 7, 30, 20, 0, 0).unwrap();
        assert_eq!(format_utc(&utc), "2015-07-30T20:00:00Z");
    }
}
