//! Room operations: create, complete, look up, list.

use std::collections::HashMap;

use chrono::{DateTime, Utc};

use super::State;
use super::records::RoomRecord;
use crate::error::EmulatorError;
use crate::world::model::{RoomInfo, RoomSettings, RoomStatus};
use crate::world::selection::{self, PageRequest, PageSelection};
use crate::world::sid::{Sid, SidKind};

/// The filters of `GET /v1/Rooms`.
#[derive(Debug, Default)]
pub(crate) struct RoomFilter {
    /// Defaults to in-progress, as Twilio documents.
    pub(crate) status: Option<RoomStatus>,
    pub(crate) unique_name: Option<String>,
    /// Rooms created at or after this instant.
    pub(crate) created_on_or_after: Option<DateTime<Utc>>,
    /// Rooms created strictly before this instant.
    pub(crate) created_before: Option<DateTime<Utc>>,
}

impl RoomFilter {
    fn matches(&self, room: &RoomRecord) -> bool {
        room.status == self.status.unwrap_or(RoomStatus::InProgress)
            && self.unique_name.as_ref().is_none_or(|name| *name == room.unique_name)
            && self.created_on_or_after.is_none_or(|after| room.date_created >= after)
            && self.created_before.is_none_or(|before| room.date_created < before)
    }
}

impl State {
    /// Creates an in-progress room. Without a unique name, the room is named by its SID.
    pub(crate) fn create_room(
        &mut self,
        unique_name: Option<&str>,
        settings: RoomSettings,
        now: DateTime<Utc>,
    ) -> Result<RoomInfo, EmulatorError> {
        if let Some(name) = unique_name
            && self.in_progress_by_name.contains_key(name)
        {
            return Err(EmulatorError::RoomExists { unique_name: name.to_owned() });
        }
        let counter = self.next_counter();
        let sid = Sid::from_counter(SidKind::Room, counter);
        let unique_name = unique_name.map_or_else(|| sid.to_string(), str::to_owned);
        let index = self.rooms.len();
        self.index_by_sid.insert(sid.value(), index);
        self.in_progress_by_name.insert(unique_name.clone(), index);
        self.rooms.push(RoomRecord {
            sid,
            counter,
            unique_name,
            status: RoomStatus::InProgress,
            date_created: now,
            date_updated: now,
            end_time: None,
            settings,
            participants: Vec::new(),
            present_by_identity: HashMap::new(),
        });
        Ok(self.rooms[index].info())
    }

    /// Ends a room: every participant still in it is disconnected now. Completing a completed
    /// room changes nothing.
    pub(crate) fn complete_room(&mut self, key: &str, now: DateTime<Utc>) -> Result<RoomInfo, EmulatorError> {
        let index = self.room_index(key)?;
        let room = &mut self.rooms[index];
        if room.status == RoomStatus::InProgress {
            room.status = RoomStatus::Completed;
            room.end_time = Some(now);
            room.date_updated = now;
            for position in room.present_by_identity.drain().map(|(_, position)| position) {
                room.participants[position].disconnect(now);
            }
            if self.in_progress_by_name.get(&room.unique_name) == Some(&index) {
                self.in_progress_by_name.remove(&room.unique_name);
            }
        }
        Ok(self.rooms[index].info())
    }

    pub(crate) fn room_info(&self, key: &str) -> Result<RoomInfo, EmulatorError> {
        Ok(self.room(key)?.info())
    }

    /// One page of rooms, in creation order.
    pub(crate) fn list_rooms(
        &self,
        filter: &RoomFilter,
        request: &PageRequest,
    ) -> (Vec<RoomInfo>, PageSelection) {
        let selection = selection::select(&self.rooms, request, |room| filter.matches(room));
        let rooms = selection.positions.iter().map(|&position| self.rooms[position].info()).collect();
        (rooms, selection)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{TimeDelta, TimeZone};

    fn at(second: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2020, 1, 1, 0, 0, second).unwrap()
    }

    #[test]
    fn unique_names_are_unique_among_in_progress_rooms_only() {
        let mut state = State::new();
        let first = state.create_room(Some("Standup"), RoomSettings::default(), at(0)).unwrap();
        assert!(matches!(
            state.create_room(Some("Standup"), RoomSettings::default(), at(1)),
            Err(EmulatorError::RoomExists { .. })
        ));
        let done = state.complete_room("Standup", at(30)).unwrap();
        assert_eq!(done.duration, Some(30));
        assert!(state.room_info("Standup").is_err());
        let second = state.create_room(Some("Standup"), RoomSettings::default(), at(40)).unwrap();
        assert_ne!(first.sid, second.sid);
        assert_eq!(state.room_info("Standup").unwrap().sid, second.sid);
        assert_eq!(state.room_info(&first.sid).unwrap().status, RoomStatus::Completed);
    }

    #[test]
    fn unnamed_rooms_are_named_by_their_sid() {
        let mut state = State::new();
        let room = state.create_room(None, RoomSettings::default(), at(0)).unwrap();
        assert_eq!(room.unique_name, room.sid);
    }

    #[test]
    fn list_filters_by_status_and_creation_date() {
        let mut state = State::new();
        for second in 0..4 {
            state.create_room(None, RoomSettings::default(), at(second)).unwrap();
        }
        let request = PageRequest { size: 50, index: 0, token: None };
        let filter = RoomFilter {
            created_on_or_after: Some(at(1)),
            created_before: Some(at(1) + TimeDelta::seconds(2)),
            ..RoomFilter::default()
        };
        let (rooms, _) = state.list_rooms(&filter, &request);
        assert_eq!(rooms.iter().map(|r| r.date_created).collect::<Vec<_>>(), [at(1), at(2)]);
        let completed = RoomFilter { status: Some(RoomStatus::Completed), ..RoomFilter::default() };
        assert!(state.list_rooms(&completed, &request).0.is_empty());
    }
}
