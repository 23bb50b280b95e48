//! The three-way merge of a `project.toml` that git's merge driver runs:
//! key by key (in tables too) against the common ancestor, with toml_edit
//! so that our file's comments, blank lines and key order stay. A key
//! changed on one side takes that side's value; added or removed on one
//! side, it is added or removed. The same key changed two ways is a
//! conflict: the merged file holds our line and their line between git's
//! conflict markers (which `check` reports), and the conflict names the key
//! and both values.

use toml_edit::{DocumentMut, Item, Table};

/// The merged text and a description of every conflict.
#[derive(Debug, PartialEq)]
pub struct Merged {
    pub text: String,
    pub conflicts: Vec<String>,
}

/// A conflict found while merging, to be written into the text.
struct Clash {
    /// The tables above the key (empty at the top level).
    table: Vec<String>,
    key: String,
    ours: Option<String>,
    theirs: Option<String>,
}

/// An item's value as text, without its comments or spacing: what two
/// sides are compared on.
fn canonical(item: &Item) -> String {
    match item {
        Item::Value(v) => {
            let mut v = v.clone();
            v.decor_mut().clear();
            v.to_string()
        }
        Item::ArrayOfTables(a) => a.iter().map(canonical_table).collect::<Vec<_>>().join("\n"),
        Item::Table(t) => canonical_table(t),
        Item::None => String::new(),
    }
}

/// A table's keys and values as text, without comments or spacing.
fn canonical_table(t: &Table) -> String {
    t.iter()
        .map(|(k, v)| format!("{k} = {}\n", canonical(v)))
        .collect()
}

/// The entries of a list of tables (`[[stages]]`) as text; an absent key
/// is an empty list; `None` for any other item.
fn entries(item: Option<&Item>) -> Option<Vec<String>> {
    match item {
        None => Some(Vec::new()),
        Some(Item::ArrayOfTables(a)) => Some(a.iter().map(canonical_table).collect()),
        Some(_) => None,
    }
}

fn parse(what: crate::msg::Msg, text: &str) -> Result<DocumentMut, String> {
    text.parse::<DocumentMut>().map_err(|e| {
        tr!(
            MergeSideNotToml,
            side = crate::msg::text(what, &[]),
            error = e.message()
        )
    })
}

/// Merges `ours` and `theirs` against their common ancestor `base`. An
/// error means a side does not parse as TOML.
pub fn merge(base: &str, ours: &str, theirs: &str) -> Result<Merged, String> {
    use crate::msg::Msg;
    let base = parse(Msg::MergeBase, base)?;
    let mut merged = parse(Msg::MergeOurs, ours)?;
    let theirs = parse(Msg::MergeTheirs, theirs)?;
    let mut clashes = Vec::new();
    merge_table(
        &[],
        Some(base.as_table()),
        merged.as_table_mut(),
        theirs.as_table(),
        &mut clashes,
    );
    let mut text = merged.to_string();
    let conflicts = clashes
        .iter()
        .map(|c| {
            let name = c
                .table
                .iter()
                .chain(std::iter::once(&c.key))
                .cloned()
                .collect::<Vec<_>>()
                .join(".");
            let side = |v: &Option<String>| v.clone().unwrap_or_else(|| tr!(MergeRemoved));
            tr!(
                MergeKeyClash,
                key = crate::msg::field(&name),
                ours = side(&c.ours),
                theirs = side(&c.theirs)
            )
        })
        .collect();
    for c in &clashes {
        text = mark(&text, c);
    }
    Ok(Merged { text, conflicts })
}

fn merge_table(
    path: &[String],
    base: Option<&Table>,
    ours: &mut Table,
    theirs: &Table,
    clashes: &mut Vec<Clash>,
) {
    let mut keys: Vec<String> = ours.iter().map(|(k, _)| k.to_string()).collect();
    for (k, _) in theirs.iter() {
        if !keys.iter().any(|x| x == k) {
            keys.push(k.to_string());
        }
    }
    if let Some(b) = base {
        for (k, _) in b.iter() {
            if !keys.iter().any(|x| x == k) {
                keys.push(k.to_string());
            }
        }
    }
    for key in keys {
        let b = base.and_then(|t| t.get(&key));
        let t = theirs.get(&key);
        // Tables on both sides merge key by key.
        if let (Some(Item::Table(tt)), Some(Item::Table(_))) = (t, ours.get(&key)) {
            let bt = b.and_then(Item::as_table);
            let mut sub = path.to_vec();
            sub.push(key.clone());
            let ot = ours
                .get_mut(&key)
                .and_then(Item::as_table_mut)
                .expect("checked above");
            merge_table(&sub, bt, ot, tt, clashes);
            continue;
        }
        // Lists of tables (a project's `[[stages]]` history) that both
        // sides only added to: ours, then what theirs added.
        if let (Some(bl), Some(ol), Some(tl)) = (entries(b), entries(ours.get(&key)), entries(t))
            && (ol.len() > bl.len() || tl.len() > bl.len())
            && ol.starts_with(&bl)
            && tl.starts_with(&bl)
        {
            let added: Vec<Table> = match t {
                Some(Item::ArrayOfTables(a)) => a
                    .iter()
                    .skip(bl.len())
                    .filter(|e| !ol.contains(&canonical_table(e)))
                    .cloned()
                    .collect(),
                _ => Vec::new(),
            };
            if !added.is_empty() {
                if ours.get(&key).is_none() {
                    insert_as_theirs(ours, theirs, &key, &Item::ArrayOfTables(Default::default()));
                }
                if let Some(Item::ArrayOfTables(a)) = ours.get_mut(&key) {
                    for e in added {
                        a.push(e);
                    }
                }
            }
            continue;
        }
        let (bv, ov, tv) = (
            b.map(canonical),
            ours.get(&key).map(canonical),
            t.map(canonical),
        );
        if ov == tv || tv == bv {
            continue;
        }
        if ov == bv {
            match t {
                None => {
                    ours.remove(&key);
                }
                Some(item) => match (ours.get_mut(&key), item) {
                    // Keep our comments around the value.
                    (Some(Item::Value(o)), Item::Value(v)) => {
                        let decor = o.decor().clone();
                        *o = v.clone();
                        *o.decor_mut() = decor;
                    }
                    _ => insert_as_theirs(ours, theirs, &key, item),
                },
            }
            continue;
        }
        // Changed two ways. A side that removed the key keeps the other's
        // line in the file, so both values are there to choose from.
        if ov.is_none()
            && let Some(item) = t
        {
            insert_as_theirs(ours, theirs, &key, item);
        }
        clashes.push(Clash {
            table: path.to_vec(),
            key,
            ours: ov,
            theirs: tv,
        });
    }
}

/// Puts their `key` into our table, spelled as they spell it (quotes kept).
fn insert_as_theirs(ours: &mut Table, theirs: &Table, key: &str, item: &Item) {
    match theirs.get_key_value(key) {
        Some((k, _)) => {
            ours.insert_formatted(k, item.clone());
        }
        None => {
            ours.insert(key, item.clone());
        }
    }
}

/// `text` with the line of the clashing key put between conflict markers,
/// our line first, then theirs.
fn mark(text: &str, c: &Clash) -> String {
    let mut out = String::new();
    let mut table: Vec<String> = Vec::new();
    let mut done = false;
    for line in text.split_inclusive('\n') {
        let t = line.trim();
        if t.starts_with('[') && !t.starts_with("[[") {
            let name = t.trim_start_matches('[').split(']').next().unwrap_or("");
            table = name
                .split('.')
                .map(|p| p.trim().trim_matches('"').to_string())
                .collect();
        }
        let key = t
            .split('=')
            .next()
            .map(|k| k.trim().trim_matches('"'))
            .unwrap_or("");
        if !done && t.contains('=') && key == c.key && table == c.table {
            done = true;
            let ours = match c.ours {
                Some(_) => line.trim_end_matches('\n').to_string() + "\n",
                None => String::new(),
            };
            let theirs = match &c.theirs {
                Some(v) => format!("{} = {v}\n", line_key(line)),
                None => String::new(),
            };
            out.push_str(&format!(
                "<<<<<<< ours\n{ours}=======\n{theirs}>>>>>>> theirs\n"
            ));
            continue;
        }
        out.push_str(line);
    }
    if !done {
        // No `key = value` line (a table, a list of tables): both values,
        // as comments, between markers at the end.
        let name: Vec<&str> = c
            .table
            .iter()
            .map(String::as_str)
            .chain([c.key.as_str()])
            .collect();
        let side = |v: &Option<String>| match v {
            Some(v) => v
                .lines()
                .map(|l| format!("# {}: {l}\n", name.join(".")))
                .collect::<String>(),
            None => format!("# {}: (removed)\n", name.join(".")),
        };
        if !out.ends_with('\n') && !out.is_empty() {
            out.push('\n');
        }
        out.push_str(&format!(
            "<<<<<<< ours\n{}=======\n{}>>>>>>> theirs\n",
            side(&c.ours),
            side(&c.theirs)
        ));
    }
    out
}

/// The key of a `key = value` line as written there (quotes kept).
fn line_key(line: &str) -> &str {
    line.split('=').next().unwrap_or("").trim()
}

#[cfg(test)]
mod tests {
    use super::*;

    const BASE: &str = "# 项目记录\nname = \"污水管网\"\ntype = \"municipal\"\n# 万元\ninvestment = \"7600\"\nopened = 2024-06-17\n\n[annual_plan]\n\"2024\" = \"2500\"\n";

    #[test]
    fn different_keys_merge_and_comments_stay() {
        let ours = BASE.replace(
            "opened = 2024-06-17\n",
            "opened = 2024-06-17\nstarted = 2024-11-22\n",
        );
        let theirs = BASE
            .replace("# 项目记录\n", "# 项目记录\n# 王: 已核对\n")
            .replace("investment = \"7600\"", "investment = \"8000\"  # 调整后")
            .replace(
                "\"2024\" = \"2500\"\n",
                "\"2024\" = \"2500\"\n\"2025\" = \"3000\"\n",
            );
        let m = merge(BASE, &ours, &theirs).unwrap();
        assert!(m.conflicts.is_empty(), "{:?}", m.conflicts);
        assert_eq!(
            m.text,
            "# 项目记录\nname = \"污水管网\"\ntype = \"municipal\"\n# 万元\ninvestment = \"8000\"\nopened = 2024-06-17\nstarted = 2024-11-22\n\n[annual_plan]\n\"2024\" = \"2500\"\n\"2025\" = \"3000\"\n"
        );
    }

    #[test]
    fn the_same_key_changed_two_ways_is_a_conflict_naming_both_values() {
        let ours = BASE.replace("\"2024\" = \"2500\"", "\"2024\" = \"2600\"");
        let theirs = BASE.replace("\"2024\" = \"2500\"", "\"2024\" = \"2700\"");
        let m = merge(BASE, &ours, &theirs).unwrap();
        assert_eq!(
            m.conflicts,
            ["key \"annual_plan.2024\" changed both ways: ours \"2600\", theirs \"2700\""]
        );
        assert!(
            m.text.ends_with(
                "[annual_plan]\n<<<<<<< ours\n\"2024\" = \"2600\"\n=======\n\"2024\" = \"2700\"\n>>>>>>> theirs\n"
            ),
            "{}",
            m.text
        );
    }

    #[test]
    fn stages_added_on_both_sides_are_both_kept() {
        let base = format!("{BASE}\n[[stages]]\nstage = \"building\"\ndate = 2024-07-01\n");
        let ours = format!(
            "{base}\n[[stages]]\nstage = \"suspended\"\ndate = 2024-08-01\nreason = \"资金\"\n"
        );
        let theirs = format!("{base}\n[[stages]]\nstage = \"completed\"\ndate = 2024-09-01\n");
        let m = merge(&base, &ours, &theirs).unwrap();
        assert!(m.conflicts.is_empty(), "{:?}", m.conflicts);
        assert_eq!(
            m.text,
            format!("{ours}\n[[stages]]\nstage = \"completed\"\ndate = 2024-09-01\n")
        );
        // The same entry added on both sides is kept once.
        assert_eq!(merge(&base, &ours, &ours).unwrap().text, ours);
        // An entry changed two ways is a conflict, with both in the file.
        let o2 = base.replace("2024-07-01", "2024-07-02");
        let t2 = base.replace("2024-07-01", "2024-07-03");
        let m = merge(&base, &o2, &t2).unwrap();
        assert_eq!(m.conflicts.len(), 1, "{:?}", m.conflicts);
        assert!(m.text.contains("<<<<<<< ours\n# stages: stage = \"building\"\n# stages: date = 2024-07-02\n=======\n"), "{}", m.text);
    }

    #[test]
    fn a_key_removed_on_one_side_is_removed() {
        let theirs = BASE.replace("type = \"municipal\"\n", "");
        let m = merge(BASE, BASE, &theirs).unwrap();
        assert_eq!(m.text, theirs);
        assert!(merge(BASE, "name = ", BASE).is_err());
    }
}
