//! A fake of Twilio's 2010 Messages from the `Message` type alone: create, fetch, update,
//! list across pages by `next_page_uri`, filters, delete.

use chrono::{TimeDelta, TimeZone, Utc};
use downstream::api_v2010::{API, CreateMessage, Message, MessageFilter, UpdateMessage};
use futures::TryStreamExt;
use sidekick_emulator::{Emulator, Registration};

use crate::client_for;

async fn emulator() -> Emulator {
    let emu = Emulator::start().await.expect("emulator");
    emu.clock().set(Utc.with_ymd_and_hms(2015, 7, 30, 20, 0, 0).unwrap());
    emu.register_with(Registration::<Message>::new().sid_prefix("SM")).expect("Message registers");
    emu
}

fn message(to: &str, body: &str) -> CreateMessage {
    CreateMessage {
        to: to.to_owned(),
        from: Some("+15017122661".to_owned()),
        body: Some(body.to_owned()),
        ..CreateMessage::default()
    }
}

#[tokio::test]
async fn a_created_message_is_stored_and_fetched_as_twilio_writes_it() {
    let emu = emulator().await;
    let client = client_for(&emu, API);
    let created = Message::create(&client, &message("+15558675310", "Ahoy")).await.unwrap();

    assert!(created.sid.starts_with("SM") && created.sid.len() == 34, "{}", created.sid);
    assert_eq!(created.account_sid.as_deref(), Some(emu.account_sid()));
    assert_eq!(created.to.as_deref(), Some("+15558675310"));
    assert_eq!(created.from.as_deref(), Some("+15017122661"));
    assert_eq!(created.body.as_deref(), Some("Ahoy"));
    assert_eq!(created.status, None, "without a hook, nothing moves the status");
    let at = Utc.with_ymd_and_hms(2015, 7, 30, 20, 0, 0).unwrap();
    assert_eq!(
        (created.date_created, created.date_updated),
        (Some(at), Some(at)),
        "RFC 2822 dates read back"
    );
    let uri = format!("/2010-04-01/Accounts/{}/Messages/{}.json", emu.account_sid(), created.sid);
    assert_eq!(created.uri.as_deref(), Some(uri.as_str()));

    let fetched = Message::fetch(&client, &created.sid).await.unwrap();
    assert_eq!(fetched, created);
    assert_eq!(
        emu.get::<Message>(&[emu.account_sid()], &created.sid),
        Some(created),
        "the same, read directly"
    );
}

#[tokio::test]
async fn updates_change_the_named_fields_and_the_update_time() {
    let emu = emulator().await;
    let client = client_for(&emu, API);
    let created = Message::create(&client, &message("+15558675310", "Ahoy")).await.unwrap();
    emu.clock().advance(TimeDelta::seconds(90));
    let update = UpdateMessage { body: Some(String::new()), ..UpdateMessage::default() };
    let updated = Message::update(&client, &created.sid, &update).await.unwrap();
    assert_eq!(updated.body.as_deref(), Some(""));
    assert_eq!(updated.to, created.to);
    assert_eq!(updated.date_created, created.date_created);
    assert_eq!(updated.date_updated, created.date_created.map(|d| d + TimeDelta::seconds(90)));
    assert_eq!(Message::fetch(&client, &created.sid).await.unwrap(), updated);
}

#[tokio::test]
async fn lists_follow_relative_next_page_uris_in_creation_order() {
    let emu = emulator().await;
    let client = client_for(&emu, API);
    let mut sids = Vec::new();
    for i in 0..7 {
        let to = if i % 2 == 0 { "+15550000000" } else { "+15551111111" };
        sids.push(Message::create(&client, &message(to, &format!("#{i}"))).await.unwrap().sid);
    }

    let pages: Vec<_> =
        Message::list(&client, &MessageFilter::default()).page_size(3).pages().try_collect().await.unwrap();
    assert_eq!(pages.iter().map(|p| p.items.len()).collect::<Vec<_>>(), [3, 3, 1]);
    let next = pages[0].meta.next_page_uri.as_deref().unwrap();
    assert!(
        next.starts_with(&format!("/2010-04-01/Accounts/{}/Messages.json?", emu.account_sid())),
        "{next}"
    );
    assert_eq!(pages[2].meta.next_page_uri, None);
    let listed: Vec<&str> = pages.iter().flat_map(|p| &p.items).map(|m| m.sid.as_str()).collect();
    assert_eq!(listed, sids.iter().map(String::as_str).collect::<Vec<_>>());

    let to_even = MessageFilter { to: Some("+15550000000".to_owned()), ..MessageFilter::default() };
    let even = Message::list(&client, &to_even).page_size(2).collect().await.unwrap();
    assert_eq!(even.iter().map(|m| m.body.as_deref().unwrap()).collect::<Vec<_>>(), ["#0", "#2", "#4", "#6"]);
}

#[tokio::test]
async fn a_deleted_message_is_gone_with_twilio_s_404() {
    let emu = emulator().await;
    let client = client_for(&emu, API);
    let created = Message::create(&client, &message("+15558675310", "Ahoy")).await.unwrap();
    Message::delete(&client, &created.sid).await.unwrap();
    let gone = Message::fetch(&client, &created.sid).await.unwrap_err();
    assert_eq!((gone.status().map(|s| s.as_u16()), gone.code()), (Some(404), Some(20404)), "{gone}");
    let again = Message::delete(&client, &created.sid).await.unwrap_err();
    assert_eq!(again.code(), Some(20404));
    assert!(Message::list(&client, &MessageFilter::default()).collect().await.unwrap().is_empty());
}

#[tokio::test]
async fn a_subaccount_s_messages_are_its_own() {
    let emu = emulator().await;
    let client = client_for(&emu, API);
    let sub = "ACbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
    let theirs = Message::create(&client, &message("+15558675310", "sub")).account_sid(sub).await.unwrap();
    assert_eq!(theirs.account_sid.as_deref(), Some(sub));
    let mine = Message::list(&client, &MessageFilter::default()).collect().await.unwrap();
    assert!(mine.is_empty());
    let err = Message::fetch(&client, &theirs.sid).await.unwrap_err();
    assert_eq!(err.code(), Some(20404), "another account's message is not found under mine");
    let listed = Message::list(&client, &MessageFilter::default()).account_sid(sub).collect().await.unwrap();
    assert_eq!(listed, [theirs]);
}

#[tokio::test]
async fn seeded_messages_are_typed_and_listed() {
    let emu = emulator().await;
    let seeded: Message = emu
        .insert(
            &[emu.account_sid()],
            serde_json::json!({"Body": "seeded", "to": "+15550000000", "num_segments": "1"}),
        )
        .unwrap();
    assert!(seeded.sid.starts_with("SM"));
    assert_eq!(seeded.num_segments.as_deref(), Some("1"));
    let client = client_for(&emu, API);
    assert_eq!(Message::list(&client, &MessageFilter::default()).collect().await.unwrap(), [seeded]);

    let wrong = emu.insert::<Message>(&[], serde_json::json!({}));
    assert!(wrong.unwrap_err().to_string().contains("parent"));
    let bad = emu.insert::<Message>(&[emu.account_sid()], serde_json::json!({"error_code": "not a number"}));
    assert!(bad.unwrap_err().to_string().contains("error_code"));
}

#[tokio::test]
async fn a_throttled_create_is_retried_by_the_client() {
    use sidekick::OperationKind;
    use sidekick_emulator::{Fault, Route};

    let emu = emulator().await;
    let create = Route::of::<Message>(OperationKind::Create);
    emu.faults().inject(create, Fault::TooManyRequests { retry_after_secs: 0 }, 1);
    let client = client_for(&emu, API);
    let created = Message::create(&client, &message("+15558675310", "again")).await.unwrap();
    assert_eq!(created.body.as_deref(), Some("again"));
    assert_eq!(emu.request_count(create), 2, "one 429, then the retry");
    assert_eq!(Message::list(&client, &MessageFilter::default()).collect().await.unwrap().len(), 1);
}

/// Twilio's delivery, as hooks: a new message is `queued`, and a second later it is `sent`.
fn delivering() -> Registration<Message> {
    Registration::<Message>::new()
        .sid_prefix("SM")
        .on_create(|message| {
            message.set("status", "queued");
            Ok(())
        })
        .on_read(|message| {
            let created = message.get_time("date_created");
            let due = created.is_some_and(|created| message.now() >= created + TimeDelta::seconds(1));
            if message.get_str("status") == Some("queued") && due {
                message.set("status", "sent");
                let sent = message.timestamp(created.unwrap_or_default() + TimeDelta::seconds(1));
                message.set("date_sent", sent);
            }
            Ok(())
        })
}

#[tokio::test]
async fn a_hooked_message_moves_from_queued_to_sent_with_the_clock() {
    use downstream::api_v2010::MessageStatus;

    let emu = Emulator::start().await.unwrap();
    let start = Utc.with_ymd_and_hms(2015, 7, 30, 20, 0, 0).unwrap();
    emu.clock().set(start);
    emu.register_with(delivering()).unwrap();
    let client = client_for(&emu, API);
    let created = Message::create(&client, &message("+15558675310", "Ahoy")).await.unwrap();
    assert_eq!((created.status, created.date_sent), (Some(MessageStatus::Queued), None));
    assert_eq!(Message::fetch(&client, &created.sid).await.unwrap().status, Some(MessageStatus::Queued));

    emu.clock().advance(TimeDelta::seconds(1));
    let sent = Message::fetch(&client, &created.sid).await.unwrap();
    assert_eq!(sent.status, Some(MessageStatus::Sent));
    assert_eq!(sent.date_sent, Some(start + TimeDelta::seconds(1)));
    let listed = Message::list(&client, &MessageFilter::default()).collect().await.unwrap();
    assert_eq!(listed, [sent]);
}
