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

/// "用地专班 (县自然资源局)": a task force with its lead unit.
pub fn taskforce_with_lead(settings: &crate::model::Settings, key: &str) -> String {
    match settings.taskforce(key) {
        Some(t) => format!("{} ({})", t.name, t.lead),
        None => key.to_string(),
    }
}
