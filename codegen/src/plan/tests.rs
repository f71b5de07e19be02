use serde_json::json;

use super::name::{pascal_case, singular};
use super::*;

#[test]
fn list_path_guess_matches_the_derive() {
    for (path, list) in [
        ("/v1/Rooms/{RoomSid}/Participants/{Sid}", "/v1/Rooms/{RoomSid}/Participants"),
        (
            "/2010-04-01/Accounts/{AccountSid}/Messages/{Sid}.json",
            "/2010-04-01/Accounts/{AccountSid}/Messages.json",
        ),
        ("/2010-04-01/Accounts/{Sid}.json", "/2010-04-01/Accounts.json"),
        ("/x/Items/{Sid}-v2.json", "/x/Items.json"),
        ("/x/Items/{Sid}.v1.1", "/x/Items"),
        ("/x/Items.json/{Sid}.json", "/x/Items.json"),
        ("/x/{A}/{B}.json", "/x/{A}.json"),
        ("/{Sid}.json", ""),
    ] {
        assert_eq!(list_path_guess(path), list, "{path}");
    }
    assert!(is_instance_path("/v1/Rooms/{Sid}"));
    assert!(is_instance_path("/2010-04-01/Accounts/{Sid}.json"));
    assert!(!is_instance_path("/v1/Rooms/{RoomSid}/RecordingRules"));
    assert!(!is_instance_path("/2010-04-01/Accounts.json"));
}

#[test]
fn kinds_come_from_the_operation_id_prefix() {
    assert_eq!(Kind::from_operation_id("FetchRoom"), Some(Kind::Fetch));
    assert_eq!(Kind::from_operation_id("PatchOrganizationUser"), Some(Kind::Patch));
    assert_eq!(Kind::from_operation_id("ListGetKeys"), Some(Kind::List));
    assert_eq!(Kind::from_operation_id("RemoveRoom"), None);
    assert!(Kind::Update.allows("PUT") && Kind::Update.allows("PATCH") && !Kind::Fetch.allows("POST"));
}

#[test]
fn names_are_pascal_case_and_singular() {
    assert_eq!(pascal_case("available_phone_number_country"), "AvailablePhoneNumberCountry");
    assert_eq!(pascal_case("presigned-url"), "PresignedUrl");
    assert_eq!(pascal_case("IncomingPhoneNumbers"), "IncomingPhoneNumbers");
    for (plural, one) in [
        ("Messages", "Message"),
        ("Activities", "Activity"),
        ("Addresses", "Address"),
        ("IpAddresses", "IpAddress"),
        ("HighRiskSpecialPrefixes", "HighRiskSpecialPrefix"),
        ("Status", "Status"),
        ("Keys", "Key"),
        ("Services", "Service"),
        ("Local", "Local"),
    ] {
        assert_eq!(singular(plural), one, "{plural}");
    }
}

#[test]
fn a_missing_paths_object_is_an_error() {
    let err = plan(&json!({}), "twilio_x_v1").unwrap_err();
    assert_eq!(err.file, "twilio_x_v1");
    assert!(err.message.contains("`paths`"), "{err}");
}
