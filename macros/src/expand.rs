//! Expansion: the `Resource` impl (data) and one-line inherent methods that call the runtime.

use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned;
use syn::{Ident, Type};

use crate::symbol::OpName;
use crate::template::Template;
use crate::valid::{BaseUrlModel, Model, OpModel, Paging, Response};

pub(crate) fn expand(model: &Model) -> TokenStream {
    let Model { ident, krate, .. } = model;
    let rt = quote!(#krate::__private);
    let name = ident.to_string();
    let path = template_tokens(&rt, &model.path);
    let (base_url, base_check) = match &model.base_url {
        BaseUrlModel::Literal(url) => (quote!(#url), TokenStream::new()),
        BaseUrlModel::Const(path) => {
            // Checked where it is evaluated: a constant is out of the derive's sight. Spanned
            // at the constant's name, so a bad value is reported there.
            let check = respan(quote!(const _: () = #rt::assert_base_url(#path);), path.span());
            (quote!(#path), check)
        }
    };
    let operations = model.ops.iter().map(|op| operation_tokens(&rt, model, op));
    let list_paging = match model.ops.iter().find(|op| op.name == OpName::List) {
        Some(list) => paging_type(&rt, &list.paging),
        None => quote!(#rt::MetaPaging),
    };
    let methods =
        if model.methods { model.ops.iter().map(|op| method(model, &rt, op)).collect() } else { Vec::new() };
    // Generic structs are an error, reported already; expanding them anyway (bounded so the
    // impl holds wherever the type decodes) keeps calls from adding follow-on errors.
    let (impl_generics, ty_generics, where_clause) = model.generics.split_for_impl();
    let decodable = (!model.generics.params.is_empty()).then(|| {
        let mut clause = where_clause.cloned().unwrap_or_else(|| syn::parse_quote!(where));
        clause
            .predicates
            .push(syn::parse_quote!(Self: #rt::DeserializeOwned + ::core::marker::Send + 'static));
        clause
    });
    let where_clause = decodable.as_ref().or(where_clause);
    // Only when declared: the trait's default is `None`, and the expansion stays small.
    let sid_prefix = model.sid_prefix.as_ref().map(|prefix| {
        quote! {
            const SID_PREFIX: ::core::option::Option<&'static str> = ::core::option::Option::Some(#prefix);
        }
    });
    // A resource named like one of its methods (Twilio Sync's `List`) is not a constructor.
    let lowered = name.to_lowercase();
    let allow = model
        .ops
        .iter()
        .any(|op| op.name.as_str() == lowered)
        .then(|| quote!(#[allow(clippy::self_named_constructors)]));
    quote! {
        #base_check

        #[automatically_derived]
        impl #impl_generics #rt::Resource for #ident #ty_generics #where_clause {
            type ListPaging = #list_paging;
            const NAME: &'static str = #name;
            const BASE_URL: &'static str = #base_url;
            const PATH: #rt::PathTemplate = #path;
            const OPERATIONS: &'static [#rt::Operation] = &[#(#operations),*];
            #sid_prefix
        }

        #[automatically_derived]
        #allow
        impl #impl_generics #ident #ty_generics #where_clause {
            #(#methods)*
        }
    }
}

fn template_tokens(rt: &TokenStream, template: &Template) -> TokenStream {
    let literals = template.literal_pieces();
    let names = template.params();
    quote!(#rt::PathTemplate::new(&[#(#literals),*], &[#(#names),*]))
}

/// The `Operation` constant of one operation: plain data.
fn operation_tokens(rt: &TokenStream, model: &Model, op: &OpModel) -> TokenStream {
    let kind = format_ident!("{}", op.name.kind());
    let method = format_ident!("{}", op.method);
    // Written out rather than `Self::PATH`: a reference to the trait's own constant would
    // repeat every error about the trait's bounds.
    let path = template_tokens(rt, &op.path);
    let mut tokens = quote!(#rt::Operation::new(#rt::OperationKind::#kind, #rt::HttpMethod::#method, #path));
    if let Some(media) = &op.json {
        tokens.extend(quote!(.body(#rt::BodyFormat::Json(#media))));
    }
    match (op.response, op.name) {
        (Response::Empty, OpName::Delete) | (Response::Json, _) => {}
        (Response::Empty, _) => tokens.extend(quote!(.response(#rt::ResponseKind::Empty))),
        (Response::Redirect, _) => tokens.extend(quote!(.response(#rt::ResponseKind::Redirect))),
    }
    if let Some(account) = model.account.as_ref().filter(|a| op.path.params().any(|p| p == **a)) {
        tokens.extend(quote!(.account(#account)));
    }
    if op.name == OpName::List {
        let key = &op.list_key;
        tokens.extend(quote!(.list_key(#key)));
    }
    tokens
}

/// One method, forwarding to the generic runtime function.
fn method(model: &Model, rt: &TokenStream, op: &OpModel) -> TokenStream {
    let vis = model.vis;
    let resource = model.ident.to_string();
    let (mut params, args) = arguments(&op.path, model.account.as_deref());
    let kind = format_ident!("{}", op.name.kind());
    let name = format_ident!("{}", op.name.as_str());
    let verb = op.method.to_ascii_uppercase();
    let path = &op.path;
    let param_name = if op.name == OpName::List { format_ident!("filter") } else { format_ident!("params") };
    let (params_ty, params_arg) = match &op.params {
        Some(ty) => {
            let ty = spanned_type(ty);
            params.push(quote!(#param_name: &#ty));
            (ty, quote!(#param_name))
        }
        None => (quote!(()), quote!(&())),
    };
    let body = match &op.json {
        Some(media) => format!(" with a `{media}` body"),
        None if matches!(op.method, "Post" | "Put" | "Patch") => " with a form body".to_owned(),
        None => String::new(),
    };
    let what = match op.name {
        OpName::Fetch => format!("Fetches one `{resource}`"),
        OpName::Create => format!("Creates a `{resource}`"),
        OpName::Update => format!("Updates one `{resource}`"),
        OpName::Patch => format!("Amends one `{resource}`"),
        OpName::Delete => format!("Deletes one `{resource}`"),
        OpName::List => format!("Lists `{resource}` resources, following pages"),
    };
    let doc = format!(" {what}: `{verb} {path}`{body}.");
    let args = quote!(&[#(#args),*]);
    let (output, call) = match (op.name, op.response) {
        (OpName::List, _) => {
            let paging = paging_type(rt, &op.paging);
            (
                quote!(#rt::ListRequest<Self, #paging>),
                quote!(#rt::list::<Self, #params_ty, #paging>(client, #args, #params_arg)),
            )
        }
        (_, Response::Json) => match &op.returns {
            None => (
                quote!(#rt::Call<Self>),
                quote!(#rt::call::<Self, #params_ty>(client, #rt::OperationKind::#kind, #args, #params_arg)),
            ),
            Some(returns) => {
                let returns = spanned_type(returns);
                (
                    quote!(#rt::Call<#returns>),
                    quote!(#rt::call_returning::<Self, #params_ty, #returns>(
                        client, #rt::OperationKind::#kind, #args, #params_arg
                    )),
                )
            }
        },
        (_, Response::Empty) => (
            quote!(#rt::Call<()>),
            quote!(#rt::call_empty::<Self, #params_ty>(client, #rt::OperationKind::#kind, #args, #params_arg)),
        ),
        (_, Response::Redirect) => (
            quote!(#rt::Call<#rt::Redirect>),
            quote!(#rt::call_redirect::<Self, #params_ty>(client, #rt::OperationKind::#kind, #args, #params_arg)),
        ),
    };
    // A GET or DELETE has no body for `#[param(body)]` fields: refuse such a type where it
    // is named, at compile time, rather than at every call.
    let no_body = match (&op.params, op.method) {
        (Some(ty), "Get" | "Delete") => {
            let span = ty.span();
            let message = format!(
                "{verb} sends no body, but `{}` places fields in the body (`#[param(body)]`): mark them `#[param(query)]`",
                quote!(#ty).to_string().replace(' ', "")
            );
            let check =
                respan(quote!(::core::assert!(!<#params_ty as #rt::Params>::BODY_FIELDS, #message)), span);
            quote!(const _: () = #check;)
        }
        _ => TokenStream::new(),
    };
    quote! {
        #[doc = #doc]
        #vis fn #name(client: &#rt::Client, #(#params),*) -> #output {
            #no_body
            #call
        }
    }
}

/// The type of a list's paging shape.
fn paging_type(rt: &TokenStream, paging: &Paging) -> TokenStream {
    match paging {
        Paging::BuiltIn(ty) => {
            let ty = format_ident!("{}", ty);
            quote!(#rt::#ty)
        }
        Paging::Custom(ty) => spanned_type(ty),
    }
}

/// `room: impl AsRef<str>` parameters and the `room.as_ref()` arguments that pass them on,
/// for every placeholder but the account's (which the client fills).
fn arguments(template: &Template, account: Option<&str>) -> (Vec<TokenStream>, Vec<TokenStream>) {
    template
        .params()
        .filter(|name| Some(name.as_str()) != account)
        .map(|name| {
            let ident = Ident::new(&name, Span::call_site());
            (
                quote!(#ident: impl ::core::convert::AsRef<str>),
                quote!(::core::convert::AsRef::<str>::as_ref(&#ident)),
            )
        })
        .unzip()
}

/// `tokens` with every span set to `span`.
fn respan(tokens: TokenStream, span: Span) -> TokenStream {
    tokens
        .into_iter()
        .map(|mut tree| {
            if let proc_macro2::TokenTree::Group(group) = &tree {
                let mut inner = proc_macro2::Group::new(group.delimiter(), respan(group.stream(), span));
                inner.set_span(span);
                tree = proc_macro2::TokenTree::Group(inner);
            }
            tree.set_span(span);
            tree
        })
        .collect()
}

/// The user's type with its own span, so trait errors point into the attribute.
fn spanned_type(ty: &Type) -> TokenStream {
    let span = ty.span();
    quote_spanned!(span=> #ty)
}
