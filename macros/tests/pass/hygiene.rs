// Absolute paths only: shadowing Result, Option, Client, Params, Paging, Call... in a no-prelude module changes nothing.
#![allow(dead_code)]

mod shadows {
    #![no_implicit_prelude]

    pub struct Result;
    pub struct Option;
    pub struct Client;
    pub trait AsRef {}
    pub struct Call;
    pub struct Paging;
    pub struct ListRequest;
    pub struct Redirect;
    pub trait Serialize {}

    #[derive(::serde::Deserialize, ::sidekick::Resource)]
    #[resource(
        base_url = "https://video.twilio.com",
        path = "/v1/Rooms/<room>/Participants/<sid>",
        sid_prefix = "PA",
        fetch(response = "redirect"),
        update(params = Params, method = "PUT", body = "json", response = "empty"),
        list(params = Params, paging = "token"),
        delete
    )]
    pub struct Participant {
        pub sid: ::std::option::Option<::std::string::String>,
    }

    #[derive(::serde::Serialize, ::sidekick::Params)]
    pub struct Params {
        #[param(header)]
        #[serde(rename = "X-Custom")]
        pub custom: ::std::option::Option<::std::string::String>,
    }
}

fn main() {
    let client = sidekick::Client::new("AC123", "token");
    let params = shadows::Params { custom: None };
    let _: sidekick::Call<sidekick::Redirect> = shadows::Participant::fetch(&client, "DailyStandup", "Alice");
    let _: sidekick::Call<()> = shadows::Participant::update(&client, "DailyStandup", "Alice", &params);
    let _ = shadows::Participant::list(&client, "DailyStandup", &params);
    let _ = shadows::Participant::delete(&client, "DailyStandup", "Alice");
}
