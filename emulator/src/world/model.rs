//! Public views of rooms and participants, and their status enums.

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, Utc};

/// A participant's status, as in Twilio's `room_participant_enum_status`.
///
/// ```
/// use sidekick_emulator::ParticipantStatus;
/// assert_eq!("reconnecting".parse(), Ok(ParticipantStatus::Reconnecting));
/// assert_eq!(ParticipantStatus::Connected.as_str(), "connected");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ParticipantStatus {
    /// In the room.
    Connected,
    /// Left, or was kicked, or the room completed.
    Disconnected,
    /// Temporarily lost its connection; still in the room.
    Reconnecting,
}

impl ParticipantStatus {
    /// The wire spelling.
    ///
    /// ```
    /// assert_eq!(sidekick_emulator::ParticipantStatus::Disconnected.as_str(), "disconnected");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            ParticipantStatus::Connected => "connected",
            ParticipantStatus::Disconnected => "disconnected",
            ParticipantStatus::Reconnecting => "reconnecting",
        }
    }
}

impl FromStr for ParticipantStatus {
    type Err = ();

    fn from_str(text: &str) -> Result<ParticipantStatus, ()> {
        match text {
            "connected" => Ok(ParticipantStatus::Connected),
            "disconnected" => Ok(ParticipantStatus::Disconnected),
            "reconnecting" => Ok(ParticipantStatus::Reconnecting),
            _ => Err(()),
        }
    }
}

impl fmt::Display for ParticipantStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A room's status, as in Twilio's `room_enum_room_status`. The emulator never fails a room.
///
/// ```
/// use sidekick_emulator::RoomStatus;
/// assert_eq!("in-progress".parse(), Ok(RoomStatus::InProgress));
/// assert_eq!(RoomStatus::Completed.as_str(), "completed");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RoomStatus {
    /// Open: participants can join.
    InProgress,
    /// Ended; every participant is disconnected.
    Completed,
    /// Failed (never produced by the emulator, accepted as a list filter).
    Failed,
}

impl RoomStatus {
    /// The wire spelling.
    ///
    /// ```
    /// assert_eq!(sidekick_emulator::RoomStatus::InProgress.as_str(), "in-progress");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            RoomStatus::InProgress => "in-progress",
            RoomStatus::Completed => "completed",
            RoomStatus::Failed => "failed",
        }
    }
}

impl FromStr for RoomStatus {
    type Err = ();

    fn from_str(text: &str) -> Result<RoomStatus, ()> {
        match text {
            "in-progress" => Ok(RoomStatus::InProgress),
            "completed" => Ok(RoomStatus::Completed),
            "failed" => Ok(RoomStatus::Failed),
            _ => Err(()),
        }
    }
}

impl fmt::Display for RoomStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The settable properties of a room, with Twilio's defaults for a group room.
///
/// ```
/// let settings = sidekick_emulator::RoomSettings::default();
/// assert_eq!(settings.room_type, "group");
/// assert_eq!(settings.max_participants, 50);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RoomSettings {
    /// `group`, `go`, `peer-to-peer` or `group-small`.
    pub room_type: String,
    /// Status callback URL; the emulator never calls it.
    pub status_callback: Option<String>,
    /// `POST` or `GET`.
    pub status_callback_method: String,
    /// Maximum concurrent participants (not enforced).
    pub max_participants: u32,
    /// Maximum seconds a participant may stay (not enforced).
    pub max_participant_duration: u32,
    /// Maximum concurrently published tracks.
    pub max_concurrent_published_tracks: u32,
    /// Whether recording starts when participants connect.
    pub record_participants_on_connect: bool,
    /// `VP8` and/or `H264`.
    pub video_codecs: Vec<String>,
    /// Media region, e.g. `us1`.
    pub media_region: String,
    /// Whether only audio may be published.
    pub audio_only: bool,
    /// Minutes an empty room stays open (not enforced).
    pub empty_room_timeout: u32,
    /// Minutes an unused room stays open (not enforced).
    pub unused_room_timeout: u32,
    /// Whether this is a large room.
    pub large_room: bool,
    /// Deprecated by Twilio; always true.
    pub enable_turn: bool,
}

impl Default for RoomSettings {
    fn default() -> RoomSettings {
        RoomSettings {
            room_type: "group".to_owned(),
            status_callback: None,
            status_callback_method: "POST".to_owned(),
            max_participants: 50,
            max_participant_duration: 14_400,
            max_concurrent_published_tracks: 170,
            record_participants_on_connect: false,
            video_codecs: vec!["VP8".to_owned()],
            media_region: "us1".to_owned(),
            audio_only: false,
            empty_room_timeout: 5,
            unused_room_timeout: 5,
            large_room: false,
            enable_turn: true,
        }
    }
}

/// A snapshot of a room.
///
/// ```
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> Result<(), sidekick_emulator::EmulatorError> {
/// let emu = sidekick_emulator::Emulator::start().await?;
/// emu.create_room("DailyStandup")?;
/// let room = emu.room("DailyStandup")?;
/// assert_eq!(room.unique_name, "DailyStandup");
/// # Ok(()) }
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RoomInfo {
    /// `RM` + 32 hex digits.
    pub sid: String,
    /// The unique name; the SID when none was given.
    pub unique_name: String,
    /// In progress or completed.
    pub status: RoomStatus,
    /// When the room was created.
    pub date_created: DateTime<Utc>,
    /// When the room last changed.
    pub date_updated: DateTime<Utc>,
    /// When the room completed.
    pub end_time: Option<DateTime<Utc>>,
    /// Whole seconds from creation to completion, once completed.
    pub duration: Option<i64>,
    /// The properties given at creation.
    pub settings: RoomSettings,
}

/// A snapshot of a participant.
///
/// ```
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> Result<(), sidekick_emulator::EmulatorError> {
/// let emu = sidekick_emulator::Emulator::start().await?;
/// emu.create_room("DailyStandup")?;
/// emu.join("DailyStandup", "Alice")?;
/// let alice = emu.participant("DailyStandup", "Alice")?;
/// assert_eq!(alice.status, sidekick_emulator::ParticipantStatus::Connected);
/// # Ok(()) }
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParticipantInfo {
    /// `PA` + 32 hex digits.
    pub sid: String,
    /// The SID of the participant's room.
    pub room_sid: String,
    /// The application-defined identity.
    pub identity: String,
    /// Connected, reconnecting or disconnected.
    pub status: ParticipantStatus,
    /// When the participant joined.
    pub date_created: DateTime<Utc>,
    /// When the participant last changed.
    pub date_updated: DateTime<Utc>,
    /// When the participant joined.
    pub start_time: DateTime<Utc>,
    /// When the participant disconnected.
    pub end_time: Option<DateTime<Utc>>,
    /// Whole seconds connected, once disconnected.
    pub duration: Option<i64>,
}
