//! Twilio Video's Rooms and Room Participants. They are the generated bindings' own types,
//! served as registered resources; their hooks give them Twilio's behaviour (names that find
//! in-progress rooms and connected participants, kicks, room completion, default list
//! filters), and the simulation API changes them without HTTP.

mod participants;
mod rooms;
mod simulation;
mod snapshot;

pub use simulation::{DEMO_DISCONNECTED_IDENTITY, DEMO_IDENTITIES, MAX_SEED_PARTICIPANTS};

use chrono::{DateTime, Utc};

use crate::hooks::{Change, HookError};
use crate::registry::{Registry, ServedResource};
use crate::world::schema::TimestampStyle;

const IN_PROGRESS: &str = "in-progress";
const COMPLETED: &str = "completed";
const CONNECTED: &str = "connected";
const DISCONNECTED: &str = "disconnected";
const RECONNECTING: &str = "reconnecting";

/// Registers Rooms and Participants, which every emulator serves.
pub(crate) fn register(registry: &Registry) -> Result<(), String> {
    registry.add(ServedResource::new(rooms::registration())?)?;
    registry.add(ServedResource::new(participants::registration())?)
}

/// Checks that an update sets `Status` to `status`, the only change Twilio makes to `what`
/// (rooms complete, participants disconnect), and restores everything else as stored.
fn only_status(change: &mut Change<'_>, status: &str, what: &str) -> Result<(), HookError> {
    match change.param("Status") {
        None => return Err(HookError::new(400, 20001, "Missing required parameter Status in the post body")),
        Some(sent) if sent == status => {}
        Some(other) => {
            let problem = format!("`{other}` is not `{status}`, the only status {what} can be updated to");
            return Err(HookError::bad_request("Status", &problem));
        }
    }
    change.restore_previous();
    Ok(())
}

/// Whole seconds from `start` to `end`, never negative even if the clock was moved back.
fn whole_seconds_between(start: DateTime<Utc>, end: DateTime<Utc>) -> i64 {
    (end - start).num_seconds().max(0)
}

/// Video's timestamps: `2015-07-30T20:00:00Z`.
fn timestamp(at: DateTime<Utc>) -> String {
    TimestampStyle::Rfc3339.format(at)
}
