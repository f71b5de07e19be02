//! A public base URL: absolute URLs in responses use it, while requests are still served on the
//! bound address. The public host is only written into URLs, never contacted.

use serde_json::Value;
use sidekick_emulator::{Emulator, EmulatorError};

use crate::support::Api;

const PUBLIC: &str = "http://twilio-emulator.test:4010";

async fn behind_a_proxy(public: &str) -> Api {
    let emu = Emulator::builder().public_base_url(public).start().await.unwrap();
    emu.seed_demo().unwrap();
    Api::with(emu).await
}

/// Where the emulator actually answers, for a URL written with the public base.
fn local(api: &Api, url: &str) -> String {
    let rest = url.strip_prefix(PUBLIC).unwrap_or_else(|| panic!("`{url}` does not start with {PUBLIC}"));
    format!("{}{rest}", api.emu.base_url())
}

fn assert_public(value: &Value) {
    let url = value.as_str().unwrap_or_else(|| panic!("not a URL: {value}"));
    assert!(url.starts_with(&format!("{PUBLIC}/v1/Rooms")), "{url}");
}

#[tokio::test]
async fn resource_urls_and_links_use_the_public_base() {
    let api = behind_a_proxy(&format!("{PUBLIC}/")).await;
    assert_eq!(api.emu.public_base_url(), PUBLIC, "trailing slash trimmed");
    assert!(api.emu.base_url().starts_with("http://127.0.0.1:"));

    let room = api.get("/v1/Rooms/DailyStandup").await;
    assert_eq!(room.status, 200, "{}", room.text);
    assert_public(&room.json["url"]);
    for link in room.json["links"].as_object().unwrap().values() {
        assert_public(link);
    }

    let alice = api.get("/v1/Rooms/DailyStandup/Participants/Alice").await;
    assert_public(&alice.json["url"]);
    for link in alice.json["links"].as_object().unwrap().values() {
        assert_public(link);
    }
    // The URL names the same resource on the emulator.
    let again = api.get_url(&local(&api, alice.json["url"].as_str().unwrap())).await;
    assert_eq!(again.json["sid"], alice.json["sid"]);
}

#[tokio::test]
async fn paging_urls_use_the_public_base_and_are_served() {
    let api = behind_a_proxy(PUBLIC).await;
    let mut page = api.get_query("/v1/Rooms/DailyStandup/Participants", &[("PageSize", "3")]).await;
    let mut identities = Vec::new();
    loop {
        assert_eq!(page.status, 200, "{}", page.text);
        let meta = &page.json["meta"];
        assert_public(&meta["url"]);
        assert_public(&meta["first_page_url"]);
        if !meta["previous_page_url"].is_null() {
            assert_public(&meta["previous_page_url"]);
        }
        for item in page.json["participants"].as_array().unwrap() {
            identities.push(item["identity"].as_str().unwrap().to_owned());
        }
        match meta["next_page_url"].as_str() {
            Some(next) => {
                assert_public(&meta["next_page_url"]);
                page = api.get_url(&local(&api, next)).await;
            }
            None => break,
        }
    }
    assert_eq!(identities, sidekick_emulator::DEMO_IDENTITIES);

    let rooms = api.get("/v1/Rooms").await;
    assert_public(&rooms.json["meta"]["url"]);
    assert_public(&rooms.json["rooms"][0]["url"]);
}

#[tokio::test]
async fn a_path_prefix_is_kept() {
    let api = behind_a_proxy("https://gateway.test/twilio/").await;
    let room = api.get("/v1/Rooms/DailyStandup").await;
    let url = room.json["url"].as_str().unwrap();
    assert_eq!(url, format!("https://gateway.test/twilio/v1/Rooms/{}", room.json["sid"].as_str().unwrap()));
}

#[tokio::test]
async fn invalid_public_urls_are_refused_at_start() {
    for bad in
        ["twilio-emulator:4010", "ftp://host", "http://u:p@host", "http://host/?x=1", "http://host/#x", ""]
    {
        let result = Emulator::builder().public_base_url(bad).start().await;
        assert!(matches!(result, Err(EmulatorError::InvalidArgument { .. })), "{bad}: {result:?}");
    }
}
