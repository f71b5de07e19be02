//! The HTTP surface of registered resources: their handlers and their pages' wire forms.

pub(crate) mod page_format;
pub(crate) mod resources;
