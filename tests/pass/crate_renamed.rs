// The facade renamed, and re-exported under another name.
extern crate sidekick as sk;

mod facade {
    pub use sidekick as video_sdk;
}

#[derive(Debug, serde::Deserialize, sk::Resource)]
#[resource(path = "/v1/Recordings/<sid>", crate = "sk", delete)]
pub struct Recording {
    pub sid: Option<String>,
}

#[derive(Debug, serde::Deserialize, facade::video_sdk::Resource)]
#[resource(path = "/v1/Compositions/<sid>", crate = "crate::facade::video_sdk", list)]
pub struct Composition {
    pub sid: Option<String>,
}

fn main() {
    let client = sk::Client::new("AC123", "token");
    let _ = Recording::fetch(&client, "RT1");
    let _ = Recording::delete(&client, "RT1");
    let _ = Composition::list(&client).limit(1);
}
