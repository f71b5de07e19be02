//! Twilio Programmable Video (`https://video.twilio.com`).

pub mod v1;
