//! TaskRouter v1 (`https://taskrouter.twilio.com`): a worker's statistics, a singleton under
//! two placeholders, with time-window query parameters.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sidekick::{Params, Resource};

/// The base URL of TaskRouter.
pub const BASE_URL: &str = "https://taskrouter.twilio.com";

/// A worker's statistics over a time window.
#[derive(Debug, Clone, PartialEq, Deserialize, Resource)]
#[resource(
    base_url = BASE_URL,
    path = "/v1/Workspaces/<workspace_sid>/Workers/<worker_sid>/Statistics",
    fetch = WorkerStatisticsParams
)]
pub struct WorkerStatistics {
    /// The account (`AC...`).
    pub account_sid: Option<String>,
    /// The workspace (`WS...`).
    pub workspace_sid: Option<String>,
    /// The worker (`WK...`).
    pub worker_sid: Option<String>,
    /// The totals over the window.
    pub cumulative: Option<WorkerCumulative>,
    /// The absolute URL of the resource.
    pub url: Option<String>,
}

/// A worker's totals over a time window.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct WorkerCumulative {
    /// Reservations created.
    pub reservations_created: Option<u64>,
    /// Reservations accepted.
    pub reservations_accepted: Option<u64>,
    /// Reservations rejected.
    pub reservations_rejected: Option<u64>,
    /// Reservations that timed out.
    pub reservations_timed_out: Option<u64>,
    /// Reservations canceled.
    pub reservations_canceled: Option<u64>,
    /// Reservations rescinded.
    pub reservations_rescinded: Option<u64>,
    /// Time spent in each activity.
    #[serde(default)]
    pub activity_durations: Vec<ActivityDuration>,
    /// The start of the window.
    pub start_time: Option<DateTime<Utc>>,
    /// The end of the window.
    pub end_time: Option<DateTime<Utc>>,
}

/// Time a worker spent in one activity, in seconds.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct ActivityDuration {
    /// The activity (`WA...`).
    pub sid: Option<String>,
    /// The activity's name.
    pub friendly_name: Option<String>,
    /// The average.
    pub avg: Option<f64>,
    /// The shortest.
    pub min: Option<u64>,
    /// The longest.
    pub max: Option<u64>,
    /// The sum.
    pub total: Option<u64>,
}

/// The query of [`WorkerStatistics::fetch`]: a window given by `minutes` up to now, or by
/// `start_date`/`end_date`; `None` parameters are not sent.
#[derive(Debug, Clone, Default, Serialize, Params)]
#[serde(rename_all = "PascalCase")]
pub struct WorkerStatisticsParams {
    /// The window: this many minutes up to now.
    pub minutes: Option<u32>,
    /// The start of the window; sent as `YYYY-MM-DDTHH:MM:SSZ`.
    #[serde(with = "sidekick::timestamp::option")]
    pub start_date: Option<DateTime<Utc>>,
    /// The end of the window; sent as `YYYY-MM-DDTHH:MM:SSZ`.
    #[serde(with = "sidekick::timestamp::option")]
    pub end_date: Option<DateTime<Utc>>,
    /// Only tasks of this channel (`voice`, `sms`... or a channel SID).
    pub task_channel: Option<String>,
}
