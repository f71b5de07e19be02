// Generated code names everything by absolute path: user items called Result, Option,
// Client, AsRef or Resource, and a module without the prelude, change nothing.
#![allow(dead_code)]

mod shadows {
    #![no_implicit_prelude]

    pub struct Result;
    pub struct Option;
    pub struct Client;
    pub trait AsRef {}
    pub struct Call;

    #[derive(::serde::Deserialize, ::sidekick::Resource)]
    #[resource(path = "/v1/Rooms/<room>/Participants/<sid>", update = Params, list = Params, delete)]
    pub struct Participant {
        pub sid: ::std::option::Option<::std::string::String>,
    }

    #[derive(::serde::Serialize)]
    pub struct Params {}
}

fn main() {
    let client = sidekick::Client::new("AC123", "token");
    let _ = shadows::Participant::fetch(&client, "DailyStandup", "Alice");
    let _ = shadows::Participant::update(&client, "DailyStandup", "Alice", &shadows::Params {});
    let _ = shadows::Participant::list(&client, "DailyStandup", &shadows::Params {});
}
