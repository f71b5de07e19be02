//! Fields that hold secrets (an API key's `secret`, a `password`, OAuth tokens): the types that
//! have one get a `Debug` that shows `<redacted>` in their place, so that secrets never reach
//! logs through `{:?}`.

use super::space::Field;

/// Whether the field named `name` (snake_case) holds a secret.
pub(crate) fn is_secret(name: &str) -> bool {
    let name = name.trim_start_matches("r#");
    matches!(name, "secret" | "password" | "token" | "credentials" | "private_key" | "api_key")
        || ["_secret", "_password", "_token"].iter().any(|suffix| name.ends_with(suffix))
}

/// The derives of a type with `fields`: `derives` with `Debug` first unless a field is secret.
pub(crate) fn derives(fields: &[&Field], derives: &str) -> String {
    match fields.iter().any(|f| is_secret(&f.name)) {
        true => format!("#[derive({derives})]\n"),
        false => format!("#[derive(Debug, {derives})]\n"),
    }
}

/// The hand-rolled `Debug` of `name` when one of its fields is secret; empty otherwise.
pub(crate) fn debug_impl(name: &str, fields: &[&Field]) -> String {
    if !fields.iter().any(|f| is_secret(&f.name)) {
        return String::new();
    }
    let mut code = format!(
        "\n// A secret field shows as `<redacted>`.\nimpl std::fmt::Debug for {name} {{\n    \
         fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {{\n        f.debug_struct({name:?})\n"
    );
    for field in fields {
        let shown = match (is_secret(&field.name), field.required) {
            (false, _) => format!("&self.{}", field.name),
            (true, false) => format!("&self.{}.as_ref().map(|_| \"<redacted>\")", field.name),
            (true, true) => "&\"<redacted>\"".to_owned(),
        };
        code.push_str(&format!("            .field({:?}, {shown})\n", field.name.trim_start_matches("r#")));
    }
    code.push_str("            .finish()\n    }\n}\n");
    code
}
