//! # sidekick-codegen
//!
//! The generator that turns Twilio's OpenAPI descriptions into annotated Rust, in two steps:
//!
//! 1. The **extract** reads each `twilio_*.json` description and keeps only the facts a
//!    generator uses, without prose, as one small, deterministic JSON file per description
//!    (`codegen/extract/<same name>.json`, committed, and checked by `check-extract`).
//! 2. [`emit`] writes from the extract the bindings (`src/twilio/`), one conformance test per
//!    operation (`conformance/tests/operations/`) and the product features of `Cargo.toml`
//!    (committed, and checked by `check-generate` and a test). [`plan`] pairs paths into
//!    resources and [`types`] maps schemas and names to Rust.
//!
//! ```text
//! cargo run -p sidekick-codegen -- extract [--spec DIR] [--out DIR]
//! cargo run -p sidekick-codegen -- check-extract [--spec DIR] [--out DIR]
//! cargo run -p sidekick-codegen -- generate [--root DIR]
//! cargo run -p sidekick-codegen -- check-generate [--root DIR]
//! cargo run -p sidekick-codegen -- counts [--root DIR]
//! ```
//!
//! ## The extract format
//!
//! A subset of OpenAPI 3.0, so `$ref`s (`#/components/schemas/<name>`) resolve inside the file.
//! Objects have sorted keys; arrays keep document order. A flag that is `false` is left out.
//!
//! ```text
//! {
//!   "server": "https://video.twilio.com",       // the file's one base URL
//!   "security": [{"accountSid_authToken": []}], // the default requirement
//!   "paths": {                                  // every path, operations or not (parents)
//!     "/v1/Rooms/{Sid}": {
//!       "servers": ["..."],                     // only if not the file's server
//!       "x-twilio": {pathType, parent, mountName, className,
//!                    dependentProperties: {<name>: {mapping, resource_url}}},
//!       "<method>": {
//!         "operationId": "FetchRoom",
//!         "x-twilio": {mountName, conditional}, // only if present
//!         "security": [],                       // only if not the default
//!         "deprecated": true,                   // only if set
//!         "servers": ["..."],                   // only if not the path's
//!         "parameters": [{name, in, required?, schema, style?, explode?, deprecated?}],
//!                                               // path-level ones merged in
//!         "requestBody": {required?, content: {<media type>: {schema}}},
//!         "responses": {                        // 2xx and 3xx only
//!           "200": {content: {<media type>: {schema, example}},
//!                   headers: ["Location"]}      // header names, 3xx only
//!         }
//!       }
//!     }
//!   },
//!   "components": {
//!     "schemas": {...},         // only those the operations reach, transitively
//!     "securitySchemes": {...}  // only those used, without descriptions
//!   }
//! }
//! ```
//!
//! A reduced schema keeps `type`, `format`, `nullable`, `enum`, `properties`, `required`,
//! `items`, `additionalProperties`, `oneOf`/`anyOf`/`allOf`, `discriminator`, `$ref`, the input
//! constraints `minimum`, `maximum`, `default`, `pattern`, `deprecated`, and the `x-twilio` keys
//! `overrideType`, `isIEnum`, `ignoreFormat`. `example` is the value of the first example of a
//! response (document order), verbatim.
//!
//! Every key of the input is either kept or dropped on purpose: an unknown key is an error
//! naming the file and JSON pointer, so a newer description cannot lose a fact silently.

#![warn(missing_docs)]

mod document;
pub mod emit;
mod error;
mod extract;
mod node;
mod operation;
mod paths;
pub mod plan;
mod reduce;
pub mod types;

pub use document::extract_document;
pub use error::Error;
pub use extract::{
    Difference, WriteSummary, check_dir, default_out_dir, default_spec_dir, extract_dir, read_extracts,
    render, repository_root, spec_files, write_dir,
};
pub use plan::{Kind, OperationPlan, ResourcePlan, plan};
pub use types::{RustType, field_type};
