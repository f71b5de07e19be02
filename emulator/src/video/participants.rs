//! Participants: found by identity while connected, kicked by `Status=disconnected`, listed
//! connected (or, in a completed room, disconnected) unless asked otherwise. They join through
//! the simulation API: Twilio's REST API has no create.

use chrono::{DateTime, Utc};
use serde_json::{Map, Value};
use sidekick::twilio::video::v1::Participant;

use super::rooms::date_filter;
use super::{
    CONNECTED, DISCONNECTED, IN_PROGRESS, RECONNECTING, only_status, timestamp, whole_seconds_between,
};
use crate::hooks::{Change, Filter, HookError, Others, Stored};
use crate::http::page_format::{ListQuery, ParamError};
use crate::registry::Registration;
use crate::world::schema::TimestampStyle;

const STATUSES: [&str; 3] = [CONNECTED, DISCONNECTED, RECONNECTING];

pub(super) fn registration() -> Registration<Participant> {
    Registration::new()
        .link("published_tracks", "PublishedTracks")
        .link("subscribed_tracks", "SubscribedTracks")
        .link("subscribe_rules", "SubscribeRules")
        .link("anonymize", "Anonymize")
        .accepts(&["Status", "Identity"])
        .also_known_as(identity)
        .alias_reaches(connected)
        .on_create(seeded)
        .on_update(kick)
        .list_filter(filter)
}

/// A participant stored with `Emulator::insert` (Twilio's API has no create) joins as
/// [`Emulator::join`](crate::Emulator::join) would: connected unless told otherwise, starting
/// now, and disconnecting whoever was present under the same identity.
fn seeded(participant: &mut Change<'_>) -> Result<(), HookError> {
    let now = participant.now();
    let at = participant.timestamp(now);
    for (field, value) in [("status", Value::from(CONNECTED)), ("start_time", at)] {
        if participant.get(field).is_none_or(Value::is_null) {
            participant.set(field, value);
        }
    }
    let Some(identity) = participant.get_str("identity").map(str::to_owned) else { return Ok(()) };
    let room_sid = participant.scope().first().cloned().unwrap_or_default();
    let Some(Others { shared, world }) = participant.others.as_mut() else { return Ok(()) };
    let Some(resource) = shared.registry.of::<Participant>() else { return Ok(()) };
    let records = world.collection(resource.key);
    let Some(present) = records.find_alias(std::slice::from_ref(&room_sid), &identity).map(str::to_owned)
    else {
        return Ok(());
    };
    let scope = [room_sid];
    let Some(mut object) = records.get(&scope, &present).map(|record| record.object.clone()) else {
        return Ok(());
    };
    if disconnect(&mut object, now) {
        let alias = resource.hooks.alias_of(&object);
        records.replace(&scope, &present, object, alias);
    }
    Ok(())
}

/// The identity a participant present in its room (connected or reconnecting) is indexed by.
/// Only one is present per identity: a join disconnects the one before.
pub(super) fn identity(participant: Stored<'_>) -> Option<String> {
    let present = matches!(participant.get_str("status"), Some(CONNECTED | RECONNECTING));
    participant.get_str("identity").filter(|_| present).map(str::to_owned)
}

/// Paths find a participant by identity only while it is connected, as at Twilio.
fn connected(participant: Stored<'_>) -> bool {
    participant.get_str("status") == Some(CONNECTED)
}

/// `Status=disconnected` kicks a participant; one already disconnected is returned unchanged.
/// Nothing else about a participant can be updated. Answers 202, as Twilio does.
fn kick(participant: &mut Change<'_>) -> Result<(), HookError> {
    only_status(participant, DISCONNECTED, "a participant")?;
    let now = participant.now();
    disconnect(participant.object, now);
    participant.answer_with(202);
    Ok(())
}

/// Marks a participant as gone at `now`; `false` if it already was.
pub(super) fn disconnect(participant: &mut Map<String, Value>, now: DateTime<Utc>) -> bool {
    if participant.get("status").and_then(Value::as_str) == Some(DISCONNECTED) {
        return false;
    }
    let joined =
        participant.get("start_time").and_then(Value::as_str).and_then(TimestampStyle::parse).unwrap_or(now);
    participant.insert("status".into(), DISCONNECTED.into());
    participant.insert("end_time".into(), timestamp(now).into());
    participant.insert("date_updated".into(), timestamp(now).into());
    participant.insert("duration".into(), whole_seconds_between(joined, now).into());
    true
}

/// Moves a present participant between connected and reconnecting at `now`.
pub(super) fn set_presence(participant: &mut Map<String, Value>, status: &'static str, now: DateTime<Utc>) {
    if participant.get("status").and_then(Value::as_str) != Some(status) {
        participant.insert("status".into(), status.into());
        participant.insert("date_updated".into(), timestamp(now).into());
    }
}

/// A participant who joins `room_sid` at `now`.
pub(super) fn joined(
    account_sid: &str,
    room_sid: &str,
    sid: String,
    identity: &str,
    now: DateTime<Utc>,
) -> Map<String, Value> {
    let at = Value::from(timestamp(now));
    let fields: [(&str, Value); 12] = [
        ("sid", sid.into()),
        ("room_sid", room_sid.into()),
        ("account_sid", account_sid.into()),
        ("status", CONNECTED.into()),
        ("identity", identity.into()),
        ("date_created", at.clone()),
        ("date_updated", at.clone()),
        ("start_time", at),
        ("end_time", Value::Null),
        ("duration", Value::Null),
        // Rendered for each response, from where the participant is stored.
        ("url", Value::Null),
        ("links", Value::Null),
    ];
    fields.into_iter().map(|(name, value)| (name.to_owned(), value)).collect()
}

/// Connected participants unless `Status` says otherwise, or disconnected ones once the room is
/// completed; `DateCreatedAfter` and `DateCreatedBefore`, both strict. `Identity` is an
/// equality filter on its field.
fn filter(query: &ListQuery<'_>) -> Result<Filter, ParamError> {
    let default_status = match query.get("Status") {
        None if query.parent().is_some_and(|room| room.get_str("status") != Some(IN_PROGRESS)) => {
            Some(DISCONNECTED)
        }
        None => Some(CONNECTED),
        Some(status) if STATUSES.contains(&status) => None,
        Some(other) => {
            let problem = format!("`{other}` is not connected, disconnected or reconnecting");
            return Err(ParamError::new("Status", problem));
        }
    };
    let after = date_filter(query, "DateCreatedAfter")?;
    let before = date_filter(query, "DateCreatedBefore")?;
    Ok(Box::new(move |participant| {
        let created = || participant.get_str("date_created").and_then(TimestampStyle::parse);
        default_status.is_none_or(|status| participant.get_str("status") == Some(status))
            && after.is_none_or(|after| created().is_some_and(|at| at > after))
            && before.is_none_or(|before| created().is_some_and(|at| at < before))
    }))
}
