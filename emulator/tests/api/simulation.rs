//! The library's simulation API: seeding, joins, leaves, errors, clock, shutdown.

use std::time::{Duration, Instant};

use chrono::TimeDelta;
use sidekick_emulator::{Emulator, EmulatorError, ParticipantStatus, RoomStatus, Route};

use crate::support::{Api, at};

#[tokio::test]
async fn seeding_a_hundred_thousand_participants_is_fast() {
    let emu = Emulator::start().await.unwrap();
    emu.create_room("Stadium").unwrap();
    let started = Instant::now();
    assert_eq!(emu.seed_participants("Stadium", 100_000).unwrap(), 100_000);
    let elapsed = started.elapsed();
    // Linear and allocation-light: typically ~0.1 s in a debug build.
    assert!(elapsed < Duration::from_secs(1), "seeding took {elapsed:?}");
    assert_eq!(emu.participant("Stadium", "user-99999").unwrap().status, ParticipantStatus::Connected);
    // A second batch continues the numbering.
    emu.seed_participants("Stadium", 1).unwrap();
    assert!(emu.participant("Stadium", "user-100000").is_ok());
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
