//! Participant operations: join, leave or kick, status changes, look up, list.

use chrono::{DateTime, Utc};

use super::State;
use super::records::{ParticipantRecord, RoomRecord};
use crate::error::EmulatorError;
use crate::world::model::{ParticipantInfo, ParticipantStatus, RoomStatus};
use crate::world::selection::{self, PageRequest, PageSelection};
use crate::world::sid::{Sid, SidKind};

/// Which participants an identity (as opposed to a SID) can name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum IdentityScope {
    /// Connected participants only: Twilio's naming behaviour for the REST API.
    Connected,
    /// Connected or reconnecting: used by the simulation API, so a test can find a participant
    /// it just marked as reconnecting.
    Present,
}

/// The filters of `GET /v1/Rooms/{Room}/Participants`.
#[derive(Debug, Default)]
pub(crate) struct ParticipantFilter {
    /// Defaults to connected for in-progress rooms and disconnected for completed ones.
    pub(crate) status: Option<ParticipantStatus>,
    pub(crate) identity: Option<String>,
    /// Participants created strictly after this instant.
    pub(crate) created_after: Option<DateTime<Utc>>,
    /// Participants created strictly before this instant.
    pub(crate) created_before: Option<DateTime<Utc>>,
}

impl ParticipantFilter {
    fn matches(&self, status: ParticipantStatus, participant: &ParticipantRecord) -> bool {
        participant.status == status
            && self.identity.as_ref().is_none_or(|identity| *identity == participant.identity)
            && self.created_after.is_none_or(|after| participant.joined_at > after)
            && self.created_before.is_none_or(|before| participant.joined_at < before)
    }
}

impl State {
    /// Connects a new participant. Anyone already in the room with the same identity is
    /// disconnected first, as Twilio does when a client joins with an existing identity.
    pub(crate) fn join(
        &mut self,
        room_key: &str,
        identity: &str,
        now: DateTime<Utc>,
    ) -> Result<ParticipantInfo, EmulatorError> {
        if identity.is_empty() {
            return Err(EmulatorError::InvalidArgument {
                message: "a participant identity must not be empty".to_owned(),
            });
        }
        let room = self.open_room_mut(room_key)?;
        let position = add_participant(room, identity.to_owned(), now);
        Ok(room.participant_info(position))
    }

    /// Connects `count` participants named `user-{position}`, where position is each one's
    /// 0-based place in the room's creation order. Returns `count`.
    pub(crate) fn seed_participants(
        &mut self,
        room_key: &str,
        count: usize,
        now: DateTime<Utc>,
    ) -> Result<usize, EmulatorError> {
        let room = self.open_room_mut(room_key)?;
        room.participants.reserve(count);
        room.present_by_identity.reserve(count);
        for _ in 0..count {
            let identity = format!("user-{}", room.participants.len());
            add_participant(room, identity, now);
        }
        Ok(count)
    }

    pub(crate) fn participant_info(
        &self,
        room_key: &str,
        participant_key: &str,
        scope: IdentityScope,
    ) -> Result<ParticipantInfo, EmulatorError> {
        let room = self.room(room_key)?;
        let position = locate(room, participant_key, scope)
            .ok_or_else(|| participant_not_found(room_key, participant_key))?;
        Ok(room.participant_info(position))
    }

    /// Disconnects a participant now. One that is already disconnected is returned unchanged.
    pub(crate) fn disconnect_participant(
        &mut self,
        room_key: &str,
        participant_key: &str,
        scope: IdentityScope,
        now: DateTime<Utc>,
    ) -> Result<ParticipantInfo, EmulatorError> {
        let room = self.room_mut(room_key)?;
        let position = locate(room, participant_key, scope)
            .ok_or_else(|| participant_not_found(room_key, participant_key))?;
        let participant = &mut room.participants[position];
        if participant.disconnect(now)
            && room.present_by_identity.get(&participant.identity) == Some(&position)
        {
            room.present_by_identity.remove(&participant.identity);
        }
        Ok(room.participant_info(position))
    }

    /// Moves a present participant between connected and reconnecting.
    pub(crate) fn set_participant_status(
        &mut self,
        room_key: &str,
        participant_key: &str,
        status: ParticipantStatus,
        now: DateTime<Utc>,
    ) -> Result<ParticipantInfo, EmulatorError> {
        if status == ParticipantStatus::Disconnected {
            return self.disconnect_participant(room_key, participant_key, IdentityScope::Present, now);
        }
        let room = self.room_mut(room_key)?;
        let position = locate(room, participant_key, IdentityScope::Present)
            .ok_or_else(|| participant_not_found(room_key, participant_key))?;
        let participant = &mut room.participants[position];
        if participant.status == ParticipantStatus::Disconnected {
            return Err(EmulatorError::ParticipantDisconnected { participant: participant_key.to_owned() });
        }
        if participant.status != status {
            participant.status = status;
            participant.updated_at = now;
        }
        Ok(room.participant_info(position))
    }

    /// One page of a room's participants, in creation order, and the room's SID.
    pub(crate) fn list_participants(
        &self,
        room_key: &str,
        filter: &ParticipantFilter,
        request: &PageRequest,
    ) -> Result<(String, Vec<ParticipantInfo>, PageSelection), EmulatorError> {
        let room = self.room(room_key)?;
        let status = filter.status.unwrap_or(match room.status {
            RoomStatus::InProgress => ParticipantStatus::Connected,
            RoomStatus::Completed | RoomStatus::Failed => ParticipantStatus::Disconnected,
        });
        let selection = selection::select(&room.participants, request, |p| filter.matches(status, p));
        let room_sid = room.sid.to_string();
        let participants = selection
            .positions
            .iter()
            .map(|&position| {
                room.participants[position].info(room.participant_sid(position), room_sid.clone())
            })
            .collect();
        Ok((room_sid, participants, selection))
    }
}

/// Finds a participant by SID (any status) or by identity within `scope`.
fn locate(room: &RoomRecord, key: &str, scope: IdentityScope) -> Option<usize> {
    if let Some(sid) = Sid::parse(SidKind::Participant, key) {
        return sid.participant_position(room.counter).filter(|&position| position < room.participants.len());
    }
    let position = *room.present_by_identity.get(key)?;
    let status = room.participants[position].status;
    match scope {
        IdentityScope::Connected if status != ParticipantStatus::Connected => None,
        _ => Some(position),
    }
}

fn add_participant(room: &mut RoomRecord, identity: String, now: DateTime<Utc>) -> usize {
    let position = room.participants.len();
    if let Some(previous) = room.present_by_identity.insert(identity.clone(), position) {
        room.participants[previous].disconnect(now);
    }
    room.participants.push(ParticipantRecord {
        identity,
        status: ParticipantStatus::Connected,
        joined_at: now,
        updated_at: now,
        left_at: None,
    });
    position
}

fn participant_not_found(room: &str, participant: &str) -> EmulatorError {
    EmulatorError::ParticipantNotFound { room: room.to_owned(), participant: participant.to_owned() }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::world::model::RoomSettings;
    use chrono::TimeZone;

    fn at(second: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2020, 1, 1, 0, 0, second).unwrap()
    }

    fn room_with(identities: &[&str]) -> State {
        let mut state = State::new();
        state.create_room(Some("R"), RoomSettings::default(), at(0)).unwrap();
        for identity in identities {
            state.join("R", identity, at(1)).unwrap();
        }
        state
    }

    #[test]
    fn identity_lookups_respect_their_scope() {
        let mut state = room_with(&["A"]);
        state.set_participant_status("R", "A", ParticipantStatus::Reconnecting, at(2)).unwrap();
        assert!(state.participant_info("R", "A", IdentityScope::Connected).is_err());
        let found = state.participant_info("R", "A", IdentityScope::Present).unwrap();
        assert_eq!(found.date_updated, at(2));
        let by_sid = state.participant_info("R", &found.sid, IdentityScope::Connected).unwrap();
        assert_eq!(by_sid.status, ParticipantStatus::Reconnecting);
    }

    #[test]
    fn disconnecting_frees_the_identity_for_a_new_join() {
        let mut state = room_with(&["A"]);
        let first = state.disconnect_participant("R", "A", IdentityScope::Connected, at(5)).unwrap();
        assert_eq!(first.duration, Some(4));
        let second = state.join("R", "A", at(6)).unwrap();
        assert_ne!(first.sid, second.sid);
        let again = state.disconnect_participant("R", &first.sid, IdentityScope::Connected, at(9)).unwrap();
        assert_eq!(again, first, "an already disconnected participant is unchanged");
        let current = state.participant_info("R", "A", IdentityScope::Connected).unwrap();
        assert_eq!(current.sid, second.sid);
    }

    #[test]
    fn list_defaults_to_connected_then_to_disconnected_once_completed() {
        let mut state = room_with(&["A", "B", "C"]);
        state.disconnect_participant("R", "B", IdentityScope::Connected, at(3)).unwrap();
        let request = PageRequest { size: 50, index: 0, token: None };
        let filter = ParticipantFilter::default();
        let (room_sid, connected, _) = state.list_participants("R", &filter, &request).unwrap();
        let names: Vec<&str> = connected.iter().map(|p| p.identity.as_str()).collect();
        assert_eq!(names, ["A", "C"]);
        state.complete_room("R", at(4)).unwrap();
        let (_, all, _) = state.list_participants(&room_sid, &filter, &request).unwrap();
        assert_eq!(all.len(), 3);
        assert!(all.iter().all(|p| p.status == ParticipantStatus::Disconnected));
    }
}
