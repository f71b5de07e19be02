//! HTTP details: unknown routes, wrong methods, trailing slashes, what real clients send.

use crate::support::{Api, read};

#[tokio::test]
async fn unknown_routes_are_twilio_404s() {
    let api = Api::demo().await;
    for path in
        ["/", "/v1", "/v2/Rooms", "/v1/rooms", "/v1/Rooms/DailyStandup/Recordings", "/v1/Rooms//Participants"]
    {
        let reply = api.get(path).await;
        reply.assert_error(404, 20404);
        assert!(reply.message().contains("was not found"), "{path}");
    }
}

#[tokio::test]
async fn wrong_methods_are_twilio_405s() {
    let api = Api::demo().await;
    let cases = [
        (reqwest::Method::DELETE, "/v1/Rooms/DailyStandup/Participants/Alice", "GET, POST"),
        (reqwest::Method::PUT, "/v1/Rooms", "GET, POST"),
        (reqwest::Method::POST, "/v1/Rooms/DailyStandup/Participants", "GET"),
        (reqwest::Method::PATCH, "/v1/Rooms/DailyStandup", "GET, POST"),
    ];
    for (method, path, allow) in cases {
        let request = api
            .client
            .request(method.clone(), api.url(path))
            .basic_auth(api.emu.account_sid(), Some(api.emu.auth_token()));
        let reply = read(request.send().await.unwrap()).await;
        reply.assert_error(405, 20004);
        assert_eq!(reply.header("allow"), Some(allow), "{method} {path}");
    }
}

#[tokio::test]
async fn trailing_slashes_are_accepted() {
    let api = Api::demo().await;
    assert_eq!(api.get("/v1/Rooms/DailyStandup/Participants/Alice/").await.json["identity"], "Alice");
    let list = api.get("/v1/Rooms/DailyStandup/Participants/").await;
    assert_eq!(list.json["participants"].as_array().unwrap().len(), 7);
    assert_eq!(api.get("/v1/Rooms/DailyStandup/").await.status, 200);
    assert_eq!(api.get("/v1/Rooms/").await.status, 200);
    assert_eq!(api.post("/v1/Rooms/", &[("UniqueName", "Slash")]).await.status, 201);
    let kick = api.post("/v1/Rooms/DailyStandup/Participants/Bob/", &[("Status", "disconnected")]).await;
    assert_eq!(kick.status, 202);
}

#[tokio::test]
async fn gets_with_form_content_type_and_extra_headers_work() {
    let api = Api::demo().await;
    let request = api
        .client
        .get(api.url("/v1/Rooms/DailyStandup/Participants"))
        .query(&[("Status", "connected"), ("PageSize", "2")])
        .basic_auth(api.emu.account_sid(), Some(api.emu.auth_token()))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Accept", "application/json")
        .header("Accept-Charset", "utf-8")
        .header("User-Agent", "twilio-python/9.0 (Linux x86_64) Python/3.12")
        .header("X-Twilio-Client", "python-9.0")
        .header("X-Custom", "anything");
    let reply = read(request.send().await.unwrap()).await;
    assert_eq!(reply.status, 200, "{}", reply.text);
    assert_eq!(reply.json["participants"].as_array().unwrap().len(), 2);
    let id = reply.header("twilio-request-id").unwrap();
    assert!(id.starts_with("RQ") && id.len() == 34, "{id}");
}

#[tokio::test]
async fn post_bodies_are_read_whatever_the_content_type_says() {
    let api = Api::demo().await;
    let request = api
        .client
        .post(api.url("/v1/Rooms/DailyStandup/Participants/Alice"))
        .basic_auth(api.emu.account_sid(), Some(api.emu.auth_token()))
        .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
        .body("Status=disconnected");
    let reply = read(request.send().await.unwrap()).await;
    assert_eq!(reply.status, 202, "{}", reply.text);
}

#[tokio::test]
async fn oversized_bodies_are_refused() {
    let api = Api::demo().await;
    let huge = format!("Status=disconnected&Padding={}", "x".repeat(100 * 1024));
    let request = api
        .client
        .post(api.url("/v1/Rooms/DailyStandup/Participants/Alice"))
        .basic_auth(api.emu.account_sid(), Some(api.emu.auth_token()))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .body(huge);
    read(request.send().await.unwrap()).await.assert_error(413, 20001);
}
