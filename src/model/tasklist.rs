//! The task list (任务清单) a project needs: which catalogue procedures
//! apply to it, and why. One function decides it, for `open` (the first
//! list) and `set` (procedures a changed project needs on top of its list);
//! a rule that makes a procedure apply by another fact of the project (land
//! supply, investment nature, hazardous chemicals…) belongs here, with its
//! reason. A new row is `transition::require_new`: pending, due by the
//! catalogue's time limit.

use super::{Project, Settings};

/// One procedure a project needs, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Need {
    /// The catalogue key, e.g. `eia`.
    pub key: String,
    /// Why the project needs it, for the clerk, e.g. "type chemical (化工)".
    pub reason: String,
}

/// The catalogue procedures `project` needs, in catalogue order.
pub fn needed(settings: &Settings, project: &Project) -> Vec<Need> {
    let type_name = settings
        .project_type(&project.kind)
        .map_or(String::new(), |t| format!(" ({})", t.name));
    settings
        .catalogue
        .iter()
        .filter(|c| c.applies_to(&project.kind))
        .map(|c| Need {
            key: c.key.clone(),
            reason: format!("type {}{type_name}", project.kind),
        })
        .collect()
}
