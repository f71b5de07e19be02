//! Query-string and form parameters, and the date-times clients send as filters.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};

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
        let pairs: Vec<(&str, &str)> = params.pairs().iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        assert_eq!(
            pairs,
            [("Status", "connected"), ("VideoCodecs", "VP8"), ("VideoCodecs", "H264"), ("X", "a b/c")]
        );
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
}
