//! Throughput of fetch and list against the emulator, for sidekick and for a hand-written
//! reqwest + serde client doing the same work in the same run.
//!
//! `cargo bench --bench throughput` (release build). Prints requests or items per second for
//! both clients and sidekick's ratio to the baseline (above 1: sidekick is faster). Client,
//! emulator and both runtimes share the machine, so the figures are end to end; the "raw GET"
//! line (no decoding at all) is the closest to the emulator's own throughput, and still a
//! lower bound of it. It also times seeding 100 000 participants.

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
const ROUNDS: usize = 7;

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

/// A page read for its paging block alone (serde skips the items without building them).
#[derive(Deserialize)]
struct PlainMetaOnly {
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

    /// Follows every page reading only `next_page_url`: the emulator's own listing speed.
    async fn list_pages_undecoded(&self) {
        let mut url = format!("{}/v1/Rooms/{ROOM}/Participants?PageSize=1000", self.base);
        loop {
            let page: PlainMetaOnly = serde_json::from_slice(&self.get(&url).await).unwrap();
            match page.meta.next_page_url {
                Some(next) => url = next,
                None => return,
            }
        }
    }

    /// Every participant in one `Vec`, as `ListRequest::collect` returns them.
    async fn list_all(&self) -> Vec<PlainParticipant> {
        let mut url = format!("{}/v1/Rooms/{ROOM}/Participants?PageSize=1000", self.base);
        let mut all = Vec::new();
        loop {
            let page: PlainPage = serde_json::from_slice(&self.get(&url).await).unwrap();
            all.extend(page.participants);
            match page.meta.next_page_url {
                Some(next) => url = next,
                None => return all,
            }
        }
    }
}

/// Rates of sidekick and of the baseline over several rounds, reported as medians, with the
/// median of the per-round ratios and its range (rounds alternate which client goes first, so
/// noise from the shared machine falls on both).
#[derive(Default)]
struct Rounds {
    ours: Vec<f64>,
    theirs: Vec<f64>,
}

impl Rounds {
    fn push(&mut self, work: usize, ours: Duration, theirs: Duration) {
        self.ours.push(work as f64 / ours.as_secs_f64());
        self.theirs.push(work as f64 / theirs.as_secs_f64());
    }

    fn report(&self, what: &str, unit: &str) {
        let mut ratios: Vec<f64> = self.ours.iter().zip(&self.theirs).map(|(o, t)| o / t).collect();
        ratios.sort_by(f64::total_cmp);
        println!(
            "{what:<26} sidekick {:>8.0} {unit}/s  reqwest+serde {:>8.0} {unit}/s  ratio {:.2} (range {:.2}-{:.2}, {} rounds)",
            median(&self.ours),
            median(&self.theirs),
            median(&ratios),
            ratios[0],
            ratios[ratios.len() - 1],
            ratios.len(),
        );
    }
}

fn median(values: &[f64]) -> f64 {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    sorted[sorted.len() / 2]
}

async fn time<F: std::future::Future>(f: F) -> Duration {
    let started = Instant::now();
    f.await;
    started.elapsed()
}

/// Times `ours` and `theirs` one after the other, the order set by `ours_first`.
async fn pair<A: std::future::Future, B: std::future::Future>(
    ours_first: bool,
    ours: A,
    theirs: B,
) -> (Duration, Duration) {
    if ours_first {
        let o = time(ours).await;
        (o, time(theirs).await)
    } else {
        let t = time(theirs).await;
        (time(ours).await, t)
    }
}

#[tokio::main]
async fn main() {
    let emulator = Emulator::start().await.unwrap();
    emulator.create_room("Seeding").unwrap();
    let seeding = Instant::now();
    emulator.seed_participants("Seeding", 100_000).unwrap();
    println!("seed 100 000 participants     {:>9.1} ms", seeding.elapsed().as_secs_f64() * 1000.0);
    emulator.create_room(ROOM).unwrap();
    emulator.seed_participants(ROOM, LISTED).unwrap();
    let client = sidekick::Client::builder()
        .auth_token(emulator.account_sid(), emulator.auth_token())
        .base_url_override("https://video.twilio.com", emulator.base_url())
        .build()
        .unwrap();
    // reqwest is built without a crypto provider in this workspace; it wants one even for
    // `http://`.
    let _already_installed = rustls::crypto::ring::default_provider().install_default();
    let baseline = Baseline {
        // The same per-request timeout sidekick applies by default: same work, same timers.
        http: reqwest::Client::builder().timeout(Duration::from_secs(35)).build().unwrap(),
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

    let (mut sequential, mut concurrent, mut listing) =
        (Rounds::default(), Rounds::default(), Rounds::default());
    let mut raw = Vec::new();
    let mut raw_list = Vec::new();
    let baseline = &baseline;
    for round in 0..ROUNDS {
        let ours_first = round % 2 == 0;
        let (o, t) = pair(
            ours_first,
            async {
                for identity in &identities {
                    Participant::fetch(&client, ROOM, identity).await.unwrap();
                }
            },
            async {
                for identity in &identities {
                    baseline.fetch(identity).await;
                }
            },
        )
        .await;
        sequential.push(FETCHES, o, t);

        let (o, t) = pair(
            ours_first,
            stream::iter(&identities).for_each_concurrent(CONCURRENCY, |identity| {
                let client = client.clone();
                async move {
                    Participant::fetch(&client, ROOM, identity).await.unwrap();
                }
            }),
            stream::iter(&identities).for_each_concurrent(CONCURRENCY, |identity| async move {
                baseline.fetch(identity).await;
            }),
        )
        .await;
        concurrent.push(FETCHES, o, t);

        let undecoded =
            time(stream::iter(&identities).for_each_concurrent(CONCURRENCY, |identity| async move {
                let url = format!("{}/v1/Rooms/{ROOM}/Participants/{identity}", baseline.base);
                baseline.get(&url).await;
            }))
            .await;
        raw.push(FETCHES as f64 / undecoded.as_secs_f64());

        let (o, t) = pair(
            ours_first,
            async {
                for _ in 0..LIST_ROUNDS {
                    let all = Participant::list(&client, ROOM, &ParticipantFilter::new())
                        .page_size(1000)
                        .collect()
                        .await;
                    assert_eq!(all.unwrap().len(), LISTED);
                }
            },
            async {
                for _ in 0..LIST_ROUNDS {
                    assert_eq!(baseline.list_all().await.len(), LISTED);
                }
            },
        )
        .await;
        listing.push(LISTED * LIST_ROUNDS, o, t);

        let undecoded = time(async {
            for _ in 0..LIST_ROUNDS {
                baseline.list_pages_undecoded().await;
            }
        })
        .await;
        raw_list.push((LISTED * LIST_ROUNDS) as f64 / undecoded.as_secs_f64());
    }
    sequential.report("fetch, sequential", "req");
    concurrent.report(&format!("fetch, {CONCURRENCY} in flight"), "req");
    listing.report("list 10k, PageSize 1000", "item");
    println!(
        "{:<26} emulator {:>8.0} req/s  (raw GET, {CONCURRENCY} in flight, no decoding; median of {ROUNDS})",
        "emulator alone",
        median(&raw)
    );
    println!(
        "{:<26} emulator {:>8.0} item/s (list 10k at PageSize 1000, items not decoded; median of {ROUNDS})",
        "emulator alone",
        median(&raw_list)
    );
    emulator.shutdown().await;
}
