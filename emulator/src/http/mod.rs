//! The HTTP surface: routing, authentication, parameters, error bodies and the wire format, for
//! Video's fixed routes and for registered resources.

pub(crate) mod api_error;
pub(crate) mod auth;
pub(crate) mod page_format;
pub(crate) mod paging;
pub(crate) mod params;
pub(crate) mod public_url;
pub(crate) mod resources;
pub(crate) mod router;
pub(crate) mod routes;
pub(crate) mod values;
pub(crate) mod wire;
