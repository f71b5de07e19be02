//! Fault injection, observed from a client.

use std::error::Error as _;
use std::time::Duration;

use sidekick_emulator::{Fault, Route};

use crate::support::Api;

const FETCH: &str = "/v1/Rooms/DailyStandup/Participants/Alice";
const LIST: &str = "/v1/Rooms/DailyStandup/Participants";

#[tokio::test]
async fn too_many_requests_has_retry_after_and_runs_out() {
    let api = Api::demo().await;
    api.emu.faults().inject(Route::ListParticipants, Fault::TooManyRequests { retry_after_secs: 7 }, 3);
    for _ in 0..3 {
        let reply = api.get(LIST).await;
        reply.assert_error(429, 20429);
        assert_eq!(reply.header("retry-after"), Some("7"));
    }
    assert_eq!(api.get(LIST).await.status, 200);
    assert_eq!(api.emu.faults().pending(), 0);
    assert_eq!(api.emu.request_count(Route::ListParticipants), 4);
}

#[tokio::test]
async fn faults_only_hit_their_route() {
    let api = Api::demo().await;
    api.emu.faults().inject(Route::ListParticipants, Fault::InternalError, 1);
    assert_eq!(api.get(FETCH).await.status, 200);
    assert_eq!(api.get("/v1/Rooms").await.status, 200);
    api.get(LIST).await.assert_error(500, 20500);
    assert_eq!(api.get(LIST).await.status, 200);
}

#[tokio::test]
async fn any_covers_every_request_in_injection_order() {
    let api = Api::demo().await;
    let faults = api.emu.faults();
    faults.inject(Route::Any, Fault::Unavailable, 1);
    faults.inject(Route::FetchParticipant, Fault::InternalError, 1);
    api.get("/v1/Unknown").await.assert_error(503, 20503);
    api.get(FETCH).await.assert_error(500, 20500);
    assert_eq!(api.get(FETCH).await.status, 200);
}

#[tokio::test]
async fn latency_delays_then_answers_normally() {
    let api = Api::demo().await;
    api.emu.faults().inject(Route::FetchParticipant, Fault::Latency(Duration::from_millis(50)), 1);
    let reply = api.get(FETCH).await;
    assert_eq!(reply.status, 200);
    assert_eq!(reply.json["identity"], "Alice");
    assert_eq!(api.emu.faults().pending(), 0, "the delayed request consumed the fault");
}

#[tokio::test]
async fn latency_outlasts_a_client_timeout() {
    // No stopwatch: a delay far longer than the client's timeout must make the timeout fire.
    let api = Api::demo().await;
    api.emu.faults().inject(Route::FetchParticipant, Fault::Latency(Duration::from_secs(3600)), 1);
    let err = api
        .client
        .get(api.url(FETCH))
        .basic_auth(api.emu.account_sid(), Some(api.emu.auth_token()))
        .timeout(Duration::from_millis(200))
        .send()
        .await
        .expect_err("the answer is an hour away");
    assert!(err.is_timeout(), "{err:?}");
    // Only that request was delayed.
    assert_eq!(api.get(FETCH).await.status, 200);
}

#[tokio::test]
async fn close_connection_sends_no_response_at_all() {
    let api = Api::demo().await;
    api.emu.faults().inject(Route::FetchParticipant, Fault::CloseConnection, 1);
    let err = api
        .client
        .get(api.url(FETCH))
        .basic_auth(api.emu.account_sid(), Some(api.emu.auth_token()))
        .send()
        .await
        .expect_err("the connection is closed without a response");
    assert!(err.status().is_none(), "{err:?}");
    assert!(err.is_request() || err.is_connect(), "{err:?}");
    assert!(!err.is_timeout());
    let source = err.source().map(ToString::to_string).unwrap_or_default();
    assert!(!source.is_empty(), "{err:?}");
    // Exactly one request was affected, and the server is still fine.
    assert_eq!(api.get(FETCH).await.status, 200);
}

#[tokio::test]
async fn truncated_body_fails_while_reading_the_body() {
    let api = Api::demo().await;
    api.emu.faults().inject(Route::ListParticipants, Fault::TruncatedBody, 1);
    let response = api
        .client
        .get(api.url(LIST))
        .basic_auth(api.emu.account_sid(), Some(api.emu.auth_token()))
        .send()
        .await
        .expect("headers arrive");
    assert_eq!(response.status(), 200);
    let declared = response.content_length().unwrap();
    let err = response.bytes().await.expect_err("the body is cut short");
    assert!(err.is_body() || err.is_decode(), "{err:?}");
    assert!(declared > 100);
    assert_eq!(api.get(LIST).await.status, 200);
}

#[tokio::test]
async fn html_error_pages_look_like_a_proxy() {
    let api = Api::demo().await;
    let faults = api.emu.faults();
    faults.inject(Route::FetchRoom, Fault::HtmlError { status: 502 }, 1);
    faults.inject(Route::FetchRoom, Fault::HtmlError { status: 1 }, 1);
    for expected in [502, 502] {
        let reply = api.get("/v1/Rooms/DailyStandup").await;
        assert_eq!(reply.status, expected);
        assert_eq!(reply.header("content-type"), Some("text/html; charset=utf-8"));
        assert!(reply.text.contains("<html>") && reply.text.contains("502 Bad Gateway"));
        assert!(reply.json.is_null());
    }
    assert_eq!(api.get("/v1/Rooms/DailyStandup").await.status, 200);
}

#[tokio::test]
async fn faults_apply_before_authentication() {
    let api = Api::demo().await;
    api.emu.faults().inject(Route::FetchParticipant, Fault::Unavailable, 1);
    let reply = crate::support::read(api.client.get(api.url(FETCH)).send().await.unwrap()).await;
    reply.assert_error(503, 20503);
}
