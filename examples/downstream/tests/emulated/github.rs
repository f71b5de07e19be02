//! A non-Twilio API served from its types: GitHub's issues, authenticated by a bearer token,
//! with bare-array pages linked by `Link` headers (the crate's own `LinkHeader` shape), for
//! which the test gives the emulator the wire form.

use downstream::github::{BASE_URL, Issue, IssueFilter, IssueState};
use futures::TryStreamExt;
use serde_json::{Value, json};
use sidekick::Client;
use sidekick_emulator::{
    Emulator, ListQuery, PageFormat, PageRequest, PageResponse, PageStart, ParamError, Registration,
    ServedPage,
};

/// GitHub's pages: `per_page` (default 30, at most 100) and a 1-based `page`; a bare array,
/// with `next`, `prev`, `first` and `last` in a `Link` header.
struct GitHubPages;

impl PageFormat for GitHubPages {
    fn page_request(query: &ListQuery<'_>) -> Result<PageRequest, ParamError> {
        let size = query.page_size("per_page", 30, 100)?;
        let page = query.number("page")?.unwrap_or(1).max(1);
        Ok(PageRequest { size, index: page, start: PageStart::Skip((page - 1).saturating_mul(size as u64)) })
    }

    fn page_response(mut page: ServedPage<'_>) -> PageResponse {
        let items = std::mem::take(&mut page.items);
        let link = |n: u64, rel: &str| {
            format!(
                "<{}>; rel=\"{rel}\"",
                page.url_with(&[("per_page", page.size.to_string()), ("page", n.to_string())])
            )
        };
        let last = page.total.div_ceil(page.size as u64).max(1);
        let mut links = Vec::new();
        if page.has_next() {
            links.extend([link(page.index + 1, "next"), link(last, "last")]);
        }
        if page.index > 1 {
            links.extend([link(1, "first"), link(page.index - 1, "prev")]);
        }
        let mut response = PageResponse::json(Value::Array(items));
        if !links.is_empty() {
            response.headers.push(("link".to_owned(), links.join(", ")));
        }
        response
    }
}

fn issue(number: u64, title: &str, state: &str) -> Value {
    json!({"id": 1000 + number, "number": number, "title": title, "state": state})
}

async fn emulator() -> Emulator {
    let emu = Emulator::builder().bearer_token("github_pat_test").start().await.unwrap();
    emu.register_with(Registration::<Issue>::new().page_format::<GitHubPages>()).unwrap();
    emu
}

fn client(emu: &Emulator) -> Client {
    Client::builder()
        .bearer_token(emu.bearer_token())
        .base_url_override(BASE_URL, emu.base_url())
        .build()
        .unwrap()
}

#[tokio::test]
async fn issues_are_fetched_by_number_and_listed_by_link_headers() {
    let emu = emulator().await;
    for n in 1..=7 {
        let state = if n % 3 == 0 { "closed" } else { "open" };
        let seeded: Issue =
            emu.insert(&["rust-lang", "rust"], issue(n, &format!("Issue {n}"), state)).unwrap();
        assert_eq!(seeded.number, n);
    }
    emu.insert::<Issue>(&["tokio-rs", "tokio"], issue(1, "Elsewhere", "open")).unwrap();
    let client = client(&emu);

    let one = Issue::fetch(&client, "rust-lang", "rust", "3").await.unwrap();
    assert_eq!((one.id, one.title.as_str(), one.state), (1003, "Issue 3", IssueState::Closed));
    assert_eq!(Issue::fetch(&client, "tokio-rs", "tokio", "1").await.unwrap().title, "Elsewhere");
    let missing = Issue::fetch(&client, "rust-lang", "rust", "99").await.unwrap_err();
    assert_eq!(missing.status().map(|s| s.as_u16()), Some(404));

    let all = IssueFilter::default();
    let pages: Vec<_> =
        Issue::list(&client, "rust-lang", "rust", &all).page_size(3).pages().try_collect().await.unwrap();
    assert_eq!(pages.iter().map(|p| p.items.len()).collect::<Vec<_>>(), [3, 3, 1]);
    assert!(pages[0].meta.next.as_deref().unwrap().contains("page=2"), "{:?}", pages[0].meta);
    assert!(pages[1].meta.prev.as_deref().unwrap().contains("page=1"));
    assert_eq!(pages[2].meta.next, None);
    let numbers: Vec<u64> = pages.iter().flat_map(|p| &p.items).map(|i| i.number).collect();
    assert_eq!(numbers, [1, 2, 3, 4, 5, 6, 7]);

    let closed = IssueFilter { state: Some(IssueState::Closed), ..IssueFilter::default() };
    let closed = Issue::list(&client, "rust-lang", "rust", &closed).collect().await.unwrap();
    assert_eq!(closed.iter().map(|i| i.number).collect::<Vec<_>>(), [3, 6]);
}

#[tokio::test]
async fn a_wrong_bearer_token_is_refused_and_a_closed_enum_is_checked() {
    let emu = emulator().await;
    let wrong =
        Client::builder().bearer_token("nope").base_url_override(BASE_URL, emu.base_url()).build().unwrap();
    let refused = Issue::fetch(&wrong, "rust-lang", "rust", "1").await.unwrap_err();
    assert_eq!(refused.status().map(|s| s.as_u16()), Some(401));
    let bad = emu.insert::<Issue>(&["rust-lang", "rust"], issue(1, "Bad", "reopened")).unwrap_err();
    assert!(bad.to_string().contains("open, closed, all"), "{bad}");
}

#[tokio::test]
async fn a_custom_shape_without_a_format_is_refused_at_registration() {
    let emu = Emulator::start().await.unwrap();
    let refused = emu.register::<Issue>().unwrap_err();
    assert!(refused.to_string().contains("Registration::page_format"), "{refused}");
}
