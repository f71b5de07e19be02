//! The leanest natural hand-written client for the same work: reqwest and serde, a struct with
//! exactly the fields the API sends (nullable ones as `Option`), a closed status enum, a typed
//! links struct, chrono's RFC 3339 fast path on borrowed text, and credentials encoded once.

use std::time::Duration;

use chrono::{DateTime, Utc};
use reqwest::header::{ACCEPT, AUTHORIZATION, HeaderMap, HeaderValue};
use serde::{Deserialize, Deserializer};

type BoxError = Box<dyn std::error::Error + Send + Sync>;

#[derive(Deserialize)]
#[allow(dead_code)]
pub struct LeanParticipant {
    pub sid: String,
    pub room_sid: String,
    pub account_sid: String,
    pub status: LeanStatus,
    pub identity: String,
    #[serde(deserialize_with = "rfc3339")]
    pub date_created: DateTime<Utc>,
    #[serde(deserialize_with = "rfc3339")]
    pub date_updated: DateTime<Utc>,
    #[serde(deserialize_with = "rfc3339")]
    pub start_time: DateTime<Utc>,
    #[serde(deserialize_with = "optional_rfc3339")]
    pub end_time: Option<DateTime<Utc>>,
    pub duration: Option<u64>,
    pub url: String,
    pub links: LeanLinks,
}

#[derive(Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LeanStatus {
    Connected,
    Disconnected,
    Reconnecting,
}

#[derive(Deserialize)]
#[allow(dead_code)]
pub struct LeanLinks {
    pub published_tracks: String,
    pub subscribed_tracks: String,
    pub subscribe_rules: String,
    pub anonymize: String,
}

#[derive(Deserialize)]
struct LeanPage {
    participants: Vec<LeanParticipant>,
    meta: LeanMeta,
}

#[derive(Deserialize)]
struct LeanMeta {
    next_page_url: Option<String>,
}

fn rfc3339<'de, D: Deserializer<'de>>(d: D) -> Result<DateTime<Utc>, D::Error> {
    let text = <&str>::deserialize(d)?;
    DateTime::parse_from_rfc3339(text).map(|t| t.to_utc()).map_err(serde::de::Error::custom)
}

fn optional_rfc3339<'de, D: Deserializer<'de>>(d: D) -> Result<Option<DateTime<Utc>>, D::Error> {
    match Option::<&str>::deserialize(d)? {
        Some(text) => {
            DateTime::parse_from_rfc3339(text).map(|t| Some(t.to_utc())).map_err(serde::de::Error::custom)
        }
        None => Ok(None),
    }
}

pub struct Baseline {
    http: reqwest::Client,
    base: String,
}

impl Baseline {
    pub fn new(base: &str, account_sid: &str, auth_token: &str) -> Baseline {
        use base64::Engine as _;
        let credentials =
            base64::engine::general_purpose::STANDARD.encode(format!("{account_sid}:{auth_token}"));
        let mut authorization = HeaderValue::try_from(format!("Basic {credentials}")).unwrap();
        authorization.set_sensitive(true);
        let mut headers = HeaderMap::new();
        headers.insert(AUTHORIZATION, authorization);
        headers.insert(ACCEPT, HeaderValue::from_static("application/json"));
        // reqwest is built without a crypto provider in this workspace; it wants one even
        // for `http://`.
        let _already_installed = rustls::crypto::ring::default_provider().install_default();
        let http = reqwest::Client::builder()
            .default_headers(headers)
            // The same per-request timeout as sidekick's default: the same timers.
            .timeout(Duration::from_secs(35))
            .build()
            .unwrap();
        Baseline { http, base: base.to_owned() }
    }

    async fn get(&self, url: &str) -> Result<bytes::Bytes, BoxError> {
        Ok(self.http.get(url).send().await?.error_for_status()?.bytes().await?)
    }

    pub async fn fetch(&self, room: &str, identity: &str) -> Result<LeanParticipant, BoxError> {
        let url = format!("{}/v1/Rooms/{room}/Participants/{identity}", self.base);
        Ok(serde_json::from_slice(&self.get(&url).await?)?)
    }

    /// Calls `each` with every page's participants, following `next_page_url`.
    pub async fn pages(
        &self,
        room: &str,
        page_size: u32,
        mut each: impl FnMut(Vec<LeanParticipant>),
    ) -> Result<(), BoxError> {
        let mut url = format!("{}/v1/Rooms/{room}/Participants?PageSize={page_size}", self.base);
        loop {
            let page: LeanPage = serde_json::from_slice(&self.get(&url).await?)?;
            each(page.participants);
            match page.meta.next_page_url {
                Some(next) => url = next,
                None => return Ok(()),
            }
        }
    }

    pub async fn collect(&self, room: &str, page_size: u32) -> Result<Vec<LeanParticipant>, BoxError> {
        let mut all = Vec::new();
        self.pages(room, page_size, |page| all.extend(page)).await?;
        Ok(all)
    }
}
