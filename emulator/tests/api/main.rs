//! Black-box tests of the emulator over real HTTP on 127.0.0.1.

mod auth;
mod binary;
mod concurrency;
mod faults;
mod kicks;
mod lifetime;
mod listing;
mod naming;
mod paging;
mod protocol;
mod public_url;
mod redaction;
mod registered;
mod rooms;
mod routing;
mod simulation;
mod support;
