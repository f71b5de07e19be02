//! A local Twilio Video server for tests (in progress).
