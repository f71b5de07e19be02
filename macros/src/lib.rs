//! `#[derive(Resource)]` for sidekick. Use it through the `sidekick` crate, which documents
//! every key of the `#[resource(...)]` attribute.
//!
//! The derive runs in three steps, each in its own module: `attr` parses the attribute,
//! `valid` checks it (collecting every error in a `ctxt::Ctxt`), and `expand` emits the
//! `Resource` impl plus thin methods that call generic runtime functions.

#![warn(missing_docs)]

mod attr;
mod ctxt;
mod expand;
mod params;
#[cfg(test)]
mod snapshots;
mod symbol;
mod template;
mod valid;

use proc_macro::TokenStream;
use syn::{DeriveInput, parse_macro_input};

/// Derives `sidekick::Resource` and typed `fetch`/`update`/`create`/`delete`/`list` methods.
/// See the `sidekick` crate for the attribute's keys.
#[proc_macro_derive(Resource, attributes(resource))]
pub fn derive_resource(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    derive(&input).into()
}

/// Derives `sidekick::Params`: where each field of an operation's parameters is sent.
/// See the `sidekick` crate for `#[param(query | header | body)]`.
#[proc_macro_derive(Params, attributes(param))]
pub fn derive_params(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    params::derive(&input).into()
}

/// Every error, spanned where the mistake is; after errors, the expansion of whatever could
/// be recovered, so the user's calls still resolve and the errors are all they see.
fn derive(input: &DeriveInput) -> proc_macro2::TokenStream {
    let cx = ctxt::Ctxt::default();
    let attrs = attr::parse(&cx, &input.attrs);
    let model = valid::validate(&cx, input, attrs);
    let expansion = model.as_ref().map(expand::expand).unwrap_or_default();
    match cx.check() {
        Ok(()) => expansion,
        Err(errors) => {
            let mut tokens = errors.into_compile_error();
            tokens.extend(expansion);
            tokens
        }
    }
}
