//! Video API v1.

mod participant;

pub use participant::{Participant, ParticipantFilter, ParticipantStatus, UpdateParticipant};
