//! The call's time budget, plain-words transport errors, and 3xx answers, against servers of
//! the tests' own that misbehave on purpose (all on 127.0.0.1, on ephemeral ports).

use std::error::Error as _;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use sidekick::twilio::video::v1::Participant;
use sidekick::{Client, Error, RetryPolicy};
use tokio::net::{TcpListener, TcpStream};

const ACCOUNT_SID: &str = "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
const AUTH_TOKEN: &str = "test-auth-token";

/// What the test server does once it has read a request.
#[derive(Clone, Copy)]
enum Behaviour {
    /// Never answers, and keeps the connection open.
    Silent,
    /// Closes the connection without a word.
    Close,
    /// Aborts the connection (a TCP reset).
    Reset,
    /// Sends a head announcing 100 bytes, then 10 bytes, then closes.
    CutShort,
    /// Answers 307 with a `Location` elsewhere.
    Redirect,
}

/// A server on an ephemeral local port; returns its port and a count of the requests it read.
async fn serve(behaviour: Behaviour) -> (u16, Arc<AtomicUsize>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let requests = Arc::new(AtomicUsize::new(0));
    let counter = requests.clone();
    tokio::spawn(async move {
        while let Ok((socket, _)) = listener.accept().await {
            let counter = counter.clone();
            tokio::spawn(async move {
                if !read_request(&socket).await {
                    return;
                }
                counter.fetch_add(1, Ordering::SeqCst);
                match behaviour {
                    Behaviour::Silent => while read_some(&socket).await > 0 {},
                    Behaviour::Close => drop(socket),
                    Behaviour::Reset => {
                        socket.set_zero_linger().unwrap();
                        drop(socket);
                    }
                    Behaviour::CutShort => {
                        let head = "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n";
                        write_all(&socket, format!("{head}{{\"sid\": \"P").as_bytes()).await;
                        drop(socket);
                    }
                    Behaviour::Redirect => {
                        let head = "HTTP/1.1 307 Temporary Redirect\r\nlocation: https://elsewhere.example/x\r\n\
                                    content-length: 0\r\nconnection: close\r\n\r\n";
                        write_all(&socket, head.as_bytes()).await;
                    }
                }
            });
        }
    });
    (port, requests)
}

/// Reads one request head (a GET has no body); `false` if the client went away first.
async fn read_request(socket: &TcpStream) -> bool {
    let mut seen = Vec::new();
    loop {
        let mut buf = [0u8; 4096];
        socket.readable().await.unwrap();
        match socket.try_read(&mut buf) {
            Ok(0) => return false,
            Ok(n) => {
                seen.extend_from_slice(&buf[..n]);
                if seen.windows(4).any(|w| w == b"\r\n\r\n") {
                    return true;
                }
            }
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {}
            Err(_) => return false,
        }
    }
}

async fn read_some(socket: &TcpStream) -> usize {
    let mut buf = [0u8; 4096];
    loop {
        if socket.readable().await.is_err() {
            return 0;
        }
        match socket.try_read(&mut buf) {
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {}
            Ok(n) => return n,
            Err(_) => return 0,
        }
    }
}

async fn write_all(socket: &TcpStream, mut bytes: &[u8]) {
    while !bytes.is_empty() {
        socket.writable().await.unwrap();
        match socket.try_write(bytes) {
            Ok(n) => bytes = &bytes[n..],
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {}
            Err(e) => panic!("{e}"),
        }
    }
}

fn client(port: u16, policy: RetryPolicy) -> Client {
    Client::builder()
        .auth_token(ACCOUNT_SID, AUTH_TOKEN)
        .base_url_override("https://video.twilio.com", format!("http://127.0.0.1:{port}"))
        .retry_policy(policy)
        .build()
        .unwrap()
}

/// The error's message, checked to hold nothing of the request's URL, and neither do its
/// `Debug` form and its sources (only a connect error's `Debug` names the server's address).
fn message_without_url(err: &Error) -> String {
    let message = err.to_string();
    assert!(!message.contains("127.0.0.1"), "{message}");
    let mut texts = vec![message.clone(), format!("{err:?}")];
    let mut source = err.source();
    while let Some(e) = source {
        texts.push(e.to_string());
        source = e.source();
    }
    for text in &texts {
        for part in ["Alice", "Standup", "/v1/", "http://"] {
            assert!(!text.contains(part), "{part:?} in {text:?}");
        }
    }
    message
}

#[tokio::test]
async fn a_silent_server_runs_out_the_calls_budget_not_the_attempt_timeout() {
    let (port, _) = serve(Behaviour::Silent).await;
    let client = client(port, RetryPolicy::default().max_elapsed(Duration::from_secs(1)));

    let started = Instant::now();
    let err =
        Participant::fetch(&client, "Standup", "Alice").timeout(Duration::from_secs(10)).await.unwrap_err();

    assert!(started.elapsed() < Duration::from_secs(5), "took {:?}", started.elapsed());
    assert!(
        matches!(err, Error::Timeout { timeout, status: None, budget: true } if timeout == Duration::from_secs(1)),
        "{err:?}"
    );
    assert_eq!(err.to_string(), "no complete response within 1s (the call's time budget)");
    assert!(err.is_retryable());
}

#[tokio::test]
async fn retries_stop_at_the_calls_budget() {
    let (port, requests) = serve(Behaviour::Silent).await;
    // Without a budget over the whole call, 21 attempts of 400 ms would take over 8 s.
    let policy = RetryPolicy::default()
        .max_retries(20)
        .initial_backoff(Duration::from_millis(1))
        .max_elapsed(Duration::from_secs(1));
    let client = client(port, policy);

    let started = Instant::now();
    let err = Participant::fetch(&client, "Standup", "Alice")
        .timeout(Duration::from_millis(400))
        .await
        .unwrap_err();

    assert!(started.elapsed() < Duration::from_secs(5), "took {:?}", started.elapsed());
    assert!(matches!(err, Error::Timeout { status: None, .. }), "{err:?}");
    assert!(requests.load(Ordering::SeqCst) <= 4, "{requests:?}");
}

#[tokio::test]
async fn a_per_attempt_timeout_within_the_budget_says_so() {
    let (port, _) = serve(Behaviour::Silent).await;
    let client = client(port, RetryPolicy::none());
    let err = Participant::fetch(&client, "Standup", "Alice")
        .timeout(Duration::from_millis(200))
        .await
        .unwrap_err();
    assert!(
        matches!(err, Error::Timeout { timeout, budget: false, .. } if timeout == Duration::from_millis(200)),
        "{err:?}"
    );
    assert_eq!(err.to_string(), "no complete response within 200ms (the per-attempt timeout)");
}

#[tokio::test]
async fn a_refused_connection_says_so_without_the_url() {
    let port = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().port()
    };
    let err = Participant::fetch(&client(port, RetryPolicy::none()), "Standup", "Alice").await.unwrap_err();
    assert!(matches!(err, Error::Transport { status: None, .. }), "{err:?}");
    assert_eq!(message_without_url(&err), "connection refused (could not connect to the server)");
    assert!(err.source().is_some());
}

#[tokio::test]
async fn a_body_cut_short_says_so() {
    let (port, _) = serve(Behaviour::CutShort).await;
    let err = Participant::fetch(&client(port, RetryPolicy::none()), "Standup", "Alice").await.unwrap_err();
    assert!(matches!(err, Error::Transport { .. }), "{err:?}");
    assert_eq!(err.status().map(|s| s.as_u16()), Some(200));
    assert_eq!(message_without_url(&err), "the response body was cut short after HTTP 200 OK");
}

#[tokio::test]
async fn a_connection_closed_before_the_answer_says_so() {
    let (port, _) = serve(Behaviour::Close).await;
    let err = Participant::fetch(&client(port, RetryPolicy::none()), "Standup", "Alice").await.unwrap_err();
    assert!(matches!(err, Error::Transport { status: None, .. }), "{err:?}");
    assert_eq!(message_without_url(&err), "the server closed the connection before a complete response");
}

#[tokio::test]
async fn a_reset_connection_says_so() {
    let (port, _) = serve(Behaviour::Reset).await;
    let err = Participant::fetch(&client(port, RetryPolicy::none()), "Standup", "Alice").await.unwrap_err();
    assert!(matches!(err, Error::Transport { status: None, .. }), "{err:?}");
    let message = message_without_url(&err);
    // A reset that lands after the request was read is a reset; one racing the request's
    // sending may surface as a closed connection instead.
    assert!(message.contains("connection reset") || message.contains("closed the connection"), "{message}");
}

#[tokio::test]
async fn a_redirect_is_an_error_naming_its_location_and_is_neither_followed_nor_retried() {
    let (port, requests) = serve(Behaviour::Redirect).await;
    let retrying = RetryPolicy::default().max_retries(3).initial_backoff(Duration::from_millis(1));
    let err = Participant::fetch(&client(port, retrying), "Standup", "Alice").await.unwrap_err();
    let Error::Redirect { status, location } = &err else { panic!("{err:?}") };
    assert_eq!(status.as_u16(), 307);
    assert_eq!(location.as_deref(), Some("https://elsewhere.example/x"));
    assert_eq!(err.status().map(|s| s.as_u16()), Some(307));
    assert!(!err.is_retryable());
    assert_eq!(
        err.to_string(),
        "HTTP 307 Temporary Redirect to `https://elsewhere.example/x`; redirects are not followed"
    );
    assert_eq!(requests.load(Ordering::SeqCst), 1);
}

/// A TLS client meeting a plain-HTTP server: the handshake fails, and the message says so.
#[tokio::test]
async fn a_failed_tls_handshake_says_so() {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    tokio::spawn(async move {
        while let Ok((socket, _)) = listener.accept().await {
            tokio::spawn(async move {
                let _ = read_some(&socket).await;
                let answer = "HTTP/1.1 400 Bad Request\r\ncontent-length: 0\r\nconnection: close\r\n\r\n";
                write_all(&socket, answer.as_bytes()).await;
            });
        }
    });
    let client = Client::builder()
        .auth_token(ACCOUNT_SID, AUTH_TOKEN)
        .base_url_override("https://video.twilio.com", format!("https://127.0.0.1:{port}"))
        .retry_policy(RetryPolicy::none())
        .build()
        .unwrap();
    let err = Participant::fetch(&client, "DailyStandup", "Alice").await.unwrap_err();
    let message = err.to_string();
    assert!(message.contains("TLS"), "{message}");
    assert!(!message.contains("Alice"), "{message}");
}
