//! A project record (`project.toml`): what the project is, who builds it,
//! where, how much, when it was opened in the ledger, when it should start
//! and when it did start (开工), how its stage changed since, and the facts
//! that decide its task list (供地方式, 投资性质, 危化, 环评类别, 发现文物, 开发区).

use super::{Amount, Date, Facts};

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Project {
    pub name: String,
    /// Project type key from the ledger's settings, e.g. `chemical`.
    pub kind: String,
    /// Project owner (项目单位).
    pub owner: Option<String>,
    /// Township or sub-district (乡镇/街道).
    pub township: Option<String>,
    /// National project code (项目代码).
    pub code: Option<String>,
    /// Total investment in 万元.
    pub investment: Option<Amount>,
    /// The day the project was opened in the ledger.
    #[serde(with = "super::date::serde_day")]
    pub opened: Date,
    #[serde(with = "super::date::serde_opt_day")]
    pub planned_start: Option<Date>,
    #[serde(with = "super::date::serde_opt_day")]
    pub started: Option<Date>,
    /// Annual planned investment (年度计划投资) in 万元, by year.
    pub annual_plan: std::collections::BTreeMap<i32, Amount>,
    /// Who answers for the project: leader in charge, responsible unit and
    /// person, the owner's contact (see `model::people`).
    pub people: super::People,
    /// The facts that decide the task list beside the type.
    pub facts: Facts,
    /// Every change of stage (完工, 投产, 暂缓, 终止…) in file order; empty
    /// for a project preparing or building (see `model::stage`).
    pub stages: Vec<super::stage::StageEntry>,
}

impl Project {
    /// Where the project stands: its stage, since when and why.
    pub fn stage(&self) -> super::stage::Current {
        super::stage::current(self)
    }

    /// Days the start of works is late on `today` (positive: late).
    pub fn start_days_late(&self, today: Date) -> Option<i64> {
        match (self.planned_start, self.started) {
            (Some(plan), None) => Some(super::date::days_past(plan, today)),
            _ => None,
        }
    }
}
