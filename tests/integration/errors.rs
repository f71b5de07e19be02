//! Error responses, retries, timeouts and secrecy, over real HTTP.

use std::future::IntoFuture;
use std::time::Duration;

use crate::common::*;
use serde_json::json;
use sidekick::twilio::video::v1::{Participant, ParticipantStatus, UpdateParticipant};
use sidekick::{Error, RetryPolicy};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const ALICE: &str = "/v1/Rooms/DailyStandup/Participants/Alice";

fn quick_retries() -> RetryPolicy {
    RetryPolicy::default().max_retries(2).initial_backoff(Duration::from_millis(1))
}

async fn requests(server: &MockServer) -> usize {
    server.received_requests().await.unwrap().len()
}

#[tokio::test]
async fn twilio_404_is_a_typed_api_error_and_is_not_retried() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(ALICE))
        .respond_with(ResponseTemplate::new(404).set_body_json(json!({
            "code": 20404,
            "message": "The requested resource /v1/Rooms/DailyStandup/Participants/Alice was not found",
            "more_info": "https://www.twilio.com/docs/errors/20404",
            "status": 404
        })))
        .mount(&server)
        .await;
    let client = builder_for(&server).retry_policy(quick_retries()).build().unwrap();

    let err = Participant::fetch(&client, "DailyStandup", "Alice").await.unwrap_err();

    assert_eq!(err.status().map(|s| s.as_u16()), Some(404));
    assert_eq!(err.code(), Some(20404));
    assert_eq!(err.more_info(), Some("https://www.twilio.com/docs/errors/20404"));
    assert!(!err.is_retryable());
    let api = err.api().unwrap();
    assert!(api.message.contains("was not found"));
    assert_eq!(requests(&server).await, 1);
}

#[tokio::test]
async fn html_502_keeps_status_and_a_snippet_after_bounded_retries() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(ALICE))
        .respond_with(ResponseTemplate::new(502).set_body_raw(
            "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>",
            "text/html",
        ))
        .mount(&server)
        .await;
    let client = builder_for(&server).retry_policy(quick_retries()).build().unwrap();

    let err = Participant::fetch(&client, "DailyStandup", "Alice").await.unwrap_err();

    let Error::UnexpectedBody { status, content_type, snippet } = &err else { panic!("{err:?}") };
    assert_eq!(status.as_u16(), 502);
    assert_eq!(content_type.as_deref(), Some("text/html"));
    assert!(snippet.contains("502 Bad Gateway"));
    assert!(err.is_retryable());
    assert_eq!(requests(&server).await, 3, "one attempt and two retries");
}

#[tokio::test]
async fn empty_error_body_is_unexpected_with_status() {
    let server = MockServer::start().await;
    Mock::given(method("GET")).respond_with(ResponseTemplate::new(503)).mount(&server).await;
    let err = Participant::fetch(&client_for(&server), "DailyStandup", "Alice").await.unwrap_err();
    assert!(matches!(err, Error::UnexpectedBody { ref snippet, .. } if snippet.is_empty()), "{err:?}");
    assert_eq!(err.status().map(|s| s.as_u16()), Some(503));
}

#[tokio::test]
async fn wrong_typed_field_is_a_decode_error_naming_the_field() {
    let server = MockServer::start().await;
    let mut body = seed_fetch_body();
    body["duration"] = json!("ten seconds");
    Mock::given(method("GET"))
        .and(path(ALICE))
        .respond_with(ResponseTemplate::new(200).set_body_json(body))
        .mount(&server)
        .await;
    let err = Participant::fetch(&client_for(&server), "DailyStandup", "Alice").await.unwrap_err();
    let Error::Decode { status, path, .. } = &err else { panic!("{err:?}") };
    assert_eq!(status.as_u16(), 200);
    assert_eq!(path, "duration");
    assert!(err.to_string().contains("`duration`"), "{err}");
}

#[tokio::test]
async fn too_many_requests_is_retried_even_for_post_honouring_retry_after() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path(ALICE))
        .respond_with(ResponseTemplate::new(429).insert_header("retry-after", "0").set_body_json(json!({
            "code": 20429, "message": "Too Many Requests", "more_info": "https://www.twilio.com/docs/errors/20429", "status": 429
        })))
        .up_to_n_times(2)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path(ALICE))
        .respond_with(ResponseTemplate::new(202).set_body_json(seed_update_body()))
        .mount(&server)
        .await;
    // The client's own backoff would wait up to an hour, past the 30 s budget, so the policy
    // would give up at once (about 99% of the time) unless Retry-After: 0 is what it uses.
    let hour = Duration::from_secs(3600);
    let backoff_beyond_budget = RetryPolicy::default()
        .max_retries(3)
        .initial_backoff(hour)
        .max_backoff(hour)
        .max_elapsed(Duration::from_secs(30));
    let client = builder_for(&server).retry_policy(backoff_beyond_budget).build().unwrap();

    let p = Participant::update(&client, "DailyStandup", "Alice", &UpdateParticipant::disconnect())
        .await
        .unwrap();
    assert_eq!(p.status, Some(ParticipantStatus::Disconnected));
    assert_eq!(requests(&server).await, 3);
}

#[tokio::test]
async fn too_many_requests_gives_up_with_the_429_after_the_last_retry() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(429).insert_header("retry-after", "0").set_body_json(json!({
            "code": 20429, "message": "Too Many Requests", "status": 429
        })))
        .mount(&server)
        .await;
    let client = builder_for(&server).retry_policy(quick_retries()).build().unwrap();
    let err = Participant::fetch(&client, "DailyStandup", "Alice").await.unwrap_err();
    assert_eq!(err.code(), Some(20429));
    assert_eq!(requests(&server).await, 3);
}

#[tokio::test]
async fn a_retry_after_beyond_the_budget_gives_up_at_once() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(429).insert_header("retry-after", "3600").set_body_json(json!({
            "code": 20429, "message": "Too Many Requests", "status": 429
        })))
        .mount(&server)
        .await;
    // The default budget is 60 s: waiting an hour is not an option, so no retry is made.
    let client = builder_for(&server).retry_policy(RetryPolicy::default()).build().unwrap();
    let err = Participant::fetch(&client, "DailyStandup", "Alice").await.unwrap_err();
    assert_eq!(err.code(), Some(20429));
    assert_eq!(requests(&server).await, 1);
}

#[tokio::test]
async fn a_timed_out_post_is_not_repeated() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(
            ResponseTemplate::new(202).set_body_json(seed_update_body()).set_delay(Duration::from_secs(2)),
        )
        .mount(&server)
        .await;
    let client = builder_for(&server)
        .retry_policy(quick_retries())
        .timeout(Duration::from_millis(100))
        .build()
        .unwrap();
    let err = Participant::update(&client, "DailyStandup", "Alice", &UpdateParticipant::disconnect())
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Timeout { .. }), "{err:?}");
    assert_eq!(requests(&server).await, 1);
}

#[tokio::test]
async fn kicks_retry_by_sid_but_not_by_identity() {
    let server = MockServer::start().await;
    Mock::given(method("POST")).respond_with(ResponseTemplate::new(503)).mount(&server).await;
    let client = builder_for(&server).retry_policy(quick_retries()).build().unwrap();
    Participant::kick(&client, "DailyStandup", "Alice").await.unwrap_err();
    assert_eq!(requests(&server).await, 1, "an identity may have rejoined: no retry");
    Participant::kick(&client, "DailyStandup", "PAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa").await.unwrap_err();
    assert_eq!(requests(&server).await, 4, "a SID names one session: retried twice");
}

#[tokio::test]
async fn huge_error_pages_keep_a_short_snippet() {
    let server = MockServer::start().await;
    let page = format!("<html>{}</html>", "x".repeat(5 * 1024 * 1024));
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(502).set_body_raw(page, "text/html"))
        .mount(&server)
        .await;
    let err = Participant::fetch(&client_for(&server), "DailyStandup", "Alice").await.unwrap_err();
    let Error::UnexpectedBody { snippet, .. } = &err else { panic!("{err:?}") };
    assert!(snippet.starts_with("<html>xxx"));
}

#[tokio::test]
async fn server_errors_retry_posts_only_when_safe() {
    let server = MockServer::start().await;
    Mock::given(method("POST")).respond_with(ResponseTemplate::new(500)).mount(&server).await;
    let client = builder_for(&server).retry_policy(quick_retries()).build().unwrap();

    let update = Participant::update(&client, "DailyStandup", "Alice", &UpdateParticipant::disconnect());
    assert_eq!(update.await.unwrap_err().status().map(|s| s.as_u16()), Some(500));
    assert_eq!(requests(&server).await, 1, "a plain POST is not repeated");

    Participant::kick(&client, "DailyStandup", "PAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa").await.unwrap_err();
    assert_eq!(requests(&server).await, 4, "a kick by SID is idempotent, so it is retried twice");

    let opted_in = builder_for(&server).retry_policy(quick_retries().retry_posts(true)).build().unwrap();
    Participant::update(&opted_in, "DailyStandup", "Alice", &UpdateParticipant::disconnect())
        .await
        .unwrap_err();
    assert_eq!(requests(&server).await, 7);
}

#[tokio::test]
async fn slow_answers_time_out_per_client_and_per_call() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(seed_fetch_body()).set_delay(Duration::from_secs(3)),
        )
        .mount(&server)
        .await;
    let client = builder_for(&server)
        .timeout(Duration::from_millis(150))
        .retry_policy(RetryPolicy::none())
        .build()
        .unwrap();
    let err = Participant::fetch(&client, "DailyStandup", "Alice").await.unwrap_err();
    assert!(matches!(err, Error::Timeout { status: None, .. }), "{err:?}");
    assert!(err.is_retryable());

    let patient = client_for(&server);
    let err = Participant::fetch(&patient, "DailyStandup", "Alice")
        .timeout(Duration::from_millis(100))
        .await
        .unwrap_err();
    assert!(
        matches!(err, Error::Timeout { timeout, .. } if timeout == Duration::from_millis(100)),
        "{err:?}"
    );
}

#[tokio::test]
async fn a_refused_connection_is_a_transport_error_without_status() {
    let port = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().port()
    };
    let client = sidekick::Client::builder()
        .auth_token(ACCOUNT_SID, AUTH_TOKEN)
        .base_url_override("https://video.twilio.com", format!("http://127.0.0.1:{port}"))
        .retry_policy(RetryPolicy::none())
        .build()
        .unwrap();
    let err = Participant::fetch(&client, "DailyStandup", "Alice").await.unwrap_err();
    assert!(matches!(err, Error::Transport { status: None, .. }), "{err:?}");
    assert_eq!(err.status(), None);
    assert!(err.is_retryable());
}

#[tokio::test]
async fn calls_run_inside_spawned_tasks() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_json(seed_fetch_body()))
        .mount(&server)
        .await;
    let client = client_for(&server);
    let tasks: Vec<_> = (0..8)
        .map(|i| tokio::spawn(Participant::fetch(&client, "DailyStandup", format!("user-{i}")).into_future()))
        .collect();
    for task in tasks {
        assert_eq!(task.await.unwrap().unwrap().sid.as_deref(), Some("Alice"));
    }
    assert_eq!(requests(&server).await, 8);
}

#[tokio::test]
async fn an_absurdly_large_success_body_is_refused_unread() {
    // A server of our own: it announces a 100 GB body, which no API answer is.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let address = listener.local_addr().unwrap();
    let server = std::thread::spawn(move || {
        use std::io::{Read, Write};
        let (mut socket, _) = listener.accept().unwrap();
        let mut request = [0u8; 4096];
        let _ = socket.read(&mut request).unwrap();
        let head =
            "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 100000000000\r\n\r\n{";
        let _ = socket.write_all(head.as_bytes());
    });
    let client = sidekick::Client::builder()
        .auth_token(ACCOUNT_SID, AUTH_TOKEN)
        .base_url_override("https://video.twilio.com", format!("http://{address}"))
        .retry_policy(RetryPolicy::none())
        .build()
        .unwrap();
    let err = Participant::fetch(&client, "DailyStandup", "Alice").await.unwrap_err();
    assert!(matches!(err, Error::BodyTooLarge { limit, .. } if limit == 64 * 1024 * 1024), "{err:?}");
    assert_eq!(err.status().map(|s| s.as_u16()), Some(200));
    assert!(!err.is_retryable());
    server.join().unwrap();
}
