//! Parsing `#[resource(...)]` into [`Attrs`], keeping each key's tokens for error spans.

use proc_macro2::TokenTree;
use syn::meta::ParseNestedMeta;
use syn::{Attribute, Ident, LitStr, Token, Type};

use crate::ctxt::Ctxt;
use crate::symbol::{self, OPERATIONS, OpName};

/// A value together with the key it was given under (for spans).
pub(crate) struct Keyed<T> {
    pub(crate) key: Ident,
    pub(crate) value: T,
}

/// `base_url = "https://..."`, or the path of a `&str` constant shared by many resources.
pub(crate) enum BaseUrl {
    Literal(LitStr),
    Const(syn::Path),
}

/// `paging = "next_page_uri"` (a built-in shape), or a type implementing `Paging`.
pub(crate) enum PagingAttr {
    BuiltIn(LitStr),
    Custom(Box<Type>),
}

/// One operation key: `fetch`, `update = Params`, or `update(params = P, method = "PUT", ...)`.
#[derive(Default)]
pub(crate) struct OpAttrs {
    pub(crate) params: Option<Keyed<Type>>,
    pub(crate) path: Option<Keyed<LitStr>>,
    pub(crate) method: Option<Keyed<LitStr>>,
    pub(crate) body: Option<Keyed<LitStr>>,
    pub(crate) response: Option<Keyed<LitStr>>,
    pub(crate) returns: Option<Keyed<Type>>,
    pub(crate) key: Option<Keyed<LitStr>>,
    pub(crate) paging: Option<Keyed<PagingAttr>>,
}

/// What the attributes said, before validation.
#[derive(Default)]
pub(crate) struct Attrs {
    /// The first `#[resource]` attribute, if any (errors about it as a whole point here).
    pub(crate) attribute: Option<Attribute>,
    /// Whether `path` was written at all, even with an unusable value (already reported).
    pub(crate) path_written: bool,
    /// Whether `base_url` was written at all, even with an unusable value.
    pub(crate) base_url_written: bool,
    pub(crate) path: Option<Keyed<LitStr>>,
    pub(crate) base_url: Option<Keyed<BaseUrl>>,
    pub(crate) account: Option<Keyed<LitStr>>,
    pub(crate) sid_prefix: Option<Keyed<LitStr>>,
    /// Indexed like [`OPERATIONS`].
    pub(crate) ops: [Option<Keyed<OpAttrs>>; 6],
    pub(crate) krate: Option<Keyed<LitStr>>,
    /// Values given under misspelt keys, read as the keys meant; used only where the real key
    /// is absent, to recover after reporting the typo.
    recovered: Option<Box<Attrs>>,
}

impl Attrs {
    pub(crate) fn op(&self, name: OpName) -> Option<&Keyed<OpAttrs>> {
        self.ops[name as usize].as_ref()
    }

    /// Fills every key still absent from the values read under misspelt keys.
    fn adopt_recovered(&mut self) {
        let Some(recovered) = self.recovered.take() else { return };
        let Attrs {
            attribute: _,
            path_written,
            base_url_written,
            path,
            base_url,
            account,
            sid_prefix,
            ops,
            krate,
            recovered: _,
        } = *recovered;
        self.path_written |= path_written;
        self.base_url_written |= base_url_written;
        fill(&mut self.path, path);
        fill(&mut self.base_url, base_url);
        fill(&mut self.account, account);
        fill(&mut self.sid_prefix, sid_prefix);
        for (slot, op) in self.ops.iter_mut().zip(ops) {
            fill(slot, op);
        }
        fill(&mut self.krate, krate);
    }
}

fn fill<T>(slot: &mut Option<T>, value: Option<T>) {
    if slot.is_none() {
        *slot = value;
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
                "`#[resource]` needs its keys in parentheses, as in \
                 `#[resource(base_url = \"https://video.twilio.com\", path = \"/v1/Things/<sid>\", fetch)]`",
            );
            // The missing keys are part of this one mistake.
            attrs.path_written = true;
            attrs.base_url_written = true;
            continue;
        }
        let result = attribute.parse_nested_meta(|meta| {
            let Some(key) = meta.path.get_ident().cloned() else {
                cx.error_spanned_by(&meta.path, format!("expected one of {}", symbol::list(symbol::KEYS)));
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
    let name = key.to_string();
    if let Some(op) = OPERATIONS.iter().find(|op| op.as_str() == name) {
        let value = op_value(cx, meta, *op)?;
        return set(cx, &mut attrs.ops[*op as usize], key, value);
    }
    match name.as_str() {
        "path" => {
            attrs.path_written = true;
            set(cx, &mut attrs.path, key, string_value(cx, meta, "path = \"/v1/Things/<sid>\"")?)
        }
        "base_url" => {
            attrs.base_url_written = true;
            set(cx, &mut attrs.base_url, key, base_url_value(cx, meta)?)
        }
        "account" => set(cx, &mut attrs.account, key, string_value(cx, meta, "account = \"account_sid\"")?),
        "sid_prefix" => set(cx, &mut attrs.sid_prefix, key, string_value(cx, meta, "sid_prefix = \"RM\"")?),
        "crate" => set(cx, &mut attrs.krate, key, string_value(cx, meta, "crate = \"sidekick\"")?),
        "list_key" => {
            cx.error_spanned_by(&key, "`list_key` is now part of `list`: write `list(key = \"...\")`");
            skip_value(meta)
        }
        "list_path" => {
            cx.error_spanned_by(
                &key,
                "`list_path` is now part of `list`: write `list(path = \"...\")` (`create` posts there too)",
            );
            skip_value(meta)
        }
        unknown => {
            let Some(meant) = symbol::closest(unknown, symbol::KEYS) else {
                cx.error_spanned_by(
                    &key,
                    format!("unknown key `{unknown}`: expected one of {}", symbol::list(symbol::KEYS)),
                );
                return skip_value(meta);
            };
            cx.error_spanned_by(
                &key,
                format!(
                    "unknown key `{unknown}`: did you mean `{meant}`? expected one of {}",
                    symbol::list(symbol::KEYS)
                ),
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

/// An operation key: bare, `= Type`, or `(sub = value, ...)`.
fn op_value(cx: &Ctxt, meta: &ParseNestedMeta, op: OpName) -> syn::Result<Option<OpAttrs>> {
    let mut attrs = OpAttrs::default();
    if meta.input.peek(Token![=]) {
        let key = meta.path.get_ident().cloned().expect("operation keys are identifiers");
        attrs.params = type_value(cx, meta, op.as_str())?.map(|value| Keyed { key, value });
        return Ok(Some(attrs));
    }
    if !meta.input.peek(syn::token::Paren) {
        return Ok(Some(attrs));
    }
    meta.parse_nested_meta(|sub| {
        let Some(key) = sub.path.get_ident().cloned() else {
            cx.error_spanned_by(&sub.path, format!("expected one of {}", symbol::list(op.keys())));
            return skip_value(&sub);
        };
        parse_op_key(cx, &mut attrs, op, key, &sub)
    })?;
    Ok(Some(attrs))
}

fn parse_op_key(
    cx: &Ctxt,
    attrs: &mut OpAttrs,
    op: OpName,
    key: Ident,
    sub: &ParseNestedMeta,
) -> syn::Result<()> {
    let name = key.to_string();
    let allowed = op.keys();
    if !allowed.contains(&name.as_str()) {
        let known = symbol::OP_KEYS.iter().any(|(k, _)| *k == name);
        let message = match (known, symbol::closest(&name, allowed)) {
            (true, _) => format!("`{op}` takes no `{name}`: its keys are {}", symbol::list(allowed)),
            (false, Some(meant)) => format!(
                "unknown key `{name}` in `{op}(...)`: did you mean `{meant}`? expected one of {}",
                symbol::list(allowed)
            ),
            (false, None) => {
                format!("unknown key `{name}` in `{op}(...)`: expected one of {}", symbol::list(allowed))
            }
        };
        cx.error_spanned_by(&key, message);
        return skip_value(sub);
    }
    let example = symbol::op_key_example(op, &name);
    match name.as_str() {
        "params" => set(cx, &mut attrs.params, key, type_value(cx, sub, "params")?),
        "path" => set(cx, &mut attrs.path, key, string_value(cx, sub, example)?),
        "method" => set(cx, &mut attrs.method, key, string_value(cx, sub, example)?),
        "body" => set(cx, &mut attrs.body, key, string_value(cx, sub, example)?),
        "response" => set(cx, &mut attrs.response, key, string_value(cx, sub, example)?),
        "returns" => set(cx, &mut attrs.returns, key, type_value(cx, sub, "returns")?),
        "key" => set(cx, &mut attrs.key, key, string_value(cx, sub, example)?),
        "paging" => set(cx, &mut attrs.paging, key, paging_value(cx, sub)?),
        _ => unreachable!("every key of symbol::OP_KEYS is parsed"),
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

/// `base_url = "https://..."` or `base_url = path::TO::CONST`.
fn base_url_value(cx: &Ctxt, meta: &ParseNestedMeta) -> syn::Result<Option<BaseUrl>> {
    const EXAMPLE: &str = "base_url = \"https://video.twilio.com\"";
    if !meta.input.peek(Token![=]) {
        cx.error_spanned_by(&meta.path, format!("`base_url` needs a value, as in `{EXAMPLE}`"));
        return skip_value(meta).map(|()| None);
    }
    let value = meta.value()?;
    if value.peek(LitStr) {
        return value.parse().map(|lit| Some(BaseUrl::Literal(lit)));
    }
    let fork = value.fork();
    if fork.parse::<syn::Path>().is_ok() && (fork.is_empty() || fork.peek(Token![,])) {
        return value.parse().map(|path| Some(BaseUrl::Const(path)));
    }
    let tokens = take_until_comma(value)?;
    cx.error_spanned_by(
        &tokens,
        format!("`base_url` must be a string literal or the path of a `&str` constant, as in `{EXAMPLE}`"),
    );
    Ok(None)
}

/// `paging = "built_in"` or `paging = MyShape`.
fn paging_value(cx: &Ctxt, meta: &ParseNestedMeta) -> syn::Result<Option<PagingAttr>> {
    if !meta.input.peek(Token![=]) {
        cx.error_spanned_by(
            &meta.path,
            format!(
                "`paging` needs a shape: one of {}, or a type that implements `Paging`",
                symbol::list(symbol::PAGING)
            ),
        );
        return skip_value(meta).map(|()| None);
    }
    let value = meta.value()?;
    if value.peek(LitStr) {
        return value.parse().map(|lit| Some(PagingAttr::BuiltIn(lit)));
    }
    if value.fork().parse::<Type>().is_ok() {
        return value.parse().map(|ty| Some(PagingAttr::Custom(Box::new(ty))));
    }
    let tokens = take_until_comma(value)?;
    cx.error_spanned_by(
        &tokens,
        format!(
            "`paging` expects one of {}, or a type that implements `Paging`",
            symbol::list(symbol::PAGING)
        ),
    );
    Ok(None)
}

/// `key = Type`. A string in place of the type gets its own explanation.
fn type_value(cx: &Ctxt, meta: &ParseNestedMeta, key: &str) -> syn::Result<Option<Type>> {
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
    let fork = value.fork();
    if fork.parse::<Type>().is_ok() && (fork.is_empty() || fork.peek(Token![,])) {
        return value.parse::<Type>().map(Some);
    }
    let tokens = take_until_comma(value)?;
    cx.error_spanned_by(
        &tokens,
        format!("`{key}` expects the type of its parameters, as in `{key} = MyParams`"),
    );
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
            r#"#[resource(path = "/v1/Rooms/<sid>", base_url = "https://video.twilio.com", account = "account_sid",
                fetch, update(params = U, method = "PUT", body = "json", response = "empty"), create = C, delete,
                list(params = F, path = "/v1/Rooms", key = "rooms", paging = "meta"), sid_prefix = "RM", crate = "sk")]"#,
        );
        assert_eq!(err, None);
        assert_eq!(a.path.unwrap().value.value(), "/v1/Rooms/<sid>");
        assert!(matches!(a.base_url.unwrap().value, BaseUrl::Literal(_)));
        let update = &a.ops[OpName::Update as usize].as_ref().unwrap().value;
        assert!(update.params.is_some());
        assert_eq!(update.method.as_ref().unwrap().value.value(), "PUT");
        let list = &a.ops[OpName::List as usize].as_ref().unwrap().value;
        assert!(matches!(list.paging.as_ref().unwrap().value, PagingAttr::BuiltIn(_)));
        assert!(a.ops[OpName::Fetch as usize].as_ref().unwrap().value.params.is_none());
        assert_eq!(a.sid_prefix.unwrap().value.value(), "RM");
        assert_eq!(a.krate.unwrap().value.value(), "sk");
    }

    #[test]
    fn base_url_may_name_a_constant_and_paging_a_type() {
        let (a, err) = parse_str(
            r#"#[resource(path = "/x/<sid>", base_url = crate::API, list(paging = my::Link<u8>))]"#,
        );
        assert_eq!(err, None);
        assert!(matches!(a.base_url.unwrap().value, BaseUrl::Const(_)));
        let list = &a.ops[OpName::List as usize].as_ref().unwrap().value;
        assert!(matches!(list.paging.as_ref().unwrap().value, PagingAttr::Custom(_)));
    }

    #[test]
    fn generic_types_keep_their_commas() {
        let (a, err) = parse_str(
            r#"#[resource(path = "/v1/Rooms/<sid>", update = std::collections::HashMap<String, String>, list = Vec<(u8, u8)>, delete)]"#,
        );
        assert_eq!(err, None);
        assert!(a.ops.iter().filter(|o| o.is_some()).count() == 3);
    }

    #[test]
    fn all_mistakes_are_collected() {
        let (_, err) = parse_str(
            r#"#[resource(pth = "/x", path = 5, update = "U", delete = true, path = "/y", list_key = "k", fetch(method = "GET"), update(metod = "PUT"), sid_prefix = RM, sid_prefix = "RM", sid_prefix = "PA")]"#,
        );
        let err = err.unwrap();
        for expected in [
            "unknown key `pth`: did you mean `path`?",
            "`path` must be a string literal",
            "`update` takes a type, not a string: write `update = U` without quotes",
            "`delete` expects the type of its parameters",
            "`list_key` is now part of `list`: write `list(key = \"...\")`",
            "`fetch` takes no `method`",
            "unknown key `metod` in `update(...)`: did you mean `method`?",
            "`update` is given twice",
            "`sid_prefix` must be a string literal, as in `sid_prefix = \"RM\"`",
            "`sid_prefix` is given twice",
        ] {
            assert!(err.contains(expected), "missing {expected:?} in {err}");
        }
    }

    #[test]
    fn misspelt_keys_are_read_as_meant_without_more_errors() {
        let (a, err) = parse_str(r#"#[resource(pth = "/v1/Rooms/<sid>", updte = U)]"#);
        let err = err.unwrap();
        assert_eq!(err.matches("unknown key").count(), 2, "{err}");
        assert_eq!(a.path.unwrap().value.value(), "/v1/Rooms/<sid>");
        assert!(a.ops[OpName::Update as usize].is_some());

        let (a, err) = parse_str(r#"#[resource(pth = "/typo", path = "/real")]"#);
        assert!(!err.unwrap().contains("given twice"));
        assert_eq!(a.path.unwrap().value.value(), "/real");
    }

    #[test]
    fn non_ascii_values_are_kept() {
        let (a, err) = parse_str(r#"#[resource(path = "/v1/Salles/<salle>", list(key = "参加者"))]"#);
        assert_eq!(err, None);
        let list = a.ops[OpName::List as usize].as_ref().unwrap();
        assert_eq!(list.value.key.as_ref().unwrap().value.value(), "参加者");
        let (_, err) = parse_str(r#"#[resource(pâth = "/v1/X/<sid>")]"#);
        assert!(err.unwrap().contains("unknown key `pâth`: did you mean `path`?"));
    }

    #[test]
    fn bare_attribute_is_one_error() {
        let (_, err) = parse_str(r#"#[resource]"#);
        assert!(err.unwrap().contains("needs its keys in parentheses"));
    }
}
