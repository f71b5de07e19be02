//! Authentication: HTTP Basic with the account or API key credentials, or a bearer token (for
//! OAuth-style and non-Twilio APIs).

use std::fmt;

use axum::http::HeaderMap;
use axum::http::header::AUTHORIZATION;

use base64::Engine as _;
use base64::alphabet;
use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};

use crate::http::api_error::ApiError;

/// What `Debug` prints in place of a secret.
pub(crate) const REDACTED: &str = "<redacted>";

/// The username/password pairs the emulator accepts.
#[derive(Clone)]
pub(crate) struct Credentials {
    pub(crate) account_sid: String,
    pub(crate) auth_token: String,
    pub(crate) api_key_sid: String,
    pub(crate) api_key_secret: String,
    pub(crate) bearer_token: String,
}

impl Credentials {
    /// Accepts the account SID with its auth token, or the API key SID with its secret, or
    /// the bearer token.
    pub(crate) fn check(&self, headers: &HeaderMap) -> Result<(), ApiError> {
        let Some(header) = headers.get(AUTHORIZATION) else {
            return Err(ApiError::unauthorized("Authentication Error - No credentials provided"));
        };
        let header = header.to_str().unwrap_or("").trim();
        if let Some(token) = strip_scheme(header, "bearer") {
            return if token == self.bearer_token {
                Ok(())
            } else {
                Err(ApiError::unauthorized("Authentication Error - invalid bearer token"))
            };
        }
        let (username, password) = parse_basic(header)
            .ok_or_else(|| ApiError::unauthorized("Authentication Error - invalid Authorization header"))?;
        let known = (username == self.account_sid && password == self.auth_token)
            || (username == self.api_key_sid && password == self.api_key_secret);
        if known {
            Ok(())
        } else {
            Err(ApiError::unauthorized("Authentication Error - invalid username or password"))
        }
    }
}

impl fmt::Debug for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The secrets are fake by default but may be real ones reused in a test setup; keep them
        // out of logs and panic messages, as the client does.
        f.debug_struct("Credentials")
            .field("account_sid", &self.account_sid)
            .field("auth_token", &REDACTED)
            .field("api_key_sid", &self.api_key_sid)
            .field("api_key_secret", &REDACTED)
            .field("bearer_token", &REDACTED)
            .finish()
    }
}

/// The credentials of a `scheme` header (case-insensitive), trimmed.
fn strip_scheme<'a>(header: &'a str, scheme: &str) -> Option<&'a str> {
    let (given, rest) = header.split_once(' ')?;
    given.eq_ignore_ascii_case(scheme).then(|| rest.trim())
}

/// Splits `Basic base64(user:password)` into its parts.
fn parse_basic(header: &str) -> Option<(String, String)> {
    let encoded = strip_scheme(header, "basic")?;
    // Lenient about padding, as servers are.
    let decoded = GeneralPurpose::new(&alphabet::STANDARD, PAD_OPTIONAL).decode(encoded).ok()?;
    let (username, password) =
        String::from_utf8(decoded).ok()?.split_once(':').map(|(u, p)| (u.to_owned(), p.to_owned()))?;
    Some((username, password))
}

const PAD_OPTIONAL: GeneralPurposeConfig =
    GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::Indifferent);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_basic_credentials_with_and_without_padding() {
        assert_eq!(parse_basic("Basic YTpiYw=="), Some(("a".to_owned(), "bc".to_owned())));
        assert_eq!(parse_basic("basic YTpiYw"), Some(("a".to_owned(), "bc".to_owned())));
        assert_eq!(parse_basic("Basic Y"), None);
        assert_eq!(parse_basic("Basic YT!b"), None);
    }

    #[test]
    fn debug_shows_the_sids_but_not_the_secrets() {
        let credentials = Credentials {
            account_sid: "AC00000000000000000000000000000001".to_owned(),
            auth_token: "hunter2-emulator-secret".to_owned(),
            api_key_sid: "SK00000000000000000000000000000001".to_owned(),
            api_key_secret: "hunter2-emulator-key-secret".to_owned(),
            bearer_token: "hunter2-emulator-bearer".to_owned(),
        };
        for debug in [format!("{credentials:?}"), format!("{credentials:#?}")] {
            assert!(!debug.contains("hunter2"), "{debug}");
            assert!(debug.contains("AC00000000000000000000000000000001"), "{debug}");
            assert!(debug.contains("SK00000000000000000000000000000001"), "{debug}");
            assert!(debug.contains(REDACTED), "{debug}");
        }
    }

    #[test]
    fn parses_basic_headers_only() {
        assert_eq!(parse_basic("basic YTpi"), Some(("a".to_owned(), "b".to_owned())));
        assert_eq!(parse_basic("Bearer YTpi"), None);
        assert_eq!(parse_basic("Basic bm9jb2xvbg=="), None);
    }
}
