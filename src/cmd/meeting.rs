//! `taizhang meeting add|decide|resolve|list`: dispatch meetings (调度会)
//! in `meetings/<date>.toml` and their decisions (议定事项), tracked to
//! closure like problems.

use super::{Ctx, Output, date_arg, project_id, text_arg};
use crate::cli::{MeetingAddArgs, MeetingDecideArgs, MeetingListArgs, MeetingResolveArgs};
use crate::model::Date;
use crate::model::meeting::Decision;
use crate::report::decisions;
use crate::store::meetings;
use crate::store::write::atomic_write;
use crate::store::{Ledger, Problem};
use anyhow::{Context, Result, anyhow, bail};

/// The decisions of every ledger a report covers, as of `day`, cut to
/// --taskforce's units (its lead unit or its name) when given. A meeting
/// file with an error is left out and counted among the skipped reads, so
/// the report says so and exits with the skipped status.
pub(super) fn decisions_on(ctx: &Ctx, day: Date, only_open: bool) -> Result<Vec<decisions::Item>> {
    let (out, skipped) = decisions_and_broken(ctx, day, only_open)?;
    leave_out(ctx, skipped)?;
    Ok(out)
}

/// `decisions_on`, the meeting files that cannot be read returned rather
/// than noted: a report that reads the meetings before the projects notes
/// them after the projects (`leave_out`), in the order it always has.
pub(super) fn decisions_and_broken(
    ctx: &Ctx,
    day: Date,
    only_open: bool,
) -> Result<(Vec<decisions::Item>, Vec<crate::store::ledger::Skipped>)> {
    let ledgers = ctx.open_ledgers()?;
    let tf = ctx.taskforce_of(&ledgers[0].settings)?;
    let multi = ledgers.len() > 1;
    let mut out = Vec::new();
    let mut skipped = Vec::new();
    for l in &ledgers {
        let (meetings, broken) = l.meetings();
        let meetings: Vec<_> = meetings.into_iter().filter_map(|m| m.as_of(day)).collect();
        let name = multi.then_some(l.settings.name.as_str());
        // A meeting file with an error is left out and named, like a
        // project that cannot be read; the others are reported.
        for (file, problems) in broken {
            let first = &problems[0];
            skipped.push(crate::store::ledger::Skipped {
                project: file
                    .strip_prefix(&l.root)
                    .unwrap_or(&file)
                    .display()
                    .to_string(),
                file: first.file.display().to_string(),
                line: first.line,
                message: first.message.clone(),
                ledger: name.map(str::to_string),
                problems,
            });
        }
        let mut items = decisions::items(name, &meetings, day, only_open);
        if let Some(tf) = &tf {
            items.retain(|d| d.unit == tf.lead || d.unit == tf.name);
        }
        out.extend(items);
    }
    Ok((out, skipped))
}

/// Notes meeting files that cannot be read among what the report left out.
pub(super) fn leave_out(ctx: &Ctx, skipped: Vec<crate::store::ledger::Skipped>) -> Result<()> {
    if !skipped.is_empty() {
        let lang = ctx.lang(&ctx.open_ledger()?.settings);
        let mut skips = ctx.skips.lock().expect("not poisoned");
        skips
            .get_or_insert_with(|| super::Skips {
                lang,
                list: Vec::new(),
            })
            .list
            .extend(skipped);
    }
    Ok(())
}

/// A meeting's day given on the command line: a date, not in the future.
fn meeting_date(text: &str, today: Date) -> Result<Date> {
    let date = date_arg("DATE", text)?;
    if date > today {
        bail!(tr!(MeetingAfterToday, date = date, today = today));
    }
    Ok(date)
}

/// The meeting file of `date` and its text; refuses a missing or broken file.
fn load(
    ledger: &Ledger,
    date: Date,
) -> Result<(std::path::PathBuf, String, crate::model::meeting::Meeting)> {
    let path = meetings::path(&ledger.root, date);
    if !path.is_file() {
        bail!(tr!(NoMeeting, date = date, file = path.display()));
    }
    let text =
        std::fs::read_to_string(&path).with_context(|| tr!(CannotRead, file = path.display()))?;
    let (meeting, problems) = meetings::read(&path, &text, None);
    let errors: Vec<&Problem> = problems.iter().filter(|p| !p.warning).collect();
    match meeting {
        Some(m) if errors.is_empty() => Ok((path, text, m)),
        _ => Err(anyhow!(
            "{}",
            tr!(
                MeetingUnusable,
                file = path.display(),
                problem = errors
                    .first()
                    .map_or_else(|| tr!(HasProblems), |p| p.headline())
            )
        )),
    }
}

pub fn add(ctx: &Ctx, a: &MeetingAddArgs) -> Result<Output> {
    let date = date_arg("--date", &a.date)?;
    if date > ctx.today {
        bail!(tr!(
            FlagValue,
            flag = "--date",
            error = tr!(MeetingAfterToday, date = date, today = ctx.today)
        ));
    }
    let title = text_arg("--title", &a.title, &tr!(GiveMeetingTitle))?;
    let ledger = ctx.open_ledger()?;
    let _lock = ledger.lock()?;
    let path = meetings::path(&ledger.root, date);
    if path.exists() {
        bail!(tr!(MeetingExists, date = date, file = path.display()));
    }
    std::fs::create_dir_all(path.parent().expect("meetings/ has a parent"))
        .with_context(|| tr!(CannotCreate, file = meetings::MEETINGS_DIR))?;
    atomic_write(&path, meetings::render_new(date, title).as_bytes())?;
    ctx.commit(
        &ledger,
        &[meetings::rel(date)],
        &format!("meeting add {date} ({title})"),
    );
    Ok(Output::ok(tr!(
        MeetingRecorded,
        date = date,
        title = title,
        file = path.display()
    )))
}

pub fn decide(ctx: &Ctx, a: &MeetingDecideArgs) -> Result<Output> {
    let date = meeting_date(&a.date, ctx.today)?;
    let what = text_arg("--what", &a.what, &tr!(GiveDecision))?;
    let unit = text_arg("--unit", &a.unit, &tr!(GiveUnit))?;
    let due = date_arg("--due", &a.due)?;
    if due < date {
        bail!(tr!(DueBeforeMeeting, due = due, date = date));
    }
    let project = a.project.as_deref().map(project_id).transpose()?;
    let ledger = ctx.open_ledger()?;
    if let Some(id) = &project
        && !ledger.project_dir(id).is_dir()
    {
        bail!(tr!(
            FlagValue,
            flag = "--project",
            error = ledger.unknown_project(id.as_str())
        ));
    }
    let _lock = ledger.lock()?;
    let (path, text, meeting) = load(&ledger, date)?;
    let no = meeting.decisions.iter().map(|d| d.no).max().unwrap_or(0) + 1;
    let d = Decision {
        no,
        what: what.to_string(),
        unit: unit.to_string(),
        due,
        project: project.map(|p| p.to_string()),
        resolved: None,
        how: String::new(),
    };
    atomic_write(&path, meetings::add_decision(&text, &d)?.as_bytes())?;
    ctx.commit(
        &ledger,
        &[meetings::rel(date)],
        &format!("meeting decide {date} {no} ({what})"),
    );
    Ok(Output::ok(tr!(
        DecisionRecorded,
        date = date,
        no = no,
        unit = unit,
        due = due
    )))
}

pub fn resolve(ctx: &Ctx, a: &MeetingResolveArgs) -> Result<Output> {
    let date = meeting_date(&a.date, ctx.today)?;
    let no =
        a.no.parse::<u32>()
            .ok()
            .filter(|n| *n > 0 && a.no.bytes().all(|b| b.is_ascii_digit()))
            .ok_or_else(|| anyhow!(tr!(BadDecisionNo, text = a.no)))?;
    let how = text_arg("--how", &a.how, &tr!(GiveDecisionHow))?;
    let on = match &a.on {
        Some(t) => date_arg("--on", t)?,
        None => ctx.today,
    };
    if on > ctx.today {
        bail!(tr!(
            FlagValue,
            flag = "--on",
            error = tr!(EventAfterToday, date = on, today = ctx.today)
        ));
    }
    let ledger = ctx.open_ledger()?;
    let _lock = ledger.lock()?;
    let (path, text, meeting) = load(&ledger, date)?;
    let Some(d) = meeting.decisions.iter().find(|d| d.no == no) else {
        let known: Vec<String> = meeting.decisions.iter().map(|d| d.no.to_string()).collect();
        if known.is_empty() {
            bail!(tr!(NoDecisionYet, date = date, no = no));
        }
        bail!(tr!(
            NoDecision,
            date = date,
            no = no,
            list = known.join(crate::msg::list_separator())
        ));
    };
    if let Some(r) = d.resolved {
        bail!(tr!(DecisionDone, no = no, date = date, on = r));
    }
    if on < date {
        bail!(tr!(OnBeforeMeeting, on = on, date = date));
    }
    atomic_write(
        &path,
        meetings::resolve_decision(&text, no, on, how)?.as_bytes(),
    )?;
    ctx.commit(
        &ledger,
        &[meetings::rel(date)],
        &format!("meeting resolve {date} {no}"),
    );
    let late = if on > d.due {
        tr!(DaysAfterDue, n = (on - d.due).num_days(), due = d.due)
    } else {
        String::new()
    };
    Ok(Output::ok(tr!(
        DecisionCarriedOut,
        date = date,
        no = no,
        on = on,
        late = late
    )))
}

pub fn list(ctx: &Ctx, a: &MeetingListArgs) -> Result<Output> {
    let items = decisions_on(ctx, ctx.today, a.open)?;
    let ledger = ctx.open_ledger()?;
    let lang = ctx.lang(&ledger.settings);
    let report = decisions::Report::new(ctx.today, items);
    ctx.render(report, |r| r.table(lang), |r| r.empty_line(lang))
}

/// `taizhang leader TASKFORCE NAME`: the leader on duty (带班领导) of a task
/// force, written into ledger.toml keeping its comments.
pub fn leader(ctx: &Ctx, a: &crate::cli::LeaderArgs) -> Result<Output> {
    let ledger = ctx.open_ledger()?;
    let key = a.key.trim();
    let tf = ledger.settings.taskforce(key).ok_or_else(|| {
        anyhow!(crate::model::suggest::message(
            tr!(UnknownTaskforce, text = key),
            key,
            &ledger.settings.taskforce_candidates(),
            &tr!(ExpectedOneOf, list = ledger.settings.taskforce_keys()),
        ))
    })?;
    let name = a.name.trim();
    let name = (!name.is_empty()).then_some(name);
    if tf.leader.as_deref() == name {
        return Ok(Output::ok(tr!(LeaderUnchanged, name = tf.name, key = key)));
    }
    let _lock = ledger.lock()?;
    let path = ledger.root.join(crate::store::ledger::SETTINGS_FILE);
    let text =
        std::fs::read_to_string(&path).with_context(|| tr!(CannotRead, file = path.display()))?;
    let new = crate::store::settings_file::set_taskforce_leader(&text, key, name)?;
    atomic_write(&path, new.as_bytes())?;
    ctx.commit(
        &ledger,
        &[std::path::PathBuf::from(
            crate::store::ledger::SETTINGS_FILE,
        )],
        &format!("leader {key} {}", name.unwrap_or("(none)")),
    );
    Ok(Output::ok(match name {
        Some(n) => tr!(LeaderSet, name = tf.name, key = key, leader = n),
        None => tr!(LeaderRemoved, name = tf.name, key = key),
    }))
}
