//! Expansion: the `Resource` impl (data) and thin inherent methods that call the runtime.

use proc_macro2::{Span, TokenStream};
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;
use syn::{Ident, Type};

use crate::template::Template;
use crate::valid::Model;

pub(crate) fn expand(model: &Model) -> TokenStream {
    let Model { ident, krate, base_url, list_key, .. } = model;
    let rt = quote!(#krate::__private);
    let path = template_tokens(&rt, &model.path);
    let list_path = match &model.list_path {
        Some(list_path) => {
            let tokens = template_tokens(&rt, list_path);
            quote!(::core::option::Option::Some(#tokens))
        }
        None => quote!(::core::option::Option::None),
    };
    let methods = if model.methods { methods(model, &rt) } else { Vec::new() };
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
    quote! {
        #[automatically_derived]
        impl #impl_generics #rt::Resource for #ident #ty_generics #where_clause {
            const BASE_URL: &'static str = #base_url;
            const PATH: #rt::PathTemplate = #path;
            const LIST_PATH: ::core::option::Option<#rt::PathTemplate> = #list_path;
            const LIST_KEY: &'static str = #list_key;
        }

        #[automatically_derived]
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

/// One method per operation, each forwarding to the generic runtime function.
fn methods(model: &Model, rt: &TokenStream) -> Vec<TokenStream> {
    let vis = model.vis;
    let name = model.ident.to_string();
    let path = &model.path;
    let (params, args) = arguments(path);
    let mut methods = vec![method(
        vis,
        &format!("Fetches one `{name}`: `GET {path}`."),
        quote!(fetch(client: &#rt::Client, #(#params),*) -> #rt::Call<Self>),
        quote!(#rt::fetch::<Self>(client, &[#(#args),*])),
    )];
    if let Some(ty) = &model.update {
        let ty = spanned_type(ty);
        methods.push(method(
            vis,
            &format!("Updates one `{name}`: `POST {path}` with `params` as a form."),
            quote!(update(client: &#rt::Client, #(#params,)* params: &#ty) -> #rt::Call<Self>),
            quote!(#rt::update::<Self, #ty>(client, &[#(#args),*], params)),
        ));
    }
    if model.delete {
        methods.push(method(
            vis,
            &format!("Deletes one `{name}`: `DELETE {path}`."),
            quote!(delete(client: &#rt::Client, #(#params),*) -> #rt::Call<()>),
            quote!(#rt::delete::<Self>(client, &[#(#args),*])),
        ));
    }
    if let Some(list_path) = &model.list_path {
        let (params, args) = arguments(list_path);
        if let Some(ty) = &model.create {
            let ty = spanned_type(ty);
            methods.push(method(
                vis,
                &format!("Creates a `{name}`: `POST {list_path}` with `params` as a form."),
                quote!(create(client: &#rt::Client, #(#params,)* params: &#ty) -> #rt::Call<Self>),
                quote!(#rt::create::<Self, #ty>(client, &[#(#args),*], params)),
            ));
        }
        if let Some(filter) = &model.list {
            let doc = format!("Lists `{name}` resources: `GET {list_path}`, following pages.");
            methods.push(match filter {
                Some(ty) => {
                    let ty = spanned_type(ty);
                    method(
                        vis,
                        &doc,
                        quote!(list(client: &#rt::Client, #(#params,)* filter: &#ty) -> #rt::ListRequest<Self>),
                        quote!(#rt::list::<Self, #ty>(client, &[#(#args),*], filter)),
                    )
                }
                None => method(
                    vis,
                    &doc,
                    quote!(list(client: &#rt::Client, #(#params),*) -> #rt::ListRequest<Self>),
                    quote!(#rt::list::<Self, ()>(client, &[#(#args),*], &())),
                ),
            });
        }
    }
    methods
}

fn method(vis: &syn::Visibility, doc: &str, signature: TokenStream, body: TokenStream) -> TokenStream {
    // The leading space is what `///` comments have, so the docs read the same either way.
    let doc = format!(" {doc}");
    quote! {
        #[doc = #doc]
        #vis fn #signature {
            #body
        }
    }
}

/// `room: impl AsRef<str>` parameters and the `room.as_ref()` arguments that pass them on.
fn arguments(template: &Template) -> (Vec<TokenStream>, Vec<TokenStream>) {
    template
        .params()
        .map(|name| {
            let ident = Ident::new(&name, Span::call_site());
            (
                quote!(#ident: impl ::core::convert::AsRef<str>),
                quote!(::core::convert::AsRef::<str>::as_ref(&#ident)),
            )
        })
        .unzip()
}

/// The user's type with its own span, so trait errors point into the attribute.
fn spanned_type(ty: &Type) -> TokenStream {
    let span = ty.span();
    quote_spanned!(span=> #ty)
}
