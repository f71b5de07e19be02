//! Secrets in generated types never show through `Debug`: an API key's `secret`, OAuth client
//! secrets and tokens, push credentials' private keys.

use sidekick::twilio::api::v2010::NewKey;
use sidekick::twilio::notify::v1::CreateCredential;
use sidekick::twilio::oauth::v1::{CreateToken, Token};

const SECRET: &str = "s3cr3t-value-never-logged";

#[test]
fn a_new_keys_secret_is_redacted_but_the_rest_shown() {
    let key = NewKey { sid: Some("SK123".into()), secret: Some(SECRET.into()), ..NewKey::default() };
    let shown = format!("{key:?}");
    assert!(!shown.contains(SECRET), "{shown}");
    assert!(shown.contains("SK123") && shown.contains("<redacted>"), "{shown}");
    assert_eq!(key.secret.as_deref(), Some(SECRET), "the value itself is untouched");
}

#[test]
fn params_with_secrets_are_redacted() {
    let token =
        CreateToken::new("client-id", "client_credentials").client_secret(SECRET).refresh_token(SECRET);
    let credential = CreateCredential::new("fcm").secret(SECRET).private_key(SECRET).api_key(SECRET);
    for shown in [format!("{token:?}"), format!("{credential:#?}")] {
        assert!(!shown.contains(SECRET), "{shown}");
        assert!(shown.contains("<redacted>"), "{shown}");
    }
    let answer =
        Token { access_token: Some(SECRET.into()), refresh_token: Some(SECRET.into()), ..Token::default() };
    assert!(!format!("{answer:?}").contains(SECRET));
}

#[test]
fn secrets_still_go_over_the_wire() {
    let token = CreateToken::new("client-id", "client_credentials").client_secret(SECRET);
    let body = sidekick::form::encode(&token).unwrap();
    assert!(body.contains(&format!("ClientSecret={SECRET}")), "{body}");
}
