//! Pure request building: method, URL, headers and body, with no I/O.

use std::time::Duration;

use reqwest::header::{ACCEPT, AUTHORIZATION, CONTENT_TYPE, HeaderValue, USER_AGENT};
use reqwest::{Method, Url};

use crate::{Client, Error, Result};

const FORM: HeaderValue = HeaderValue::from_static("application/x-www-form-urlencoded");
const JSON: HeaderValue = HeaderValue::from_static("application/json");

/// One API request, ready to be sent (and re-sent by retries).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct PreparedRequest {
    pub(crate) method: Method,
    pub(crate) url: Url,
    /// A form body; `None` sends no body and no `Content-Type`.
    pub(crate) form: Option<String>,
    /// Safe to send twice: GET and DELETE, or a POST the caller vouched for.
    pub(crate) idempotent: bool,
}

impl Client {
    /// The request for `path` (already rendered) on the resource base `base`, after overrides
    /// and the region/edge rewrite.
    pub(crate) fn prepare(
        &self,
        method: Method,
        base: &str,
        path: &str,
        query: &str,
        form: Option<String>,
    ) -> Result<PreparedRequest> {
        if let Err(problem) = &self.inner.authorization {
            return Err(Error::invalid_input(problem.clone()));
        }
        let mut raw = self.inner.hosts.resolve(base);
        raw.push_str(path);
        if !query.is_empty() {
            raw.push('?');
            raw.push_str(query);
        }
        let url = Url::parse(&raw)
            .map_err(|e| Error::invalid_input(format!("invalid request URL `{raw}`: {e}")))?;
        let idempotent = matches!(method, Method::GET | Method::DELETE);
        Ok(PreparedRequest { method, url, form, idempotent })
    }

    /// The exact HTTP request one attempt sends.
    pub(crate) fn http_request(&self, prepared: &PreparedRequest, timeout: Duration) -> reqwest::Request {
        let mut request = reqwest::Request::new(prepared.method.clone(), prepared.url.clone());
        let headers = request.headers_mut();
        if let Ok(authorization) = &self.inner.authorization {
            headers.insert(AUTHORIZATION, authorization.clone());
        }
        headers.insert(ACCEPT, JSON);
        headers.insert(USER_AGENT, self.inner.user_agent.clone());
        if let Some(form) = &prepared.form {
            headers.insert(CONTENT_TYPE, FORM);
            *request.body_mut() = Some(form.clone().into());
        }
        *request.timeout_mut() = Some(timeout);
        request
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use base64::Engine as _;

    fn client() -> Client {
        Client::builder()
            .auth_token("ACtest", "token")
            .base_url_override("https://video.twilio.com", "http://127.0.0.1:4010")
            .build()
            .unwrap()
    }

    #[test]
    fn get_has_auth_accept_agent_and_no_body() {
        let c = client();
        let p = c.prepare(Method::GET, "https://video.twilio.com", "/v1/Rooms/a%2Fb", "", None).unwrap();
        assert!(p.idempotent);
        let r = c.http_request(&p, Duration::from_secs(3));
        assert_eq!(r.method(), Method::GET);
        assert_eq!(r.url().as_str(), "http://127.0.0.1:4010/v1/Rooms/a%2Fb");
        let expected = format!("Basic {}", base64::engine::general_purpose::STANDARD.encode("ACtest:token"));
        assert_eq!(r.headers()[AUTHORIZATION], expected.as_str());
        assert!(r.headers()[AUTHORIZATION].is_sensitive());
        assert_eq!(r.headers()[ACCEPT], "application/json");
        assert_eq!(r.headers()[USER_AGENT], c.user_agent());
        assert!(r.headers().get(CONTENT_TYPE).is_none());
        assert!(r.body().is_none());
        assert_eq!(r.timeout(), Some(&Duration::from_secs(3)));
    }

    #[test]
    fn post_carries_form_body() {
        let c = client();
        let p = c
            .prepare(
                Method::POST,
                "https://video.twilio.com",
                "/v1/Rooms/R/Participants/P",
                "",
                Some("Status=disconnected".into()),
            )
            .unwrap();
        assert!(!p.idempotent);
        let r = c.http_request(&p, Duration::from_secs(1));
        assert_eq!(r.headers()[CONTENT_TYPE], "application/x-www-form-urlencoded");
        assert_eq!(r.body().and_then(|b| b.as_bytes()), Some(&b"Status=disconnected"[..]));
    }

    #[test]
    fn region_and_edge_apply_to_prepared_requests() {
        let c = Client::builder().auth_token("AC1", "t").region("au1").edge("sydney").build().unwrap();
        let p = c.prepare(Method::GET, "https://video.twilio.com", "/v1/Rooms", "", None).unwrap();
        assert_eq!(p.url.as_str(), "https://video.sydney.au1.twilio.com/v1/Rooms");
    }

    #[test]
    fn query_and_unmapped_bases() {
        let c = client();
        let p = c.prepare(Method::GET, "https://api.example.com/", "/v2/Things", "PageSize=5", None).unwrap();
        assert_eq!(p.url.as_str(), "https://api.example.com/v2/Things?PageSize=5");
    }
}
