//! `Debug` output shows SIDs and addresses but never a secret.

use sidekick_emulator::Emulator;

const ACCOUNT_SID: &str = "AC00000000000000000000000000000001";
const API_KEY_SID: &str = "SK00000000000000000000000000000001";
/// Every secret below starts with this, so one check covers them all.
const SECRET: &str = "hunter2-emulator-secret";

/// Both `{:?}` and `{:#?}` of `value` lack the secret and contain each of `shown`.
fn assert_redacted(value: &impl std::fmt::Debug, shown: &[&str]) {
    for debug in [format!("{value:?}"), format!("{value:#?}")] {
        assert!(!debug.contains(SECRET), "secret in {debug}");
        assert!(debug.contains("<redacted>"), "{debug}");
        for text in shown {
            assert!(debug.contains(text), "missing {text} in {debug}");
        }
    }
}

fn builder() -> sidekick_emulator::EmulatorBuilder {
    Emulator::builder()
        .addr(([127, 0, 0, 1], 0).into())
        .credentials(ACCOUNT_SID, SECRET)
        .api_key(API_KEY_SID, format!("{SECRET}-api-key"))
}

#[test]
fn builder_debug_hides_the_secrets() {
    assert_redacted(&builder(), &[ACCOUNT_SID, API_KEY_SID, "127.0.0.1:0"]);
}

#[test]
fn builder_debug_hides_credentials_in_the_public_url() {
    let builder = builder().public_base_url(format!("http://user:{SECRET}@emulator:4010/"));
    assert_redacted(&builder, &[ACCOUNT_SID, "emulator:4010"]);
}

#[test]
fn default_builder_debug_hides_the_default_secrets() {
    let debug = format!("{:#?}", Emulator::builder());
    assert!(!debug.contains(sidekick_emulator::DEFAULT_AUTH_TOKEN), "{debug}");
    assert!(!debug.contains(sidekick_emulator::DEFAULT_API_KEY_SECRET), "{debug}");
    assert!(debug.contains(sidekick_emulator::DEFAULT_ACCOUNT_SID), "{debug}");
}

#[tokio::test]
async fn emulator_debug_hides_the_secrets() {
    let emu = builder().public_base_url("http://emulator.test:4010").start().await.unwrap();
    assert_eq!(emu.auth_token(), SECRET, "the accessor still gives the secret");
    let port = emu.addr().port().to_string();
    assert_redacted(&emu, &[ACCOUNT_SID, API_KEY_SID, &port, "http://emulator.test:4010"]);
    emu.shutdown().await;
}
