//! The stored form of rooms and participants, and their conversion to public snapshots.

use std::collections::HashMap;

use chrono::{DateTime, Utc};

use crate::world::model::{ParticipantInfo, ParticipantStatus, RoomInfo, RoomSettings, RoomStatus};
use crate::world::sid::Sid;

/// A room and everything in it.
#[derive(Debug)]
pub(crate) struct RoomRecord {
    pub(crate) sid: Sid,
    /// The counter the room's SID came from; participant SIDs derive from it.
    pub(crate) counter: u64,
    pub(crate) unique_name: String,
    pub(crate) status: RoomStatus,
    pub(crate) date_created: DateTime<Utc>,
    pub(crate) date_updated: DateTime<Utc>,
    pub(crate) end_time: Option<DateTime<Utc>>,
    pub(crate) settings: RoomSettings,
    /// In creation order; a participant's index is its stable paging position.
    pub(crate) participants: Vec<ParticipantRecord>,
    /// Connected or reconnecting participants only: at most one per identity.
    pub(crate) present_by_identity: HashMap<String, usize>,
}

/// One participant's stay in a room.
#[derive(Debug)]
pub(crate) struct ParticipantRecord {
    pub(crate) identity: String,
    pub(crate) status: ParticipantStatus,
    pub(crate) joined_at: DateTime<Utc>,
    pub(crate) updated_at: DateTime<Utc>,
    pub(crate) left_at: Option<DateTime<Utc>>,
}

impl RoomRecord {
    pub(crate) fn info(&self) -> RoomInfo {
        RoomInfo {
            sid: self.sid.to_string(),
            unique_name: self.unique_name.clone(),
            status: self.status,
            date_created: self.date_created,
            date_updated: self.date_updated,
            end_time: self.end_time,
            duration: self.end_time.map(|end| whole_seconds_between(self.date_created, end)),
            settings: self.settings.clone(),
        }
    }

    /// The participant at `position`, which the caller got from this room's own indexes.
    pub(crate) fn participant_info(&self, position: usize) -> ParticipantInfo {
        self.participants[position].info(self.participant_sid(position), self.sid.to_string())
    }

    pub(crate) fn participant_sid(&self, position: usize) -> String {
        Sid::participant(self.counter, position).to_string()
    }
}

impl ParticipantRecord {
    pub(crate) fn info(&self, sid: String, room_sid: String) -> ParticipantInfo {
        ParticipantInfo {
            sid,
            room_sid,
            identity: self.identity.clone(),
            status: self.status,
            date_created: self.joined_at,
            date_updated: self.updated_at,
            start_time: self.joined_at,
            end_time: self.left_at,
            duration: self.left_at.map(|end| whole_seconds_between(self.joined_at, end)),
        }
    }

    /// Marks the participant as gone at `now`; returns false if it already was.
    pub(crate) fn disconnect(&mut self, now: DateTime<Utc>) -> bool {
        if self.status == ParticipantStatus::Disconnected {
            return false;
        }
        self.status = ParticipantStatus::Disconnected;
        self.left_at = Some(now);
        self.updated_at = now;
        true
    }
}

/// Whole seconds from `start` to `end`, never negative even if the clock was moved back.
fn whole_seconds_between(start: DateTime<Utc>, end: DateTime<Utc>) -> i64 {
    (end - start).num_seconds().max(0)
}
