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

pub mod compact;
pub mod escalation;
pub mod funds;
pub mod people;
pub use escalation::{EscalationRules, Level};
pub use funds::{FundEntry, FundKind};
pub use people::People;
pub mod meeting;
