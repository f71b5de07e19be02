//! The generated conformance tests: one per operation, calling the generated method against a
//! loopback server that answers with the description's example (see `conformance/tests`).

use std::collections::BTreeMap;

use super::resource::{CallPlan, Reading};
use super::{GENERATED, ModuleFiles};
use crate::plan::Kind;
use crate::types::field_name;

/// The directory of the generated tests, relative to the repository root.
pub(crate) const TEST_DIR: &str = "conformance/tests/operations";

/// `main.rs` and one file per module.
pub(crate) fn test_files(modules: &[ModuleFiles]) -> BTreeMap<String, String> {
    let mut files = BTreeMap::new();
    let mut main = format!("{GENERATED}\n\n");
    main.push_str(
        "//! One test per operation of Twilio's descriptions: the generated method sends the described\n\
         //! method and path to a loopback server, which answers with the described example, and the\n\
         //! answer decodes into the generated type.\n\nmod mock;\n\n",
    );
    for module in modules {
        let name = module.module.test_name();
        main.push_str(&format!("mod {name};\n"));
        let mut text = format!("{GENERATED}\n\n");
        text.push_str(&format!(
            "use sidekick::twilio::{}::*;\n\nuse crate::mock::Mock;\n",
            module.module.path()
        ));
        let stem = format!("twilio_{}", name);
        for call in &module.calls {
            text.push('\n');
            text.push_str(&test_fn(&stem, call));
        }
        files.insert(format!("{TEST_DIR}/{name}.rs"), text);
    }
    files.insert(format!("{TEST_DIR}/main.rs"), main);
    files
}

fn test_fn(stem: &str, call: &CallPlan) -> String {
    let name = field_name(&call.operation_id);
    let method = call.kind.key();
    let mut arguments = vec!["&mock.client".to_owned()];
    arguments.extend(call.arguments.iter().map(|a| format!("{a:?}")));
    if let Some(params) = &call.params {
        // Every parameter set: each must arrive where the description puts it.
        let name = params.name.replacen('<', "::<", 1);
        let setters: String =
            params.setters.iter().map(|(setter, value)| format!(".{setter}({value})")).collect();
        arguments.push(format!("&{name}::new({}){setters}", params.samples.join(", ")));
    }
    let call_text = format!("{}::{method}({})", call.resource, arguments.join(", "));
    let check = match (&call.reading, call.kind) {
        (_, Kind::List) => {
            format!("mock.check_page({call_text}.first_page().await.map(|page| page.items)).await;")
        }
        (Reading::Redirect, _) => format!("mock.check_redirect({call_text}.await).await;"),
        (Reading::Empty, _) => format!("mock.check_empty({call_text}.await).await;"),
        (Reading::Json(_), _) => format!("mock.check_json({call_text}.await).await;"),
    };
    format!(
        "#[tokio::test]\nasync fn {name}() {{\n    let mock = Mock::start({stem:?}, {:?}).await;\n    {check}\n}}\n",
        call.operation_id
    )
}
