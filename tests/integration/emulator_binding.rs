//! The Participant binding against the emulator over loopback: every behaviour of the seed.

use std::collections::HashSet;
use std::future::IntoFuture;

use chrono::{DateTime, TimeDelta, Utc};
use futures::TryStreamExt;
use sidekick::twilio::video::v1::{Participant, ParticipantFilter, ParticipantStatus, UpdateParticipant};
use sidekick::{Client, RetryPolicy};
use sidekick_emulator::Emulator;

const ROOM: &str = "DailyStandup";

fn client_for(emulator: &Emulator) -> Client {
    Client::builder()
        .auth_token(emulator.account_sid(), emulator.auth_token())
        .base_url_override("https://video.twilio.com", emulator.base_url())
        .retry_policy(RetryPolicy::none())
        .build()
        .unwrap()
}

fn at(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text).unwrap().to_utc()
}

/// An emulator with a frozen clock and `identities` connected to `ROOM`.
async fn room_with(identities: &[&str]) -> (Emulator, Client) {
    let emulator = Emulator::start().await.unwrap();
    emulator.clock().set(at("2026-11-26T09:00:00Z"));
    emulator.create_room(ROOM).unwrap();
    for identity in identities {
        emulator.join(ROOM, identity).unwrap();
    }
    let client = client_for(&emulator);
    (emulator, client)
}

fn identities(items: &[Participant]) -> Vec<&str> {
    items.iter().map(|p| p.identity.as_deref().unwrap()).collect()
}

#[tokio::test]
async fn fetch_by_identity_then_by_sid_and_naming_behaviour() {
    let (emulator, client) = room_with(&["Alice", "Bob"]).await;
    let alice = Participant::fetch(&client, ROOM, "Alice").await.unwrap();
    let sid = alice.sid.clone().unwrap();
    assert!(sid.starts_with("PA") && sid.len() == 34, "{sid}");
    assert_eq!(alice.status, Some(ParticipantStatus::Connected));
    assert_eq!(alice.start_time, Some(at("2026-11-26T09:00:00Z")));
    assert!(alice.url.as_deref().unwrap().starts_with(&emulator.base_url()));

    let room_sid = alice.room_sid.clone().unwrap();
    let by_room_sid = Participant::fetch(&client, &room_sid, &sid).await.unwrap();
    assert_eq!(by_room_sid, alice);

    emulator.leave(ROOM, &sid).unwrap();
    let err = Participant::fetch(&client, ROOM, "Alice").await.unwrap_err();
    assert_eq!(err.code(), Some(20404), "identity lookups search connected participants only");
    assert_eq!(err.status().unwrap().as_u16(), 404);
    let gone = Participant::fetch(&client, ROOM, &sid).await.unwrap();
    assert_eq!(gone.status, Some(ParticipantStatus::Disconnected));
}

#[tokio::test]
async fn awkward_identities_round_trip_as_one_segment() {
    let names = ["a/b", "a?b", "a#b", "bob smith", "é", "50%", "user.123"];
    let (_emulator, client) = room_with(&names).await;
    for name in names {
        let p = Participant::fetch(&client, ROOM, name).await.unwrap();
        assert_eq!(p.identity.as_deref(), Some(name));
        let listed = Participant::list(&client, ROOM, &ParticipantFilter::new().identity(name))
            .collect()
            .await
            .unwrap();
        assert_eq!(identities(&listed), [name]);
    }
}

#[tokio::test]
async fn kick_sets_end_time_and_duration_and_is_idempotent_by_sid() {
    let (emulator, client) = room_with(&["Alice"]).await;
    emulator.clock().advance(TimeDelta::seconds(1534));
    let kicked = Participant::kick(&client, ROOM, "Alice").await.unwrap();
    assert_eq!(kicked.status, Some(ParticipantStatus::Disconnected));
    assert_eq!(kicked.end_time, Some(at("2026-11-26T09:25:34Z")));
    assert_eq!(kicked.date_updated, Some(at("2026-11-26T09:25:34Z")));
    assert_eq!(kicked.duration, Some(1534));

    emulator.clock().advance(TimeDelta::seconds(60));
    let sid = kicked.sid.clone().unwrap();
    let again = Participant::update(&client, ROOM, &sid, &UpdateParticipant::disconnect()).await.unwrap();
    assert_eq!(again, kicked, "kicking a disconnected participant by SID changes nothing");
}

#[tokio::test]
async fn default_filter_lists_connected_only_and_status_filters_select() {
    let (emulator, client) = room_with(&["Alice", "Bob", "Carol"]).await;
    emulator.set_reconnecting(ROOM, "Carol").unwrap();
    Participant::kick(&client, ROOM, "Bob").await.unwrap();

    let default = Participant::list(&client, ROOM, &ParticipantFilter::new()).collect().await.unwrap();
    assert_eq!(identities(&default), ["Alice"]);
    let gone = Participant::list(&client, ROOM, &ParticipantFilter::disconnected()).collect().await.unwrap();
    assert_eq!(identities(&gone), ["Bob"]);
    let back = ParticipantFilter::new().status(ParticipantStatus::Reconnecting);
    assert_eq!(identities(&Participant::list(&client, ROOM, &back).collect().await.unwrap()), ["Carol"]);
}

#[tokio::test]
async fn completed_rooms_list_only_disconnected_participants() {
    let (emulator, client) = room_with(&["Alice", "Bob"]).await;
    let room_sid = emulator.room(ROOM).unwrap().sid;
    emulator.clock().advance(TimeDelta::minutes(5));
    emulator.complete_room(ROOM).unwrap();

    let default = Participant::list(&client, &room_sid, &ParticipantFilter::new()).collect().await.unwrap();
    assert_eq!(identities(&default), ["Alice", "Bob"]);
    assert!(
        default.iter().all(|p| p.status == Some(ParticipantStatus::Disconnected) && p.duration == Some(300))
    );
    let connected =
        Participant::list(&client, &room_sid, &ParticipantFilter::connected()).collect().await.unwrap();
    assert!(connected.is_empty());
}

#[tokio::test]
async fn date_filters_use_the_emulator_clock() {
    let (emulator, client) = room_with(&["early"]).await;
    emulator.clock().set(at("2026-11-26T10:00:00Z"));
    emulator.join(ROOM, "middle").unwrap();
    emulator.clock().set(at("2026-11-26T11:00:00Z"));
    emulator.join(ROOM, "late").unwrap();

    let after_nine_thirty = DateTime::parse_from_rfc3339("2026-11-26T10:30:00+01:00").unwrap();
    let filter = ParticipantFilter::new().created_after(after_nine_thirty);
    assert_eq!(
        identities(&Participant::list(&client, ROOM, &filter).collect().await.unwrap()),
        ["middle", "late"]
    );
    let filter = filter.created_before(at("2026-11-26T10:30:00Z"));
    assert_eq!(identities(&Participant::list(&client, ROOM, &filter).collect().await.unwrap()), ["middle"]);
}

#[tokio::test]
async fn wrong_credentials_are_401_and_api_keys_work() {
    let (emulator, _) = room_with(&["Alice"]).await;
    let wrong = Client::builder()
        .auth_token(emulator.account_sid(), "not-the-token")
        .base_url_override("https://video.twilio.com", emulator.base_url())
        .build()
        .unwrap();
    let err = Participant::fetch(&wrong, ROOM, "Alice").await.unwrap_err();
    assert_eq!((err.status().unwrap().as_u16(), err.code()), (401, Some(20003)));

    let keyed = Client::builder()
        .api_key(emulator.api_key_sid(), emulator.api_key_secret())
        .base_url_override("https://video.twilio.com", emulator.base_url())
        .build()
        .unwrap();
    assert!(Participant::fetch(&keyed, ROOM, "Alice").await.is_ok());
}

#[tokio::test]
async fn unknown_rooms_and_bad_parameters_are_typed_errors() {
    let (_emulator, client) = room_with(&["Alice"]).await;
    let err = Participant::fetch(&client, "NoSuchRoom", "Alice").await.unwrap_err();
    assert_eq!((err.status().unwrap().as_u16(), err.code()), (404, Some(20404)));
    let err =
        Participant::list(&client, "NoSuchRoom", &ParticipantFilter::new()).collect().await.unwrap_err();
    assert_eq!(err.code(), Some(20404));

    let bogus = ParticipantFilter::new().status(ParticipantStatus::Unknown("bogus".into()));
    let err = Participant::list(&client, ROOM, &bogus).collect().await.unwrap_err();
    assert_eq!(err.status().unwrap().as_u16(), 400);
    assert!(err.api().unwrap().message.contains("bogus"), "{err}");

    let rejoin = UpdateParticipant { status: Some(ParticipantStatus::Connected) };
    let err = Participant::update(&client, ROOM, "Alice", &rejoin).await.unwrap_err();
    assert_eq!(err.status().unwrap().as_u16(), 400);
}

#[tokio::test]
async fn ten_thousand_participants_page_exactly_at_1000_and_50() {
    let (emulator, client) = room_with(&[]).await;
    emulator.seed_participants(ROOM, 10_000).unwrap();
    for page_size in [1000, 50] {
        let all = Participant::list(&client, ROOM, &ParticipantFilter::new())
            .page_size(page_size)
            .collect()
            .await
            .unwrap();
        assert_eq!(all.len(), 10_000, "page size {page_size}");
        let unique: HashSet<&str> = all.iter().map(|p| p.sid.as_deref().unwrap()).collect();
        assert_eq!(unique.len(), 10_000, "no duplicates at page size {page_size}");
    }
    let limited =
        Participant::list(&client, ROOM, &ParticipantFilter::new()).limit(2500).collect().await.unwrap();
    assert_eq!(limited.len(), 2500);
}

#[tokio::test]
async fn joins_during_paging_cause_no_duplicates_or_skips() {
    let (emulator, client) = room_with(&[]).await;
    emulator.seed_participants(ROOM, 500).unwrap();
    let before: Vec<String> = Participant::list(&client, ROOM, &ParticipantFilter::new())
        .page_size(1000)
        .collect()
        .await
        .unwrap()
        .into_iter()
        .map(|p| p.sid.unwrap())
        .collect();

    // Between pages, people join (appended) and already-listed people are kicked (removed from
    // the connected list): offset paging would then skip participants; token paging must not.
    let mut pages = Participant::list(&client, ROOM, &ParticipantFilter::new()).page_size(100).pages();
    let mut seen: Vec<String> = Vec::new();
    while let Some(page) = pages.try_next().await.unwrap() {
        seen.extend(page.items.into_iter().map(|p| p.sid.unwrap()));
        for i in 0..7 {
            emulator.join(ROOM, &format!("late-{}-{i}", seen.len())).unwrap();
        }
        for listed in seen.iter().rev().take(30) {
            Participant::kick(&client, ROOM, listed).await.unwrap();
        }
    }
    let unique: HashSet<&String> = seen.iter().collect();
    assert_eq!(unique.len(), seen.len(), "no duplicates");
    assert_eq!(&seen[..500], &before[..], "every participant present at the start, once, in order");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sixty_four_concurrent_kicks_and_joins_lose_nothing() {
    let (emulator, client) = room_with(&[]).await;
    let kick_targets: Vec<String> =
        (0..64).map(|i| emulator.join(ROOM, &format!("kick-{i}")).unwrap()).collect();
    let emulator = std::sync::Arc::new(emulator);

    let kicks =
        kick_targets.iter().map(|sid| tokio::spawn(Participant::kick(&client, ROOM, sid).into_future()));
    let joins = (0..64).map(|i| {
        let emulator = emulator.clone();
        tokio::task::spawn_blocking(move || emulator.join(ROOM, &format!("join-{i}")).unwrap())
    });
    let joins: Vec<_> = joins.collect();
    for kick in kicks.collect::<Vec<_>>() {
        assert_eq!(kick.await.unwrap().unwrap().status, Some(ParticipantStatus::Disconnected));
    }
    for join in joins {
        join.await.unwrap();
    }

    let gone = Participant::list(&client, ROOM, &ParticipantFilter::disconnected()).collect().await.unwrap();
    let connected =
        Participant::list(&client, ROOM, &ParticipantFilter::connected()).collect().await.unwrap();
    assert_eq!(gone.len(), 64);
    assert_eq!(connected.len(), 64);
    assert!(connected.iter().all(|p| p.identity.as_deref().unwrap().starts_with("join-")));
}
