//! The simulation API: changes to Video's rooms and participants made directly, without going
//! through HTTP (rooms, joins, leaves, seeding), and snapshots to inspect them. Each call holds
//! the world's lock throughout, so it is one change at one instant.

use std::sync::{Arc, MutexGuard};

use chrono::{DateTime, Utc};
use serde_json::{Map, Value};
use sidekick::twilio::video::v1::{Participant, Room};

use super::{CONNECTED, IN_PROGRESS, RECONNECTING, participants, rooms, snapshot};
use crate::emulator::Emulator;
use crate::error::EmulatorError;
use crate::http::resources::{self, Identify};
use crate::registry::ServedResource;
use crate::shared::Shared;
use crate::world::World;
use crate::world::collection::Record;
use crate::world::model::{ParticipantInfo, ParticipantStatus, RoomInfo, RoomSettings};

/// Identities of the connected participants [`Emulator::seed_demo`] puts in `DailyStandup`.
pub const DEMO_IDENTITIES: [&str; 7] = ["Alice", "Bob", "Carol", "Dave", "Erin", "Frank", "Grace"];

/// Identity of the participant [`Emulator::seed_demo`] adds and then disconnects.
pub const DEMO_DISCONNECTED_IDENTITY: &str = "Heidi";

/// The most participants one call to [`Emulator::seed_participants`] connects. Larger counts are
/// refused with [`EmulatorError::InvalidArgument`] before anything is locked or allocated.
/// Each participant is stored as its JSON object, about 3.3 KB, so a million take about
/// 3.3 GB. Call it again to seed more.
pub const MAX_SEED_PARTICIPANTS: usize = 1_000_000;

impl Emulator {
    /// Creates an in-progress group room with this unique name; returns its SID.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), sidekick_emulator::EmulatorError> {
    /// let emu = sidekick_emulator::Emulator::start().await?;
    /// let sid = emu.create_room("DailyStandup")?;
    /// assert!(sid.starts_with("RM") && sid.len() == 34);
    /// assert!(emu.create_room("DailyStandup").is_err());
    /// # Ok(()) }
    /// ```
    pub fn create_room(&self, unique_name: &str) -> Result<String, EmulatorError> {
        self.create_room_with(unique_name, RoomSettings::default())
    }

    /// Like [`create_room`](Emulator::create_room), with chosen room properties.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), sidekick_emulator::EmulatorError> {
    /// use sidekick_emulator::RoomSettings;
    /// let emu = sidekick_emulator::Emulator::start().await?;
    /// let settings = RoomSettings { audio_only: true, ..RoomSettings::default() };
    /// emu.create_room_with("Podcast", settings)?;
    /// assert!(emu.room("Podcast")?.settings.audio_only);
    /// # Ok(()) }
    /// ```
    pub fn create_room_with(
        &self,
        unique_name: &str,
        settings: RoomSettings,
    ) -> Result<String, EmulatorError> {
        if unique_name.is_empty() {
            // The HTTP API treats an empty UniqueName as none; here it would name an
            // unaddressable room.
            return Err(EmulatorError::InvalidArgument {
                message: "a room's unique name must not be empty".to_owned(),
            });
        }
        let rooms = video_resource::<Room>(&self.shared)?;
        let fields = rooms::fields(unique_name, settings);
        match resources::insert(&self.shared, &rooms, &[], &fields, Identify::Assign) {
            Ok((room, _)) => Ok(room["sid"].as_str().unwrap_or_default().to_owned()),
            Err(err) if err.code() == ROOM_EXISTS => {
                Err(EmulatorError::RoomExists { unique_name: unique_name.to_owned() })
            }
            Err(err) => Err(EmulatorError::InvalidArgument { message: err.message().to_owned() }),
        }
    }

    /// Connects a participant; returns its SID. Anyone connected to the room with the same
    /// identity is disconnected, as at Twilio.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), sidekick_emulator::EmulatorError> {
    /// use sidekick_emulator::ParticipantStatus;
    /// let emu = sidekick_emulator::Emulator::start().await?;
    /// emu.create_room("DailyStandup")?;
    /// let first = emu.join("DailyStandup", "Alice")?;
    /// let second = emu.join("DailyStandup", "Alice")?;
    /// assert_eq!(emu.participant("DailyStandup", &first)?.status, ParticipantStatus::Disconnected);
    /// assert_eq!(emu.participant("DailyStandup", "Alice")?.sid, second);
    /// # Ok(()) }
    /// ```
    pub fn join(&self, room: &str, identity: &str) -> Result<String, EmulatorError> {
        if identity.is_empty() {
            return Err(EmulatorError::InvalidArgument {
                message: "a participant identity must not be empty".to_owned(),
            });
        }
        let mut video = self.video()?;
        let room_sid = video.open_room(room)?;
        if let Some(present) = video.present(&room_sid, identity) {
            video.change_participant(&room_sid, &present, |p, now| {
                participants::disconnect(p, now);
            });
        }
        Ok(video.add_participant(&room_sid, identity))
    }

    /// Disconnects a participant (by SID, or identity if connected or reconnecting) and returns
    /// it. Leaving twice by SID is harmless.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), sidekick_emulator::EmulatorError> {
    /// let emu = sidekick_emulator::Emulator::start().await?;
    /// emu.create_room("DailyStandup")?;
    /// emu.join("DailyStandup", "Bob")?;
    /// let bob = emu.leave("DailyStandup", "Bob")?;
    /// assert!(bob.end_time.is_some());
    /// # Ok(()) }
    /// ```
    pub fn leave(&self, room: &str, participant: &str) -> Result<ParticipantInfo, EmulatorError> {
        let mut video = self.video()?;
        let (room_sid, sid) = video.find_participant(room, participant)?;
        Ok(video.change_participant(&room_sid, &sid, |p, now| {
            participants::disconnect(p, now);
        }))
    }

    /// Marks a connected participant as reconnecting. Fetching it by identity over HTTP then
    /// gives 404, as only connected participants are found by identity.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), sidekick_emulator::EmulatorError> {
    /// use sidekick_emulator::ParticipantStatus;
    /// let emu = sidekick_emulator::Emulator::start().await?;
    /// emu.create_room("DailyStandup")?;
    /// emu.join("DailyStandup", "Carol")?;
    /// let carol = emu.set_reconnecting("DailyStandup", "Carol")?;
    /// assert_eq!(carol.status, ParticipantStatus::Reconnecting);
    /// # Ok(()) }
    /// ```
    pub fn set_reconnecting(&self, room: &str, participant: &str) -> Result<ParticipantInfo, EmulatorError> {
        self.set_status(room, participant, ParticipantStatus::Reconnecting)
    }

    /// Marks a reconnecting participant as connected again.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), sidekick_emulator::EmulatorError> {
    /// use sidekick_emulator::ParticipantStatus;
    /// let emu = sidekick_emulator::Emulator::start().await?;
    /// emu.create_room("DailyStandup")?;
    /// emu.join("DailyStandup", "Carol")?;
    /// emu.set_reconnecting("DailyStandup", "Carol")?;
    /// assert_eq!(emu.set_connected("DailyStandup", "Carol")?.status, ParticipantStatus::Connected);
    /// # Ok(()) }
    /// ```
    pub fn set_connected(&self, room: &str, participant: &str) -> Result<ParticipantInfo, EmulatorError> {
        self.set_status(room, participant, ParticipantStatus::Connected)
    }

    fn set_status(
        &self,
        room: &str,
        participant: &str,
        status: ParticipantStatus,
    ) -> Result<ParticipantInfo, EmulatorError> {
        let mut video = self.video()?;
        let (room_sid, sid) = video.find_participant(room, participant)?;
        let current = video.participant_object(&room_sid, &sid).and_then(|p| p.get("status")?.as_str());
        if current != Some(CONNECTED) && current != Some(RECONNECTING) {
            return Err(EmulatorError::ParticipantDisconnected { participant: participant.to_owned() });
        }
        let status = if status == ParticipantStatus::Connected { CONNECTED } else { RECONNECTING };
        Ok(video.change_participant(&room_sid, &sid, |p, now| participants::set_presence(p, status, now)))
    }

    /// Completes a room: every participant still in it is disconnected, and its unique name is
    /// free for a new room. Completing a completed room (by SID) changes nothing.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), sidekick_emulator::EmulatorError> {
    /// use sidekick_emulator::RoomStatus;
    /// let emu = sidekick_emulator::Emulator::start().await?;
    /// emu.create_room("DailyStandup")?;
    /// let room = emu.complete_room("DailyStandup")?;
    /// assert_eq!(room.status, RoomStatus::Completed);
    /// # Ok(()) }
    /// ```
    pub fn complete_room(&self, room: &str) -> Result<RoomInfo, EmulatorError> {
        let rooms = video_resource::<Room>(&self.shared)?;
        let params = [("Status".to_owned(), Value::from(super::COMPLETED))];
        let path = format!("/v1/Rooms/{room}");
        let (completed, _) =
            resources::update_object(&self.shared, &rooms, &[room.to_owned()], &params, &path)
                .map_err(|_| EmulatorError::RoomNotFound { room: room.to_owned() })?;
        Ok(completed.as_object().map(snapshot::room).unwrap_or_else(|| snapshot::room(&Map::new())))
    }

    /// Connects `count` participants at once, with identities `user-{position}` where position
    /// is each one's 0-based place in the room's creation order (so `user-0`, `user-1`, ... in
    /// a new room). Returns `count`. Linear time: 100 000 take about 0.8 s in a release build.
    ///
    /// At most [`MAX_SEED_PARTICIPANTS`] per call; a larger `count` gives
    /// [`EmulatorError::InvalidArgument`] and changes nothing.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), sidekick_emulator::EmulatorError> {
    /// use sidekick_emulator::{EmulatorError, MAX_SEED_PARTICIPANTS};
    /// let emu = sidekick_emulator::Emulator::start().await?;
    /// emu.create_room("Town Hall")?;
    /// assert_eq!(emu.seed_participants("Town Hall", 1000)?, 1000);
    /// assert_eq!(emu.participant("Town Hall", "user-999")?.identity, "user-999");
    /// let too_many = emu.seed_participants("Town Hall", MAX_SEED_PARTICIPANTS + 1);
    /// assert!(matches!(too_many, Err(EmulatorError::InvalidArgument { .. })));
    /// # Ok(()) }
    /// ```
    pub fn seed_participants(&self, room: &str, count: usize) -> Result<usize, EmulatorError> {
        if count > MAX_SEED_PARTICIPANTS {
            return Err(EmulatorError::InvalidArgument {
                message: format!(
                    "cannot seed {count} participants in one call: the limit is {MAX_SEED_PARTICIPANTS}"
                ),
            });
        }
        let mut video = self.video()?;
        let room_sid = video.open_room(room)?;
        let first = video.participant_count(&room_sid);
        for position in first..first + count {
            let identity = format!("user-{position}");
            if let Some(present) = video.present(&room_sid, &identity) {
                video.change_participant(&room_sid, &present, |p, now| {
                    participants::disconnect(p, now);
                });
            }
            video.add_participant(&room_sid, &identity);
        }
        Ok(count)
    }

    /// Creates the demo world used by the quickstart and `--seed demo`: the in-progress room
    /// `DailyStandup` with connected participants Alice, Bob, Carol, Dave, Erin, Frank and
    /// Grace ([`DEMO_IDENTITIES`]), and Heidi ([`DEMO_DISCONNECTED_IDENTITY`]), who has left.
    /// Returns the room's SID.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), sidekick_emulator::EmulatorError> {
    /// let emu = sidekick_emulator::Emulator::start().await?;
    /// let room = emu.seed_demo()?;
    /// assert_eq!(emu.participant(&room, "Alice")?.identity, "Alice");
    /// assert!(emu.participant(&room, "Heidi").is_err());
    /// # Ok(()) }
    /// ```
    pub fn seed_demo(&self) -> Result<String, EmulatorError> {
        let room = self.create_room("DailyStandup")?;
        for identity in DEMO_IDENTITIES {
            self.join(&room, identity)?;
        }
        let heidi = self.join(&room, DEMO_DISCONNECTED_IDENTITY)?;
        self.leave(&room, &heidi)?;
        Ok(room)
    }

    /// A snapshot of a room, by SID or by the unique name of an in-progress room.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), sidekick_emulator::EmulatorError> {
    /// let emu = sidekick_emulator::Emulator::start().await?;
    /// let sid = emu.create_room("DailyStandup")?;
    /// assert_eq!(emu.room("DailyStandup")?.sid, sid);
    /// # Ok(()) }
    /// ```
    pub fn room(&self, room: &str) -> Result<RoomInfo, EmulatorError> {
        let mut video = self.video()?;
        let sid = video.room_sid(room)?;
        Ok(video.room_object(&sid).map(snapshot::room).unwrap_or_else(|| snapshot::room(&Map::new())))
    }

    /// A snapshot of a participant, by SID (any status) or by identity (connected or
    /// reconnecting).
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), sidekick_emulator::EmulatorError> {
    /// let emu = sidekick_emulator::Emulator::start().await?;
    /// emu.create_room("DailyStandup")?;
    /// let sid = emu.join("DailyStandup", "Dave")?;
    /// assert_eq!(emu.participant("DailyStandup", "Dave")?.sid, sid);
    /// # Ok(()) }
    /// ```
    pub fn participant(&self, room: &str, participant: &str) -> Result<ParticipantInfo, EmulatorError> {
        let mut video = self.video()?;
        let (room_sid, sid) = video.find_participant(room, participant)?;
        let object = video.participant_object(&room_sid, &sid);
        Ok(object.map(snapshot::participant).unwrap_or_else(|| snapshot::participant(&Map::new())))
    }
}

/// Twilio's code for a unique name an in-progress room has.
const ROOM_EXISTS: u32 = 53113;

/// The registration of one of Video's resource types, which every emulator has.
fn video_resource<R: sidekick_runtime::Resource>(
    shared: &Shared,
) -> Result<Arc<ServedResource>, EmulatorError> {
    shared.registry.of::<R>().ok_or_else(|| EmulatorError::InvalidArgument {
        message: format!("{} is not served by this emulator", R::NAME),
    })
}

/// Video's records, locked for one change made at one instant.
struct Video<'a> {
    shared: &'a Shared,
    world: MutexGuard<'a, World>,
    now: DateTime<Utc>,
    rooms: Arc<ServedResource>,
    participants: Arc<ServedResource>,
}

impl Emulator {
    fn video(&self) -> Result<Video<'_>, EmulatorError> {
        let rooms = video_resource::<Room>(&self.shared)?;
        let participants = video_resource::<Participant>(&self.shared)?;
        let (world, now) = self.shared.world();
        Ok(Video { shared: &self.shared, world, now, rooms, participants })
    }
}

impl Video<'_> {
    /// The SID of the room `key` names: a SID, or an in-progress room's unique name.
    fn room_sid(&mut self, key: &str) -> Result<String, EmulatorError> {
        let records = self.world.collection(self.rooms.key);
        resources::resolve(&self.rooms, records, &[], key)
            .ok_or_else(|| EmulatorError::RoomNotFound { room: key.to_owned() })
    }

    /// Like [`Video::room_sid`], but refuses a completed room: nobody can join it.
    fn open_room(&mut self, key: &str) -> Result<String, EmulatorError> {
        let sid = self.room_sid(key)?;
        let status = self.room_object(&sid).and_then(|room| room.get("status")?.as_str());
        if status != Some(IN_PROGRESS) {
            return Err(EmulatorError::RoomCompleted { room: key.to_owned() });
        }
        Ok(sid)
    }

    fn room_object(&mut self, sid: &str) -> Option<&Map<String, Value>> {
        self.world.collection(self.rooms.key).get(&[], sid).map(|record| &record.object)
    }

    fn participant_object(&mut self, room_sid: &str, sid: &str) -> Option<&Map<String, Value>> {
        let scope = [room_sid.to_owned()];
        self.world.collection(self.participants.key).get(&scope, sid).map(|record| &record.object)
    }

    /// The room's SID and the participant's, by its SID (any status) or by the identity of a
    /// participant still present (connected or reconnecting).
    fn find_participant(&mut self, room: &str, key: &str) -> Result<(String, String), EmulatorError> {
        let room_sid = self.room_sid(room)?;
        let scope = [room_sid.clone()];
        let records = self.world.collection(self.participants.key);
        // By SID (its hex digits in either case), else by the identity of one present.
        let by_sid = resources::resolve_id(&self.participants, records, &scope, key);
        let sid = by_sid.or_else(|| self.present(&room_sid, key)).ok_or_else(|| {
            EmulatorError::ParticipantNotFound { room: room.to_owned(), participant: key.to_owned() }
        })?;
        Ok((room_sid, sid))
    }

    /// The participant present in the room under `identity`, connected or reconnecting, from
    /// the index of identities.
    fn present(&mut self, room_sid: &str, identity: &str) -> Option<String> {
        let scope = [room_sid.to_owned()];
        self.world.collection(self.participants.key).find_alias(&scope, identity).map(str::to_owned)
    }

    fn participant_count(&mut self, room_sid: &str) -> usize {
        self.world.collection(self.participants.key).count_in_scope(&[room_sid.to_owned()])
    }

    /// Connects a new participant to the room; returns its SID.
    fn add_participant(&mut self, room_sid: &str, identity: &str) -> String {
        let sid = self.shared.next_sid(&self.participants.sid_prefix);
        let account_sid = &self.shared.credentials.account_sid;
        let object = participants::joined(account_sid, room_sid, sid.clone(), identity, self.now);
        let alias = self.participants.hooks.alias_of(&object);
        let record = Record { scope: vec![room_sid.to_owned()], id: sid.clone(), alias, object };
        self.world.collection(self.participants.key).insert(record);
        sid
    }

    /// Changes a stored participant with `change` at this instant and returns its snapshot.
    fn change_participant(
        &mut self,
        room_sid: &str,
        sid: &str,
        change: impl FnOnce(&mut Map<String, Value>, DateTime<Utc>),
    ) -> ParticipantInfo {
        let scope = [room_sid.to_owned()];
        let records = self.world.collection(self.participants.key);
        let mut object = records.get(&scope, sid).map(|record| record.object.clone()).unwrap_or_default();
        change(&mut object, self.now);
        let info = snapshot::participant(&object);
        let alias = self.participants.hooks.alias_of(&object);
        records.replace(&scope, sid, object, alias);
        info
    }
}
