//! What the client itself costs: sidekick's Participant binding against the leanest hand-written
//! reqwest + serde client (`baseline.rs`), both served the same pre-rendered bodies
//! (`server.rs`: the emulator's JSON, rendered once), in one process and one run.
//!
//! `cargo bench --bench client_cost [-- --rounds N]`. For each workload it prints the median
//! time of each client over interleaved rounds (which one goes first alternates), the median
//! ratio sidekick / baseline with its range over rounds, the same for the CPU time of the
//! client's thread (single-threaded workloads), and each client's peak live heap (`heap.rs`:
//! allocations on the client's threads only) with its ratio, and how many allocations each
//! made per item. Below 1 sidekick is the faster or smaller. `--profile N ours|theirs [repeat]` runs workload N alone, for a profiler.

mod baseline;
mod heap;
mod server;

use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use bytes::Bytes;
use futures::{StreamExt, TryStreamExt};
use sidekick::twilio::video::v1::{Participant, ParticipantFilter};
use sidekick_emulator::Emulator;

use baseline::Baseline;

#[global_allocator]
static ALLOCATOR: heap::Counting = heap::Counting;

/// The listed room (10 000 participants) and the large one (100 000).
const ROOM: &str = "DailyStandup";
const LARGE_ROOM: &str = "TownHall";
const LISTED: usize = 10_000;
const LARGE: usize = 100_000;
const FETCHES: usize = 1000;
const CONCURRENT_FETCHES: usize = 4000;
const IN_FLIGHT: usize = 64;

#[derive(Debug, Clone, Copy, PartialEq)]
enum Workload {
    Fetch,
    List { page_size: u32, room: &'static str, items: usize, keep: bool },
    Concurrent,
}

use Workload::*;

const WORKLOADS: &[(&str, Workload)] = &[
    ("fetch x1000, sequential", Fetch),
    ("list 10k, PageSize 1000", List { page_size: 1000, room: ROOM, items: LISTED, keep: true }),
    ("list 10k, PageSize 50", List { page_size: 50, room: ROOM, items: LISTED, keep: true }),
    ("list 100k, PageSize 1000", List { page_size: 1000, room: LARGE_ROOM, items: LARGE, keep: true }),
    ("stream 100k, not kept", List { page_size: 1000, room: LARGE_ROOM, items: LARGE, keep: false }),
    ("stream 10k, not kept", List { page_size: 1000, room: ROOM, items: LISTED, keep: false }),
    ("fetch x4000, 64 in flight", Concurrent),
];

struct Clients {
    sidekick: sidekick::Client,
    baseline: Arc<Baseline>,
}

impl Clients {
    fn new(base_url: &str, account_sid: &str, auth_token: &str) -> Clients {
        let sidekick = sidekick::Client::builder()
            .auth_token(account_sid, auth_token)
            .base_url_override("https://video.twilio.com", base_url)
            .build()
            .unwrap();
        Clients { sidekick, baseline: Arc::new(Baseline::new(base_url, account_sid, auth_token)) }
    }
}

fn identity(i: usize) -> String {
    format!("user-{}", i % LISTED)
}

/// Runs `workload` with sidekick; returns the items it decoded.
async fn ours(workload: Workload, client: &sidekick::Client) -> usize {
    match workload {
        Fetch => {
            for i in 0..FETCHES {
                let participant = Participant::fetch(client, ROOM, identity(i)).await.unwrap();
                std::hint::black_box(participant);
            }
            FETCHES
        }
        List { page_size, room, keep: true, .. } => {
            let all = Participant::list(client, room, &ParticipantFilter::new())
                .page_size(page_size)
                .collect()
                .await
                .unwrap();
            std::hint::black_box(all).len()
        }
        List { page_size, room, keep: false, .. } => {
            let stream =
                Participant::list(client, room, &ParticipantFilter::new()).page_size(page_size).stream();
            stream
                .try_fold(0, |n, participant| async move {
                    Ok(n + usize::from(std::hint::black_box(participant).sid.is_some()))
                })
                .await
                .unwrap()
        }
        Concurrent => {
            futures::stream::iter(0..CONCURRENT_FETCHES)
                .map(|i| {
                    let client = client.clone();
                    tokio::spawn(async move {
                        Participant::fetch(&client, ROOM, identity(i)).await.map(|p| p.sid.is_some())
                    })
                })
                .buffer_unordered(IN_FLIGHT)
                .map(|joined| usize::from(joined.unwrap().unwrap()))
                .fold(0, |n, one| async move { n + one })
                .await
        }
    }
}

/// Runs `workload` with the hand-written client.
async fn theirs(workload: Workload, baseline: &Arc<Baseline>) -> usize {
    match workload {
        Fetch => {
            for i in 0..FETCHES {
                std::hint::black_box(baseline.fetch(ROOM, &identity(i)).await.unwrap());
            }
            FETCHES
        }
        List { page_size, room, keep: true, .. } => {
            std::hint::black_box(baseline.collect(room, page_size).await.unwrap()).len()
        }
        List { page_size, room, keep: false, .. } => {
            let mut n = 0;
            baseline
                .pages(room, page_size, |page| {
                    for participant in page {
                        n += usize::from(!std::hint::black_box(participant).sid.is_empty());
                    }
                })
                .await
                .unwrap();
            n
        }
        Concurrent => {
            futures::stream::iter(0..CONCURRENT_FETCHES)
                .map(|i| {
                    let baseline = baseline.clone();
                    tokio::spawn(async move {
                        baseline
                            .fetch(ROOM, &identity(i))
                            .await
                            .map(|p| !p.sid.is_empty())
                            .map_err(|e| e.to_string())
                    })
                })
                .buffer_unordered(IN_FLIGHT)
                .map(|joined| usize::from(joined.unwrap().unwrap()))
                .fold(0, |n, one| async move { n + one })
                .await
        }
    }
}

fn expected_items(workload: Workload) -> usize {
    match workload {
        Fetch => FETCHES,
        List { items, .. } => items,
        Concurrent => CONCURRENT_FETCHES,
    }
}

/// Everything the server answers: the emulator's bodies for every fetch and every page the
/// workloads ask for, with the emulator's URLs rewritten to the server's.
/// With `large: false`, the 100 000-participant room is left out (for profiling other work).
async fn render(server_base: &str, large: bool) -> (HashMap<String, Bytes>, String, String) {
    let emulator = Emulator::start().await.unwrap();
    emulator.create_room(ROOM).unwrap();
    emulator.seed_participants(ROOM, LISTED).unwrap();
    emulator.create_room(LARGE_ROOM).unwrap();
    emulator.seed_participants(LARGE_ROOM, if large { LARGE } else { 0 }).unwrap();
    let _already_installed = rustls::crypto::ring::default_provider().install_default();
    let http = reqwest::Client::new();
    let emulator_base = emulator.base_url();
    let (user, password) = (emulator.account_sid().to_owned(), emulator.auth_token().to_owned());
    let get = |path: String| {
        let request = http.get(format!("{emulator_base}{path}")).basic_auth(&user, Some(&password));
        let emulator_base = emulator_base.clone();
        async move {
            let body = request.send().await.unwrap().error_for_status().unwrap().text().await.unwrap();
            (path, Bytes::from(body.replace(&emulator_base, server_base)))
        }
    };
    let mut bodies = HashMap::new();
    for i in 0..LISTED {
        let (path, body) = get(format!("/v1/Rooms/{ROOM}/Participants/{}", identity(i))).await;
        bodies.insert(path, body);
    }
    let rooms = [(ROOM, 1000), (ROOM, 50), (LARGE_ROOM, 1000)];
    for (room, page_size) in rooms.into_iter().filter(|&(room, _)| large || room != LARGE_ROOM) {
        let mut path = Some(format!("/v1/Rooms/{room}/Participants?PageSize={page_size}"));
        while let Some(current) = path.take() {
            let (current, body) = get(current).await;
            let page: serde_json::Value = serde_json::from_slice(&body).unwrap();
            path = page["meta"]["next_page_url"]
                .as_str()
                .map(|next| next.strip_prefix(server_base).unwrap().to_owned());
            bodies.insert(current, body);
        }
    }
    let credentials = (emulator.account_sid().to_owned(), emulator.auth_token().to_owned());
    emulator.shutdown().await;
    (bodies, credentials.0, credentials.1)
}

/// The CPU time the calling thread has run, from the kernel's scheduler statistics (Linux):
/// on the single-threaded runtime that is all of a client's work, whatever the server's
/// thread or the rest of the machine does meanwhile.
fn thread_cpu() -> Option<Duration> {
    let stats = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    Some(Duration::from_nanos(stats.split_whitespace().next()?.parse().ok()?))
}

#[derive(Default)]
struct Figures {
    ours: Vec<Duration>,
    theirs: Vec<Duration>,
    ours_cpu: Vec<Duration>,
    theirs_cpu: Vec<Duration>,
    ours_heap: usize,
    theirs_heap: usize,
    ours_allocations: usize,
    theirs_allocations: usize,
}

/// The median of the per-round ratios `ours / theirs` with their range, and the ratio of the
/// fastest rounds: on a shared machine noise only ever adds time, so the best round of each
/// client is the closest to its own cost.
fn ratio_and_range(ours: &[Duration], theirs: &[Duration]) -> String {
    let ratios: Vec<f64> = ours.iter().zip(theirs).map(|(o, t)| o.as_secs_f64() / t.as_secs_f64()).collect();
    if ratios.is_empty() {
        return "-".to_owned();
    }
    let (low, high) = ratios.iter().fold((f64::MAX, 0f64), |(l, h), r| (l.min(*r), h.max(*r)));
    let best = |d: &[Duration]| d.iter().min().map_or(f64::NAN, Duration::as_secs_f64);
    format!("{:.3} ({:.2}-{:.2}) best {:.3}", median(&ratios), low, high, best(ours) / best(theirs))
}

fn median<T: Copy + PartialOrd>(values: &[T]) -> T {
    let mut sorted = values.to_vec();
    sorted.sort_by(|a, b| a.partial_cmp(b).unwrap());
    sorted[sorted.len() / 2]
}

fn main() {
    let rounds = std::env::args()
        .skip_while(|arg| arg != "--rounds")
        .nth(1)
        .map_or(21, |n| n.parse().expect("--rounds takes a number"));
    let bound = server::bind();
    let setup = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
    let profiled = std::env::args().position(|arg| arg == "--profile").map(|at| {
        let args: Vec<String> = std::env::args().skip(at + 1).take(3).collect();
        let (_, workload) = WORKLOADS[args[0].parse::<usize>().expect("--profile takes a workload index")];
        let repeat = args.get(2).map_or(50, |n| n.parse().expect("a repeat count"));
        (workload, args.get(1).is_none_or(|side| side == "ours"), repeat)
    });
    let large = profiled.is_none_or(|(workload, ..)| matches!(workload, List { room: LARGE_ROOM, .. }));
    let (bodies, account_sid, auth_token) = setup.block_on(render(&bound.base_url, large));
    setup.shutdown_background();
    let served: usize = bodies.values().map(Bytes::len).sum();
    println!("pre-rendered {} bodies, {:.1} MB", bodies.len(), served as f64 / 1e6);
    let base_url = bound.base_url.clone();
    bound.serve(bodies);

    // Sequential work on one thread; concurrent work across the worker threads the server's
    // one thread leaves.
    let single = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    let multi = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
    let on_single = Clients::new(&base_url, &account_sid, &auth_token);
    let on_multi = Clients::new(&base_url, &account_sid, &auth_token);
    // The time and, for single-threaded work, the CPU time a workload took.
    let run = |workload: Workload, sidekick_side: bool| -> (Duration, Option<Duration>) {
        let (runtime, clients) =
            if workload == Concurrent { (&multi, &on_multi) } else { (&single, &on_single) };
        let cpu = thread_cpu().filter(|_| workload != Concurrent);
        let started = Instant::now();
        let items = if sidekick_side {
            runtime.block_on(ours(workload, &clients.sidekick))
        } else {
            runtime.block_on(theirs(workload, &clients.baseline))
        };
        let elapsed = started.elapsed();
        let cpu = cpu.zip(thread_cpu()).map(|(before, after)| after - before);
        assert_eq!(items, expected_items(workload), "{workload:?}");
        (elapsed, cpu)
    };

    // `--profile N ours|theirs [repeat]`: only workload N, repeatedly, for a profiler to watch.
    if let Some((workload, ours, repeat)) = profiled {
        for _ in 0..repeat {
            run(workload, ours);
        }
        return;
    }

    // Warm both pools, the server and the caches.
    for &(_, workload) in WORKLOADS {
        run(workload, true);
        run(workload, false);
    }

    let mut figures: Vec<Figures> = WORKLOADS.iter().map(|_| Figures::default()).collect();
    for round in 0..rounds {
        for (i, &(_, workload)) in WORKLOADS.iter().enumerate() {
            let ours_first = (round + i) % 2 == 0;
            let (o, t) = if ours_first {
                let o = run(workload, true);
                (o, run(workload, false))
            } else {
                let t = run(workload, false);
                (run(workload, true), t)
            };
            let f = &mut figures[i];
            f.ours.push(o.0);
            f.theirs.push(t.0);
            f.ours_cpu.extend(o.1);
            f.theirs_cpu.extend(t.1);
        }
    }
    for (i, &(_, workload)) in WORKLOADS.iter().enumerate() {
        let (runtime, clients) =
            if workload == Concurrent { (&multi, &on_multi) } else { (&single, &on_single) };
        let (_, usage) = runtime.block_on(heap::usage_of(ours(workload, &clients.sidekick)));
        (figures[i].ours_heap, figures[i].ours_allocations) = (usage.peak, usage.allocations);
        let (_, usage) = runtime.block_on(heap::usage_of(theirs(workload, &clients.baseline)));
        (figures[i].theirs_heap, figures[i].theirs_allocations) = (usage.peak, usage.allocations);
    }

    println!(
        "\n{rounds} interleaved rounds; ratios are sidekick / hand-written (below 1: sidekick is less): \
         median of the rounds' ratios (their range) and the ratio of each client's best round"
    );
    println!(
        "{:<26} {:>9} {:>9} {:>20}  {:>20}  {:>13} {:>13} {:>6}",
        "workload",
        "sidekick",
        "baseline",
        "time ratio (range)",
        "CPU ratio (range)",
        "heap sidekick",
        "heap baseline",
        "ratio"
    );
    for (i, &(name, workload)) in WORKLOADS.iter().enumerate() {
        let f = &figures[i];
        let per = |bytes: usize| match workload {
            List { keep: true, items, .. } => format!("{:.0} B/item", bytes as f64 / items as f64),
            _ => format!("{:.2} MiB", bytes as f64 / (1024.0 * 1024.0)),
        };
        println!(
            "{name:<26} {:>7.2}ms {:>7.2}ms {:>31}  {:>31}  {:>13} {:>13} {:>6.3}  {:>6.1} vs {:>5.1}",
            median(&f.ours).as_secs_f64() * 1e3,
            median(&f.theirs).as_secs_f64() * 1e3,
            ratio_and_range(&f.ours, &f.theirs),
            ratio_and_range(&f.ours_cpu, &f.theirs_cpu),
            per(f.ours_heap),
            per(f.theirs_heap),
            f.ours_heap as f64 / f.theirs_heap as f64,
            f.ours_allocations as f64 / expected_items(workload) as f64,
            f.theirs_allocations as f64 / expected_items(workload) as f64,
        );
    }
    let rate = |d: Duration, n: usize| n as f64 / d.as_secs_f64();
    let (fetch, concurrent) = (&figures[0], &figures[WORKLOADS.len() - 1]);
    println!(
        "\nfetches/s: sequential sidekick {:.0}, baseline {:.0}; {IN_FLIGHT} in flight on 2 workers sidekick {:.0}, baseline {:.0}",
        rate(median(&fetch.ours), FETCHES),
        rate(median(&fetch.theirs), FETCHES),
        rate(median(&concurrent.ours), CONCURRENT_FETCHES),
        rate(median(&concurrent.theirs), CONCURRENT_FETCHES),
    );
}
