//! Throughput of fetch and list against the emulator, for sidekick and for a hand-written
//! reqwest + serde client doing the same work in the same run.
//!
//! `cargo bench --bench throughput` (release build). Prints requests or items per second for
//! both clients and sidekick's ratio to the baseline; the emulator serves both, so its own
//! throughput is the baseline's figure.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use futures::stream::{self, StreamExt};
use serde::Deserialize;
use sidekick::twilio::video::v1::{Participant, ParticipantFilter};
use sidekick_emulator::Emulator;

const ROOM: &str = "DailyStandup";
const FETCHES: usize = 4000;
const CONCURRENCY: usize = 16;
const LISTED: usize = 10_000;
const LIST_ROUNDS: usize = 5;

/// What a careful hand-written client would decode: the same fields and types.
#[derive(Deserialize)]
#[allow(dead_code)]
struct PlainParticipant {
    sid: Option<String>,
    room_sid: Option<String>,
    account_sid: Option<String>,
    status: Option<String>,
    identity: Option<String>,
    date_created: Option<DateTime<Utc>>,
    date_updated: Option<DateTime<Utc>>,
    start_time: Option<DateTime<Utc>>,
    end_time: Option<DateTime<Utc>>,
    duration: Option<u64>,
    url: Option<String>,
    links: Option<BTreeMap<String, String>>,
}

#[derive(Deserialize)]
struct PlainPage {
    participants: Vec<PlainParticipant>,
    meta: PlainMeta,
}

#[derive(Deserialize)]
struct PlainMeta {
    next_page_url: Option<String>,
}

struct Baseline {
    http: reqwest::Client,
    base: String,
    user: String,
    password: String,
}

impl Baseline {
    async fn get(&self, url: &str) -> bytes::Bytes {
        let response = self.http.get(url).basic_auth(&self.user, Some(&self.password)).send().await.unwrap();
        assert!(response.status().is_success());
        response.bytes().await.unwrap()
    }

    async fn fetch(&self, identity: &str) -> PlainParticipant {
        let url = format!("{}/v1/Rooms/{ROOM}/Participants/{identity}", self.base);
        serde_json::from_slice(&self.get(&url).await).unwrap()
    }

    async fn list_all(&self) -> usize {
        let mut url = format!("{}/v1/Rooms/{ROOM}/Participants?PageSize=1000", self.base);
        let mut count = 0;
        loop {
            let page: PlainPage = serde_json::from_slice(&self.get(&url).await).unwrap();
            count += page.participants.len();
            match page.meta.next_page_url {
                Some(next) => url = next,
                None => return count,
            }
        }
    }
}

fn report(what: &str, unit: &str, work: usize, sidekick: Duration, baseline: Duration) {
    let rate = |d: Duration| work as f64 / d.as_secs_f64();
    println!(
        "{what:<28} sidekick {:>9.0} {unit}/s   reqwest+serde {:>9.0} {unit}/s   ratio {:.3}",
        rate(sidekick),
        rate(baseline),
        baseline.as_secs_f64() / sidekick.as_secs_f64(),
    );
}

async fn time<F: std::future::Future>(f: F) -> Duration {
    let started = Instant::now();
    f.await;
    started.elapsed()
}

#[tokio::main]
async fn main() {
    let emulator = Emulator::start().await.unwrap();
    emulator.create_room(ROOM).unwrap();
    emulator.seed_participants(ROOM, LISTED).unwrap();
    let client = sidekick::Client::builder()
        .auth_token(emulator.account_sid(), emulator.auth_token())
        .base_url_override("https://video.twilio.com", emulator.base_url())
        .build()
        .unwrap();
    let baseline = Baseline {
        http: reqwest::Client::new(),
        base: emulator.base_url(),
        user: emulator.account_sid().to_owned(),
        password: emulator.auth_token().to_owned(),
    };
    let identities: Vec<String> = (0..FETCHES).map(|i| format!("user-{}", i % LISTED)).collect();

    // Warm both connection pools and the emulator.
    for identity in identities.iter().take(200) {
        Participant::fetch(&client, ROOM, identity).await.unwrap();
        baseline.fetch(identity).await;
    }

    for round in 0..2 {
        let label = if round == 0 { "" } else { " (again)" };
        let ours = time(async {
            for identity in &identities {
                Participant::fetch(&client, ROOM, identity).await.unwrap();
            }
        })
        .await;
        let theirs = time(async {
            for identity in &identities {
                baseline.fetch(identity).await;
            }
        })
        .await;
        report(&format!("fetch, sequential{label}"), "req", FETCHES, ours, theirs);

        let ours = time(stream::iter(&identities).for_each_concurrent(CONCURRENCY, |identity| {
            let client = client.clone();
            async move {
                Participant::fetch(&client, ROOM, identity).await.unwrap();
            }
        }))
        .await;
        let theirs = time(stream::iter(&identities).for_each_concurrent(CONCURRENCY, |identity| {
            let baseline = &baseline;
            async move {
                baseline.fetch(identity).await;
            }
        }))
        .await;
        report(&format!("fetch, {CONCURRENCY} in flight{label}"), "req", FETCHES, ours, theirs);

        let ours = time(async {
            for _ in 0..LIST_ROUNDS {
                let all = Participant::list(&client, ROOM, &ParticipantFilter::new())
                    .page_size(1000)
                    .collect()
                    .await;
                assert_eq!(all.unwrap().len(), LISTED);
            }
        })
        .await;
        let theirs = time(async {
            for _ in 0..LIST_ROUNDS {
                assert_eq!(baseline.list_all().await, LISTED);
            }
        })
        .await;
        report(&format!("list 10k, PageSize 1000{label}"), "item", LISTED * LIST_ROUNDS, ours, theirs);
    }
    emulator.shutdown().await;
}
