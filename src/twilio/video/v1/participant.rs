//! Room Participants: `/v1/Rooms/{RoomNameOrSid}/Participants/{ParticipantIdentityOrSid}`.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::{Call, Client, Params, Resource};

/// A participant of a Video Room, identified by its SID (`PA...`) or, while connected, by its
/// identity.
///
/// Every property is optional, as Twilio's specification makes them all nullable. SIDs are
/// plain strings: they are not validated against their `PA`/`RM`/`AC` patterns.
///
/// `GET /v1/Rooms/{Room}/Participants/{Identity}` searches only `connected` participants and
/// answers 404 otherwise; fetch by SID to see a disconnected participant.
///
/// ```no_run
/// use sidekick::twilio::video::v1::{Participant, ParticipantFilter};
///
/// # async fn run(client: &sidekick::Client) -> sidekick::Result<()> {
/// let alice = Participant::fetch(client, "DailyStandup", "Alice").await?;
/// let connected = Participant::list(client, "DailyStandup", &ParticipantFilter::connected())
///     .limit(20)
///     .collect()
///     .await?;
/// let kicked = Participant::kick(client, "DailyStandup", "Alice").await?;
/// assert_eq!(kicked.status, Some(sidekick::twilio::video::v1::ParticipantStatus::Disconnected));
/// # let _ = (alice, connected); Ok(()) }
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Resource)]
#[resource(
    base_url = super::BASE_URL,
    path = "/v1/Rooms/<room>/Participants/<sid>",
    fetch,
    update = UpdateParticipant,
    list = ParticipantFilter
)]
pub struct Participant {
    /// The unique string that Twilio created to identify the participant (`PA...`).
    pub sid: Option<String>,
    /// The SID of the participant's room (`RM...`).
    pub room_sid: Option<String>,
    /// The SID of the account that created the participant (`AC...`).
    pub account_sid: Option<String>,
    /// The status of the participant.
    pub status: Option<ParticipantStatus>,
    /// The application-defined string that identifies the participant's user within the room.
    /// A client that joins with an identity already connected disconnects the earlier one.
    pub identity: Option<String>,
    /// When the resource was created.
    pub date_created: Option<DateTime<Utc>>,
    /// When the resource was last updated.
    pub date_updated: Option<DateTime<Utc>>,
    /// When the participant connected to the room.
    pub start_time: Option<DateTime<Utc>>,
    /// When the participant disconnected from the room.
    pub end_time: Option<DateTime<Utc>>,
    /// How many seconds the participant was connected; set once it is disconnected.
    pub duration: Option<u64>,
    /// The absolute URL of the resource.
    pub url: Option<String>,
    /// The URLs of related resources, by name (`published_tracks`, `subscribed_tracks`,
    /// `subscribe_rules`, `anonymize`...). Not every response has every link.
    pub links: Option<BTreeMap<String, String>>,
}

impl Participant {
    /// Removes a participant from its room: an update to `Status=disconnected`. `sid` is the
    /// participant's SID or, while it is connected, its identity.
    ///
    /// Kicking by SID is idempotent (an already disconnected participant comes back
    /// unchanged), so such a call is retried after 5xx answers like a GET. Kicking by identity
    /// is not: a retry after a lost answer could find a participant who rejoined under the
    /// same identity, so it is retried only where any POST would be.
    pub fn kick(client: &Client, room: impl AsRef<str>, sid: impl AsRef<str>) -> Call<Participant> {
        let by_sid = is_participant_sid(sid.as_ref());
        let call = Participant::update(client, room, sid, &UpdateParticipant::disconnect());
        if by_sid { call.idempotent() } else { call }
    }
}

/// `PA` followed by 32 hex digits: the form of a participant SID, as opposed to an identity.
fn is_participant_sid(text: &str) -> bool {
    text.len() == 34 && text.starts_with("PA") && text[2..].bytes().all(|b| b.is_ascii_hexdigit())
}

crate::string_enum! {
    /// A participant's status. Values this version does not know are kept as
    /// [`ParticipantStatus::Unknown`] rather than failing to decode.
    ///
    /// ```
    /// use sidekick::twilio::video::v1::ParticipantStatus;
    /// let s: ParticipantStatus = serde_json::from_str("\"reconnecting\"").unwrap();
    /// assert_eq!(s, ParticipantStatus::Reconnecting);
    /// let new: ParticipantStatus = serde_json::from_str("\"on-hold\"").unwrap();
    /// assert_eq!(new, ParticipantStatus::Unknown("on-hold".into()));
    /// assert_eq!(serde_json::to_string(&new).unwrap(), "\"on-hold\"");
    /// ```
    #[derive(Debug, Clone, PartialEq, Eq, Hash)]
    pub enum ParticipantStatus {
        /// In the room.
        Connected = "connected",
        /// Left or removed.
        Disconnected = "disconnected",
        /// Connection lost; trying to come back.
        Reconnecting = "reconnecting",
    }
}

/// The form of a participant update (`POST .../Participants/{Sid}`).
///
/// ```
/// use sidekick::twilio::video::v1::UpdateParticipant;
/// let body = sidekick::form::encode(&UpdateParticipant::disconnect()).unwrap();
/// assert_eq!(body, "Status=disconnected");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Params)]
pub struct UpdateParticipant {
    /// The new status; only `disconnected` is accepted, which removes the participant.
    #[serde(rename = "Status", skip_serializing_if = "Option::is_none")]
    pub status: Option<ParticipantStatus>,
}

impl UpdateParticipant {
    /// `Status=disconnected`: remove the participant from the room.
    pub fn disconnect() -> Self {
        UpdateParticipant { status: Some(ParticipantStatus::Disconnected) }
    }
}

/// Filters of the participant list. With no status, Twilio lists `connected` participants of
/// an in-progress room; a completed room lists only `disconnected` ones.
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use sidekick::twilio::video::v1::{ParticipantFilter, ParticipantStatus};
///
/// let filter = ParticipantFilter::disconnected()
///     .identity("alice")
///     .created_after(Utc.with_ymd_and_hms(2017, 1, 1, 0, 0, 1).unwrap());
/// assert_eq!(
///     sidekick::form::encode(&filter).unwrap(),
///     "DateCreatedAfter=2017-01-01T00%3A00%3A01Z&Identity=alice&Status=disconnected"
/// );
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Params)]
pub struct ParticipantFilter {
    /// Only participants with this status.
    #[serde(rename = "Status", skip_serializing_if = "Option::is_none")]
    pub status: Option<ParticipantStatus>,
    /// Only participants with this identity.
    #[serde(rename = "Identity", skip_serializing_if = "Option::is_none")]
    pub identity: Option<String>,
    /// Only participants that started after this time (sent as UTC whatever its offset).
    #[serde(
        rename = "DateCreatedAfter",
        with = "crate::timestamp::option",
        skip_serializing_if = "Option::is_none",
        default
    )]
    pub date_created_after: Option<DateTime<Utc>>,
    /// Only participants that started before this time (sent as UTC whatever its offset).
    #[serde(
        rename = "DateCreatedBefore",
        with = "crate::timestamp::option",
        skip_serializing_if = "Option::is_none",
        default
    )]
    pub date_created_before: Option<DateTime<Utc>>,
}

impl ParticipantFilter {
    /// No filters: the server's default (connected participants of an in-progress room).
    pub fn new() -> Self {
        ParticipantFilter::default()
    }

    /// Only connected participants.
    pub fn connected() -> Self {
        ParticipantFilter::new().status(ParticipantStatus::Connected)
    }

    /// Only disconnected participants.
    pub fn disconnected() -> Self {
        ParticipantFilter::new().status(ParticipantStatus::Disconnected)
    }

    /// Only participants with `status`.
    pub fn status(mut self, status: ParticipantStatus) -> Self {
        self.status = Some(status);
        self
    }

    /// Only participants with `identity`.
    pub fn identity(mut self, identity: impl Into<String>) -> Self {
        self.identity = Some(identity.into());
        self
    }

    /// Only participants created after `time` (any time zone).
    pub fn created_after<Tz: chrono::TimeZone>(mut self, time: DateTime<Tz>) -> Self {
        self.date_created_after = Some(time.with_timezone(&Utc));
        self
    }

    /// Only participants created before `time` (any time zone).
    pub fn created_before<Tz: chrono::TimeZone>(mut self, time: DateTime<Tz>) -> Self {
        self.date_created_before = Some(time.with_timezone(&Utc));
        self
    }
}

/// Compile-time proof that the binding stays usable from spawned tasks.
const _: () = {
    const fn send_sync<T: Send + Sync>() {}
    send_sync::<Participant>();
    send_sync::<Call<Participant>>();
    send_sync::<crate::ListRequest<Participant>>();
};
