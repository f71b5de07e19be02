//! The error type of the emulator's library API.

use std::fmt;

/// Why a call to the emulator's library API failed.
///
/// ```
/// use sidekick_emulator::EmulatorError;
/// let err = EmulatorError::RoomNotFound { room: "Nope".into() };
/// assert_eq!(err.to_string(), "no room `Nope` (by SID, or by unique name among in-progress rooms)");
/// ```
#[derive(Debug)]
#[non_exhaustive]
pub enum EmulatorError {
    /// No room has this SID, and no in-progress room has this unique name.
    RoomNotFound {
        /// The SID or unique name that was looked up.
        room: String,
    },
    /// The room has no participant with this SID, and no connected (or reconnecting)
    /// participant with this identity.
    ParticipantNotFound {
        /// The room that was searched, as given.
        room: String,
        /// The participant SID or identity that was looked up.
        participant: String,
    },
    /// An in-progress room already has this unique name (Twilio error 53113).
    RoomExists {
        /// The unique name that is taken.
        unique_name: String,
    },
    /// The room is completed, so nobody can join it.
    RoomCompleted {
        /// The room, as given.
        room: String,
    },
    /// The participant has left, so its status can no longer change.
    ParticipantDisconnected {
        /// The participant SID or identity, as given.
        participant: String,
    },
    /// An argument was unusable, such as an empty identity.
    InvalidArgument {
        /// What was wrong.
        message: String,
    },
    /// The server could not start, usually because the address could not be bound.
    Io(std::io::Error),
}

impl fmt::Display for EmulatorError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EmulatorError::RoomNotFound { room } => {
                write!(f, "no room `{room}` (by SID, or by unique name among in-progress rooms)")
            }
            EmulatorError::ParticipantNotFound { room, participant } => {
                write!(f, "no participant `{participant}` in room `{room}`")
            }
            EmulatorError::RoomExists { unique_name } => {
                write!(f, "an in-progress room is already named `{unique_name}`")
            }
            EmulatorError::RoomCompleted { room } => write!(f, "room `{room}` is completed"),
            EmulatorError::ParticipantDisconnected { participant } => {
                write!(f, "participant `{participant}` is disconnected")
            }
            EmulatorError::InvalidArgument { message } => f.write_str(message),
            EmulatorError::Io(err) => write!(f, "emulator server I/O error: {err}"),
        }
    }
}

impl std::error::Error for EmulatorError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            EmulatorError::Io(err) => Some(err),
            _ => None,
        }
    }
}

impl From<std::io::Error> for EmulatorError {
    fn from(err: std::io::Error) -> EmulatorError {
        EmulatorError::Io(err)
    }
}
