//! Twilio-style resource identifiers: a two-letter prefix and 32 lowercase hex digits.
//!
//! SIDs are stored as a `u128` and only formatted when rendered. They are deterministic, look
//! random, and never collide, because each half is a bijective scrambling of a number that is
//! unique in its scope:
//!
//! - rooms (and request ids): both halves come from a per-emulator counter;
//! - participants: the high half comes from the room's counter and the low half from the
//!   participant's position in its room, so a participant SID can be mapped back to its position
//!   without any index (which keeps seeding 100 000 participants cheap).

use std::fmt;

/// The kinds of resources whose SIDs the emulator creates or parses.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum SidKind {
    Room,
    Participant,
    Request,
}

impl SidKind {
    fn prefix(self) -> &'static str {
        match self {
            SidKind::Room => "RM",
            SidKind::Participant => "PA",
            SidKind::Request => "RQ",
        }
    }

    /// Different salts make a room and a participant with nearby counters look unrelated.
    fn salt(self) -> u64 {
        match self {
            SidKind::Room => 0x52_4d00_0000_0000,
            SidKind::Participant => 0x50_4100_0000_0000,
            SidKind::Request => 0x52_5100_0000_0000,
        }
    }
}

/// A resource SID such as `PA` followed by 32 hex digits.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) struct Sid {
    kind: SidKind,
    value: u128,
}

impl Sid {
    /// Derives a room or request SID from a counter that the caller never repeats.
    pub(crate) fn from_counter(kind: SidKind, counter: u64) -> Sid {
        let high = scramble(counter ^ kind.salt());
        let low = scramble(counter);
        Sid { kind, value: (u128::from(high) << 64) | u128::from(low) }
    }

    /// The SID of the participant at `position` in the room created with `room_counter`.
    pub(crate) fn participant(room_counter: u64, position: usize) -> Sid {
        let high = scramble(room_counter ^ SidKind::Participant.salt());
        let low = scramble(position as u64);
        Sid { kind: SidKind::Participant, value: (u128::from(high) << 64) | u128::from(low) }
    }

    /// The position a participant SID names in the room created with `room_counter`, if it
    /// belongs to that room at all.
    pub(crate) fn participant_position(self, room_counter: u64) -> Option<usize> {
        let high = (self.value >> 64) as u64;
        if self.kind != SidKind::Participant || high != scramble(room_counter ^ SidKind::Participant.salt()) {
            return None;
        }
        usize::try_from(unscramble(self.value as u64)).ok()
    }

    /// Parses `text` as a SID of `kind`; the hex digits may be in either case.
    pub(crate) fn parse(kind: SidKind, text: &str) -> Option<Sid> {
        let digits = text.strip_prefix(kind.prefix())?;
        if digits.len() != 32 || !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let value = u128::from_str_radix(digits, 16).ok()?;
        Some(Sid { kind, value })
    }

    /// The numeric value, used as a compact map key.
    pub(crate) fn value(self) -> u128 {
        self.value
    }
}

impl fmt::Display for Sid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{:032x}", self.kind.prefix(), self.value)
    }
}

/// SplitMix64's finaliser: a cheap bijection that spreads counter bits over the whole word.
fn scramble(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// The inverse of [`scramble`].
fn unscramble(mut x: u64) -> u64 {
    x = undo_xor_shift(x, 31).wrapping_mul(0x3196_42b2_d24d_8ec3);
    x = undo_xor_shift(x, 27).wrapping_mul(0x96de_1b17_3f11_9089);
    x = undo_xor_shift(x, 30);
    x.wrapping_sub(0x9e37_79b9_7f4a_7c15)
}

/// Inverts `y = x ^ (x >> shift)`.
fn undo_xor_shift(y: u64, shift: u32) -> u64 {
    let mut x = y;
    let mut applied = shift;
    while applied < 64 {
        x = y ^ (x >> shift);
        applied += shift;
    }
    x
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_as_prefix_and_32_lowercase_hex_digits() {
        let text = Sid::participant(1, 7).to_string();
        assert_eq!(text.len(), 34);
        assert!(text.starts_with("PA"));
        assert!(text[2..].bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)));
    }

    #[test]
    fn parse_round_trips_and_accepts_upper_case() {
        let sid = Sid::from_counter(SidKind::Room, 42);
        let text = sid.to_string();
        assert_eq!(Sid::parse(SidKind::Room, &text), Some(sid));
        let upper = format!("RM{}", text[2..].to_ascii_uppercase());
        assert_eq!(Sid::parse(SidKind::Room, &upper), Some(sid));
    }

    #[test]
    fn parse_rejects_wrong_prefix_length_or_digits() {
        let text = Sid::from_counter(SidKind::Room, 1).to_string();
        assert_eq!(Sid::parse(SidKind::Participant, &text), None);
        assert_eq!(Sid::parse(SidKind::Room, &text[..33]), None);
        assert_eq!(Sid::parse(SidKind::Room, "RM+0000000000000000000000000000000"), None);
        assert_eq!(Sid::parse(SidKind::Room, "Alice"), None);
    }

    #[test]
    fn unscramble_inverts_scramble() {
        for x in [0, 1, 2, 41, u64::MAX, 0x1234_5678_9abc_def0] {
            assert_eq!(unscramble(scramble(x)), x);
        }
    }

    #[test]
    fn participant_sids_map_back_to_their_room_and_position() {
        let sid = Sid::participant(3, 99_999);
        assert_eq!(sid.participant_position(3), Some(99_999));
        assert_eq!(sid.participant_position(4), None);
        let parsed = Sid::parse(SidKind::Participant, &sid.to_string()).unwrap();
        assert_eq!(parsed.participant_position(3), Some(99_999));
        assert_ne!(Sid::participant(3, 0), Sid::participant(4, 0));
        assert_ne!(Sid::participant(3, 0), Sid::participant(3, 1));
    }

    #[test]
    fn distinct_counters_give_distinct_sids() {
        let a = Sid::from_counter(SidKind::Room, 1);
        let b = Sid::from_counter(SidKind::Room, 2);
        assert_ne!(a, b);
    }
}
