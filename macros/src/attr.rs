//! Parsing `#[resource(...)]` into [`Attrs`], keeping each key's tokens for error spans.

use proc_macro2::TokenTree;
use syn::meta::ParseNestedMeta;
use syn::{Attribute, Ident, LitStr, Token, Type};

use crate::ctxt::Ctxt;

/// Every key the attribute accepts.
pub(crate) const KEYS: &[&str] =
    &["path", "base_url", "update", "create", "delete", "list", "list_key", "list_path", "crate"];

/// A value together with the key it was given under (for spans).
pub(crate) struct Keyed<T> {
    pub(crate) key: Ident,
    pub(crate) value: T,
}

/// The `list` key: a flag, or the type of its filters.
pub(crate) struct ListKey {
    pub(crate) filter: Option<Type>,
}

/// What the attributes said, before validation.
#[derive(Default)]
pub(crate) struct Attrs {
    /// The first `#[resource]` attribute, if any (errors about it as a whole point here).
    pub(crate) attribute: Option<Attribute>,
    /// Whether `path` was written at all, even with an unusable value (already reported).
    pub(crate) path_written: bool,
    pub(crate) path: Option<Keyed<LitStr>>,
    pub(crate) base_url: Option<Keyed<LitStr>>,
    pub(crate) update: Option<Keyed<Type>>,
    pub(crate) create: Option<Keyed<Type>>,
    pub(crate) delete: Option<Keyed<()>>,
    pub(crate) list: Option<Keyed<ListKey>>,
    pub(crate) list_key: Option<Keyed<LitStr>>,
    pub(crate) list_path: Option<Keyed<LitStr>>,
    pub(crate) krate: Option<Keyed<LitStr>>,
    /// Values given under misspelt keys, read as the keys meant; used only where the real key
    /// is absent, to recover after reporting the typo.
    recovered: Option<Box<Attrs>>,
}

impl Attrs {
    /// Fills every key still absent from the values read under misspelt keys.
    fn adopt_recovered(&mut self) {
        let Some(recovered) = self.recovered.take() else { return };
        let Attrs {
            attribute: _,
            path_written,
            path,
            base_url,
            update,
            create,
            delete,
            list,
            list_key,
            list_path,
            krate,
            recovered: _,
        } = *recovered;
        self.path_written |= path_written;
        fn fill<T>(slot: &mut Option<T>, value: Option<T>) {
            if slot.is_none() {
                *slot = value;
            }
        }
        fill(&mut self.path, path);
        fill(&mut self.base_url, base_url);
        fill(&mut self.update, update);
        fill(&mut self.create, create);
        fill(&mut self.delete, delete);
        fill(&mut self.list, list);
        fill(&mut self.list_key, list_key);
        fill(&mut self.list_path, list_path);
        fill(&mut self.krate, krate);
    }
}

/// Reads every `#[resource(...)]` attribute, recording problems in `cx` and carrying on.
pub(crate) fn parse(cx: &Ctxt, attributes: &[Attribute]) -> Attrs {
    let mut attrs = Attrs::default();
    for attribute in attributes.iter().filter(|a| a.path().is_ident("resource")) {
        attrs.attribute.get_or_insert_with(|| attribute.clone());
        if !matches!(attribute.meta, syn::Meta::List(_)) {
            cx.error_spanned_by(
                attribute,
                "`#[resource]` needs its keys in parentheses, as in `#[resource(path = \"/v1/Things/<sid>\")]`",
            );
            attrs.path_written = true; // The missing path is part of this one mistake.
            continue;
        }
        let result = attribute.parse_nested_meta(|meta| {
            let Some(key) = meta.path.get_ident().cloned() else {
                cx.error_spanned_by(&meta.path, format!("expected one of {}", key_list()));
                return skip_value(&meta);
            };
            parse_key(cx, &mut attrs, key, &meta)
        });
        if let Err(error) = result {
            cx.syn_error(error);
        }
    }
    attrs.adopt_recovered();
    attrs
}

fn parse_key(cx: &Ctxt, attrs: &mut Attrs, key: Ident, meta: &ParseNestedMeta) -> syn::Result<()> {
    match key.to_string().as_str() {
        "path" => {
            attrs.path_written = true;
            set(cx, &mut attrs.path, key, string_value(cx, meta, "path = \"/v1/Things/<sid>\"")?)
        }
        "base_url" => set(
            cx,
            &mut attrs.base_url,
            key,
            string_value(cx, meta, "base_url = \"https://video.twilio.com\"")?,
        ),
        "list_key" => {
            set(cx, &mut attrs.list_key, key, string_value(cx, meta, "list_key = \"participants\"")?)
        }
        "list_path" => {
            set(cx, &mut attrs.list_path, key, string_value(cx, meta, "list_path = \"/v1/Things\"")?)
        }
        "crate" => set(cx, &mut attrs.krate, key, string_value(cx, meta, "crate = \"sidekick\"")?),
        "update" => set(cx, &mut attrs.update, key, type_value(cx, meta, "update")?),
        "create" => set(cx, &mut attrs.create, key, type_value(cx, meta, "create")?),
        "delete" => {
            if meta.input.peek(Token![=]) || meta.input.peek(syn::token::Paren) {
                let value = if meta.input.peek(Token![=]) {
                    let eq: Token![=] = meta.input.parse()?;
                    let value = take_until_comma(meta.input)?;
                    quote::quote!(#eq #value)
                } else {
                    meta.input.parse::<TokenTree>()?.into()
                };
                cx.error_spanned_by(
                    quote::quote!(#key #value),
                    "`delete` takes no value: write `delete` alone",
                );
            }
            set(cx, &mut attrs.delete, key, Some(()))
        }
        "list" => {
            let filter = if meta.input.peek(Token![=]) { type_value(cx, meta, "list")? } else { None };
            let listed = Some(ListKey { filter });
            set(cx, &mut attrs.list, key, listed)
        }
        unknown => {
            let Some(meant) = closest_key(unknown) else {
                cx.error_spanned_by(&key, format!("unknown key `{unknown}`: expected one of {}", key_list()));
                return skip_value(meta);
            };
            cx.error_spanned_by(
                &key,
                format!("unknown key `{unknown}`: did you mean `{meant}`? expected one of {}", key_list()),
            );
            // Read the value as the key that was meant, quietly, so the rest of the expansion
            // still works and the typo is the only error the user sees.
            let quiet = Ctxt::default();
            let recovered = attrs.recovered.get_or_insert_with(Box::default);
            parse_key(&quiet, recovered, Ident::new(meant, key.span()), meta)?;
            quiet.discard();
            Ok(())
        }
    }
}

/// Stores `value` under its key, reporting a repeated key at its second occurrence.
fn set<T>(cx: &Ctxt, slot: &mut Option<Keyed<T>>, key: Ident, value: Option<T>) -> syn::Result<()> {
    let Some(value) = value else { return Ok(()) };
    if slot.is_some() {
        cx.error_spanned_by(&key, format!("`{key}` is given twice: keep one"));
    } else {
        *slot = Some(Keyed { key, value });
    }
    Ok(())
}

/// `key = "text"`. A missing or non-string value is reported (with an example) and skipped.
fn string_value(cx: &Ctxt, meta: &ParseNestedMeta, example: &str) -> syn::Result<Option<LitStr>> {
    let key = meta.path.get_ident().map(Ident::to_string).unwrap_or_default();
    if !meta.input.peek(Token![=]) {
        cx.error_spanned_by(&meta.path, format!("`{key}` needs a string value, as in `{example}`"));
        return skip_value(meta).map(|()| None);
    }
    let value = meta.value()?;
    if value.peek(LitStr) {
        return value.parse().map(Some);
    }
    let tokens = take_until_comma(value)?;
    cx.error_spanned_by(&tokens, format!("`{key}` must be a string literal, as in `{example}`"));
    Ok(None)
}

/// `key = Type`. A string in place of the type gets its own explanation.
fn type_value(cx: &Ctxt, meta: &ParseNestedMeta, key: &str) -> syn::Result<Option<Type>> {
    if !meta.input.peek(Token![=]) {
        cx.error_spanned_by(
            &meta.path,
            format!("`{key}` needs the type of its parameters, as in `{key} = MyParams`"),
        );
        return skip_value(meta).map(|()| None);
    }
    let value = meta.value()?;
    if let Ok(text) = value.fork().parse::<LitStr>() {
        value.parse::<LitStr>()?;
        cx.error_spanned_by(
            &text,
            format!("`{key}` takes a type, not a string: write `{key} = {}` without quotes", text.value()),
        );
        // The string most likely names the type: use it, so no follow-on errors appear.
        return Ok(text.parse::<Type>().ok());
    }
    // Parsed as a type directly, so generic arguments' commas are not taken for key separators.
    if value.fork().parse::<Type>().is_ok() {
        return value.parse::<Type>().map(Some);
    }
    let tokens = take_until_comma(value)?;
    cx.error_spanned_by(&tokens, format!("`{key}` expects a type, as in `{key} = MyParams`"));
    Ok(None)
}

/// Skips an unusable `= value` or `(...)` so the remaining keys are still read.
fn skip_value(meta: &ParseNestedMeta) -> syn::Result<()> {
    if meta.input.peek(Token![=]) {
        take_until_comma(meta.value()?)?;
    } else if meta.input.peek(syn::token::Paren) {
        meta.input.parse::<TokenTree>()?;
    }
    Ok(())
}

fn take_until_comma(input: syn::parse::ParseStream) -> syn::Result<proc_macro2::TokenStream> {
    let mut tokens = proc_macro2::TokenStream::new();
    while !input.is_empty() && !input.peek(Token![,]) {
        tokens.extend([input.parse::<TokenTree>()?]);
    }
    Ok(tokens)
}

fn key_list() -> String {
    KEYS.iter().map(|k| format!("`{k}`")).collect::<Vec<_>>().join(", ")
}

/// The valid key nearest to a typo, if any is close enough to be what was meant.
fn closest_key(unknown: &str) -> Option<&'static str> {
    if let Some(key) = KEYS.iter().find(|k| unknown.len() >= 3 && k.starts_with(unknown)) {
        return Some(key);
    }
    KEYS.iter()
        .map(|k| (edit_distance(unknown, k), *k))
        .filter(|(d, k)| *d <= (k.len() / 3).max(1))
        .min()
        .map(|(_, k)| k)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1).min(row[j] + 1).min(diagonal + usize::from(ca != *cb));
            diagonal = above;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_str(attribute: &str) -> (Attrs, Option<String>) {
        let item: syn::DeriveInput = syn::parse_str(&format!("{attribute} struct X {{}}")).unwrap();
        let cx = Ctxt::default();
        let attrs = parse(&cx, &item.attrs);
        (
            attrs,
            cx.check().err().map(|e| e.into_iter().map(|e| e.to_string()).collect::<Vec<_>>().join(" | ")),
        )
    }

    #[test]
    fn all_keys() {
        let (a, err) = parse_str(
            r#"#[resource(path = "/v1/Rooms/<sid>", base_url = "https://video.twilio.com", update = U, create = C, delete, list = F, list_key = "rooms", list_path = "/v1/Rooms", crate = "sk")]"#,
        );
        assert_eq!(err, None);
        assert_eq!(a.path.unwrap().value.value(), "/v1/Rooms/<sid>");
        assert!(a.update.is_some() && a.create.is_some() && a.delete.is_some());
        assert!(a.list.unwrap().value.filter.is_some());
        assert_eq!(a.krate.unwrap().value.value(), "sk");
    }

    #[test]
    fn generic_types_keep_their_commas() {
        let (a, err) = parse_str(
            r#"#[resource(path = "/v1/Rooms/<sid>", update = std::collections::HashMap<String, String>, list = Vec<(u8, u8)>, delete)]"#,
        );
        assert_eq!(err, None);
        assert!(a.update.is_some() && a.list.is_some() && a.delete.is_some());
    }

    #[test]
    fn list_flag_has_no_filter() {
        let (a, err) = parse_str(r#"#[resource(path = "/v1/Rooms/<sid>", list)]"#);
        assert_eq!(err, None);
        assert!(a.list.unwrap().value.filter.is_none());
    }

    #[test]
    fn all_mistakes_are_collected() {
        let (_, err) = parse_str(
            r#"#[resource(pth = "/x", path = 5, update = "U", delete = true, path = "/y", list_key)]"#,
        );
        let err = err.unwrap();
        for expected in [
            "unknown key `pth`: did you mean `path`?",
            "`path` must be a string literal",
            "`update` takes a type, not a string: write `update = U` without quotes",
            "`delete` takes no value",
            "`list_key` needs a string value",
        ] {
            assert!(err.contains(expected), "missing {expected:?} in {err}");
        }
        assert!(!err.contains("given twice"), "{err}");
    }

    #[test]
    fn misspelt_keys_are_read_as_meant_without_more_errors() {
        let (a, err) = parse_str(r#"#[resource(pth = "/v1/Rooms/<sid>", updte = U)]"#);
        let err = err.unwrap();
        assert_eq!(err.matches("unknown key").count(), 2, "{err}");
        assert_eq!(a.path.unwrap().value.value(), "/v1/Rooms/<sid>");
        assert!(a.update.is_some());

        let (a, err) = parse_str(r#"#[resource(pth = "/typo", path = "/real")]"#);
        assert!(!err.unwrap().contains("given twice"));
        assert_eq!(a.path.unwrap().value.value(), "/real");
    }

    #[test]
    fn non_ascii_values_are_kept() {
        let (a, err) = parse_str(r#"#[resource(path = "/v1/Salles/<salle>", list, list_key = "参加者")]"#);
        assert_eq!(err, None);
        assert_eq!(a.list_key.unwrap().value.value(), "参加者");
        let (_, err) = parse_str(r#"#[resource(pâth = "/v1/X/<sid>")]"#);
        assert!(err.unwrap().contains("unknown key `pâth`: did you mean `path`?"));
    }

    #[test]
    fn bare_attribute_is_one_error() {
        let (_, err) = parse_str(r#"#[resource]"#);
        assert!(err.unwrap().contains("needs its keys in parentheses"));
    }

    #[test]
    fn repeated_keys_are_reported() {
        let (_, err) = parse_str(r#"#[resource(path = "/a", path = "/b")]"#);
        assert!(err.unwrap().contains("`path` is given twice"));
    }

    #[test]
    fn typo_suggestions() {
        assert_eq!(closest_key("pth"), Some("path"));
        assert_eq!(closest_key("updte"), Some("update"));
        assert_eq!(closest_key("list_keys"), Some("list_key"));
        assert_eq!(closest_key("base"), Some("base_url"));
        assert_eq!(closest_key("frobnicate"), None);
    }
}
