//! The state machine of one procedure row (前期手续): pending (未办) →
//! applied (已申报) → pledged (容缺受理 / 告知承诺) → obtained (办结), and
//! not-needed (不需办理). Each transition is a pure function over the row,
//! `today` and what the clerk typed, returning the new row or a refusal
//! that says why. The commands in `cmd/` only load, call one of these,
//! save and render.
//!
//! History comes first: a date in the past is a fact, whatever day the
//! project entered the ledger. Only the impossible is refused: a date after
//! today, obtained before applied, a pledge made good before it was granted,
//! a deadline before its pledge.

use super::settings::Limit;
use super::{CatalogueEntry, Date, PledgeKind, Procedure, Status, calendar::Calendar};

/// Where a row stands. `Applied` is a pending row with an application day;
/// the file keeps `status = pending` and the `applied` date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum State {
    /// 未办: nothing recorded yet.
    Pending,
    /// 已申报: applied for, waiting for the approval.
    Applied,
    /// 容缺受理 / 告知承诺: granted on a commitment not yet made good.
    Pledged,
    /// 办结: obtained (a pledge made good counts too).
    Obtained,
    /// 不需办理: not needed on this project.
    NotNeeded,
}

impl State {
    pub fn of(row: &Procedure) -> State {
        match row.status {
            Status::Pending if row.applied.is_some() => State::Applied,
            Status::Pending => State::Pending,
            Status::Pledged => State::Pledged,
            Status::Obtained => State::Obtained,
            Status::NotNeeded => State::NotNeeded,
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            State::Pending => "pending",
            State::Applied => "applied",
            State::Pledged => "pledged",
            State::Obtained => "obtained",
            State::NotNeeded => "not-needed",
        }
    }

    /// The state as a message names it: its key in English, its Chinese
    /// name in Chinese.
    pub fn shown(self) -> String {
        use crate::msg::Msg;
        let id = match self {
            State::Pending => Msg::StatePending,
            State::Applied => Msg::StateApplied,
            State::Pledged => Msg::StatePledged,
            State::Obtained => Msg::StateObtained,
            State::NotNeeded => Msg::StateNotNeeded,
        };
        crate::msg::text(id, &[])
    }
}

/// A transition refused, with the reason (one line, for the clerk).
pub type Refusal = String;

/// The new row and one line saying what changed.
pub type Outcome = Result<(Procedure, String), Refusal>;

fn label(r: &Procedure) -> String {
    format!("{} ({})", r.name, r.key)
}

fn add_note(note: &mut String, text: &str) {
    let text = text.trim();
    if text.is_empty() {
        return;
    }
    if note.is_empty() {
        *note = text.to_string();
    } else {
        note.push('；');
        note.push_str(text);
    }
}

/// Refuses a date after today: an event is recorded on or after its day.
pub fn not_future(flag: &str, date: Date, today: Date) -> Result<Date, Refusal> {
    if date > today {
        return Err(tr!(DateAfterToday, flag = flag, date = date, today = today));
    }
    Ok(date)
}

/// Refuses a row that is already obtained or not needed (a new step makes
/// no sense on it); `undo` and `require` are the way back.
fn refuse_closed(r: &Procedure) -> Result<(), Refusal> {
    match r.status {
        Status::Obtained => Err(tr!(
            AlreadyObtained,
            what = label(r),
            date = r
                .obtained
                .map_or_else(|| tr!(UnrecordedDate), |d| d.to_string())
        )),
        Status::NotNeeded => Err(tr!(MarkedNotNeeded, what = label(r))),
        _ => Ok(()),
    }
}

/// `tick`: obtained (办结) on `date`, with a document number and a note.
/// Ticking a pledged row makes its pledge good as `fulfil` does.
pub fn tick(
    row: &Procedure,
    today: Date,
    date: Date,
    doc: Option<&str>,
    note: Option<&str>,
) -> Outcome {
    refuse_closed(row)?;
    let date = not_future("--date", date, today)?;
    if let Some(a) = row.applied
        && date < a
    {
        return Err(tr!(
            ObtainedBeforeApplied,
            date = date,
            what = label(row),
            applied = a
        ));
    }
    if row.status == Status::Pledged {
        let (mut new, _) = fulfil(row, today, date)?;
        if let Some(doc) = doc {
            new.doc_no = doc.trim().to_string();
        }
        add_note(&mut new.note, note.unwrap_or(""));
        let obtained = new.obtained.expect("fulfil sets the obtained date");
        let msg = if obtained == date {
            tr!(ObtainedPledgeFulfilled, what = label(&new), date = date)
        } else {
            tr!(
                ObtainedOnCommitment,
                what = label(&new),
                obtained = obtained,
                date = date
            )
        };
        return Ok((new, msg));
    }
    let mut new = row.clone();
    new.status = Status::Obtained;
    new.obtained = Some(date);
    if let Some(doc) = doc {
        new.doc_no = doc.trim().to_string();
    }
    add_note(&mut new.note, note.unwrap_or(""));
    let msg = tr!(Obtained, what = label(&new), date = date);
    Ok((new, msg))
}

/// `apply`: applied for (申报/受理) on `date`; the due date is the
/// catalogue's time limit counted from that day, when there is one.
pub fn apply(
    row: &Procedure,
    today: Date,
    date: Date,
    limit: Option<Limit>,
    calendar: &Calendar,
) -> Outcome {
    refuse_closed(row)?;
    let date = not_future("--date", date, today)?;
    if row.status == Status::Pledged {
        return Err(tr!(ApplyPledged, what = label(row)));
    }
    if let Some(d) = row.applied {
        return Err(tr!(AlreadyApplied, what = label(row), date = d));
    }
    let mut new = row.clone();
    new.applied = Some(date);
    if let Some(l) = limit {
        new.due = Some(l.due_from(date, calendar));
    }
    let msg = tr!(Applied, what = label(&new), date = date);
    Ok((new, msg))
}

/// `pledge`: granted on a commitment on `date`, to be made good by `due`.
/// Under 告知承诺 (notify) the approval is issued on the commitment, so the
/// row is obtained on the pledge day; under 容缺受理 (tolerance) it is
/// obtained when the missing items are supplied (`fulfil`).
pub fn pledge(
    row: &Procedure,
    today: Date,
    date: Date,
    kind: PledgeKind,
    due: Date,
    items: &str,
) -> Outcome {
    refuse_closed(row)?;
    let date = not_future("--date", date, today)?;
    if row.status == Status::Pledged {
        return Err(tr!(
            AlreadyPledged,
            what = label(row),
            kind = row.pledge_kind.map_or("", |k| k.label(crate::msg::lang())),
            due = row.pledge_due.map_or(String::new(), |d| d.to_string())
        ));
    }
    if due < date {
        return Err(tr!(DeadlineBeforePledge, due = due, date = date));
    }
    if items.trim().is_empty() {
        return Err(tr!(PledgeNeedsItems));
    }
    let mut new = row.clone();
    new.status = Status::Pledged;
    new.pledge_kind = Some(kind);
    new.pledged = Some(date);
    new.pledge_due = Some(due);
    new.missing_items = items.trim().to_string();
    new.obtained = (kind == PledgeKind::Notify).then_some(date);
    let issued = if kind == PledgeKind::Notify {
        tr!(IssuedOnCommitment)
    } else {
        String::new()
    };
    let msg = tr!(
        Pledged,
        what = label(&new),
        kind = kind.label(crate::msg::lang()),
        date = date,
        due = due,
        issued = issued
    );
    Ok((new, msg))
}

/// `fulfil`: the commitment made good on `date`. The row is obtained: on
/// the pledge day under 告知承诺, on `date` under 容缺受理.
pub fn fulfil(row: &Procedure, today: Date, date: Date) -> Outcome {
    if !row.open_pledge() {
        return Err(tr!(
            NoOpenPledge,
            what = label(row),
            state = State::of(row).shown()
        ));
    }
    let date = not_future("--date", date, today)?;
    if let Some(p) = row.pledged
        && date < p
    {
        return Err(tr!(BeforePledgeAccepted, date = date, pledged = p));
    }
    let mut new = row.clone();
    new.fulfilled = Some(date);
    new.status = Status::Obtained;
    new.obtained = match row.pledge_kind {
        Some(PledgeKind::Notify) => row.obtained.or(row.pledged).or(Some(date)),
        _ => Some(date),
    };
    let late = row
        .pledge_due
        .filter(|d| date > *d)
        .map(|d| tr!(DaysAfterDeadline, n = (date - d).num_days(), due = d))
        .unwrap_or_default();
    let obtained = new.obtained.expect("set above");
    let issued = if obtained == date {
        String::new()
    } else {
        tr!(ObtainedOnCommitmentDay, obtained = obtained)
    };
    let msg = tr!(
        Fulfilled,
        what = label(&new),
        date = date,
        late = late,
        issued = issued
    );
    Ok((new, msg))
}

/// `due`: the date by which the procedure should be obtained (时间节点).
pub fn due(row: &Procedure, date: Date) -> Outcome {
    refuse_closed(row)?;
    let mut new = row.clone();
    new.due = Some(date);
    let msg = tr!(DueBy, what = label(&new), date = date);
    Ok((new, msg))
}

/// `undo`: back to pending, clearing the application, obtained date,
/// document number and pledge; the reason goes to the note. The due date
/// stays (correct it with `edit --due`).
pub fn undo(row: &Procedure, reason: Option<&str>) -> Outcome {
    let was = State::of(row);
    if was == State::Pending {
        return Err(tr!(NothingToUndo, what = label(row)));
    }
    let mut new = row.clone();
    new.status = Status::Pending;
    new.applied = None;
    new.obtained = None;
    new.doc_no.clear();
    new.pledge_kind = None;
    new.pledged = None;
    new.pledge_due = None;
    new.pledge_due_original = None;
    new.extensions = 0;
    new.missing_items.clear();
    new.fulfilled = None;
    // What was undone, as it stood: the state, its day and document.
    let day = match was {
        State::Applied => row.applied,
        State::Pledged => row.pledged,
        State::Obtained => row.obtained,
        _ => None,
    };
    // The note keeps the state's key (the file reads the same whatever
    // the clerk's language); the message names it in the clerk's.
    let mut day_and_doc = String::new();
    if let Some(d) = day {
        day_and_doc.push_str(&format!(" {d}"));
    }
    if !row.doc_no.is_empty() {
        day_and_doc.push_str(&format!(" {}", row.doc_no));
    }
    if let Some(r) = reason.map(str::trim).filter(|r| !r.is_empty()) {
        add_note(
            &mut new.note,
            &format!("撤销 undone ({}{day_and_doc}): {r}", was.key()),
        );
    }
    let was_text = format!("{}{day_and_doc}", was.shown());
    let msg = tr!(BackToPending, what = label(&new), was = was_text);
    Ok((new, msg))
}

/// The fields `edit` may correct; `None` leaves a field as it is.
#[derive(Debug, Clone, Copy, Default)]
pub struct Fields<'a> {
    /// The date of the row's state: obtained, or pledged for a pledge.
    pub date: Option<Date>,
    pub doc: Option<&'a str>,
    pub applied: Option<Date>,
    /// The due date (时间节点), or the pledge's deadline for a pledge.
    pub due: Option<Date>,
    pub items: Option<&'a str>,
    /// Replaces the note.
    pub note: Option<&'a str>,
}

/// `edit`: corrects fields of the row in its current state. A field that
/// makes no sense in the state is refused with the reason. A corrected
/// application day of a row waiting for its approval moves the due date
/// with it when that was counted from the old day by the catalogue's
/// `limit`.
pub fn edit(
    row: &Procedure,
    today: Date,
    f: Fields,
    limit: Option<Limit>,
    calendar: &Calendar,
) -> Outcome {
    let state = State::of(row);
    let refuse = |flag: &str, why: &str| -> Outcome {
        Err(tr!(
            EditRefused,
            flag = flag,
            what = label(row),
            state = state.shown(),
            why = why
        ))
    };
    if f.date.is_none()
        && f.doc.is_none()
        && f.applied.is_none()
        && f.due.is_none()
        && f.items.is_none()
        && f.note.is_none()
    {
        return Err(tr!(NothingToEdit));
    }
    match state {
        State::Pending | State::Applied => {
            if f.date.is_some() {
                return refuse("--date", &tr!(WhyTick));
            }
            if f.doc.is_some() {
                return refuse("--doc", &tr!(WhyTickDoc));
            }
            if f.items.is_some() {
                return refuse("--items", &tr!(WhyPledge));
            }
            if state == State::Pending && f.applied.is_some() {
                return refuse("--applied", &tr!(WhyApply));
            }
        }
        State::Pledged => {}
        State::Obtained => {
            if f.due.is_some() {
                return refuse("--due", &tr!(WhyNoDeadline));
            }
            if f.items.is_some() && row.pledged.is_none() {
                return refuse("--items", &tr!(WhyNeverPledged));
            }
        }
        State::NotNeeded => {
            for (flag, given) in [
                ("--date", f.date.is_some()),
                ("--doc", f.doc.is_some()),
                ("--applied", f.applied.is_some()),
                ("--due", f.due.is_some()),
                ("--items", f.items.is_some()),
            ] {
                if given {
                    return refuse(flag, &tr!(WhyOnlyNote));
                }
            }
        }
    }
    let mut new = row.clone();
    let mut changed = Vec::new();
    if let Some(d) = f.date {
        not_future("--date", d, today)?;
        if state == State::Pledged {
            // Under 告知承诺 the approval is issued on the pledge day.
            if new.pledge_kind == Some(PledgeKind::Notify) && new.obtained == new.pledged {
                new.obtained = Some(d);
            }
            new.pledged = Some(d);
            changed.push(tr!(ChangedPledged, date = d));
        } else {
            new.obtained = Some(d);
            if new.pledge_kind == Some(PledgeKind::Tolerance) {
                // Obtained when the items were supplied.
                new.fulfilled = Some(d);
            }
            changed.push(tr!(ChangedObtained, date = d));
        }
    }
    if let Some(d) = f.applied {
        not_future("--applied", d, today)?;
        new.applied = Some(d);
        changed.push(tr!(ChangedApplied, date = d));
        if let (State::Applied, None, Some(l), Some(old)) = (state, f.due, limit, row.applied)
            && row.due == Some(l.due_from(old, calendar))
        {
            let due = l.due_from(d, calendar);
            new.due = Some(due);
            changed.push(tr!(ChangedDueFromApplication, date = due, limit = l));
        }
    }
    if let Some(d) = f.due {
        if state == State::Pledged {
            new.pledge_due = Some(d);
            changed.push(tr!(ChangedPledgeDue, date = d));
        } else {
            new.due = Some(d);
            changed.push(tr!(ChangedDue, date = d));
        }
    }
    if let Some(doc) = f.doc {
        new.doc_no = doc.trim().to_string();
        changed.push(tr!(ChangedDoc, doc = new.doc_no));
    }
    if let Some(items) = f.items {
        let items = items.trim();
        if items.is_empty() {
            return Err(tr!(ItemsEmpty));
        }
        new.missing_items = items.to_string();
        changed.push(tr!(ChangedItems, items = items));
    }
    if let Some(note) = f.note {
        new.note = note.trim().to_string();
        changed.push(tr!(ChangedNote, note = new.note));
    }
    if let Some(problem) = impossible(&new).into_iter().next() {
        return Err(problem.1);
    }
    if new == *row {
        return Err(tr!(NothingChanged, what = label(row)));
    }
    let msg = tr!(
        Edited,
        what = label(&new),
        changes = changed.join(crate::msg::list_separator())
    );
    Ok((new, msg))
}

/// `extend`: the pledge's deadline moved to `due` (延期); the first
/// deadline is kept and the extensions counted.
pub fn extend(row: &Procedure, due: Date, reason: &str) -> Outcome {
    if !row.open_pledge() {
        return Err(tr!(
            NoPledgeToExtend,
            what = label(row),
            state = State::of(row).shown()
        ));
    }
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(tr!(ReasonEmpty));
    }
    let old = row
        .pledge_due
        .ok_or_else(|| tr!(NoDeadlineToExtend, what = label(row)))?;
    if due <= old {
        return Err(tr!(ExtendNotLater, due = due, old = old));
    }
    let mut new = row.clone();
    new.pledge_due = Some(due);
    new.pledge_due_original = Some(row.pledge_due_original.unwrap_or(old));
    new.extensions = row.extensions + 1;
    add_note(
        &mut new.note,
        &format!("延期 extended {old} → {due}: {reason}"),
    );
    let msg = tr!(
        Extended,
        what = label(&new),
        old = old,
        due = due,
        n = new.extensions,
        first = new.pledge_due_original.expect("set above")
    );
    Ok((new, msg))
}

/// `require` for a procedure not on the task list: a new pending row, due
/// by the catalogue's time limit counted from `today`.
pub fn require_new(c: &CatalogueEntry, today: Date, calendar: &Calendar) -> Procedure {
    Procedure {
        key: c.key.clone().into(),
        name: c.name.clone().into(),
        taskforce: c.taskforce.clone().into(),
        status: Status::Pending,
        due: c.limit.map(|l| l.due_from(today, calendar)),
        ..Procedure::default()
    }
}

/// `require` for a row already on the list: only a not-needed row comes
/// back, as pending, due by the time limit counted from `today`.
pub fn require(row: &Procedure, limit: Option<Limit>, today: Date, calendar: &Calendar) -> Outcome {
    if row.status != Status::NotNeeded {
        return Err(tr!(
            AlreadyOnList,
            what = label(row),
            state = State::of(row).shown()
        ));
    }
    let mut new = row.clone();
    new.status = Status::Pending;
    new.due = limit.map(|l| l.due_from(today, calendar));
    let msg = tr!(NeededAgain, what = label(&new));
    Ok((new, msg))
}

/// `waive`: not needed (不需办理) with the reason in the note, e.g. covered
/// by the development zone's regional assessment (区域评估).
pub fn waive(row: &Procedure, reason: &str) -> Outcome {
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(tr!(WaiveReasonEmpty));
    }
    match State::of(row) {
        State::NotNeeded => {
            return Err(tr!(AlreadyNotNeeded, what = label(row)));
        }
        State::Obtained => {
            return Err(tr!(
                WaiveObtained,
                what = label(row),
                date = row
                    .obtained
                    .map_or_else(|| tr!(UnrecordedDate), |d| d.to_string())
            ));
        }
        State::Pledged => {
            return Err(tr!(WaivePledged, what = label(row)));
        }
        State::Pending | State::Applied => {}
    }
    let mut new = row.clone();
    new.status = Status::NotNeeded;
    new.due = None;
    add_note(&mut new.note, &format!("不需办理 waived: {reason}"));
    let msg = tr!(Waived, what = label(&new), reason = reason);
    Ok((new, msg))
}

/// The procedures on a task list that were neither obtained nor pledged
/// on `day`: works started then are 未批先建 (a warning, never a refusal:
/// it happens, and the ledger must say so).
pub fn not_ready_on(rows: &[Procedure], day: Date) -> Vec<&Procedure> {
    rows.iter()
        .filter(|r| r.status != Status::NotNeeded)
        .filter(|r| match r.status {
            Status::Pending => true,
            _ => [r.obtained, r.pledged]
                .into_iter()
                .flatten()
                .min()
                .is_some_and(|d| d > day),
        })
        .collect()
}

/// The column of `procedures.csv` an impossibility is about.
pub type Column = &'static str;

/// What cannot be true of a row, whatever the day: obtained before it was
/// applied for, a pledge made good before it was granted, a pledge's
/// deadline before the pledge. Each with its column and one line.
pub fn impossible(row: &Procedure) -> Vec<(Column, String)> {
    let mut out = Vec::new();
    if let (Some(a), Some(o)) = (row.applied, row.obtained)
        && o < a
    {
        out.push((
            "obtained",
            tr!(ImpossibleObtained, key = row.key, obtained = o, applied = a),
        ));
    }
    if let (Some(p), Some(f)) = (row.pledged, row.fulfilled)
        && f < p
    {
        out.push((
            "fulfilled",
            tr!(
                ImpossibleFulfilled,
                key = row.key,
                fulfilled = f,
                pledged = p
            ),
        ));
    }
    if let (Some(p), Some(d)) = (row.pledged, row.pledge_due)
        && d < p
    {
        out.push((
            "pledge_due",
            tr!(ImpossiblePledgeDue, key = row.key, due = d, pledged = p),
        ));
    }
    out
}

/// The recorded dates of a row that lie after `today`, with their column.
pub fn future_dates(row: &Procedure, today: Date) -> Vec<(Column, Date)> {
    [
        ("applied", row.applied),
        ("obtained", row.obtained),
        ("pledged", row.pledged),
        ("fulfilled", row.fulfilled),
    ]
    .into_iter()
    .filter_map(|(c, d)| d.filter(|d| *d > today).map(|d| (c, d)))
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::parse_date;

    fn d(s: &str) -> Date {
        parse_date(s).unwrap()
    }

    const TODAY: &str = "2024-06-01";

    fn today() -> Date {
        d(TODAY)
    }

    fn pending() -> Procedure {
        Procedure {
            key: "eia".into(),
            name: "环评批复".into(),
            taskforce: "env".into(),
            due: Some(d("2024-05-01")),
            ..Procedure::default()
        }
    }

    fn applied() -> Procedure {
        apply(
            &pending(),
            today(),
            d("2024-02-01"),
            None,
            &Calendar::default(),
        )
        .unwrap()
        .0
    }

    fn pledged(kind: PledgeKind) -> Procedure {
        pledge(
            &pending(),
            today(),
            d("2024-03-01"),
            kind,
            d("2024-04-01"),
            "图纸",
        )
        .unwrap()
        .0
    }

    fn obtained() -> Procedure {
        tick(
            &applied(),
            today(),
            d("2024-03-15"),
            Some("濮环审〔2024〕5号"),
            None,
        )
        .unwrap()
        .0
    }

    fn not_needed() -> Procedure {
        waive(&pending(), "区域评估").unwrap().0
    }

    fn err(o: Outcome) -> String {
        o.expect_err("refused")
    }

    /// `edit` of a procedure without a catalogue limit.
    fn edit(row: &Procedure, today: Date, f: Fields) -> Outcome {
        super::edit(row, today, f, None, &Calendar::default())
    }

    #[test]
    fn edit_of_the_application_day_moves_a_counted_due_date() {
        let cal = Calendar::default();
        let limit = Some(Limit::Days(30));
        let (row, _) = apply(&pending(), today(), d("2024-02-01"), limit, &cal).unwrap();
        assert_eq!(row.due, Some(d("2024-03-02")));
        let f = Fields {
            applied: Some(d("2024-02-05")),
            ..Fields::default()
        };
        let (r, msg) = super::edit(&row, today(), f, limit, &cal).unwrap();
        assert_eq!(r.due, Some(d("2024-03-06")));
        assert_eq!(
            msg,
            "环评批复 (eia): applied 2024-02-05, due 2024-03-06 (30d from the application)"
        );
        // A due date set by hand stays.
        let (hand, _) = due(&row, d("2024-04-01")).unwrap();
        let (r, _) = super::edit(&hand, today(), f, limit, &cal).unwrap();
        assert_eq!(r.due, Some(d("2024-04-01")));
    }

    #[test]
    fn states() {
        assert_eq!(State::of(&pending()), State::Pending);
        assert_eq!(State::of(&applied()), State::Applied);
        assert_eq!(State::of(&pledged(PledgeKind::Tolerance)), State::Pledged);
        assert_eq!(State::of(&obtained()), State::Obtained);
        assert_eq!(State::of(&not_needed()), State::NotNeeded);
    }

    #[test]
    fn tick_obtains_and_may_predate_anything() {
        // History: a date long before the project entered the ledger.
        let (r, msg) = tick(
            &pending(),
            today(),
            d("2023-01-05"),
            Some(" 文号 "),
            Some("市局"),
        )
        .unwrap();
        assert_eq!(r.status, Status::Obtained);
        assert_eq!(r.obtained, Some(d("2023-01-05")));
        assert_eq!(r.doc_no, "文号");
        assert_eq!(r.note, "市局");
        assert_eq!(msg, "环评批复 (eia) obtained on 2023-01-05");
    }

    #[test]
    fn tick_refusals() {
        assert!(
            err(tick(&pending(), today(), d("2024-06-02"), None, None)).contains("after today")
        );
        assert!(
            err(tick(&applied(), today(), d("2024-01-31"), None, None))
                .contains("before 环评批复 (eia) was applied for (2024-02-01)")
        );
        assert!(err(tick(&obtained(), today(), today(), None, None)).contains("already obtained"));
        assert!(err(tick(&not_needed(), today(), today(), None, None)).contains("not needed"));
        assert!(
            err(tick(
                &pledged(PledgeKind::Notify),
                today(),
                d("2024-02-01"),
                None,
                None
            ))
            .contains("before the pledge was accepted")
        );
    }

    #[test]
    fn tick_of_a_pledge_fulfils_it() {
        let (r, _) = tick(
            &pledged(PledgeKind::Tolerance),
            today(),
            d("2024-03-20"),
            None,
            None,
        )
        .unwrap();
        assert_eq!(
            (r.obtained, r.fulfilled),
            (Some(d("2024-03-20")), Some(d("2024-03-20")))
        );
        let (r, _) = tick(
            &pledged(PledgeKind::Notify),
            today(),
            d("2024-03-20"),
            None,
            None,
        )
        .unwrap();
        assert_eq!(
            (r.obtained, r.fulfilled),
            (Some(d("2024-03-01")), Some(d("2024-03-20")))
        );
    }

    #[test]
    fn apply_sets_the_due_date_from_the_limit() {
        let (r, _) = apply(
            &pending(),
            today(),
            d("2024-02-01"),
            Some(Limit::Days(30)),
            &Calendar::default(),
        )
        .unwrap();
        assert_eq!(
            (r.applied, r.due),
            (Some(d("2024-02-01")), Some(d("2024-03-02")))
        );
        let (r, _) = apply(
            &pending(),
            today(),
            d("2024-02-01"),
            None,
            &Calendar::default(),
        )
        .unwrap();
        assert_eq!(r.due, pending().due, "no limit: the due date stays");
    }

    #[test]
    fn apply_refusals() {
        let cal = Calendar::default();
        assert!(
            err(apply(&applied(), today(), today(), None, &cal))
                .contains("already applied for on 2024-02-01")
        );
        assert!(
            err(apply(
                &pledged(PledgeKind::Notify),
                today(),
                today(),
                None,
                &cal
            ))
            .contains("already granted on a commitment")
        );
        assert!(err(apply(&obtained(), today(), today(), None, &cal)).contains("already obtained"));
        assert!(err(apply(&not_needed(), today(), today(), None, &cal)).contains("not needed"));
        assert!(
            err(apply(&pending(), today(), d("2024-07-01"), None, &cal)).contains("after today")
        );
    }

    #[test]
    fn pledge_notify_is_obtained_on_the_pledge_day() {
        let n = pledged(PledgeKind::Notify);
        assert_eq!(n.status, Status::Pledged);
        assert_eq!(n.obtained, Some(d("2024-03-01")));
        assert!(n.open_pledge());
        let t = pledged(PledgeKind::Tolerance);
        assert_eq!(t.obtained, None);
        assert_eq!(t.missing_items, "图纸");
    }

    #[test]
    fn pledge_refusals() {
        let p = |row: &Procedure, date: &str, due: &str, items: &str| {
            pledge(row, today(), d(date), PledgeKind::Tolerance, d(due), items)
        };
        assert!(
            err(p(&pending(), "2024-03-01", "2024-02-01", "x")).contains("before the pledge date")
        );
        assert!(err(p(&pending(), "2024-03-01", "2024-04-01", " ")).contains("--items"));
        assert!(err(p(&pending(), "2024-07-01", "2024-08-01", "x")).contains("after today"));
        assert!(
            err(p(
                &pledged(PledgeKind::Notify),
                "2024-03-01",
                "2024-04-01",
                "x"
            ))
            .contains("already pledged (notify, due 2024-04-01)")
        );
        assert!(err(p(&obtained(), "2024-03-01", "2024-04-01", "x")).contains("already obtained"));
        assert!(err(p(&not_needed(), "2024-03-01", "2024-04-01", "x")).contains("not needed"));
    }

    #[test]
    fn fulfil_obtains_by_kind() {
        let (r, msg) = fulfil(&pledged(PledgeKind::Tolerance), today(), d("2024-04-03")).unwrap();
        assert_eq!(r.status, Status::Obtained);
        assert_eq!(
            (r.obtained, r.fulfilled),
            (Some(d("2024-04-03")), Some(d("2024-04-03")))
        );
        assert!(
            msg.contains("(2 days after the deadline 2024-04-01)"),
            "{msg}"
        );
        let (r, msg) = fulfil(&pledged(PledgeKind::Notify), today(), d("2024-03-20")).unwrap();
        assert_eq!(
            (r.obtained, r.fulfilled),
            (Some(d("2024-03-01")), Some(d("2024-03-20")))
        );
        assert!(msg.ends_with("obtained on 2024-03-01, the day of the commitment (告知承诺)"));
    }

    #[test]
    fn fulfil_refusals() {
        assert!(
            err(fulfil(&pending(), today(), today()))
                .contains("no open pledge to fulfil (status pending)")
        );
        assert!(err(fulfil(&obtained(), today(), today())).contains("(status obtained)"));
        let p = pledged(PledgeKind::Tolerance);
        assert!(
            err(fulfil(&p, today(), d("2024-02-28")))
                .contains("before the pledge was accepted (2024-03-01)")
        );
        assert!(err(fulfil(&p, today(), d("2024-06-02"))).contains("after today"));
    }

    #[test]
    fn due_and_its_refusals() {
        // A due date in the past is history too.
        let (r, _) = due(&pending(), d("2020-01-01")).unwrap();
        assert_eq!(r.due, Some(d("2020-01-01")));
        assert!(err(due(&obtained(), today())).contains("already obtained"));
        assert!(err(due(&not_needed(), today())).contains("not needed"));
    }

    #[test]
    fn undo_clears_every_step_but_the_due_date() {
        let mut p = pledged(PledgeKind::Notify);
        p = extend(&p, d("2024-05-01"), "材料未齐").unwrap().0;
        p = tick(&p, today(), d("2024-04-20"), Some("文号"), None)
            .unwrap()
            .0;
        let (r, msg) = undo(&p, Some("误录")).unwrap();
        assert_eq!(
            r,
            Procedure {
                note: format!("{}；撤销 undone (obtained 2024-03-01 文号): 误录", p.note),
                ..pending()
            }
        );
        assert_eq!(
            msg,
            "环评批复 (eia) back to pending (was obtained 2024-03-01 文号)"
        );
        let (r, _) = undo(&applied(), None).unwrap();
        assert_eq!(r, pending());
        let (r, _) = undo(&not_needed(), None).unwrap();
        assert_eq!(r.status, Status::Pending);
        assert!(err(undo(&pending(), None)).contains("nothing to undo"));
    }

    #[test]
    fn edit_corrects_the_fields_of_the_state() {
        let f = Fields {
            date: Some(d("2024-03-10")),
            doc: Some("新文号"),
            applied: Some(d("2024-01-15")),
            note: Some("更正"),
            ..Fields::default()
        };
        let (r, msg) = edit(&obtained(), today(), f).unwrap();
        assert_eq!(r.obtained, Some(d("2024-03-10")));
        assert_eq!(r.applied, Some(d("2024-01-15")));
        assert_eq!((r.doc_no.as_str(), r.note.as_str()), ("新文号", "更正"));
        assert_eq!(
            msg,
            "环评批复 (eia): obtained 2024-03-10, applied 2024-01-15, document number \"新文号\", note \"更正\""
        );
        // A pledge: --date is the pledge day (and the day a notify
        // approval was issued), --due its deadline.
        let f = Fields {
            date: Some(d("2024-02-20")),
            due: Some(d("2024-04-10")),
            items: Some("报告"),
            ..Fields::default()
        };
        let (r, _) = edit(&pledged(PledgeKind::Notify), today(), f).unwrap();
        assert_eq!(
            (r.pledged, r.obtained),
            (Some(d("2024-02-20")), Some(d("2024-02-20")))
        );
        assert_eq!(
            (r.pledge_due, r.due),
            (Some(d("2024-04-10")), pending().due)
        );
        assert_eq!(r.missing_items, "报告");
        let f = Fields {
            due: Some(d("2024-07-01")),
            applied: Some(d("2024-01-01")),
            ..Fields::default()
        };
        let (r, _) = edit(&applied(), today(), f).unwrap();
        assert_eq!(
            (r.due, r.applied),
            (Some(d("2024-07-01")), Some(d("2024-01-01")))
        );
        let (r, _) = edit(
            &not_needed(),
            today(),
            Fields {
                note: Some("x"),
                ..Fields::default()
            },
        )
        .unwrap();
        assert_eq!(r.note, "x");
    }

    #[test]
    fn edit_refusals() {
        let date = Fields {
            date: Some(d("2024-03-01")),
            ..Fields::default()
        };
        let doc = Fields {
            doc: Some("x"),
            ..Fields::default()
        };
        let items = Fields {
            items: Some("x"),
            ..Fields::default()
        };
        let applied_f = Fields {
            applied: Some(d("2024-03-01")),
            ..Fields::default()
        };
        let due_f = Fields {
            due: Some(d("2024-03-01")),
            ..Fields::default()
        };
        assert!(err(edit(&pending(), today(), Fields::default())).contains("nothing to edit"));
        assert!(
            err(edit(&pending(), today(), date))
                .starts_with("--date: 环评批复 (eia) is pending: record the day")
        );
        assert!(
            err(edit(&applied(), today(), doc)).starts_with("--doc: 环评批复 (eia) is applied")
        );
        assert!(err(edit(&pending(), today(), items)).starts_with("--items:"));
        assert!(
            err(edit(&pending(), today(), applied_f))
                .contains("record the application with `taizhang apply --date`")
        );
        assert!(err(edit(&obtained(), today(), due_f)).contains("no deadline left"));
        assert!(err(edit(&obtained(), today(), items)).contains("never pledged"));
        for f in [date, doc, items, applied_f, due_f] {
            assert!(err(edit(&not_needed(), today(), f)).contains("only its note can change"));
        }
        // Impossible results and future dates.
        let early = Fields {
            date: Some(d("2024-01-01")),
            ..Fields::default()
        };
        assert!(
            err(edit(&obtained(), today(), early))
                .contains("obtained 2024-01-01 before it was applied for (2024-02-01)")
        );
        let future = Fields {
            date: Some(d("2024-06-02")),
            ..Fields::default()
        };
        assert!(err(edit(&obtained(), today(), future)).contains("after today"));
        let same = Fields {
            doc: Some("濮环审〔2024〕5号"),
            ..Fields::default()
        };
        assert!(err(edit(&obtained(), today(), same)).contains("nothing changed"));
        let late = Fields {
            due: Some(d("2024-02-01")),
            ..Fields::default()
        };
        assert!(
            err(edit(&pledged(PledgeKind::Tolerance), today(), late))
                .contains("pledge deadline 2024-02-01 before the pledge")
        );
    }

    #[test]
    fn extend_keeps_the_first_deadline_and_counts() {
        let (r, msg) =
            extend(&pledged(PledgeKind::Tolerance), d("2024-05-01"), "材料未齐").unwrap();
        assert_eq!(
            (r.pledge_due, r.pledge_due_original, r.extensions),
            (Some(d("2024-05-01")), Some(d("2024-04-01")), 1)
        );
        assert_eq!(r.extended_from(), Some(d("2024-04-01")));
        assert_eq!(r.note, "延期 extended 2024-04-01 → 2024-05-01: 材料未齐");
        assert!(
            msg.contains("extended from 2024-04-01 to 2024-05-01 (extension 1"),
            "{msg}"
        );
        let (r, _) = extend(&r, d("2024-06-01"), "again").unwrap();
        assert_eq!(
            (r.pledge_due, r.pledge_due_original, r.extensions),
            (Some(d("2024-06-01")), Some(d("2024-04-01")), 2)
        );
    }

    #[test]
    fn extend_refusals() {
        let p = pledged(PledgeKind::Tolerance);
        assert!(
            err(extend(&p, d("2024-04-01"), "x"))
                .contains("not after the current deadline 2024-04-01")
        );
        assert!(err(extend(&p, d("2024-05-01"), " ")).contains("--reason"));
        assert!(err(extend(&pending(), d("2024-05-01"), "x")).contains("no open pledge to extend"));
        assert!(
            err(extend(&obtained(), d("2024-05-01"), "x")).contains("no open pledge to extend")
        );
    }

    #[test]
    fn require_and_waive() {
        let c = CatalogueEntry {
            key: "flood".into(),
            name: "洪水影响评价".into(),
            taskforce: "water".into(),
            authority: None,
            level: None,
            types: vec![],
            when: Vec::new(),
            limit: Some(Limit::Days(20)),
            limit_when: Vec::new(),
        };
        let r = require_new(&c, today(), &Calendar::default());
        assert_eq!((r.status, r.due), (Status::Pending, Some(d("2024-06-21"))));
        let w = not_needed();
        assert_eq!((w.status, w.due), (Status::NotNeeded, None));
        assert_eq!(w.note, "不需办理 waived: 区域评估");
        let (back, _) = require(&w, c.limit, today(), &Calendar::default()).unwrap();
        assert_eq!(
            (back.status, back.due),
            (Status::Pending, Some(d("2024-06-21")))
        );
        assert!(
            err(require(&pending(), None, today(), &Calendar::default()))
                .contains("already on the task list (pending)")
        );
        let (w, _) = waive(&applied(), "x").unwrap();
        assert_eq!(w.status, Status::NotNeeded);
    }

    #[test]
    fn waive_refusals() {
        assert!(err(waive(&pending(), "")).contains("--reason"));
        assert!(err(waive(&not_needed(), "x")).contains("already marked not needed"));
        assert!(err(waive(&obtained(), "x")).contains("undo it first"));
        assert!(
            err(waive(&pledged(PledgeKind::Notify), "x"))
                .contains("fulfil or undo the pledge first")
        );
    }

    #[test]
    fn impossible_and_future() {
        let mut r = obtained();
        assert!(impossible(&r).is_empty());
        r.obtained = Some(d("2024-01-01"));
        assert_eq!(impossible(&r)[0].0, "obtained");
        let mut p = pledged(PledgeKind::Tolerance);
        p.fulfilled = Some(d("2024-02-01"));
        assert_eq!(impossible(&p)[0].0, "fulfilled");
        assert_eq!(
            future_dates(&obtained(), d("2024-03-01")),
            vec![("obtained", d("2024-03-15"))]
        );
        assert!(future_dates(&obtained(), today()).is_empty());
    }
}
