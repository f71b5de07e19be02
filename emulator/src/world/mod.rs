//! The emulator's world for registered resources: their wire shape and their records.

pub(crate) mod collection;
pub(crate) mod schema;

use std::any::TypeId;
use std::collections::HashMap;

use collection::Collection;

/// The records of every registered resource, by type.
#[derive(Debug, Default)]
pub(crate) struct World {
    collections: HashMap<TypeId, Collection>,
}

impl World {
    pub(crate) fn collection(&mut self, resource: TypeId) -> &mut Collection {
        self.collections.entry(resource).or_default()
    }
}
