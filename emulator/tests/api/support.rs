//! Shared helpers: an emulator plus an authenticated reqwest client, and decoded replies.

use chrono::{DateTime, TimeZone, Utc};
use reqwest::header::HeaderMap;
use serde_json::Value;
use sidekick_emulator::Emulator;

/// A running emulator and a client that authenticates with its account credentials.
pub struct Api {
    pub emu: Emulator,
    pub client: reqwest::Client,
}

/// A decoded response.
#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    pub headers: HeaderMap,
    pub text: String,
    /// The body as JSON, or `Value::Null` if it is not JSON.
    pub json: Value,
}

impl Reply {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    /// Asserts a Twilio-shaped error body with this status and code.
    pub fn assert_error(&self, status: u16, code: u64) {
        assert_eq!(self.status, status, "{}", self.text);
        assert_eq!(self.json["code"], code, "{}", self.text);
        assert_eq!(self.json["status"], status, "{}", self.text);
        assert_eq!(self.json["more_info"], format!("https://www.twilio.com/docs/errors/{code}"));
        let message = self.json["message"].as_str().unwrap_or("");
        assert!(!message.is_empty(), "{}", self.text);
        let mut keys: Vec<&str> = self.json.as_object().unwrap().keys().map(String::as_str).collect();
        keys.sort_unstable();
        assert_eq!(keys, ["code", "message", "more_info", "status"]);
    }

    pub fn message(&self) -> &str {
        self.json["message"].as_str().unwrap_or("")
    }
}

/// 2015-07-30T20:00:00Z plus `seconds`.
pub fn at(seconds: i64) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2015, 7, 30, 20, 0, 0).unwrap() + chrono::TimeDelta::seconds(seconds)
}

/// Percent-encodes a whole path segment (everything but unreserved characters).
pub fn seg(text: &str) -> String {
    let mut out = String::new();
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

impl Api {
    pub async fn start() -> Api {
        Api::with(Emulator::start().await.expect("emulator starts")).await
    }

    /// Starts with the demo world (DailyStandup: Alice..Grace connected, Heidi left).
    pub async fn demo() -> Api {
        let api = Api::start().await;
        api.emu.seed_demo().expect("demo seed");
        api
    }

    pub async fn with(emu: Emulator) -> Api {
        Api { emu, client: http_client() }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.emu.base_url())
    }

    fn auth(&self, request: reqwest::RequestBuilder) -> reqwest::RequestBuilder {
        request.basic_auth(self.emu.account_sid(), Some(self.emu.auth_token()))
    }

    pub async fn get(&self, path: &str) -> Reply {
        self.get_url(&self.url(path)).await
    }

    pub async fn get_query(&self, path: &str, query: &[(&str, &str)]) -> Reply {
        read(self.auth(self.client.get(self.url(path)).query(query)).send().await.expect("request")).await
    }

    pub async fn get_url(&self, url: &str) -> Reply {
        read(self.auth(self.client.get(url)).send().await.expect("request")).await
    }

    pub async fn post(&self, path: &str, form: &[(&str, &str)]) -> Reply {
        read(self.auth(self.client.post(self.url(path)).form(form)).send().await.expect("request")).await
    }

    /// Fetches every page of a list, following `next_page_url`; returns the items.
    pub async fn collect(&self, path: &str, query: &[(&str, &str)], key: &str) -> Vec<Value> {
        let mut page = self.get_query(path, query).await;
        let mut items = Vec::new();
        loop {
            assert_eq!(page.status, 200, "{}", page.text);
            items.extend(page.json[key].as_array().unwrap().iter().cloned());
            match page.json["meta"]["next_page_url"].as_str() {
                Some(next) => page = self.get_url(next).await,
                None => return items,
            }
        }
    }
}

pub async fn read(response: reqwest::Response) -> Reply {
    let status = response.status().as_u16();
    let headers = response.headers().clone();
    let text = response.text().await.expect("body");
    let json = serde_json::from_str(&text).unwrap_or(Value::Null);
    Reply { status, headers, text, json }
}

/// The string values under `field` of each item.
pub fn field<'a>(items: &'a [Value], field: &str) -> Vec<&'a str> {
    items.iter().map(|item| item[field].as_str().unwrap()).collect()
}

/// A plain reqwest client. The workspace builds reqwest without a TLS crypto provider (sidekick's
/// runtime brings its own), and reqwest wants one even for `http://`: install ring's.
pub fn http_client() -> reqwest::Client {
    let _already_installed = rustls::crypto::ring::default_provider().install_default();
    reqwest::Client::new()
}
