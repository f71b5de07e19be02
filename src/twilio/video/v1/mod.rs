//! Video API v1.

mod participant;

/// Where every Video v1 resource lives.
pub const BASE_URL: &str = "https://video.twilio.com";

pub use participant::{Participant, ParticipantFilter, ParticipantStatus, UpdateParticipant};
