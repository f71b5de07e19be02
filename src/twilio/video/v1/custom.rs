//! Hand-written conveniences for the generated Video v1 resources. The generator includes this
//! file (`mod custom;`) and never writes it.

use chrono::{DateTime, Utc};

use super::{Participant, ParticipantFilter, RoomParticipantStatus, UpdateParticipant};
use crate::{Call, Client};

/// A participant's status: `connected`, `disconnected` or `reconnecting`. Values this version
/// does not know are kept as `Unknown` rather than failing to decode.
///
/// The generated name is [`RoomParticipantStatus`] (from the description's
/// `room_participant_enum_status`); this is the name the binding has always had.
///
/// ```
/// use sidekick::twilio::video::v1::ParticipantStatus;
/// let s: ParticipantStatus = serde_json::from_str("\"reconnecting\"").unwrap();
/// assert_eq!(s, ParticipantStatus::Reconnecting);
/// let new: ParticipantStatus = serde_json::from_str("\"on-hold\"").unwrap();
/// assert_eq!(new, ParticipantStatus::Unknown("on-hold".into()));
/// assert_eq!(serde_json::to_string(&new).unwrap(), "\"on-hold\"");
/// ```
pub type ParticipantStatus = RoomParticipantStatus;

impl Participant {
    /// Removes a participant from its room: an update to `Status=disconnected`. `sid` is the
    /// participant's SID or, while it is connected, its identity.
    ///
    /// Kicking by SID is idempotent (an already disconnected participant comes back
    /// unchanged), so such a call is retried after 5xx answers like a GET. Kicking by identity
    /// is not: a retry after a lost answer could find a participant who rejoined under the
    /// same identity, so it is retried only where any POST would be.
    ///
    /// ```no_run
    /// use sidekick::twilio::video::v1::{Participant, ParticipantFilter, ParticipantStatus};
    ///
    /// # async fn run(client: &sidekick::Client) -> sidekick::Result<()> {
    /// let alice = Participant::fetch(client, "DailyStandup", "Alice").await?;
    /// let connected = Participant::list(client, "DailyStandup", &ParticipantFilter::connected())
    ///     .limit(20)
    ///     .collect()
    ///     .await?;
    /// let kicked = Participant::kick(client, "DailyStandup", "Alice").await?;
    /// assert_eq!(kicked.status, Some(ParticipantStatus::Disconnected));
    /// # let _ = (alice, connected); Ok(()) }
    /// ```
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

impl UpdateParticipant {
    /// `Status=disconnected`: remove the participant from the room.
    ///
    /// ```
    /// use sidekick::twilio::video::v1::UpdateParticipant;
    /// let body = sidekick::form::encode(&UpdateParticipant::disconnect()).unwrap();
    /// assert_eq!(body, "Status=disconnected");
    /// ```
    pub fn disconnect() -> Self {
        UpdateParticipant::new().status(ParticipantStatus::Disconnected)
    }
}

/// With no status, Twilio lists `connected` participants of an in-progress room; a completed
/// room lists only `disconnected` ones.
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use sidekick::twilio::video::v1::ParticipantFilter;
///
/// let filter = ParticipantFilter::disconnected()
///     .identity("alice")
///     .created_after(Utc.with_ymd_and_hms(2017, 1, 1, 0, 0, 1).unwrap());
/// assert_eq!(
///     sidekick::form::encode(&filter).unwrap(),
///     "DateCreatedAfter=2017-01-01T00%3A00%3A01Z&Identity=alice&Status=disconnected"
/// );
/// ```
impl ParticipantFilter {
    /// Only connected participants.
    pub fn connected() -> Self {
        ParticipantFilter::new().status(ParticipantStatus::Connected)
    }

    /// Only disconnected participants.
    pub fn disconnected() -> Self {
        ParticipantFilter::new().status(ParticipantStatus::Disconnected)
    }

    /// Only participants created after `time` (any time zone; sent as UTC).
    pub fn created_after<Tz: chrono::TimeZone>(self, time: DateTime<Tz>) -> Self {
        self.date_created_after(time.with_timezone(&Utc))
    }

    /// Only participants created before `time` (any time zone; sent as UTC).
    pub fn created_before<Tz: chrono::TimeZone>(self, time: DateTime<Tz>) -> Self {
        self.date_created_before(time.with_timezone(&Utc))
    }
}

/// Compile-time proof that the binding stays usable from spawned tasks.
const _: () = {
    const fn send_sync<T: Send + Sync>() {}
    send_sync::<Participant>();
    send_sync::<Call<Participant>>();
    send_sync::<crate::ListRequest<Participant>>();
};
