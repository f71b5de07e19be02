//! Lookups v2: the phone number is a path parameter (its `+` percent-encoded) and `Fields`
//! goes to the query of the GET.

use downstream::lookups::{BASE_URL, LookupField, LookupParams, PhoneNumberLookup};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::support::*;

#[tokio::test]
async fn fetch_encodes_the_plus_and_sends_fields_in_the_query() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/v2/PhoneNumbers/%2B14159929960"))
        .respond_with(ResponseTemplate::new(200).set_body_json(fixture("lookup_line_type.json")))
        .expect(2)
        .mount(&server)
        .await;
    let client = twilio_client(&server, BASE_URL);

    let params = LookupParams {
        fields: vec![LookupField::LineTypeIntelligence, LookupField::CallerName],
        country_code: None,
    };
    let lookup = PhoneNumberLookup::fetch(&client, "+14159929960", &params).await.unwrap();
    PhoneNumberLookup::fetch(&client, "+14159929960", &LookupParams::default()).await.unwrap();

    let requests = received(&server).await;
    assert_eq!(requests.len(), 2);
    Sent(&requests[0])
        .method("GET")
        .path("/v2/PhoneNumbers/%2B14159929960")
        .query(&[("Fields", "line_type_intelligence,caller_name")])
        .twilio_auth()
        .no_body();
    Sent(&requests[1])
        .method("GET")
        .path("/v2/PhoneNumbers/%2B14159929960")
        .no_query()
        .twilio_auth()
        .no_body();

    assert_eq!(lookup.phone_number.as_deref(), Some("+14159929960"));
    assert_eq!(lookup.national_format.as_deref(), Some("(415) 992-9960"));
    assert_eq!(lookup.valid, Some(true));
    let line = lookup.line_type_intelligence.unwrap();
    assert_eq!(line.kind.as_deref(), Some("nonFixedVoip"));
    assert_eq!(line.carrier_name.as_deref(), Some("Twilio - SMS/MMS-SVR"));
    assert_eq!(lookup.caller_name, None);
}
