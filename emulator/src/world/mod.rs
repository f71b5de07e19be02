//! The emulator's world for registered resources: their wire shape and their records.

pub(crate) mod collection;
pub(crate) mod schema;

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
