// `token` and `scim` paging (`ListRequest<T, TokenPaging>`, `ListRequest<T, ScimPaging>`, key `Resources`) and a SCIM JSON body.
use sidekick::{BodyFormat, Client, OperationKind, Resource};

#[derive(Debug, serde::Deserialize, Resource)]
#[resource(
    base_url = "https://numbers.twilio.com",
    path = "/v1/Porting/PortIn/PortInRequests/<sid>",
    fetch,
    list(key = "port_in_requests", paging = "token")
)]
pub struct PortInRequest {
    pub sid: Option<String>,
}

#[derive(Debug, serde::Deserialize, Resource)]
#[resource(
    base_url = "https://preview.twilio.com",
    path = "/scim/v2/Users/<id>",
    fetch,
    create(params = NewUser, body = "application/scim+json"),
    list(params = UserFilter, paging = "scim")
)]
pub struct User {
    pub id: Option<String>,
}

#[derive(serde::Serialize, sidekick::Params)]
#[serde(rename_all = "camelCase")]
pub struct NewUser {
    pub user_name: String,
}

#[derive(Default, serde::Serialize, sidekick::Params)]
pub struct UserFilter {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub filter: Option<String>,
}

fn main() {
    let client = Client::new("AC123", "token");
    let _: sidekick::ListRequest<PortInRequest, sidekick::TokenPaging> = PortInRequest::list(&client).page_size(20);
    let _: sidekick::ListRequest<User, sidekick::ScimPaging> = User::list(&client, &UserFilter::default());
    let _ = User::create(&client, &NewUser { user_name: "ava".into() });
    assert_eq!(PortInRequest::operation(OperationKind::List).unwrap().list_key, "port_in_requests");
    assert_eq!(User::operation(OperationKind::List).unwrap().list_key, "Resources");
    assert_eq!(User::operation(OperationKind::Create).unwrap().body, BodyFormat::Json("application/scim+json"));
}
