//! Numbers v1 port-in requests: token paging (`Size`, then `meta.next_token` sent back as
//! `Token`) and limits.

use chrono::NaiveDate;
use downstream::numbers::{BASE_URL, PortInRequestFilter, PortInRequestSummary};
use serde_json::{Value, json};
use wiremock::matchers::{method, path, query_param, query_param_is_missing};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::support::*;

const LIST: &str = "/v1/Porting/PortIn/PortInRequests";

/// A page of copies of the spec's example item with these SIDs.
fn page(sids: &[&str], next: Option<&str>, previous: Option<&str>) -> Value {
    let example = fixture("port_in_requests_full.json");
    let items: Vec<Value> = sids
        .iter()
        .map(|sid| {
            let mut item = example["port_in_requests"][0].clone();
            item["port_in_request_sid"] = json!(sid);
            item
        })
        .collect();
    json!({"port_in_requests": items, "meta": {"next_token": next, "previous_token": previous}})
}

/// Mounts the pages: the first answers requests without `Token`, page n those with `Token=Tn`.
async fn mount(server: &MockServer, pages: &[Value]) {
    for (n, body) in pages.iter().enumerate() {
        let mock = Mock::given(method("GET")).and(path(LIST));
        let mock = match n {
            0 => mock.and(query_param_is_missing("Token")),
            n => mock.and(query_param("Token", format!("T{}", n + 1))),
        };
        mock.respond_with(ResponseTemplate::new(200).set_body_json(body)).mount(server).await;
    }
}

#[tokio::test]
async fn list_follows_next_token_across_three_pages() {
    let server = MockServer::start().await;
    mount(
        &server,
        &[
            page(&["KW01", "KW02"], Some("T2"), None),
            page(&["KW03", "KW04"], Some("T3"), Some("T1")),
            page(&["KW05"], None, Some("T2")),
        ],
    )
    .await;
    let client = twilio_client(&server, BASE_URL);

    let filter = PortInRequestFilter {
        port_in_request_status: Some("Completed".into()),
        created_after: NaiveDate::from_ymd_opt(2025, 1, 5),
        ..PortInRequestFilter::default()
    };
    let requests_seen = PortInRequestSummary::list(&client, &filter).page_size(2).collect().await.unwrap();

    let sids: Vec<&str> = requests_seen.iter().map(|r| r.port_in_request_sid.as_str()).collect();
    assert_eq!(sids, ["KW01", "KW02", "KW03", "KW04", "KW05"]);
    let requests = received(&server).await;
    assert_eq!(requests.len(), 3);
    let filters = [("PortInRequestStatus", "Completed"), ("CreatedAfter", "2025-01-05"), ("Size", "2")];
    Sent(&requests[0]).method("GET").path(LIST).query(&filters).twilio_auth().no_body();
    for (request, token) in requests[1..].iter().zip(["T2", "T3"]) {
        let mut expected = filters.to_vec();
        expected.push(("Token", token));
        Sent(request).method("GET").path(LIST).query(&expected).twilio_auth().no_body();
    }

    let first = &requests_seen[0];
    assert_eq!(first.port_in_request_status.as_deref(), Some("Completed"));
    assert_eq!(first.status_last_updated_timestamp, NaiveDate::from_ymd_opt(2025, 4, 30));
    assert_eq!((first.phone_numbers_requested, first.phone_numbers_ported), (Some(1), Some(0)));
    assert_eq!(first.suggested_action, None);
}

#[tokio::test]
async fn a_limit_stops_without_fetching_another_page() {
    let server = MockServer::start().await;
    mount(
        &server,
        &[page(&["KW01", "KW02"], Some("T2"), None), page(&["KW03", "KW04"], Some("T3"), Some("T1"))],
    )
    .await;
    let client = twilio_client(&server, BASE_URL);
    let none = PortInRequestFilter::default();

    // A limit alone sets the page size; the page that reaches it is the last one fetched.
    let two = PortInRequestSummary::list(&client, &none).limit(2).collect().await.unwrap();
    assert_eq!(two.len(), 2);
    let requests = received(&server).await;
    assert_eq!(requests.len(), 1);
    Sent(&requests[0]).query(&[("Size", "2")]);

    // A limit inside the second page cuts it short; the third page is never asked for.
    let three = PortInRequestSummary::list(&client, &none).page_size(2).limit(3).collect().await.unwrap();
    let sids: Vec<&str> = three.iter().map(|r| r.port_in_request_sid.as_str()).collect();
    assert_eq!(sids, ["KW01", "KW02", "KW03"]);
    let requests = received(&server).await;
    assert_eq!(requests.len(), 3, "1 for the first list, 2 for the second");
    Sent(&requests[1]).query(&[("Size", "2")]);
    Sent(&requests[2]).query(&[("Size", "2"), ("Token", "T2")]);
}

#[tokio::test]
async fn page_sizes_stay_within_the_apis_maximum_of_100() {
    let server = MockServer::start().await;
    mount(&server, &[page(&["KW01"], None, None)]).await;
    let client = twilio_client(&server, BASE_URL);
    let none = PortInRequestFilter::default();

    let too_big = PortInRequestSummary::list(&client, &none).page_size(101).collect().await;
    assert!(matches!(too_big, Err(sidekick::Error::InvalidInput(_))), "{too_big:?}");
    assert_eq!(received(&server).await.len(), 0, "refused before sending");

    PortInRequestSummary::list(&client, &none).limit(150).collect().await.unwrap();
    Sent(&only_request(&server).await).query(&[("Size", "100")]);
}
