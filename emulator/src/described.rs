//! Resources described in a TOML file rather than by a Rust type, for the command-line fake
//! that other languages' tests run: name, paths, operations, paging and fields.
//!
//! ```toml
//! [[resource]]
//! name = "Message"
//! path = "/2010-04-01/Accounts/{AccountSid}/Messages/{Sid}.json"
//! operations = ["create", "fetch", "update", "delete", "list"]
//! paging = "next_page_uri"
//! sid_prefix = "SM"
//! timestamps = "rfc2822"
//! fields = { sid = "string", account_sid = "string?", body = "string?", num_segments = "integer?" }
//! ```

use std::collections::BTreeMap;

use serde::Deserialize;
use sidekick_runtime::{
    BodyFormat, HttpMethod, MetaPaging, Operation, OperationKind, PageNumberPaging, PathTemplate, ScimPaging,
    TokenPaging, UriPaging,
};

use crate::hooks::Hooks;
use crate::http::values::snake_case;
use crate::intern::{intern, intern_slice};
use crate::registry::{Formats, PagingCodec, ResourceKey, ServedResource, sid_prefix};
use crate::world::schema::{Field, Kind, Schema, TimestampStyle};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    resource: Vec<Described>,
}

/// One resource of a description file.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Described {
    name: String,
    /// The instance path, placeholders in braces or angle brackets.
    path: String,
    /// The path of create and list; by default the instance path without its last segment.
    list_path: Option<String>,
    operations: Vec<OpName>,
    /// The JSON key of a list's items; by default the list path's last segment in snake case.
    list_key: Option<String>,
    #[serde(default)]
    paging: PagingName,
    sid_prefix: Option<String>,
    #[serde(default)]
    timestamps: Timestamps,
    /// Creates and updates send JSON rather than a form.
    #[serde(default)]
    json_body: bool,
    /// Field name → kind: `string`, `integer`, `number`, `boolean`, `list`, `object` or `any`;
    /// a trailing `?` allows `null`.
    fields: BTreeMap<String, String>,
}

#[derive(Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
enum OpName {
    Create,
    Fetch,
    Update,
    Delete,
    List,
}

#[derive(Deserialize, Default, Clone, Copy)]
enum PagingName {
    #[default]
    #[serde(rename = "meta")]
    Meta,
    #[serde(rename = "next_page_uri")]
    NextPageUri,
    #[serde(rename = "token")]
    Token,
    #[serde(rename = "scim")]
    Scim,
    #[serde(rename = "page_number")]
    PageNumber,
}

#[derive(Deserialize, Default, Clone, Copy)]
#[serde(rename_all = "lowercase")]
enum Timestamps {
    #[default]
    Rfc3339,
    Rfc2822,
}

/// The resources `toml` describes, ready to register. The text lives as long as the process
/// (a description is read once, at start).
pub(crate) fn parse(toml: &str) -> Result<Vec<ServedResource>, String> {
    let file: File = toml::from_str(toml).map_err(|e| e.to_string())?;
    file.resource
        .into_iter()
        .map(|d| {
            let name = d.name.clone();
            served(d).map_err(|problem| format!("resource `{name}`: {problem}"))
        })
        .collect()
}

fn served(d: Described) -> Result<ServedResource, String> {
    if d.operations.is_empty() {
        return Err("no operations".into());
    }
    let instance = template(&d.path)?;
    let list_path = match &d.list_path {
        Some(path) => template(path)?,
        None => collection_of(&d.path)?,
    };
    let list_key = match d.list_key {
        Some(key) => key,
        None => {
            let last = list_path.literals().last().and_then(|l| l.rsplit('/').next()).unwrap_or("");
            snake_case(last.strip_suffix(".json").unwrap_or(last))
        }
    };
    let body = if d.json_body { BodyFormat::Json("application/json") } else { BodyFormat::Form };
    let operations: Vec<Operation> = d
        .operations
        .iter()
        .map(|op| match op {
            OpName::Create => Operation::new(OperationKind::Create, HttpMethod::Post, list_path).body(body),
            OpName::Fetch => Operation::new(OperationKind::Fetch, HttpMethod::Get, instance),
            OpName::Update => Operation::new(OperationKind::Update, HttpMethod::Post, instance).body(body),
            OpName::Delete => Operation::new(OperationKind::Delete, HttpMethod::Delete, instance),
            OpName::List => {
                Operation::new(OperationKind::List, HttpMethod::Get, list_path).list_key(intern(&list_key))
            }
        })
        .collect();
    let fields = d
        .fields
        .into_iter()
        .map(|(name, kind)| {
            let (kind_name, nullable) = match kind.strip_suffix('?') {
                Some(kind) => (kind, true),
                None => (kind.as_str(), false),
            };
            let kind = match kind_name {
                "string" => Kind::Text,
                "integer" => Kind::Integer,
                "number" => Kind::Float,
                "boolean" => Kind::Bool,
                "list" => Kind::List,
                "object" => Kind::Object,
                "any" => Kind::Any,
                other => {
                    return Err(format!(
                        "field `{name}` has kind `{other}`; use string, integer, number, boolean, list, object or any, \
                         with `?` for nullable"
                    ));
                }
            };
            Ok(Field { name: intern(&name), kind, nullable: nullable || kind == Kind::Any })
        })
        .collect::<Result<Vec<_>, String>>()?;
    let timestamps = match d.timestamps {
        Timestamps::Rfc3339 => TimestampStyle::Rfc3339,
        Timestamps::Rfc2822 => TimestampStyle::Rfc2822,
    };
    let paging = match d.paging {
        PagingName::Meta => PagingCodec::new::<MetaPaging>(Formats::of::<MetaPaging>().without_counts()),
        PagingName::NextPageUri => PagingCodec::new::<UriPaging>(Formats::of::<UriPaging>()),
        PagingName::Token => PagingCodec::new::<TokenPaging>(Formats::of::<TokenPaging>().without_counts()),
        PagingName::Scim => PagingCodec::new::<ScimPaging>(Formats::of::<ScimPaging>()),
        PagingName::PageNumber => PagingCodec::new::<PageNumberPaging>(Formats::of::<PageNumberPaging>()),
    };
    crate::registry::check_paths(&instance, &operations)?;
    let name = intern(&d.name);
    Ok(ServedResource {
        key: ResourceKey::Described(name),
        name,
        home: intern(&crate::registry::home("", instance.literals()[0])),
        instance,
        operations,
        schema: Schema::described(fields, timestamps),
        sid_prefix: sid_prefix(d.sid_prefix, name)?,
        params: Vec::new(),
        paging,
        links: Vec::new(),
        accepts: None,
        hooks: Hooks::default(),
    })
}

/// A path template from `/v1/Rooms/{RoomSid}/Participants/{Sid}` (or `<room>`): placeholders are
/// snake-cased, so `{AccountSid}` fills `account_sid`.
fn template(path: &str) -> Result<PathTemplate, String> {
    if !path.starts_with('/') {
        return Err(format!("the path `{path}` must start with `/`"));
    }
    let mut literals = Vec::new();
    let mut params = Vec::new();
    let mut rest = path;
    while let Some(open) = rest.find(['{', '<']) {
        let close = if rest.as_bytes()[open] == b'{' { '}' } else { '>' };
        let end = rest[open..].find(close).ok_or_else(|| format!("unclosed placeholder in `{path}`"))? + open;
        let name = &rest[open + 1..end];
        if name.is_empty() || !name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
            return Err(format!("the placeholder `{name}` in `{path}` is not a name"));
        }
        literals.push(intern(&rest[..open]));
        params.push(intern(&snake_case(name)));
        rest = &rest[end + 1..];
    }
    literals.push(intern(rest));
    Ok(PathTemplate::new(intern_slice(&literals), intern_slice(&params)))
}

/// The collection of an instance path: its last segment removed, keeping a `.json` suffix.
fn collection_of(path: &str) -> Result<PathTemplate, String> {
    let (parent, last) = path.rsplit_once('/').ok_or_else(|| format!("`{path}` has no segment"))?;
    let suffix = if last.ends_with(".json") { ".json" } else { "" };
    if parent.is_empty() {
        return Err(format!("`{path}` has no collection above it: give `list_path`"));
    }
    template(&format!("{parent}{suffix}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_take_braces_or_angle_brackets() {
        let t = template("/2010-04-01/Accounts/{AccountSid}/Messages/{Sid}.json").unwrap();
        assert_eq!(t.literals(), ["/2010-04-01/Accounts/", "/Messages/", ".json"]);
        assert_eq!(t.params(), ["account_sid", "sid"]);
        assert_eq!(template("/v1/Rooms/<room>").unwrap().params(), ["room"]);
        assert_eq!(
            collection_of("/2010-04-01/Accounts/{AccountSid}/Messages/{Sid}.json").unwrap().literals(),
            ["/2010-04-01/Accounts/", "/Messages.json"]
        );
        for bad in ["v1/Rooms", "/v1/{Room", "/v1/{a b}"] {
            assert!(template(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn a_description_becomes_a_served_resource() {
        let served = parse(
            r#"
            [[resource]]
            name = "Message"
            path = "/2010-04-01/Accounts/{AccountSid}/Messages/{Sid}.json"
            operations = ["create", "fetch", "list"]
            paging = "next_page_uri"
            sid_prefix = "SM"
            timestamps = "rfc2822"
            fields = { sid = "string", body = "string?", num_media = "integer?" }
            "#,
        )
        .unwrap();
        let message = &served[0];
        assert_eq!(message.operations.len(), 3);
        assert_eq!(message.operations[2].list_key, "messages");
        assert_eq!(message.schema.timestamps, TimestampStyle::Rfc2822);
        assert_eq!(message.schema.field("num_media").unwrap().kind, Kind::Integer);
        assert!(message.paging.reserved.contains(&"PageToken"));
    }

    #[test]
    fn mistakes_are_named() {
        let problem = |toml: &str| parse(toml).err().unwrap_or_default();
        let unknown = problem(
            "[[resource]]\nname = \"X\"\npath = \"/x/{Sid}\"\noperations = [\"fetch\"]\nfields = { sid = \"text\" }\n",
        );
        assert!(unknown.contains("field `sid` has kind `text`"), "{unknown}");
        let typo = problem("[[resource]]\nname = \"X\"\npaht = \"/x\"\n");
        assert!(typo.contains("paht"), "{typo}");
        let none = problem("[[resource]]\nname = \"X\"\npath = \"/x/{Sid}\"\noperations = []\nfields = {}\n");
        assert!(none.contains("resource `X`: no operations"), "{none}");
    }
}
