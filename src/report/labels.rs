//! Labels in the ledger's language: English or Simplified Chinese. Data
//! (project and procedure names, units) is shown as the clerk wrote it.

use crate::model::Lang;

/// Picks the label for `lang`.
pub fn pick(lang: Lang, en: &'static str, zh: &'static str) -> &'static str {
    match lang {
        Lang::En => en,
        Lang::Zh => zh,
    }
}

/// A project's stage: `completed` / 竣工.
pub fn stage(lang: Lang, stage: crate::model::Stage) -> &'static str {
    match lang {
        Lang::En => stage.key(),
        Lang::Zh => stage.zh(),
    }
}

/// What a pledge's deadline owes to extensions (延期): " (extended from
/// 2024-03-20)", "（延期1次，原时限2024-03-20）"; empty when never extended.
pub fn extended(p: &crate::model::Procedure, lang: Lang) -> String {
    let Some(from) = p.extended_from() else {
        return String::new();
    };
    match (lang, p.extensions) {
        (Lang::En, 1) => tr_in!(lang, ExtendedOnce, from = from),
        (_, n) => tr_in!(lang, ExtendedTimes, n = n, from = from),
    }
}

/// "用地专班 (县自然资源局)": a task force with its lead unit.
pub fn taskforce_with_lead(settings: &crate::model::Settings, key: &str) -> String {
    match settings.taskforce(key) {
        Some(t) => format!("{} ({})", t.name, t.lead),
        None => key.to_string(),
    }
}

/// In a roll-up over several ledgers, puts a first column naming each
/// row's ledger; a single ledger's table is left as it is.
pub fn ledger_column(mut t: super::Table, ledgers: &[Option<String>], lang: Lang) -> super::Table {
    if ledgers.iter().all(Option::is_none) {
        return t;
    }
    t.headers
        .insert(0, pick(lang, "ledger", "台账").to_string());
    for (row, l) in t.rows.iter_mut().zip(ledgers) {
        row.insert(0, l.clone().unwrap_or_default());
    }
    t.numeric = t.numeric.iter().map(|c| c + 1).collect();
    t.keep = t.keep.iter().map(|c| c + 1).collect();
    for tint in &mut t.tints {
        tint.1 += 1;
    }
    t
}

/// "濮阳市应急管理局（市级）": the authority that issues procedure `key`
/// of task force `taskforce`, with its level when the catalogue gives one.
pub fn authority(
    settings: &crate::model::Settings,
    key: &str,
    taskforce: &str,
    lang: Lang,
) -> String {
    let a = settings.authority(key, taskforce);
    match (a.level, lang) {
        (Some(l), Lang::Zh) => format!("{}（{}）", a.name, l.label(lang)),
        (Some(l), Lang::En) => format!("{} ({})", a.name, l.label(lang)),
        (None, _) => a.name.to_string(),
    }
}
