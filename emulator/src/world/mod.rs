//! The emulator's world for registered resources: their wire shape and their records.

pub(crate) mod collection;
pub(crate) mod schema;
