//! Paging over real HTTP: following next_page_url, limits, and refusing unsafe next pages.

use crate::common::*;
use futures::{StreamExt, TryStreamExt};
use sidekick::Error;
use sidekick::twilio::video::v1::{Participant, ParticipantFilter};
use wiremock::matchers::{method, path, query_param, query_param_is_missing};
use wiremock::{Mock, MockServer, ResponseTemplate};

const LIST: &str = "/v1/Rooms/DailyStandup/Participants";

/// Mounts a list of `pages` pages of two participants each, chained by next_page_url. Page n
/// answers requests carrying `PageToken=Tn` (the first page answers requests without one).
async fn mount_pages(server: &MockServer, pages: usize) {
    for n in 0..pages {
        let url = format!("{}{LIST}?PageSize=2&Page={n}&PageToken=T{n}", server.uri());
        let next = (n + 1 < pages)
            .then(|| format!("{}{LIST}?PageSize=2&Page={}&PageToken=T{}", server.uri(), n + 1, n + 1));
        let (a, b) = (format!("PA{}", 2 * n), format!("PA{}", 2 * n + 1));
        let body = participants_page(&[(&a, "x"), (&b, "y")], n as u64, &url, next.as_deref());
        let mock = Mock::given(method("GET")).and(path(LIST));
        let mock = if n == 0 {
            mock.and(query_param_is_missing("PageToken"))
        } else {
            mock.and(query_param("PageToken", format!("T{n}")))
        };
        mock.respond_with(ResponseTemplate::new(200).set_body_json(body)).mount(server).await;
    }
}

/// Mounts one page of `items` answering requests with `PageToken=token`, or any request when
/// `token` is `None` (mount those last: earlier mounts win).
async fn mount_page(
    server: &MockServer,
    token: Option<&str>,
    items: &[(&str, &str)],
    page: u64,
    url: &str,
    next: Option<&str>,
) {
    let mock = Mock::given(method("GET")).and(path(LIST));
    let mock = match token {
        Some(token) => mock.and(query_param("PageToken", token)),
        None => mock,
    };
    mock.respond_with(ResponseTemplate::new(200).set_body_json(participants_page(items, page, url, next)))
        .mount(server)
        .await;
}

fn list(server: &MockServer) -> sidekick::ListRequest<Participant> {
    Participant::list(&client_for(server), "DailyStandup", &ParticipantFilter::new())
}

fn sids(items: &[Participant]) -> Vec<String> {
    items.iter().map(|p| p.sid.clone().unwrap()).collect()
}

/// What the server received: path and query of each request (the host is the server's own).
async fn request_urls(server: &MockServer) -> Vec<String> {
    let requests = server.received_requests().await.unwrap();
    requests.iter().map(|r| format!("{}?{}", r.url.path(), r.url.query().unwrap_or_default())).collect()
}

#[tokio::test]
async fn streams_across_three_pages_following_next_page_url_verbatim() {
    let server = MockServer::start().await;
    mount_pages(&server, 3).await;

    let items: Vec<Participant> = list(&server).page_size(2).stream().try_collect().await.unwrap();

    assert_eq!(sids(&items), ["PA0", "PA1", "PA2", "PA3", "PA4", "PA5"]);
    assert_eq!(
        request_urls(&server).await,
        [
            format!("{LIST}?PageSize=2"),
            format!("{LIST}?PageSize=2&Page=1&PageToken=T1"),
            format!("{LIST}?PageSize=2&Page=2&PageToken=T2"),
        ]
    );
    for request in server.received_requests().await.unwrap() {
        assert_eq!(request.headers["authorization"], EXPECTED_AUTHORIZATION);
    }
}

#[tokio::test]
async fn pages_expose_items_and_meta() {
    let server = MockServer::start().await;
    mount_pages(&server, 3).await;
    let pages: Vec<_> = list(&server).page_size(2).pages().try_collect().await.unwrap();
    assert_eq!(pages.len(), 3);
    assert_eq!(pages[1].meta.page, Some(1));
    assert_eq!(pages[1].meta.key.as_deref(), Some("participants"));
    assert_eq!(pages[2].meta.next_page_url, None);
    assert_eq!(pages.iter().map(|p| p.items.len()).sum::<usize>(), 6);
}

#[tokio::test]
async fn limit_on_a_page_boundary_sends_no_extra_request() {
    let server = MockServer::start().await;
    mount_pages(&server, 3).await;
    let items = list(&server).page_size(2).limit(4).collect().await.unwrap();
    assert_eq!(sids(&items), ["PA0", "PA1", "PA2", "PA3"]);
    assert_eq!(request_urls(&server).await.len(), 2);
}

#[tokio::test]
async fn limit_inside_a_page_truncates_it() {
    let server = MockServer::start().await;
    mount_pages(&server, 3).await;
    let items = list(&server).page_size(2).limit(3).collect().await.unwrap();
    assert_eq!(sids(&items), ["PA0", "PA1", "PA2"]);
    assert_eq!(request_urls(&server).await.len(), 2);
}

#[tokio::test]
async fn limit_alone_sets_the_page_size() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(LIST))
        .respond_with(ResponseTemplate::new(200).set_body_json(seed_empty_list_body()))
        .mount(&server)
        .await;
    list(&server).limit(20).collect().await.unwrap();
    list(&server).limit(5000).collect().await.unwrap();
    list(&server).limit(7).page_size(3).collect().await.unwrap();
    let queries: Vec<String> =
        server.received_requests().await.unwrap().iter().map(|r| r.url.query().unwrap().to_owned()).collect();
    assert_eq!(queries, ["PageSize=20", "PageSize=1000", "PageSize=3"]);
}

#[tokio::test]
async fn a_zero_limit_sends_nothing() {
    let server = MockServer::start().await;
    assert!(list(&server).limit(0).collect().await.unwrap().is_empty());
    assert!(server.received_requests().await.unwrap().is_empty());
}

#[tokio::test]
async fn page_size_out_of_range_fails_before_sending() {
    let server = MockServer::start().await;
    for size in [0, 1001] {
        let err = list(&server).page_size(size).collect().await.unwrap_err();
        assert!(matches!(err, Error::InvalidInput(_)), "{err:?}");
        assert!(err.to_string().contains("outside 1..=1000"), "{err}");
    }
    assert!(server.received_requests().await.unwrap().is_empty());
}

#[tokio::test]
async fn streams_are_lazy_send_and_unpin() {
    fn assert_send_unpin<T: Send + Unpin>(_: &T) {}
    let server = MockServer::start().await;
    mount_pages(&server, 2).await;
    let mut stream = list(&server).page_size(2).stream();
    assert_send_unpin(&stream);
    tokio::task::yield_now().await;
    assert!(server.received_requests().await.unwrap().is_empty(), "nothing is sent before polling");
    assert_eq!(stream.next().await.unwrap().unwrap().sid.as_deref(), Some("PA0"));
    assert_eq!(request_urls(&server).await.len(), 1);

    let spawned = tokio::spawn(list(&server).page_size(2).collect());
    assert_eq!(spawned.await.unwrap().unwrap().len(), 4);
}

#[tokio::test]
async fn a_repeated_next_page_url_ends_the_stream_with_an_error() {
    let server = MockServer::start().await;
    let first = format!("{}{LIST}?PageSize=2", server.uri());
    let second = format!("{}{LIST}?PageSize=2&Page=1&PageToken=T1", server.uri());
    mount_page(&server, Some("T1"), &[("PA2", "c")], 1, &second, Some(&first)).await;
    mount_page(&server, None, &[("PA1", "a")], 0, &first, Some(&second)).await;

    let results: Vec<_> = list(&server).page_size(2).stream().collect().await;
    assert_eq!(results.len(), 3);
    assert_eq!(results[0].as_ref().unwrap().sid.as_deref(), Some("PA1"));
    assert_eq!(results[1].as_ref().unwrap().sid.as_deref(), Some("PA2"));
    let err = results[2].as_ref().unwrap_err();
    assert!(matches!(err, Error::Paging(_)), "{err:?}");
    assert!(err.to_string().contains("already fetched"), "{err}");
    assert_eq!(request_urls(&server).await.len(), 2);
}

#[tokio::test]
async fn a_foreign_next_page_url_is_refused_and_never_sent_credentials() {
    let server = MockServer::start().await;
    let elsewhere = MockServer::start().await;
    Mock::given(method("GET")).respond_with(ResponseTemplate::new(200)).mount(&elsewhere).await;
    let first = format!("{}{LIST}?PageSize=2", server.uri());
    let foreign = format!("{}{LIST}?PageSize=2&Page=1&PageToken=T1", elsewhere.uri());
    mount_page(&server, None, &[("PA1", "a")], 0, &first, Some(&foreign)).await;

    let err = list(&server).page_size(2).collect().await.unwrap_err();
    assert!(matches!(err, Error::Paging(_)), "{err:?}");
    assert!(err.to_string().contains("another origin"), "{err}");
    assert!(elsewhere.received_requests().await.unwrap().is_empty());
    assert_eq!(request_urls(&server).await.len(), 1);
}

#[tokio::test]
async fn next_page_urls_on_the_declared_host_follow_the_override() {
    // Twilio answers with its canonical host; requests must keep going where the client routes them.
    let server = MockServer::start().await;
    let canonical = |q: &str| format!("https://video.twilio.com{LIST}?{q}");
    mount_page(&server, Some("T1"), &[("PA2", "b")], 1, &canonical("Page=1&PageToken=T1"), None).await;
    mount_page(
        &server,
        None,
        &[("PA1", "a")],
        0,
        &canonical("PageSize=1"),
        Some(&canonical("Page=1&PageToken=T1")),
    )
    .await;

    let items = list(&server).collect().await.unwrap();
    assert_eq!(sids(&items), ["PA1", "PA2"]);
    assert_eq!(request_urls(&server).await, [format!("{LIST}?"), format!("{LIST}?Page=1&PageToken=T1")]);
}

#[tokio::test]
async fn a_wrong_typed_item_names_its_json_path() {
    let server = MockServer::start().await;
    let mut body = participants_page(&[("PA1", "a"), ("PA2", "b")], 0, "u", None);
    body["participants"][1]["duration"] = serde_json::json!("long");
    Mock::given(method("GET"))
        .and(path(LIST))
        .respond_with(ResponseTemplate::new(200).set_body_json(body))
        .mount(&server)
        .await;
    let err = list(&server).collect().await.unwrap_err();
    let Error::Decode { status, path, .. } = &err else { panic!("{err:?}") };
    assert_eq!(status.as_u16(), 200);
    assert_eq!(path, "participants[1].duration");
}

#[tokio::test]
async fn filters_cannot_set_paging_parameters() {
    #[derive(serde::Serialize, sidekick::Params)]
    struct SneakyFilter {
        #[serde(rename = "PageSize")]
        page_size: u32,
    }
    let server = MockServer::start().await;
    let client = client_for(&server);
    let list = sidekick::list::<Participant, _, sidekick::MetaPaging>(
        &client,
        &["DailyStandup"],
        &SneakyFilter { page_size: 5 },
    );
    let err = list.collect().await.unwrap_err();
    assert!(matches!(err, Error::InvalidInput(_)), "{err:?}");
    assert!(err.to_string().contains("sets `PageSize`"), "{err}");
    assert!(server.received_requests().await.unwrap().is_empty());
}

/// A v2010-style list: relative `next_page_uri`s, followed through an override whose base has
/// a path prefix (the API behind a proxy), which the relative URI must not lose.
#[derive(Debug, serde::Deserialize, sidekick::Resource)]
#[resource(
    base_url = "https://api.twilio.com",
    path = "/2010-04-01/Accounts/<account_sid>/Calls/<sid>.json",
    account = "account_sid",
    list(paging = "next_page_uri")
)]
struct Call {
    sid: String,
}

#[tokio::test]
async fn relative_next_page_uris_keep_an_overrides_path_prefix() {
    let server = MockServer::start().await;
    let calls = format!("/2010-04-01/Accounts/{ACCOUNT_SID}/Calls.json");
    let page = |sids: &[&str], next: Option<String>| {
        let items: Vec<_> = sids.iter().map(|sid| serde_json::json!({ "sid": sid })).collect();
        serde_json::json!({ "calls": items, "next_page_uri": next, "page_size": 2, "uri": "/x" })
    };
    Mock::given(method("GET"))
        .and(path(format!("/proxy{calls}")))
        .and(query_param_is_missing("Page"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(page(&["CA1", "CA2"], Some(format!("{calls}?Page=1&PageSize=2")))),
        )
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(format!("/proxy{calls}")))
        .and(query_param("Page", "1"))
        .respond_with(ResponseTemplate::new(200).set_body_json(page(&["CA3"], None)))
        .expect(1)
        .mount(&server)
        .await;
    let client = sidekick::Client::builder()
        .auth_token(ACCOUNT_SID, AUTH_TOKEN)
        .base_url_override("https://api.twilio.com", format!("{}/proxy", server.uri()))
        .retry_policy(sidekick::RetryPolicy::none())
        .build()
        .unwrap();
    let sids: Vec<String> =
        Call::list(&client).page_size(2).collect().await.unwrap().into_iter().map(|c| c.sid).collect();
    assert_eq!(sids, ["CA1", "CA2", "CA3"]);
}

/// Empty pages that each point to a new next page would otherwise be requested forever.
struct EndlessEmptyPages;

impl wiremock::Respond for EndlessEmptyPages {
    fn respond(&self, request: &wiremock::Request) -> ResponseTemplate {
        let page: u64 = request
            .url
            .query_pairs()
            .find(|(k, _)| k == "Page")
            .and_then(|(_, v)| v.parse().ok())
            .unwrap_or(0);
        let next = format!("{LIST}?Page={}&PageToken=T{}", page + 1, page + 1);
        ResponseTemplate::new(200).set_body_json(participants_page(&[], page, LIST, Some(&next)))
    }
}

#[tokio::test]
async fn empty_pages_pointing_to_ever_new_pages_stop_the_list() {
    let server = MockServer::start().await;
    Mock::given(method("GET")).and(path(LIST)).respond_with(EndlessEmptyPages).mount(&server).await;
    let err = list(&server).limit(10).collect().await.unwrap_err();
    assert!(matches!(err, Error::Paging(_)), "{err:?}");
    assert!(err.to_string().contains("3 empty pages"), "{err}");
    assert_eq!(server.received_requests().await.unwrap().len(), 3);
}

/// A resource whose base has a path prefix, for next pages on its origin but outside it.
#[derive(Debug, serde::Deserialize, sidekick::Resource)]
#[resource(base_url = "https://api.example.com/api", path = "/Things/<sid>", list)]
struct Thing {}

#[tokio::test]
async fn a_next_page_outside_an_overridden_base_path_says_so_and_is_not_sent() {
    let server = MockServer::start().await;
    let body = serde_json::json!({
        "things": [{}],
        "meta": { "next_page_url": "https://api.example.com/elsewhere/Things?Page=1" }
    });
    Mock::given(method("GET"))
        .and(path("/proxy/Things"))
        .respond_with(ResponseTemplate::new(200).set_body_json(body))
        .expect(1)
        .mount(&server)
        .await;
    let client = sidekick::Client::builder()
        .auth_token(ACCOUNT_SID, AUTH_TOKEN)
        .base_url_override("https://api.example.com/api", format!("{}/proxy", server.uri()))
        .retry_policy(sidekick::RetryPolicy::none())
        .build()
        .unwrap();
    let err = Thing::list(&client).collect().await.unwrap_err();
    assert!(err.to_string().contains("outside `https://api.example.com/api`"), "{err}");
    assert_eq!(server.received_requests().await.unwrap().len(), 1);
}
