//! Routing edge cases: path decoding, trailing slashes, HEAD, and which answers carry which
//! headers, whatever the HTTP framework underneath.

use sidekick_emulator::{Fault, Route};

use crate::support::{Api, read};

#[tokio::test]
async fn malformed_escapes_and_plus_signs_are_kept_literally() {
    let api = Api::start().await;
    api.emu.create_room("R").unwrap();
    for identity in ["%zz", "100%", "a+b", "50%"] {
        api.emu.join("R", identity).unwrap();
    }
    for (raw, identity) in [("%zz", "%zz"), ("100%", "100%"), ("a+b", "a+b"), ("50%25", "50%")] {
        let reply = api.get(&format!("/v1/Rooms/R/Participants/{raw}")).await;
        assert_eq!(reply.json["identity"], identity, "{raw}: {}", reply.text);
    }
}

#[tokio::test]
async fn segments_that_are_not_utf8_are_unknown_paths() {
    let api = Api::demo().await;
    api.emu.faults().inject(Route::FetchParticipant, Fault::Unavailable, 1);
    let path = "/v1/Rooms/DailyStandup/Participants/%FF";
    let reply = api.get(path).await;
    reply.assert_error(404, 20404);
    assert_eq!(reply.message(), format!("The requested resource {path} was not found"));
    // Whatever the method, and without touching the route's fault or counter.
    let delete =
        api.client.delete(api.url(path)).basic_auth(api.emu.account_sid(), Some(api.emu.auth_token()));
    read(delete.send().await.unwrap()).await.assert_error(404, 20404);
    assert_eq!(api.emu.faults().pending(), 1);
    assert_eq!(api.emu.request_count(Route::FetchParticipant), 0);
    assert_eq!(api.emu.request_count(Route::Any), 2);
}

#[tokio::test]
async fn repeated_trailing_slashes_are_accepted_and_quoted_as_sent() {
    let api = Api::demo().await;
    assert_eq!(api.get("/v1/Rooms//").await.status, 200);
    assert_eq!(api.get("/v1/Rooms/DailyStandup/Participants/Alice//").await.json["identity"], "Alice");
    assert_eq!(api.emu.request_count(Route::FetchParticipant), 1);
    let reply = api.get("/v1/Rooms/No%20where/").await;
    reply.assert_error(404, 20404);
    assert_eq!(reply.message(), "The requested resource /v1/Rooms/No%20where/ was not found");
    let reply = api.get("/v1/Nothing/").await;
    assert_eq!(reply.message(), "The requested resource /v1/Nothing/ was not found");
}

#[tokio::test]
async fn head_is_not_served() {
    let api = Api::demo().await;
    for (path, allow) in [("/v1/Rooms", "GET, POST"), ("/v1/Rooms/DailyStandup/Participants", "GET")] {
        let request =
            api.client.head(api.url(path)).basic_auth(api.emu.account_sid(), Some(api.emu.auth_token()));
        let response = request.send().await.unwrap();
        assert_eq!(response.status(), 405, "{path}");
        assert_eq!(response.headers()["allow"], allow, "{path}");
    }
    assert_eq!(api.emu.request_count(Route::ListRooms), 0);
    assert_eq!(api.emu.request_count(Route::ListParticipants), 0);
}

#[tokio::test]
async fn only_405s_carry_allow() {
    let api = Api::demo().await;
    let path = "/v1/Rooms/DailyStandup/Participants";
    // Unauthenticated: the 401 comes first and names no methods.
    let reply = read(api.client.delete(api.url(path)).send().await.unwrap()).await;
    reply.assert_error(401, 20003);
    assert_eq!(reply.header("allow"), None);
    // A fault answers before routing, so it names no methods either.
    api.emu.faults().inject(Route::Any, Fault::Unavailable, 1);
    let faulted =
        api.client.delete(api.url(path)).basic_auth(api.emu.account_sid(), Some(api.emu.auth_token()));
    let reply = read(faulted.send().await.unwrap()).await;
    reply.assert_error(503, 20503);
    assert_eq!(reply.header("allow"), None);
    assert_eq!(api.get(path).await.header("allow"), None);
}

#[tokio::test]
async fn every_answer_but_a_fault_has_a_fresh_request_id() {
    let api = Api::demo().await;
    let mut ids = Vec::new();
    let unauthenticated = read(api.client.get(api.url("/v1/Rooms")).send().await.unwrap()).await;
    let wrong_method = read(
        api.client
            .put(api.url("/v1/Rooms"))
            .basic_auth(api.emu.account_sid(), Some(api.emu.auth_token()))
            .send()
            .await
            .unwrap(),
    )
    .await;
    let too_large = read(
        api.client
            .post(api.url("/v1/Rooms"))
            .basic_auth(api.emu.account_sid(), Some(api.emu.auth_token()))
            .body("x".repeat(65 * 1024))
            .send()
            .await
            .unwrap(),
    )
    .await;
    too_large.assert_error(413, 20001);
    for reply in
        [unauthenticated, wrong_method, too_large, api.get("/v1/Nothing").await, api.get("/v1/Rooms").await]
    {
        let id = reply.header("twilio-request-id").expect("a request id").to_owned();
        assert!(id.starts_with("RQ") && id.len() == 34, "{id}");
        ids.push(id);
    }
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), 5);

    api.emu.faults().inject(Route::ListRooms, Fault::InternalError, 1);
    assert_eq!(api.get("/v1/Rooms").await.header("twilio-request-id"), None);
}

#[tokio::test]
async fn the_body_cap_is_exactly_64_kib() {
    let api = Api::demo().await;
    let post = |body: String| {
        api.client
            .post(api.url("/v1/Rooms"))
            .basic_auth(api.emu.account_sid(), Some(api.emu.auth_token()))
            .body(body)
            .send()
    };
    let prefix = "UniqueName=Capped&Padding=";
    let fits = format!("{prefix}{}", "x".repeat(64 * 1024 - prefix.len()));
    assert_eq!(read(post(fits).await.unwrap()).await.status, 201);
    let over = format!("{prefix}{}", "x".repeat(64 * 1024 - prefix.len() + 1));
    read(post(over).await.unwrap()).await.assert_error(413, 20001);
}
