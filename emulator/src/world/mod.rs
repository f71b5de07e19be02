//! The emulator's world: its clock and SIDs, the records of every served resource (Video's
//! among them) and their wire shapes. Nothing here knows HTTP.

pub(crate) mod clock;
pub(crate) mod collection;
pub(crate) mod model;
pub(crate) mod schema;
pub(crate) mod sid;

use std::collections::HashMap;

use collection::Collection;

use crate::registry::ResourceKey;

/// The records of every registered resource, by type.
#[derive(Debug, Default)]
pub(crate) struct World {
    collections: HashMap<ResourceKey, Collection>,
}

impl World {
    pub(crate) fn collection(&mut self, resource: ResourceKey) -> &mut Collection {
        self.collections.entry(resource).or_default()
    }
}
