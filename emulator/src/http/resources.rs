//! The generic handlers of registered resources: create, fetch, update, delete and list, in
//! Twilio's wire format, for any resource type the emulator was given.

use std::collections::HashMap;

use axum::http::{HeaderName, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Utc};
use serde_json::{Map, Value};
use sidekick_runtime::{BodyFormat, OperationKind};

use crate::hooks::{Change, ChangeHook, Filter, Others, Stored};
use crate::http::api_error::ApiError;
use crate::http::page_format::{ListQuery, PageStart, ServedPage};
use crate::http::params::Params;
use crate::http::values::{coerce, coerce_known, expected, snake_case, text_of};
use crate::http::wire;
use crate::registry::{Matched, ServedResource};
use crate::shared::Shared;
use crate::world::World;
use crate::world::collection::{Collection, Record, Start};
use crate::world::schema::Kind;

/// A request to a registered operation, read off the wire.
pub(crate) struct Call<'a> {
    pub(crate) matched: Matched,
    /// The path as sent, for 404 messages.
    pub(crate) path: &'a str,
    pub(crate) query: &'a str,
    pub(crate) body: &'a [u8],
}

/// Serves one matched request.
pub(crate) fn serve(shared: &Shared, call: Call<'_>) -> Response {
    let Matched { resource, operation, args } = &call.matched;
    let not_found = || ApiError::not_found(call.path);
    let result = match operation.kind {
        OperationKind::Create => request_params(&call).and_then(|params| {
            let identify = match args.len() > resource.parent_count() {
                true => Identify::AtPath,
                false => Identify::Assign,
            };
            let (body, status) = insert(shared, resource, args, &params, identify)?;
            Ok(json(status.unwrap_or(StatusCode::CREATED), &body))
        }),
        OperationKind::Fetch => fetch(shared, resource, args, call.path),
        OperationKind::Update | OperationKind::Patch => update(shared, resource, args, &call),
        OperationKind::Delete => {
            let (mut world, _) = shared.world();
            locate(shared, &mut world, resource, args).ok_or_else(not_found).map(|(scope, id)| {
                world.collection(resource.key).remove(&scope, &id);
                StatusCode::NO_CONTENT.into_response()
            })
        }
        OperationKind::List => list(shared, resource, args, &call),
    };
    result.unwrap_or_else(IntoResponse::into_response)
}

/// The scope with each registered parent's key replaced by the identifier it names:
/// `/v1/Rooms/DailyStandup/Participants` is scoped by the room's SID when rooms are registered
/// and known by unique name. `None` when a registered parent has no such object.
pub(crate) fn resolve_scope(
    shared: &Shared,
    world: &mut World,
    resource: &ServedResource,
    scope: &[String],
) -> Option<Vec<String>> {
    let mut resolved = scope.to_vec();
    for depth in 1..=scope.len() {
        let Some(parent) = shared.registry.parent_at(resource, depth) else { continue };
        let records = world.collection(parent.key);
        let key = &resolved[depth - 1];
        // The account the credentials name exists, stored or not: Twilio's 2010 API nests
        // everything under it.
        if *key == shared.credentials.account_sid && records.get(&resolved[..depth - 1], key).is_none() {
            continue;
        }
        resolved[depth - 1] = resolve(&parent, records, &resolved[..depth - 1], key)?;
    }
    Some(resolved)
}

/// The stored object that `resource`'s list under `scope` belongs to, when its resource is
/// registered (a room, for the list of its participants).
fn parent_object(
    shared: &Shared,
    world: &mut World,
    resource: &ServedResource,
    scope: &[String],
) -> Option<Map<String, Value>> {
    let (id, parents) = scope.split_last()?;
    let parent = shared.registry.parent_at(resource, scope.len())?;
    world.collection(parent.key).get(parents, id).map(|record| record.object.clone())
}

/// The scope and identifier of the stored object an instance path's arguments name, parents'
/// and object's aliases resolved; `None` if there is none.
fn locate(
    shared: &Shared,
    world: &mut World,
    resource: &ServedResource,
    args: &[String],
) -> Option<(Vec<String>, String)> {
    let (scope, key) = instance_key(resource, args);
    let scope = resolve_scope(shared, world, resource, &scope)?;
    let id = resolve(resource, world.collection(resource.key), &scope, &key)?;
    Some((scope, id))
}

/// The scope and identifier an instance path names.
fn instance_key(resource: &ServedResource, args: &[String]) -> (Vec<String>, String) {
    if resource.has_identifier() {
        let (id, scope) = args.split_last().map_or((String::new(), &[][..]), |(id, s)| (id.clone(), s));
        (scope.to_vec(), id)
    } else {
        (args.to_vec(), String::new())
    }
}

/// The identifier of the object `key` names in `scope`: its own, or one an
/// `also_known_as` hook gives it.
pub(crate) fn resolve(
    resource: &ServedResource,
    records: &Collection,
    scope: &[String],
    key: &str,
) -> Option<String> {
    if let Some(id) = resolve_id(resource, records, scope, key) {
        return Some(id);
    }
    resource.hooks.also_known_as.as_ref()?;
    let id = records.find_alias(scope, key)?;
    let reaches = resource.hooks.alias_reaches.is_none_or(|reaches| {
        records.get(scope, id).is_some_and(|record| reaches(Stored { object: &record.object }))
    });
    reaches.then(|| id.to_owned())
}

/// The identifier of the object `key` names in `scope` by its identifier alone, a SID's hex
/// digits in either case.
pub(crate) fn resolve_id(
    resource: &ServedResource,
    records: &Collection,
    scope: &[String],
    key: &str,
) -> Option<String> {
    if records.get(scope, key).is_some() {
        return Some(key.to_owned());
    }
    let digits = key.strip_prefix(resource.sid_prefix.as_str())?;
    let hex = digits.len() == 32 && digits.bytes().all(|b| b.is_ascii_hexdigit());
    if !hex || !digits.bytes().any(|b| b.is_ascii_uppercase()) {
        return None;
    }
    let lower = format!("{}{}", resource.sid_prefix, digits.to_ascii_lowercase());
    records.get(scope, &lower).is_some().then_some(lower)
}

/// What a hook sees besides the object: the request's parameters, the object as stored before
/// an update, where the object lives, and when.
#[derive(Clone, Copy)]
struct HookContext<'a> {
    params: &'a [(String, Value)],
    previous: Option<&'a Map<String, Value>>,
    scope: &'a [String],
    now: DateTime<Utc>,
}

/// A hook's change to one object; `None` when the hook leaves the status alone. With `world`,
/// the hook may change other resources' objects too (`Change::for_each`).
fn run_hook(
    shared: &Shared,
    world: Option<&mut World>,
    resource: &ServedResource,
    hook: Option<&ChangeHook>,
    object: &mut Map<String, Value>,
    context: HookContext<'_>,
) -> Result<Option<StatusCode>, ApiError> {
    let Some(hook) = hook else { return Ok(None) };
    let HookContext { params, previous, scope, now } = context;
    let others = world.map(|world| Others { shared, world });
    let mut change = Change {
        object,
        params,
        previous,
        scope,
        now,
        timestamps: resource.schema.timestamps,
        status: None,
        others,
    };
    hook(&mut change).map_err(hook_error)?;
    Ok(change.status.and_then(|s| StatusCode::from_u16(s).ok()))
}

fn hook_error(e: crate::hooks::HookError) -> ApiError {
    let status = StatusCode::from_u16(e.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    ApiError::new(status, e.code, e.message)
}

/// Runs the `on_read` hook on the records of `scope` (or only `id`), keeping what it changes.
fn refresh(
    shared: &Shared,
    resource: &ServedResource,
    records: &mut Collection,
    scope: &[String],
    id: Option<&str>,
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    let Some(hook) = resource.hooks.on_read.as_ref() else { return Ok(()) };
    let ids = match id {
        Some(id) => vec![id.to_owned()],
        None => records.ids_in_scope(scope),
    };
    for id in ids {
        let Some(record) = records.get(scope, &id) else { continue };
        let mut object = record.object.clone();
        let context = HookContext { params: &[], previous: None, scope, now };
        run_hook(shared, None, resource, Some(hook), &mut object, context)?;
        let object = checked(resource, object)?;
        let alias = resource.hooks.alias_of(&object);
        records.replace(scope, &id, object, alias);
    }
    Ok(())
}

fn fetch(
    shared: &Shared,
    resource: &ServedResource,
    args: &[String],
    path: &str,
) -> Result<Response, ApiError> {
    let (mut world, now) = shared.world();
    let not_found = || ApiError::not_found(path);
    let (scope, id) = locate(shared, &mut world, resource, args).ok_or_else(not_found)?;
    let records = world.collection(resource.key);
    refresh(shared, resource, records, &scope, Some(&id), now)?;
    let record = records.get(&scope, &id).ok_or_else(not_found)?;
    let body = render(shared, resource, record);
    Ok(json(StatusCode::OK, &body))
}

/// The object `key` names under `scope` (by its identifier, or as an `also_known_as` hook
/// finds it), as a fetch would serve it.
pub(crate) fn stored(
    shared: &Shared,
    resource: &ServedResource,
    scope: &[String],
    key: &str,
) -> Option<Value> {
    let (mut world, _) = shared.world();
    let mut args = scope.to_vec();
    args.push(key.to_owned());
    let (scope, id) = locate(shared, &mut world, resource, &args)?;
    world.collection(resource.key).get(&scope, &id).map(|record| render(shared, resource, record))
}

/// Where a new object's identifier comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Identify {
    /// Made by the emulator, whatever the request says (as at Twilio).
    Assign,
    /// The caller's, if it gives one (a seeded GitHub issue's `number`).
    KeepGiven,
    /// The last of the path's arguments: a create at the object's own path, which some Twilio
    /// resources have (an assistant's knowledge source, added by its SID).
    AtPath,
}

/// Makes and stores a new object of `resource` under `scope` with `params` (request parameters
/// or field names, with values as sent or as JSON), and returns it as served, with the status
/// an `on_create` hook chose.
pub(crate) fn insert(
    shared: &Shared,
    resource: &ServedResource,
    scope: &[String],
    params: &[(String, Value)],
    identify: Identify,
) -> Result<(Value, Option<StatusCode>), ApiError> {
    let (scope, at_path) = match (identify, scope.split_last()) {
        (Identify::AtPath, Some((id, parents))) => (parents, Some(id.clone())),
        _ => (scope, None),
    };
    let (mut world, now) = shared.world();
    let parent_missing = || ApiError::new(StatusCode::NOT_FOUND, 20404, "The parent resource was not found");
    let scope = &resolve_scope(shared, &mut world, resource, scope).ok_or_else(parent_missing)?;
    let id_field = resource.id_field().and_then(|f| resource.schema.field(f));
    let given = id_field
        .filter(|_| identify == Identify::KeepGiven)
        .and_then(|f| Some((f, params.iter().find(|(name, _)| field_of(resource, name) == Some(f.name))?)));
    let id = match (given, id_field) {
        _ if !resource.has_identifier() => String::new(),
        _ if at_path.is_some() => {
            let id = at_path.unwrap_or_default();
            if id == "." || id == ".." || id.contains('/') {
                return Err(invalid("the path", "an identifier must be a path segment other than . or .."));
            }
            id
        }
        (Some((field, (name, value))), _) => {
            let value = coerce(field.kind, value).ok_or_else(|| invalid(name, &expected(field.kind)))?;
            let id = text_of(&value);
            if id.is_empty() || id == "." || id == ".." || id.contains('/') {
                return Err(invalid(name, "an identifier must be a non-empty path segment"));
            }
            id
        }
        (None, Some(field)) if field.kind == Kind::Integer => {
            world.collection(resource.key).next_number(scope).to_string()
        }
        _ => shared.next_sid(&resource.sid_prefix),
    };
    let mut object = new_object(shared, resource, now);
    apply(resource, &mut object, params, identify != Identify::KeepGiven)?;
    // Pinned before the hook, so that it sees where the object will live, and after, so that
    // it cannot move it.
    pin_identity(resource, &mut object, scope, &id);
    let on_create = resource.hooks.on_create.as_ref();
    let context = HookContext { params, previous: None, scope, now };
    let status = run_hook(shared, Some(&mut world), resource, on_create, &mut object, context)?;
    pin_identity(resource, &mut object, scope, &id);
    let object = checked(resource, object)?;
    let alias = resource.hooks.alias_of(&object);
    let record = Record { scope: scope.to_vec(), id, alias, object };
    let body = render(shared, resource, &record);
    if !world.collection(resource.key).insert(record) {
        return Err(ApiError::new(StatusCode::CONFLICT, 20409, format!("{} exists already", resource.name)));
    }
    Ok((body, status))
}

fn update(
    shared: &Shared,
    resource: &ServedResource,
    args: &[String],
    call: &Call<'_>,
) -> Result<Response, ApiError> {
    let params = request_params(call)?;
    let (body, status) = update_object(shared, resource, args, &params, call.path)?;
    Ok(json(status.unwrap_or(StatusCode::OK), &body))
}

/// Changes the stored object an instance path's arguments name with `params`, as an update
/// request to `path` would, and returns it as served, with the status an `on_update` hook chose.
pub(crate) fn update_object(
    shared: &Shared,
    resource: &ServedResource,
    args: &[String],
    params: &[(String, Value)],
    path: &str,
) -> Result<(Value, Option<StatusCode>), ApiError> {
    let (mut world, now) = shared.world();
    let not_found = || ApiError::not_found(path);
    let (scope, id) = locate(shared, &mut world, resource, args).ok_or_else(not_found)?;
    let previous = world.collection(resource.key).get(&scope, &id).ok_or_else(not_found)?.object.clone();
    let mut object = previous.clone();
    apply(resource, &mut object, params, true)?;
    stamp(resource, &mut object, UPDATED, now);
    let on_update = resource.hooks.on_update.as_ref();
    let context = HookContext { params, previous: Some(&previous), scope: &scope, now };
    let status = run_hook(shared, Some(&mut world), resource, on_update, &mut object, context)?;
    pin_identity(resource, &mut object, &scope, &id);
    let object = checked(resource, object)?;
    let alias = resource.hooks.alias_of(&object);
    let records = world.collection(resource.key);
    records.replace(&scope, &id, object, alias);
    let record = records.get(&scope, &id).ok_or_else(not_found)?;
    Ok((render(shared, resource, record), status))
}

fn list(
    shared: &Shared,
    resource: &ServedResource,
    scope: &[String],
    call: &Call<'_>,
) -> Result<Response, ApiError> {
    let query = Params::decode(call.query.as_bytes());
    let pairs = query.pairs();
    let paging = &resource.paging;
    let mut list_query = ListQuery::new(pairs);
    let request = (paging.request)(&list_query).map_err(|e| invalid(&e.param, &e.problem))?;
    let start = match &request.start {
        PageStart::Skip(skip) => Start::Skip(*skip),
        PageStart::Cursor { param, value } => {
            decode_cursor(value).ok_or_else(|| invalid(param, "pass back the value from an earlier page"))?
        }
    };
    let filters: Vec<(String, String)> =
        pairs.iter().filter(|(name, _)| !paging.reserved.contains(&name.as_str())).cloned().collect();
    // Each filter's value read as its field's kind (`Pinned=True` is `true`); one that cannot
    // be is refused, as Twilio refuses `Status=online`.
    let mut equal: Vec<(&str, Value)> = Vec::new();
    for (name, value) in &filters {
        let Some(field) = accepted_field(resource, name).and_then(|f| resource.schema.field(f)) else {
            continue;
        };
        let wanted = coerce(field.kind, &Value::String(value.clone()))
            .ok_or_else(|| invalid(name, &expected(field.kind)))?;
        equal.push((field.name, wanted));
    }
    let (mut world, now) = shared.world();
    let scope =
        &resolve_scope(shared, &mut world, resource, scope).ok_or_else(|| ApiError::not_found(call.path))?;
    if resource.hooks.list_filter.is_some() {
        list_query.set_parent(parent_object(shared, &mut world, resource, scope));
    }
    let custom: Option<Filter> = match &resource.hooks.list_filter {
        Some(make) => Some(make(&list_query).map_err(|e| invalid(&e.param, &e.problem))?),
        None => None,
    };
    let filters = list_query.echoed(filters);
    // Page links name the parents as stored (a room's SID, though the request used its name).
    let scope_args: Vec<&str> = scope.iter().map(String::as_str).collect();
    let list_path = call.matched.operation.path.render(&scope_args).unwrap_or_else(|_| call.path.to_owned());
    let records = world.collection(resource.key);
    refresh(shared, resource, records, scope, None, now)?;
    let selection = records.select(scope, start, request.size, paging.counted, |record| {
        equal.iter().all(|(field, wanted)| record.object.get(*field) == Some(wanted))
            && custom.as_ref().is_none_or(|keep| keep(Stored { object: &record.object }))
    });
    let page = ServedPage {
        key: list_key(resource),
        items: {
            let children = child_lists(shared, resource);
            selection.records.iter().map(|r| render_with(shared, resource, &children, r)).collect()
        },
        size: request.size,
        index: request.index,
        offset: selection.offset,
        total: selection.total,
        next_cursor: selection.next.map(|seq| format!("PA{seq:x}")),
        previous_cursor: selection.previous.map(|seq| format!("PB{seq:x}")),
        origin: &shared.link_base_url,
        path: &list_path,
        filters: &filters,
    };
    let page = (paging.response)(page);
    let mut response = json(StatusCode::OK, &page.body);
    for (name, value) in page.headers {
        if let (Ok(name), Ok(value)) = (HeaderName::try_from(name), HeaderValue::try_from(value)) {
            response.headers_mut().append(name, value);
        }
    }
    Ok(response)
}

fn list_key(resource: &ServedResource) -> &'static str {
    resource.operations.iter().find(|op| op.kind == OperationKind::List).map_or("", |op| op.list_key)
}

fn decode_cursor(text: &str) -> Option<Start> {
    let (kind, digits) = text.split_at_checked(2)?;
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let seq = u64::from_str_radix(digits, 16).ok()?;
    match kind {
        "PA" => Some(Start::After(seq)),
        "PB" => Some(Start::Before(seq)),
        _ => None,
    }
}

/// The parameters of a create or update: its form body, or the fields of its JSON body.
fn request_params(call: &Call<'_>) -> Result<Vec<(String, Value)>, ApiError> {
    if let BodyFormat::Json(_) = call.matched.operation.body {
        if call.body.iter().all(u8::is_ascii_whitespace) {
            return Ok(Vec::new());
        }
        let Ok(Value::Object(fields)) = serde_json::from_slice::<Value>(call.body) else {
            return Err(ApiError::bad_request("The request body is not a JSON object"));
        };
        return Ok(fields.into_iter().collect());
    }
    let form = Params::decode(call.body);
    let mut params: Vec<(String, Value)> = Vec::new();
    let mut index: HashMap<&str, usize> = HashMap::new();
    for (name, value) in form.pairs() {
        // A repeated parameter is a list; `apply` reads it as the field's kind wants.
        match index.get(name.as_str()) {
            Some(&at) => match &mut params[at].1 {
                Value::Array(values) => values.push(Value::String(value.clone())),
                first => *first = Value::Array(vec![first.take(), Value::String(value.clone())]),
            },
            None => {
                index.insert(name, params.len());
                params.push((name.clone(), Value::String(value.clone())));
            }
        }
    }
    Ok(params)
}

const CREATED: [&str; 2] = ["date_created", "created_at"];
const UPDATED: [&str; 2] = ["date_updated", "updated_at"];

/// A new object: every field empty, then what the emulator knows besides its identity:
/// the account and the timestamps.
fn new_object(shared: &Shared, resource: &ServedResource, now: DateTime<Utc>) -> Map<String, Value> {
    let mut object = resource.schema.template();
    if let Some(field) = resource.schema.field("account_sid") {
        object.insert(field.name.to_owned(), Value::String(shared.credentials.account_sid.clone()));
    }
    stamp(resource, &mut object, CREATED, now);
    stamp(resource, &mut object, UPDATED, now);
    object
}

/// Writes the object's identifier and its parents' arguments into their fields, over whatever
/// parameters or hooks put there: they are where the object is stored and served from.
pub(crate) fn pin_identity(
    resource: &ServedResource,
    object: &mut Map<String, Value>,
    scope: &[String],
    id: &str,
) {
    let mut set = |name: &str, value: &str| {
        if let Some(field) = resource.schema.field(name) {
            object.insert(field.name.to_owned(), coerce_known(field.kind, value));
        }
    };
    if let Some(id_field) = resource.id_field().filter(|_| !id.is_empty()) {
        set(id_field, id);
    }
    // The parents' arguments, by placeholder name (`account_sid`), or with `_sid` added
    // (`<room>` fills `room_sid`).
    for (name, value) in resource.instance.params().iter().zip(scope) {
        set(name, value);
        set(&format!("{name}_sid"), value);
    }
}

fn stamp(resource: &ServedResource, object: &mut Map<String, Value>, names: [&str; 2], now: DateTime<Utc>) {
    if let Some(field) = names.iter().find_map(|n| resource.schema.field(n)).filter(|f| f.kind == Kind::Text)
    {
        object.insert(field.name.to_owned(), Value::String(resource.schema.timestamps.format(now)));
    }
}

/// Sets the fields the parameters name, each value read as its field's kind: those the
/// registration accepts for a request, any field for a seeded object.
fn apply(
    resource: &ServedResource,
    object: &mut Map<String, Value>,
    params: &[(String, Value)],
    requested: bool,
) -> Result<(), ApiError> {
    for (name, value) in params {
        let field = match requested {
            true => accepted_field(resource, name),
            false => field_of(resource, name),
        };
        let Some(field) = field.and_then(|f| resource.schema.field(f)) else {
            // Twilio ignores parameters it does not know.
            continue;
        };
        let value = coerce(field.kind, value).ok_or_else(|| invalid(name, &expected(field.kind)))?;
        object.insert(field.name.to_owned(), value);
    }
    Ok(())
}

/// The field a request parameter (or filter) sets, if the registration accepts it: a rename,
/// the field of that very name, or the convention's (`FriendlyName` is `friendly_name`).
fn accepted_field<'a>(resource: &'a ServedResource, param: &str) -> Option<&'a str> {
    if resource.accepts.as_ref().is_some_and(|accepted| !accepted.iter().any(|a| a == param)) {
        return None;
    }
    field_of(resource, param)
}

/// The field a parameter or a seeded field's name sets: a rename, the field of that very
/// name, or the convention's.
fn field_of<'a>(resource: &'a ServedResource, param: &str) -> Option<&'a str> {
    if let Some((_, field)) = resource.params.iter().find(|(p, _)| p == param) {
        return Some(field.as_str());
    }
    if let Some(field) = resource.schema.field(param) {
        return Some(field.name);
    }
    let snake = snake_case(param);
    resource.schema.field(&snake).map(|f| f.name)
}

/// Refuses an object the resource type cannot read: a parameter of the wrong shape.
/// The object is handed back, not copied.
pub(crate) fn checked(
    resource: &ServedResource,
    object: Map<String, Value>,
) -> Result<Map<String, Value>, ApiError> {
    let value = Value::Object(object);
    resource
        .schema
        .validate(&value)
        .map_err(|problem| ApiError::bad_request(format!("Invalid parameter: {problem}")))?;
    match value {
        Value::Object(object) => Ok(object),
        _ => Ok(Map::new()),
    }
}

fn invalid(param: &str, problem: &str) -> ApiError {
    ApiError::bad_request(format!("Invalid {param}: {problem}"))
}

/// The object as served, with its links worked out for this one object.
fn render(shared: &Shared, resource: &ServedResource, record: &Record) -> Value {
    render_with(shared, resource, &child_lists(shared, resource), record)
}

/// The object as served: stored fields, plus `url` (absolute), `uri` (relative) and links to
/// `children`, the lists registered under it (see [`child_lists`]), all pointing back at the
/// emulator.
fn render_with(
    shared: &Shared,
    resource: &ServedResource,
    children: &[(String, String)],
    record: &Record,
) -> Value {
    let mut object = record.object.clone();
    let mut args: Vec<&str> = record.scope.iter().map(String::as_str).collect();
    if resource.has_identifier() {
        args.push(&record.id);
    }
    let Ok(path) = resource.instance.render(&args) else { return Value::Object(object) };
    let origin = &shared.link_base_url;
    if resource.schema.field("url").is_some_and(|f| f.kind == Kind::Text) {
        object.insert("url".to_owned(), Value::String(format!("{origin}{path}")));
    }
    if resource.schema.field("uri").is_some_and(|f| f.kind == Kind::Text) {
        object.insert("uri".to_owned(), Value::String(path.clone()));
    }
    let parent_path = path.strip_suffix(".json").unwrap_or(&path);
    for (field, relative) in [("links", false), ("subresource_uris", true)] {
        if resource.schema.field(field).is_some_and(|f| f.kind == Kind::Object) && !children.is_empty() {
            let links: Map<String, Value> = children
                .iter()
                .map(|(name, segment)| {
                    let child = format!("{parent_path}/{segment}");
                    let link = if relative { child } else { format!("{origin}{child}") };
                    (name.clone(), Value::String(link))
                })
                .collect();
            object.insert(field.to_owned(), Value::Object(links));
        }
    }
    Value::Object(object)
}

/// The lists directly under `parent`'s objects: those of registered resources, then those its
/// registration links to. Each is a name (`participants`) and a last path segment
/// (`Participants`, or `Messages.json`).
fn child_lists(shared: &Shared, parent: &ServedResource) -> Vec<(String, String)> {
    let depth = parent.instance.params().len();
    let mut children = Vec::new();
    for resource in shared.registry.all() {
        let lists = resource.operations.iter().filter(|op| op.kind == OperationKind::List);
        // A child list has the parent's placeholders and then one literal segment.
        for op in lists.filter(|op| op.path.params().len() == depth && parent.is_ancestor_of(&op.path)) {
            let segment = op.path.literals()[depth].strip_prefix('/');
            if let Some(segment) = segment.filter(|s| !s.is_empty() && !s.contains('/')) {
                let name = snake_case(segment.strip_suffix(".json").unwrap_or(segment));
                children.push((name, segment.to_owned()));
            }
        }
    }
    for (name, segment) in &parent.links {
        if !children.iter().any(|(known, _)| known == name) {
            children.push((name.clone(), segment.clone()));
        }
    }
    children
}

fn json(status: StatusCode, body: &Value) -> Response {
    // Serialising a `Value` cannot fail.
    wire::json_response(status, serde_json::to_vec(body).unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursors_round_trip_and_reject_garbage() {
        assert_eq!(decode_cursor("PA1f"), Some(Start::After(31)));
        assert_eq!(decode_cursor("PB1"), Some(Start::Before(1)));
        for bad in ["", "PA", "PC1", "PAzz", "PTA1", "é1"] {
            assert_eq!(decode_cursor(bad), None, "{bad}");
        }
    }
}
