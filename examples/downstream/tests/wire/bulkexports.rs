//! Bulk Exports: a day's file is a redirect returned as the result, never followed; a fetch
//! not declared as a redirect reports one as an error.

use chrono::NaiveDate;
use downstream::bulkexports::{BASE_URL, Export, ExportDay};
use sidekick::{Error, StatusCode};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::support::*;

const ELSEWHERE: &str = "https://elsewhere.example/file";

fn redirect() -> ResponseTemplate {
    ResponseTemplate::new(307)
        .insert_header("Location", ELSEWHERE)
        .set_body_json(fixture("export_day_redirect.json"))
}

#[tokio::test]
async fn a_day_is_a_redirect_returned_not_followed() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/v1/Exports/Messages/Days/2019-05-24"))
        .respond_with(redirect())
        .expect(1)
        .mount(&server)
        .await;
    let client = twilio_client(&server, BASE_URL);

    let day = ExportDay::fetch(&client, "Messages", "2019-05-24").await;

    let day = day.unwrap();
    assert_eq!(
        day,
        sidekick::Redirect { status: StatusCode::TEMPORARY_REDIRECT, location: ELSEWHERE.into() }
    );
    Sent(&only_request(&server).await)
        .method("GET")
        .path("/v1/Exports/Messages/Days/2019-05-24")
        .no_query()
        .twilio_auth()
        .no_body();
}

#[tokio::test]
async fn a_fetch_not_declared_redirect_reports_the_redirect_as_an_error() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/v1/Exports/Messages"))
        .respond_with(redirect())
        .expect(1)
        .mount(&server)
        .await;
    let client = twilio_client(&server, BASE_URL);

    let err = Export::fetch(&client, "Messages").await.unwrap_err();

    match &err {
        Error::Redirect { status, location } => {
            assert_eq!(*status, StatusCode::TEMPORARY_REDIRECT);
            assert_eq!(location.as_deref(), Some(ELSEWHERE));
        }
        other => panic!("expected Error::Redirect, got {other:?}"),
    }
    Sent(&only_request(&server).await).method("GET").path("/v1/Exports/Messages").no_query().twilio_auth();
}

#[tokio::test]
async fn export_and_days_decode_the_spec_examples() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/v1/Exports/Messages"))
        .respond_with(ResponseTemplate::new(200).set_body_json(fixture("export_fetch.json")))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/v1/Exports/Messages/Days"))
        .respond_with(ResponseTemplate::new(200).set_body_json(fixture("export_days_full.json")))
        .expect(1)
        .mount(&server)
        .await;
    let client = twilio_client(&server, BASE_URL);

    let export = Export::fetch(&client, "Messages").await.unwrap();
    let days = ExportDay::list(&client, "Messages").collect().await.unwrap();

    assert_eq!(
        export.links.unwrap().get("days"),
        Some("https://bulkexports.twilio.com/v1/Exports/Messages/Days")
    );
    assert_eq!(days.len(), 1);
    assert_eq!(days[0].day, NaiveDate::from_ymd_opt(2017, 4, 1));
    assert_eq!(days[0].size, Some(100));
    let requests = received(&server).await;
    Sent(&requests[1]).method("GET").path("/v1/Exports/Messages/Days").no_query().twilio_auth().no_body();
}
