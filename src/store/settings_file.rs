//! `ledger.toml`: reading it into `Settings` with a problem for every bad
//! entry, and the commented default that `taizhang init` writes.

use super::Problem;
use super::tomldoc::{self, Reader};
use crate::model::calendar::Calendar;
use crate::model::facts::{Condition, EiaClass, Land, Level, Nature, Zone};
use crate::model::settings::Limit;
use crate::model::settings::{FundsSettings, default_categories};
use crate::model::{
    BulletinSettings, CatalogueEntry, EscalationRules, Lang, ProjectType, Settings, SlowRules,
    TaskForce,
};
use std::collections::BTreeSet;
use std::path::Path;

/// The default settings, drawn from the county notice and DOMAIN.md, with
/// English comments.
const DEFAULT: &str = include_str!("../../data/ledger.default.toml");

/// The same settings with Chinese comments (`init` of a Chinese ledger).
const DEFAULT_ZH: &str = include_str!("../../data/ledger.default.zh.toml");

/// The text `taizhang init` writes, commented in `lang`.
pub fn default_text(name: &str, region: &str, lang: Lang) -> String {
    let quote = |s: &str| toml_edit::Value::from(s).to_string();
    let template = match lang {
        Lang::En => DEFAULT,
        Lang::Zh => DEFAULT_ZH,
    };
    // The placeholders sit inside quotes in the template; replace the quoted
    // placeholder with a properly escaped TOML string.
    template
        .replace("\"{name}\"", &quote(name))
        .replace("\"{region}\"", &quote(region))
        .replace(
            "\"{lang}\"",
            match lang {
                Lang::Zh => "\"zh\"",
                Lang::En => "\"en\"",
            },
        )
}

/// Reads settings; `None` when the file cannot be used at all.
pub fn read(path: &Path, text: &str) -> (Option<Settings>, Vec<Problem>) {
    let doc = match tomldoc::parse(path, text) {
        Ok(d) => d,
        Err(problems) => return (None, problems),
    };
    let mut r = Reader::new(path, text);
    let root = doc.as_table();
    let name = r.req_str(root, "name", Some(0..0)).unwrap_or_default();
    let region = r.opt_str(root, "region").unwrap_or_default();
    if !(region.is_empty() || region.len() == 6 && region.bytes().all(|b| b.is_ascii_digit())) {
        let span = root.get("region").and_then(|i| i.span());
        r.problem(span, "bad-value", tr!(BadRegionKey, text = region));
    }
    let lang = r.parsed(root, "lang", Lang::parse).unwrap_or(Lang::Zh);
    let auto_commit = r.boolean(root, "auto_commit").unwrap_or(false);

    let mut slow = SlowRules::default();
    if let Some(t) = root.get("slow").and_then(|i| i.as_table_like()) {
        let fields: [(&str, &mut i64); 8] = [
            ("start_late_yellow_days", &mut slow.start_late_yellow_days),
            ("start_late_red_days", &mut slow.start_late_red_days),
            (
                "procedures_behind_yellow_points",
                &mut slow.procedures_behind_yellow_points,
            ),
            (
                "procedures_behind_red_points",
                &mut slow.procedures_behind_red_points,
            ),
            ("stale_days", &mut slow.stale_days),
            (
                "investment_behind_yellow_points",
                &mut slow.investment_behind_yellow_points,
            ),
            (
                "investment_behind_red_points",
                &mut slow.investment_behind_red_points,
            ),
            ("progress_stale_days", &mut slow.progress_stale_days),
        ];
        for (key, slot) in fields {
            if let Some(v) = r.int(t, key) {
                *slot = v;
            }
        }
    }

    let mut calendar = Calendar::official();
    if let Some(t) = root.get("calendar").and_then(|i| i.as_table_like()) {
        let off = r.dates(t, "off");
        let work = r.dates(t, "work");
        calendar.add(&off, &work);
        if let Some(roll) = r.boolean(t, "roll_rest_days") {
            calendar.roll_rest_days = roll;
        }
    }

    let mut taskforces = Vec::new();
    for (t, span) in r.tables(root, "taskforce") {
        let key = r.req_str(t, "key", span.clone());
        let tname = r.req_str(t, "name", span.clone());
        let lead = r.req_str(t, "lead", span.clone());
        let leader = r.opt_str(t, "leader");
        // A task force missing its name or lead is still known by its key,
        // so the procedures that name it are not reported as well.
        if let Some(key) = key {
            let (name, lead) = (tname.unwrap_or_default(), lead.unwrap_or_default());
            if taskforces.iter().any(|x: &TaskForce| x.key == key) {
                r.problem(span, "duplicate-key", tr!(TaskforceTwice, key = key));
            } else {
                taskforces.push(TaskForce {
                    key,
                    name,
                    lead,
                    leader,
                });
            }
        }
    }

    let mut types = Vec::new();
    for (t, span) in r.tables(root, "type") {
        let key = r.req_str(t, "key", span.clone());
        let tname = r.req_str(t, "name", span.clone());
        if let (Some(key), Some(name)) = (key, tname) {
            if types.iter().any(|x: &ProjectType| x.key == key) {
                r.problem(span, "duplicate-key", tr!(TypeTwice, key = key));
            } else {
                types.push(ProjectType { key, name });
            }
        }
    }
    let type_keys: BTreeSet<&str> = types.iter().map(|t| t.key.as_str()).collect();

    let mut catalogue: Vec<CatalogueEntry> = Vec::new();
    for (t, span) in r.tables(root, "procedure") {
        let key = r.req_str(t, "key", span.clone());
        let pname = r.req_str(t, "name", span.clone());
        let tf = r.req_str(t, "taskforce", span.clone());
        if let Some(tf) = &tf
            && !taskforces.iter().any(|x| &x.key == tf)
        {
            let s = t.get("taskforce").and_then(|i| i.span());
            let known = taskforces
                .iter()
                .map(|x| x.key.as_str())
                .collect::<Vec<_>>()
                .join(crate::msg::list_separator());
            r.problem(
                s,
                "unknown-taskforce",
                tr!(UnknownTaskforceKnown, text = tf, list = known),
            );
        }
        let mut ptypes = Vec::new();
        match r.strings(t, "types") {
            None => r.problem(span.clone(), "missing-key", tr!(MissingTypes)),
            Some(list) => {
                for (ty, s) in list {
                    if ty != "*" && !type_keys.contains(ty.as_str()) {
                        let known = type_keys
                            .iter()
                            .copied()
                            .collect::<Vec<_>>()
                            .join(crate::msg::list_separator());
                        r.problem(
                            s,
                            "unknown-type",
                            tr!(UnknownTypeStar, text = ty, list = known),
                        );
                    } else {
                        ptypes.push(ty);
                    }
                }
            }
        }
        let limit = r.parsed(t, "limit", Limit::parse);
        let authority = r.opt_str(t, "authority").filter(|a| !a.trim().is_empty());
        let level = r.parsed(t, "level", Level::parse);
        let when = conditions(&mut r, t, "when", &type_keys);
        let mut limit_when = Vec::new();
        for (c, table) in conditions_with(&mut r, t, "limit_when", &type_keys) {
            match (table.get("limit"), r.parsed(table, "limit", Limit::parse)) {
                (None, _) => r.problem(span.clone(), "missing-key", tr!(LimitWhenNeedsLimit)),
                (Some(_), Some(l)) => limit_when.push((c, l)),
                (Some(_), None) => {}
            }
        }
        if let (Some(key), Some(name), Some(taskforce)) = (key, pname, tf) {
            if catalogue.iter().any(|x| x.key == key) {
                r.problem(span, "duplicate-key", tr!(ProcedureDefinedTwice, key = key));
            } else {
                catalogue.push(CatalogueEntry {
                    key,
                    name,
                    taskforce,
                    authority,
                    level,
                    types: ptypes,
                    when,
                    limit,
                    limit_when,
                });
            }
        }
    }
    if taskforces.is_empty() {
        r.problem(None, "missing-key", tr!(NoTaskforces));
    }
    if types.is_empty() {
        r.problem(None, "missing-key", tr!(NoTypes));
    }

    let mut zones: Vec<Zone> = Vec::new();
    for (t, span) in r.tables(root, "zone") {
        let key = r.req_str(t, "key", span.clone());
        let zname = r.req_str(t, "name", span.clone());
        let mut covers = Vec::new();
        for (k, s) in r.strings(t, "covers").unwrap_or_default() {
            if catalogue.iter().any(|c| c.key == k) {
                covers.push(k);
            } else {
                r.problem(s, "unknown-procedure", tr!(CoversUnknownProcedure, key = k));
            }
        }
        if let (Some(key), Some(name)) = (key, zname) {
            if zones.iter().any(|z| z.key == key) {
                r.problem(span, "duplicate-key", tr!(ZoneTwice, key = key));
            } else {
                zones.push(Zone { key, name, covers });
            }
        }
    }

    let mut members = Vec::new();
    for (m, span) in r.strings(root, "members").unwrap_or_default() {
        if m.trim().is_empty()
            || Path::new(&m).is_absolute()
            || m.starts_with('/')
            || m.starts_with('\\')
        {
            r.problem(span, "bad-value", tr!(MemberNotRelative, member = m));
        } else {
            members.push(m);
        }
    }

    let mut funds = FundsSettings::default();
    if let Some(t) = table(&mut r, root, "funds") {
        let fields: [(&str, &mut i64); 5] = [
            ("unpaid_yellow_days", &mut slow.funds_unpaid_yellow_days),
            ("unpaid_red_days", &mut slow.funds_unpaid_red_days),
            ("paid_yellow_percent", &mut slow.funds_paid_yellow_percent),
            (
                "bond_unstarted_yellow_days",
                &mut slow.bond_unstarted_yellow_days,
            ),
            ("bond_unstarted_red_days", &mut slow.bond_unstarted_red_days),
        ];
        for (key, slot) in fields {
            if let Some(v) = r.int(t, key) {
                *slot = v;
            }
        }
        if let Some(list) = r.strings(t, "sources") {
            funds.sources = distinct(&mut r, "sources", list);
        }
        for (key, slot) in [
            ("government", &mut funds.government),
            ("bonds", &mut funds.bonds),
        ] {
            if let Some(list) = r.strings(t, key) {
                let mut kept = Vec::new();
                for (s, span) in list {
                    if funds.sources.contains(&s) {
                        kept.push(s);
                    } else {
                        r.problem(
                            span,
                            "bad-value",
                            tr!(
                                FundsNotASource,
                                key = key,
                                value = s,
                                list = funds.sources.join(crate::msg::list_separator())
                            ),
                        );
                    }
                }
                *slot = kept;
            }
        }
    }
    let mut categories = default_categories();
    if let Some(t) = table(&mut r, root, "problems")
        && let Some(list) = r.strings(t, "categories")
    {
        categories = distinct(&mut r, "categories", list);
    }
    let mut escalation = EscalationRules {
        mechanism_after_days: 15,
        leader_after_days: 30,
    };
    if let Some(t) = table(&mut r, root, "escalation") {
        if let Some(v) = r.int(t, "mechanism_after_days") {
            escalation.mechanism_after_days = v;
        }
        if let Some(v) = r.int(t, "leader_after_days") {
            escalation.leader_after_days = v;
        }
    }
    let show_phones = table(&mut r, root, "bulletin")
        .and_then(|t| r.boolean(t, "show_phones"))
        .unwrap_or(false);

    let mut bulletin = BulletinSettings::default();
    if let Some(t) = root.get("bulletin").and_then(|i| i.as_table_like()) {
        // An empty string keeps the default (an office has a title).
        for (key, slot) in [
            ("title", &mut bulletin.title),
            ("unit", &mut bulletin.unit),
            ("signer", &mut bulletin.signer),
        ] {
            if let Some(v) = r.opt_str(t, key) {
                *slot = v.trim().to_string();
            }
        }
        for (key, slot) in [("to", &mut bulletin.to), ("cc", &mut bulletin.cc)] {
            if let Some(list) = r.strings(t, key) {
                *slot = list
                    .into_iter()
                    .map(|(s, _)| s.trim().to_string())
                    .filter(|s| !s.is_empty())
                    .collect();
            }
        }
    }

    let settings = Settings {
        bulletin,
        funds,
        categories,
        escalation,
        show_phones,
        name,
        region,
        lang,
        shared: crate::model::settings::SharedTaskForce::of(&taskforces),
        issuers: crate::model::settings::Authority::of(&catalogue),
        taskforces,
        types,
        catalogue,
        slow,
        calendar,
        zones,
        members,
        auto_commit,
    };
    (Some(settings), r.problems)
}

/// The table `[key]` of the root, or None (with a problem when `key` is
/// there but not a table).
fn table<'d>(
    r: &mut Reader,
    root: &'d toml_edit::Table,
    key: &str,
) -> Option<&'d dyn toml_edit::TableLike> {
    let item = root.get(key)?;
    match item.as_table_like() {
        Some(t) => Some(t),
        None => {
            r.problem(item.span(), "bad-value", tr!(KeyTable, key = key));
            None
        }
    }
}

/// A list of names, each once and not empty; a repeat or an empty name is
/// a problem at its place.
fn distinct(
    r: &mut Reader,
    key: &str,
    list: Vec<(String, Option<std::ops::Range<usize>>)>,
) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (s, span) in list {
        let s = s.trim().to_string();
        if s.is_empty() {
            r.problem(span, "bad-value", tr!(KeyEmptyName, key = key));
        } else if out.contains(&s) {
            r.problem(
                span,
                "duplicate-key",
                tr!(KeyListedTwice, key = key, text = s),
            );
        } else {
            out.push(s);
        }
    }
    out
}

/// The conditions of `key` in a catalogue entry: one table or an array of
/// tables, each naming facts that must all hold (see docs/FORMAT.md).
fn conditions(
    r: &mut Reader,
    t: &toml_edit::Table,
    key: &str,
    type_keys: &BTreeSet<&str>,
) -> Vec<Condition> {
    conditions_with(r, t, key, type_keys)
        .into_iter()
        .map(|(c, _)| c)
        .collect()
}

/// The tables of `key` (one table, an inline table, or an array of
/// either), each read as a condition and returned with its table.
fn conditions_with<'t>(
    r: &mut Reader,
    t: &'t toml_edit::Table,
    key: &str,
    type_keys: &BTreeSet<&str>,
) -> Vec<(Condition, &'t dyn toml_edit::TableLike)> {
    let Some(item) = t.get(key) else {
        return Vec::new();
    };
    let mut tables: Vec<&dyn toml_edit::TableLike> = Vec::new();
    if let Some(one) = item.as_table_like() {
        tables.push(one);
    } else if let Some(arr) = item.as_array() {
        for v in arr.iter() {
            match v.as_inline_table() {
                Some(it) => tables.push(it),
                None => r.problem(v.span(), "bad-value", tr!(KeyConditionTables, key = key)),
            }
        }
    } else if let Some(arr) = item.as_array_of_tables() {
        for it in arr.iter() {
            tables.push(it);
        }
    } else {
        r.problem(item.span(), "bad-value", tr!(KeyConditionTable, key = key));
    }
    let mut out = Vec::new();
    for table in tables {
        let mut c = Condition::default();
        for (k, v) in table.iter() {
            match k {
                "types" => {
                    for (ty, s) in r.strings(table, "types").unwrap_or_default() {
                        if ty != "*" && !type_keys.contains(ty.as_str()) {
                            let known = type_keys
                                .iter()
                                .copied()
                                .collect::<Vec<_>>()
                                .join(crate::msg::list_separator());
                            r.problem(
                                s,
                                "unknown-type",
                                tr!(UnknownTypeStar, text = ty, list = known),
                            );
                        } else {
                            c.types.push(ty);
                        }
                    }
                }
                "land" => c.land = values(r, table, k, Land::parse),
                "investment_nature" => c.nature = values(r, table, k, Nature::parse),
                "eia" => c.eia = values(r, table, k, EiaClass::parse),
                "hazchem" => c.hazchem = r.boolean(table, k),
                "relics_found" => c.relics_found = r.boolean(table, k),
                "limit" if key == "limit_when" => {}
                _ => r.problem(v.span(), "bad-value", tr!(UnknownFact, key = key, fact = k)),
            }
        }
        out.push((c, table));
    }
    out
}

/// `text` of ledger.toml with the leader on duty (带班领导) of task force
/// `key` set (or removed when `leader` is None), everything else kept.
pub fn set_taskforce_leader(text: &str, key: &str, leader: Option<&str>) -> anyhow::Result<String> {
    let mut doc: toml_edit::DocumentMut = text.parse()?;
    let t = doc
        .get_mut("taskforce")
        .and_then(|i| i.as_array_of_tables_mut())
        .and_then(|a| {
            a.iter_mut()
                .find(|t| t.get("key").and_then(|v| v.as_str()) == Some(key))
        })
        .ok_or_else(|| anyhow::anyhow!(tr!(TaskforceNotInSettings, key = key)))?;
    match leader {
        Some(l) => t["leader"] = toml_edit::value(l),
        None => {
            t.remove("leader");
        }
    }
    Ok(doc.to_string())
}

/// An array of fact values, each checked.
fn values<T>(
    r: &mut Reader,
    table: &dyn toml_edit::TableLike,
    key: &str,
    parse: fn(&str) -> Result<T, String>,
) -> Vec<T> {
    let mut out = Vec::new();
    for (text, span) in r.strings(table, key).unwrap_or_default() {
        match parse(&text) {
            Ok(v) => out.push(v),
            Err(e) => r.problem(span, "bad-value", tr!(KeyError, key = key, error = e)),
        }
    }
    out
}

#[cfg(test)]
mod default_tests {
    use super::*;

    /// The Chinese template is the English one with only its comments
    /// translated: the same keys and values, line for line.
    #[test]
    fn both_templates_hold_the_same_settings() {
        let data = |t: &str| -> Vec<String> {
            t.lines()
                .filter(|l| !l.trim_start().starts_with('#') && !l.trim().is_empty())
                .map(str::to_string)
                .collect()
        };
        assert_eq!(data(DEFAULT), data(DEFAULT_ZH));
        for lang in [Lang::En, Lang::Zh] {
            let text = default_text("台前", "410927", lang);
            let (settings, problems) = read(Path::new("ledger.toml"), &text);
            assert!(problems.is_empty(), "{problems:?}");
            assert_eq!(settings.unwrap().lang, lang);
        }
        assert!(DEFAULT_ZH.starts_with("# taizhang 台账设置"));
    }
}
