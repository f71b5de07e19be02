//! Twilio Video's Rooms and Room Participants. They are the generated bindings' own types,
//! served as registered resources; their hooks give them Twilio's behaviour (names that find
//! in-progress rooms and connected participants, kicks, room completion, default list
//! filters), and the simulation API changes them without HTTP.

mod participants;
mod rooms;
mod simulation;
mod snapshot;

pub use simulation::{DEMO_DISCONNECTED_IDENTITY, DEMO_IDENTITIES, MAX_SEED_PARTICIPANTS};

use chrono::{DateTime, NaiveDateTime, Utc};

use crate::hooks::{Change, HookError};
use crate::registry::{Registry, ServedResource};

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

/// A stored timestamp. RFC 3339 parsers refuse the six-digit years of a clock advanced to
/// chrono's end of time, which the emulator still serves.
fn parse_time(text: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text)
        .map(|t| t.to_utc())
        .ok()
        .or_else(|| NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%SZ").ok().map(|t| t.and_utc()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::http::wire::timestamp;

    #[test]
    fn timestamps_read_back_at_the_ends_of_time() {
        for instant in [DateTime::<Utc>::MAX_UTC, DateTime::<Utc>::MIN_UTC, DateTime::UNIX_EPOCH] {
            let whole = instant.with_timezone(&Utc)
                - chrono::TimeDelta::nanoseconds(i64::from(instant.timestamp_subsec_nanos()));
            assert_eq!(parse_time(&timestamp(instant)), Some(whole), "{instant}");
        }
    }
}
