//! The planning step over every committed extract file, against the totals of
//! `docs/twilio-spec-survey.md` §3.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;
use sidekick_codegen::{Kind, default_out_dir, plan, read_extracts};

/// Every committed extract file: its stem and content.
fn extracts() -> Vec<(String, Value)> {
    read_extracts(&default_out_dir()).unwrap_or_else(|e| panic!("{e}"))
}

/// Resources with operations per file, from the survey (§3), without the `twilio_` prefix.
const SURVEY_PER_FILE: &[(&str, usize)] = &[
    ("accounts_v1", 8),
    ("api_v2010", 71),
    ("assistants_v1", 12),
    ("bulkexports_v1", 5),
    ("chat_v1", 9),
    ("chat_v2", 12),
    ("chat_v3", 1),
    ("content_v1", 5),
    ("content_v2", 2),
    ("conversations_v1", 29),
    ("events_v1", 8),
    ("flex_v1", 29),
    ("flex_v2", 2),
    ("frontline_v1", 1),
    ("iam_organizations", 5),
    ("iam_scim", 0),
    ("iam_v1", 5),
    ("insights_v1", 11),
    ("insights_v2", 3),
    ("intelligence_v2", 13),
    ("ip_messaging_v1", 9),
    ("ip_messaging_v2", 12),
    ("knowledge_v1", 3),
    ("lookups_v1", 1),
    ("lookups_v2", 5),
    ("marketplace_v1", 8),
    ("messaging_v1", 22),
    ("messaging_v2", 3),
    ("messaging_v3", 1),
    ("monitor_v1", 2),
    ("monitor_v2", 2),
    ("notify_v1", 4),
    ("numbers_v1", 11),
    ("numbers_v2", 16),
    ("numbers_v3", 1),
    ("oauth_v1", 2),
    ("oauth_v2", 2),
    ("preview", 11),
    ("pricing_v1", 4),
    ("pricing_v2", 4),
    ("proxy_v1", 6),
    ("routes_v2", 3),
    ("serverless_v1", 12),
    ("studio_v1", 9),
    ("studio_v2", 8),
    ("supersim_v1", 12),
    ("sync_v1", 11),
    ("taskrouter_v1", 26),
    ("trunking_v1", 6),
    ("trusthub_v1", 18),
    ("verify_v2", 21),
    ("verify_v3", 0),
    ("video_v1", 14),
    ("voice_v1", 10),
    ("wireless_v1", 6),
];

#[test]
fn every_committed_extract_plans_as_the_survey_counted() {
    let files = extracts();
    assert_eq!(files.len(), 55);
    let (mut pairs, mut instance_only, mut list_only, mut operations, mut overrides) = (0, 0, 0, 0, 0);
    let mut per_file = Vec::new();
    for (stem, extract) in &files {
        let resources = plan(extract, stem).unwrap_or_else(|e| panic!("{e}"));
        per_file.push((stem.trim_start_matches("twilio_").to_owned(), resources.len()));

        // Every operation of the file is in exactly one resource, at its own path and method.
        let mut expected = BTreeSet::new();
        for (path, item) in extract["paths"].as_object().unwrap() {
            for (method, op) in
                item.as_object().unwrap().iter().filter(|(k, _)| *k != "x-twilio" && *k != "servers")
            {
                expected.insert((
                    op["operationId"].as_str().unwrap().to_owned(),
                    method.to_uppercase(),
                    path.clone(),
                ));
            }
        }
        let placed: Vec<_> = resources
            .iter()
            .flat_map(|r| &r.operations)
            .map(|o| (o.operation_id.clone(), o.method.clone(), o.path.clone()))
            .collect();
        assert_eq!(placed.len(), expected.len(), "{stem}: an operation is placed twice");
        assert_eq!(placed.into_iter().collect::<BTreeSet<_>>(), expected, "{stem}");

        let mut names = BTreeSet::new();
        for r in &resources {
            let kinds: BTreeSet<Kind> = r.operations.iter().map(|o| o.kind).collect();
            assert_eq!(kinds.len(), r.operations.len(), "{stem} {}: two operations of one kind", r.name);
            assert!(!r.operations.is_empty(), "{stem} {}", r.name);
            for o in &r.operations {
                let own = [r.instance_path.as_deref(), r.list_path.as_deref()];
                assert!(
                    own.contains(&Some(o.path.as_str())),
                    "{stem} {}: {} is elsewhere",
                    r.name,
                    o.operation_id
                );
            }
            assert!(
                r.name.starts_with(|c: char| c.is_ascii_uppercase())
                    && r.name.chars().all(|c| c.is_ascii_alphanumeric()),
                "{stem}: `{}` is not a PascalCase identifier",
                r.name
            );
            assert!(names.insert(r.name.as_str()), "{stem}: two resources are named `{}`", r.name);
            match (&r.instance_path, &r.list_path) {
                (Some(_), Some(_)) => pairs += 1,
                (Some(_), None) => instance_only += 1,
                (None, _) => list_only += 1,
            }
            operations += r.operations.len();
            overrides += r.operations.iter().filter(|o| o.needs_path_override).count();
        }
    }
    assert_eq!(operations, 1447);
    assert_eq!((pairs, instance_only, list_only), (313, 19, 184));
    assert_eq!(pairs + instance_only + list_only, 516);
    assert_eq!(overrides, 124);
    let survey: Vec<(String, usize)> = SURVEY_PER_FILE.iter().map(|(f, n)| ((*f).to_owned(), *n)).collect();
    assert_eq!(per_file, survey);
}

#[test]
fn the_survey_examples_plan_as_described() {
    let files: BTreeMap<String, Value> = extracts().into_iter().collect();
    let resources = |stem: &str| plan(&files[stem], stem).unwrap();
    // The 3 split pairs.
    let iam = resources("twilio_iam_v1");
    assert!(iam.iter().any(|r| r.list_path.as_deref() == Some("/v1/Keys") && r.instance_path.is_none()));
    let numbers = resources("twilio_numbers_v1");
    assert!(
        numbers
            .iter()
            .any(|r| r.path() == "/v1/Porting/Configuration/Webhook/{WebhookType}" && r.list_path.is_none())
    );
    // The one PUT update + PATCH.
    let orgs = resources("twilio_iam_organizations");
    let user = orgs.iter().find(|r| r.operation(Kind::Patch).is_some()).unwrap();
    assert_eq!(user.operation(Kind::Patch).unwrap().operation_id, "PatchOrganizationUser");
    assert_eq!(user.operation(Kind::Update).unwrap().method, "PUT");
    // The create on a paired instance path (assistants attachments) needs its path.
    let assistants = resources("twilio_assistants_v1");
    let create = assistants
        .iter()
        .flat_map(|r| &r.operations)
        .find(|o| o.operation_id == "CreateAssistantKnowledgeAttachment");
    assert!(create.unwrap().needs_path_override);
    // Resources named like prelude items take their parent: `BundleClone`, not `Clone`.
    let names: Vec<String> = resources("twilio_numbers_v2").into_iter().map(|r| r.name).collect();
    assert!(
        names.contains(&"BundleClone".to_owned()) && names.contains(&"BundleCopy".to_owned()),
        "{names:?}"
    );
    for file in files.keys() {
        for resource in resources(file) {
            assert!(
                !sidekick_codegen::plan::TAKEN.contains(&resource.name.as_str()),
                "{file}: {}",
                resource.name
            );
        }
    }
}
