//! Validation: turns parsed attributes into a [`Model`] the expansion can trust.

use syn::{Data, DeriveInput, Fields, Ident, LitStr, Type, Visibility};

use crate::attr::{Attrs, BaseUrl, Keyed, OpAttrs, PagingAttr};
use crate::ctxt::Ctxt;
use crate::symbol::{self, OPERATIONS, OpName};
use crate::template::{Template, snake_case};

/// A resource that can be expanded.
pub(crate) struct Model<'a> {
    pub(crate) ident: &'a Ident,
    pub(crate) vis: &'a Visibility,
    pub(crate) generics: &'a syn::Generics,
    pub(crate) krate: syn::Path,
    pub(crate) base_url: BaseUrlModel,
    pub(crate) path: Template,
    /// The placeholder filled from the client's account SID, in snake_case.
    pub(crate) account: Option<String>,
    pub(crate) ops: Vec<OpModel>,
    /// `false` when there is no path to take the methods' parameters from: after that error
    /// only the trait impl is emitted.
    pub(crate) methods: bool,
}

pub(crate) enum BaseUrlModel {
    /// Checked and normalised.
    Literal(String),
    /// A constant, checked when it is evaluated.
    Const(syn::Path),
}

/// One operation, with every default filled in.
pub(crate) struct OpModel {
    pub(crate) name: OpName,
    pub(crate) path: Template,
    pub(crate) params: Option<Type>,
    /// The runtime's `HttpMethod` variant.
    pub(crate) method: &'static str,
    /// The JSON media type, for a JSON body.
    pub(crate) json: Option<String>,
    pub(crate) response: Response,
    pub(crate) list_key: String,
    pub(crate) paging: Paging,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Response {
    Json,
    Empty,
    Redirect,
}

pub(crate) enum Paging {
    /// The runtime type's name.
    BuiltIn(&'static str),
    Custom(Box<Type>),
}

/// Checks the item and attributes, recording every problem in `cx`.
///
/// Returns a model whenever one can be built, recovering from attribute mistakes (a
/// best-effort reading of a malformed path, a placeholder base URL, ...), so that after an
/// error the expansion still provides the methods the user calls and the error is the only
/// one shown.
pub(crate) fn validate<'a>(cx: &Ctxt, input: &'a DeriveInput, attrs: Attrs) -> Option<Model<'a>> {
    let expandable = check_shape(cx, input);
    let base_url = base_url(cx, input, &attrs);
    let Some(path_attr) = &attrs.path else {
        report_missing_path(cx, input, &attrs);
        return expandable.then(|| without_path(input));
    };
    let path = template(cx, &path_attr.value);
    let krate = attrs
        .krate
        .as_ref()
        .and_then(|k| crate_path(cx, &k.value))
        .unwrap_or_else(|| syn::parse_quote!(::sidekick));
    if attrs.attribute.is_some() && attrs.ops.iter().all(Option::is_none) {
        cx.error_spanned_by(
            &attrs.attribute,
            "the resource declares no operations: add the ones its API has, such as `fetch`, \
             `update = UpdateParams`, `delete`, `list`",
        );
    }
    let list_path =
        attrs.op(OpName::List).and_then(|list| list.value.path.as_ref()).map(|p| template(cx, &p.value));
    let mut ops = Vec::new();
    for name in OPERATIONS {
        if let Some(op) = attrs.op(name) {
            ops.push(operation(cx, name, op, &path, list_path.as_ref()));
        }
    }
    let account = attrs.account.as_ref().and_then(|account| account_placeholder(cx, account, &ops));
    let model = Model {
        ident: &input.ident,
        vis: &input.vis,
        generics: &input.generics,
        krate,
        base_url,
        path,
        account,
        ops,
        methods: true,
    };
    expandable.then_some(model)
}

fn operation(
    cx: &Ctxt,
    name: OpName,
    op: &Keyed<OpAttrs>,
    path: &Template,
    list_path: Option<&Template>,
) -> OpModel {
    let attrs = &op.value;
    let op_path = match (&attrs.path, name.on_list()) {
        (Some(own), _) => template(cx, &own.value),
        (None, false) => path.clone(),
        (None, true) => match list_path {
            Some(list_path) => list_path.clone(),
            None if !path.is_singleton() => path.list_path_guess(),
            None => {
                cx.error_spanned_by(
                    &op.key,
                    format!(
                        "`{name}` needs a list path, but `{path}` is a singleton (its last segment has no placeholder): \
                         add `{name}(path = \"...\")`, or remove `{name}`"
                    ),
                );
                path.clone()
            }
        },
    };
    let method = match (name, &attrs.method) {
        (OpName::Fetch | OpName::List, _) => "Get",
        (OpName::Delete, _) => "Delete",
        (OpName::Create, _) | (OpName::Update, None) => "Post",
        (OpName::Update, Some(method)) => update_method(cx, &method.value),
    };
    let json = attrs.body.as_ref().and_then(|body| body_format(cx, &body.value));
    let response = match (name, &attrs.response) {
        (OpName::Delete, _) => Response::Empty,
        (_, None) => Response::Json,
        (_, Some(response)) => response_kind(cx, name, &response.value),
    };
    let paging = match &attrs.paging {
        None => Paging::BuiltIn("TwilioMeta"),
        Some(Keyed { value: PagingAttr::Custom(ty), .. }) => Paging::Custom(ty.clone()),
        Some(Keyed { value: PagingAttr::BuiltIn(lit), .. }) => Paging::BuiltIn(paging_name(cx, lit)),
    };
    let list_key = match name {
        OpName::List => list_key(cx, op, &op_path, &paging),
        _ => String::new(),
    };
    OpModel {
        name,
        path: op_path,
        params: attrs.params.as_ref().map(|p| p.value.clone()),
        method,
        json,
        response,
        list_key,
        paging,
    }
}

fn update_method(cx: &Ctxt, literal: &LitStr) -> &'static str {
    match literal.value().to_ascii_uppercase().as_str() {
        "POST" => "Post",
        "PUT" => "Put",
        "PATCH" => "Patch",
        other => {
            let hint = match other {
                "GET" => " (a GET is a `fetch`)".to_owned(),
                "DELETE" => " (a DELETE is a `delete`)".to_owned(),
                _ => String::new(),
            };
            cx.error_spanned_by(
                literal,
                format!(
                    "`update` sends {}, not `{}`{hint}",
                    symbol::list(symbol::UPDATE_METHODS).replace(", `PATCH`", " or `PATCH`"),
                    literal.value()
                ),
            );
            "Post"
        }
    }
}

fn body_format(cx: &Ctxt, literal: &LitStr) -> Option<String> {
    let value = literal.value();
    match value.as_str() {
        "form" => None,
        "json" => Some("application/json".to_owned()),
        media if is_json_media_type(media) => Some(media.to_owned()),
        other => {
            cx.error_spanned_by(
                literal,
                format!(
                    "unknown body format `{other}`: use `form` (the default), `json`, or a JSON media type such as `application/scim+json`"
                ),
            );
            None
        }
    }
}

/// `type/subtype` naming JSON (`application/json`, `application/scim+json`), with header-safe
/// characters only.
fn is_json_media_type(text: &str) -> bool {
    let Some((kind, subtype)) = text.split_once('/') else { return false };
    let token =
        |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_alphanumeric() || b"+-.".contains(&b));
    token(kind) && token(subtype) && (subtype == "json" || subtype.ends_with("+json"))
}

fn response_kind(cx: &Ctxt, op: OpName, literal: &LitStr) -> Response {
    match (literal.value().as_str(), op) {
        ("json", _) => Response::Json,
        ("none", _) => Response::Empty,
        ("redirect", OpName::Fetch) => Response::Redirect,
        ("redirect", _) => {
            cx.error_spanned_by(
                literal,
                format!(
                    "`response = \"redirect\"` is for a `fetch` whose answer is a redirect, not for `{op}`"
                ),
            );
            Response::Json
        }
        (other, _) => {
            let hint = symbol::closest(other, symbol::RESPONSES)
                .map(|m| format!("did you mean `{m}`? "))
                .unwrap_or_default();
            cx.error_spanned_by(
                literal,
                format!(
                    "unknown response `{other}`: {hint}use `json` (the resource, the default), `none` (an empty answer such as 204) or `redirect`"
                ),
            );
            Response::Json
        }
    }
}

fn paging_name(cx: &Ctxt, literal: &LitStr) -> &'static str {
    let name = literal.value();
    if let Some(ty) = symbol::paging_type(&name) {
        return ty;
    }
    let hint =
        symbol::closest(&name, symbol::PAGING).map(|m| format!("did you mean `{m}`? ")).unwrap_or_default();
    cx.error_spanned_by(
        literal,
        format!(
            "paging shape `{name}` does not exist: {hint}built in are {}, or name a type that implements `Paging`",
            symbol::list(symbol::PAGING)
        ),
    );
    "TwilioMeta"
}

fn list_key(cx: &Ctxt, op: &Keyed<OpAttrs>, list_path: &Template, paging: &Paging) -> String {
    if let Some(Keyed { value, .. }) = &op.value.key {
        let key = value.value();
        if key.trim().is_empty() {
            cx.error_spanned_by(
                value,
                "`key` is empty: give the JSON key of the items array, such as `\"participants\"`",
            );
        }
        return key;
    }
    if matches!(paging, Paging::BuiltIn("Scim")) {
        return "Resources".to_owned();
    }
    let derived = list_path.list_key_guess().map(snake_case);
    if derived.is_none() {
        cx.error_spanned_by(
            &op.key,
            "cannot derive the list key from a list path without literal segments: add `list(key = \"...\")`",
        );
    }
    derived.unwrap_or_default()
}

fn account_placeholder(cx: &Ctxt, account: &Keyed<LitStr>, ops: &[OpModel]) -> Option<String> {
    let written = account.value.value();
    let written = written.trim_start_matches('<').trim_end_matches('>');
    let wanted = snake_case(written);
    let names: Vec<String> = ops.iter().flat_map(|op| op.path.params()).collect();
    if names.contains(&wanted) {
        return Some(wanted);
    }
    let candidates: Vec<&str> = names.iter().map(String::as_str).collect();
    let meant = symbol::closest(&wanted, &candidates).map(str::to_owned);
    let hint = meant.as_ref().map(|m| format!(": did you mean `{m}`?")).unwrap_or_default();
    cx.error_spanned_by(
        &account.value,
        format!("`account = \"{written}\"` names no placeholder of the resource's paths{hint}"),
    );
    // The placeholder meant: methods then take the arguments the user expects.
    meant
}

/// The declared base URL; after an error (reported here), a placeholder so expansion goes on.
fn base_url(cx: &Ctxt, input: &DeriveInput, attrs: &Attrs) -> BaseUrlModel {
    const FALLBACK: &str = "https://example.invalid";
    match &attrs.base_url {
        Some(Keyed { value: BaseUrl::Literal(lit), .. }) => {
            BaseUrlModel::Literal(check_base_url(cx, lit).unwrap_or_else(|| FALLBACK.to_owned()))
        }
        Some(Keyed { value: BaseUrl::Const(path), .. }) => BaseUrlModel::Const(path.clone()),
        None => {
            if !attrs.base_url_written && attrs.attribute.is_some() {
                let at: &dyn quote::ToTokens = match &attrs.attribute {
                    Some(attribute) => attribute,
                    None => &input.ident,
                };
                cx.error_spanned_by(
                    at,
                    "missing `base_url`: add the API's scheme and host, as in `base_url = \"https://api.example.com\"`, \
                     or name a constant shared by a module's resources, as in `base_url = crate::API_BASE`",
                );
            }
            BaseUrlModel::Literal(FALLBACK.to_owned())
        }
    }
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
            "missing `#[resource(...)]`: add `#[resource(base_url = \"https://api.example.com\", path = \"/v1/Things/<sid>\", fetch)]` to say where the resource lives",
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
        base_url: BaseUrlModel::Literal("https://example.invalid".to_owned()),
        path: Template::recover(""),
        account: None,
        ops: Vec::new(),
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

/// Checks the base URL and normalises it: scheme and host in lower case (as the runtime
/// compares them), no trailing slash.
fn check_base_url(cx: &Ctxt, literal: &LitStr) -> Option<String> {
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

    #[derive(Debug)]
    struct Facts {
        ops: Vec<(OpName, String, &'static str, String)>,
        base: String,
        account: Option<String>,
    }

    /// Validates `item`, returning the model's key facts or every error message.
    fn check(item: &str) -> Result<Facts, String> {
        let input: DeriveInput = syn::parse_str(item).unwrap();
        let cx = Ctxt::default();
        let attrs = attr::parse(&cx, &input.attrs);
        let model = validate(&cx, &input, attrs);
        cx.check().map_err(|e| e.into_iter().map(|e| e.to_string()).collect::<Vec<_>>().join(" | "))?;
        let m = model.unwrap();
        let base = match m.base_url {
            BaseUrlModel::Literal(s) => s,
            BaseUrlModel::Const(_) => "<const>".into(),
        };
        let ops = m.ops.into_iter().map(|o| (o.name, o.path.to_string(), o.method, o.list_key)).collect();
        Ok(Facts { ops, base, account: m.account })
    }

    const BASE: &str = r#"base_url = "https://video.twilio.com""#;

    #[test]
    fn instance_defaults() {
        let f = check(&format!(
            r#"#[resource({BASE}, path = "/v1/Rooms/<room>/Participants/<sid>", fetch, update = U, list)] struct P {{ a: u8 }}"#
        ))
        .unwrap();
        assert_eq!(f.base, "https://video.twilio.com");
        let list = f.ops.iter().find(|o| o.0 == OpName::List).unwrap();
        assert_eq!(list.1, "/v1/Rooms/<room>/Participants");
        assert_eq!(list.3, "participants");
        let update = f.ops.iter().find(|o| o.0 == OpName::Update).unwrap();
        assert_eq!((update.1.as_str(), update.2), ("/v1/Rooms/<room>/Participants/<sid>", "Post"));
    }

    #[test]
    fn v2010_paths_keep_their_suffix_and_account() {
        let f = check(
            r#"#[resource(base_url = "https://api.twilio.com", path = "/2010-04-01/Accounts/<AccountSid>/Calls/<sid>.json",
                account = "AccountSid", fetch, create = C, list)] struct Call { a: u8 }"#,
        )
        .unwrap();
        assert_eq!(f.account.as_deref(), Some("account_sid"));
        let list = f.ops.iter().find(|o| o.0 == OpName::List).unwrap();
        assert_eq!(list.1, "/2010-04-01/Accounts/<AccountSid>/Calls.json");
        assert_eq!(list.3, "calls");
        let create = f.ops.iter().find(|o| o.0 == OpName::Create).unwrap();
        assert_eq!(create.1, list.1);
    }

    #[test]
    fn methods_bodies_responses_and_paging_are_checked() {
        for (keys, expected) in [
            (r#"update(method = "GET")"#, "(a GET is a `fetch`)"),
            (r#"update(body = "xml")"#, "unknown body format `xml`"),
            (r#"update(response = "redirect")"#, "not for `update`"),
            (r#"fetch(response = "nothing")"#, "unknown response `nothing`"),
            (r#"list(paging = "cursor")"#, "paging shape `cursor` does not exist"),
            (r#"list(paging = "next_page_url")"#, "did you mean `next_page_uri`?"),
            (r#"list(key = "")"#, "`key` is empty"),
            (r#"fetch, account = "acount_sid""#, "did you mean `account_sid`?"),
        ] {
            let item = format!(
                r#"#[resource({BASE}, path = "/v1/Accounts/<account_sid>/Things/<sid>", {keys})] struct P {{ a: u8 }}"#
            );
            let err = check(&item).err().unwrap_or_else(|| panic!("{keys}: no error"));
            assert!(err.contains(expected), "{keys}: {err}");
        }
        assert!(is_json_media_type("application/scim+json"));
        assert!(!is_json_media_type("application/xml"));
        assert!(!is_json_media_type("application/json\r\nX: y"));
    }

    #[test]
    fn base_urls_are_required_checked_and_normalised() {
        let item = r#"#[resource(path = "/v1/X/<sid>", base_url = "HTTPS://Api.Example.COM/Prefix/", fetch)] struct P { a: u8 }"#;
        assert_eq!(check(item).unwrap().base, "https://api.example.com/Prefix");
        let item = r#"#[resource(path = "/v1/X/<sid>", base_url = crate::API, fetch)] struct P { a: u8 }"#;
        assert_eq!(check(item).unwrap().base, "<const>");
        let err = check(r#"#[resource(path = "/v1/X/<sid>", fetch)] struct P { a: u8 }"#).unwrap_err();
        assert!(err.contains("missing `base_url`"), "{err}");
        for (bad, expected) in [
            ("video.twilio.com", "absolute"),
            ("https:///v1", "no host"),
            ("https://user:pw@example.com", "credentials"),
            ("https://example.com/?a", "query or fragment"),
        ] {
            let item = format!(
                r#"#[resource(path = "/v1/X/<sid>", base_url = "{bad}", fetch)] struct P {{ a: u8 }}"#
            );
            let err = check(&item).unwrap_err();
            assert!(err.contains(expected), "{bad}: {err}");
        }
    }

    #[test]
    fn singletons_need_a_list_path_for_list_and_create() {
        let err = check(&format!(
            r#"#[resource({BASE}, path = "/v1/Rooms/<room>/RecordingRules", list, create = C)] struct P {{ a: u8 }}"#
        ))
        .unwrap_err();
        assert!(err.contains("`list` needs a list path"), "{err}");
        assert!(err.contains("`create` needs a list path"), "{err}");
        let f = check(&format!(
            r#"#[resource({BASE}, path = "/v1/Rooms/<room>/RecordingRules", list(path = "/v1/Rooms/<room>/Rules"), create = C)] struct P {{ a: u8 }}"#
        ))
        .unwrap();
        assert!(f.ops.iter().all(|o| o.1 == "/v1/Rooms/<room>/Rules"));
        assert_eq!(f.ops.iter().find(|o| o.0 == OpName::List).unwrap().3, "rules");
    }

    #[test]
    fn shapes_and_missing_attributes() {
        for (item, expected) in [
            ("struct P { a: u8 }", "missing `#[resource(...)]`"),
            (r#"#[resource(base_url = "https://x.com", list)] struct P { a: u8 }"#, "missing `path`"),
            (
                r#"#[resource(base_url = "https://x.com", path = "/v1/X/<sid>")] struct P { a: u8 }"#,
                "declares no operations",
            ),
            (
                r#"#[resource(base_url = "https://x.com", path = "/v1/X/<sid>", fetch)] struct P(u8);"#,
                "not a tuple struct",
            ),
            (
                r#"#[resource(base_url = "https://x.com", path = "/v1/X/<sid>", fetch)] enum P { A }"#,
                "not an enum",
            ),
            (
                r#"#[resource(base_url = "https://x.com", path = "/v1/X/<sid>", fetch)] struct P<T> { a: T }"#,
                "generic",
            ),
            (
                r#"#[resource(base_url = "https://x.com", path = "/v1/X/<sid>", fetch, crate = "not a path")] struct P { a: u8 }"#,
                "is not a path",
            ),
        ] {
            let err = check(item).err().unwrap_or_else(|| panic!("{item}: no error"));
            assert!(err.contains(expected), "{item}: {err}");
        }
    }
}
