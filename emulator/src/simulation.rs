//! The simulation API: changes to the world behind the HTTP API (rooms, joins, leaves, seeding)
//! made directly, without going through HTTP, and snapshots to inspect it.

use crate::emulator::Emulator;
use crate::error::EmulatorError;
use crate::world::model::{ParticipantInfo, ParticipantStatus, RoomInfo, RoomSettings};
use crate::world::state::IdentityScope;

/// Identities of the connected participants [`Emulator::seed_demo`] puts in `DailyStandup`.
pub const DEMO_IDENTITIES: [&str; 7] = ["Alice", "Bob", "Carol", "Dave", "Erin", "Frank", "Grace"];

/// Identity of the participant [`Emulator::seed_demo`] adds and then disconnects.
pub const DEMO_DISCONNECTED_IDENTITY: &str = "Heidi";

/// The most participants one call to [`Emulator::seed_participants`] connects. Larger counts are
/// refused with [`EmulatorError::InvalidArgument`] before anything is locked or allocated; a
/// million participants take roughly 150 MB. Call it again to seed more.
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
        let room = self.shared.change(|state, now| state.create_room(Some(unique_name), settings, now))?;
        Ok(room.sid)
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
        Ok(self.shared.change(|state, now| state.join(room, identity, now))?.sid)
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
        self.shared
            .change(|state, now| state.disconnect_participant(room, participant, IdentityScope::Present, now))
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
        self.shared.change(|state, now| state.set_participant_status(room, participant, status, now))
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
        self.shared.change(|state, now| state.complete_room(room, now))
    }

    /// Connects `count` participants at once, with identities `user-{position}` where position
    /// is each one's 0-based place in the room's creation order (so `user-0`, `user-1`, ... in
    /// a new room). Returns `count`. Linear time: 100 000 take well under a second.
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
        self.shared.change(|state, now| state.seed_participants(room, count, now))
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
        self.shared.state().room_info(room)
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
        self.shared.state().participant_info(room, participant, IdentityScope::Present)
    }
}
