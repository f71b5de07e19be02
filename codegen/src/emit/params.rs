//! The params type of one operation: its query, header and body parameters in one struct
//! with `#[derive(Params)]`, a `new` that takes the required ones, and a setter per optional one.

use super::docs::{describe, doc_lines};
use super::operation::{Op, Param, Place};
use super::resource::placed;
use super::secrets;
use super::space::{Field, Result, Space, pascal};

/// The format of Lookups v1's `AddOnsData`, a map sent flattened with the prefix `AddOns.`.
const ADD_ONS_FORMAT: &str = "prefixed-collapsible-map-AddOns";
/// Its hand-written type (`src/twilio/add_ons.rs`).
const ADD_ONS: &str = "sidekick::twilio::AddOnsData";

/// What a caller needs to build the params type: its name and required fields.
#[derive(Debug, Clone)]
pub(crate) struct ParamsType {
    pub name: String,
    /// A sample value of each required field, in `new`'s argument order, for tests.
    pub samples: Vec<String>,
    /// Each setter of an optional field and a sample value for it, for tests.
    pub setters: Vec<(String, String)>,
}

/// The code of the params type `name` of `op`.
pub(crate) fn params_type<'a>(
    name: &str,
    op: &Op<'a>,
    params: &[Param<'a>],
    space: &mut Space<'a>,
    file: &str,
) -> Result<(String, ParamsType)> {
    let json_body = op.body().is_some_and(|(media, _)| media.ends_with("json"));
    let mut fields: Vec<(Field, Place)> = Vec::with_capacity(params.len());
    for param in params {
        let mut field = space.field(param.wire, param.schema, name, file)?;
        let place = match param.place {
            Place::Query => "query",
            Place::Header => "header",
            Place::Body => "body",
        };
        let required = if param.required { ", required" } else { "" };
        field.doc = format!(
            "`{}` ({place}{required}): {}.",
            param.wire,
            describe(space.resolve(param.schema), param.schema, space)
        );
        field.required = param.required;
        // A JSON body says numbers as numbers; `Decimal` writes its exact text as a string.
        if param.place == Place::Body && json_body {
            field.ty = field.ty.replace("sidekick::Decimal", "serde_json::Number");
        }
        if param.schema.get("format").and_then(serde_json::Value::as_str) == Some(ADD_ONS_FORMAT) {
            field.ty = ADD_ONS.to_owned();
            field.doc.push_str(" Sent as `AddOns.<name>=<value>`.");
        }
        fields.push((field, param.place));
    }
    let mut seen = std::collections::BTreeSet::new();
    for (field, _) in &fields {
        if !seen.insert(field.name.clone()) {
            return Err(format!("`{name}`: two parameters are named `{}`", field.name));
        }
    }

    let kind = op.kind();
    let body = match op.body() {
        Some((media, _)) => format!(", with an `{media}` body"),
        None => String::new(),
    };
    let mut doc = format!(
        "The parameters of `{} {}` (`{}`){body}.",
        op.plan.method, op.plan.path, op.plan.operation_id
    );
    doc.push_str(&conditional_doc(op, &fields));
    let pascal_case = fields.iter().filter(|(f, _)| pascal(bare(&f.name)) == f.wire).count();
    let as_is = fields.iter().filter(|(f, _)| bare(&f.name) == f.wire).count();
    let rename_all = pascal_case > as_is;
    let required: Vec<&Field> =
        fields.iter().map(|(f, _)| f).filter(|f| f.required && f.ty != ADD_ONS).collect();

    let mut code = doc_lines(&doc, "");
    let default = if required.is_empty() { "Default, " } else { "" };
    let all: Vec<&Field> = fields.iter().map(|(f, _)| f).collect();
    code.push_str(&secrets::derives(&all, &format!("Clone, {default}PartialEq, Eq, Serialize, Params")));
    if rename_all {
        code.push_str("#[serde(rename_all = \"PascalCase\")]\n");
    }
    code.push_str(&format!("pub struct {name} {{\n"));
    for (field, place) in &fields {
        code.push_str(&doc_lines(&field.doc, "    "));
        let natural = if rename_all { pascal(bare(&field.name)) } else { bare(&field.name).to_owned() };
        let mut serde = Vec::new();
        if natural != field.wire {
            serde.push(format!("rename = {:?}", field.wire));
        }
        if let Some(with) = field.with {
            let with = if field.required { with.trim_end_matches("::option") } else { with };
            serde.push(format!("with = {with:?}"));
        }
        let flat = field.ty == ADD_ONS;
        if flat {
            // Its entries carry their own names: the field's is never sent.
            serde = vec!["flatten".to_owned()];
        }
        if !serde.is_empty() {
            code.push_str(&format!("    #[serde({})]\n", serde.join(", ")));
        }
        if let Some(place) = placed(*place, kind).filter(|_| !flat) {
            code.push_str(&format!("    #[param({place})]\n"));
        }
        let ty = if field.required || flat { field.ty.clone() } else { format!("Option<{}>", field.ty) };
        code.push_str(&format!("    pub {}: {ty},\n", field.name));
    }
    code.push_str("}\n\n");

    code.push_str(&format!("impl {name} {{\n"));
    let arguments: Vec<String> =
        required.iter().map(|f| format!("{}: impl Into<{}>", f.name, f.ty)).collect();
    let what = if required.is_empty() {
        "No parameters set".to_owned()
    } else {
        "The required parameters".to_owned()
    };
    code.push_str(&format!("    /// {what}; set optional ones with the methods below.\n"));
    if arguments.len() > 7 {
        // The description requires them all; a builder would only move the list elsewhere.
        code.push_str("    #[allow(clippy::too_many_arguments)]\n");
    }
    code.push_str(&format!("    pub fn new({}) -> Self {{\n", arguments.join(", ")));
    code.push_str(&format!("        {name} {{\n"));
    for (field, _) in &fields {
        match (field.required, field.ty == ADD_ONS) {
            (_, true) => code.push_str(&format!("            {}: Default::default(),\n", field.name)),
            (true, _) => code.push_str(&format!("            {}: {}.into(),\n", field.name, field.name)),
            (false, _) => code.push_str(&format!("            {}: None,\n", field.name)),
        }
    }
    code.push_str("        }\n    }\n");
    for (field, _) in fields.iter().filter(|(f, _)| !f.required && bare(&f.name) != "new") {
        let value = if field.ty == ADD_ONS { "value.into()" } else { "Some(value.into())" };
        code.push_str(&format!(
            "\n    /// Sets `{}`.\n    pub fn {}(mut self, value: impl Into<{}>) -> Self {{\n        self.{} = {value};\n        self\n    }}\n",
            field.wire, field.name, field.ty, field.name
        ));
    }
    code.push_str("}\n");
    code.push_str(&secrets::debug_impl(name, &all));

    let samples = required.iter().map(|f| sample(&f.ty, space)).collect();
    let setters = fields
        .iter()
        .filter(|(f, _)| !f.required && bare(&f.name) != "new")
        .map(|(f, _)| (f.name.clone(), sample(&f.ty, space)))
        .collect();
    Ok((code, ParamsType { name: name.to_owned(), samples, setters }))
}

/// A field name without its `r#`.
fn bare(name: &str) -> &str {
    name.trim_start_matches("r#")
}

/// A value of the Rust type `ty` (as generated) to pass to `new`, which takes `impl Into<ty>`.
fn sample(ty: &str, space: &Space) -> String {
    match ty {
        "String" => "\"x\"".to_owned(),
        "i64" | "i32" => "1".to_owned(),
        "bool" => "true".to_owned(),
        "sidekick::Decimal" => "\"1.5\".parse::<sidekick::Decimal>().unwrap()".to_owned(),
        "serde_json::Number" => "serde_json::Number::from(1)".to_owned(),
        "chrono::DateTime<chrono::Utc>" => "chrono::DateTime::UNIX_EPOCH".to_owned(),
        "chrono::NaiveDate" => "chrono::NaiveDate::MIN".to_owned(),
        "serde_json::Value" => "serde_json::json!({\"key\": \"value\"})".to_owned(),
        "sidekick::Links" => "sidekick::Links::from([(\"key\", \"value\")])".to_owned(),
        "std::collections::BTreeMap<String, bool>" => {
            "std::collections::BTreeMap::from([(\"sms\".to_owned(), true)])".to_owned()
        }
        ADD_ONS => format!("{ADD_ONS}::new().insert(\"addon.Parameter\", \"value\")"),
        _ => match ty.strip_prefix("Vec<").and_then(|t| t.strip_suffix('>')) {
            Some("String") => "vec![\"x\".to_owned()]".to_owned(),
            Some(item) => format!("vec![{}]", sample(item, space)),
            None if space.enums.contains(ty) || ty == super::space::WEBHOOK_METHOD => {
                format!("{ty}::from(\"x\")")
            }
            None => format!("{ty}::default()"),
        },
    }
}

/// The description's `x-twilio.conditional` groups (`[[from, messaging_service_sid], ...]`): of
/// each group, one parameter is required, which no field's type can say.
fn conditional_doc(op: &Op, fields: &[(Field, Place)]) -> String {
    let groups = op.value.pointer("/x-twilio/conditional").and_then(serde_json::Value::as_array);
    let mut sentences = Vec::new();
    for group in groups.into_iter().flatten().filter_map(serde_json::Value::as_array) {
        let names: Vec<String> = group
            .iter()
            .filter_map(serde_json::Value::as_str)
            .map(|name| match fields.iter().find(|(f, _)| bare(&f.name) == name) {
                Some((field, _)) => format!("`{}`", field.wire),
                None => format!("`{name}`"),
            })
            .collect();
        sentences.push(names.join(" or "));
    }
    match sentences.len() {
        0 => String::new(),
        1 => format!("\n\nOne of these is required: {}.", sentences[0]),
        _ => format!("\n\nOne of each group is required: {}.", sentences.join("; ")),
    }
}
