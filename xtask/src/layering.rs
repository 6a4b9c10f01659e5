//! The crates' layering, checked: no module of a crate under `crates/` imports, through a chain,
//! a module that imports it back (a circle makes two files one concept in disguise), and the
//! math crate (`crates/nn`) knows nothing of lessons: no dependency on `backstep-lesson`, no
//! `use` that names a spec, preset, timeline or session. Part of the tidy check.

use crate::modpaths::{Module, modules, paths};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Names a `use` line of the math crate must not contain (as a whole identifier).
const LESSON_WORDS: &[&str] = &[
    "backstep_lesson",
    "lesson",
    "spec",
    "Spec",
    "preset",
    "Preset",
    "timeline",
    "Timeline",
    "cycle",
    "Session",
];

/// Every problem with the layering of the crates under `root/crates`.
pub fn check(root: &Path) -> Result<Vec<String>, String> {
    let mut problems = Vec::new();
    let dir = root.join("crates");
    let entries = std::fs::read_dir(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut crates: Vec<_> = entries.flatten().map(|e| e.path()).collect();
    crates.sort();
    for krate in crates.iter().filter(|c| c.join("src").is_dir()) {
        let files = modules(&krate.join("src"))?;
        let name = krate.file_name().unwrap_or_default().to_string_lossy();
        for circle in circles(&edges(&files)) {
            let names: Vec<String> = circle.iter().map(shown).collect();
            problems.push(format!(
                "crates/{name}: modules import each other in a circle: {} (move the fact they share to the side that owns it)",
                names.join(", ")
            ));
        }
    }
    problems.extend(math_knows_no_lesson(root)?);
    Ok(problems)
}

/// The math crate's problems: a lesson dependency in its manifest or a lesson word in a `use`.
fn math_knows_no_lesson(root: &Path) -> Result<Vec<String>, String> {
    let mut problems = Vec::new();
    let manifest = std::fs::read_to_string(root.join("crates/nn/Cargo.toml"))
        .map_err(|e| format!("crates/nn/Cargo.toml: {e}"))?;
    if manifest.contains("backstep-lesson") {
        problems.push("crates/nn/Cargo.toml: the math crate depends on backstep-lesson".into());
    }
    for (module, text) in modules(&root.join("crates/nn/src"))? {
        for line in text.lines().map(str::trim) {
            let is_use = line.starts_with("use ") || line.starts_with("pub use ");
            let mut words = line.split(|c: char| !(c.is_alphanumeric() || c == '_'));
            if let Some(word) = words.find(|w| is_use && LESSON_WORDS.contains(w)) {
                problems.push(format!(
                    "crates/nn ({}): `{line}` names `{word}`: the math crate knows no lessons",
                    shown(&module)
                ));
            }
        }
    }
    Ok(problems)
}

fn shown(m: &Module) -> String {
    if m.is_empty() {
        "lib".into()
    } else {
        m.join("::")
    }
}

/// Which modules each module imports: a path's longest prefix that is a module, through
/// `crate::`, `super::`, `self::` or a child's name; a root item goes to the module the root
/// re-exports it from. Declaring a child (`mod x;`) is containment, not an import.
fn edges(files: &BTreeMap<Module, String>) -> BTreeMap<Module, BTreeSet<Module>> {
    let resolve = |full: &[String]| -> Module {
        (0..=full.len())
            .rev()
            .map(|k| full[..k].to_vec())
            .find(|p| files.contains_key(p))
            .unwrap_or_default()
    };
    // Root re-exports: `pub use a::b::{X, Y};` sends `crate::X` to `a::b`.
    let mut roots = BTreeMap::new();
    for p in files.get(&Vec::new()).map_or(Vec::new(), |c| paths(c)) {
        let m = resolve(&p);
        if !m.is_empty() && p.len() > m.len() {
            roots.insert(p[m.len()].clone(), m);
        }
    }
    let mut out = BTreeMap::new();
    for (m, text) in files {
        let mut to = BTreeSet::new();
        for p in paths(text) {
            let full: Module = match p[0].as_str() {
                "crate" => p[1..].to_vec(),
                "super" => m[..m.len().saturating_sub(1)]
                    .iter()
                    .chain(&p[1..])
                    .cloned()
                    .collect(),
                "self" => m.iter().chain(&p[1..]).cloned().collect(),
                first if files.contains_key(&[m.clone(), vec![first.into()]].concat()) => {
                    m.iter().chain(&p).cloned().collect()
                }
                _ => continue,
            };
            let mut target = resolve(&full);
            if target.is_empty() {
                match full.first().and_then(|n| roots.get(n)) {
                    Some(r) => target = r.clone(),
                    None => continue,
                }
            }
            if &target != m && !m.is_empty() {
                to.insert(target);
            }
        }
        out.insert(m.clone(), to);
    }
    out
}

/// The circles among the modules (strongly connected sets of two or more), each sorted.
fn circles(edges: &BTreeMap<Module, BTreeSet<Module>>) -> Vec<Vec<Module>> {
    let reach = |from: &Module| {
        let mut seen = BTreeSet::new();
        let mut todo = vec![from.clone()];
        while let Some(m) = todo.pop() {
            for n in edges.get(&m).into_iter().flatten() {
                if seen.insert(n.clone()) {
                    todo.push(n.clone());
                }
            }
        }
        seen
    };
    let reached: BTreeMap<&Module, BTreeSet<Module>> =
        edges.keys().map(|m| (m, reach(m))).collect();
    let mut done = BTreeSet::new();
    let mut out = Vec::new();
    for m in edges.keys() {
        if done.contains(m) || !reached[m].contains(m) {
            continue;
        }
        let set: Vec<Module> = reached[m]
            .iter()
            .filter(|n| reached[*n].contains(m))
            .cloned()
            .collect();
        done.extend(set.iter().cloned());
        out.push(set);
    }
    out
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    fn crate_at(dir: &Path, files: &[(&str, &str)]) {
        for (path, text) in files {
            let p = dir.join(path);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, text).unwrap();
        }
    }

    #[test]
    fn a_circle_and_a_lesson_word_in_the_math_are_caught() {
        let dir = std::env::temp_dir().join(format!("layering-{}", std::process::id()));
        crate_at(
            &dir,
            &[
                ("crates/nn/Cargo.toml", "[dependencies]\n"),
                ("crates/nn/src/lib.rs", "//! x\npub mod a;\npub mod b;\n"),
                (
                    "crates/nn/src/a.rs",
                    "//! a\nuse crate::b::B;\npub struct A;\n",
                ),
                (
                    "crates/nn/src/b.rs",
                    "//! b\nuse crate::{a::A};\nuse crate::spec;\n",
                ),
                (
                    "crates/lesson/src/lib.rs",
                    "//! y\npub mod t;\npub use t::T;\n",
                ),
                (
                    "crates/lesson/src/t.rs",
                    "//! t\npub mod e;\npub struct T;\n",
                ),
                ("crates/lesson/src/t/e.rs", "//! e\nuse crate::T;\n"),
            ],
        );
        let problems = super::check(&dir).unwrap();
        std::fs::remove_dir_all(&dir).unwrap();
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(problems[0].contains("crates/nn: modules import each other in a circle: a, b"));
        assert!(problems[1].contains("names `spec`"), "{problems:?}");
    }

    #[test]
    fn a_child_that_uses_its_parent_is_no_circle_until_the_parent_uses_it() {
        let files = |parent: &str| {
            [
                (vec![], String::new()),
                (vec!["t".to_string()], parent.to_string()),
                (
                    vec!["t".into(), "e".into()],
                    "use crate::t::T;\n".to_string(),
                ),
            ]
            .into_iter()
            .collect()
        };
        let apart = super::edges(&files("pub mod e;\npub struct T;\n"));
        assert!(super::circles(&apart).is_empty());
        let tied = super::edges(&files("pub mod e;\nuse e::E;\n"));
        assert_eq!(super::circles(&tied).len(), 1);
    }
}
