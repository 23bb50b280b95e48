//! The note a report carries when projects were left out because their
//! files cannot be read (未能读取的项目): one line naming them and the
//! command that says why.

use crate::model::Lang;
use crate::store::ledger::Skipped;

/// The line printed under a table or at the top of a bulletin, or `None`
/// when nothing was left out.
pub fn note(lang: Lang, list: &[Skipped]) -> Option<String> {
    if list.is_empty() {
        return None;
    }
    let n = list.len();
    let ids = list.iter().map(|s| match &s.ledger {
        Some(l) => format!("{l}/{}", s.project),
        None => s.project.clone(),
    });
    let ids = ids
        .collect::<Vec<_>>()
        .join(super::labels::pick(lang, ", ", "、"));
    Some(tr_in!(lang, SkippedNote, n = n, ids = ids))
}
