//! HTTP Basic authentication: account SID + auth token, or API key + secret.

use sidekick_emulator::Emulator;

use crate::support::{Api, read};

const PATH: &str = "/v1/Rooms/DailyStandup/Participants/Alice";

fn assert_401(reply: &crate::support::Reply) {
    reply.assert_error(401, 20003);
    assert_eq!(reply.header("www-authenticate"), Some("Basic realm=\"Twilio API\""));
}

#[tokio::test]
async fn missing_or_wrong_credentials_are_401() {
    let api = Api::demo().await;
    let url = api.url(PATH);
    let client = &api.client;
    assert_401(&read(client.get(&url).send().await.unwrap()).await);
    let wrong_password = client.get(&url).basic_auth(api.emu.account_sid(), Some("nope"));
    assert_401(&read(wrong_password.send().await.unwrap()).await);
    let wrong_user = client.get(&url).basic_auth("AC0", Some(api.emu.auth_token()));
    assert_401(&read(wrong_user.send().await.unwrap()).await);
    let no_password = client.get(&url).basic_auth(api.emu.account_sid(), None::<&str>);
    assert_401(&read(no_password.send().await.unwrap()).await);
    // Mixing the account SID with the key's secret is not a valid pair.
    let mixed = client.get(&url).basic_auth(api.emu.account_sid(), Some(api.emu.api_key_secret()));
    assert_401(&read(mixed.send().await.unwrap()).await);
    for header in ["Basic !!!", "Bearer abc", "Basic", ""] {
        let reply = read(client.get(&url).header("Authorization", header).send().await.unwrap()).await;
        assert_401(&reply);
    }
    // Authentication comes before routing, as at Twilio.
    assert_401(&read(client.get(api.url("/v1/Nothing")).send().await.unwrap()).await);
    assert_401(&read(client.post(api.url("/v1/Rooms")).send().await.unwrap()).await);
}

#[tokio::test]
async fn api_key_and_secret_are_accepted() {
    let api = Api::demo().await;
    let request =
        api.client.get(api.url(PATH)).basic_auth(api.emu.api_key_sid(), Some(api.emu.api_key_secret()));
    let reply = read(request.send().await.unwrap()).await;
    assert_eq!(reply.status, 200, "{}", reply.text);
    // Resources still carry the account SID.
    assert_eq!(reply.json["account_sid"], api.emu.account_sid());
}

#[tokio::test]
async fn configured_credentials_replace_the_defaults() {
    let emu = Emulator::builder()
        .credentials("AC11111111111111111111111111111111", "token-1")
        .api_key("SK22222222222222222222222222222222", "secret-2")
        .start()
        .await
        .unwrap();
    emu.seed_demo().unwrap();
    let api = Api::with(emu).await;
    assert_eq!(api.get(PATH).await.json["account_sid"], "AC11111111111111111111111111111111");
    let key =
        api.client.get(api.url(PATH)).basic_auth("SK22222222222222222222222222222222", Some("secret-2"));
    assert_eq!(read(key.send().await.unwrap()).await.status, 200);
    for (user, password) in [
        (sidekick_emulator::DEFAULT_ACCOUNT_SID, sidekick_emulator::DEFAULT_AUTH_TOKEN),
        (sidekick_emulator::DEFAULT_API_KEY_SID, sidekick_emulator::DEFAULT_API_KEY_SECRET),
    ] {
        let old = api.client.get(api.url(PATH)).basic_auth(user, Some(password));
        assert_401(&read(old.send().await.unwrap()).await);
    }
}
