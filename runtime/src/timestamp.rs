//! Twilio's date-time wire formats: RFC 3339 in UTC, whole seconds, `Z`
//! (`2015-07-30T20:00:00Z`), and the 2010 API's RFC 2822 ([`rfc2822`]).
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

/// Twilio's 2010 API writes dates in RFC 2822 (`Fri, 24 May 2019 17:44:46 +0000`) rather than
/// RFC 3339; use these with `#[serde(with = "sidekick::timestamp::rfc2822")]`, or the `option`
/// module for `Option` fields (with `#[serde(default)]` when the field may be missing).
///
/// ```
/// # extern crate sidekick_runtime as sidekick;
/// use chrono::{DateTime, Utc};
///
/// #[derive(serde::Deserialize)]
/// struct Message {
///     #[serde(default, with = "sidekick::timestamp::rfc2822::option")]
///     date_sent: Option<DateTime<Utc>>,
/// }
/// let message: Message = serde_json::from_str(r#"{"date_sent": "Fri, 24 May 2019 17:44:46 +0000"}"#).unwrap();
/// assert_eq!(message.date_sent.unwrap().to_rfc3339(), "2019-05-24T17:44:46+00:00");
/// ```
pub mod rfc2822 {
    use std::borrow::Cow;

    use chrono::{DateTime, TimeZone, Utc};
    use serde::de::Error as _;
    use serde::{Deserialize, Deserializer, Serializer};

    /// Parses an RFC 2822 date into UTC.
    pub fn parse(text: &str) -> Result<DateTime<Utc>, chrono::ParseError> {
        DateTime::parse_from_rfc2822(text).map(|date| date.with_timezone(&Utc))
    }

    /// Serializes a date-time as RFC 2822 in UTC (`Fri, 24 May 2019 17:44:46 +0000`).
    pub fn serialize<S: Serializer, Tz: TimeZone>(value: &DateTime<Tz>, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&value.with_timezone(&Utc).to_rfc2822())
    }

    /// Deserializes an RFC 2822 date into UTC.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<DateTime<Utc>, D::Error> {
        let text = Cow::<str>::deserialize(d)?;
        parse(&text).map_err(|e| D::Error::custom(format_args!("`{text}` is not an RFC 2822 date: {e}")))
    }

    /// The same for `Option<DateTime<_>>` fields: `null` is `None`.
    pub mod option {
        use super::*;

        /// Serializes `Some` as RFC 2822 in UTC and `None` as nothing.
        pub fn serialize<S: Serializer, Tz: TimeZone>(
            value: &Option<DateTime<Tz>>,
            s: S,
        ) -> Result<S::Ok, S::Error> {
            match value {
                Some(v) => s.serialize_some(&v.with_timezone(&Utc).to_rfc2822()),
                None => s.serialize_none(),
            }
        }

        /// Deserializes an optional RFC 2822 date into UTC.
        pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<DateTime<Utc>>, D::Error> {
            let Some(text) = Option::<Cow<str>>::deserialize(d)? else { return Ok(None) };
            parse(&text)
                .map(Some)
                .map_err(|e| D::Error::custom(format_args!("`{text}` is not an RFC 2822 date: {e}")))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::FixedOffset;

    #[test]
    fn rfc2822_dates_round_trip_in_utc() {
        #[derive(serde::Serialize, serde::Deserialize, PartialEq, Debug)]
        struct Dates {
            #[serde(with = "rfc2822")]
            sent: DateTime<Utc>,
            #[serde(default, with = "rfc2822::option")]
            updated: Option<DateTime<Utc>>,
        }
        let text = r#"{"sent":"Fri, 24 May 2019 19:44:46 +0200","updated":null}"#;
        let dates: Dates = serde_json::from_str(text).unwrap();
        assert_eq!(dates.sent, Utc.with_ymd_and_hms(2019, 5, 24, 17, 44, 46).unwrap());
        assert_eq!(
            serde_json::to_string(&dates).unwrap(),
            r#"{"sent":"Fri, 24 May 2019 17:44:46 +0000","updated":null}"#
        );
        let missing: Dates = serde_json::from_str(r#"{"sent":"Fri, 24 May 2019 17:44:46 +0000"}"#).unwrap();
        assert_eq!(missing.updated, None);
        let err = serde_json::from_str::<Dates>(r#"{"sent":"2019-05-24T17:44:46Z"}"#).unwrap_err();
        assert!(err.to_string().contains("is not an RFC 2822 date"), "{err}");
    }

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
