//! Dates of Twilio's 2010 API, which are RFC 2822 (`Fri, 24 May 2019 17:44:46 +0000`) rather
//! than the RFC 3339 of the newer APIs; use with `#[serde(default, with = "crate::rfc2822::option")]`.
//!
//! ```
//! use chrono::{TimeZone, Utc};
//! let date = downstream::rfc2822::parse("Fri, 24 May 2019 17:44:46 +0000").unwrap();
//! assert_eq!(date, Utc.with_ymd_and_hms(2019, 5, 24, 17, 44, 46).unwrap());
//! ```

use chrono::{DateTime, Utc};

/// Parses an RFC 2822 date into UTC.
pub fn parse(text: &str) -> Result<DateTime<Utc>, chrono::ParseError> {
    DateTime::parse_from_rfc2822(text).map(|date| date.with_timezone(&Utc))
}

/// For `Option<DateTime<Utc>>` fields: `null` (or a missing field, with `#[serde(default)]`)
/// is `None`.
pub mod option {
    use chrono::{DateTime, Utc};
    use serde::de::Error as _;
    use serde::{Deserialize, Deserializer};

    /// Deserializes an optional RFC 2822 date into UTC.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<DateTime<Utc>>, D::Error> {
        let Some(text) = Option::<String>::deserialize(d)? else { return Ok(None) };
        super::parse(&text)
            .map(Some)
            .map_err(|e| D::Error::custom(format_args!("`{text}` is not an RFC 2822 date: {e}")))
    }
}
