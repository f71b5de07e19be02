//! The README's main command, run as a test: the quickstart's story against the embedded
//! emulator, checked line by line where it matters.

#[allow(dead_code)]
#[path = "../../examples/quickstart.rs"]
mod example;

#[tokio::test]
async fn the_quickstart_story_runs_and_tells_it_right() {
    let mut out = Vec::new();
    example::embedded(&mut out).await.unwrap();
    let text = String::from_utf8(out).unwrap();

    let expect = [
        "1. Fetched by identity: Alice (PA",
        "   page 0: Alice, Bob, Carol",
        "   page 1: Dave, Erin, Frank",
        "   page 2: Grace",
        "3. Kicked: Alice (PA",
        ") is disconnected, joined 09:00:00, stayed 25m00s",
        "5. Disconnected participants:",
        "   Mallory: HTTP 404, Twilio code 20404, https://www.twilio.com/docs/errors/20404",
        "   Alice: HTTP 404, Twilio code 20404, https://www.twilio.com/docs/errors/20404",
    ];
    for line in expect {
        assert!(text.contains(line), "missing {line:?} in:\n{text}");
    }
    let kicked_sid = text.split("3. Kicked: Alice (").nth(1).and_then(|rest| rest.split(')').next()).unwrap();
    assert!(
        text.contains(&format!("4. Fetched by SID {kicked_sid}: Alice ({kicked_sid}) is disconnected")),
        "{text}"
    );
    assert_eq!(
        text.matches("is disconnected").count(),
        4,
        "kick, fetch by SID, and two in the list:\n{text}"
    );
}
