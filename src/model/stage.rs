//! A project's stage (项目阶段) and the one state machine that moves it:
//! `preparing` (前期, until works start), `building` (在建, from `start`),
//! `completed` (竣工), `producing` (投产), `suspended` (暂缓, with a reason)
//! and `cancelled` (终止, with a reason, final). The record keeps every
//! change with its date (`[[stages]]` in project.toml), so the stage on any
//! past day is known; the start of works is the change to `building`.
//! Pure functions over the project and `today`: the commands and the file
//! check share them, so no command writes a history the check refuses.

use super::{Date, Project};

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Stage {
    /// 前期: procedures under way, works not started.
    Preparing,
    /// 在建: works started (开工).
    Building,
    /// 竣工: works completed.
    Completed,
    /// 投产: in production (or in use).
    Producing,
    /// 暂缓: on hold, with a reason.
    Suspended,
    /// 终止: given up, with a reason; final.
    Cancelled,
}

impl Stage {
    pub const ALL: [Stage; 6] = [
        Stage::Preparing,
        Stage::Building,
        Stage::Completed,
        Stage::Producing,
        Stage::Suspended,
        Stage::Cancelled,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Stage::Preparing => "preparing",
            Stage::Building => "building",
            Stage::Completed => "completed",
            Stage::Producing => "producing",
            Stage::Suspended => "suspended",
            Stage::Cancelled => "cancelled",
        }
    }

    /// The Chinese name, as the county's papers write it.
    pub fn zh(self) -> &'static str {
        match self {
            Stage::Preparing => "前期",
            Stage::Building => "在建",
            Stage::Completed => "竣工",
            Stage::Producing => "投产",
            Stage::Suspended => "暂缓",
            Stage::Cancelled => "终止",
        }
    }

    /// The stage as a message names it: its key in English, its Chinese
    /// name in Chinese.
    pub fn shown(self) -> &'static str {
        match crate::msg::lang() {
            super::Lang::En => self.key(),
            super::Lang::Zh => self.zh(),
        }
    }

    /// A stage by key or Chinese name.
    pub fn parse(text: &str) -> Result<Stage, String> {
        let t = text.trim();
        Stage::ALL
            .into_iter()
            .find(|s| s.key() == t || s.zh() == t)
            .ok_or_else(|| {
                let keys: Vec<String> = Stage::ALL
                    .iter()
                    .map(|s| format!("{} ({})", s.key(), s.zh()))
                    .collect();
                tr!(
                    UnknownStage,
                    text = text,
                    list = keys.join(crate::msg::list_separator())
                )
            })
    }

    /// Whether the project is still pushed through its procedures and
    /// works, so overdue and slow-progress reports follow it: preparing
    /// and building. Completed, producing, suspended and cancelled
    /// projects leave those reports.
    pub fn is_active(self) -> bool {
        matches!(self, Stage::Preparing | Stage::Building)
    }

    /// Whether a change to this stage must give its reason.
    pub fn needs_reason(self) -> bool {
        matches!(self, Stage::Suspended | Stage::Cancelled)
    }
}

impl std::fmt::Display for Stage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.key())
    }
}

/// One change of stage as the record keeps it (`[[stages]]`).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct StageEntry {
    pub stage: Stage,
    #[serde(with = "super::date::serde_day")]
    pub date: Date,
    #[serde(skip_serializing_if = "super::compact::skip_none", default)]
    pub reason: Option<String>,
}

/// Where a project stands: its stage, since when, and why (suspended,
/// cancelled, or any change given a reason).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Current {
    pub stage: Stage,
    /// The day the stage began; none for a project still preparing since
    /// it was opened.
    pub since: Option<Date>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

impl Current {
    /// A project as it enters the ledger.
    pub fn initial() -> Current {
        Current {
            stage: Stage::Preparing,
            since: None,
            reason: None,
        }
    }

    fn since_text(&self) -> String {
        self.since.map_or(String::new(), |d| tr!(Since, date = d))
    }

    fn why(&self) -> String {
        self.reason
            .as_deref()
            .map_or(String::new(), |r| format!(" ({r})"))
    }
}

/// The change of stage to `to` on `date` (with `reason`), from `now`, for a
/// project whose works started on `started` (if they did): the stage after
/// it, or why it cannot happen.
pub fn change(
    now: &Current,
    to: Stage,
    date: Date,
    reason: Option<&str>,
    started: Option<Date>,
    today: Date,
) -> Result<Current, String> {
    use Stage::*;
    if date > today {
        return Err(tr!(StageAfterToday, date = date, today = today));
    }
    let reason = reason.map(str::trim).filter(|r| !r.is_empty());
    if to.needs_reason() && reason.is_none() {
        return Err(tr!(StageNeedsReason, key = to.key(), zh = to.zh()));
    }
    if now.stage == to {
        return Err(tr!(
            AlreadyAtStage,
            stage = to.shown(),
            since = now.since_text()
        ));
    }
    let resume = match now.stage {
        Cancelled => {
            return Err(tr!(
                WasCancelled,
                date = now
                    .since
                    .map_or_else(|| tr!(UnrecordedDate), |d| d.to_string()),
                why = now.why()
            ));
        }
        Producing => {
            return Err(tr!(InProduction, since = now.since_text()));
        }
        Suspended => Some(if started.is_some() {
            Building
        } else {
            Preparing
        }),
        _ => None,
    };
    match (now.stage, to) {
        (Suspended, Building | Preparing) if Some(to) == resume => {}
        (Suspended, Building) => {
            return Err(tr!(NeverStarted));
        }
        (Suspended, Preparing) => {
            return Err(tr!(
                ResumeBuilding,
                date = started.expect("resume to preparing only when not started")
            ));
        }
        (Suspended, Completed | Producing) => {
            return Err(tr!(SuspendedResumeFirst, since = now.since_text()));
        }
        (Suspended, Cancelled) => {}
        (_, Preparing) => {
            return Err(tr!(OnlySuspendedToPreparing, stage = now.stage.shown()));
        }
        (Preparing, Building) => {
            return Err(tr!(RecordStart));
        }
        (Preparing, Completed | Producing) => {
            return Err(tr!(NotStartedYet, stage = to.shown()));
        }
        (Completed, Building | Suspended | Cancelled) => {
            return Err(tr!(
                WasCompleted,
                since = now.since_text(),
                stage = to.shown()
            ));
        }
        (Preparing | Building, Suspended | Cancelled) => {}
        (Building, Completed | Producing) | (Completed, Producing) => {}
        (from, to) => unreachable!("every pair is decided above: {from} -> {to}"),
    }
    if let Some(since) = now.since
        && date < since
    {
        let what = match now.stage {
            Building => tr!(WorksStarted),
            s => tr!(BecameStage, stage = s.shown()),
        };
        return Err(tr!(BeforeWhat, date = date, what = what, since = since));
    }
    Ok(Current {
        stage: to,
        since: Some(date),
        reason: reason.map(String::from),
    })
}

/// The start of works (开工) on `date`, from `now`: the project becomes
/// `building`, or why it cannot.
pub fn start(now: &Current, date: Date, today: Date) -> Result<Current, String> {
    if date > today {
        return Err(tr!(EventAfterToday, date = date, today = today));
    }
    match now.stage {
        Stage::Preparing => {}
        Stage::Suspended => {
            return Err(tr!(
                StartSuspended,
                since = now.since_text(),
                why = now.why()
            ));
        }
        Stage::Cancelled => {
            return Err(tr!(
                StartCancelled,
                since = now.since_text(),
                why = now.why()
            ));
        }
        s => return Err(tr!(AlreadyStartedStage, stage = s.shown())),
    }
    if let Some(since) = now.since
        && date < since
    {
        return Err(tr!(BeforeResumed, date = date, since = since));
    }
    Ok(Current {
        stage: Stage::Building,
        since: Some(date),
        reason: None,
    })
}

/// Why a stage history cannot be: the change that cannot have happened
/// (its index in `Project::stages`, or `None` for the start of works).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadHistory {
    pub entry: Option<usize>,
    pub message: String,
}

impl std::fmt::Display for BadHistory {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

/// Replays a project's history — the start of works and every change of
/// stage, in date order (a start before a change on the same day) —
/// through the state machine: where it stands, or the first change that
/// cannot have happened.
pub fn replay(p: &Project) -> Result<Current, BadHistory> {
    let mut events: Vec<(Date, Option<usize>)> = p
        .stages
        .iter()
        .enumerate()
        .map(|(i, e)| (e.date, Some(i)))
        .collect();
    if let Some(s) = p.started {
        events.push((s, None));
    }
    // Stable: changes on one day keep their order in the file.
    events.sort_by_key(|(d, e)| (*d, e.is_some()));
    let mut now = Current::initial();
    let mut started = None;
    for (date, entry) in events {
        now = match entry {
            None => {
                started = Some(date);
                start(&now, date, Date::MAX).map_err(|e| BadHistory {
                    entry: None,
                    message: tr!(StartedBut, date = date, error = e),
                })?
            }
            Some(i) => {
                let e = &p.stages[i];
                change(&now, e.stage, date, e.reason.as_deref(), started, Date::MAX).map_err(
                    |why| BadHistory {
                        entry: Some(i),
                        message: tr!(ChangeTo, stage = e.stage.shown(), date = date, why = why),
                    },
                )?
            }
        };
    }
    Ok(now)
}

/// Where the project stands (its record as loaded; see
/// `LoadedProject::as_of` for a past day). A history the check refuses is
/// read as its last change says.
pub fn current(p: &Project) -> Current {
    replay(p).unwrap_or_else(|_| {
        let last = p.stages.iter().max_by_key(|e| e.date);
        match (last, p.started) {
            (Some(e), s) if s.is_none_or(|s| s <= e.date) => Current {
                stage: e.stage,
                since: Some(e.date),
                reason: e.reason.clone(),
            },
            (_, Some(s)) => Current {
                stage: Stage::Building,
                since: Some(s),
                reason: None,
            },
            _ => Current::initial(),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use Stage::*;

    fn d(s: &str) -> Date {
        super::super::parse_date(s).unwrap()
    }

    const TODAY: &str = "2024-11-25";

    fn at(stage: Stage, since: Option<&str>) -> Current {
        Current {
            stage,
            since: since.map(d),
            reason: None,
        }
    }

    fn go(now: &Current, to: Stage, date: &str, started: Option<&str>) -> Result<Current, String> {
        change(
            now,
            to,
            d(date),
            Some("资金未到位"),
            started.map(d),
            d(TODAY),
        )
    }

    #[test]
    fn parse_by_key_or_chinese() {
        assert_eq!(Stage::parse("completed"), Ok(Completed));
        assert_eq!(Stage::parse("暂缓"), Ok(Suspended));
        let e = Stage::parse("done").unwrap_err();
        assert!(
            e.contains("\"done\"") && e.contains("producing (投产)"),
            "{e}"
        );
    }

    #[test]
    fn only_preparing_and_building_are_active() {
        let active: Vec<Stage> = Stage::ALL.into_iter().filter(|s| s.is_active()).collect();
        assert_eq!(active, [Preparing, Building]);
    }

    #[test]
    fn building_completes_then_produces() {
        let b = at(Building, Some("2024-03-01"));
        let c = go(&b, Completed, "2024-10-01", Some("2024-03-01")).unwrap();
        assert_eq!((c.stage, c.since), (Completed, Some(d("2024-10-01"))));
        let p = go(&c, Producing, "2024-11-01", Some("2024-03-01")).unwrap();
        assert_eq!(p.stage, Producing);
        // Straight into production from building.
        assert_eq!(
            go(&b, Producing, "2024-10-01", Some("2024-03-01"))
                .unwrap()
                .stage,
            Producing
        );
    }

    #[test]
    fn completed_needs_started() {
        let e = go(&Current::initial(), Completed, "2024-10-01", None).unwrap_err();
        assert!(e.contains("works have not started"), "{e}");
        let e = go(&Current::initial(), Producing, "2024-10-01", None).unwrap_err();
        assert!(e.contains("works have not started"), "{e}");
        let e = go(&Current::initial(), Building, "2024-10-01", None).unwrap_err();
        assert!(e.contains("taizhang start"), "{e}");
    }

    #[test]
    fn completed_before_started_is_refused() {
        let b = at(Building, Some("2024-03-01"));
        let e = go(&b, Completed, "2024-02-28", Some("2024-03-01")).unwrap_err();
        assert_eq!(e, "2024-02-28 is before works started on 2024-03-01");
    }

    #[test]
    fn a_date_after_today_is_refused() {
        let b = at(Building, Some("2024-03-01"));
        let e = go(&b, Completed, "2024-11-26", Some("2024-03-01")).unwrap_err();
        assert!(e.contains("after today (2024-11-25)"), "{e}");
        let e = start(&Current::initial(), d("2024-11-26"), d(TODAY)).unwrap_err();
        assert!(e.contains("after today"), "{e}");
    }

    #[test]
    fn suspended_and_cancelled_need_a_reason() {
        for to in [Suspended, Cancelled] {
            for reason in [None, Some("  ")] {
                let e = change(
                    &Current::initial(),
                    to,
                    d("2024-05-01"),
                    reason,
                    None,
                    d(TODAY),
                )
                .unwrap_err();
                assert!(e.contains("--reason"), "{e}");
            }
        }
        // Other changes may carry one, as a note.
        let c = change(
            &at(Building, Some("2024-03-01")),
            Completed,
            d("2024-10-01"),
            Some("通过竣工验收"),
            Some(d("2024-03-01")),
            d(TODAY),
        )
        .unwrap();
        assert_eq!(c.reason.as_deref(), Some("通过竣工验收"));
    }

    #[test]
    fn suspended_goes_back_to_building_or_preparing() {
        let s = go(
            &at(Building, Some("2024-03-01")),
            Suspended,
            "2024-05-01",
            Some("2024-03-01"),
        )
        .unwrap();
        assert_eq!(s.reason.as_deref(), Some("资金未到位"));
        let b = go(&s, Building, "2024-08-01", Some("2024-03-01")).unwrap();
        assert_eq!((b.stage, b.since), (Building, Some(d("2024-08-01"))));
        let e = go(&s, Preparing, "2024-08-01", Some("2024-03-01")).unwrap_err();
        assert!(e.contains("resume the project with `building`"), "{e}");
        let e = go(&s, Building, "2024-04-30", Some("2024-03-01")).unwrap_err();
        assert_eq!(
            e,
            "2024-04-30 is before the project became suspended on 2024-05-01"
        );

        // Suspended before it ever started: back to preparing.
        let s = go(&Current::initial(), Suspended, "2024-05-01", None).unwrap();
        let p = go(&s, Preparing, "2024-06-01", None).unwrap();
        assert_eq!(p.stage, Preparing);
        let e = go(&s, Building, "2024-06-01", None).unwrap_err();
        assert!(e.contains("never started works"), "{e}");
    }

    #[test]
    fn suspended_does_not_complete_without_resuming() {
        let s = at(Suspended, Some("2024-05-01"));
        for to in [Completed, Producing] {
            let e = go(&s, to, "2024-08-01", Some("2024-03-01")).unwrap_err();
            assert!(e.contains("resume it with `building` first"), "{e}");
        }
        assert_eq!(
            go(&s, Cancelled, "2024-08-01", Some("2024-03-01"))
                .unwrap()
                .stage,
            Cancelled
        );
    }

    #[test]
    fn cancelled_is_final() {
        let c = at(Cancelled, Some("2024-05-01"));
        for to in Stage::ALL {
            let e = go(&c, to, "2024-08-01", None).unwrap_err();
            if to == Cancelled {
                assert!(e.contains("already cancelled"), "{e}");
            } else {
                assert!(e.contains("closed for good"), "{e}");
            }
        }
        let e = start(&c, d("2024-08-01"), d(TODAY)).unwrap_err();
        assert!(e.contains("does not start"), "{e}");
    }

    #[test]
    fn producing_is_final() {
        let p = at(Producing, Some("2024-05-01"));
        for to in [Building, Completed, Suspended, Cancelled, Preparing] {
            let e = go(&p, to, "2024-08-01", Some("2024-01-01")).unwrap_err();
            assert!(e.contains("nothing comes after production"), "{e}");
        }
    }

    #[test]
    fn completed_does_not_go_back() {
        let c = at(Completed, Some("2024-05-01"));
        for to in [Building, Suspended, Cancelled] {
            let e = go(&c, to, "2024-08-01", Some("2024-01-01")).unwrap_err();
            assert!(e.contains("was completed"), "{e}");
        }
        let e = go(&c, Preparing, "2024-08-01", Some("2024-01-01")).unwrap_err();
        assert!(e.contains("only a suspended project"), "{e}");
    }

    #[test]
    fn the_same_stage_twice_is_refused() {
        let b = at(Building, Some("2024-03-01"));
        let e = go(&b, Building, "2024-08-01", Some("2024-03-01")).unwrap_err();
        assert_eq!(e, "the project is already building since 2024-03-01");
    }

    #[test]
    fn start_only_from_preparing() {
        let b = start(&Current::initial(), d("2024-03-01"), d(TODAY)).unwrap();
        assert_eq!((b.stage, b.since), (Building, Some(d("2024-03-01"))));
        let e = start(
            &at(Suspended, Some("2024-02-01")),
            d("2024-03-01"),
            d(TODAY),
        )
        .unwrap_err();
        assert!(e.contains("resume it"), "{e}");
        let e = start(&b, d("2024-03-02"), d(TODAY)).unwrap_err();
        assert!(e.contains("already started"), "{e}");
        let e = start(
            &at(Preparing, Some("2024-04-01")),
            d("2024-03-01"),
            d(TODAY),
        )
        .unwrap_err();
        assert!(e.contains("before the project resumed"), "{e}");
    }

    fn project(started: Option<&str>, stages: &[(Stage, &str)]) -> Project {
        Project {
            name: "p".into(),
            kind: "industrial".into(),
            owner: None,
            township: None,
            code: None,
            investment: None,
            opened: d("2024-01-01"),
            planned_start: None,
            started: started.map(d),
            annual_plan: Default::default(),
            people: Default::default(),
            facts: Default::default(),
            stages: stages
                .iter()
                .map(|(s, date)| StageEntry {
                    stage: *s,
                    date: d(date),
                    reason: s.needs_reason().then(|| "资金未到位".to_string()),
                })
                .collect(),
        }
    }

    #[test]
    fn replay_derives_the_stage_from_the_history() {
        assert_eq!(replay(&project(None, &[])).unwrap().stage, Preparing);
        assert_eq!(
            replay(&project(Some("2024-03-01"), &[])).unwrap(),
            at(Building, Some("2024-03-01"))
        );
        let p = project(
            Some("2024-07-01"),
            &[
                (Suspended, "2024-02-01"),
                (Preparing, "2024-05-01"),
                (Completed, "2024-11-01"),
            ],
        );
        assert_eq!(replay(&p).unwrap(), at(Completed, Some("2024-11-01")));
        // Started and completed on one day: the start comes first.
        let p = project(Some("2024-07-01"), &[(Completed, "2024-07-01")]);
        assert_eq!(replay(&p).unwrap().stage, Completed);
    }

    #[test]
    fn replay_names_the_change_that_cannot_be() {
        let p = project(Some("2024-07-01"), &[(Completed, "2024-06-01")]);
        let e = replay(&p).unwrap_err();
        assert_eq!(e.entry, Some(0));
        assert!(
            e.message.starts_with("change to completed on 2024-06-01"),
            "{e}"
        );
        let p = project(Some("2024-07-01"), &[(Cancelled, "2024-06-01")]);
        let e = replay(&p).unwrap_err();
        assert_eq!(e.entry, None);
        assert!(
            e.message.starts_with("works started on 2024-07-01, but"),
            "{e}"
        );
        // current() still says something sensible.
        assert_eq!(current(&p).stage, Building);
    }
}
