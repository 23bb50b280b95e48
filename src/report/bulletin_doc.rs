//! The bulletin laid out for reading: the masthead (title, 期号, compiling
//! unit, date), the numbered sections in the order leaders read them (each
//! left out when it has nothing to say), every project by its name, and the
//! 报送/抄送 block. Markdown is rendered here; HTML (`html::write_bulletin`) and
//! Word (`docx`) render the same `Doc`, so the three carry the same content.

use super::bulletin::{Bulletin, LateStart, Overdue, RankBy, Scope};
use super::labels::pick;
use super::overdue::Kind;
use super::slow::{Light, ProjectLight};
use super::weekly::Upcoming;
use super::{Format, Table, problems, weekly_more};
use crate::model::{Date, Lang, Level, People, Stage};
use chrono::Datelike;
use std::sync::Arc;

/// A part of a section: an optional subheading, sentences, and a table.
#[derive(Debug, Clone, Default)]
pub struct Part {
    pub heading: String,
    pub lines: Vec<String>,
    pub table: Option<Table>,
    /// Set when the table holds its header only and its rows are made
    /// from the bulletin as they are written (`Bulletin::write_markdown`).
    pub later: Option<Later>,
}

/// The rows of one of the longest lists (a province's bulletin lists
/// hundreds of thousands of overdue items), left out of the laid-out
/// document and made from the bulletin one at a time as they are written,
/// with what the table's header was laid out for.
#[derive(Debug, Clone, Copy)]
pub enum Later {
    NewlyOverdue,
    Overdue { kind: Kind, ext: bool, call: bool },
    LateStarts { leaders: bool, units: bool },
    Lights,
    Upcoming,
}

/// What takes the rows of one of the longest tables one at a time
/// (`Bulletin::later_rows`): each row's cells and the tint of its first
/// cell.
pub type Emit<'a> = dyn FnMut(Vec<String>, Option<super::Tint>) -> std::io::Result<()> + 'a;

/// A numbered section; `id` names it for the HTML page and the tests.
#[derive(Debug, Clone)]
pub struct Section {
    pub id: &'static str,
    pub heading: String,
    pub lines: Vec<String>,
    pub parts: Vec<Part>,
}

/// The bulletin as a document.
#[derive(Debug, Clone)]
pub struct Doc {
    /// The masthead title, e.g. 重大项目推进工作简报.
    pub title: String,
    /// 征求意见稿 on a draft.
    pub draft: Option<String>,
    /// 期号: "2024年第3期".
    pub issue: String,
    /// The compiling unit (编发单位).
    pub unit: String,
    /// The date line: the day the ledger is counted as of.
    pub date: String,
    /// The headline of the text: whose bulletin, which period.
    pub heading: String,
    /// "数据截至2024-11-30".
    pub as_of: String,
    /// The projects left out because their files cannot be read, if any.
    pub note: Option<String>,
    pub sections: Vec<Section>,
    /// "报送：…", "抄送：…" and the signer line, each when given.
    pub distribution: Vec<String>,
    /// The closing line of the 版记: who issued the bulletin (left) and
    /// when (right): "台前县…专班", "2024年11月30日印发".
    pub issued: (String, String),
}

/// "2024年11月30日" / "30 November 2024".
pub fn date_line(d: Date, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{}年{}月{}日", d.year(), d.month(), d.day()),
        Lang::En => d.format("%-d %B %Y").to_string(),
    }
}

const NUMERALS: [&str; 10] = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

fn numbered(n: usize, heading: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{}、{heading}", NUMERALS.get(n).copied().unwrap_or("十")),
        Lang::En => format!("{}. {heading}", n + 1),
    }
}

fn list(lang: Lang, items: impl IntoIterator<Item = String>) -> String {
    items
        .into_iter()
        .collect::<Vec<_>>()
        .join(pick(lang, "; ", "；"))
}

/// The name shown for a project: its name, with its ledger in a roll-up.
fn shown(ledger: &Option<String>, name: &str, lang: Lang) -> String {
    match ledger {
        Some(l) => match lang {
            Lang::Zh => format!("{name}（{l}）"),
            Lang::En => format!("{name} ({l})"),
        },
        None => name.to_string(),
    }
}

/// Whom to call on a chasing line: the responsible unit (责任单位), then
/// the person in charge and the county leader (包联县领导) as
/// `weekly_more::call` names them.
fn whom(people: &Option<Arc<People>>, lang: Lang) -> String {
    let Some(p) = people else {
        return String::new();
    };
    let mut parts: Vec<String> = p.unit.iter().cloned().collect();
    let call = weekly_more::call(people, lang);
    if !call.is_empty() {
        parts.push(call);
    }
    parts.join(pick(lang, "; ", "，"))
}

/// A row of the table of items newly overdue since the previous bulletin.
fn newly_overdue_row(o: &Overdue, lang: Lang) -> Vec<String> {
    let item = match (o.kind, lang) {
        (Kind::Start, Lang::En) => "start of works (开工)",
        _ => o.item.as_str(),
    };
    vec![
        shown(&o.project.ledger, &o.project.name, lang),
        item.to_string(),
        o.kind.label(lang).to_string(),
        o.unit.to_string(),
        o.days_overdue.to_string(),
    ]
}

/// A row of the table of overdue items of `kind`, with the extensions
/// column when `ext` and whom to call when `call`.
fn overdue_row(i: &Overdue, kind: Kind, ext: bool, call: bool, lang: Lang) -> Vec<String> {
    // A decision naming no project is named by its meeting.
    let project = match i.meeting {
        Some(m) if i.project.name.is_empty() => match lang {
            Lang::Zh => format!("{m}调度会议定事项"),
            Lang::En => format!("decision of the meeting of {m}"),
        },
        _ => shown(&i.project.ledger, &i.project.name, lang),
    };
    let mut row = vec![project, i.item.clone()];
    if kind != Kind::Problem {
        row.push(i.taskforce_name.to_string());
    }
    row.push(i.unit.to_string());
    row.push(i.due.to_string());
    if ext {
        row.push(match (i.extensions, i.extended_from, lang) {
            (Some(n), Some(from), Lang::Zh) => format!("{n}次（原时限{from}）"),
            (Some(n), Some(from), Lang::En) => format!("{n} (first deadline {from})"),
            (Some(n), None, _) => n.to_string(),
            _ => String::new(),
        });
    }
    row.push(i.days_overdue.to_string());
    if call {
        row.push(whom(&i.people, lang));
    }
    row
}

/// A row of the table of projects due to start and not started.
fn late_start_row(l: &LateStart, leaders: bool, units: bool, lang: Lang) -> Vec<String> {
    let mut row = vec![
        shown(&l.project.ledger, &l.project.name, lang),
        l.township.clone().unwrap_or_default(),
        l.owner.clone().unwrap_or_default(),
    ];
    if leaders {
        row.push(l.leader.clone().unwrap_or_default());
    }
    if units {
        row.push(l.unit.clone().unwrap_or_default());
    }
    row.push(l.planned_start.to_string());
    row.push(l.days_late.to_string());
    row
}

/// A row of the table of the next period's deadlines.
fn upcoming_row(i: &Upcoming, lang: Lang) -> Vec<String> {
    let kind = match i.kind {
        Kind::Pledge => pick(lang, "pledge deadline", "承诺到期"),
        Kind::Procedure => pick(lang, "procedure due", "手续到期"),
        Kind::Start => pick(lang, "planned start", "计划开工"),
        Kind::Problem => pick(lang, "problem time limit", "问题解决时限"),
        Kind::Order => pick(lang, "supervision order due", "督办到期"),
        Kind::Decision => pick(lang, "decision due", "议定事项到期"),
    };
    let item = match (i.kind, lang) {
        (Kind::Start, Lang::En) => "start of works (开工)".to_string(),
        _ => i.item.clone(),
    };
    vec![
        i.due.to_string(),
        kind.to_string(),
        shown(&i.ledger, &i.project_name, lang),
        item,
        i.unit.clone(),
    ]
}

/// A row of the table of red and yellow projects.
fn light_row(l: &ProjectLight, lang: Lang) -> Vec<String> {
    let reasons: Vec<&str> = l
        .reasons
        .iter()
        .filter(|r| r.light > Light::Green)
        .map(|r| r.message.as_str())
        .collect();
    vec![
        l.light.label(lang).to_string(),
        shown(&l.ledger, &l.name, lang),
        reasons.join(pick(lang, "; ", "；")),
    ]
}

fn md(d: Date) -> String {
    d.format("%m-%d").to_string()
}

/// "this month" → "This month".
fn capitalised(text: &str) -> String {
    let mut c = text.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// "名称（说明）" / "name (note)".
fn paren(lang: Lang, text: &str, note: &str) -> String {
    match lang {
        Lang::Zh => format!("{text}（{note}）"),
        Lang::En => format!("{text} ({note})"),
    }
}

impl Bulletin {
    /// The document every human format renders.
    pub fn doc(&self, lang: Lang) -> Doc {
        self.layout(lang, false)
    }

    /// Writes the bulletin as Markdown, the text of `doc(lang).markdown()`,
    /// making the rows of the longest tables (overdue items, newly overdue,
    /// late starts, lights, the next period's deadlines) one at a time as they are written rather than holding them
    /// all as a table: a province's bulletin is written in little more than
    /// the memory of the bulletin itself.
    pub fn write_markdown(&self, lang: Lang, w: &mut dyn std::io::Write) -> std::io::Result<()> {
        let doc = self.streamed_doc(lang);
        doc.write_markdown(w, &mut |later, w| {
            self.later_rows(later, lang, &mut |cells, _| {
                w.write_all(super::render::markdown_row(&cells).as_bytes())
            })
        })
    }

    /// How many rows the longest tables have together (`later_rows`).
    pub fn listed_rows(&self) -> usize {
        self.changes.newly_overdue.len()
            + self.overdue.procedures.len()
            + self.overdue.pledges.len()
            + self.overdue.problems.len()
            + self.late_starts.len()
            + self.lights.len()
            + self.upcoming.len()
    }

    /// The document with the rows of the longest tables left out, each such
    /// table's part marked with what makes them (`later_rows`).
    pub fn streamed_doc(&self, lang: Lang) -> Doc {
        self.layout(lang, true)
    }

    /// The rows of one of the longest tables, made one at a time and handed
    /// to `emit` with the tint of the row's first cell (a light's colour).
    pub fn later_rows(&self, later: Later, lang: Lang, emit: &mut Emit) -> std::io::Result<()> {
        match later {
            Later::NewlyOverdue => {
                for o in &self.changes.newly_overdue {
                    emit(newly_overdue_row(o, lang), None)?;
                }
            }
            Later::Overdue { kind, ext, call } => {
                let items = match kind {
                    Kind::Procedure => &self.overdue.procedures,
                    Kind::Pledge => &self.overdue.pledges,
                    _ => &self.overdue.problems,
                };
                for i in items {
                    emit(overdue_row(i, kind, ext, call, lang), None)?;
                }
            }
            Later::LateStarts { leaders, units } => {
                for l in &self.late_starts {
                    emit(late_start_row(l, leaders, units, lang), None)?;
                }
            }
            Later::Lights => {
                for l in &self.lights {
                    let tint = if l.light == Light::Red {
                        super::Tint::Red
                    } else {
                        super::Tint::Yellow
                    };
                    emit(light_row(l, lang), Some(tint))?;
                }
            }
            Later::Upcoming => {
                for i in &self.upcoming {
                    emit(upcoming_row(i, lang), None)?;
                }
            }
        }
        Ok(())
    }

    /// The document, the rows of the longest tables left for `write_markdown`
    /// when `later`.
    fn layout(&self, lang: Lang, later: bool) -> Doc {
        let period = self.period.label(lang);
        let heading = match (&self.scope, lang) {
            (Scope::County, Lang::Zh) => format!("{period}重大项目推进情况"),
            (Scope::County, Lang::En) => format!("Major projects: {period}"),
            (Scope::Taskforce { name, .. }, Lang::Zh) => format!("{name}{period}工作通报"),
            (Scope::Taskforce { name, .. }, Lang::En) => {
                format!("Task force {name}: {period}")
            }
            (Scope::Township { name }, Lang::Zh) => format!("{name}{period}重大项目推进情况"),
            (Scope::Township { name }, Lang::En) => format!("Township {name}: {period}"),
        };
        let mut sections = Vec::new();
        let mut push = |id, title: &str, lines: Vec<String>, parts: Vec<Part>| {
            if lines.is_empty() && parts.is_empty() {
                return;
            }
            sections.push(Section {
                id,
                heading: numbered(sections.len(), title, lang),
                lines,
                parts,
            });
        };
        push(
            "overview",
            pick(lang, "Overview", "总体情况"),
            self.overview(lang),
            Vec::new(),
        );
        let since = self.changes.since;
        let changes_title = match lang {
            Lang::Zh => format!("与上期相比（{}以来）", since + chrono::Days::new(1)),
            Lang::En => format!("Changes since the last bulletin (after {since})"),
        };
        push(
            "changes",
            &changes_title,
            self.change_lines(lang),
            self.newly_overdue_parts(lang, later),
        );
        push(
            "late-starts",
            pick(
                lang,
                "Projects due to start and not started (应开未开)",
                "应开未开项目",
            ),
            Vec::new(),
            self.late_start_parts(lang, later),
        );
        let (lines, parts) = self.taken_up_parts(lang);
        push(
            "taken-up",
            pick(
                lang,
                "Problems taken to the county leaders (县政府领导) and the mechanism",
                "提请县领导和协调机制协调的问题",
            ),
            lines,
            parts,
        );
        push(
            "overdue",
            pick(lang, "Overdue items", "逾期事项"),
            Vec::new(),
            self.overdue_parts(lang, later),
        );
        let (lines, parts) = self.decision_parts(lang);
        push(
            "decisions",
            pick(
                lang,
                "Decisions of the dispatch meetings (议定事项)",
                "调度会议定事项落实情况",
            ),
            lines,
            parts,
        );
        push(
            "lights",
            pick(lang, "Red and yellow lights", "红黄灯项目"),
            Vec::new(),
            self.light_parts(lang, later),
        );
        let (lines, parts) = self.funds_parts(lang);
        push(
            "funds",
            pick(lang, "Funds (资金使用)", "资金使用情况"),
            lines,
            parts,
        );
        let (lines, parts) = self.ranking_parts(lang);
        push(
            "rankings",
            pick(lang, "Rankings (红黄榜)", "红黄榜"),
            lines,
            parts,
        );
        let upcoming_title = match lang {
            Lang::Zh => format!(
                "{}到期事项（{}至{}）",
                self.period.following(lang),
                self.next_period.from,
                self.next_period.to
            ),
            Lang::En => format!(
                "Deadlines {} ({} to {})",
                self.period.following(lang),
                self.next_period.from,
                self.next_period.to
            ),
        };
        push(
            "upcoming",
            &upcoming_title,
            Vec::new(),
            self.upcoming_parts(lang, later),
        );

        let m = &self.masthead;
        let mut distribution = Vec::new();
        if !m.to.is_empty() {
            distribution.push(format!(
                "{}{}",
                pick(lang, "To: ", "报送："),
                m.to.join(pick(lang, ", ", "，"))
            ));
        }
        if !m.cc.is_empty() {
            distribution.push(format!(
                "{}{}",
                pick(lang, "Copy: ", "抄送："),
                m.cc.join(pick(lang, ", ", "，"))
            ));
        }
        if !m.signer.is_empty() {
            distribution.push(m.signer.clone());
        }

        Doc {
            title: m.title.clone(),
            draft: self
                .issue
                .draft
                .then(|| pick(lang, "Draft for comment", "征求意见稿").to_string()),
            issue: self.issue.label(lang),
            unit: m.unit.clone(),
            date: date_line(self.as_of, lang),
            heading,
            as_of: match lang {
                Lang::Zh => format!("（{}，数据截至{}）", self.ledger, self.as_of),
                Lang::En => format!("({}, figures as of {})", self.ledger, self.as_of),
            },
            note: super::skipped::note(lang, &self.skipped),
            sections,
            distribution,
            issued: (
                match lang {
                    Lang::Zh => m.unit.clone(),
                    Lang::En => format!("Issued by {}", m.unit),
                },
                match lang {
                    Lang::Zh => format!("{}印发", date_line(self.as_of, lang)),
                    Lang::En => format!("on {}", date_line(self.as_of, lang)),
                },
            ),
        }
    }

    fn overview(&self, lang: Lang) -> Vec<String> {
        let h = &self.headline;
        let inv = &h.investment;
        let t = &h.time_elapsed;
        let s = &h.start_rate;
        let gap = inv.percent - t.percent;
        let this = self.period.this(lang);
        let mut lines = Vec::new();
        match lang {
            Lang::Zh => {
                let stages: Vec<String> = h
                    .stages
                    .iter()
                    .filter(|(_, n)| **n > 0)
                    .map(|(s, n)| format!("{}{n}个", s.zh()))
                    .collect();
                lines.push(format!(
                    "纳入调度项目{}个，总投资{}万元{}。",
                    h.projects,
                    h.total_investment,
                    if stages.is_empty() {
                        String::new()
                    } else {
                        format!("；其中{}", stages.join("、"))
                    }
                ));
                if !inv.denominator.0.is_zero() {
                    let pace = match gap {
                        g if g > 0 => format!("快于时序进度{g}个百分点"),
                        g if g < 0 => format!("慢于时序进度{}个百分点", -g),
                        _ => "与时序进度持平".to_string(),
                    };
                    lines.push(format!(
                        "{}年计划投资{}万元，已完成{}万元，投资完成率{}%（{}÷{}），时序进度{}%（第{}天÷{}天），{pace}。",
                        h.plan_year,
                        inv.denominator,
                        inv.numerator,
                        inv.percent,
                        inv.numerator,
                        inv.denominator,
                        t.percent,
                        t.numerator,
                        t.denominator
                    ));
                }
                if s.denominator > 0 {
                    lines.push(format!(
                        "开工率{}%：应开工项目{}个，已开工{}个，应开未开{}个。",
                        s.percent,
                        s.denominator,
                        s.numerator,
                        s.denominator - s.numerator
                    ));
                }
                let kinds = [
                    format!("新开工{}个", h.new_starts),
                    format!("续建{}个", h.continuing),
                    format!("竣工{}个", h.completed),
                    format!("投产{}个", h.producing),
                ];
                lines.push(format!(
                    "累计开工{}个，未开工{}个；{this}{}；{this}办结手续{}项。",
                    h.started,
                    h.not_started,
                    kinds.join("，"),
                    h.procedures_obtained
                ));
            }
            Lang::En => {
                let stages: Vec<String> = h
                    .stages
                    .iter()
                    .filter(|(_, n)| **n > 0)
                    .map(|(s, n)| format!("{n} {}", s.key()))
                    .collect();
                lines.push(format!(
                    "{} projects, total investment {} 万元{}.",
                    h.projects,
                    h.total_investment,
                    if stages.is_empty() {
                        String::new()
                    } else {
                        format!(": {}", stages.join(", "))
                    }
                ));
                if !inv.denominator.0.is_zero() {
                    let pace = match gap {
                        g if g > 0 => format!("{g} points ahead of time elapsed"),
                        g if g < 0 => format!("{} points behind time elapsed", -g),
                        _ => "level with time elapsed".to_string(),
                    };
                    lines.push(format!(
                        "Planned investment {}: {} 万元; completed {} 万元, {}% of plan ({} / {}); time elapsed (时序进度) {}% (day {} of {}); {pace}.",
                        h.plan_year,
                        inv.denominator,
                        inv.numerator,
                        inv.percent,
                        inv.numerator,
                        inv.denominator,
                        t.percent,
                        t.numerator,
                        t.denominator
                    ));
                }
                if s.denominator > 0 {
                    lines.push(format!(
                        "Start rate (开工率) {}%: {} projects due to start, {} started, {} not started.",
                        s.percent,
                        s.denominator,
                        s.numerator,
                        s.denominator - s.numerator
                    ));
                }
                let kinds = [
                    format!("{} new starts", h.new_starts),
                    format!("{} continuing", h.continuing),
                    format!("{} completed", h.completed),
                    format!("{} into production", h.producing),
                ];
                lines.push(format!(
                    "Started in all: {}; not started: {}. {}: {}; {} procedures obtained.",
                    h.started,
                    h.not_started,
                    capitalised(this),
                    kinds.join(", "),
                    h.procedures_obtained
                ));
            }
        }
        lines.extend(self.visits_line(lang));
        lines
    }

    /// "本月开展现场督导3次（县重点项目督导组2次、…），累计5次。"
    fn visits_line(&self, lang: Lang) -> Option<String> {
        let v = &self.visits;
        if v.to_date == 0 {
            return None;
        }
        let this = self.period.this(lang);
        let teams: Vec<String> = v
            .by_team
            .iter()
            .map(|(team, n)| match lang {
                Lang::Zh => format!("{team}{n}次"),
                Lang::En => format!("{team} {n}"),
            })
            .collect();
        let teams = if teams.is_empty() {
            String::new()
        } else {
            paren(lang, "", &teams.join(pick(lang, ", ", "、")))
        };
        Some(match lang {
            Lang::Zh => format!(
                "{this}开展现场督导{}次{teams}，累计{}次。",
                v.in_period, v.to_date
            ),
            Lang::En => format!(
                "Site visits (现场督导) {this}: {}{teams}; {} to date.",
                v.in_period, v.to_date
            ),
        })
    }

    /// Problems taken up, leaders first, with their path, their 督办 order
    /// and whom to call.
    fn taken_up_parts(&self, lang: Lang) -> (Vec<String>, Vec<Part>) {
        let items = &self.problems_taken_up;
        if items.is_empty() {
            return (Vec::new(), Vec::new());
        }
        let at = |l: Level| items.iter().filter(|c| c.problem.level == l).count();
        let orders: Vec<_> = items.iter().filter(|c| c.problem.order.is_some()).collect();
        let late = orders
            .iter()
            .filter(|c| c.problem.order_days_overdue > 0)
            .count();
        let line = match lang {
            Lang::Zh => format!(
                "提请县政府领导协调的问题{}个，协调机制办公室协调{}个；下发督办单{}件，逾期未办结{late}件。",
                at(Level::Leader),
                at(Level::Mechanism),
                orders.len()
            ),
            Lang::En => format!(
                "Problems with the county leaders: {}; with the mechanism's office: {}. Supervision orders (督办): {}, {late} past their due date.",
                at(Level::Leader),
                at(Level::Mechanism),
                orders.len()
            ),
        };
        let mut t = Table::new(&[
            pick(lang, "level (path)", "层级（升级路径）"),
            pick(lang, "project", "项目名称"),
            pick(lang, "problem", "问题"),
            pick(lang, "responsible unit", "责任单位"),
            pick(lang, "time limit", "解决时限"),
            pick(lang, "state", "状态"),
            pick(lang, "supervision order (督办)", "督办单号及时限"),
            pick(lang, "whom to call", "包联县领导/责任人"),
        ]);
        for c in items {
            let p = &c.problem;
            t.push(vec![
                problems::level_label(p, lang),
                shown(&p.ledger, &p.project_name, lang),
                p.what.clone(),
                p.unit.clone(),
                p.limit.to_string(),
                problems::state_label(p.open, p.days_overdue, lang),
                problems::order_label(&p.order, p.order_days_overdue, lang),
                weekly_more::call(&c.people, lang),
            ]);
        }
        (
            vec![line],
            vec![Part {
                table: Some(t),
                ..Part::default()
            }],
        )
    }

    /// The open decisions of the dispatch meetings, overdue first.
    fn decision_parts(&self, lang: Lang) -> (Vec<String>, Vec<Part>) {
        let d = &self.decisions;
        if d.total == 0 {
            return (Vec::new(), Vec::new());
        }
        let overdue = d.open.iter().filter(|x| x.item.days_overdue > 0).count();
        let line = match lang {
            Lang::Zh => format!(
                "调度会议定事项{}项，已落实{}项，未落实{}项（其中逾期{overdue}项）。",
                d.total,
                d.done,
                d.open.len()
            ),
            Lang::En => format!(
                "Decisions of the dispatch meetings: {}, carried out {}, open {} ({overdue} overdue).",
                d.total,
                d.done,
                d.open.len()
            ),
        };
        if d.open.is_empty() {
            return (vec![line], Vec::new());
        }
        let mut t = Table::new(&[
            pick(lang, "meeting", "会议日期"),
            pick(lang, "decision", "议定事项"),
            pick(lang, "responsible unit", "责任单位"),
            pick(lang, "project", "项目名称"),
            pick(lang, "due", "完成时限"),
            pick(lang, "state", "状态"),
        ]);
        for x in &d.open {
            let i = &x.item;
            t.push(vec![
                i.meeting.to_string(),
                i.what.clone(),
                i.unit.clone(),
                x.project_name
                    .as_deref()
                    .map(|n| shown(&i.ledger, n, lang))
                    .unwrap_or_default(),
                i.due.to_string(),
                problems::state_label(i.open, i.days_overdue, lang),
            ]);
        }
        (
            vec![line],
            vec![Part {
                table: Some(t),
                ..Part::default()
            }],
        )
    }

    /// Funds by source in the period and to date, then the slowest payers.
    fn funds_parts(&self, lang: Lang) -> (Vec<String>, Vec<Part>) {
        let Some(f) = &self.funds else {
            return (Vec::new(), Vec::new());
        };
        let this = self.period.this(lang);
        let t = &f.total;
        let line = match lang {
            Lang::Zh => format!(
                "{this}资金到位{}万元，支付{}万元；累计到位{}万元，累计支付{}万元，支付率{}%（{}÷{}）。",
                t.period.received,
                t.period.paid,
                t.to_date.received,
                t.to_date.paid,
                t.paid_rate.percent,
                t.paid_rate.numerator,
                t.paid_rate.denominator
            ),
            Lang::En => format!(
                "{}: {} 万元 received, {} 万元 paid; to date {} 万元 received, {} 万元 paid, {}% paid out ({} / {}).",
                capitalised(this),
                t.period.received,
                t.period.paid,
                t.to_date.received,
                t.to_date.paid,
                t.paid_rate.percent,
                t.paid_rate.numerator,
                t.paid_rate.denominator
            ),
        };
        let (received, paid) = match lang {
            Lang::Zh => (format!("{this}到位(万元)"), format!("{this}支付(万元)")),
            Lang::En => (
                format!("received {this} (万元)"),
                format!("paid {this} (万元)"),
            ),
        };
        let mut by = Table::new(&[
            pick(lang, "source", "资金来源"),
            &received,
            &paid,
            pick(lang, "received to date (万元)", "累计到位(万元)"),
            pick(lang, "paid to date (万元)", "累计支付(万元)"),
            pick(lang, "paid of received", "支付率"),
        ])
        .numeric(&[1, 2, 3, 4, 5]);
        let row = |name: String, x: &super::bulletin::FundsFigures| {
            vec![
                name,
                x.period.received.to_string(),
                x.period.paid.to_string(),
                x.to_date.received.to_string(),
                x.to_date.paid.to_string(),
                format!("{}%", x.paid_rate.percent),
            ]
        };
        for s in &f.by_source {
            by.push(row(s.source.clone(), &s.figures));
        }
        by.push(row(pick(lang, "total", "合计").to_string(), &f.total));
        let mut parts = vec![Part {
            heading: pick(lang, "By source", "按资金来源").to_string(),
            lines: Vec::new(),
            table: Some(by),
            later: None,
        }];
        if !f.slowest.is_empty() {
            let mut s = Table::new(&[
                pick(lang, "project", "项目名称"),
                pick(
                    lang,
                    "government money unpaid (万元)",
                    "未支付财政性资金(万元)",
                ),
                pick(lang, "waiting since", "最早到位日期"),
                pick(lang, "days", "滞留天数"),
                pick(lang, "whom to call", "包联县领导/责任人"),
            ])
            .numeric(&[1, 3]);
            for p in &f.slowest {
                s.push(vec![
                    shown(&p.ledger, &p.project_name, lang),
                    p.unpaid.clone(),
                    p.since.to_string(),
                    p.days.to_string(),
                    weekly_more::call(&p.people, lang),
                ]);
            }
            parts.push(Part {
                heading: pick(
                    lang,
                    "Slowest payers of government money",
                    "财政性资金支付最慢的项目",
                )
                .to_string(),
                lines: Vec::new(),
                table: Some(s),
                later: None,
            });
        }
        (vec![line], parts)
    }

    fn change_lines(&self, lang: Lang) -> Vec<String> {
        let c = &self.changes;
        let mut lines = Vec::new();
        let mut line = |label: &str, items: Vec<String>| {
            if !items.is_empty() {
                lines.push(format!(
                    "{label}{}{}",
                    pick(lang, ": ", "："),
                    list(lang, items)
                ));
            }
        };
        let names = |v: &[super::bulletin::LightChange]| -> Vec<String> {
            v.iter()
                .map(|x| shown(&x.project.ledger, &x.project.name, lang))
                .collect()
        };
        line(pick(lang, "Newly red", "新亮红灯"), names(&c.newly_red));
        line(
            pick(lang, "Newly yellow", "新亮黄灯"),
            names(&c.newly_yellow),
        );
        line(
            pick(lang, "Back to green", "恢复绿灯"),
            names(&c.back_to_green),
        );
        line(
            pick(lang, "Started", "新开工"),
            c.started
                .iter()
                .map(|s| {
                    paren(
                        lang,
                        &shown(&s.ledger, &s.project_name, lang),
                        &md(s.started),
                    )
                })
                .collect(),
        );
        for stage in [
            Stage::Completed,
            Stage::Producing,
            Stage::Suspended,
            Stage::Cancelled,
            Stage::Building,
        ] {
            let label = match (stage, lang) {
                (Stage::Building, Lang::Zh) => "恢复建设",
                (Stage::Building, Lang::En) => "Resumed",
                (Stage::Completed, Lang::En) => "Completed",
                (Stage::Producing, Lang::En) => "Into production",
                (Stage::Suspended, Lang::En) => "Suspended",
                (Stage::Cancelled, Lang::En) => "Cancelled",
                (s, Lang::Zh) => s.zh(),
                (_, Lang::En) => stage.key(),
            };
            line(
                label,
                c.stage_changes
                    .iter()
                    .filter(|x| x.stage == stage)
                    .map(|x| {
                        let note = match &x.reason {
                            Some(r) => format!("{}{}{r}", md(x.date), pick(lang, ", ", "，")),
                            None => md(x.date),
                        };
                        paren(lang, &shown(&x.ledger, &x.project_name, lang), &note)
                    })
                    .collect(),
            );
        }
        line(
            pick(lang, "Procedures obtained", "办结手续"),
            c.obtained
                .iter()
                .map(|o| {
                    let what = format!("{} {}", shown(&o.ledger, &o.project_name, lang), o.name);
                    paren(lang, &what, &md(o.obtained))
                })
                .collect(),
        );
        line(
            pick(lang, "Problems resolved", "解决问题"),
            c.problems_resolved
                .iter()
                .map(|r| {
                    let what = format!(
                        "{}{}{}",
                        shown(&r.project.ledger, &r.project.name, lang),
                        pick(lang, ": ", "："),
                        r.what
                    );
                    paren(lang, &what, &r.unit)
                })
                .collect(),
        );
        line(
            pick(lang, "Pledges made good", "兑现承诺"),
            c.pledges_fulfilled
                .iter()
                .map(|f| {
                    let what = format!(
                        "{} {}",
                        shown(&f.project.ledger, &f.project.name, lang),
                        f.procedure_name
                    );
                    paren(lang, &what, &md(f.fulfilled))
                })
                .collect(),
        );
        lines
    }

    /// The items newly overdue since the previous bulletin, as a table.
    fn newly_overdue_parts(&self, lang: Lang, later: bool) -> Vec<Part> {
        let items = &self.changes.newly_overdue;
        if items.is_empty() {
            return Vec::new();
        }
        let mut t = Table::new(&[
            pick(lang, "project", "项目名称"),
            pick(lang, "item", "事项"),
            pick(lang, "kind", "类别"),
            pick(lang, "unit", "责任单位"),
            pick(lang, "days overdue", "逾期天数"),
        ])
        .numeric(&[4]);
        if !later {
            for o in items {
                t.push(newly_overdue_row(o, lang));
            }
        }
        vec![Part {
            heading: paren(
                lang,
                pick(lang, "Newly overdue", "新增逾期事项"),
                &items.len().to_string(),
            ),
            lines: Vec::new(),
            table: Some(t),
            later: later.then_some(Later::NewlyOverdue),
        }]
    }

    fn late_start_parts(&self, lang: Lang, later: bool) -> Vec<Part> {
        if self.late_starts.is_empty() {
            return Vec::new();
        }
        let leaders = self.late_starts.iter().any(|l| l.leader.is_some());
        let units = self.late_starts.iter().any(|l| l.unit.is_some());
        let mut h = vec![
            pick(lang, "project", "项目名称"),
            pick(lang, "township", "乡镇（街道）"),
            pick(lang, "owner", "项目单位"),
        ];
        if leaders {
            h.push(pick(lang, "county leader", "包联县领导"));
        }
        if units {
            h.push(pick(lang, "responsible unit", "责任单位"));
        }
        h.push(pick(lang, "planned start", "计划开工"));
        h.push(pick(lang, "days late", "逾期天数"));
        let last = h.len() - 1;
        let mut t = Table::new(&h).numeric(&[last]);
        if !later {
            for l in &self.late_starts {
                t.push(late_start_row(l, leaders, units, lang));
            }
        }
        vec![Part {
            lines: vec![match lang {
                Lang::Zh => format!(
                    "计划开工日期已过、尚未开工的项目{}个，按逾期天数排列：",
                    self.late_starts.len()
                ),
                Lang::En => format!(
                    "{} projects past their planned start and not started, longest first:",
                    self.late_starts.len()
                ),
            }],
            table: Some(t),
            later: later.then_some(Later::LateStarts { leaders, units }),
            ..Part::default()
        }]
    }

    fn overdue_parts(&self, lang: Lang, later: bool) -> Vec<Part> {
        let o = &self.overdue;
        let mut parts = Vec::new();
        let unit_label = pick(lang, "issuing / lead unit", "审批（牵头）单位");
        let mut part = |title: &str, items: &[Overdue], kind: Kind| {
            if items.is_empty() {
                return;
            }
            let ext = kind == Kind::Pledge && items.iter().any(|i| i.extensions.is_some());
            let mut h = vec![pick(lang, "project", "项目名称")];
            match kind {
                Kind::Problem => h.extend([
                    pick(lang, "problem", "问题"),
                    pick(lang, "responsible unit", "责任单位"),
                    pick(lang, "time limit", "解决时限"),
                ]),
                Kind::Pledge => h.extend([
                    pick(lang, "pledged procedure", "承诺事项"),
                    pick(lang, "task force", "专班"),
                    unit_label,
                    pick(lang, "pledge deadline", "承诺时限"),
                ]),
                _ => h.extend([
                    pick(lang, "procedure", "手续"),
                    pick(lang, "task force", "专班"),
                    unit_label,
                    pick(lang, "due", "办理时限"),
                ]),
            }
            if ext {
                h.push(pick(lang, "extended", "延期"));
            }
            h.push(pick(lang, "days overdue", "逾期天数"));
            let last = h.len() - 1;
            let call = items.iter().any(|i| i.people.is_some());
            if call {
                h.push(pick(lang, "whom to call", "包联县领导/责任单位/责任人"));
            }
            let mut t = Table::new(&h).numeric(&[last]);
            if !later {
                for i in items {
                    t.push(overdue_row(i, kind, ext, call, lang));
                }
            }
            parts.push(Part {
                heading: paren(lang, title, &items.len().to_string()),
                lines: Vec::new(),
                table: Some(t),
                later: later.then_some(Later::Overdue { kind, ext, call }),
            });
        };
        part(
            pick(lang, "Procedures past their due date", "手续办理逾期"),
            &o.procedures,
            Kind::Procedure,
        );
        part(
            pick(lang, "Pledges not made good", "承诺事项逾期未兑现"),
            &o.pledges,
            Kind::Pledge,
        );
        part(
            pick(lang, "Problems past their time limit", "问题超过解决时限"),
            &o.problems,
            Kind::Problem,
        );
        parts
    }

    fn light_parts(&self, lang: Lang, later: bool) -> Vec<Part> {
        if self.lights.is_empty() {
            return Vec::new();
        }
        let red = self.lights.iter().filter(|l| l.light == Light::Red).count();
        let yellow = self.lights.len() - red;
        let mut t = Table::new(&[
            pick(lang, "light", "亮灯"),
            pick(lang, "project", "项目名称"),
            pick(lang, "reasons", "原因"),
        ]);
        if !later {
            for l in &self.lights {
                t.push(light_row(l, lang));
                t.tint_last(
                    0,
                    if l.light == Light::Red {
                        super::Tint::Red
                    } else {
                        super::Tint::Yellow
                    },
                );
            }
        }
        vec![Part {
            lines: vec![match lang {
                Lang::Zh => format!("红灯{red}个，黄灯{yellow}个："),
                Lang::En => format!("{red} red, {yellow} yellow:"),
            }],
            table: Some(t),
            later: later.then_some(Later::Lights),
            ..Part::default()
        }]
    }

    fn ranking_parts(&self, lang: Lang) -> (Vec<String>, Vec<Part>) {
        if self.rankings.is_empty() {
            return (Vec::new(), Vec::new());
        }
        let rule = pick(
            lang,
            "Ranked by the number of overdue items (fewer first), then the average days overdue (shorter first), ties by name.",
            "排名规则：逾期事项少者在前；逾期事项相同的，平均逾期天数少者在前；仍相同的按名称排序。",
        )
        .to_string();
        let mut parts = Vec::new();
        for r in &self.rankings {
            let (title, count) = match r.by {
                RankBy::Township => (
                    pick(lang, "Townships", "乡镇（街道）排名"),
                    pick(lang, "projects", "项目数"),
                ),
                RankBy::Taskforce => (
                    pick(lang, "Task forces", "工作专班排名"),
                    pick(lang, "procedures", "手续数"),
                ),
                RankBy::IssuingUnit => (
                    pick(lang, "Issuing units", "审批部门排名"),
                    pick(lang, "procedures", "手续数"),
                ),
            };
            let mut t = Table::new(&[
                pick(lang, "rank", "名次"),
                pick(lang, "name", "名称"),
                count,
                pick(lang, "overdue items", "逾期事项"),
                pick(lang, "average days overdue", "平均逾期天数"),
            ])
            .numeric(&[0, 2, 3, 4]);
            for row in &r.rows {
                t.push(vec![
                    row.rank.to_string(),
                    row.name.clone(),
                    row.count.to_string(),
                    row.overdue_items.to_string(),
                    row.days_overdue.value.clone(),
                ]);
            }
            let line = match lang {
                Lang::Zh => format!(
                    "红榜（排名第一）：{}；黄榜（排名末位）：{}。",
                    r.best, r.worst
                ),
                Lang::En => format!("Best (红榜): {}; worst (黄榜): {}.", r.best, r.worst),
            };
            parts.push(Part {
                heading: title.to_string(),
                lines: vec![line],
                table: Some(t),
                later: None,
            });
        }
        (vec![rule], parts)
    }

    fn upcoming_parts(&self, lang: Lang, later: bool) -> Vec<Part> {
        if self.upcoming.is_empty() {
            return Vec::new();
        }
        let mut t = Table::new(&[
            pick(lang, "due", "时限"),
            pick(lang, "kind", "类别"),
            pick(lang, "project", "项目名称"),
            pick(lang, "item", "事项"),
            pick(lang, "responsible unit", "责任单位"),
        ]);
        if !later {
            for i in &self.upcoming {
                t.push(upcoming_row(i, lang));
            }
        }
        vec![Part {
            table: Some(t),
            later: later.then_some(Later::Upcoming),
            ..Part::default()
        }]
    }
}

impl Doc {
    /// The bulletin as Markdown, ready to paste.
    pub fn markdown(&self) -> String {
        let mut out = Vec::new();
        self.write_markdown(&mut out, &mut |_, _| Ok(()))
            .expect("writing to memory does not fail");
        String::from_utf8(out).expect("the document is text")
    }

    /// Writes the document as Markdown; `rows` writes the rows of a table
    /// laid out without them (`Part::later`) after its header.
    pub fn write_markdown(
        &self,
        w: &mut dyn std::io::Write,
        rows: &mut dyn FnMut(Later, &mut dyn std::io::Write) -> std::io::Result<()>,
    ) -> std::io::Result<()> {
        write!(w, "# {}\n\n", self.title)?;
        if let Some(d) = &self.draft {
            write!(w, "**{d}**\n\n")?;
        }
        write!(
            w,
            "{}　　{}　　{}\n\n---\n\n## {}\n\n{}\n",
            self.issue, self.unit, self.date, self.heading, self.as_of
        )?;
        if let Some(n) = &self.note {
            write!(w, "\n> **{n}**\n")?;
        }
        for s in &self.sections {
            write!(w, "\n### {}\n\n", s.heading)?;
            for l in &s.lines {
                writeln!(w, "- {l}")?;
            }
            if !s.lines.is_empty() && !s.parts.is_empty() {
                writeln!(w)?;
            }
            let mut first = true;
            for p in &s.parts {
                if !first {
                    writeln!(w)?;
                }
                first = false;
                if !p.heading.is_empty() {
                    write!(w, "#### {}\n\n", p.heading)?;
                }
                for l in &p.lines {
                    write!(w, "{l}\n\n")?;
                }
                if let Some(t) = &p.table {
                    w.write_all(t.render(Format::Markdown).as_bytes())?;
                }
                if let Some(later) = p.later {
                    rows(later, w)?;
                }
            }
        }
        write!(w, "\n---\n\n")?;
        for l in &self.distribution {
            writeln!(w, "{l}  ")?;
        }
        writeln!(w, "{}　　{}  ", self.issued.0, self.issued.1)
    }
}
