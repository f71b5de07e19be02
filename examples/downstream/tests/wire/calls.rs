//! v2010 Calls: create with TwiML or a URL, list under the `calls` key, fetch.

use chrono::{TimeZone, Utc};
use downstream::api_v2010::{API, Call, CallFilter, CallStatus, CreateCall};
use wiremock::matchers::{method, path, query_param, query_param_is_missing};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::support::*;

const LIST: &str = "/2010-04-01/Accounts/ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Calls.json";

#[tokio::test]
async fn create_sends_twiml_or_url_and_nothing_unset() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path(LIST))
        .respond_with(ResponseTemplate::new(201).set_body_json(fixture("call_create.json")))
        .expect(2)
        .mount(&server)
        .await;
    let client = twilio_client(&server, API);

    let twiml = "<Response><Say>Ahoy there!</Say></Response>";
    let call =
        Call::create(&client, &CreateCall::with_twiml("+14155551212", "+14155559876", twiml)).await.unwrap();
    let by_url = CreateCall {
        status_callback: Some("https://example.com/events".into()),
        status_callback_event: vec!["initiated".into(), "completed".into()],
        record: Some(false),
        ..CreateCall::with_url("client:alice", "+14155559876", "https://example.com/twiml")
    };
    Call::create(&client, &by_url).await.unwrap();

    let requests = received(&server).await;
    assert_eq!(requests.len(), 2);
    Sent(&requests[0]).method("POST").path(LIST).no_query().twilio_auth().form(&[
        ("To", "+14155551212"),
        ("From", "+14155559876"),
        ("Twiml", twiml),
    ]);
    Sent(&requests[1]).method("POST").path(LIST).no_query().twilio_auth().form(&[
        ("To", "client:alice"),
        ("From", "+14155559876"),
        ("Url", "https://example.com/twiml"),
        ("StatusCallback", "https://example.com/events"),
        ("StatusCallbackEvent", "initiated"),
        ("StatusCallbackEvent", "completed"),
        ("Record", "false"),
    ]);
    let body = String::from_utf8(requests[0].body.clone()).unwrap();
    assert!(
        body.contains("Twiml=%3CResponse%3E%3CSay%3EAhoy+there%21%3C%2FSay%3E%3C%2FResponse%3E"),
        "{body}"
    );

    assert_eq!(call.sid, "CAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
    assert_eq!(call.status, Some(CallStatus::Completed));
    assert_eq!(call.price.as_ref().map(|p| p.as_str()), Some("-0.03000"));
    assert_eq!(call.duration.as_deref(), Some("15"));
    assert_eq!(call.start_time, Some(Utc.with_ymd_and_hms(2010, 8, 31, 20, 36, 29).unwrap()));
    assert_eq!((call.answered_by, call.parent_call_sid), (None, None));
}

#[tokio::test]
async fn list_reads_the_calls_key_and_follows_the_next_page_uri() {
    let server = MockServer::start().await;
    let page1 = fixture("call_list_page1.json");
    let next = page1["next_page_uri"].as_str().unwrap().to_owned();
    let mut page2 = page1.clone();
    page2["calls"] = serde_json::json!([]);
    page2["next_page_uri"] = serde_json::Value::Null;
    Mock::given(method("GET"))
        .and(path(LIST))
        .and(query_param("PageToken", "PACAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa0"))
        .respond_with(ResponseTemplate::new(200).set_body_json(page2))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(LIST))
        .and(query_param_is_missing("PageToken"))
        .respond_with(ResponseTemplate::new(200).set_body_json(&page1))
        .expect(1)
        .mount(&server)
        .await;
    let client = twilio_client(&server, API);

    let filter = CallFilter { status: Some(CallStatus::Completed), ..CallFilter::default() };
    let calls = Call::list(&client, &filter).page_size(2).collect().await.unwrap();

    let requests = received(&server).await;
    assert_eq!(requests.len(), 2);
    Sent(&requests[0])
        .method("GET")
        .path(LIST)
        .query(&[("Status", "completed"), ("PageSize", "2")])
        .twilio_auth()
        .no_body();
    assert_eq!(format!("{}?{}", requests[1].url.path(), requests[1].url.query().unwrap()), next);
    Sent(&requests[1]).twilio_auth().no_body();

    let sids: Vec<&str> = calls.iter().map(|c| c.sid.as_str()).collect();
    assert_eq!(sids, ["CAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "CAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa0"]);
    assert_eq!(calls[0].answered_by.as_deref(), Some("machine_start"));
    assert_eq!(calls[1].price_unit.as_deref(), Some("JPY"));
    assert_eq!(calls[1].end_time, Some(Utc.with_ymd_and_hms(2019, 10, 18, 16, 3, 0).unwrap()));
}

#[tokio::test]
async fn fetch_decodes_the_spec_example() {
    let server = MockServer::start().await;
    let instance = "/2010-04-01/Accounts/ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Calls/CAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.json";
    Mock::given(method("GET"))
        .and(path(instance))
        .respond_with(ResponseTemplate::new(200).set_body_json(fixture("call_fetch.json")))
        .expect(1)
        .mount(&server)
        .await;
    let client = twilio_client(&server, API);

    let call = Call::fetch(&client, "CAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa").await.unwrap();

    Sent(&only_request(&server).await).method("GET").path(instance).no_query().twilio_auth().no_body();
    assert_eq!(call.from_formatted.as_deref(), Some("(305) 141-6799"));
    assert_eq!(call.queue_time.as_deref(), Some("1000"));
    assert_eq!(call.date_created, Some(Utc.with_ymd_and_hms(2019, 10, 18, 17, 0, 0).unwrap()));
    assert_eq!(call.subresource_uris.map(|u| u.len()), Some(9));
}
