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
    /// Checked: 1 to 8 capitals or digits, starting with a capital.
    pub(crate) sid_prefix: Option<String>,
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
    /// The type a JSON answer decodes into, when not the resource (`returns = NewKey`).
    pub(crate) returns: Option<Type>,
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
    let sid_prefix = attrs.sid_prefix.as_ref().and_then(|prefix| check_sid_prefix(cx, &prefix.value));
    let Some(path_attr) = &attrs.path else {
        report_missing_path(cx, input, &attrs);
        return expandable.then(|| without_path(input, sid_prefix));
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
    check_patch_clash(cx, &attrs, &ops);
    let account = attrs.account.as_ref().and_then(|account| account_placeholder(cx, account, &ops));
    let model = Model {
        ident: &input.ident,
        vis: &input.vis,
        generics: &input.generics,
        krate,
        base_url,
        path,
        account,
        sid_prefix,
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
        (OpName::Patch, _) => "Patch",
        (OpName::Update, Some(method)) => update_method(cx, &method.value),
    };
    let json = attrs.body.as_ref().and_then(|body| body_format(cx, &body.value));
    let response = match (name, &attrs.response) {
        (OpName::Delete, _) => Response::Empty,
        (_, None) => Response::Json,
        (_, Some(response)) => response_kind(cx, name, &response.value),
    };
    let paging = match &attrs.paging {
        None => Paging::BuiltIn("MetaPaging"),
        Some(Keyed { value: PagingAttr::Custom(ty), .. }) => Paging::Custom(ty.clone()),
        Some(Keyed { value: PagingAttr::BuiltIn(lit), .. }) => Paging::BuiltIn(paging_name(cx, lit)),
    };
    let list_key = match name {
        OpName::List => list_key(cx, op, &op_path, &paging),
        _ => String::new(),
    };
    let returns = attrs.returns.as_ref().and_then(|returns| match response {
        Response::Json => Some(returns.value.clone()),
        _ => {
            cx.error_spanned_by(
                &returns.key,
                "`returns` names the type of a JSON answer: it does not go with `response = \"empty\"` or `\"redirect\"`",
            );
            None
        }
    });
    OpModel {
        name,
        returns,
        path: op_path,
        params: attrs.params.as_ref().map(|p| p.value.clone()),
        method,
        json,
        response,
        list_key,
        paging,
    }
}

/// `update(method = "PATCH")` and `patch` on one path would be the same request twice.
fn check_patch_clash(cx: &Ctxt, attrs: &Attrs, ops: &[OpModel]) {
    let find = |name| ops.iter().find(|op| op.name == name);
    let (Some(update), Some(patch)) = (find(OpName::Update), find(OpName::Patch)) else { return };
    if update.method == "Patch" && update.path == patch.path {
        cx.error_spanned_by(
            attrs.op(OpName::Patch).map(|op| &op.key),
            format!(
                "`patch` and `update(method = \"PATCH\")` both send `PATCH {}`: keep one, or give `update` the method \
                 that replaces the resource (`\"PUT\"` or `\"POST\"`)",
                patch.path
            ),
        );
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
        ("empty", _) => Response::Empty,
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
            let hint = (other == "none")
                .then_some("empty")
                .or_else(|| symbol::closest(other, symbol::RESPONSES))
                .map(|m| format!("did you mean `{m}`? "))
                .unwrap_or_default();
            cx.error_spanned_by(
                literal,
                format!(
                    "unknown response `{other}`: {hint}use `json` (the resource, the default), `empty` (an answer without a body, such as 204) or `redirect`"
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
    let looks_like_a_type = name.contains("::") || name.starts_with(|c: char| c.is_ascii_uppercase());
    let hint = match symbol::closest(&name, symbol::PAGING) {
        Some(meant) => format!("did you mean `{meant}`? "),
        None if looks_like_a_type => {
            format!("to name your own type, write it without quotes: `paging = {name}`; ")
        }
        None => String::new(),
    };
    cx.error_spanned_by(
        literal,
        format!(
            "paging shape `{name}` does not exist: {hint}built in are {}, or name a type that implements `Paging`",
            symbol::list(symbol::PAGING)
        ),
    );
    "MetaPaging"
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
    if matches!(paging, Paging::BuiltIn("ScimPaging")) {
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
fn without_path(input: &DeriveInput, sid_prefix: Option<String>) -> Model<'_> {
    Model {
        ident: &input.ident,
        vis: &input.vis,
        generics: &input.generics,
        krate: syn::parse_quote!(::sidekick),
        base_url: BaseUrlModel::Literal("https://example.invalid".to_owned()),
        path: Template::recover(""),
        account: None,
        sid_prefix,
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

/// The SID prefix, or `None` after reporting what is wrong with it.
fn check_sid_prefix(cx: &Ctxt, literal: &LitStr) -> Option<String> {
    let text = literal.value();
    match sid_prefix_problem(&text) {
        None => Some(text),
        Some(problem) => {
            cx.error_spanned_by(literal, problem);
            None
        }
    }
}

/// What is wrong with a SID prefix, with the fix: it must be 1 to 8 ASCII capitals or digits,
/// starting with a capital (Twilio's are two capitals, as `RM` in `RM` + 32 hex digits).
fn sid_prefix_problem(text: &str) -> Option<String> {
    const EXAMPLE: &str = "as in `sid_prefix = \"RM\"` for SIDs such as `RM` followed by 32 hex digits";
    const MAX: usize = 8;
    if text.is_empty() {
        return Some(format!(
            "`sid_prefix` is empty: give the letters the resource's SIDs start with, {EXAMPLE}"
        ));
    }
    if let Some(bad) = text.chars().find(|c| !c.is_ascii_alphanumeric()) {
        return Some(format!(
            "SID prefix `{text}` contains {bad:?}: a prefix has only capitals `A`-`Z` and digits, {EXAMPLE}"
        ));
    }
    // A whole SID pasted in place of its prefix: the letters before the 32 hex digits.
    let (letters, digits) = text.split_at(text.len().saturating_sub(32));
    if (1..=MAX).contains(&letters.len())
        && letters.bytes().all(|b| b.is_ascii_alphabetic())
        && digits.bytes().all(|b| b.is_ascii_hexdigit())
    {
        return Some(format!(
            "`{text}` is a whole SID, not its prefix: write `sid_prefix = \"{}\"`",
            letters.to_ascii_uppercase()
        ));
    }
    if text.len() > MAX {
        return Some(format!(
            "SID prefix `{text}` has {} characters, more than {MAX}: give only the letters the SIDs start with, {EXAMPLE}",
            text.len()
        ));
    }
    if !text.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return Some(format!("SID prefix `{text}` must start with a letter, {EXAMPLE}"));
    }
    if text.bytes().any(|b| b.is_ascii_lowercase()) {
        return Some(format!(
            "SID prefix `{text}` must be in capitals, as SIDs write it: `sid_prefix = \"{}\"`",
            text.to_ascii_uppercase()
        ));
    }
    None
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
mod tests;
