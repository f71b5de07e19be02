//! Query-string and form parameters, and parsing of their values with Twilio-style errors.

use std::str::FromStr;

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};

use crate::http::api_error::ApiError;

/// Decoded `name=value` pairs, in the order sent. Names are case-sensitive, as in Twilio.
#[derive(Debug, Default)]
pub(crate) struct Params {
    pairs: Vec<(String, String)>,
}

impl Params {
    /// Decodes `application/x-www-form-urlencoded` text (a query string or a form body).
    pub(crate) fn decode(encoded: &[u8]) -> Params {
        // Decoding into strings is lossy rather than fallible, so an error here is unexpected;
        // treat an undecodable body as carrying no parameters.
        let pairs = serde_urlencoded::from_bytes(encoded).unwrap_or_default();
        Params { pairs }
    }

    /// Every pair, in the order sent.
    pub(crate) fn pairs(&self) -> &[(String, String)] {
        &self.pairs
    }

    /// The first value of `name`, if sent.
    pub(crate) fn get(&self, name: &str) -> Option<&str> {
        self.pairs.iter().find(|(key, _)| key == name).map(|(_, value)| value.as_str())
    }

    /// Every value of a repeated parameter such as `VideoCodecs`.
    pub(crate) fn get_all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.pairs.iter().filter(move |(key, _)| key == name).map(|(_, value)| value.as_str())
    }

    /// Parses `name` with `FromStr`; `expected` describes valid values for the error message.
    pub(crate) fn parse<T: FromStr>(&self, name: &str, expected: &str) -> Result<Option<T>, ApiError> {
        self.get(name).map(|text| text.parse().map_err(|_| invalid_value(name, text, expected))).transpose()
    }

    /// A boolean sent as `true` or `false` (any case).
    pub(crate) fn boolean(&self, name: &str) -> Result<Option<bool>, ApiError> {
        self.get(name)
            .map(|text| match text.to_ascii_lowercase().as_str() {
                "true" => Ok(true),
                "false" => Ok(false),
                _ => Err(invalid_value(name, text, "true or false")),
            })
            .transpose()
    }

    /// A date-time filter: RFC 3339 with any offset, or a bare `YYYY-MM-DD` (midnight UTC).
    pub(crate) fn date_time(&self, name: &str) -> Result<Option<DateTime<Utc>>, ApiError> {
        self.get(name)
            .map(|text| {
                parse_date_time(text).ok_or_else(|| {
                    invalid_value(
                        name,
                        text,
                        "an ISO 8601 date-time such as 2015-07-30T20:00:00Z, or a date such as 2015-07-30",
                    )
                })
            })
            .transpose()
    }
}

pub(crate) fn invalid_value(name: &str, text: &str, expected: &str) -> ApiError {
    ApiError::bad_request(format!("Invalid value `{text}` for parameter {name}: expected {expected}"))
}

/// Parses the date-time forms clients send for `DateCreatedAfter` / `DateCreatedBefore`.
pub(crate) fn parse_date_time(text: &str) -> Option<DateTime<Utc>> {
    let text = text.trim();
    if let Ok(parsed) = DateTime::parse_from_rfc3339(text) {
        return Some(parsed.with_timezone(&Utc));
    }
    // An unencoded `+` in a query string arrives as a space: `...T20:00:00 02:00`.
    if let Some((head, offset)) = text.rsplit_once(' ')
        && let Ok(parsed) = DateTime::parse_from_rfc3339(&format!("{head}+{offset}"))
    {
        return Some(parsed.with_timezone(&Utc));
    }
    if let Ok(naive) = NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S") {
        return Some(naive.and_utc());
    }
    let date = NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()?;
    Some(date.and_hms_opt(0, 0, 0)?.and_utc())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn decodes_pairs_in_order_with_repeats() {
        let params = Params::decode(b"Status=connected&VideoCodecs=VP8&VideoCodecs=H264&X=a+b%2Fc");
        assert_eq!(params.get("Status"), Some("connected"));
        assert_eq!(params.get("status"), None);
        assert_eq!(params.get_all("VideoCodecs").collect::<Vec<_>>(), ["VP8", "H264"]);
        assert_eq!(params.get("X"), Some("a b/c"));
    }

    #[test]
    fn date_times_accept_offsets_and_plain_dates() {
        let expected = Utc.with_ymd_and_hms(2015, 7, 30, 18, 0, 0).unwrap();
        assert_eq!(parse_date_time("2015-07-30T18:00:00Z"), Some(expected));
        assert_eq!(parse_date_time("2015-07-30T20:00:00+02:00"), Some(expected));
        assert_eq!(parse_date_time("2015-07-30T20:00:00 02:00"), Some(expected));
        assert_eq!(parse_date_time("2015-07-30T13:00:00-05:00"), Some(expected));
        assert_eq!(parse_date_time("2015-07-30T18:00:00"), Some(expected));
        assert_eq!(parse_date_time("2015-07-30"), Some(Utc.with_ymd_and_hms(2015, 7, 30, 0, 0, 0).unwrap()));
        for bad in ["", "yesterday", "2015-13-01", "2015-07-30T25:00:00Z", "1438286400"] {
            assert_eq!(parse_date_time(bad), None, "{bad}");
        }
    }

    #[test]
    fn booleans_and_enums_report_the_parameter_name() {
        let params = Params::decode(b"AudioOnly=TRUE&LargeRoom=maybe&Count=x");
        assert_eq!(params.boolean("AudioOnly").unwrap(), Some(true));
        assert!(params.boolean("LargeRoom").is_err());
        assert_eq!(params.boolean("Missing").unwrap(), None);
        assert!(params.parse::<u32>("Count", "a number").is_err());
    }
}
