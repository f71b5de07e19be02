//! The types of one module (one extract file): which Rust type each schema gets, and the
//! structs and enums the module has to define for that, each in the file of its first user.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{Map, Value};

use super::docs::{describe, doc_lines};
use crate::types::{RustType, field_name, field_type, type_names, variant_names};

/// The shared enum of the HTTP methods Twilio calls webhooks with, which 232 inline enums are.
pub(crate) const WEBHOOK_METHOD: &str = "sidekick::twilio::WebhookMethod";

/// One struct field, ready to print.
#[derive(Debug, Clone)]
pub(crate) struct Field {
    /// The Rust identifier (`date_created`, `r#type`).
    pub name: String,
    /// The JSON or form name.
    pub wire: String,
    /// The Rust type without `Option`.
    pub ty: String,
    /// The serde `with` helper of the `Option<…>` field.
    pub with: Option<&'static str>,
    /// The facts the doc comment states.
    pub doc: String,
    /// Whether the field is required (params only: then it is not an `Option`).
    pub required: bool,
}

/// A type the module defines, and the file it goes in.
#[derive(Debug)]
pub(crate) struct Item {
    pub file: String,
    pub code: String,
}

/// The module's types.
pub(crate) struct Space<'a> {
    pub components: &'a Value,
    schemas: &'a Map<String, Value>,
    /// Component → the name `type_names` gives it.
    component_names: BTreeMap<String, String>,
    /// That name → component.
    by_name: BTreeMap<String, String>,
    /// Component → the resource struct it is the primary schema of (the first resource).
    pub primary_of: BTreeMap<String, String>,
    /// Rust type name → definition.
    pub items: BTreeMap<String, Item>,
    /// File → type names it uses.
    pub uses: BTreeMap<String, BTreeSet<String>>,
    /// Component → its Rust name, once defined (or being defined).
    defined: BTreeMap<String, String>,
    /// Names the module's resources and params types take.
    pub reserved: BTreeSet<String>,
    /// The types that are enums.
    pub enums: BTreeSet<String>,
}

/// `null`, for a schema that is absent.
pub(crate) static NULL: Value = Value::Null;

pub(crate) type Result<T> = std::result::Result<T, String>;

impl<'a> Space<'a> {
    pub fn new(components: &'a Value) -> Result<Self> {
        static NONE: std::sync::OnceLock<Map<String, Value>> = std::sync::OnceLock::new();
        let schemas = match components.get("schemas").and_then(Value::as_object) {
            Some(schemas) => schemas,
            None => NONE.get_or_init(Map::new),
        };
        let component_names = type_names(schemas)?;
        let by_name = component_names.iter().map(|(c, n)| (n.clone(), c.clone())).collect();
        Ok(Space {
            components,
            schemas,
            component_names,
            by_name,
            primary_of: BTreeMap::new(),
            items: BTreeMap::new(),
            uses: BTreeMap::new(),
            defined: BTreeMap::new(),
            reserved: BTreeSet::new(),
            enums: BTreeSet::new(),
        })
    }

    /// The component a `$ref` schema points to, if it is one.
    pub fn ref_target(schema: &Value) -> Option<&str> {
        schema.get("$ref")?.as_str()?.strip_prefix("#/components/schemas/")
    }

    /// The schema itself, or the component its `$ref` names.
    pub fn resolve<'s>(&self, schema: &'s Value) -> &'s Value
    where
        'a: 's,
    {
        match Self::ref_target(schema) {
            Some(target) => match self.schemas.get(target) {
                Some(component) => self.resolve(component),
                None => schema,
            },
            None => schema,
        }
    }

    /// The Rust name of the type a component becomes.
    pub fn component_type(&mut self, component: &str, file: &str) -> Result<String> {
        if let Some(resource) = self.primary_of.get(component) {
            return Ok(resource.clone());
        }
        if let Some(name) = self.defined.get(component) {
            return Ok(name.clone());
        }
        let base = self
            .component_names
            .get(component)
            .ok_or_else(|| format!("`{component}` is neither an enum nor an object with properties"))?;
        let name = self.unique(base);
        self.defined.insert(component.to_owned(), name.clone());
        {
            let schema = &self.schemas[component];
            let code = match crate::types::enum_values(schema) {
                Some(values) => {
                    self.enums.insert(name.clone());
                    enum_code(&name, &format!("`{component}`"), &values)
                }
                None => {
                    let fields = self.fields(schema, &name, file)?;
                    struct_code(&name, &format!("The object `{component}`."), &fields)
                }
            };
            self.define(&name, file, code)?;
        }
        Ok(name)
    }

    /// `base`, or `base` with the suffix `Object` (then a number) if a resource, a params type or
    /// another type has that name already.
    pub fn unique(&self, base: &str) -> String {
        let free = |name: &str| !self.reserved.contains(name) && !self.items.contains_key(name);
        std::iter::once(base.to_owned())
            .chain((1..).map(|n| if n == 1 { format!("{base}Object") } else { format!("{base}Object{n}") }))
            .find(|name| free(name))
            .unwrap_or_default()
    }

    /// Records the definition of type `name` in `file`.
    pub fn define(&mut self, name: &str, file: &str, code: String) -> Result<()> {
        if self.items.contains_key(name) {
            return Err(format!("two types are named `{name}`"));
        }
        self.items.insert(name.to_owned(), Item { file: file.to_owned(), code });
        Ok(())
    }

    /// The fields of the object `schema` (or the component it names), for the type `owner` in
    /// `file`. Every field is optional; params mark required ones afterwards.
    pub fn fields(&mut self, schema: &'a Value, owner: &str, file: &str) -> Result<Vec<Field>> {
        let properties = self.properties(schema);
        let mut fields = Vec::with_capacity(properties.len());
        for (wire, property) in properties {
            fields.push(self.field(wire, property, owner, file)?);
        }
        check_unique(owner, &fields)?;
        Ok(fields)
    }

    /// The properties of an object schema; for a `oneOf`/`anyOf`/`allOf` of objects, those of
    /// every branch (the first branch that has a name decides its schema), since each field is
    /// an `Option` that a branch without it leaves `None`.
    pub fn properties(&self, schema: &'a Value) -> Vec<(&'a str, &'a Value)> {
        let schema = self.resolve(schema);
        let mut found: Vec<(&'a str, &'a Value)> = Vec::new();
        let own = schema.get("properties").and_then(Value::as_object).into_iter().flatten();
        for (wire, property) in own {
            found.push((wire.as_str(), property));
        }
        for key in ["allOf", "oneOf", "anyOf"] {
            for branch in schema.get(key).and_then(Value::as_array).into_iter().flatten() {
                for (wire, property) in self.properties(branch) {
                    if !found.iter().any(|(w, _)| *w == wire) {
                        found.push((wire, property));
                    }
                }
            }
        }
        found
    }

    /// One field named `wire` with `schema`, of the type `owner`.
    pub fn field(&mut self, wire: &str, schema: &'a Value, owner: &str, file: &str) -> Result<Field> {
        let name = field_name(wire);
        let inline_name = format!("{owner}{}", pascal(name.trim_start_matches("r#")));
        let ty = field_type(schema, self.components).map_err(|e| format!("`{owner}.{wire}`: {e}"))?;
        let with = ty.with();
        let rendered = self.render(ty, schema, &inline_name, file)?;
        let doc = format!("`{wire}`: {}.", describe(self.resolve(schema), schema, self));
        Ok(Field { name, wire: wire.to_owned(), ty: rendered, with, doc, required: false })
    }

    /// The Rust text of `ty`, defining the types it needs: an inline enum or object gets the
    /// name `inline_name`.
    fn render(&mut self, ty: RustType, schema: &'a Value, inline_name: &str, file: &str) -> Result<String> {
        Ok(match ty {
            RustType::InlineEnum(values) => {
                if schema.get("format").and_then(Value::as_str) == Some("http-method") {
                    WEBHOOK_METHOD.to_owned()
                } else if values.is_empty() {
                    "String".to_owned()
                } else {
                    let values: Vec<&str> = values.iter().map(String::as_str).collect();
                    let name = self.unique(inline_name);
                    self.enums.insert(name.clone());
                    self.define(&name, file, enum_code(&name, "An inline enum", &values))?;
                    self.use_type(file, &name);
                    name
                }
            }
            RustType::InlineObject => {
                let name = self.unique(inline_name);
                let fields = self.fields(schema, &name, file)?;
                self.define(&name, file, struct_code(&name, "An inline object.", &fields))?;
                self.use_type(file, &name);
                name
            }
            RustType::Vec(item) => {
                let items = schema.get("items").unwrap_or(&NULL);
                format!("Vec<{}>", self.render(*item, items, inline_name, file)?)
            }
            RustType::Named(name) => {
                let component = self
                    .by_name
                    .get(&name)
                    .cloned()
                    .ok_or_else(|| format!("no component is named `{name}`"))?;
                let rust = self.component_type(&component, file)?;
                self.use_type(file, &rust);
                rust
            }
            other => other.render(),
        })
    }

    /// Notes that `file` names type `name` (so it imports it when defined elsewhere).
    pub fn use_type(&mut self, file: &str, name: &str) {
        self.uses.entry(file.to_owned()).or_default().insert(name.to_owned());
    }
}

fn check_unique(owner: &str, fields: &[Field]) -> Result<()> {
    let mut seen = BTreeMap::new();
    for field in fields {
        if let Some(other) = seen.insert(field.name.as_str(), field.wire.as_str()) {
            return Err(format!("`{owner}`: `{other}` and `{}` are both named `{}`", field.wire, field.name));
        }
    }
    Ok(())
}

/// `date_created` → `DateCreated`, as serde's `rename_all = "PascalCase"` does it.
pub(crate) fn pascal(snake: &str) -> String {
    snake
        .split('_')
        .map(|word| {
            let mut chars = word.chars();
            chars.next().map(|c| c.to_ascii_uppercase()).into_iter().chain(chars).collect::<String>()
        })
        .collect()
}

/// A `string_enum!` of `values`.
pub(crate) fn enum_code(name: &str, what: &str, values: &[&str]) -> String {
    let variants = variant_names(values);
    let mut code = String::new();
    code.push_str("sidekick::string_enum! {\n");
    code.push_str(&doc_lines(&format!("{what}: one of {} values.", values.len()), "    "));
    code.push_str("    #[derive(Debug, Clone, PartialEq, Eq, Hash)]\n");
    code.push_str(&format!("    pub enum {name} {{\n"));
    for (variant, value) in variants.iter().zip(values) {
        code.push_str(&format!("        /// `{value}`\n        {variant} = {value:?},\n"));
    }
    code.push_str("    }\n}\n");
    code
}

/// A plain data struct with `fields`, all optional.
pub(crate) fn struct_code(name: &str, doc: &str, fields: &[Field]) -> String {
    let mut code = doc_lines(doc, "");
    let all: Vec<&Field> = fields.iter().collect();
    code.push_str(&super::secrets::derives(&all, "Clone, Default, PartialEq, Eq, Serialize, Deserialize"));
    code.push_str(&format!("pub struct {name} {{\n"));
    code.push_str(&data_fields(fields, true));
    code.push_str("}\n");
    code.push_str(&super::secrets::debug_impl(name, &all));
    code
}

/// The fields of a data struct: `Option`s that read a missing key as `None`. A nested struct
/// (`skip_none`) also leaves its `None`s out when written, since it may be part of a JSON
/// request body, where a `null` would clear a value.
pub(crate) fn data_fields(fields: &[Field], skip_none: bool) -> String {
    let mut code = String::new();
    for field in fields {
        code.push_str(&doc_lines(&field.doc, "    "));
        let mut serde = Vec::new();
        if field.wire != field.name.trim_start_matches("r#") {
            serde.push(format!("rename = {:?}", field.wire));
        }
        if let Some(with) = field.with {
            serde.push(format!("with = {with:?}"));
            serde.push("default".to_owned());
        }
        if skip_none {
            serde.push("skip_serializing_if = \"Option::is_none\"".to_owned());
        }
        if !serde.is_empty() {
            code.push_str(&format!("    #[serde({})]\n", serde.join(", ")));
        }
        code.push_str(&format!("    pub {}: Option<{}>,\n", field.name, field.ty));
    }
    code
}
