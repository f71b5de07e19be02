//! v2010 Messages: create, fetch, list across pages with date filters, redact, delete, and
//! subaccounts.

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use downstream::api_v2010::{
    API, CreateMessage, Message, MessageDirection, MessageFilter, MessageStatus, ScheduleType,
};
use serde_json::{Value, json};
use wiremock::matchers::{method, path, query_param, query_param_is_missing};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::support::*;

const LIST: &str = "/2010-04-01/Accounts/ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Messages.json";
const SUBACCOUNT: &str = "ACbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";

fn utc(y: i32, mo: u32, d: u32, h: u32, mi: u32, s: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, mo, d, h, mi, s).unwrap()
}

/// A v2010 page of `messages` (copies of the spec's example items with these SIDs), with
/// `next` as its relative `next_page_uri`.
fn message_page(list: &str, sids: &[&str], page: u64, next: Option<&str>) -> Value {
    let example = fixture("message_list_page1.json");
    let items: Vec<Value> = sids
        .iter()
        .enumerate()
        .map(|(i, sid)| {
            let mut item = example["messages"][i % 2].clone();
            item["sid"] = json!(sid);
            item
        })
        .collect();
    json!({
        "messages": items,
        "page": page,
        "page_size": 2,
        "start": page * 2,
        "end": page * 2 + sids.len() as u64 - 1,
        "uri": format!("{list}?PageSize=2&Page={page}"),
        "first_page_uri": format!("{list}?PageSize=2&Page=0"),
        "previous_page_uri": null,
        "next_page_uri": next,
    })
}

#[tokio::test]
async fn create_sends_only_the_given_form_fields() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path(LIST))
        .respond_with(ResponseTemplate::new(201).set_body_json(fixture("message_create.json")))
        .expect(1)
        .mount(&server)
        .await;
    let client = twilio_client(&server, API);

    let params = CreateMessage {
        status_callback: Some("https://example.com/status?x=1".into()),
        ..CreateMessage::sms("+15558675310", "+15017122661", "Hello! 👍")
    };
    let sent = Message::create(&client, &params).await.unwrap();

    let request = only_request(&server).await;
    Sent(&request).method("POST").path(LIST).no_query().twilio_auth().form(&[
        ("To", "+15558675310"),
        ("From", "+15017122661"),
        ("Body", "Hello! 👍"),
        ("StatusCallback", "https://example.com/status?x=1"),
    ]);
    let body = String::from_utf8(request.body.clone()).unwrap();
    assert!(body.contains("To=%2B15558675310"), "{body}");
    assert!(body.contains("Body=Hello%21+%F0%9F%91%8D"), "{body}");
    assert!(body.contains("StatusCallback=https%3A%2F%2Fexample.com%2Fstatus%3Fx%3D1"), "{body}");

    assert_eq!(sent.sid, "SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
    assert_eq!(sent.status, Some(MessageStatus::Queued));
    assert_eq!(sent.direction, Some(MessageDirection::OutboundApi));
    assert_eq!(sent.body.as_deref(), Some("Hello! 👍"));
    assert_eq!(sent.date_created, Some(utc(2023, 8, 24, 5, 1, 45)));
    assert_eq!((sent.price, sent.price_unit, sent.error_code), (None, None, None));
    assert_eq!(sent.messaging_service_sid.as_deref(), Some("MGaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"));
}

#[tokio::test]
async fn scheduled_mms_repeats_media_url_and_sends_send_at_in_utc() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path(LIST))
        .respond_with(ResponseTemplate::new(201).set_body_json(fixture("message_create_scheduled_mms.json")))
        .expect(1)
        .mount(&server)
        .await;
    let client = twilio_client(&server, API);

    let send_at = DateTime::parse_from_rfc3339("2021-11-30T21:36:27+01:00").unwrap();
    let params = CreateMessage {
        to: "+15558675310".into(),
        messaging_service_sid: Some("MGaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa".into()),
        media_url: vec!["https://example.com/a.png".into(), "https://example.com/b.png".into()],
        schedule_type: Some(ScheduleType::Fixed),
        send_at: Some(send_at.with_timezone(&Utc)),
        ..CreateMessage::default()
    };
    let scheduled = Message::create(&client, &params).await.unwrap();

    Sent(&only_request(&server).await).method("POST").path(LIST).no_query().twilio_auth().form(&[
        ("To", "+15558675310"),
        ("MessagingServiceSid", "MGaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
        ("MediaUrl", "https://example.com/a.png"),
        ("MediaUrl", "https://example.com/b.png"),
        ("ScheduleType", "fixed"),
        ("SendAt", "2021-11-30T20:36:27Z"),
    ]);
    assert_eq!(scheduled.sid, "MMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
    assert_eq!(scheduled.status, Some(MessageStatus::Accepted));
    assert_eq!((scheduled.from, scheduled.date_sent), (None, None));
    assert_eq!(scheduled.num_media.as_deref(), Some("1"));
}

#[tokio::test]
async fn fetch_decodes_rfc2822_dates_and_string_prices() {
    let server = MockServer::start().await;
    let instance = "/2010-04-01/Accounts/ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Messages/SMb7c0a2ce80504485a6f653a7110836f5.json";
    Mock::given(method("GET"))
        .and(path(instance))
        .respond_with(ResponseTemplate::new(200).set_body_json(fixture("message_fetch.json")))
        .expect(1)
        .mount(&server)
        .await;
    let client = twilio_client(&server, API);

    let message = Message::fetch(&client, "SMb7c0a2ce80504485a6f653a7110836f5").await.unwrap();

    Sent(&only_request(&server).await).method("GET").path(instance).no_query().twilio_auth().no_body();
    assert_eq!(message.price.as_ref().map(|p| p.as_str()), Some("-0.00750"));
    assert_eq!(message.price_unit.as_deref(), Some("USD"));
    assert_eq!(message.error_code, Some(30007));
    assert_eq!(message.error_message.as_deref(), Some("Carrier violation"));
    assert_eq!(message.date_created, Some(utc(2019, 5, 24, 17, 18, 27)));
    assert_eq!(message.date_sent, Some(utc(2019, 5, 24, 17, 18, 28)));
    assert_eq!(message.status, Some(MessageStatus::Sent));
    let uris = message.subresource_uris.unwrap();
    assert_eq!(uris.keys().collect::<Vec<_>>(), ["feedback", "media"]);
}

#[tokio::test]
async fn list_follows_relative_next_page_uris_across_three_pages() {
    let server = MockServer::start().await;
    let filters = "To=%2B18182008801&DateSent%3E=2019-05-01&DateSent%3C=2019-05-31&PageSize=2";
    let next1 = format!("{LIST}?{filters}&Page=1&PageToken=PASM1");
    let next2 = format!("{LIST}?{filters}&Page=2&PageToken=PASM2");
    let pages = [
        (None, message_page(LIST, &["SM01", "SM02"], 0, Some(&next1))),
        (Some("PASM1"), message_page(LIST, &["SM03", "SM04"], 1, Some(&next2))),
        (Some("PASM2"), message_page(LIST, &["SM05"], 2, None)),
    ];
    for (token, body) in pages {
        let mock = Mock::given(method("GET")).and(path(LIST));
        let mock = match token {
            None => mock.and(query_param_is_missing("PageToken")),
            Some(token) => mock.and(query_param("PageToken", token)),
        };
        mock.respond_with(ResponseTemplate::new(200).set_body_json(body)).expect(1).mount(&server).await;
    }
    let client = twilio_client(&server, API);

    let filter = MessageFilter {
        to: Some("+18182008801".into()),
        sent_after: NaiveDate::from_ymd_opt(2019, 5, 1),
        sent_before: NaiveDate::from_ymd_opt(2019, 5, 31),
        ..MessageFilter::default()
    };
    let messages = Message::list(&client, &filter).page_size(2).collect().await.unwrap();

    let sids: Vec<&str> = messages.iter().map(|m| m.sid.as_str()).collect();
    assert_eq!(sids, ["SM01", "SM02", "SM03", "SM04", "SM05"]);
    let requests = received(&server).await;
    assert_eq!(requests.len(), 3);
    let filters =
        [("To", "+18182008801"), ("DateSent>", "2019-05-01"), ("DateSent<", "2019-05-31"), ("PageSize", "2")];
    Sent(&requests[0]).method("GET").path(LIST).query(&filters).twilio_auth().no_body();
    Sent(&requests[0]).raw_query_contains("DateSent%3E=2019-05-01").raw_query_contains("To=%2B18182008801");
    for (request, (page, token)) in requests[1..].iter().zip([("1", "PASM1"), ("2", "PASM2")]) {
        let mut expected = filters.to_vec();
        expected.extend([("Page", page), ("PageToken", token)]);
        Sent(request).method("GET").path(LIST).query(&expected).twilio_auth().no_body();
    }

    // The spec's own items decode: string prices, RFC 2822 dates, errors, directions.
    let (first, second) = (&messages[0], &messages[1]);
    assert_eq!(first.price.as_ref().map(|p| p.as_str()), Some("-0.00750"));
    assert_eq!(first.date_sent, Some(utc(2019, 5, 24, 17, 44, 50)));
    assert_eq!(first.direction, Some(MessageDirection::OutboundApi));
    assert_eq!(second.direction, Some(MessageDirection::Inbound));
    assert_eq!(second.status, Some(MessageStatus::Received));
    assert_eq!((second.error_code, second.num_media.as_deref()), (Some(30004), Some("3")));
}

#[tokio::test]
async fn redact_sends_an_empty_body_and_delete_accepts_204() {
    let server = MockServer::start().await;
    let instance = "/2010-04-01/Accounts/ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Messages/SMb7c0a2ce80504485a6f653a7110836f5.json";
    Mock::given(method("POST"))
        .and(path(instance))
        .respond_with(ResponseTemplate::new(200).set_body_json(fixture("message_redact.json")))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("DELETE"))
        .and(path(instance))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    let client = twilio_client(&server, API);

    let redacted = Message::redact(&client, "SMb7c0a2ce80504485a6f653a7110836f5").await.unwrap();
    Message::delete(&client, "SMb7c0a2ce80504485a6f653a7110836f5").await.unwrap();

    let requests = received(&server).await;
    assert_eq!(requests.len(), 2);
    Sent(&requests[0])
        .method("POST")
        .path(instance)
        .no_query()
        .twilio_auth()
        .form(&[("Body", "")])
        .raw_body("Body=");
    Sent(&requests[1]).method("DELETE").path(instance).no_query().twilio_auth().no_body();
    assert_eq!(redacted.body.as_deref(), Some(""));
    assert_eq!(redacted.price, None);
}

#[tokio::test]
async fn account_sid_on_a_call_and_a_list_addresses_the_subaccount() {
    let server = MockServer::start().await;
    let sub_list = format!("/2010-04-01/Accounts/{SUBACCOUNT}/Messages.json");
    let sub_instance =
        format!("/2010-04-01/Accounts/{SUBACCOUNT}/Messages/SMb7c0a2ce80504485a6f653a7110836f5.json");
    let next = format!("{sub_list}?PageSize=2&Page=1&PageToken=PASM2");
    Mock::given(method("GET"))
        .and(path(sub_instance.as_str()))
        .respond_with(ResponseTemplate::new(200).set_body_json(fixture("message_fetch.json")))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(sub_list.as_str()))
        .and(query_param("PageToken", "PASM2"))
        .respond_with(ResponseTemplate::new(200).set_body_json(message_page(&sub_list, &["SM03"], 1, None)))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(sub_list.as_str()))
        .and(query_param_is_missing("PageToken"))
        .respond_with(ResponseTemplate::new(200).set_body_json(message_page(
            &sub_list,
            &["SM01", "SM02"],
            0,
            Some(&next),
        )))
        .expect(1)
        .mount(&server)
        .await;
    let client = twilio_client(&server, API);

    let fetched =
        Message::fetch(&client, "SMb7c0a2ce80504485a6f653a7110836f5").account_sid(SUBACCOUNT).await.unwrap();
    let listed = Message::list(&client, &MessageFilter::default())
        .account_sid(SUBACCOUNT)
        .page_size(2)
        .collect()
        .await
        .unwrap();

    assert_eq!(fetched.sid, "SMb7c0a2ce80504485a6f653a7110836f5");
    assert_eq!(listed.len(), 3);
    let requests = received(&server).await;
    assert_eq!(requests.len(), 3);
    // The subaccount is in the path; the credentials stay the main account's.
    Sent(&requests[0]).method("GET").path(&sub_instance).no_query().twilio_auth().no_body();
    Sent(&requests[1]).method("GET").path(&sub_list).query(&[("PageSize", "2")]).twilio_auth();
    Sent(&requests[2])
        .method("GET")
        .path(&sub_list)
        .query(&[("PageSize", "2"), ("Page", "1"), ("PageToken", "PASM2")])
        .twilio_auth();
}
