//! Plain types and the rules over them: dates, amounts, project IDs, the
//! ledger's settings (task forces, project types, procedure catalogue,
//! slow-progress thresholds), a project record and its procedure rows. No I/O
//! lives here; `store` reads and writes these, `report` builds views of them.

pub mod amount;
pub mod calendar;
pub mod date;
pub mod facts;
pub mod id;
pub mod procedure;
pub mod project;
pub mod settings;
pub mod stage;
pub mod suggest;
pub mod tasklist;
pub mod transition;

pub use amount::Amount;
pub use date::{Date, parse_date, parse_date_input};
pub use facts::Facts;
pub use id::ProjectId;
pub use procedure::{PledgeKind, Procedure, Status};
pub use project::Project;
pub use settings::{
    BulletinSettings, CatalogueEntry, Lang, ProjectType, Settings, SlowRules, TaskForce,
};
pub use stage::{Stage, StageEntry};
pub mod progress;
pub use progress::{ProblemRecord, ProgressEntry};

/// The compact binary of the project cache (`store::cache`) reads every
/// field in order, so a field JSON leaves out when empty must still be
/// written there: such fields use `compact::skip_none`, not
/// `Option::is_none`.
pub mod compact {
    use std::cell::Cell;

    thread_local! {
        static WRITING: Cell<bool> = const { Cell::new(false) };
    }

    /// Runs `f`, a compact serialisation, with every field written.
    pub fn writing<R>(f: impl FnOnce() -> R) -> R {
        WRITING.set(true);
        let r = f();
        WRITING.set(false);
        r
    }

    /// `skip_serializing_if` for an optional field JSON leaves out when
    /// empty; never skipped in the compact binary.
    pub fn skip_none<T>(v: &Option<T>) -> bool {
        v.is_none() && !WRITING.get()
    }
}
pub mod escalation;
pub mod funds;
pub mod people;
pub use escalation::{EscalationRules, Level};
pub use funds::{FundEntry, FundKind};
pub use people::People;
pub mod meeting;
