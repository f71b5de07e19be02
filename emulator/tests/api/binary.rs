//! The `sidekick-emulator` binary.

use std::io::{BufRead, BufReader, Lines};
use std::process::{Child, ChildStdout, Command, Stdio};

use crate::support::{http_client, read};

const BINARY: &str = env!("CARGO_BIN_EXE_sidekick-emulator");

/// Starts the binary with `args`; returns it, the base URL it prints first, and the rest of
/// its output.
fn spawn(args: &[&str]) -> (Child, String, Lines<BufReader<ChildStdout>>) {
    let mut child = Command::new(BINARY).args(args).stdout(Stdio::piped()).spawn().unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let first = lines.next().unwrap().unwrap();
    let base_url = first.rsplit(' ').next().unwrap().to_owned();
    assert!(base_url.starts_with("http://127.0.0.1:"), "{first}");
    (child, base_url, lines)
}

#[test]
fn help_lists_the_flags() {
    let output = Command::new(BINARY).arg("--help").output().unwrap();
    assert!(output.status.success());
    let help = String::from_utf8(output.stdout).unwrap();
    for flag in ["--host", "--port", "--public-url", "--account-sid", "--auth-token", "--seed", "--fault"] {
        assert!(help.contains(flag), "missing {flag} in:\n{help}");
    }
}

#[test]
fn bad_fault_flags_are_rejected() {
    let output = Command::new(BINARY).args(["--fault", "nowhere:429:1"]).output().unwrap();
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("unknown route"));
}

#[test]
fn bad_public_urls_are_rejected_cleanly() {
    let output = Command::new(BINARY).args(["--public-url", "emulator:4010"]).output().unwrap();
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("invalid public base URL `emulator:4010`"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[tokio::test]
async fn public_url_sets_the_links() {
    let (mut child, base_url, mut lines) =
        spawn(&["--port", "0", "--seed", "demo", "--public-url", "http://emulator.test:4010/"]);
    let printed: Vec<String> = lines.by_ref().take(5).map(Result::unwrap).collect();
    assert!(printed[4].contains("http://emulator.test:4010"), "{printed:?}");

    let reply = http_client()
        .get(format!("{base_url}/v1/Rooms/DailyStandup"))
        .basic_auth(sidekick_emulator::DEFAULT_ACCOUNT_SID, Some(sidekick_emulator::DEFAULT_AUTH_TOKEN))
        .send()
        .await
        .unwrap();
    let reply = read(reply).await;
    child.kill().unwrap();
    child.wait().unwrap();
    assert_eq!(reply.status, 200, "{}", reply.text);
    let url = reply.json["url"].as_str().unwrap();
    assert!(url.starts_with("http://emulator.test:4010/v1/Rooms/RM"), "{url}");
}

#[tokio::test]
async fn serves_the_demo_seed_with_faults() {
    let (mut child, base_url, mut lines) =
        spawn(&["--port", "0", "--seed", "demo", "--fault", "list-participants:503:1"]);
    let printed: Vec<String> = lines.by_ref().take(4).map(Result::unwrap).collect();
    assert!(printed[0].contains(sidekick_emulator::DEFAULT_ACCOUNT_SID), "{printed:?}");

    let client = http_client();
    let url = format!("{base_url}/v1/Rooms/DailyStandup/Participants");
    let get = || {
        client
            .get(&url)
            .basic_auth(sidekick_emulator::DEFAULT_ACCOUNT_SID, Some(sidekick_emulator::DEFAULT_AUTH_TOKEN))
    };
    let faulted = read(get().send().await.unwrap()).await;
    let normal = read(get().send().await.unwrap()).await;
    child.kill().unwrap();
    child.wait().unwrap();
    faulted.assert_error(503, 20503);
    assert_eq!(normal.json["participants"].as_array().unwrap().len(), 7);
}

const MESSAGES: &str = r#"
[[resource]]
name = "Message"
path = "/2010-04-01/Accounts/{AccountSid}/Messages/{Sid}.json"
operations = ["create", "fetch", "delete", "list"]
paging = "next_page_uri"
sid_prefix = "SM"
timestamps = "rfc2822"
fields = { sid = "string", account_sid = "string?", to = "string?", body = "string?", num_media = "integer?", date_created = "string?", uri = "string?" }
"#;

/// A description file in the system's temporary directory, removed when dropped.
struct TempFile(std::path::PathBuf);

impl TempFile {
    fn new(name: &str, text: &str) -> TempFile {
        let path = std::env::temp_dir().join(format!("sidekick-emulator-{}-{name}", std::process::id()));
        std::fs::write(&path, text).unwrap();
        TempFile(path)
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

#[tokio::test]
async fn serves_resources_described_in_a_file_with_their_faults() {
    let file = TempFile::new("messages.toml", MESSAGES);
    let path = file.0.to_str().unwrap();
    let (mut child, base_url, mut lines) = spawn(&["--resources", path, "--fault", "create-message:429:1"]);
    let printed: Vec<String> = lines.by_ref().take(5).map(Result::unwrap).collect();
    assert!(printed[4].contains("also serving: Message"), "{printed:?}");

    let client = http_client();
    let account = sidekick_emulator::DEFAULT_ACCOUNT_SID;
    let list = format!("{base_url}/2010-04-01/Accounts/{account}/Messages.json");
    let post = || {
        client.post(&list).basic_auth(account, Some(sidekick_emulator::DEFAULT_AUTH_TOKEN)).form(&[
            ("To", "+15558675310"),
            ("Body", "Ahoy"),
            ("NumMedia", "2"),
        ])
    };
    let throttled = read(post().send().await.unwrap()).await;
    let created = read(post().send().await.unwrap()).await;
    let sid = created.json["sid"].as_str().unwrap_or_default().to_owned();
    let listed = read(
        client
            .get(&list)
            .basic_auth(account, Some(sidekick_emulator::DEFAULT_AUTH_TOKEN))
            .send()
            .await
            .unwrap(),
    )
    .await;
    child.kill().unwrap();
    child.wait().unwrap();

    throttled.assert_error(429, 20429);
    assert_eq!(created.status, 201, "{}", created.text);
    assert!(sid.starts_with("SM"), "{sid}");
    assert_eq!((created.json["body"].as_str(), created.json["num_media"].as_u64()), (Some("Ahoy"), Some(2)));
    assert_eq!(created.json["account_sid"], account);
    assert!(created.json["date_created"].as_str().unwrap().ends_with("+0000"), "{}", created.text);
    assert_eq!(created.json["uri"], format!("/2010-04-01/Accounts/{account}/Messages/{sid}.json"));
    assert_eq!(listed.json["messages"][0]["sid"], sid.as_str());
    assert_eq!(listed.json["next_page_uri"], serde_json::Value::Null);
}

#[test]
fn bad_resource_files_and_unknown_routes_are_rejected() {
    let bad = TempFile::new("bad.toml", "[[resource]]\nname = \"X\"\n");
    let output = Command::new(BINARY).args(["--resources", bad.0.to_str().unwrap()]).output().unwrap();
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("bad resource description") && stderr.contains("path"), "{stderr}");

    let good = TempFile::new("good.toml", MESSAGES);
    let output = Command::new(BINARY)
        .args(["--resources", good.0.to_str().unwrap(), "--fault", "create-mesage:429"])
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("unknown route `create-mesage`"));

    let missing = Command::new(BINARY).args(["--resources", "/nonexistent/sidekick.toml"]).output().unwrap();
    assert!(String::from_utf8_lossy(&missing.stderr).contains("cannot read"));
}

#[test]
fn unknown_products_are_rejected() {
    let output = Command::new(BINARY).args(["--products", "telepathy"]).output().unwrap();
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("no Twilio product is named `telepathy`") && stderr.contains("messaging"),
        "{stderr}"
    );
}

/// Without the `twilio` feature, the binary says how to get the products.
#[cfg(not(feature = "twilio"))]
#[test]
fn products_need_the_twilio_feature() {
    let output = Command::new(BINARY).args(["--products", "messaging"]).output().unwrap();
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("--features twilio"));
}

/// With it (as in a workspace build, where the conformance tests turn it on), whole products
/// are served, and their operations take faults by qualified route.
#[cfg(feature = "twilio")]
#[tokio::test]
async fn serves_whole_products_with_their_faults() {
    let (mut child, base_url, mut lines) =
        spawn(&["--products", "messaging,api", "--fault", "create-message@api.2010-04-01:503:1"]);
    let printed: Vec<String> = lines.by_ref().take(6).map(Result::unwrap).collect();
    assert!(
        printed[4].starts_with("  messaging: ") && printed[4].ends_with("resources served"),
        "{printed:?}"
    );
    assert!(printed[5].starts_with("  api: "), "{printed:?}");

    let client = http_client();
    let account = sidekick_emulator::DEFAULT_ACCOUNT_SID;
    let token = Some(sidekick_emulator::DEFAULT_AUTH_TOKEN);
    let messages = format!("{base_url}/2010-04-01/Accounts/{account}/Messages.json");
    let post = || {
        client.post(&messages).basic_auth(account, token).form(&[("To", "+15558675310"), ("Body", "Ahoy")])
    };
    let unavailable = read(post().send().await.unwrap()).await;
    let created = read(post().send().await.unwrap()).await;
    let services = format!("{base_url}/v1/Services");
    let service = read(
        client
            .post(&services)
            .basic_auth(account, token)
            .form(&[("FriendlyName", "Alerts")])
            .send()
            .await
            .unwrap(),
    )
    .await;
    let listed = read(client.get(&services).basic_auth(account, token).send().await.unwrap()).await;
    child.kill().unwrap();
    child.wait().unwrap();

    unavailable.assert_error(503, 20503);
    assert_eq!(created.status, 201, "{}", created.text);
    assert_eq!(created.json["body"], "Ahoy");
    assert!(created.json["date_created"].as_str().unwrap().ends_with("+0000"), "{}", created.text);
    assert_eq!(service.status, 201, "{}", service.text);
    assert!(service.json["sid"].as_str().unwrap().starts_with("MG"), "{}", service.text);
    assert_eq!(listed.json["services"][0]["friendly_name"], "Alerts", "{}", listed.text);
}
