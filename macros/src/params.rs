//! `#[derive(Params)]`: where each field of an operation's parameters goes.
//!
//! The type keeps serde for its encoding; this derive reads each field's wire name the way
//! serde computes it (`rename`, the container's `rename_all`) and its `#[param(...)]`
//! location, checks header names, and emits one `Params` impl holding the table.

use proc_macro2::TokenStream;
use quote::quote;
use syn::{Data, DeriveInput, Fields, LitStr};

use crate::ctxt::Ctxt;
use crate::symbol;

/// The keys of `#[param(...)]`.
const KEYS: &[&str] = &["query", "header", "body", "nullable", "crate"];

/// Headers the client or the connection owns: the runtime's `RESERVED_HEADERS` (a test keeps
/// the two lists equal).
const RESERVED_HEADERS: &[&str] = &[
    "authorization",
    "proxy-authorization",
    "host",
    "content-length",
    "content-type",
    "transfer-encoding",
    "connection",
    "upgrade",
    "te",
    "expect",
    "user-agent",
];

pub(crate) fn derive(input: &DeriveInput) -> TokenStream {
    let cx = Ctxt::default();
    let krate = container_crate(&cx, input);
    let rt = quote!(#krate::__private);
    let rename_all = container_rename_all(input);
    let mut arms = Vec::new();
    let mut flattened = Vec::new();
    let mut nulls: Vec<String> = Vec::new();
    let mut body_fields = false;
    match &input.data {
        Data::Struct(data) => match &data.fields {
            Fields::Named(fields) => {
                let mut seen: Vec<(String, &syn::Ident)> = Vec::new();
                for field in &fields.named {
                    let FieldAttrs { location, nullable } = field_attrs(&cx, field);
                    if let Some(flatten) = serde_word(&field.attrs, "flatten") {
                        match location {
                            // Its fields keep the places their own type gives them.
                            None => flattened.push(field.ty.clone()),
                            Some(_) => cx.error_spanned_by(
                                flatten,
                                "a `#[serde(flatten)]` field has no name of its own to place: put `#[param(...)]` on the fields of the flattened type",
                            ),
                        }
                        continue;
                    }
                    if serde_word(&field.attrs, "skip").is_some()
                        || serde_word(&field.attrs, "skip_serializing").is_some()
                    {
                        continue;
                    }
                    let ident = field.ident.as_ref().expect("named fields have names");
                    let renamed = serde_rename(&field.attrs);
                    let wire = renamed.as_ref().map(LitStr::value).unwrap_or_else(|| {
                        let name = ident.to_string();
                        let name = name.strip_prefix("r#").unwrap_or(&name).to_owned();
                        rename_all.as_deref().map_or(name.clone(), |rule| apply_rename_all(rule, &name))
                    });
                    let at: &dyn quote::ToTokens = match &renamed {
                        Some(literal) => literal,
                        None => ident,
                    };
                    if let Some((_, first)) = seen.iter().find(|(name, _)| *name == wire) {
                        cx.error_spanned_by(
                            at,
                            format!(
                                "`{wire}` is the wire name of `{first}` too: serde would send one of them only; rename one"
                            ),
                        );
                    }
                    seen.push((wire.clone(), ident));
                    if nullable {
                        nulls.push(wire.clone());
                    }
                    let Some(location) = location else { continue };
                    if location == "Header" {
                        // Spanned at the name: the serde rename, or the field's own name.
                        check_header_name(&cx, at, &wire);
                    }
                    body_fields |= location == "Body";
                    let variant = quote::format_ident!("{}", location);
                    arms.push(quote!(#wire => ::core::option::Option::Some(#rt::ParamLocation::#variant),));
                }
            }
            Fields::Unnamed(_) | Fields::Unit => cx.error_spanned_by(
                &input.ident,
                "`Params` needs a struct with named fields (one per parameter, named as serde names it)",
            ),
        },
        Data::Enum(data) => cx.error_spanned_by(
            data.enum_token,
            "`Params` needs a struct with named fields (one per parameter), not an enum",
        ),
        Data::Union(data) => cx.error_spanned_by(
            data.union_token,
            "`Params` needs a struct with named fields (one per parameter), not a union",
        ),
    }
    let ident = &input.ident;
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    // Generic parameters types serialize when their parameters do; say so once, for all.
    let mut where_clause = where_clause.cloned().unwrap_or_else(|| syn::parse_quote!(where));
    where_clause.predicates.push(syn::parse_quote!(Self: #rt::Serialize));
    let location = (!arms.is_empty() || !flattened.is_empty()).then(|| {
        quote! {
            fn location(name: &str) -> ::core::option::Option<#rt::ParamLocation> {
                let own = match name {
                    #(#arms)*
                    _ => ::core::option::Option::None,
                };
                own #(.or_else(|| <#flattened as #rt::Params>::location(name)))*
            }
        }
    });
    let own_nulls = match nulls.is_empty() {
        true => quote!(false),
        false => quote!(::core::matches!(name, #(#nulls)|*)),
    };
    let keeps_null = (!nulls.is_empty() || !flattened.is_empty()).then(|| {
        quote! {
            fn keeps_null(name: &str) -> bool {
                #own_nulls #(|| <#flattened as #rt::Params>::keeps_null(name))*
            }
        }
    });
    let body_fields = body_fields.then(|| {
        quote!(
            const BODY_FIELDS: bool = true;
        )
    });
    let flattened_body = (!flattened.is_empty())
        .then(|| quote!(const BODY_FIELDS: bool = false #(|| <#flattened as #rt::Params>::BODY_FIELDS)*;));
    let body_fields = body_fields.or(flattened_body);
    let expansion = quote! {
        #[automatically_derived]
        impl #impl_generics #rt::Params for #ident #ty_generics #where_clause {
            #body_fields
            #location
            #keeps_null
        }
    };
    match cx.check() {
        Ok(()) => expansion,
        Err(errors) => {
            let mut tokens = errors.into_compile_error();
            tokens.extend(expansion);
            tokens
        }
    }
}

/// The field's `#[param(query | header | body)]`, as the runtime's `ParamLocation` variant.
/// A field's `#[param(...)]`: its place (as the runtime's `ParamLocation` variant), and
/// whether a `None` is sent as JSON `null`.
#[derive(Default)]
struct FieldAttrs {
    location: Option<&'static str>,
    nullable: bool,
}

fn field_attrs(cx: &Ctxt, field: &syn::Field) -> FieldAttrs {
    let mut location = None;
    let mut nullable = false;
    for attr in field.attrs.iter().filter(|a| a.path().is_ident("param")) {
        let result = attr.parse_nested_meta(|meta| {
            let key = meta.path.get_ident().map(ToString::to_string).unwrap_or_default();
            if key == "nullable" {
                nullable = true;
                return Ok(());
            }
            let found = match key.as_str() {
                "query" => "Query",
                "header" => "Header",
                "body" => "Body",
                other => {
                    let keys = &KEYS[..4];
                    let hint = symbol::closest(other, keys).map(|m| format!("did you mean `{m}`? ")).unwrap_or_default();
                    cx.error_spanned_by(
                        &meta.path,
                        format!("unknown parameter place `{other}`: {hint}expected one of {}", symbol::list(keys)),
                    );
                    return Ok(());
                }
            };
            if meta.input.peek(syn::Token![=]) {
                cx.error_spanned_by(
                    &meta.path,
                    format!(
                        "`{key}` takes no value: the wire name comes from serde, as in `#[serde(rename = \"X-Twilio-Webhook-Enabled\")]`"
                    ),
                );
                meta.value()?.parse::<syn::Expr>()?;
            }
            if location.replace(found).is_some() {
                cx.error_spanned_by(&meta.path, "a parameter goes to one place: keep one of `query`, `header`, `body`");
            }
            Ok(())
        });
        if let Err(error) = result {
            cx.syn_error(error);
        }
    }
    FieldAttrs { location, nullable }
}

fn container_crate(cx: &Ctxt, input: &DeriveInput) -> syn::Path {
    let mut krate: syn::Path = syn::parse_quote!(::sidekick);
    for attr in input.attrs.iter().filter(|a| a.path().is_ident("param")) {
        let result = attr.parse_nested_meta(|meta| {
            if meta.path.is_ident("crate") {
                let value: LitStr = meta.value()?.parse()?;
                match value.parse() {
                    Ok(path) => krate = path,
                    Err(_) => cx.error_spanned_by(
                        &value,
                        "`crate` must name a path, as in `crate = \"my_sidekick\"`",
                    ),
                }
            } else {
                cx.error_spanned_by(
                    &meta.path,
                    "on the struct, `#[param(...)]` takes only `crate = \"...\"`",
                );
            }
            Ok(())
        });
        if let Err(error) = result {
            cx.syn_error(error);
        }
    }
    krate
}

fn container_rename_all(input: &DeriveInput) -> Option<String> {
    serde_string(&input.attrs, "rename_all").map(|lit| lit.value())
}

fn serde_rename(attrs: &[syn::Attribute]) -> Option<LitStr> {
    serde_string(attrs, "rename")
}

/// `#[serde(key = "value")]` or `#[serde(key(serialize = "value"))]`: the name serde
/// serializes under. Anything else in `#[serde]` is serde's business and skipped.
fn serde_string(attrs: &[syn::Attribute], key: &str) -> Option<LitStr> {
    let mut found = None;
    for attr in attrs.iter().filter(|a| a.path().is_ident("serde")) {
        let _ = attr.parse_nested_meta(|meta| {
            if meta.path.is_ident(key) {
                if meta.input.peek(syn::Token![=]) {
                    found = Some(meta.value()?.parse::<LitStr>()?);
                } else {
                    meta.parse_nested_meta(|inner| {
                        if inner.path.is_ident("serialize") {
                            found = Some(inner.value()?.parse::<LitStr>()?);
                        } else {
                            inner.value()?.parse::<LitStr>()?;
                        }
                        Ok(())
                    })?;
                }
            } else if meta.input.peek(syn::Token![=]) {
                meta.value()?.parse::<syn::Expr>()?;
            } else if meta.input.peek(syn::token::Paren) {
                meta.input.parse::<proc_macro2::TokenTree>()?;
            }
            Ok(())
        });
    }
    found
}

/// The `word` in `#[serde(word)]`, if written.
fn serde_word(attrs: &[syn::Attribute], word: &str) -> Option<syn::Path> {
    attrs.iter().filter(|a| a.path().is_ident("serde")).find_map(|attr| {
        let mut seen = None;
        let _ = attr.parse_nested_meta(|meta| {
            if meta.path.is_ident(word) {
                seen = Some(meta.path.clone());
            }
            if meta.input.peek(syn::Token![=]) {
                meta.value()?.parse::<syn::Expr>()?;
            } else if meta.input.peek(syn::token::Paren) {
                meta.input.parse::<proc_macro2::TokenTree>()?;
            }
            Ok(())
        });
        seen
    })
}

/// serde's `rename_all` rules, applied to a snake_case field name.
fn apply_rename_all(rule: &str, name: &str) -> String {
    // serde's own rules for fields, which are written in snake_case: ASCII case changes only.
    let pascal = || {
        let mut out = String::with_capacity(name.len());
        let mut capitalize = true;
        for c in name.chars() {
            if c == '_' {
                capitalize = true;
            } else if capitalize {
                out.push(c.to_ascii_uppercase());
                capitalize = false;
            } else {
                out.push(c);
            }
        }
        out
    };
    match rule {
        "PascalCase" => pascal(),
        "camelCase" => {
            let pascal = pascal();
            pascal[..1.min(pascal.len())].to_ascii_lowercase() + &pascal[1.min(pascal.len())..]
        }
        "UPPERCASE" | "SCREAMING_SNAKE_CASE" => name.to_ascii_uppercase(),
        "kebab-case" => name.replace('_', "-"),
        "SCREAMING-KEBAB-CASE" => name.to_ascii_uppercase().replace('_', "-"),
        // `lowercase` and `snake_case` leave a field's name as written.
        _ => name.to_owned(),
    }
}

/// A header name is an RFC 9110 token, and not one the client sets itself.
fn check_header_name(cx: &Ctxt, at: &dyn quote::ToTokens, name: &str) {
    let token = |b: u8| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b);
    if name.is_empty() || !name.bytes().all(token) {
        let suggestion: String =
            name.trim().chars().map(|c| if c.is_ascii() && token(c as u8) { c } else { '-' }).collect();
        cx.error_spanned_by(
            at,
            format!(
                "`{name}` is not a valid HTTP header name: use letters, digits and `-`, as in `{}`",
                if suggestion.is_empty() { "X-Custom-Header".to_owned() } else { suggestion }
            ),
        );
    } else if name.contains('_') {
        cx.error_spanned_by(
            at,
            format!(
                "header name `{name}` has `_`, which proxies commonly drop: name it with `-`, as in `#[serde(rename = \"{}\")]`",
                title_case(&name.replace('_', "-"))
            ),
        );
    } else if RESERVED_HEADERS.contains(&name.to_ascii_lowercase().as_str()) {
        cx.error_spanned_by(
            at,
            format!("`{name}` is set by the client itself (credentials, framing or host) and cannot be a parameter"),
        );
    }
}

/// `if-match` → `If-Match`, the usual spelling of header names.
fn title_case(name: &str) -> String {
    name.split('-')
        .map(|word| {
            let mut chars = word.chars();
            chars.next().map(|c| c.to_uppercase().chain(chars).collect::<String>()).unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join("-")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn expand(item: &str) -> String {
        derive(&syn::parse_str(item).unwrap()).to_string()
    }

    #[test]
    fn wire_names_follow_serde() {
        let out = expand(
            r#"#[serde(rename_all = "PascalCase")] struct P {
                friendly_name: String,
                #[param(header)] #[serde(rename = "X-Twilio-Webhook-Enabled")] webhook: Option<String>,
                #[param(query)] date_sent_after: Option<String>,
                #[param(query)] #[serde(rename(serialize = "DateSent>", deserialize = "x"))] after: Option<String>,
                #[param(body)] r#type: String,
            }"#,
        );
        for expected in [
            r#""X-Twilio-Webhook-Enabled" => :: core :: option :: Option :: Some (:: sidekick :: __private :: ParamLocation :: Header)"#,
            r#""DateSentAfter" => :: core :: option :: Option :: Some (:: sidekick :: __private :: ParamLocation :: Query)"#,
            r#""DateSent>" => :: core :: option :: Option :: Some (:: sidekick :: __private :: ParamLocation :: Query)"#,
            r#""Type" => :: core :: option :: Option :: Some (:: sidekick :: __private :: ParamLocation :: Body)"#,
        ] {
            assert!(out.contains(expected), "{expected} in {out}");
        }
        assert!(!out.contains("FriendlyName"), "unplaced fields go to the default place: {out}");
    }

    #[test]
    fn mistakes_are_errors() {
        for (item, expected) in [
            (
                r#"struct P { #[param(header)] #[serde(rename = "X Bad")] a: u8 }"#,
                "not a valid HTTP header name",
            ),
            (
                r#"struct P { #[param(header)] #[serde(rename = "Authorization")] a: u8 }"#,
                "set by the client itself",
            ),
            (r#"struct P { #[param(cookie)] a: u8 }"#, "unknown parameter place `cookie`"),
            (r#"struct P { #[param(headr)] a: u8 }"#, "did you mean `header`?"),
            (r#"struct P { #[param(query, header)] a: u8 }"#, "goes to one place"),
            (r#"struct P { #[param(header = "X-A")] a: u8 }"#, "takes no value"),
            (r#"struct P { #[param(query)] #[serde(flatten)] a: u8 }"#, "flatten"),
            (r#"enum P { A }"#, "not an enum"),
            (r#"struct P(#[param(header)] u8);"#, "named fields"),
            (r#"struct P { #[param(header)] if_match: u8 }"#, "proxies commonly drop"),
        ] {
            let out = expand(item);
            assert!(out.contains("compile_error"), "{item}: {out}");
            assert!(out.contains(expected), "{item}: {expected} in {out}");
        }
    }

    #[test]
    fn flattened_fields_keep_their_own_places() {
        let out = expand(r#"struct P { #[param(query)] a: u8, #[serde(flatten)] common: Common }"#);
        assert!(
            out.contains("or_else (|| < Common as :: sidekick :: __private :: Params > :: location (name))"),
            "{out}"
        );
        let plain = expand(r#"struct P { a: u8 }"#);
        assert!(!plain.contains("fn location"), "no places, no method: {plain}");
    }

    #[test]
    fn reserved_headers_match_the_runtimes() {
        let runtime = include_str!("../../runtime/src/params.rs");
        let start = runtime.find("pub const RESERVED_HEADERS").expect("the runtime's list");
        let list = &runtime[start..];
        let list = &list[list.find("= &[").unwrap() + 4..list.find("];").unwrap()];
        let names: Vec<&str> =
            list.split(',').map(|n| n.trim().trim_matches('"')).filter(|n| !n.is_empty()).collect();
        assert_eq!(names, RESERVED_HEADERS);
    }

    #[test]
    fn rename_all_rules() {
        assert_eq!(apply_rename_all("PascalCase", "date_sent_after"), "DateSentAfter");
        assert_eq!(apply_rename_all("camelCase", "start_index"), "startIndex");
        assert_eq!(apply_rename_all("kebab-case", "if_match"), "if-match");
        assert_eq!(apply_rename_all("SCREAMING-KEBAB-CASE", "if_match"), "IF-MATCH");
        assert_eq!(apply_rename_all("SCREAMING_SNAKE_CASE", "a_b"), "A_B");
    }
}
