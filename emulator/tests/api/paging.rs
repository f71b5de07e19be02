//! Paging: following `next_page_url`, stable tokens under concurrent joins, `Page` indexes.

use std::collections::HashSet;

use serde_json::Value;

use crate::support::{Api, field};

const LIST: &str = "/v1/Rooms/Big/Participants";

fn assert_unique(items: &[Value]) -> HashSet<String> {
    let sids: HashSet<String> = field(items, "sid").into_iter().map(str::to_owned).collect();
    assert_eq!(sids.len(), items.len(), "duplicate SIDs");
    sids
}

#[tokio::test]
async fn ten_thousand_participants_page_exactly_at_any_page_size() {
    let api = Api::start().await;
    api.emu.create_room("Big").unwrap();
    api.emu.seed_participants("Big", 10_000).unwrap();

    for (size, pages) in [("1000", 10), ("50", 200)] {
        let mut page = api.get_query(LIST, &[("PageSize", size)]).await;
        let mut items = Vec::new();
        let mut seen_pages = 0;
        loop {
            assert_eq!(page.status, 200, "{}", page.text);
            assert_eq!(page.json["meta"]["page"], seen_pages);
            assert_eq!(page.json["meta"]["page_size"], size.parse::<u64>().unwrap());
            items.extend(page.json["participants"].as_array().unwrap().iter().cloned());
            seen_pages += 1;
            match page.json["meta"]["next_page_url"].as_str() {
                Some(next) => {
                    assert!(next.starts_with(&api.emu.base_url()), "{next}");
                    assert!(next.contains(&format!("PageSize={size}")), "{next}");
                    assert!(next.contains(&format!("Page={seen_pages}")), "{next}");
                    assert!(next.contains("PageToken="), "{next}");
                    page = api.get_url(next).await;
                }
                None => break,
            }
        }
        assert_eq!(seen_pages, pages, "page size {size}");
        assert_eq!(items.len(), 10_000);
        assert_unique(&items);
        // Creation order.
        assert_eq!(items[0]["identity"], "user-0");
        assert_eq!(items[9_999]["identity"], "user-9999");
    }
}

#[tokio::test]
async fn joins_and_kicks_while_paging_cause_no_duplicates_or_skips() {
    let api = Api::start().await;
    api.emu.create_room("Big").unwrap();
    api.emu.seed_participants("Big", 100).unwrap();
    let original: HashSet<String> =
        (0..100).map(|i| api.emu.participant("Big", &format!("user-{i}")).unwrap().sid).collect();

    let mut page = api.get_query(LIST, &[("PageSize", "10")]).await;
    let mut items: Vec<Value> = Vec::new();
    let mut joined = 0;
    loop {
        let batch = page.json["participants"].as_array().unwrap().clone();
        let Some(next) = page.json["meta"]["next_page_url"].as_str().map(str::to_owned) else {
            items.extend(batch);
            break;
        };
        // Between pages, kick someone already seen and let newcomers join: neither may disturb
        // the pages still to come.
        api.emu.leave("Big", batch[0]["sid"].as_str().unwrap()).unwrap();
        for _ in 0..3 {
            api.emu.join("Big", &format!("late-{joined}")).unwrap();
            joined += 1;
        }
        items.extend(batch);
        page = api.get_url(&next).await;
    }
    let sids = assert_unique(&items);
    assert!(original.is_subset(&sids), "an original participant was skipped");
    // Everyone who joined during paging joined after the page being read, so all appear.
    assert_eq!(items.len(), 100 + joined);
}

#[tokio::test]
async fn page_index_and_previous_page_url_work() {
    let api = Api::start().await;
    api.emu.create_room("Big").unwrap();
    api.emu.seed_participants("Big", 35).unwrap();

    let third = api.get_query(LIST, &[("PageSize", "10"), ("Page", "2")]).await;
    let identities = field(third.json["participants"].as_array().unwrap(), "identity");
    assert_eq!(identities.first(), Some(&"user-20"));
    assert_eq!(identities.len(), 10);
    assert_eq!(third.json["meta"]["page"], 2);

    let first = api.get_query(LIST, &[("PageSize", "10")]).await;
    let second = api.get_url(first.json["meta"]["next_page_url"].as_str().unwrap()).await;
    let back = api.get_url(second.json["meta"]["previous_page_url"].as_str().unwrap()).await;
    assert_eq!(back.json["participants"], first.json["participants"]);
    assert_eq!(back.json["meta"]["page"], 0);

    let last = api.get_query(LIST, &[("PageSize", "10"), ("Page", "3")]).await;
    assert_eq!(last.json["participants"].as_array().unwrap().len(), 5);
    assert!(last.json["meta"]["next_page_url"].is_null());
    let beyond = api.get_query(LIST, &[("PageSize", "10"), ("Page", "9")]).await;
    assert_eq!(beyond.status, 200);
    assert!(beyond.json["participants"].as_array().unwrap().is_empty());
}

#[tokio::test]
async fn next_page_urls_carry_the_filters() {
    let api = Api::start().await;
    api.emu.create_room("Big").unwrap();
    api.emu.seed_participants("Big", 30).unwrap();
    for i in 0..10 {
        api.emu.leave("Big", &format!("user-{i}")).unwrap();
    }
    let items = api.collect(LIST, &[("Status", "disconnected"), ("PageSize", "3")], "participants").await;
    assert_eq!(items.len(), 10);
    assert!(items.iter().all(|p| p["status"] == "disconnected"));
    let first = api.get_query(LIST, &[("Status", "disconnected"), ("PageSize", "3")]).await;
    let next = first.json["meta"]["next_page_url"].as_str().unwrap();
    assert!(next.contains("Status=disconnected&PageSize=3&Page=1&PageToken="), "{next}");
}
