//! The facts of one operation the emitter reads from an extract: parameters, body, answer.

use serde_json::Value;

use crate::plan::{Kind, OperationPlan};

/// Parameters the list request sets itself, by paging shape; a filter must leave them out.
pub(crate) const META_PAGING_PARAMS: &[&str] = &["PageSize", "Page", "PageToken"];
/// Numbers v2 short-code applications' page-number parameters.
pub(crate) const PAGE_NUMBER_PARAMS: &[&str] = &["PageSize", "Page"];
/// The port-in list's token paging parameters.
pub(crate) const TOKEN_PAGING_PARAMS: &[&str] = &["Size", "Token"];

/// Header parameters the derive cannot declare because the client sets them itself: Flex
/// Insights' 24 operations take a second `Authorization` (a Flex token), which would replace
/// the account's credentials.
pub(crate) const CLIENT_HEADERS: &[&str] = &["Authorization"];

/// One operation of the extract, with its plan.
pub(crate) struct Op<'a> {
    pub plan: &'a OperationPlan,
    pub value: &'a Value,
}

/// A non-path parameter, or a body property.
#[derive(Debug, Clone)]
pub(crate) struct Param<'a> {
    pub wire: &'a str,
    pub place: Place,
    pub required: bool,
    pub schema: &'a Value,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Place {
    Query,
    Header,
    Body,
}

/// The success answer an operation declares.
#[derive(Debug, Clone)]
pub(crate) struct Answer<'a> {
    pub status: u16,
    pub media: Option<&'a str>,
    pub schema: Option<&'a Value>,
}

impl<'a> Op<'a> {
    pub fn kind(&self) -> Kind {
        self.plan.kind
    }

    /// The path parameters' names, in path order (`{RoomSid}`, `{Sid}`).
    pub fn placeholders(&self) -> Vec<&'a str> {
        placeholders(&self.plan.path)
    }

    /// The request body's media type and schema, if the operation has a body.
    /// SCIM's own media type wins where an operation offers it beside `application/json`
    /// (the IAM SCIM user); otherwise the first, as the extract sorts them.
    pub fn body(&self) -> Option<(&'a str, &'a Value)> {
        let content = self.value.get("requestBody")?.get("content")?.as_object()?;
        let (media, entry) = content
            .iter()
            .find(|(media, _)| media.as_str() == "application/scim+json")
            .or(content.iter().next())?;
        Some((media.as_str(), entry.get("schema").unwrap_or(&super::space::NULL)))
    }

    /// Whether the body is a free-form object (no properties, or a `oneOf`), which only a map
    /// of parameters can fill.
    pub fn free_form_body(&self, space: &super::space::Space<'a>) -> bool {
        self.body().is_some_and(|(_, schema)| {
            let schema = space.resolve(schema);
            schema.get("properties").and_then(Value::as_object).is_none_or(|p| p.is_empty())
        })
    }

    /// Query and header parameters (less paging and client-set headers), then body properties
    /// (for a body whose schema is an object with properties), in that order.
    pub fn params(&self, paging_params: &[&str], space: &super::space::Space<'a>) -> Vec<Param<'a>> {
        let mut params = Vec::new();
        for param in self.value.get("parameters").and_then(Value::as_array).into_iter().flatten() {
            let wire = param.get("name").and_then(Value::as_str).unwrap_or_default();
            let place = match param.get("in").and_then(Value::as_str) {
                Some("query") if self.kind() == Kind::List && paging_params.contains(&wire) => continue,
                Some("query") => Place::Query,
                Some("header") if CLIENT_HEADERS.contains(&wire) => continue,
                Some("header") => Place::Header,
                _ => continue,
            };
            let required = param.get("required") == Some(&Value::Bool(true));
            params.push(Param {
                wire,
                place,
                required,
                schema: param.get("schema").unwrap_or(&super::space::NULL),
            });
        }
        if let Some((_, schema)) = self.body() {
            let resolved = space.resolve(schema);
            let required: Vec<&str> = resolved
                .get("required")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
                .collect();
            let properties = resolved.get("properties").and_then(Value::as_object);
            for (wire, schema) in properties.into_iter().flatten() {
                let required = required.contains(&wire.as_str());
                params.push(Param { wire, place: Place::Body, required, schema });
            }
        }
        params
    }

    /// The first success answer with content, else the first success answer.
    pub fn answer(&self) -> Answer<'a> {
        let responses = self.value.get("responses").and_then(Value::as_object);
        let mut answers: Vec<Answer<'a>> = Vec::new();
        for (code, response) in responses.into_iter().flatten() {
            let status: u16 = code.parse().unwrap_or(200);
            let content = response.get("content").and_then(Value::as_object);
            let entry = content.and_then(|c| c.iter().next());
            answers.push(Answer {
                status,
                media: entry.map(|(media, _)| media.as_str()),
                schema: entry.and_then(|(_, e)| e.get("schema")),
            });
        }
        answers.sort_by_key(|a| (a.schema.is_none(), a.status));
        answers.into_iter().next().unwrap_or(Answer { status: 200, media: None, schema: None })
    }

    /// Whether the answer is a redirect (302, 307) rather than a resource.
    pub fn redirects(&self) -> bool {
        (300..400).contains(&self.answer().status)
    }
}

/// `{Name}` placeholders of `path`, in order.
pub(crate) fn placeholders(path: &str) -> Vec<&str> {
    let mut names = Vec::new();
    let mut rest = path;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}') else { break };
        names.push(&rest[open + 1..open + close]);
        rest = &rest[open + close + 1..];
    }
    names
}
