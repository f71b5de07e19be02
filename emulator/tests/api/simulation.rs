//! The library's simulation API: seeding, joins, leaves, errors, clock, shutdown.

use std::time::Duration;

use chrono::TimeDelta;
use sidekick_emulator::{
    Emulator, EmulatorError, MAX_SEED_PARTICIPANTS, ParticipantStatus, RoomStatus, Route,
};

use crate::support::{Api, at};

#[tokio::test]
async fn seeding_a_hundred_thousand_participants_works() {
    let api = Api::start().await;
    let emu = &api.emu;
    emu.create_room("Stadium").unwrap();
    assert_eq!(emu.seed_participants("Stadium", 100_000).unwrap(), 100_000);
    let first = emu.participant("Stadium", "user-0").unwrap();
    let last = emu.participant("Stadium", "user-99999").unwrap();
    assert_eq!((first.status, last.status), (ParticipantStatus::Connected, ParticipantStatus::Connected));
    assert!(first.sid.starts_with("PA") && last.sid.starts_with("PA"));
    assert_ne!(first.sid, last.sid);
    // SIDs name the same participants as identities do.
    assert_eq!(emu.participant("Stadium", &first.sid).unwrap().identity, "user-0");
    assert_eq!(emu.participant("Stadium", &last.sid).unwrap().identity, "user-99999");
    assert!(emu.participant("Stadium", "user-100000").is_err());

    // Listing works at that size: the first page is full, in creation order, with a next page.
    let page = api.get_query("/v1/Rooms/Stadium/Participants", &[("PageSize", "1000")]).await;
    assert_eq!(page.status, 200, "{}", page.text);
    let items = page.json["participants"].as_array().unwrap();
    assert_eq!(items.len(), 1000);
    assert_eq!(items[0]["sid"], first.sid.as_str());
    assert_eq!(items[999]["identity"], "user-999");
    assert!(page.json["meta"]["next_page_url"].is_string());

    // A second batch continues the numbering.
    emu.seed_participants("Stadium", 1).unwrap();
    assert!(emu.participant("Stadium", "user-100000").is_ok());
}

#[tokio::test]
async fn seeding_beyond_the_limit_is_refused_without_a_change() {
    let emu = Emulator::start().await.unwrap();
    emu.create_room("R").unwrap();
    for count in [MAX_SEED_PARTICIPANTS + 1, usize::MAX] {
        let err = emu.seed_participants("R", count).unwrap_err();
        assert!(matches!(err, EmulatorError::InvalidArgument { .. }), "{err:?}");
        assert!(err.to_string().contains(&MAX_SEED_PARTICIPANTS.to_string()), "{err}");
    }
    // The limit is checked before the room, and nothing was added.
    assert!(matches!(emu.seed_participants("Nope", usize::MAX), Err(EmulatorError::InvalidArgument { .. })));
    assert!(emu.participant("R", "user-0").is_err());
    assert_eq!(emu.seed_participants("R", 0).unwrap(), 0);
}

#[tokio::test]
async fn an_empty_room_name_is_refused() {
    let emu = Emulator::start().await.unwrap();
    assert!(matches!(emu.create_room(""), Err(EmulatorError::InvalidArgument { .. })));
}

#[tokio::test]
async fn an_extreme_clock_saturates_and_still_serves() {
    let api = Api::start().await;
    let clock = api.emu.clock();
    clock.set(at(0));
    api.emu.create_room("R").unwrap();
    let sid = api.emu.join("R", "A").unwrap();
    clock.advance(TimeDelta::MAX);
    clock.advance(TimeDelta::MAX);
    let left = api.emu.leave("R", &sid).unwrap();
    assert!(left.duration.unwrap() > 0);
    let reply = api.get(&format!("/v1/Rooms/R/Participants/{sid}")).await;
    assert_eq!(reply.status, 200, "{}", reply.text);
    assert_eq!(reply.json["end_time"].as_str(), Some(wire_time(left.end_time.unwrap()).as_str()));
}

fn wire_time(instant: chrono::DateTime<chrono::Utc>) -> String {
    instant.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

#[tokio::test]
async fn demo_seed_matches_the_quickstart() {
    let emu = Emulator::start().await.unwrap();
    let room = emu.seed_demo().unwrap();
    assert_eq!(emu.room("DailyStandup").unwrap().sid, room);
    for identity in sidekick_emulator::DEMO_IDENTITIES {
        assert_eq!(emu.participant(&room, identity).unwrap().status, ParticipantStatus::Connected);
    }
    assert!(emu.participant(&room, sidekick_emulator::DEMO_DISCONNECTED_IDENTITY).is_err());
    assert!(matches!(emu.seed_demo(), Err(EmulatorError::RoomExists { .. })));
}

#[tokio::test]
async fn simulation_errors_are_specific() {
    let emu = Emulator::start().await.unwrap();
    emu.create_room("R").unwrap();
    assert!(matches!(emu.join("Nope", "A"), Err(EmulatorError::RoomNotFound { .. })));
    assert!(matches!(emu.join("R", ""), Err(EmulatorError::InvalidArgument { .. })));
    assert!(matches!(emu.leave("R", "Ghost"), Err(EmulatorError::ParticipantNotFound { .. })));
    let sid = emu.join("R", "A").unwrap();
    emu.leave("R", &sid).unwrap();
    assert!(emu.leave("R", &sid).is_ok(), "leaving twice by SID is harmless");
    assert!(matches!(emu.set_reconnecting("R", &sid), Err(EmulatorError::ParticipantDisconnected { .. })));
    let room = emu.complete_room("R").unwrap();
    assert_eq!(room.status, RoomStatus::Completed);
    assert!(matches!(emu.join(&room.sid, "B"), Err(EmulatorError::RoomCompleted { .. })));
    assert!(matches!(emu.seed_participants(&room.sid, 3), Err(EmulatorError::RoomCompleted { .. })));
    assert!(matches!(emu.complete_room("R"), Err(EmulatorError::RoomNotFound { .. })));
    assert_eq!(emu.complete_room(&room.sid).unwrap(), room);
}

#[tokio::test]
async fn frozen_clock_makes_durations_deterministic() {
    let emu = Emulator::start().await.unwrap();
    let clock = emu.clock();
    clock.set(at(0));
    emu.create_room("R").unwrap();
    emu.join("R", "A").unwrap();
    emu.join("R", "B").unwrap();
    clock.advance(TimeDelta::seconds(30));
    let reconnecting = emu.set_reconnecting("R", "B").unwrap();
    assert_eq!(reconnecting.date_updated, at(30));
    clock.advance(TimeDelta::milliseconds(59_900));
    let a = emu.leave("R", "A").unwrap();
    assert_eq!(a.end_time, Some(at(89)), "instants are whole seconds");
    assert_eq!(a.duration, Some(89));
    let room = emu.complete_room("R").unwrap();
    assert_eq!(room.duration, Some(89));
    let b = emu.participant(&room.sid, &reconnecting.sid).unwrap();
    assert_eq!((b.status, b.duration), (ParticipantStatus::Disconnected, Some(89)));
    clock.resume_real_time();
    assert!(clock.now() > at(0) + TimeDelta::days(365));
}

#[tokio::test]
async fn shutdown_and_drop_stop_the_server() {
    let emu = Emulator::start().await.unwrap();
    let addr = emu.addr();
    emu.shutdown().await;
    assert!(tokio::net::TcpStream::connect(addr).await.is_err());

    let emu = Emulator::start().await.unwrap();
    let addr = emu.addr();
    drop(emu);
    let mut refused = false;
    for _ in 0..100 {
        if tokio::net::TcpStream::connect(addr).await.is_err() {
            refused = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    assert!(refused, "server still accepting after drop");
}

#[tokio::test]
async fn request_counts_cover_every_request() {
    let api = Api::demo().await;
    api.get("/v1/Rooms").await;
    api.get("/v1/Rooms/DailyStandup").await;
    api.get("/v1/Nowhere").await;
    assert_eq!(api.emu.request_count(Route::ListRooms), 1);
    assert_eq!(api.emu.request_count(Route::FetchRoom), 1);
    assert_eq!(api.emu.request_count(Route::Any), 3);
}

#[tokio::test]
async fn participant_sids_read_in_either_case() {
    let emu = Emulator::start().await.unwrap();
    emu.create_room("R").unwrap();
    let sid = emu.join("R", "A").unwrap();
    let upper = format!("PA{}", sid[2..].to_ascii_uppercase());
    assert_eq!(emu.participant("R", &upper).unwrap().sid, sid);
    assert_eq!(emu.leave("R", &upper).unwrap().sid, sid);
}

#[tokio::test]
async fn an_inserted_participant_joins_like_any_other() {
    use sidekick::twilio::video::v1::Participant;
    let emu = Emulator::start().await.unwrap();
    let room = emu.seed_demo().unwrap();
    let alice = emu.participant(&room, "Alice").unwrap();
    let inserted: Participant = emu.insert(&[&room], serde_json::json!({"identity": "Alice"})).unwrap();
    assert_eq!(emu.participant(&room, "Alice").unwrap().sid, inserted.sid.unwrap(), "the newcomer answers");
    assert_eq!(emu.participant(&room, &alice.sid).unwrap().status, ParticipantStatus::Disconnected);
    assert!(inserted.start_time.is_some());
}
