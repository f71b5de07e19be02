// The facade renamed, and re-exported under another name, for both derives.
extern crate sidekick as sk;

mod facade {
    pub use sidekick as video_sdk;
}

#[derive(Debug, serde::Deserialize, sk::Resource)]
#[resource(base_url = "https://video.twilio.com", path = "/v1/Recordings/<sid>", crate = "sk", fetch, delete)]
pub struct Recording {
    pub sid: Option<String>,
}

#[derive(Debug, serde::Deserialize, facade::video_sdk::Resource)]
#[resource(
    base_url = "https://video.twilio.com",
    path = "/v1/Compositions/<sid>",
    crate = "crate::facade::video_sdk",
    list = CompositionFilter
)]
pub struct Composition {
    pub sid: Option<String>,
}

#[derive(Default, serde::Serialize, facade::video_sdk::Params)]
#[param(crate = "crate::facade::video_sdk")]
pub struct CompositionFilter {
    #[param(query)]
    #[serde(rename = "Status", skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
}

fn main() {
    let client = sk::Client::new("AC123", "token");
    let _ = Recording::fetch(&client, "RT1");
    let _ = Recording::delete(&client, "RT1");
    let _ = Composition::list(&client, &CompositionFilter::default()).limit(1);
    assert_eq!(<CompositionFilter as sk::Params>::location("Status"), Some(sk::ParamLocation::Query));
}
