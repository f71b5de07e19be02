//! A non-Twilio API with its own paging shape: GitHub issues paged by `Link` headers, with
//! the guarantees of sidekick's pager (limits, loops, other origins).

use downstream::github::{API_VERSION, BASE_URL, Issue, IssueFilter, IssueState};
use futures::{StreamExt, TryStreamExt};
use serde_json::{Value, json};
use sidekick::Error;
use wiremock::matchers::{method, path, query_param, query_param_is_missing};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::support::*;

const ISSUES: &str = "/repos/octo/hello/issues";
const TOKEN: &str = "github_pat_downstream";

fn issue(n: u64) -> Value {
    json!({
        "id": 1000 + n,
        "number": n,
        "title": format!("Issue {n}"),
        "state": "open",
        "body": null,
        "user": {"login": "octocat", "id": 1},
        "labels": [{"name": "bug", "color": "d73a4a"}],
        "comments": n,
        "html_url": format!("https://github.com/octo/hello/issues/{n}"),
        "created_at": "2024-01-01T00:00:00Z",
        "updated_at": "2024-01-02T00:00:00Z",
        "closed_at": null
    })
}

/// A page of these issues with this `Link` header (none when empty).
fn issues_page(numbers: &[u64], link: &str) -> ResponseTemplate {
    let body: Vec<Value> = numbers.iter().map(|n| issue(*n)).collect();
    let template = ResponseTemplate::new(200).set_body_json(body);
    if link.is_empty() { template } else { template.insert_header("Link", link) }
}

/// Mounts pages: the first answers requests without `page`, page n those with `page=n`.
async fn mount(server: &MockServer, pages: Vec<ResponseTemplate>) {
    for (i, page) in pages.into_iter().enumerate() {
        let mock = Mock::given(method("GET")).and(path(ISSUES));
        let mock = match i {
            0 => mock.and(query_param_is_missing("page")),
            i => mock.and(query_param("page", (i + 1).to_string())),
        };
        mock.respond_with(page).mount(server).await;
    }
}

fn client(server: &MockServer) -> sidekick::Client {
    bearer_client(server, BASE_URL, TOKEN)
}

fn open_bugs() -> IssueFilter {
    IssueFilter { state: Some(IssueState::Open), labels: Some("bug".into()), ..IssueFilter::default() }
}

fn numbers(issues: &[Issue]) -> Vec<u64> {
    issues.iter().map(|i| i.number).collect()
}

#[tokio::test]
async fn link_headers_are_followed_across_three_pages() {
    let server = MockServer::start().await;
    let at = |page: u32| format!("{}{ISSUES}?state=open&labels=bug&per_page=2&page={page}", server.uri());
    // GitHub answers with its own host: a link on the declared base goes through the override.
    let canonical = |page: u32| format!("{BASE_URL}{ISSUES}?state=open&labels=bug&per_page=2&page={page}");
    mount(
        &server,
        vec![
            issues_page(&[1, 2], &format!(r#"<{}>; rel="next", <{}>; rel="last""#, at(2), at(3))),
            issues_page(&[3, 4], &format!(r#"<{}>; rel="prev", <{}>; rel="next""#, at(1), canonical(3))),
            issues_page(&[5], &format!(r#"<{}>; rel="prev", <{}>; rel="first""#, canonical(2), canonical(1))),
        ],
    )
    .await;

    let pages: Vec<_> = Issue::list(&client(&server), "octo", "hello", &open_bugs())
        .page_size(2)
        .pages()
        .try_collect()
        .await
        .unwrap();

    let all: Vec<u64> = pages.iter().flat_map(|p| numbers(&p.items)).collect();
    assert_eq!(all, [1, 2, 3, 4, 5]);
    assert_eq!(pages[0].meta.last.as_deref(), Some(at(3).as_str()));
    assert_eq!(pages[2].meta.next, None);
    let requests = received(&server).await;
    assert_eq!(requests.len(), 3);
    let expected = [
        vec![("state", "open"), ("labels", "bug"), ("per_page", "2")],
        vec![("state", "open"), ("labels", "bug"), ("per_page", "2"), ("page", "2")],
        vec![("state", "open"), ("labels", "bug"), ("per_page", "2"), ("page", "3")],
    ];
    for (request, query) in requests.iter().zip(expected) {
        Sent(request)
            .method("GET")
            .path(ISSUES)
            .query(&query)
            .bearer(TOKEN)
            .header("x-github-api-version", API_VERSION)
            .no_body();
    }
    let first = &pages[0].items[0];
    assert_eq!((first.id, first.state, first.comments), (1001, IssueState::Open, Some(1)));
    assert_eq!(first.user.as_ref().unwrap().login, "octocat");
    assert_eq!(first.labels[0].name, "bug");
}

#[tokio::test]
async fn a_limit_sets_per_page_and_stops_without_another_request() {
    let server = MockServer::start().await;
    let at = |page: u32| format!("{}{ISSUES}?per_page=3&page={page}", server.uri());
    mount(&server, vec![issues_page(&[1, 2, 3], &format!(r#"<{}>; rel="next""#, at(2)))]).await;
    let none = IssueFilter { api_version: None, ..IssueFilter::default() };

    let three = Issue::list(&client(&server), "octo", "hello", &none).limit(3).collect().await.unwrap();

    assert_eq!(numbers(&three), [1, 2, 3]);
    let request = only_request(&server).await;
    Sent(&request)
        .method("GET")
        .path(ISSUES)
        .query(&[("per_page", "3")])
        .bearer(TOKEN)
        .no_header("x-github-api-version");

    // Beyond GitHub's maximum of 100, refused before sending.
    let err =
        Issue::list(&client(&server), "octo", "hello", &none).page_size(101).collect().await.unwrap_err();
    assert!(matches!(err, Error::InvalidInput(_)), "{err:?}");
    assert_eq!(received(&server).await.len(), 1);
}

#[tokio::test]
async fn a_limit_inside_a_later_page_cuts_it_short() {
    let server = MockServer::start().await;
    let at = |page: u32| format!("{}{ISSUES}?per_page=2&page={page}", server.uri());
    mount(
        &server,
        vec![
            issues_page(&[1, 2], &format!(r#"<{}>; rel="next""#, at(2))),
            issues_page(&[3, 4], &format!(r#"<{}>; rel="next""#, at(3))),
            issues_page(&[5], ""),
        ],
    )
    .await;

    let three = Issue::list(&client(&server), "octo", "hello", &IssueFilter::default())
        .page_size(2)
        .limit(3)
        .collect()
        .await;

    assert_eq!(numbers(&three.unwrap()), [1, 2, 3]);
    let requests = received(&server).await;
    assert_eq!(requests.len(), 2, "page 3 is never asked for");
    Sent(&requests[1]).query(&[("per_page", "2"), ("page", "2")]);
}

#[tokio::test]
async fn a_link_back_to_a_fetched_page_ends_with_a_paging_error() {
    let server = MockServer::start().await;
    let at = |page: u32| format!("{}{ISSUES}?per_page=2&page={page}", server.uri());
    mount(
        &server,
        vec![
            issues_page(&[1, 2], &format!(r#"<{}>; rel="next""#, at(2))),
            issues_page(&[3, 4], &format!(r#"<{}>; rel="next""#, at(3))),
            issues_page(&[5, 6], &format!(r#"<{}>; rel="next""#, at(2))),
        ],
    )
    .await;

    let results: Vec<_> = Issue::list(&client(&server), "octo", "hello", &IssueFilter::default())
        .page_size(2)
        .stream()
        .collect()
        .await;

    let (items, errors): (Vec<_>, Vec<_>) = results.into_iter().partition(Result::is_ok);
    let items: Vec<Issue> = items.into_iter().map(Result::unwrap).collect();
    assert_eq!(numbers(&items), [1, 2, 3, 4, 5, 6]);
    assert_eq!(errors.len(), 1);
    let err = errors.into_iter().next().unwrap().unwrap_err();
    assert!(matches!(err, Error::Paging(_)), "{err:?}");
    assert_eq!(received(&server).await.len(), 3, "page 2 is not fetched twice");
}

#[tokio::test]
async fn a_link_to_another_origin_is_refused_and_never_contacted() {
    let server = MockServer::start().await;
    let other = MockServer::start().await;
    Mock::given(method("GET")).respond_with(issues_page(&[99], "")).mount(&other).await;
    let elsewhere = format!("{}{ISSUES}?per_page=2&page=2", other.uri());
    mount(&server, vec![issues_page(&[1, 2], &format!(r#"<{elsewhere}>; rel="next""#))]).await;

    let err = Issue::list(&client(&server), "octo", "hello", &IssueFilter::default())
        .page_size(2)
        .collect()
        .await
        .unwrap_err();

    assert!(matches!(err, Error::Paging(_)), "{err:?}");
    assert_eq!(received(&server).await.len(), 1);
    assert_eq!(received(&other).await.len(), 0, "the other origin must not see the request or the token");
}
