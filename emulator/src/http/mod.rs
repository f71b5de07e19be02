//! The HTTP surface: routing, authentication, parameters, error bodies, page formats and the
//! generic handlers of registered resources (Video's among them).

pub(crate) mod api_error;
pub(crate) mod auth;
pub(crate) mod page_format;
pub(crate) mod params;
pub(crate) mod public_url;
pub(crate) mod resources;
pub(crate) mod router;
pub(crate) mod values;
pub(crate) mod wire;
