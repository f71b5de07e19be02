//! Clients pointed at mock servers, the spec's example bodies, and checks of sent requests.

use serde_json::Value;
use sidekick::{Client, RetryPolicy};
use wiremock::{MockServer, Request};

pub const ACCOUNT_SID: &str = "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
pub const AUTH_TOKEN: &str = "downstream-auth-token";
/// `Basic base64(ACCOUNT_SID:AUTH_TOKEN)`, worked out independently of sidekick.
pub const BASIC_AUTH: &str =
    "Basic QUNhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYTpkb3duc3RyZWFtLWF1dGgtdG9rZW4=";

/// A client with Twilio credentials whose requests for resources declared on `base` go to
/// `server`; no retries.
pub fn twilio_client(server: &MockServer, base: &str) -> Client {
    Client::builder()
        .auth_token(ACCOUNT_SID, AUTH_TOKEN)
        .base_url_override(base, server.uri())
        .retry_policy(RetryPolicy::none())
        .build()
        .unwrap()
}

/// A client with a bearer token whose requests for resources declared on `base` go to
/// `server`; no retries.
pub fn bearer_client(server: &MockServer, base: &str, token: &str) -> Client {
    Client::builder()
        .bearer_token(token)
        .base_url_override(base, server.uri())
        .retry_policy(RetryPolicy::none())
        .build()
        .unwrap()
}

/// An example body from Twilio's OpenAPI files, saved in `tests/wire/fixtures/`.
pub fn fixture(name: &str) -> Value {
    let file = format!("{}/tests/wire/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{file}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{file}: {e}"))
}

/// Every request the server received, in order.
pub async fn received(server: &MockServer) -> Vec<Request> {
    server.received_requests().await.expect("request recording is on")
}

/// The one request the server received.
pub async fn only_request(server: &MockServer) -> Request {
    let mut all = received(server).await;
    assert_eq!(all.len(), 1, "expected exactly one request, got {}: {all:#?}", all.len());
    all.remove(0)
}

/// `(key, value)` pairs decoded from a query string or form body, sorted by key; the values
/// of a repeated key keep their order. Two encodings of the same parameters compare equal
/// whatever order the keys were written in (which the API ignores).
pub fn pairs(encoded: &str) -> Vec<(String, String)> {
    let mut url = url_base();
    url.set_query(Some(encoded));
    let mut pairs: Vec<(String, String)> =
        url.query_pairs().map(|(k, v)| (k.into_owned(), v.into_owned())).collect();
    pairs.sort_by(|a, b| a.0.cmp(&b.0));
    pairs
}

fn url_base() -> wiremock::http::Url {
    wiremock::http::Url::parse("http://decode.invalid/").unwrap()
}

fn owned(expected: &[(&str, &str)]) -> Vec<(String, String)> {
    let mut expected: Vec<(String, String)> =
        expected.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect();
    expected.sort_by(|a, b| a.0.cmp(&b.0));
    expected
}

/// Checks on one sent request; each panics with the request on a mismatch.
pub struct Sent<'a>(pub &'a Request);

impl Sent<'_> {
    pub fn method(&self, method: &str) -> &Self {
        assert_eq!(self.0.method.as_str(), method, "method of {:?}", self.0.url.as_str());
        self
    }

    /// The path exactly as sent (percent-encoding included).
    pub fn path(&self, path: &str) -> &Self {
        assert_eq!(self.0.url.path(), path, "path of {}", self.0.url);
        self
    }

    /// The decoded query parameters, exactly these (no others), whatever their order.
    pub fn query(&self, expected: &[(&str, &str)]) -> &Self {
        let got = pairs(self.0.url.query().unwrap_or(""));
        assert_eq!(got, owned(expected), "query of {}", self.0.url);
        self
    }

    /// No query string at all.
    pub fn no_query(&self) -> &Self {
        assert_eq!(self.0.url.query(), None, "query of {}", self.0.url);
        self
    }

    /// The raw query string contains `text` (to check an encoding).
    pub fn raw_query_contains(&self, text: &str) -> &Self {
        let query = self.0.url.query().unwrap_or("");
        assert!(query.contains(text), "query `{query}` lacks `{text}`");
        self
    }

    pub fn header(&self, name: &str, value: &str) -> &Self {
        let all: Vec<_> = self.0.headers.get_all(name).iter().collect();
        assert_eq!(all.len(), 1, "header `{name}` of {}: {all:?}", self.0.url);
        assert_eq!(all[0].to_str().unwrap(), value, "header `{name}` of {}", self.0.url);
        self
    }

    pub fn no_header(&self, name: &str) -> &Self {
        assert!(
            self.0.headers.get(name).is_none(),
            "header `{name}` should be absent from {}: {:?}",
            self.0.url,
            self.0.headers.get(name)
        );
        self
    }

    /// Twilio's HTTP Basic credentials, sidekick's `Accept` and `User-Agent`.
    pub fn twilio_auth(&self) -> &Self {
        self.header("authorization", BASIC_AUTH).common()
    }

    pub fn bearer(&self, token: &str) -> &Self {
        self.header("authorization", &format!("Bearer {token}")).common()
    }

    fn common(&self) -> &Self {
        self.header("accept", "application/json");
        let agent = self.0.headers.get("user-agent").and_then(|v| v.to_str().ok()).unwrap_or("");
        assert!(agent.starts_with("sidekick/"), "user-agent `{agent}`");
        self
    }

    /// A form body with exactly these decoded fields, whatever their order.
    pub fn form(&self, expected: &[(&str, &str)]) -> &Self {
        self.header("content-type", "application/x-www-form-urlencoded");
        let body = std::str::from_utf8(&self.0.body).expect("a form body is ASCII");
        assert_eq!(pairs(body), owned(expected), "form body `{body}`");
        self
    }

    /// The raw body, byte for byte.
    pub fn raw_body(&self, expected: &str) -> &Self {
        assert_eq!(String::from_utf8_lossy(&self.0.body), expected, "body of {}", self.0.url);
        self
    }

    /// A JSON body of this media type, equal to `expected` (no extra properties, no nulls).
    pub fn json(&self, content_type: &str, expected: &Value) -> &Self {
        self.header("content-type", content_type);
        let body: Value = serde_json::from_slice(&self.0.body).expect("a JSON body");
        assert_eq!(&body, expected, "JSON body of {}", self.0.url);
        self
    }

    /// No body, and so no `Content-Type`.
    pub fn no_body(&self) -> &Self {
        assert!(
            self.0.body.is_empty(),
            "body of {}: {:?}",
            self.0.url,
            String::from_utf8_lossy(&self.0.body)
        );
        self.no_header("content-type")
    }
}
