//! One row of a project's procedure ledger (前期手续): its status, the date
//! it is due (时间节点), when it was obtained and under which document
//! number (批复文号), and, for a procedure granted on a commitment (容缺 /
//! 告知承诺), the pledge: its kind, deadline, missing items and fulfilment.

use super::Date;
use super::compact::Text;

#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Default,
    serde::Serialize,
    serde::Deserialize,
)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    #[default]
    Pending,
    Obtained,
    Pledged,
    NotNeeded,
}

impl Status {
    pub const ALL: [Status; 4] = [
        Status::Pending,
        Status::Obtained,
        Status::Pledged,
        Status::NotNeeded,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Status::Pending => "pending",
            Status::Obtained => "obtained",
            Status::Pledged => "pledged",
            Status::NotNeeded => "not-needed",
        }
    }

    pub fn parse(text: &str) -> Result<Status, String> {
        Status::ALL
            .into_iter()
            .find(|s| s.key() == text)
            .ok_or_else(|| tr!(BadStatus, text = text))
    }
}

/// The kind of commitment a procedure was granted on.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum PledgeKind {
    /// 容缺受理: accepted with secondary materials missing.
    #[value(alias = "容缺", alias = "容缺受理", alias = "容缺办理")]
    Tolerance,
    /// 告知承诺: approved on a written promise of meeting the conditions.
    #[value(alias = "告知承诺", alias = "承诺")]
    Notify,
}

impl PledgeKind {
    pub fn key(self) -> &'static str {
        match self {
            PledgeKind::Tolerance => "tolerance",
            PledgeKind::Notify => "notify",
        }
    }

    /// The kind as a clerk reads it: its key in English, 容缺受理 or
    /// 告知承诺 in Chinese.
    pub fn label(self, lang: super::Lang) -> &'static str {
        match (self, lang) {
            (_, super::Lang::En) => self.key(),
            (PledgeKind::Tolerance, super::Lang::Zh) => "容缺受理",
            (PledgeKind::Notify, super::Lang::Zh) => "告知承诺",
        }
    }

    pub fn parse(text: &str) -> Result<PledgeKind, String> {
        match text {
            "tolerance" => Ok(PledgeKind::Tolerance),
            "notify" => Ok(PledgeKind::Notify),
            _ => Err(tr!(BadPledgeKindFile, text = text)),
        }
    }
}

/// Serialised as one procedure of `show --format json` (docs/FORMAT.md),
/// and into the project cache (`store::cache`).
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
pub struct Procedure {
    /// The catalogue's key, name and task force (shared with the catalogue
    /// where they are its texts: see `compact`).
    #[serde(rename = "procedure", with = "super::compact::text")]
    pub key: Text,
    #[serde(with = "super::compact::text")]
    pub name: Text,
    #[serde(with = "super::compact::text")]
    pub taskforce: Text,
    pub status: Status,
    #[serde(with = "super::date::serde_opt_day")]
    pub due: Option<Date>,
    #[serde(with = "super::date::serde_opt_day")]
    pub obtained: Option<Date>,
    pub doc_no: String,
    pub pledge_kind: Option<PledgeKind>,
    #[serde(with = "super::date::serde_opt_day")]
    pub pledged: Option<Date>,
    #[serde(with = "super::date::serde_opt_day")]
    pub pledge_due: Option<Date>,
    pub missing_items: String,
    #[serde(with = "super::date::serde_opt_day")]
    pub fulfilled: Option<Date>,
    pub note: String,
    /// The day the application was filed (申报/受理), from which a
    /// catalogue time limit is counted.
    #[serde(with = "super::date::serde_opt_day")]
    pub applied: Option<Date>,
    /// The pledge's first deadline, kept when it was extended (延期).
    #[serde(with = "super::date::serde_opt_day")]
    pub pledge_due_original: Option<Date>,
    /// How many times the pledge's deadline was extended (延期次数).
    pub extensions: u32,
}

impl Procedure {
    /// Obtained or pledged: counts as done for the start of works.
    pub fn is_done(&self) -> bool {
        matches!(self.status, Status::Obtained | Status::Pledged)
    }

    /// A commitment that has not been made good yet.
    pub fn open_pledge(&self) -> bool {
        self.status == Status::Pledged && self.fulfilled.is_none()
    }

    /// The original deadline of a pledge whose deadline was extended.
    pub fn extended_from(&self) -> Option<Date> {
        self.pledge_due_original.filter(|_| self.extensions > 0)
    }

    /// Dates on which something was recorded for this procedure.
    pub fn recorded_dates(&self) -> impl Iterator<Item = Date> {
        [self.applied, self.obtained, self.pledged, self.fulfilled]
            .into_iter()
            .flatten()
    }
}
