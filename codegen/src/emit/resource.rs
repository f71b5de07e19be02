//! One resource: its `#[derive(Resource)]` struct and the params types of its operations.

use serde_json::Value;

use super::docs::doc_lines;
use super::operation::{Answer, META_PAGING_PARAMS, Op, PAGE_NUMBER_PARAMS, Place, TOKEN_PAGING_PARAMS};
use super::params::{ParamsType, params_type};
use super::space::{Result, Space, data_fields};
use crate::plan::{Kind, ResourcePlan};
use crate::types::field_name;

/// The path prefix whose `{AccountSid}` is the client's account (`account = "account_sid"`).
const ACCOUNT_PREFIX: &str = "/2010-04-01/Accounts/{AccountSid}/";

/// The params type of a body the description leaves free-form.
const FREE_FORM: &str = "serde_json::Map<String, serde_json::Value>";

/// How an operation's answer is read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Reading {
    /// Into the resource, or (`returns`) another type.
    Json(Option<String>),
    /// No content.
    Empty,
    /// A 3xx with `Location`.
    Redirect,
}

/// What the conformance test of one operation needs to call it.
#[derive(Debug, Clone)]
pub(crate) struct CallPlan {
    pub operation_id: String,
    pub kind: Kind,
    pub resource: String,
    /// Path arguments in order (wire names), less the client's account.
    pub arguments: Vec<String>,
    pub params: Option<ParamsType>,
    pub reading: Reading,
}

/// The generated code of one resource.
pub(crate) struct ResourceCode {
    pub code: String,
    /// The types `code` defines (the resource, then params types).
    pub defines: Vec<String>,
    pub calls: Vec<CallPlan>,
}

/// Whether two answer schemas are the same type: the same component, or equal objects.
fn same_shape(a: &Value, b: &Value, space: &Space) -> bool {
    match (Space::ref_target(a), Space::ref_target(b)) {
        (Some(x), Some(y)) => x == y,
        _ => space.resolve(a) == space.resolve(b),
    }
}

/// The list answer's items key and item schema.
pub(crate) fn list_items<'a>(answer: &Answer<'a>, space: &Space<'a>) -> Result<(&'a str, &'a Value)> {
    let schema = answer.schema.ok_or("the list answer has no schema")?;
    let properties = space
        .resolve(schema)
        .get("properties")
        .and_then(Value::as_object)
        .ok_or("the list answer is not an object with properties")?;
    let arrays: Vec<(&str, &Value)> = properties
        .iter()
        .filter(|(key, s)| {
            key.as_str() != "schemas" && space.resolve(s).get("type").and_then(Value::as_str) == Some("array")
        })
        .map(|(key, s)| (key.as_str(), s))
        .collect();
    match arrays.as_slice() {
        [(key, array)] => {
            Ok((key, space.resolve(array).get("items").ok_or("the items array has no `items`")?))
        }
        _ => Err(format!("the list answer has {} arrays, not one", arrays.len())),
    }
}

/// The schema the resource struct has: the list's items, else the first JSON answer of
/// fetch, create, update, patch.
pub(crate) fn primary_schema<'a>(ops: &[Op<'a>], space: &Space<'a>) -> Result<Option<&'a Value>> {
    if let Some(list) = ops.iter().find(|op| op.kind() == Kind::List) {
        let items = list_items(&list.answer(), space)?.1;
        // Items written inline as a copy of a component another answer names: that component.
        let named = ops.iter().filter_map(|op| op.answer().schema).find(|s| {
            Space::ref_target(items).is_none() && Space::ref_target(s).is_some() && space.resolve(s) == items
        });
        return Ok(Some(named.unwrap_or(items)));
    }
    Ok(ops.iter().filter(|op| !op.redirects()).find_map(|op| op.answer().schema))
}

/// `{RoomSid}` → `<room_sid>` in a path.
pub(crate) fn derive_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    let mut rest = path;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}') else { break };
        out.push_str(&rest[..open]);
        out.push('<');
        out.push_str(&placeholder_name(&rest[open + 1..open + close]));
        out.push('>');
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    out
}

/// The prefix of the resource's SIDs: the letters of its `sid` property's pattern, when that
/// is exactly `^XX[0-9a-fA-F]{32}$`. Looser patterns (`^(SM|MM)...`, `[a-zA-Z0-9]{32}`) name
/// no single prefix, so they give none.
fn sid_prefix<'a>(schema: &'a Value, space: &Space<'a>) -> Option<String> {
    let (_, sid) = space.properties(schema).into_iter().find(|(wire, _)| *wire == "sid")?;
    let pattern = space.resolve(sid).get("pattern")?.as_str()?;
    pattern_prefix(pattern).map(str::to_owned)
}

/// `RM` of `^RM[0-9a-fA-F]{32}$`; `None` for any other pattern.
pub(crate) fn pattern_prefix(pattern: &str) -> Option<&str> {
    let prefix = pattern.strip_prefix('^')?.strip_suffix("[0-9a-fA-F]{32}$")?;
    (prefix.len() == 2 && prefix.bytes().all(|b| b.is_ascii_uppercase())).then_some(prefix)
}

/// The snake_case name of a path placeholder, never a raw identifier.
fn placeholder_name(wire: &str) -> String {
    let name = field_name(wire);
    match name.strip_prefix("r#") {
        Some(keyword) => format!("{keyword}_"),
        None => name,
    }
}

/// Emits the resource `plan` of a module whose base URL is `server`.
pub(crate) fn resource_code<'a>(
    plan: &ResourcePlan,
    ops: &[Op<'a>],
    space: &mut Space<'a>,
    file: &str,
    server_of: &dyn Fn(&Op) -> Option<String>,
) -> Result<ResourceCode> {
    let name = plan.name.as_str();
    let primary = primary_schema(ops, space)?;
    let fields = match primary {
        Some(schema) => space.fields(schema, name, file)?,
        None => Vec::new(),
    };
    let account = plan.path().starts_with(ACCOUNT_PREFIX)
        || ops.iter().any(|op| op.plan.path.starts_with(ACCOUNT_PREFIX));

    let mut keys = vec![];
    let servers: std::collections::BTreeSet<Option<String>> = ops.iter().map(server_of).collect();
    let base_url = match servers.into_iter().collect::<Vec<_>>().as_slice() {
        [None] => "super::BASE_URL".to_owned(),
        [Some(url)] => format!("{url:?}"),
        other => return Err(format!("`{name}`'s operations are on {} hosts", other.len())),
    };
    keys.push(format!("base_url = {base_url}"));
    keys.push(format!("path = {:?}", derive_path(plan.path())));
    if account {
        keys.push("account = \"account_sid\"".to_owned());
    }
    if let Some(prefix) = primary.and_then(|schema| sid_prefix(schema, space)) {
        keys.push(format!("sid_prefix = {prefix:?}"));
    }

    let mut defines = vec![name.to_owned()];
    let mut params_code = String::new();
    let mut calls = Vec::new();
    let mut op_docs = String::new();
    for op in ops {
        let kind = op.kind();
        let mut parts: Vec<String> = Vec::new();
        let answer = op.answer();
        let paging = if kind == Kind::List { Some(paging_of(op, &answer, space)) } else { None };
        let paging_params = match paging {
            Some("token") => TOKEN_PAGING_PARAMS,
            Some("page_number") => PAGE_NUMBER_PARAMS,
            _ => META_PAGING_PARAMS,
        };
        let params = op.params(paging_params, space);
        let params_type = match params.is_empty() {
            // Any JSON object: the description gives it no fields to type.
            true if op.free_form_body(space) => {
                Some(ParamsType { name: FREE_FORM.to_owned(), samples: Vec::new(), setters: Vec::new() })
            }
            true => None,
            false => {
                let type_name = params_name(kind, name);
                let (code, params_type) = params_type(&type_name, op, &params, space, file)?;
                params_code.push('\n');
                params_code.push_str(&code);
                defines.push(type_name);
                Some(params_type)
            }
        };
        if let Some(params) = &params_type {
            parts.push(format!("params = {}", params.name));
        }
        // A create goes where the list goes when the list has its own path.
        let list_override =
            ops.iter().find(|o| o.kind() == Kind::List).filter(|o| o.plan.needs_path_override);
        let follows_list =
            kind == Kind::Create && list_override.is_some_and(|list| list.plan.path != op.plan.path);
        if op.plan.needs_path_override || follows_list {
            parts.push(format!("path = {:?}", derive_path(&op.plan.path)));
        }
        if kind == Kind::Update && op.plan.method != "POST" {
            parts.push(format!("method = {:?}", op.plan.method));
        }
        if matches!(kind, Kind::Create | Kind::Update | Kind::Patch)
            && let Some((media, _)) = op.body()
        {
            match media {
                "application/x-www-form-urlencoded" => {}
                "application/json" => parts.push("body = \"json\"".to_owned()),
                other => parts.push(format!("body = {other:?}")),
            }
        }
        let reading = reading(op, &answer, primary, space, file)?;
        match (&reading, kind) {
            (_, Kind::Delete | Kind::List) => {}
            (Reading::Redirect, _) => parts.push("response = \"redirect\"".to_owned()),
            (Reading::Empty, _) => parts.push("response = \"empty\"".to_owned()),
            (Reading::Json(Some(other)), _) => parts.push(format!("returns = {other}")),
            (Reading::Json(None), _) => {}
        }
        let mut list_doc = String::new();
        if let Some(paging) = paging {
            let (key, _) = list_items(&answer, space)?;
            parts.push(format!("key = {key:?}"));
            if paging != "meta" {
                parts.push(format!("paging = {paging:?}"));
            }
            list_doc = format!(", items under `{key}`, `{paging}` paging");
        }
        let key = kind.key();
        keys.push(match parts.as_slice() {
            [] => key.to_owned(),
            [only] if only.starts_with("params = ") => format!("{key} = {}", &only["params = ".len()..]),
            _ => format!("{key}({})", parts.join(", ")),
        });
        op_docs.push_str(&format!(
            "- `{key}`: `{} {}` (`{}`){list_doc}\n",
            op.plan.method, op.plan.path, op.plan.operation_id
        ));
        let arguments = op
            .placeholders()
            .into_iter()
            .enumerate()
            .filter(|(i, p)| {
                !(account && *i == 0 && *p == "AccountSid" && op.plan.path.starts_with(ACCOUNT_PREFIX))
            })
            .map(|(_, p)| p.to_owned())
            .collect();
        calls.push(CallPlan {
            operation_id: op.plan.operation_id.clone(),
            kind,
            resource: name.to_owned(),
            arguments,
            params: params_type,
            reading,
        });
    }

    let mut doc = format!("The `{name}` resource.\n\n");
    if let Some(component) = primary.and_then(Space::ref_target).filter(|_| !fields.is_empty()) {
        doc.push_str(&format!("Its fields are the properties of `{component}`. "));
    }
    doc.push_str("Its operations:\n\n");
    doc.push_str(&op_docs);
    if account {
        doc.push_str(
            "\n`{AccountSid}` is the client's account, or the one a call names with `.account_sid(...)`.\n",
        );
    }
    let mut code = doc_lines(&doc, "");
    let all: Vec<&super::space::Field> = fields.iter().collect();
    code.push_str(&super::secrets::derives(
        &all,
        "Clone, Default, PartialEq, Eq, Serialize, Deserialize, Resource",
    ));
    code.push_str("#[resource(\n");
    for key in &keys {
        code.push_str(&format!("    {key},\n"));
    }
    code.push_str(")]\n");
    code.push_str(&format!("pub struct {name} {{\n"));
    code.push_str(&data_fields(&fields, false));
    code.push_str("}\n");
    code.push_str(&super::secrets::debug_impl(name, &all));
    code.push_str(&params_code);
    Ok(ResourceCode { code, defines, calls })
}

/// The params type of an operation of `kind` on `resource`: `CreateMessage`, `MessageFilter`.
fn params_name(kind: Kind, resource: &str) -> String {
    match kind {
        Kind::List => format!("{resource}Filter"),
        other => format!("{}{resource}", other.prefix()),
    }
}

/// The list's paging shape, as the derive names it.
fn paging_of(op: &Op, answer: &Answer, space: &Space) -> &'static str {
    if answer.media == Some("application/scim+json") {
        return "scim";
    }
    let properties = answer.schema.map(|s| space.resolve(s)).and_then(|s| s.get("properties"));
    let has = |key: &str| properties.and_then(|p| p.get(key)).is_some();
    let meta_has = |key: &str| {
        properties
            .and_then(|p| p.get("meta"))
            .map(|m| space.resolve(m))
            .and_then(|m| m.get("properties"))
            .and_then(|p| p.get(key))
            .is_some()
    };
    if meta_has("next_token") {
        "token"
    } else if has("meta") {
        "meta"
    } else if has("next_page_uri") || op.plan.path.starts_with("/2010-04-01/") {
        "next_page_uri"
    } else if has("has_next") {
        "page_number"
    } else {
        "meta"
    }
}

/// How the answer of `op` is read, defining the type of a JSON answer that is not the resource.
fn reading<'a>(
    op: &Op<'a>,
    answer: &Answer<'a>,
    primary: Option<&'a Value>,
    space: &mut Space<'a>,
    file: &str,
) -> Result<Reading> {
    if op.redirects() {
        return Ok(Reading::Redirect);
    }
    let Some(schema) = answer.schema else { return Ok(Reading::Empty) };
    if op.kind() == Kind::List || primary.is_some_and(|p| same_shape(p, schema, space)) {
        return Ok(Reading::Json(None));
    }
    let name = match Space::ref_target(schema) {
        Some(component) => space.component_type(component, file)?,
        None => {
            let name = format!("{}Response", op.plan.operation_id);
            let fields = space.fields(schema, &name, file)?;
            let doc = format!("The answer of `{}`.", op.plan.operation_id);
            space.define(&name, file, super::space::struct_code(&name, &doc, &fields))?;
            name
        }
    };
    space.use_type(file, &name);
    Ok(Reading::Json(Some(name)))
}

/// Whether any parameter goes somewhere other than the operation's default place.
pub(crate) fn placed(place: Place, kind: Kind) -> Option<&'static str> {
    let has_body = matches!(kind, Kind::Create | Kind::Update | Kind::Patch);
    match (place, has_body) {
        (Place::Header, _) => Some("header"),
        (Place::Query, true) => Some("query"),
        (Place::Body, false) => Some("body"),
        _ => None,
    }
}
