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

use std::fmt;

use chrono::{DateTime, NaiveDate, SecondsFormat, TimeZone, Utc};
use serde::Serializer;
use serde::de::{self, Deserializer, Visitor};

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

/// Parses an RFC 3339 date-time into UTC. Twilio's own form (`2015-07-30T20:00:00Z`) takes a
/// fast path, as a page of resources holds thousands of them; any other form chrono accepts
/// (offsets, fractions of a second, a space for the `T`) is read by chrono.
///
/// ```
/// # extern crate sidekick_runtime as sidekick;
/// let twilio = sidekick::timestamp::parse("2015-07-30T20:00:00Z").unwrap();
/// let offset = sidekick::timestamp::parse("2015-07-30T22:00:00+02:00").unwrap();
/// assert_eq!(twilio, offset);
/// assert!(sidekick::timestamp::parse("2015-02-30T20:00:00Z").is_err());
/// ```
pub fn parse(text: &str) -> Result<DateTime<Utc>, chrono::ParseError> {
    match parse_twilio_form(text) {
        Some(instant) => Ok(instant),
        None => text.parse(),
    }
}

/// `YYYY-MM-DDTHH:MM:SSZ` exactly, or `None` for chrono to read (or reject) it.
fn parse_twilio_form(text: &str) -> Option<DateTime<Utc>> {
    let b = text.as_bytes();
    let punctuation = [(4, b'-'), (7, b'-'), (10, b'T'), (13, b':'), (16, b':'), (19, b'Z')];
    if b.len() != 20 || punctuation.iter().any(|&(at, expected)| b[at] != expected) {
        return None;
    }
    let number = |at: usize, len: usize| {
        b[at..at + len]
            .iter()
            .try_fold(0u32, |n, digit| digit.is_ascii_digit().then(|| n * 10 + u32::from(digit - b'0')))
    };
    let date = NaiveDate::from_ymd_opt(number(0, 4)? as i32, number(5, 2)?, number(8, 2)?)?;
    Some(date.and_hms_opt(number(11, 2)?, number(14, 2)?, number(17, 2)?)?.and_utc())
}

/// Deserializes an RFC 3339 date-time into UTC (see [`parse`]).
pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<DateTime<Utc>, D::Error> {
    d.deserialize_str(RFC_3339)
}

const RFC_3339: DateVisitor = DateVisitor { parse, form: "an RFC 3339 date-time" };

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

    /// Deserializes an optional RFC 3339 date-time into UTC: `null` is `None`.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<DateTime<Utc>>, D::Error> {
        d.deserialize_option(OptionalDateVisitor(RFC_3339))
    }
}

/// Reads a date from a string without copying it (unless it holds JSON escapes).
#[derive(Clone, Copy)]
struct DateVisitor {
    parse: fn(&str) -> Result<DateTime<Utc>, chrono::ParseError>,
    /// What the string must be, for errors.
    form: &'static str,
}

impl Visitor<'_> for DateVisitor {
    type Value = DateTime<Utc>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.form)
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<DateTime<Utc>, E> {
        (self.parse)(text).map_err(|e| E::custom(format_args!("`{text}` is not {}: {e}", self.form)))
    }
}

/// [`DateVisitor`] for `Option` fields.
struct OptionalDateVisitor(DateVisitor);

impl<'de> Visitor<'de> for OptionalDateVisitor {
    type Value = Option<DateTime<Utc>>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} or null", self.0.form)
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_str(self.0).map(Some)
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
    use chrono::{DateTime, TimeZone, Utc};
    use serde::{Deserializer, Serializer};

    use super::{DateVisitor, OptionalDateVisitor};

    const RFC_2822: DateVisitor = DateVisitor { parse, form: "an RFC 2822 date" };

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
        d.deserialize_str(RFC_2822)
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
            d.deserialize_option(OptionalDateVisitor(RFC_2822))
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
    fn the_fast_path_agrees_with_chrono_and_falls_back_to_it() {
        for text in
            ["2015-07-30T20:00:00Z", "2000-02-29T23:59:59Z", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z"]
        {
            assert_eq!(parse_twilio_form(text), Some(text.parse::<DateTime<Utc>>().unwrap()), "{text}");
        }
        for text in [
            "2015-07-30T20:00:00.250Z",
            "2015-07-30 20:00:00Z",
            "2015-07-30T22:00:00+02:00",
            "2016-12-31T23:59:60Z",
        ] {
            assert_eq!(parse_twilio_form(text), None, "{text}");
            assert_eq!(parse(text).unwrap(), text.parse::<DateTime<Utc>>().unwrap(), "{text}");
        }
        for text in [
            "2015-02-29T20:00:00Z",
            "2015-07-30T24:00:00Z",
            "2015-07-3OT20:00:00Z",
            "2015-07-30T20:00Z",
            "",
            "2015-07-30T20:00:00Zé",
        ] {
            assert!(parse(text).is_err(), "{text}");
        }
    }

    #[test]
    fn rfc3339_fields_read_null_missing_and_escaped_text() {
        #[derive(serde::Deserialize, PartialEq, Debug)]
        struct Dates {
            #[serde(with = "super")]
            created: DateTime<Utc>,
            #[serde(default, with = "option")]
            ended: Option<DateTime<Utc>>,
        }
        let at = Utc.with_ymd_and_hms(2015, 7, 30, 20, 0, 0).unwrap();
        let dates: Dates =
            serde_json::from_str(r#"{"created": "2015-07-30T20:00:00\u005a", "ended": null}"#).unwrap();
        assert_eq!(dates, Dates { created: at, ended: None });
        let dates: Dates = serde_json::from_str(r#"{"created": "2015-07-30T20:00:00Z"}"#).unwrap();
        assert_eq!(dates.ended, None);
        let dates: Dates = serde_json::from_str(
            r#"{"created": "2015-07-30T20:00:00Z", "ended": "2015-07-30T21:00:00+01:00"}"#,
        )
        .unwrap();
        assert_eq!(dates.ended, Some(at));
        let err = serde_json::from_str::<Dates>(r#"{"created": "yesterday"}"#).unwrap_err();
        assert!(err.to_string().contains("`yesterday` is not an RFC 3339 date-time"), "{err}");
        assert!(serde_json::from_str::<Dates>(r#"{"created": 5}"#).is_err());
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
