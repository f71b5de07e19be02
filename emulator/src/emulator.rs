//! The running emulator: its address and credentials, and the simulation API that changes the
//! world behind the HTTP API (joins, leaves, seeding) without going through HTTP.

use std::fmt;
use std::net::SocketAddr;
use std::sync::Arc;

use crate::builder::EmulatorBuilder;
use crate::clock::Clock;
use crate::error::EmulatorError;
use crate::faults::{Faults, Route};
use crate::model::{ParticipantInfo, ParticipantStatus, RoomInfo, RoomSettings};
use crate::server::ServerHandle;
use crate::shared::Shared;
use crate::state::IdentityScope;

/// Identities of the connected participants [`Emulator::seed_demo`] puts in `DailyStandup`.
pub const DEMO_IDENTITIES: [&str; 7] = ["Alice", "Bob", "Carol", "Dave", "Erin", "Frank", "Grace"];

/// Identity of the participant [`Emulator::seed_demo`] adds and then disconnects.
pub const DEMO_DISCONNECTED_IDENTITY: &str = "Heidi";

/// A local, stateful Twilio Video server.
///
/// It serves Rooms and Room Participants over HTTP on `127.0.0.1` and stops when
/// [`shutdown`](Emulator::shutdown) is awaited or the value is dropped. The simulation methods
/// (`create_room`, `join`, ...) are synchronous and can be called from any thread; rooms are
/// addressed by SID or by the unique name of an in-progress room, participants by SID or by
/// the identity of a connected (or reconnecting) participant.
///
/// ```
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> Result<(), sidekick_emulator::EmulatorError> {
/// let emu = sidekick_emulator::Emulator::start().await?;
/// emu.create_room("DailyStandup")?;
/// let alice = emu.join("DailyStandup", "Alice")?;
/// assert!(alice.starts_with("PA"));
/// emu.shutdown().await;
/// # Ok(()) }
/// ```
pub struct Emulator {
    shared: Arc<Shared>,
    addr: SocketAddr,
    server: Option<ServerHandle>,
}

impl Emulator {
    /// Starts an emulator on an ephemeral port of `127.0.0.1` with the default credentials.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), sidekick_emulator::EmulatorError> {
    /// let emu = sidekick_emulator::Emulator::start().await?;
    /// assert_eq!(emu.account_sid(), sidekick_emulator::DEFAULT_ACCOUNT_SID);
    /// # Ok(()) }
    /// ```
    pub async fn start() -> Result<Emulator, EmulatorError> {
        EmulatorBuilder::default().start().await
    }

    /// Configures an emulator before starting it.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), sidekick_emulator::EmulatorError> {
    /// let emu = sidekick_emulator::Emulator::builder().credentials("ACx", "secret").start().await?;
    /// assert_eq!(emu.auth_token(), "secret");
    /// # Ok(()) }
    /// ```
    pub fn builder() -> EmulatorBuilder {
        EmulatorBuilder::default()
    }

    pub(crate) fn from_parts(shared: Arc<Shared>, addr: SocketAddr, server: ServerHandle) -> Emulator {
        Emulator { shared, addr, server: Some(server) }
    }

    /// `http://127.0.0.1:PORT`, without a trailing slash: the base URL to point a client at.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), sidekick_emulator::EmulatorError> {
    /// let emu = sidekick_emulator::Emulator::start().await?;
    /// assert_eq!(emu.base_url(), format!("http://{}", emu.addr()));
    /// # Ok(()) }
    /// ```
    pub fn base_url(&self) -> String {
        self.shared.base_url.clone()
    }

    /// The address the server listens on.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), sidekick_emulator::EmulatorError> {
    /// let emu = sidekick_emulator::Emulator::start().await?;
    /// assert!(emu.addr().ip().is_loopback());
    /// assert_ne!(emu.addr().port(), 0);
    /// # Ok(()) }
    /// ```
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The accepted account SID (the HTTP Basic username).
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), sidekick_emulator::EmulatorError> {
    /// let emu = sidekick_emulator::Emulator::start().await?;
    /// assert!(emu.account_sid().starts_with("AC"));
    /// # Ok(()) }
    /// ```
    pub fn account_sid(&self) -> &str {
        &self.shared.credentials.account_sid
    }

    /// The accepted auth token (the HTTP Basic password for the account SID).
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), sidekick_emulator::EmulatorError> {
    /// let emu = sidekick_emulator::Emulator::start().await?;
    /// assert_eq!(emu.auth_token(), sidekick_emulator::DEFAULT_AUTH_TOKEN);
    /// # Ok(()) }
    /// ```
    pub fn auth_token(&self) -> &str {
        &self.shared.credentials.auth_token
    }

    /// The accepted API key SID (an alternative HTTP Basic username).
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), sidekick_emulator::EmulatorError> {
    /// let emu = sidekick_emulator::Emulator::start().await?;
    /// assert!(emu.api_key_sid().starts_with("SK"));
    /// # Ok(()) }
    /// ```
    pub fn api_key_sid(&self) -> &str {
        &self.shared.credentials.api_key_sid
    }

    /// The secret of [`api_key_sid`](Emulator::api_key_sid).
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), sidekick_emulator::EmulatorError> {
    /// let emu = sidekick_emulator::Emulator::start().await?;
    /// assert_eq!(emu.api_key_secret(), sidekick_emulator::DEFAULT_API_KEY_SECRET);
    /// # Ok(()) }
    /// ```
    pub fn api_key_secret(&self) -> &str {
        &self.shared.credentials.api_key_secret
    }

    /// The emulator's clock. It follows real time until set; see [`Clock`].
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), sidekick_emulator::EmulatorError> {
    /// use chrono::{TimeDelta, TimeZone, Utc};
    /// let emu = sidekick_emulator::Emulator::start().await?;
    /// emu.clock().set(Utc.with_ymd_and_hms(2015, 7, 30, 20, 0, 0).unwrap());
    /// emu.create_room("DailyStandup")?;
    /// emu.join("DailyStandup", "Alice")?;
    /// emu.clock().advance(TimeDelta::seconds(42));
    /// assert_eq!(emu.leave("DailyStandup", "Alice")?.duration, Some(42));
    /// # Ok(()) }
    /// ```
    pub fn clock(&self) -> Clock {
        self.shared.clock.clone()
    }

    /// The fault queue: make upcoming requests fail. See [`Faults`].
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), sidekick_emulator::EmulatorError> {
    /// use sidekick_emulator::{Fault, Route};
    /// let emu = sidekick_emulator::Emulator::start().await?;
    /// emu.faults().inject(Route::ListParticipants, Fault::TooManyRequests { retry_after_secs: 1 }, 3);
    /// assert_eq!(emu.faults().pending(), 3);
    /// # Ok(()) }
    /// ```
    pub fn faults(&self) -> Faults {
        self.shared.faults.clone()
    }

    /// How many requests the server has received for `route` ([`Route::Any`]: all of them),
    /// including ones that failed authentication or were faulted.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), sidekick_emulator::EmulatorError> {
    /// let emu = sidekick_emulator::Emulator::start().await?;
    /// assert_eq!(emu.request_count(sidekick_emulator::Route::Any), 0);
    /// # Ok(()) }
    /// ```
    pub fn request_count(&self, route: Route) -> u64 {
        self.shared.request_count(route)
    }

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
        let now = self.shared.clock.now();
        let room = self.shared.state().create_room(Some(unique_name), settings, now)?;
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
        let now = self.shared.clock.now();
        Ok(self.shared.state().join(room, identity, now)?.sid)
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
        let now = self.shared.clock.now();
        self.shared.state().disconnect_participant(room, participant, IdentityScope::Present, now)
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
        let now = self.shared.clock.now();
        self.shared.state().set_participant_status(room, participant, status, now)
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
        let now = self.shared.clock.now();
        self.shared.state().complete_room(room, now)
    }

    /// Connects `count` participants at once, with identities `user-{position}` where position
    /// is each one's 0-based place in the room's creation order (so `user-0`, `user-1`, ... in
    /// a new room). Returns `count`. Linear time: 100 000 take well under a second.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), sidekick_emulator::EmulatorError> {
    /// let emu = sidekick_emulator::Emulator::start().await?;
    /// emu.create_room("Town Hall")?;
    /// assert_eq!(emu.seed_participants("Town Hall", 1000)?, 1000);
    /// assert_eq!(emu.participant("Town Hall", "user-999")?.identity, "user-999");
    /// # Ok(()) }
    /// ```
    pub fn seed_participants(&self, room: &str, count: usize) -> Result<usize, EmulatorError> {
        let now = self.shared.clock.now();
        self.shared.state().seed_participants(room, count, now)
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

    /// Stops accepting connections, lets in-flight requests finish (up to 5 s), and waits for
    /// the server to stop. Dropping the emulator also stops it, without waiting.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), sidekick_emulator::EmulatorError> {
    /// let emu = sidekick_emulator::Emulator::start().await?;
    /// let addr = emu.addr();
    /// emu.shutdown().await;
    /// assert!(tokio::net::TcpStream::connect(addr).await.is_err());
    /// # Ok(()) }
    /// ```
    pub async fn shutdown(mut self) {
        if let Some(server) = self.server.take() {
            server.stop().await;
        }
    }
}

impl Drop for Emulator {
    fn drop(&mut self) {
        if let Some(server) = &self.server {
            server.signal_stop();
        }
    }
}

impl fmt::Debug for Emulator {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Credentials are fake, but keep them out of logs anyway, like real ones.
        f.debug_struct("Emulator")
            .field("base_url", &self.shared.base_url)
            .field("account_sid", &self.shared.credentials.account_sid)
            .finish_non_exhaustive()
    }
}
