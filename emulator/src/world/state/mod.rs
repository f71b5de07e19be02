//! The emulator's world: rooms and their participants, behind one lock held by the caller.
//!
//! Every operation here is synchronous and takes the current time as an argument; callers read
//! the clock while holding the lock (`Shared::change`), so timestamps follow the order in which
//! changes are applied. The lock is held only for in-memory work.

mod participants;
mod records;
mod rooms;

pub(crate) use participants::{IdentityScope, ParticipantFilter};
pub(crate) use rooms::RoomFilter;

use std::collections::HashMap;

use crate::error::EmulatorError;
use crate::world::model::RoomStatus;
use crate::world::sid::{Sid, SidKind};
use records::RoomRecord;

/// All rooms, in creation order.
#[derive(Debug, Default)]
pub(crate) struct State {
    rooms: Vec<RoomRecord>,
    index_by_sid: HashMap<u128, usize>,
    /// Only in-progress rooms: a unique name is free again once its room completes.
    in_progress_by_name: HashMap<String, usize>,
    next_counter: u64,
}

impl State {
    pub(crate) fn new() -> State {
        State::default()
    }

    fn next_counter(&mut self) -> u64 {
        self.next_counter += 1;
        self.next_counter
    }

    /// Finds a room by SID (any status) or by the unique name of an in-progress room.
    fn room_index(&self, key: &str) -> Result<usize, EmulatorError> {
        let found = match Sid::parse(SidKind::Room, key) {
            Some(sid) => self.index_by_sid.get(&sid.value()),
            None => self.in_progress_by_name.get(key),
        };
        found.copied().ok_or_else(|| EmulatorError::RoomNotFound { room: key.to_owned() })
    }

    fn room(&self, key: &str) -> Result<&RoomRecord, EmulatorError> {
        let index = self.room_index(key)?;
        Ok(&self.rooms[index])
    }

    fn room_mut(&mut self, key: &str) -> Result<&mut RoomRecord, EmulatorError> {
        let index = self.room_index(key)?;
        Ok(&mut self.rooms[index])
    }

    /// Like [`State::room_mut`], but refuses completed rooms (nobody can join them).
    fn open_room_mut(&mut self, key: &str) -> Result<&mut RoomRecord, EmulatorError> {
        let room = self.room_mut(key)?;
        if room.status != RoomStatus::InProgress {
            return Err(EmulatorError::RoomCompleted { room: key.to_owned() });
        }
        Ok(room)
    }
}
