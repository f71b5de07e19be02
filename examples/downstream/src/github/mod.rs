//! A non-Twilio API declared with the same derive: GitHub's repository issues
//! (`https://api.github.com`), authenticated with a bearer token, whose lists are bare JSON
//! arrays paged by `Link: <...>; rel="next"` headers: the [`LinkHeader`] shape of this crate.
//!
//! ```no_run
//! use downstream::github::{Issue, IssueFilter, IssueState};
//!
//! # async fn run() -> sidekick::Result<()> {
//! let client = sidekick::Client::builder().bearer_token("github_pat_...").build()?;
//! let open = IssueFilter { state: Some(IssueState::Open), ..IssueFilter::default() };
//! let first_200 = Issue::list(&client, "rust-lang", "rust", &open).page_size(100).limit(200).collect().await?;
//! let one = Issue::fetch(&client, "rust-lang", "rust", "1").await?;
//! # let _ = (first_200, one); Ok(()) }
//! ```

mod link;

pub use link::{LinkHeader, Links};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sidekick::{Params, Resource};

/// The base URL of GitHub's REST API.
pub const BASE_URL: &str = "https://api.github.com";

/// The REST API version this crate's types follow, sent as `X-GitHub-Api-Version`.
pub const API_VERSION: &str = "2022-11-28";

/// An issue (or pull request) of a repository.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Resource)]
#[resource(
    base_url = BASE_URL,
    path = "/repos/<owner>/<repo>/issues/<number>",
    fetch,
    list(params = IssueFilter, paging = LinkHeader)
)]
pub struct Issue {
    /// The global ID.
    pub id: u64,
    /// The number within the repository.
    pub number: u64,
    /// The title.
    pub title: String,
    /// `open` or `closed`.
    pub state: IssueState,
    /// The text, in Markdown.
    pub body: Option<String>,
    /// Who opened it.
    pub user: Option<GitHubUser>,
    /// Its labels.
    #[serde(default)]
    pub labels: Vec<IssueLabel>,
    /// How many comments it has.
    pub comments: Option<u32>,
    /// The web page of the issue.
    pub html_url: Option<String>,
    /// When it was opened.
    pub created_at: Option<DateTime<Utc>>,
    /// When it last changed.
    pub updated_at: Option<DateTime<Utc>>,
    /// When it was closed; `None` while open.
    pub closed_at: Option<DateTime<Utc>>,
}

/// An issue's state, or which issues a list shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum IssueState {
    /// Open.
    Open,
    /// Closed.
    Closed,
    /// Both (a list filter only).
    All,
}

/// A GitHub account, as issues name it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct GitHubUser {
    /// The account's login.
    pub login: String,
    /// The account's ID.
    pub id: Option<u64>,
}

/// A label on an issue.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct IssueLabel {
    /// The label's name.
    pub name: String,
    /// Its colour, as six hex digits.
    pub color: Option<String>,
}

/// Filters of [`Issue::list`]; `None` filters are not sent. The page size (`per_page`, at
/// most 100) and the page belong to the list request.
#[derive(Debug, Clone, Serialize, Params)]
pub struct IssueFilter {
    /// Which issues: `open` (GitHub's default), `closed` or `all`.
    pub state: Option<IssueState>,
    /// Only issues with all these labels, comma-separated.
    pub labels: Option<String>,
    /// Only issues updated at or after this time; sent as `YYYY-MM-DDTHH:MM:SSZ`.
    #[serde(with = "sidekick::timestamp::option")]
    pub since: Option<DateTime<Utc>>,
    /// The API version asked for: the `X-GitHub-Api-Version` header, [`API_VERSION`] by default.
    #[param(header)]
    #[serde(rename = "X-GitHub-Api-Version")]
    pub api_version: Option<String>,
}

impl Default for IssueFilter {
    fn default() -> Self {
        IssueFilter { state: None, labels: None, since: None, api_version: Some(API_VERSION.to_owned()) }
    }
}
