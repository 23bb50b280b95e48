//! How a problem climbs (问题逐级上报): from the task force (专班) to the
//! coordination mechanism's office (协调机制办公室) to the county
//! government's leaders (县政府领导). A step is recorded with its date and a
//! note; a ledger rule can also lift an unresolved problem a level when it
//! is long past its time limit, computed as of the report's day and never
//! written back. A supervision order (督办) gives a problem a second
//! deadline of its own.

use super::Date;
use serde::Serialize;

/// The level a problem is handled at.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    serde::Deserialize,
    clap::ValueEnum,
)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// The task force (专班).
    Taskforce,
    /// The coordination mechanism's office (协调机制办公室).
    Mechanism,
    /// The county government's leaders (县政府领导).
    Leader,
}

impl Level {
    pub fn parse(text: &str) -> Result<Level, String> {
        match text {
            "taskforce" | "专班" => Ok(Level::Taskforce),
            "mechanism" | "协调机制办公室" => Ok(Level::Mechanism),
            "leader" | "县政府领导" => Ok(Level::Leader),
            _ => Err(tr!(BadLevel, text = text)),
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Level::Taskforce => "taskforce",
            Level::Mechanism => "mechanism",
            Level::Leader => "leader",
        }
    }

    pub fn name_zh(self) -> &'static str {
        match self {
            Level::Taskforce => "专班",
            Level::Mechanism => "协调机制办公室",
            Level::Leader => "县政府领导",
        }
    }

    pub fn next(self) -> Option<Level> {
        match self {
            Level::Taskforce => Some(Level::Mechanism),
            Level::Mechanism => Some(Level::Leader),
            Level::Leader => None,
        }
    }
}

/// One recorded step up.
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
pub struct Escalation {
    pub to: Level,
    pub date: Date,
    pub note: String,
}

/// A supervision order (督办): its number, the day it was issued and the
/// last day to act on it.
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
pub struct Order {
    pub no: String,
    pub date: Date,
    pub due: Date,
}

/// The automatic escalation rule (`[escalation]` in ledger.toml): an
/// unresolved problem this many days past its time limit is handled at
/// least at the mechanism, and at least by the leaders; 0 turns a step off.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct EscalationRules {
    pub mechanism_after_days: i64,
    pub leader_after_days: i64,
}

impl EscalationRules {
    /// The level the rule lifts a problem `days_overdue` past its limit to.
    pub fn level_for(&self, days_overdue: i64) -> Level {
        let reached = |n: i64| n > 0 && days_overdue >= n;
        if reached(self.leader_after_days) {
            Level::Leader
        } else if reached(self.mechanism_after_days) {
            Level::Mechanism
        } else {
            Level::Taskforce
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule() {
        let r = EscalationRules {
            mechanism_after_days: 15,
            leader_after_days: 30,
        };
        assert_eq!(r.level_for(0), Level::Taskforce);
        assert_eq!(r.level_for(14), Level::Taskforce);
        assert_eq!(r.level_for(15), Level::Mechanism);
        assert_eq!(r.level_for(30), Level::Leader);
        assert_eq!(EscalationRules::default().level_for(400), Level::Taskforce);
        assert_eq!(Level::parse("协调机制办公室"), Ok(Level::Mechanism));
        assert!(Level::Leader > Level::Mechanism);
    }
}
