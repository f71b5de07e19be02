//! Each fault the emulator injects reaches the client as the right typed error, and retries
//! recover from the transient ones.

use std::time::Duration;

use sidekick::twilio::video::v1::{Participant, ParticipantFilter};
use sidekick::{Client, Error, RetryPolicy};
use sidekick_emulator::{Emulator, Fault, Route};

const ROOM: &str = "DailyStandup";

async fn emulator() -> Emulator {
    let emulator = Emulator::start().await.unwrap();
    emulator.create_room(ROOM).unwrap();
    emulator.join(ROOM, "Alice").unwrap();
    emulator
}

fn client(emulator: &Emulator, retry: RetryPolicy) -> Client {
    Client::builder()
        .auth_token(emulator.account_sid(), emulator.auth_token())
        .base_url_override("https://video.twilio.com", emulator.base_url())
        .retry_policy(retry)
        .build()
        .unwrap()
}

async fn fetch_with_fault(fault: Fault) -> Error {
    let emulator = emulator().await;
    emulator.faults().inject(Route::FetchParticipant, fault, 1);
    let client = client(&emulator, RetryPolicy::none());
    let err = Participant::fetch(&client, ROOM, "Alice").await.unwrap_err();
    // The fault was spent on that one request: the next one succeeds.
    assert!(Participant::fetch(&client, ROOM, "Alice").await.is_ok());
    err
}

#[tokio::test]
async fn too_many_requests_is_an_api_error_with_code_20429() {
    let err = fetch_with_fault(Fault::TooManyRequests { retry_after_secs: 1 }).await;
    assert_eq!((err.status().unwrap().as_u16(), err.code()), (429, Some(20429)));
    assert!(err.is_retryable());
}

#[tokio::test]
async fn server_errors_keep_their_status() {
    let err = fetch_with_fault(Fault::InternalError).await;
    assert!(matches!(err, Error::Api(_)), "{err:?}");
    assert_eq!(err.status().unwrap().as_u16(), 500);
    let err = fetch_with_fault(Fault::Unavailable).await;
    assert_eq!(err.status().unwrap().as_u16(), 503);
}

#[tokio::test]
async fn html_pages_are_unexpected_bodies() {
    let err = fetch_with_fault(Fault::HtmlError { status: 502 }).await;
    let Error::UnexpectedBody { status, content_type, snippet } = &err else { panic!("{err:?}") };
    assert_eq!(status.as_u16(), 502);
    assert!(content_type.as_deref().unwrap().starts_with("text/html"));
    assert!(snippet.to_ascii_lowercase().contains("<html"), "{snippet}");
}

#[tokio::test]
async fn a_closed_connection_is_a_transport_error_without_status() {
    let err = fetch_with_fault(Fault::CloseConnection).await;
    assert!(matches!(err, Error::Transport { status: None, .. }), "{err:?}");
}

#[tokio::test]
async fn a_truncated_body_is_a_transport_error_after_200() {
    let err = fetch_with_fault(Fault::TruncatedBody).await;
    assert!(matches!(err, Error::Transport { .. } | Error::Decode { .. }), "{err:?}");
    assert_eq!(err.status().unwrap().as_u16(), 200);
}

#[tokio::test]
async fn latency_beyond_the_timeout_is_a_timeout() {
    let emulator = emulator().await;
    emulator.faults().inject(Route::FetchParticipant, Fault::Latency(Duration::from_secs(2)), 1);
    let client = client(&emulator, RetryPolicy::none());
    let err =
        Participant::fetch(&client, ROOM, "Alice").timeout(Duration::from_millis(200)).await.unwrap_err();
    assert!(matches!(err, Error::Timeout { .. }), "{err:?}");
}

#[tokio::test]
async fn retries_recover_from_transient_faults() {
    let emulator = emulator().await;
    let retry = RetryPolicy::default().max_retries(3).initial_backoff(Duration::from_millis(5));
    let client = client(&emulator, retry);
    for fault in [
        Fault::TooManyRequests { retry_after_secs: 0 },
        Fault::Unavailable,
        Fault::InternalError,
        Fault::CloseConnection,
        Fault::HtmlError { status: 502 },
    ] {
        emulator.faults().inject(Route::ListParticipants, fault, 2);
        let listed = Participant::list(&client, ROOM, &ParticipantFilter::new()).collect().await;
        assert_eq!(listed.unwrap().len(), 1, "{fault:?}");
        assert_eq!(emulator.faults().pending(), 0, "{fault:?}");
    }
}
