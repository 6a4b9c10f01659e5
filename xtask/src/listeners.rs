//! The glass box's tools (`web/lesson/`) hear of the page through its events
//! (`web/stage/events.js`: a shown state, a new run, a language switch, the API once there),
//! never by watching the page's text with a MutationObserver or polling `window.backstep`: a
//! change to how the header renders must not break a tool elsewhere. This check fails when a
//! tool goes back to watching or polling.

use std::path::Path;

/// What a tool must not do, and why, as the failure says it.
const FORBIDDEN: [(&str, &str); 3] = [
    ("MutationObserver", "watches the page's DOM"),
    (
        "window.backstep",
        "reads the automation API from the window",
    ),
    ("setInterval", "polls"),
];

/// Problems found in `web/lesson/`, one line each.
pub fn check(root: &Path) -> Result<Vec<String>, String> {
    let dir = root.join("web").join("lesson");
    let mut problems = Vec::new();
    let entries = std::fs::read_dir(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for entry in entries.flatten() {
        let path = entry.path();
        if path.extension().is_none_or(|x| x != "js") {
            continue;
        }
        let text = std::fs::read_to_string(&path).map_err(|e| e.to_string())?;
        problems.extend(problems_in(&text).into_iter().map(|why| {
            format!(
                "{}: {why}; listen to web/stage/events.js instead",
                path.display()
            )
        }));
    }
    Ok(problems)
}

/// What one tool's source does that it must not (comments included: a tool has no reason to
/// name them).
fn problems_in(text: &str) -> Vec<&'static str> {
    FORBIDDEN
        .iter()
        .filter(|(what, _)| text.contains(what))
        .map(|(_, why)| *why)
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_tool_that_watches_the_header_or_polls_the_api_is_named() {
        let watching = "new MutationObserver(f).observe($('step-count'), {});";
        assert_eq!(super::problems_in(watching), ["watches the page's DOM"]);
        let polling = "const look = () => (window.backstep ? go() : setTimeout(look, 30));";
        assert_eq!(
            super::problems_in(polling),
            ["reads the automation API from the window"]
        );
        assert!(super::problems_in("onState(refresh);").is_empty());
    }

    #[test]
    fn the_tools_on_main_listen() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        assert_eq!(super::check(&root).unwrap(), Vec::<String>::new());
    }
}
