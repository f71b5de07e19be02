//! The facade's integration tests in one binary: one link instead of eight. Each module was a
//! test file of its own and still reads as one; `common` holds their shared helpers.
//! `tests/secrecy.rs` stays apart: it installs a scoped `tracing` subscriber, which other tests
//! running in the same process would disturb.

mod common;
mod emulator_binding;
mod emulator_faults;
mod errors;
mod paging;
mod participant_wire;
mod quickstart;
mod resources;
mod transport_budget;
