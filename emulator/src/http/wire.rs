//! JSON responses as Twilio sends them: labelled `application/json`, timestamps as
//! `2015-07-30T20:00:00Z`.

use axum::body::Body;
use axum::http::StatusCode;
use axum::http::header::{CONTENT_TYPE, HeaderValue};
use axum::response::Response;
use chrono::{DateTime, SecondsFormat, Utc};

/// A response with a JSON body, labelled `application/json` exactly, as Twilio does.
pub(crate) fn json_response(status: StatusCode, bytes: Vec<u8>) -> Response {
    let mut response = Response::new(Body::from(bytes));
    *response.status_mut() = status;
    response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
    response
}

/// Twilio's timestamp form: UTC, whole seconds, `Z`.
pub(crate) fn timestamp(instant: DateTime<Utc>) -> String {
    instant.to_rfc3339_opts(SecondsFormat::Secs, true)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn timestamps_are_utc_seconds_with_z() {
        let instant = Utc.with_ymd_and_hms(2015, 7, 30, 20, 0, 0).unwrap();
        assert_eq!(timestamp(instant), "2015-07-30T20:00:00Z");
    }

    #[test]
    fn timestamps_at_the_ends_of_time_render() {
        // The clock saturates at chrono's range; rendering there must not panic.
        let end = timestamp(DateTime::<Utc>::MAX_UTC);
        assert!(end.starts_with('+') && end.ends_with("-12-31T23:59:59Z"), "{end}");
        let start = timestamp(DateTime::<Utc>::MIN_UTC);
        assert!(start.starts_with('-') && start.ends_with("-01-01T00:00:00Z"), "{start}");
    }
}
