//! The emulator's own thread and runtime: it outlives the runtime that started it, serves
//! synchronous code, can be shared through a `static`, and stops when shut down or dropped.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::sync::LazyLock;
use std::time::{Duration, Instant};

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use sidekick_emulator::Emulator;

use crate::support::Api;

/// Shared by the tests below, each with a runtime of its own (or none).
static SHARED: LazyLock<Emulator> = LazyLock::new(|| {
    let emu = Emulator::spawn().expect("emulator starts");
    emu.seed_demo().expect("demo seed");
    emu
});

/// The status code of a GET sent over a plain socket, with no runtime at all.
fn status_of_get(emu: &Emulator, path: &str) -> u16 {
    let mut stream = TcpStream::connect(emu.addr()).expect("connects");
    stream.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    let credentials = STANDARD.encode(format!("{}:{}", emu.account_sid(), emu.auth_token()));
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: x\r\nAuthorization: Basic {credentials}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut reply = String::new();
    stream.read_to_string(&mut reply).expect("reads the answer");
    reply.split(' ').nth(1).and_then(|code| code.parse().ok()).expect("a status line")
}

#[test]
fn a_synchronous_test_uses_the_shared_emulator() {
    assert_eq!(status_of_get(&SHARED, "/v1/Rooms/DailyStandup/Participants/Alice"), 200);
    assert_eq!(status_of_get(&SHARED, "/v1/Rooms/DailyStandup/Participants/Nobody"), 404);
}

#[tokio::test]
async fn one_async_test_uses_the_shared_emulator() {
    let reply = crate::support::read(
        crate::support::http_client()
            .get(format!("{}/v1/Rooms/DailyStandup", SHARED.base_url()))
            .basic_auth(SHARED.account_sid(), Some(SHARED.auth_token()))
            .send()
            .await
            .expect("request"),
    )
    .await;
    assert_eq!(reply.status, 200, "{}", reply.text);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn another_async_test_uses_the_shared_emulator() {
    // Both emulators have the default credentials, so one client serves both.
    let api = Api::with(Emulator::spawn().unwrap()).await;
    let on_shared = format!("{}/v1/Rooms/DailyStandup/Participants/Bob", SHARED.base_url());
    assert_eq!(api.get_url(&on_shared).await.status, 200);
    assert_eq!(api.get("/v1/Rooms/DailyStandup").await.status, 404, "the other emulator has its own world");
}

#[test]
fn an_emulator_outlives_the_runtime_that_started_it() {
    let emu = {
        let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        runtime.block_on(Emulator::start()).expect("emulator starts")
        // The runtime is dropped here, with every task it ran.
    };
    emu.create_room("Standup").unwrap();
    assert_eq!(status_of_get(&emu, "/v1/Rooms/Standup"), 200);
    let later = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    let api = later.block_on(Api::with(emu));
    assert_eq!(later.block_on(api.get("/v1/Rooms/Standup")).status, 200);
}

#[test]
fn shutting_down_closes_the_port() {
    let emu = Emulator::spawn().unwrap();
    let addr = emu.addr();
    assert_eq!(status_of_get(&emu, "/v1/Rooms"), 200);
    emu.shutdown_blocking();
    assert!(TcpStream::connect(addr).is_err(), "still listening after shutdown");
}

#[test]
fn dropping_stops_the_server() {
    let emu = Emulator::spawn().unwrap();
    let addr = emu.addr();
    drop(emu);
    // Dropping only signals: the server's thread lets go of the socket soon after.
    let deadline = Instant::now() + Duration::from_secs(10);
    while TcpStream::connect(addr).is_ok() {
        assert!(Instant::now() < deadline, "still listening 10 s after the emulator was dropped");
        std::thread::sleep(Duration::from_millis(5));
    }
}

#[tokio::test]
async fn shutting_down_from_async_code_waits_without_blocking_the_runtime() {
    let emu = Emulator::start().await.unwrap();
    let addr = emu.addr();
    emu.shutdown().await;
    assert!(tokio::net::TcpStream::connect(addr).await.is_err());
}
