//! TaskRouter worker statistics: a singleton under two placeholders with time-window query
//! parameters.

use chrono::{DateTime, TimeZone, Utc};
use downstream::taskrouter::{BASE_URL, WorkerStatistics, WorkerStatisticsParams};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::support::*;

const STATISTICS: &str =
    "/v1/Workspaces/WSaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Workers/WKaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Statistics";

#[tokio::test]
async fn fetch_sends_only_the_window_given() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(STATISTICS))
        .respond_with(ResponseTemplate::new(200).set_body_json(fixture("worker_statistics.json")))
        .expect(2)
        .mount(&server)
        .await;
    let client = twilio_client(&server, BASE_URL);
    let (workspace, worker) = ("WSaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "WKaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");

    let last_hours = WorkerStatisticsParams {
        minutes: Some(240),
        task_channel: Some("voice".into()),
        ..WorkerStatisticsParams::default()
    };
    let stats = WorkerStatistics::fetch(&client, workspace, worker, &last_hours).await.unwrap();
    let start = DateTime::parse_from_rfc3339("2008-01-02T09:00:00+09:00").unwrap();
    let window = WorkerStatisticsParams {
        start_date: Some(start.with_timezone(&Utc)),
        end_date: Some(Utc.with_ymd_and_hms(2008, 1, 3, 0, 0, 0).unwrap()),
        ..WorkerStatisticsParams::default()
    };
    WorkerStatistics::fetch(&client, workspace, worker, &window).await.unwrap();

    let requests = received(&server).await;
    assert_eq!(requests.len(), 2);
    Sent(&requests[0])
        .method("GET")
        .path(STATISTICS)
        .query(&[("Minutes", "240"), ("TaskChannel", "voice")])
        .twilio_auth()
        .no_body();
    Sent(&requests[1])
        .method("GET")
        .path(STATISTICS)
        .query(&[("StartDate", "2008-01-02T00:00:00Z"), ("EndDate", "2008-01-03T00:00:00Z")])
        .twilio_auth()
        .no_body();

    assert_eq!(stats.worker_sid.as_deref(), Some(worker));
    let cumulative = stats.cumulative.unwrap();
    assert_eq!(cumulative.reservations_rescinded, Some(100));
    let names: Vec<_> =
        cumulative.activity_durations.iter().map(|a| a.friendly_name.as_deref().unwrap()).collect();
    assert_eq!(names, ["Offline", "Busy", "Idle", "Reserved"]);
    assert_eq!(cumulative.activity_durations[1].total, Some(8100));
    assert_eq!(cumulative.start_time, Some(Utc.with_ymd_and_hms(2008, 1, 2, 0, 0, 0).unwrap()));
}
