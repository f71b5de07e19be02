//! Validation: turns parsed attributes into a [`Model`] the expansion can trust.

use syn::{Data, DeriveInput, Fields, Ident, LitStr, Type, Visibility};

use crate::attr::{Attrs, Keyed};
use crate::ctxt::Ctxt;
use crate::template::{Template, snake_case};

/// Twilio Video, the first API sidekick binds.
const DEFAULT_BASE_URL: &str = "https://video.twilio.com";

/// A resource that can be expanded.
pub(crate) struct Model<'a> {
    pub(crate) ident: &'a Ident,
    pub(crate) vis: &'a Visibility,
    pub(crate) generics: &'a syn::Generics,
    pub(crate) krate: syn::Path,
    pub(crate) base_url: String,
    pub(crate) path: Template,
    pub(crate) list_path: Option<Template>,
    pub(crate) list_key: String,
    pub(crate) update: Option<Type>,
    pub(crate) create: Option<Type>,
    pub(crate) delete: bool,
    /// `Some(filter)` when the resource lists; `filter` is `None` for a plain `list` flag.
    pub(crate) list: Option<Option<Type>>,
    /// `false` when there is no path to take the methods' parameters from: after that error
    /// only the trait impl is emitted.
    pub(crate) methods: bool,
}

/// Checks the item and attributes, recording every problem in `cx`.
///
/// Returns a model whenever one can be built, recovering from attribute mistakes (a default
/// base URL, a best-effort reading of a malformed path, ...), so that after an error the
/// expansion still provides the methods the user calls and the error is the only one shown.
pub(crate) fn validate<'a>(cx: &Ctxt, input: &'a DeriveInput, attrs: Attrs) -> Option<Model<'a>> {
    let expandable = check_shape(cx, input);
    let Some(path_attr) = &attrs.path else {
        report_missing_path(cx, input, &attrs);
        return expandable.then(|| without_path(input));
    };
    let path = template(cx, &path_attr.value);
    let explicit_list_path = attrs.list_path.as_ref().map(|lp| template(cx, &lp.value));
    let base_url = attrs
        .base_url
        .as_ref()
        .and_then(|b| base_url(cx, &b.value))
        .unwrap_or_else(|| DEFAULT_BASE_URL.to_owned());
    let krate = attrs
        .krate
        .as_ref()
        .and_then(|k| crate_path(cx, &k.value))
        .unwrap_or_else(|| syn::parse_quote!(::sidekick));

    let wants_list_path = attrs.list.is_some() || attrs.create.is_some();
    let list_path = match (explicit_list_path, path.is_singleton()) {
        (Some(explicit), _) => explicit,
        (None, false) => path.parent(),
        (None, true) => {
            for op in [attrs.list.as_ref().map(|k| &k.key), attrs.create.as_ref().map(|k| &k.key)]
                .into_iter()
                .flatten()
            {
                cx.error_spanned_by(
                    op,
                    format!(
                        "`{op}` needs a list path, but `{path}` is a singleton (it ends in a literal segment): \
                         add `list_path = \"...\"`, or remove `{op}`"
                    ),
                );
            }
            path.clone()
        }
    };
    if !wants_list_path {
        for unused in [&attrs.list_path, &attrs.list_key].into_iter().flatten() {
            let key = &unused.key;
            cx.error_spanned_by(
                key,
                format!("`{key}` has no effect without `list` or `create`: remove it, or add `list`"),
            );
        }
    }
    let list_key = list_key(cx, &attrs, &list_path);
    let model = Model {
        ident: &input.ident,
        vis: &input.vis,
        generics: &input.generics,
        krate,
        base_url,
        path,
        list_path: wants_list_path.then_some(list_path),
        list_key,
        update: attrs.update.map(|k| k.value),
        create: attrs.create.map(|k| k.value),
        delete: attrs.delete.is_some(),
        list: attrs.list.map(|k| k.value.filter),
        methods: true,
    };
    expandable.then_some(model)
}

fn report_missing_path(cx: &Ctxt, input: &DeriveInput, attrs: &Attrs) {
    if attrs.path_written {
        return; // Its unusable value was reported where it stands.
    }
    match &attrs.attribute {
        Some(attribute) => cx.error_spanned_by(
            attribute,
            "missing `path`: add `path = \"/v1/Things/<sid>\"` to say where the resource lives",
        ),
        None => cx.error_spanned_by(
            &input.ident,
            "missing `#[resource(...)]`: add `#[resource(path = \"/v1/Things/<sid>\")]` to say where the resource lives",
        ),
    }
}

/// The model after a missing path: the trait is still implemented, so code that only needs
/// `Resource` compiles, but no methods can be generated without knowing their parameters.
fn without_path(input: &DeriveInput) -> Model<'_> {
    Model {
        ident: &input.ident,
        vis: &input.vis,
        generics: &input.generics,
        krate: syn::parse_quote!(::sidekick),
        base_url: DEFAULT_BASE_URL.to_owned(),
        path: Template::recover(""),
        list_path: None,
        list_key: String::new(),
        update: None,
        create: None,
        delete: false,
        list: None,
        methods: false,
    }
}

/// Reports an item shape the derive cannot handle. Returns whether expanding anyway can
/// compile (it can for tuple and unit structs, enums and generic structs, so calls to their
/// methods add no follow-on errors; not for unions, which cannot be deserialized).
fn check_shape(cx: &Ctxt, input: &DeriveInput) -> bool {
    let shape_ok = match &input.data {
        Data::Struct(data) => match &data.fields {
            Fields::Named(_) => true,
            Fields::Unnamed(_) => {
                cx.error_spanned_by(
                    &input.ident,
                    "`Resource` needs a struct with named fields (its JSON properties), not a tuple struct",
                );
                true
            }
            Fields::Unit => {
                cx.error_spanned_by(
                    &input.ident,
                    "`Resource` needs a struct with named fields (its JSON properties), not a unit struct",
                );
                true
            }
        },
        Data::Enum(data) => {
            cx.error_spanned_by(
                data.enum_token,
                "`Resource` can only be derived for a struct with named fields, not an enum",
            );
            true
        }
        Data::Union(data) => {
            cx.error_spanned_by(
                data.union_token,
                "`Resource` can only be derived for a struct with named fields, not a union",
            );
            false
        }
    };
    if !input.generics.params.is_empty() || input.generics.where_clause.is_some() {
        cx.error_spanned_by(
            &input.generics,
            "`Resource` does not support generic structs: a resource has one fixed JSON shape; remove the generics",
        );
    }
    shape_ok
}

/// The template, or after reporting its problem, a best-effort reading of it.
fn template(cx: &Ctxt, literal: &LitStr) -> Template {
    let text = literal.value();
    Template::parse(&text).unwrap_or_else(|message| {
        cx.error_spanned_by(literal, message);
        Template::recover(&text)
    })
}

fn list_key(cx: &Ctxt, attrs: &Attrs, list_path: &Template) -> String {
    if let Some(Keyed { value, .. }) = &attrs.list_key {
        let key = value.value();
        if key.trim().is_empty() {
            cx.error_spanned_by(
                value,
                "`list_key` is empty: give the JSON key of the items array, such as `\"participants\"`",
            );
        }
        return key;
    }
    let derived = list_path.last_literal().map(snake_case);
    if derived.is_none() && attrs.list.is_some() {
        cx.error_spanned_by(
            attrs.list.as_ref().map(|k| &k.key),
            "cannot derive the list key from a list path without literal segments: add `list_key = \"...\"`",
        );
    }
    derived.unwrap_or_default()
}

/// Checks the base URL and normalises it: scheme and host in lower case (as the runtime
/// compares them), no trailing slash.
fn base_url(cx: &Ctxt, literal: &LitStr) -> Option<String> {
    let text = literal.value();
    let lower = text.to_ascii_lowercase();
    let scheme = ["https://", "http://"].into_iter().find(|s| lower.starts_with(s));
    let rest = scheme.map(|s| &text[s.len()..]);
    let host = rest.map(|r| r.split('/').next().unwrap_or_default());
    let problem = match (rest, host) {
        (None, _) => Some("must be an absolute `http://` or `https://` URL"),
        (_, Some("")) => Some("has no host"),
        (_, Some(host)) if host.contains('@') => Some("must not carry credentials (`user:password@`)"),
        _ if text.contains(['?', '#']) => Some("must not have a query or fragment"),
        _ if text.contains(char::is_whitespace) => Some("must not contain spaces"),
        _ => None,
    };
    if let Some(problem) = problem {
        let message = format!("base URL `{text}` {problem}, as in `base_url = \"https://video.twilio.com\"`");
        cx.error_spanned_by(literal, message);
        return None;
    }
    let (scheme, rest, host) = (scheme?, rest?, host?);
    let path = &rest[host.len()..];
    Some(format!("{scheme}{}{}", host.to_ascii_lowercase(), path.trim_end_matches('/')))
}

fn crate_path(cx: &Ctxt, literal: &LitStr) -> Option<syn::Path> {
    match literal.parse::<syn::Path>() {
        Ok(path) => Some(path),
        Err(_) => {
            cx.error_spanned_by(
                literal,
                format!("`crate = \"{}\"` is not a path: name the crate that re-exports sidekick, as in `crate = \"my_sidekick\"`", literal.value()),
            );
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attr;

    /// Validates `item`, returning the model's key facts or every error message.
    fn check(item: &str) -> Result<(String, Option<String>, String, String), String> {
        let input: DeriveInput = syn::parse_str(item).unwrap();
        let cx = Ctxt::default();
        let attrs = attr::parse(&cx, &input.attrs);
        let model = validate(&cx, &input, attrs);
        cx.check().map_err(|e| e.into_iter().map(|e| e.to_string()).collect::<Vec<_>>().join(" | "))?;
        let m = model.unwrap();
        Ok((m.path.to_string(), m.list_path.map(|t| t.to_string()), m.list_key, m.base_url))
    }

    #[test]
    fn instance_defaults() {
        let (path, list, key, base) =
            check(r#"#[resource(path = "/v1/Rooms/<room>/Participants/<sid>", list)] struct P { a: u8 }"#)
                .unwrap();
        assert_eq!(path, "/v1/Rooms/<room>/Participants/<sid>");
        assert_eq!(list.as_deref(), Some("/v1/Rooms/<room>/Participants"));
        assert_eq!(key, "participants");
        assert_eq!(base, "https://video.twilio.com");
    }

    #[test]
    fn base_urls_are_normalised() {
        let item = r#"#[resource(path = "/v1/X/<sid>", base_url = "HTTPS://Api.Example.COM/Prefix/")] struct P { a: u8 }"#;
        assert_eq!(check(item).unwrap().3, "https://api.example.com/Prefix");
        for (bad, expected) in [
            ("video.twilio.com", "absolute"),
            ("https:///v1", "no host"),
            ("https://user:pw@example.com", "credentials"),
            ("https://example.com/?a", "query or fragment"),
        ] {
            let item =
                format!(r#"#[resource(path = "/v1/X/<sid>", base_url = "{bad}")] struct P {{ a: u8 }}"#);
            let err = check(&item).unwrap_err();
            assert!(err.contains(expected), "{bad}: {err}");
        }
    }

    #[test]
    fn singleton_needs_list_path_for_list_and_create() {
        let err = check(
            r#"#[resource(path = "/v1/Rooms/<room>/RecordingRules", list, create = C)] struct P { a: u8 }"#,
        )
        .unwrap_err();
        assert!(err.contains("`list` needs a list path"), "{err}");
        assert!(err.contains("`create` needs a list path"), "{err}");
        let (_, list, key, _) = check(
            r#"#[resource(path = "/v1/Rooms/<room>/RecordingRules", list_path = "/v1/Rooms/<room>/Rules", list)] struct P { a: u8 }"#,
        )
        .unwrap();
        assert_eq!((list.as_deref(), key.as_str()), (Some("/v1/Rooms/<room>/Rules"), "rules"));
    }

    #[test]
    fn list_keys_and_unused_keys() {
        let err = check(r#"#[resource(path = "/v1/X/<sid>", list, list_key = " ")] struct P { a: u8 }"#)
            .unwrap_err();
        assert!(err.contains("`list_key` is empty"), "{err}");
        let err =
            check(r#"#[resource(path = "/v1/X/<sid>", list_key = "xs")] struct P { a: u8 }"#).unwrap_err();
        assert!(err.contains("no effect without `list` or `create`"), "{err}");
        let err = check(r#"#[resource(path = "/<sid>", list)] struct P { a: u8 }"#).unwrap_err();
        assert!(err.contains("add `list_key"), "{err}");
    }

    #[test]
    fn shapes_and_missing_attributes() {
        for (item, expected) in [
            ("struct P { a: u8 }", "missing `#[resource(...)]`"),
            (r#"#[resource(list)] struct P { a: u8 }"#, "missing `path`"),
            (r#"#[resource(path = "/v1/X/<sid>")] struct P(u8);"#, "not a tuple struct"),
            (r#"#[resource(path = "/v1/X/<sid>")] struct P;"#, "not a unit struct"),
            (r#"#[resource(path = "/v1/X/<sid>")] enum P { A }"#, "not an enum"),
            (r#"#[resource(path = "/v1/X/<sid>")] union P { a: u8 }"#, "not a union"),
            (r#"#[resource(path = "/v1/X/<sid>")] struct P<T> { a: T }"#, "generic"),
            (
                r#"#[resource(path = "/v1/X/<sid>", crate = "not a path")] struct P { a: u8 }"#,
                "is not a path",
            ),
        ] {
            let err = check(item).unwrap_err();
            assert!(err.contains(expected), "{item}: {err}");
        }
    }
}
