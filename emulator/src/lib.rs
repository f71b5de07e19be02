//! A local, stateful fake of Twilio's Video REST API (Rooms and Room Participants) for tests,
//! demos and benchmarks, which also serves any resource declared with sidekick's
//! `#[derive(Resource)]`: [`Emulator::register`] it, optionally with behaviour hooks
//! ([`Registration`]), or describe it in TOML for the binary ([`Emulator::register_described`]).
//! Whole products of the generated Twilio bindings are served through a [`Registrar`]
//! (`sidekick::twilio::messaging::for_each_resource(&mut emu.registrar())`).
//!
//! The emulator speaks Twilio's wire format on `127.0.0.1`: HTTP Basic auth, the seed
//! document's naming behaviour (a participant is fetched by SID, or by identity among connected
//! participants), default list filters, kicks that set `end_time` and `duration`, stable token
//! paging with absolute `next_page_url`s that point back at the emulator (or at a public base
//! URL, see [`EmulatorBuilder::public_base_url`]), and Twilio-style error bodies. Tests drive the
//! world directly through a synchronous simulation API, move a settable [`Clock`], and inject
//! [`Fault`]s such as 429 bursts, dropped connections or truncated bodies.
//!
//! An [`Emulator`] runs on a thread and tokio runtime of its own, so one can be shared by many
//! `#[tokio::test]`s through a `static`, or serve synchronous tests ([`Emulator::spawn`]).
//!
//! ```
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), Box<dyn std::error::Error>> {
//! use sidekick_emulator::{Emulator, Fault, Route};
//!
//! let emu = Emulator::start().await?;
//! emu.seed_demo()?; // room "DailyStandup" with Alice, Bob, Carol, ...
//! emu.faults().inject(Route::FetchParticipant, Fault::Unavailable, 1);
//!
//! // Point any Twilio client at emu.base_url() with these credentials:
//! let (user, password) = (emu.account_sid(), emu.auth_token());
//! let url = format!("{}/v1/Rooms/DailyStandup/Participants/Alice", emu.base_url());
//! # let _ = (user, password, url);
//! emu.shutdown().await;
//! # Ok(()) }
//! ```

#![warn(missing_docs)]

mod builder;
mod described;
mod emulator;
mod error;
mod faults;
mod hooks;
mod http;
mod intern;
mod registrar;
mod registry;
mod server;
mod shared;
mod video;
mod world;

pub use builder::{
    DEFAULT_ACCOUNT_SID, DEFAULT_API_KEY_SECRET, DEFAULT_API_KEY_SID, DEFAULT_AUTH_TOKEN,
    DEFAULT_BEARER_TOKEN, EmulatorBuilder,
};
pub use emulator::Emulator;
pub use error::EmulatorError;
pub use faults::{Fault, FaultSpec, Faults, ParseFaultError, Route};
pub use hooks::{Change, Filter, HookError, Stored};
pub use http::page_format::{
    ListQuery, PageFormat, PageRequest, PageResponse, PageStart, ParamError, ServedPage,
};
pub use registrar::Registrar;
pub use registry::Registration;
pub use video::{DEMO_DISCONNECTED_IDENTITY, DEMO_IDENTITIES, MAX_SEED_PARTICIPANTS};
pub use world::clock::Clock;
pub use world::model::{ParticipantInfo, ParticipantStatus, RoomInfo, RoomSettings, RoomStatus};
