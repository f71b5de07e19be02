//! Bindings for Twilio's APIs, written with `#[derive(Resource)]`.

pub mod video;
