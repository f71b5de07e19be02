// A paging shape of the API's own, implementing `sidekick::Paging`: `list(paging = LinkHeader)`.
use serde::de::DeserializeOwned;
use sidekick::{Client, NextPage, OperationKind, Paging, RawPage, Resource};

/// A bare JSON array, with the next page in a `Link: <...>; rel="next"` header.
pub struct LinkHeader;

impl Paging for LinkHeader {
    type Meta = ();
    const PAGE_SIZE_PARAM: Option<&'static str> = Some("per_page");
    const MAX_PAGE_SIZE: u32 = 100;

    fn decode<T: DeserializeOwned>(page: &RawPage<'_>, _key: &str) -> sidekick::Result<(Vec<T>, ())> {
        Ok((page.json()?, ()))
    }

    fn next(_: &(), page: &RawPage<'_>, _items: usize) -> sidekick::Result<Option<NextPage>> {
        let link = page.headers.get("link").and_then(|v| v.to_str().ok()).unwrap_or("");
        let next = link.split(',').find(|l| l.contains(r#"rel="next""#));
        Ok(next.and_then(|l| l.split(['<', '>']).nth(1)).map(|u| NextPage::Url(u.to_owned())))
    }
}

#[derive(Debug, serde::Deserialize, Resource)]
#[resource(base_url = "https://api.example.com", path = "/v2/Exports/<kind>/Days/<day>", list(paging = LinkHeader))]
pub struct Day {
    pub day: Option<String>,
}

fn main() {
    let client = Client::new("AC123", "token");
    let _: sidekick::ListRequest<Day, LinkHeader> = Day::list(&client, "Messages").page_size(100);
    let list = Day::operation(OperationKind::List).unwrap();
    assert_eq!(list.path.to_string(), "/v2/Exports/<kind>/Days");
    assert_eq!(list.list_key, "days");
}
