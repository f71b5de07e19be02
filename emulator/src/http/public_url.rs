//! Validation of a public base URL: the origin (and optional path prefix) that the absolute URLs
//! in responses use when clients reach the emulator through another address, such as a Docker
//! port mapping or a service name.

use std::borrow::Cow;

use axum::http::Uri;

use crate::error::EmulatorError;
use crate::http::auth::REDACTED;

/// Checks that `text` is an absolute `http` or `https` URL with a host and without credentials,
/// query or fragment. Returns it with the scheme in lowercase and trailing slashes trimmed, ready
/// to have `/v1/...` appended.
pub(crate) fn validate(text: &str) -> Result<String, EmulatorError> {
    let invalid = |why: &str| EmulatorError::InvalidArgument {
        message: format!("invalid public base URL `{}`: {why}", redact_userinfo(text)),
    };
    // `Uri` silently drops a fragment, so look for one in the text itself.
    if text.contains('#') {
        return Err(invalid("it must not have a fragment (`#...`)"));
    }
    let uri: Uri = text.parse().map_err(|_| invalid("it is not a valid URL"))?;
    let scheme = match uri.scheme_str() {
        Some(scheme) if scheme.eq_ignore_ascii_case("http") => "http",
        Some(scheme) if scheme.eq_ignore_ascii_case("https") => "https",
        Some(_) => return Err(invalid("the scheme must be http or https")),
        None => return Err(invalid("it must be absolute, such as http://emulator:4010")),
    };
    let Some(authority) = uri.authority() else {
        return Err(invalid("it must be absolute, such as http://emulator:4010"));
    };
    if authority.as_str().contains('@') {
        return Err(invalid("it must not contain credentials (`user:password@`)"));
    }
    if authority.host().is_empty() {
        return Err(invalid("it has no host"));
    }
    if text.contains('?') {
        return Err(invalid("it must not have a query (`?...`)"));
    }
    let path = uri.path().trim_end_matches('/');
    Ok(format!("{scheme}://{authority}{path}"))
}

/// `text` with any `user:password@` before the host replaced by `<redacted>@`, for error
/// messages and `Debug`: a URL that `validate` rejects for its credentials may still carry a real
/// password. Not a parser; it only has to find what could be userinfo in what was given.
pub(crate) fn redact_userinfo(text: &str) -> Cow<'_, str> {
    let start = text.find("://").map_or(0, |i| i + 3);
    let start = start + (text[start..].len() - text[start..].trim_start_matches('/').len());
    let end = text[start..].find(['/', '?', '#', '\\']).map_or(text.len(), |i| start + i);
    match text[start..end].rfind('@') {
        Some(at) => Cow::Owned(format!("{}{REDACTED}{}", &text[..start], &text[start + at..])),
        None => Cow::Borrowed(text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_http_and_https_and_trims_trailing_slashes() {
        let cases = [
            ("http://emulator:4010", "http://emulator:4010"),
            ("http://emulator:4010/", "http://emulator:4010"),
            ("HTTPS://Example.test", "https://Example.test"),
            ("http://10.0.0.5:8080/twilio//", "http://10.0.0.5:8080/twilio"),
            ("http://[::1]:4010/", "http://[::1]:4010"),
        ];
        for (text, expected) in cases {
            assert_eq!(validate(text).unwrap(), expected, "{text}");
        }
    }

    #[test]
    fn rejects_what_cannot_be_a_base() {
        let cases = [
            ("", "not a valid URL"),
            ("emulator:4010", "absolute"),
            ("/v1", "absolute"),
            ("ftp://emulator", "http or https"),
            ("http://user:pw@emulator", "credentials"),
            ("http://emulator/?a=b", "query"),
            ("http://emulator?", "query"),
            ("http://emulator/#top", "fragment"),
            ("http://emu lator", "not a valid URL"),
            ("http://:4010", "host"),
        ];
        for (text, why) in cases {
            let err = validate(text).expect_err(text);
            assert!(matches!(err, EmulatorError::InvalidArgument { .. }), "{text}");
            let message = err.to_string();
            assert!(message.contains(why) && message.contains("public base URL"), "{text}: {message}");
        }
    }

    #[test]
    fn rejected_credentials_are_not_repeated() {
        let message = validate("http://user:hunter2-emulator-secret@emulator:4010").unwrap_err().to_string();
        assert!(!message.contains("hunter2"), "{message}");
        assert!(message.contains("http://<redacted>@emulator:4010"), "{message}");
    }

    #[test]
    fn redacts_userinfo_only() {
        let cases = [
            ("http://emulator:4010/a@b", "http://emulator:4010/a@b"),
            ("http://emulator?to=a@b", "http://emulator?to=a@b"),
            ("http://user:pw@emulator:4010/", "http://<redacted>@emulator:4010/"),
            ("HTTPS://a:b@c@emulator", "HTTPS://<redacted>@emulator"),
            ("user:pw@emulator", "<redacted>@emulator"),
            ("//user:pw@emulator/x", "//<redacted>@emulator/x"),
            ("http:///user:pw@emulator", "http:///<redacted>@emulator"),
            ("", ""),
        ];
        for (text, expected) in cases {
            assert_eq!(redact_userinfo(text), expected, "{text}");
        }
    }
}
