//! The type and name mapping over every committed extract file: every field maps, every name
//! is a valid identifier, and nothing collides. Run with `--nocapture` for the counts.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{Map, Value, json};
use sidekick_codegen::types::{
    RustType, enum_values, field_name, field_type, is_identifier, type_names, variant_name, variant_names,
};
use sidekick_codegen::{default_out_dir, plan, read_extracts};

/// Every committed extract file: its stem and content.
fn extracts() -> Vec<(String, Value)> {
    read_extracts(&default_out_dir()).unwrap_or_else(|e| panic!("{e}"))
}

/// The type without data: `Vec<MessageStatus>` → `Vec<named>`.
fn label(ty: &RustType) -> String {
    match ty {
        RustType::Vec(item) => format!("Vec<{}>", label(item)),
        RustType::Named(_) => "named enum/struct".into(),
        RustType::InlineEnum(_) => "inline enum".into(),
        RustType::InlineObject => "inline object".into(),
        RustType::DateTimeRfc2822 => format!("{} + rfc2822::option", ty.render()),
        other => other.render(),
    }
}

#[derive(Default)]
struct Report {
    /// Fields by kind (component property, parameter, body property) and type label.
    counts: BTreeMap<(&'static str, String), usize>,
    /// Names that `X`, `X<` and `X>` would share with the `<`/`>` merely dropped, by where.
    naive_collisions: Vec<(String, String)>,
}

impl Report {
    /// Maps one field, checks its name and counts it; returns its field name.
    fn field(
        &mut self,
        kind: &'static str,
        wire: &str,
        schema: &Value,
        components: &Value,
        at: &str,
    ) -> String {
        let ty = field_type(schema, components).unwrap_or_else(|e| panic!("{at} `{wire}`: {e}"));
        let name = field_name(wire);
        assert!(is_identifier(&name), "{at}: `{wire}` → `{name}` is not an identifier");
        *self.counts.entry((kind, label(&ty))).or_default() += 1;
        if matches!(ty, RustType::InlineObject)
            || matches!(&ty, RustType::Vec(i) if **i == RustType::InlineObject)
        {
            let inner = schema.get("items").unwrap_or(schema);
            self.object(kind, inner, components, &format!("{at}.{wire}"));
        }
        name
    }

    /// Maps the properties of one object schema (and inline objects within), which must
    /// have distinct field names.
    fn object(&mut self, kind: &'static str, schema: &Value, components: &Value, at: &str) {
        let properties = schema["properties"].as_object().unwrap();
        let wires: Vec<&str> = properties.keys().map(String::as_str).collect();
        let names: Vec<String> =
            properties.iter().map(|(wire, s)| self.field(kind, wire, s, components, at)).collect();
        self.distinct(&wires, &names, at);
    }

    /// Asserts that `names` (of `wires`) are distinct, and notes if they were not without
    /// the before/after rule.
    fn distinct(&mut self, wires: &[&str], names: &[String], at: &str) {
        let mut seen = BTreeMap::new();
        for (wire, name) in wires.iter().zip(names) {
            if let Some(other) = seen.insert(name, wire) {
                panic!("{at}: `{other}` and `{wire}` are both `{name}`");
            }
        }
        let mut naive: BTreeMap<String, usize> = BTreeMap::new();
        for wire in wires {
            *naive.entry(field_name(wire.trim_end_matches(['<', '>']))).or_default() += 1;
        }
        let shared = naive.into_iter().filter(|(_, n)| *n > 1);
        self.naive_collisions.extend(shared.map(|(name, _)| (at.to_owned(), name)));
    }
}

/// Every `enum` list in the file (component and inline), by its JSON pointer.
fn enums<'a>(value: &'a Value, at: String, names: bool, found: &mut Vec<(String, &'a Value)>) {
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                let here = format!("{at}/{key}");
                if !names && key == "enum" {
                    found.push((at.clone(), value));
                } else if names || !["example", "default"].contains(&key.as_str()) {
                    let keys = ["properties", "paths", "schemas", "content", "responses", "mapping"];
                    enums(child, here, !names && keys.contains(&key.as_str()), found);
                }
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                enums(item, format!("{at}/{i}"), false, found);
            }
        }
        _ => {}
    }
}

#[test]
fn every_field_and_enum_of_every_extract_maps_to_valid_distinct_names() {
    let files = extracts();
    assert_eq!(files.len(), 55);
    let mut report = Report::default();
    let (mut enum_lists, mut variants, mut suffixed) = (0, 0, 0);
    let mut type_clashes_with_resources = Vec::new();
    for (stem, extract) in &files {
        let components = extract.get("components").cloned().unwrap_or_else(|| json!({}));
        let empty = Map::new();
        let schemas = components.get("schemas").and_then(Value::as_object).unwrap_or(&empty);

        // Component types: distinct valid names.
        let types = type_names(schemas).unwrap_or_else(|e| panic!("{stem}: {e}"));
        let mut distinct = BTreeSet::new();
        for (component, name) in &types {
            assert!(is_identifier(name) && !name.starts_with("r#"), "{stem} {component}: `{name}`");
            assert!(distinct.insert(name), "{stem}: two components are named `{name}`");
        }
        let resources: BTreeSet<String> = plan(extract, stem).unwrap().into_iter().map(|r| r.name).collect();
        type_clashes_with_resources.extend(
            types
                .iter()
                .filter(|(c, n)| resources.contains(*n) && c.contains("enum"))
                .map(|(c, n)| format!("{stem} {c} → {n}")),
        );

        // Component properties.
        for (component, schema) in schemas {
            if schema.get("properties").and_then(Value::as_object).is_some_and(|p| !p.is_empty()) {
                report.object("component property", schema, &components, &format!("{stem} {component}"));
            }
        }

        // Parameters and body properties, per operation: the params type holds the
        // non-path ones together.
        for (path, item) in extract["paths"].as_object().unwrap() {
            for (method, op) in
                item.as_object().unwrap().iter().filter(|(k, _)| *k != "x-twilio" && *k != "servers")
            {
                let at = format!("{stem} {} ({method} {path})", op["operationId"].as_str().unwrap());
                let (mut wires, mut names) = (Vec::new(), Vec::new());
                for param in op.get("parameters").and_then(Value::as_array).into_iter().flatten() {
                    let wire = param["name"].as_str().unwrap();
                    let name = report.field("parameter", wire, &param["schema"], &components, &at);
                    if param["in"] != "path" {
                        wires.push(wire);
                        names.push(name);
                    }
                }
                let bodies = op.pointer("/requestBody/content").and_then(Value::as_object);
                if let Some((_, body)) = bodies.and_then(|b| b.iter().next()) {
                    let mut schema = &body["schema"];
                    if let Some(target) = schema.get("$ref").and_then(Value::as_str) {
                        schema = &schemas[target.trim_start_matches("#/components/schemas/")];
                    } else if let Some(properties) = schema.get("properties").and_then(Value::as_object) {
                        for (wire, s) in properties {
                            report.field("body property", wire, s, &components, &at);
                        }
                    }
                    for wire in
                        schema.get("properties").and_then(Value::as_object).into_iter().flatten().map(|p| p.0)
                    {
                        wires.push(wire);
                        names.push(field_name(wire));
                    }
                }
                report.distinct(&wires, &names, &at);
            }
        }

        // Every enum: distinct valid variant names, without any disambiguation needed.
        let mut found = Vec::new();
        enums(extract, String::new(), false, &mut found);
        for (at, schema) in found {
            let values = enum_values(schema).unwrap_or_else(|| panic!("{stem} {at}: values not strings"));
            let names = variant_names(&values);
            let unique: BTreeSet<&String> = names.iter().collect();
            assert_eq!(unique.len(), names.len(), "{stem} {at}: {names:?}");
            for (value, name) in values.iter().zip(&names) {
                assert!(is_identifier(name) && !name.starts_with("r#"), "{stem} {at}: `{value}` → `{name}`");
                assert_eq!(*name, variant_name(value), "{stem} {at}: `{value}` needed disambiguation");
                suffixed += usize::from(name.ends_with("Value"));
            }
            enum_lists += 1;
            variants += values.len();
        }
    }

    println!("fields by Rust type:");
    for ((kind, ty), n) in &report.counts {
        println!("  {kind:<20} {ty:<50} {n}");
    }
    println!("enum lists {enum_lists}, values {variants}, `…Value` (for `unknown`) {suffixed}");
    println!("collisions without the before/after rule: {}", report.naive_collisions.len());
    for (at, name) in &report.naive_collisions {
        println!("  {at}: {name}, {name}_before, {name}_after");
    }
    println!("enum types named like a resource: {type_clashes_with_resources:?}");
    // The survey (§6): 12 trios `X`, `X<`, `X>` (in 10 operations), which the rule keeps apart.
    assert_eq!(report.naive_collisions.len(), 12);
    let operations: BTreeSet<&String> = report.naive_collisions.iter().map(|(at, _)| at).collect();
    assert_eq!(operations.len(), 10);
    // One enum type is named like a resource of its file; the generator has to tell them apart.
    let count = |kind: &'static str, ty: &str| report.counts.get(&(kind, ty.to_owned())).copied();
    let rfc2822 = "chrono::DateTime<chrono::Utc> + rfc2822::option";
    assert_eq!(count("component property", rfc2822), Some(116), "the survey's 116");
    assert_eq!(count("component property", "sidekick::Links"), Some(132));
    assert_eq!(count("component property", "sidekick::Decimal"), Some(120));
    assert_eq!((enum_lists, variants, suffixed), (657, 2078, 16));
    assert_eq!(type_clashes_with_resources, ["twilio_numbers_v2 end_user_enum_type → EndUserType"]);
}
