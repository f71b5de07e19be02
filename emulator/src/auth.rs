//! HTTP Basic authentication against the configured account and API key credentials.

use std::fmt;

use axum::http::HeaderMap;
use axum::http::header::AUTHORIZATION;

use crate::api_error::ApiError;

/// What `Debug` prints in place of a secret.
pub(crate) const REDACTED: &str = "<redacted>";

/// The username/password pairs the emulator accepts.
#[derive(Clone)]
pub(crate) struct Credentials {
    pub(crate) account_sid: String,
    pub(crate) auth_token: String,
    pub(crate) api_key_sid: String,
    pub(crate) api_key_secret: String,
}

impl Credentials {
    /// Accepts the account SID with its auth token, or the API key SID with its secret.
    pub(crate) fn check(&self, headers: &HeaderMap) -> Result<(), ApiError> {
        let Some(header) = headers.get(AUTHORIZATION) else {
            return Err(ApiError::unauthorized("Authentication Error - No credentials provided"));
        };
        let (username, password) =
            header.to_str().ok().and_then(parse_basic).ok_or_else(|| {
                ApiError::unauthorized("Authentication Error - invalid Authorization header")
            })?;
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
            .finish()
    }
}

/// Splits `Basic base64(user:password)` into its parts.
fn parse_basic(header: &str) -> Option<(String, String)> {
    let (scheme, encoded) = header.trim().split_once(' ')?;
    if !scheme.eq_ignore_ascii_case("basic") {
        return None;
    }
    let decoded = String::from_utf8(decode_base64(encoded.trim())?).ok()?;
    let (username, password) = decoded.split_once(':')?;
    Some((username.to_owned(), password.to_owned()))
}

/// Standard base64 with optional padding; `None` on any other character.
fn decode_base64(text: &str) -> Option<Vec<u8>> {
    fn value(byte: u8) -> Option<u32> {
        let v = match byte {
            b'A'..=b'Z' => byte - b'A',
            b'a'..=b'z' => byte - b'a' + 26,
            b'0'..=b'9' => byte - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        };
        Some(u32::from(v))
    }
    let digits = text.trim_end_matches('=').as_bytes();
    if digits.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(digits.len() * 3 / 4);
    for chunk in digits.chunks(4) {
        let mut group = 0u32;
        for (i, &byte) in chunk.iter().enumerate() {
            group |= value(byte)? << (18 - 6 * i);
        }
        let bytes = group.to_be_bytes();
        out.extend_from_slice(&bytes[1..chunk.len()]);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_base64_with_and_without_padding() {
        assert_eq!(decode_base64("dXNlcjpwYXNz").as_deref(), Some(&b"user:pass"[..]));
        assert_eq!(decode_base64("YTpi").as_deref(), Some(&b"a:b"[..]));
        assert_eq!(decode_base64("YTpiYw==").as_deref(), Some(&b"a:bc"[..]));
        assert_eq!(decode_base64("YTpiYw").as_deref(), Some(&b"a:bc"[..]));
        assert_eq!(decode_base64("").as_deref(), Some(&b""[..]));
        assert_eq!(decode_base64("Y"), None);
        assert_eq!(decode_base64("YT!b"), None);
    }

    #[test]
    fn debug_shows_the_sids_but_not_the_secrets() {
        let credentials = Credentials {
            account_sid: "AC00000000000000000000000000000001".to_owned(),
            auth_token: "hunter2-emulator-secret".to_owned(),
            api_key_sid: "SK00000000000000000000000000000001".to_owned(),
            api_key_secret: "hunter2-emulator-key-secret".to_owned(),
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
