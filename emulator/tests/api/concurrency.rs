//! Concurrent requests and simulation calls lose no update.

use std::collections::HashSet;
use std::sync::Arc;

use crate::support::{Api, field};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sixty_four_concurrent_kicks_and_joins_lose_nothing() {
    let api = Arc::new(Api::start().await);
    api.emu.create_room("Busy").unwrap();
    api.emu.seed_participants("Busy", 64).unwrap();

    let mut tasks = Vec::new();
    for i in 0..64 {
        let kicker = Arc::clone(&api);
        tasks.push(tokio::spawn(async move {
            let reply = kicker
                .post(&format!("/v1/Rooms/Busy/Participants/user-{i}"), &[("Status", "disconnected")])
                .await;
            assert_eq!(reply.status, 202, "{}", reply.text);
        }));
        let joiner = Arc::clone(&api);
        tasks.push(tokio::spawn(async move {
            tokio::task::spawn_blocking(move || joiner.emu.join("Busy", &format!("new-{i}")).unwrap())
                .await
                .unwrap();
        }));
    }
    for task in tasks {
        task.await.unwrap();
    }

    let connected = api.collect("/v1/Rooms/Busy/Participants", &[("PageSize", "10")], "participants").await;
    let identities: HashSet<&str> = field(&connected, "identity").into_iter().collect();
    let expected: HashSet<String> = (0..64).map(|i| format!("new-{i}")).collect();
    assert_eq!(identities, expected.iter().map(String::as_str).collect());
    let gone = api
        .collect(
            "/v1/Rooms/Busy/Participants",
            &[("Status", "disconnected"), ("PageSize", "1000")],
            "participants",
        )
        .await;
    assert_eq!(gone.len(), 64);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_kicks_of_one_participant_agree() {
    let api = Arc::new(Api::demo().await);
    let sid = api.emu.participant("DailyStandup", "Alice").unwrap().sid;
    let mut tasks = Vec::new();
    for _ in 0..16 {
        let api = Arc::clone(&api);
        let path = format!("/v1/Rooms/DailyStandup/Participants/{sid}");
        tasks.push(tokio::spawn(async move { api.post(&path, &[("Status", "disconnected")]).await }));
    }
    let mut end_times = HashSet::new();
    for task in tasks {
        let reply = task.await.unwrap();
        assert_eq!(reply.status, 202);
        end_times.insert(reply.json["end_time"].as_str().unwrap().to_owned());
    }
    assert_eq!(end_times.len(), 1);
}
