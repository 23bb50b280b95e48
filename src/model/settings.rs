//! The ledger's settings (`ledger.toml`): its name and region, the label
//! language, the seven task forces (工作专班), the project types, the
//! procedure catalogue that task lists (任务清单) are drawn from, and the
//! thresholds of the slow-progress rules.

use super::calendar::Calendar;
use super::date::Date;
use super::facts::{Condition, Level, Zone};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Simplified Chinese labels.
    Zh,
    /// English labels.
    En,
}

impl Lang {
    pub fn parse(text: &str) -> Result<Lang, String> {
        match text {
            "zh" => Ok(Lang::Zh),
            "en" => Ok(Lang::En),
            _ => Err(tr!(BadLang, text = text)),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct TaskForce {
    pub key: String,
    /// Chinese name, e.g. 用地专班.
    pub name: String,
    /// Lead unit (牵头单位), e.g. 县自然资源局.
    pub lead: String,
    /// The leader on duty (带班领导), e.g. 县政府副县长 王磊.
    pub leader: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ProjectType {
    pub key: String,
    pub name: String,
}

/// A time limit as the catalogue states it: calendar days (`"30d"`) or
/// working days (`"20wd"`, 工作日), counted from the day after the start.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Limit {
    Days(u32),
    WorkingDays(u32),
}

impl Limit {
    pub fn parse(text: &str) -> Result<Limit, String> {
        let bad = || tr!(BadLimit, text = text);
        let (num, ctor): (&str, fn(u32) -> Limit) = if let Some(n) = text.strip_suffix("wd") {
            (n, Limit::WorkingDays)
        } else if let Some(n) = text.strip_suffix('d') {
            (n, Limit::Days)
        } else {
            return Err(bad());
        };
        if num.starts_with('-') && num.len() > 1 && num[1..].bytes().all(|b| b.is_ascii_digit()) {
            return Err(tr!(NegativeLimit, text = text));
        }
        if num.is_empty() || !num.bytes().all(|b| b.is_ascii_digit()) || num.len() > 4 {
            return Err(bad());
        }
        let n: u32 = num.parse().map_err(|_| bad())?;
        if n == 0 {
            return Err(tr!(ZeroLimit, text = text));
        }
        Ok(ctor(n))
    }

    /// The last allowed day for something started on `from`. A calendar-day
    /// limit ending on a rest day ends on the next working day instead
    /// (民法典 art. 203) unless the calendar says not to; a working-day
    /// limit always ends on a working day.
    pub fn due_from(self, from: Date, calendar: &Calendar) -> Date {
        match self {
            Limit::Days(n) => calendar.end_of_period(from + chrono::Days::new(n.into())),
            Limit::WorkingDays(n) => calendar.add_working_days(from, n),
        }
    }
}

impl std::fmt::Display for Limit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Limit::Days(n) => write!(f, "{n}d"),
            Limit::WorkingDays(n) => write!(f, "{n}wd"),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct CatalogueEntry {
    pub key: String,
    pub name: String,
    /// The task force that coordinates it (专班).
    pub taskforce: String,
    /// The authority that issues it (审批部门); `None`: the task force's
    /// lead unit stands in.
    pub authority: Option<String>,
    pub level: Option<Level>,
    /// Project type keys that need this procedure; `*` means every type.
    pub types: Vec<String>,
    /// Further conditions on the project's facts (`when`): the procedure
    /// is needed when any one holds; empty = always.
    pub when: Vec<Condition>,
    pub limit: Option<Limit>,
    /// Limits that replace `limit` when their condition holds, first first.
    pub limit_when: Vec<(Condition, Limit)>,
}

impl CatalogueEntry {
    pub fn applies_to(&self, type_key: &str) -> bool {
        self.types.iter().any(|t| t == "*" || t == type_key)
    }
}

/// An issuing authority (审批部门) with its level, as shared strings.
#[derive(Debug, Clone, PartialEq)]
pub struct Authority {
    pub name: std::sync::Arc<str>,
    pub level: Option<Level>,
}

/// Thresholds of the slow-progress rules (`[slow]` in ledger.toml).
#[derive(Debug, Clone, PartialEq)]
pub struct SlowRules {
    /// Not started this many days after the planned start: yellow.
    pub start_late_yellow_days: i64,
    /// ... and red from this many days.
    pub start_late_red_days: i64,
    /// Share of procedures done behind the share of time elapsed by this
    /// many percentage points: yellow.
    pub procedures_behind_yellow_points: i64,
    pub procedures_behind_red_points: i64,
    /// Nothing recorded for a project for this many days: stale (yellow).
    pub stale_days: i64,
    /// Started projects: the share of this year's planned investment
    /// completed is behind the share of the year elapsed (时序进度) by this
    /// many percentage points: yellow.
    pub investment_behind_yellow_points: i64,
    pub investment_behind_red_points: i64,
    /// Started projects: no progress entry for this many days: stale (yellow).
    pub progress_stale_days: i64,
    /// Government money (`[funds] government`) received and not paid out
    /// for this many days (`[funds] unpaid_yellow_days` and the keys below) (资金支付进度慢): yellow; 0 turns the rule off.
    pub funds_unpaid_yellow_days: i64,
    /// ... and red from this many days.
    pub funds_unpaid_red_days: i64,
    /// Government money paid out below this share (whole percent) of the
    /// money received, once the first receipt is `funds_unpaid_yellow_days`
    /// old: yellow; 0 turns the share off.
    pub funds_paid_yellow_percent: i64,
    /// Bond money (`[funds] bonds`, 专项债) received and works not started
    /// after this many days: yellow; 0 turns the rule off.
    pub bond_unstarted_yellow_days: i64,
    /// ... and red from this many days.
    pub bond_unstarted_red_days: i64,
}

impl Default for SlowRules {
    fn default() -> Self {
        SlowRules {
            start_late_yellow_days: 30,
            start_late_red_days: 90,
            procedures_behind_yellow_points: 20,
            procedures_behind_red_points: 40,
            stale_days: 30,
            investment_behind_yellow_points: 10,
            investment_behind_red_points: 30,
            progress_stale_days: 30,
            funds_unpaid_yellow_days: 60,
            funds_unpaid_red_days: 120,
            funds_paid_yellow_percent: 50,
            bond_unstarted_yellow_days: 30,
            bond_unstarted_red_days: 90,
        }
    }
}

/// The masthead of the bulletin (简报), `[bulletin]` in ledger.toml: what a
/// county office prints above the red rule and in the 报送/抄送 block.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct BulletinSettings {
    /// The bulletin's title, e.g. 重大项目推进工作简报.
    pub title: String,
    /// The compiling unit (编发单位).
    pub unit: String,
    /// Sent to (报送).
    pub to: Vec<String>,
    /// Copied to (抄送).
    pub cc: Vec<String>,
    /// The signer line (签发), empty for none.
    pub signer: String,
}

impl Default for BulletinSettings {
    /// The notice's own words: the supervision service task force writes a
    /// bulletin for the county leaders, copied to the task forces' lead units.
    fn default() -> Self {
        BulletinSettings {
            title: "重大项目推进工作简报".to_string(),
            unit: "重大项目推进协调机制督导服务专班".to_string(),
            to: vec!["县政府领导".to_string()],
            cc: vec!["各工作专班牵头单位".to_string()],
            signer: String::new(),
        }
    }
}

/// The funds settings (`[funds]` in ledger.toml): the sources a funds entry
/// may name, which of them are government money (judged by the payment
/// rule; enterprise money is not, unless listed) and which are special
/// bonds (专项债, judged by the not-started rule).
#[derive(Debug, Clone, PartialEq)]
pub struct FundsSettings {
    pub sources: Vec<String>,
    pub government: Vec<String>,
    pub bonds: Vec<String>,
}

impl Default for FundsSettings {
    fn default() -> Self {
        let list = |s: &[&str]| s.iter().map(|x| x.to_string()).collect();
        FundsSettings {
            sources: list(&[
                "专项债券",
                "中央预算内投资",
                "超长期特别国债",
                "省市补助",
                "银行贷款",
                "企业自筹",
                "其他",
            ]),
            government: list(&["专项债券", "中央预算内投资", "超长期特别国债", "省市补助"]),
            bonds: list(&["专项债券"]),
        }
    }
}

/// The problem categories (问题类别) a problem may name.
pub fn default_categories() -> Vec<String> {
    ["用地", "资金", "征迁", "手续", "水电气", "其他"]
        .iter()
        .map(|s| s.to_string())
        .collect()
}

#[derive(Debug, Clone)]
pub struct Settings {
    pub name: String,
    pub region: String,
    pub lang: Lang,
    pub taskforces: Vec<TaskForce>,
    pub types: Vec<ProjectType>,
    pub catalogue: Vec<CatalogueEntry>,
    pub slow: SlowRules,
    pub calendar: Calendar,
    /// Development zones and what their regional assessments cover.
    pub zones: Vec<Zone>,
    /// Member ledgers (township ledgers) a county report includes: paths
    /// relative to this ledger's folder.
    pub members: Vec<String>,
    /// Commit every write to git, as `--commit` does.
    pub auto_commit: bool,
    /// The bulletin's masthead (`[bulletin]`).
    pub bulletin: BulletinSettings,
    /// Funds sources and which are government money or bonds.
    pub funds: FundsSettings,
    /// Problem categories (`[problems] categories`).
    pub categories: Vec<String>,
    /// The automatic escalation rule (`[escalation]`).
    pub escalation: super::escalation::EscalationRules,
    /// Print phone numbers in the bulletin (`[bulletin] show_phones`).
    pub show_phones: bool,
    /// The task forces again, as shared strings, for reports that repeat
    /// them on hundreds of thousands of rows (see `Settings::shared`).
    pub shared: Vec<SharedTaskForce>,
    /// The issuing authority of each catalogue entry that names one, by
    /// procedure key, as shared strings (see `Settings::authority`).
    pub issuers: Vec<(String, Authority)>,
}

/// A task force's key, name and lead unit as shared strings.
#[derive(Debug, Clone, PartialEq)]
pub struct SharedTaskForce {
    pub key: std::sync::Arc<str>,
    pub name: std::sync::Arc<str>,
    pub lead: std::sync::Arc<str>,
}

impl Authority {
    /// The authorities the catalogue names, by procedure key.
    pub fn of(catalogue: &[CatalogueEntry]) -> Vec<(String, Authority)> {
        catalogue
            .iter()
            .filter_map(|c| {
                let name = c.authority.as_deref()?;
                Some((
                    c.key.clone(),
                    Authority {
                        name: name.into(),
                        level: c.level,
                    },
                ))
            })
            .collect()
    }
}

impl SharedTaskForce {
    pub fn of(taskforces: &[TaskForce]) -> Vec<SharedTaskForce> {
        taskforces
            .iter()
            .map(|t| SharedTaskForce {
                key: t.key.as_str().into(),
                name: t.name.as_str().into(),
                lead: t.lead.as_str().into(),
            })
            .collect()
    }
}

impl Settings {
    /// A task force as shared strings.
    pub fn shared(&self, key: &str) -> Option<&SharedTaskForce> {
        self.shared.iter().find(|t| &*t.key == key)
    }

    pub fn taskforce(&self, key: &str) -> Option<&TaskForce> {
        self.taskforces.iter().find(|t| t.key == key)
    }

    /// A task force as a clerk names it: key (`land`), Chinese name
    /// (`用地专班`) or the name without 专班 (`用地`), spaces around it
    /// ignored.
    pub fn find_taskforce(&self, text: &str) -> Option<&TaskForce> {
        let text = text.trim();
        self.taskforces
            .iter()
            .find(|t| t.key == text || t.name == text || t.name.strip_suffix("专班") == Some(text))
    }

    /// The authority that issues procedure `key` of task force
    /// `taskforce`: the catalogue's `authority`, or else the task force's
    /// lead unit (ledgers written before authorities were kept), or else
    /// the task force key itself.
    pub fn authority(&self, key: &str, taskforce: &str) -> Authority {
        if let Some((_, a)) = self.issuers.iter().find(|(k, _)| k == key) {
            return a.clone();
        }
        Authority {
            name: self
                .shared(taskforce)
                .map_or_else(|| taskforce.into(), |t| t.lead.clone()),
            level: None,
        }
    }

    /// The texts every procedure row of these settings repeats (each
    /// catalogue entry's key, name and task force, each task force's
    /// key), numbered once for the process: see `compact`. `digest`
    /// identifies the settings.
    pub fn shared_texts(&self, digest: u64) -> &'static super::compact::Texts {
        super::compact::Texts::of(digest, || {
            let mut texts = Vec::new();
            for c in &self.catalogue {
                texts.extend([c.key.as_str(), c.name.as_str(), c.taskforce.as_str()]);
            }
            texts.extend(self.taskforces.iter().map(|t| t.key.as_str()));
            texts
        })
    }

    /// Every issuing authority the catalogue names (lead units standing in),
    /// in catalogue order, each once.
    pub fn authorities(&self) -> Vec<std::sync::Arc<str>> {
        let mut out: Vec<std::sync::Arc<str>> = Vec::new();
        for c in &self.catalogue {
            let a = self.authority(&c.key, &c.taskforce).name;
            if !out.contains(&a) {
                out.push(a);
            }
        }
        out
    }

    pub fn zone(&self, key: &str) -> Option<&Zone> {
        self.zones.iter().find(|z| z.key == key)
    }

    /// A project type by key (`chemical`) or Chinese name (`化工`).
    pub fn project_type(&self, key_or_name: &str) -> Option<&ProjectType> {
        self.types
            .iter()
            .find(|t| t.key == key_or_name || t.name == key_or_name)
    }

    /// A catalogue entry by key (`eia`) or Chinese name (`环评批复`).
    pub fn procedure(&self, key_or_name: &str) -> Option<&CatalogueEntry> {
        self.catalogue
            .iter()
            .find(|p| p.key == key_or_name || p.name == key_or_name)
    }

    /// Position of a procedure in the catalogue, which fixes row order.
    pub fn catalogue_rank(&self, key: &str) -> usize {
        self.catalogue
            .iter()
            .position(|p| p.key == key)
            .unwrap_or(usize::MAX)
    }

    /// The catalogue as "did you mean" candidates (key and Chinese name).
    pub fn procedure_candidates(&self) -> Vec<super::suggest::Candidate<'_>> {
        self.catalogue
            .iter()
            .map(|c| super::suggest::Candidate {
                shown: format!("{} ({})", c.key, c.name),
                names: vec![&c.key, &c.name],
            })
            .collect()
    }

    /// The project types as "did you mean" candidates.
    pub fn type_candidates(&self) -> Vec<super::suggest::Candidate<'_>> {
        self.types
            .iter()
            .map(|t| super::suggest::Candidate {
                shown: format!("{} ({})", t.key, t.name),
                names: vec![&t.key, &t.name],
            })
            .collect()
    }

    /// The task forces as "did you mean" candidates (key, name, and the
    /// name without 专班).
    pub fn taskforce_candidates(&self) -> Vec<super::suggest::Candidate<'_>> {
        self.taskforces
            .iter()
            .map(|t| super::suggest::Candidate {
                shown: format!("{} ({})", t.key, t.name),
                names: vec![
                    &t.key,
                    &t.name,
                    t.name.strip_suffix("专班").unwrap_or(&t.name),
                ],
            })
            .collect()
    }

    pub fn type_keys(&self) -> String {
        self.types
            .iter()
            .map(|t| format!("{} ({})", t.key, t.name))
            .collect::<Vec<_>>()
            .join(crate::msg::list_separator())
    }

    pub fn taskforce_keys(&self) -> String {
        self.taskforces
            .iter()
            .map(|t| t.key.as_str())
            .collect::<Vec<_>>()
            .join(crate::msg::list_separator())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits() {
        assert_eq!(Limit::parse("30d"), Ok(Limit::Days(30)));
        assert_eq!(Limit::parse("20wd"), Ok(Limit::WorkingDays(20)));
        for bad in ["30", "d", "wd", "-3d", "3 d", "3w", "0d", "0wd", "-1wd"] {
            assert!(Limit::parse(bad).is_err(), "{bad}");
        }
        assert!(Limit::parse("0wd").unwrap_err().contains("zero days"));
        assert_eq!(Limit::parse("1wd"), Ok(Limit::WorkingDays(1)));
        assert!(
            Limit::parse("-3d")
                .unwrap_err()
                .contains("cannot be negative")
        );
    }

    fn d(s: &str) -> Date {
        crate::model::parse_date(s).unwrap()
    }

    /// Calendar-day limits against the official 2024–2026 calendar: a last
    /// day on a weekend or holiday moves to the next working day (民法典
    /// art. 203), a make-up working day (调休上班) stays.
    #[test]
    fn calendar_day_limits_end_on_a_working_day() {
        let cal = Calendar::official();
        let due = |from: &str, n: u32| Limit::Days(n).due_from(d(from), &cal);
        // Weekend: 2024-01-03 + 60 days is Sunday 3 March.
        assert_eq!(due("2024-01-03", 60), d("2024-03-04"));
        // A working Friday stays.
        assert_eq!(due("2024-01-10", 30), d("2024-02-09"));
        // Spring Festival 2024 (10–17 Feb off): to Sunday 18 Feb, a make-up day.
        assert_eq!(due("2024-01-10", 31), d("2024-02-18"));
        // Sunday 4 Feb 2024 is a make-up working day: it stays.
        assert_eq!(due("2024-01-05", 30), d("2024-02-04"));
        // National Day 2024 (1–7 Oct off).
        assert_eq!(due("2024-09-01", 30), d("2024-10-08"));
        // National Day and Mid-Autumn 2025 (1–8 Oct off); Saturday 11 Oct worked.
        assert_eq!(due("2025-09-01", 30), d("2025-10-09"));
        assert_eq!(due("2025-09-11", 30), d("2025-10-11"));
        // Spring Festival 2026 (15–23 Feb off); Saturday 14 Feb worked.
        assert_eq!(due("2026-01-16", 30), d("2026-02-24"));
        assert_eq!(due("2026-01-15", 30), d("2026-02-14"));
        // A ledger that turns the rule off counts the days as they fall.
        let mut raw = Calendar::official();
        raw.roll_rest_days = false;
        assert_eq!(
            Limit::Days(60).due_from(d("2024-01-03"), &raw),
            d("2024-03-03")
        );
    }

    /// Working-day limits across the same holidays and make-up days.
    #[test]
    fn working_day_limits_skip_holidays_and_count_make_up_days() {
        let cal = Calendar::official();
        let due = |from: &str, n: u32| Limit::WorkingDays(n).due_from(d(from), &cal);
        // National Day 2024: Sunday 29 Sep is worked, 1–7 Oct off.
        assert_eq!(due("2024-09-27", 1), d("2024-09-29"));
        assert_eq!(due("2024-09-27", 2), d("2024-09-30"));
        assert_eq!(due("2024-09-27", 3), d("2024-10-08"));
        // Spring Festival 2026: Saturday 14 Feb worked, 15–23 Feb off.
        assert_eq!(due("2026-02-13", 1), d("2026-02-14"));
        assert_eq!(due("2026-02-13", 2), d("2026-02-24"));
        // 20 working days from 2025-09-19 cross National Day 2025.
        assert_eq!(due("2025-09-19", 20), d("2025-10-23"));
        // Never a rest day, even with the calendar-day rule off.
        let mut raw = Calendar::official();
        raw.roll_rest_days = false;
        assert_eq!(
            Limit::WorkingDays(3).due_from(d("2024-09-27"), &raw),
            d("2024-10-08")
        );
    }
}
