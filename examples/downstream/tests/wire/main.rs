//! The downstream crate's resources on the wire: each test points a client at a local mock
//! server and checks the exact requests sent (method, path, query, headers, body) and the
//! decoding of Twilio's own example answers (in `fixtures/`, from Twilio's OpenAPI files).

mod support;

mod accounts;
mod assistants;
mod bulkexports;
mod calls;
mod content;
mod conversations;
mod github;
mod iam;
mod lookups;
mod messages;
mod numbers;
mod taskrouter;
