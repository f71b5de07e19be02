//! Secrets stay out of errors, `Debug` output and logs.
//!
//! In a test binary of its own: `tracing` caches per-callsite interest process-wide, so a
//! scoped subscriber could miss events while other tests run on other threads.

#[path = "integration/common.rs"]
mod common;

use std::sync::{Arc, Mutex};
use std::time::Duration;

use common::*;
use serde_json::json;
use sidekick::RetryPolicy;
use sidekick::twilio::video::v1::Participant;
use wiremock::matchers::method;
use wiremock::{Mock, MockServer, ResponseTemplate};

/// A `tracing` writer that keeps everything written to it.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl std::io::Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[tokio::test]
async fn secrets_never_appear_in_errors_debug_or_logs() {
    let logs = Captured::default();
    let writer = logs.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_writer(move || writer.clone())
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);

    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(401).set_body_json(json!({
            "code": 20003, "message": "Authenticate", "more_info": "https://www.twilio.com/docs/errors/20003", "status": 401
        })))
        .mount(&server)
        .await;
    let client = builder_for(&server)
        .retry_policy(RetryPolicy::default().max_retries(1).initial_backoff(Duration::from_millis(1)))
        .build()
        .unwrap();
    let err = Participant::fetch(&client, "DailyStandup", "Alice").await.unwrap_err();
    assert_eq!(err.code(), Some(20003));

    let logged = String::from_utf8(logs.0.lock().unwrap().clone()).unwrap();
    assert!(logged.contains("sidekick.request"), "the request span is logged: {logged}");
    // Spans name the operation and the path template; identities in paths are personal data.
    assert!(logged.contains("resource=\"Participant\""), "{logged}");
    assert!(logged.contains("operation=\"fetch\""), "{logged}");
    assert!(logged.contains("path=/v1/Rooms/<room_sid>/Participants/<sid>"), "{logged}");
    for personal in ["Alice", "DailyStandup"] {
        assert!(!logged.contains(personal), "{personal} logged: {logged}");
    }
    let shown = format!("{err} {err:?} {client:?} {logged}");
    for secret in [AUTH_TOKEN, EXPECTED_AUTHORIZATION, EXPECTED_AUTHORIZATION.trim_start_matches("Basic ")] {
        assert!(!shown.contains(secret), "{secret} leaked: {shown}");
    }
}
