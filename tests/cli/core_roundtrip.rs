//! Property tests: what taizhang writes reads back equal. Through the
//! library for many random records and procedure tables (Chinese text,
//! quotes, commas, newlines, odd Unicode), and through the binary for a few
//! projects opened and shown again.

use crate::support::*;
use proptest::prelude::*;
use std::path::Path;
use taizhang::model::Facts;
use taizhang::model::facts::{EiaClass, Land, Nature};
use taizhang::model::{Amount, Date, PledgeKind, Procedure, Project, Stage, StageEntry, Status};
use taizhang::store::procedures_file::ProcedureTable;
use taizhang::store::project_file;

/// Text a clerk might type: Chinese, ASCII punctuation that CSV and TOML
/// must quote or escape, line breaks, and now and then anything at all.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "[盛润化工项目县局号〔〕：；（）“”、 a-zA-Z0-9\",'#=\\[\\]{}\\\\\n\r\t|-]{0,24}",
        1 => any::<String>(),
    ]
}

fn date() -> impl Strategy<Value = Date> {
    (0i64..4000).prop_map(|d| Date::from_ymd_opt(2020, 1, 1).unwrap() + chrono::Days::new(d as u64))
}

fn amount() -> impl Strategy<Value = Amount> {
    (0u64..1_000_000_000, 0u32..7, 0u32..1_000_000).prop_map(|(int, scale, frac)| {
        let frac = frac % 10u32.pow(scale);
        let text = if scale == 0 {
            int.to_string()
        } else {
            format!("{int}.{frac:0width$}", width = scale as usize)
        };
        Amount::parse(&text).unwrap()
    })
}

fn code() -> impl Strategy<Value = String> {
    "[0-9]{4}-[0-9]{6}-[0-9]{2}-[0-9]{2}-[0-9]{6}"
}

fn non_blank(s: String) -> Option<String> {
    (!s.trim().is_empty()).then_some(s)
}

prop_compose! {
    fn project()(
        name in text().prop_filter("a name is not blank", |s| !s.trim().is_empty()),
        kind in "[a-z]{1,12}",
        owner in proptest::option::of(text()),
        township in proptest::option::of(text()),
        code in proptest::option::of(code()),
        investment in proptest::option::of(amount()),
        opened in date(),
        planned_start in proptest::option::of(date()),
        started in proptest::option::of(date()),
        leader in proptest::option::of(text()),
        phone in proptest::option::of("1[3-9][0-9]{9}|0[1-9][0-9]{2}-[1-9][0-9]{6}"),
        facts in facts(),
        suspended in proptest::option::of((date(), "[a-z\u{4e00}-\u{4e20}]{1,10}")),
    ) -> Project {
        Project {
            name,
            kind,
            owner: owner.and_then(|s| (!s.is_empty()).then_some(s)),
            township: township.and_then(|s| (!s.is_empty()).then_some(s)),
            code,
            investment,
            opened,
            planned_start,
            started,
            annual_plan: Default::default(),
            people: taizhang::model::People {
                leader: leader.and_then(|s| (!s.is_empty()).then_some(s)),
                person_phone: phone,
                ..Default::default()
            },
            facts,
            // A history the state machine accepts: suspended once, on or
            // after the start of works.
            stages: suspended
                .map(|(d, reason)| StageEntry {
                    stage: Stage::Suspended,
                    date: started.map_or(d, |s| s.max(d)),
                    reason: Some(reason),
                })
                .into_iter()
                .collect(),
        }
    }
}

prop_compose! {
    fn facts()(
        land in proptest::option::of(prop_oneof![Just(Land::Transfer), Just(Land::Allocation), Just(Land::Own), Just(Land::None)]),
        nature in proptest::option::of(prop_oneof![Just(Nature::Government), Just(Nature::Sanction), Just(Nature::Filing)]),
        hazchem in proptest::option::of(any::<bool>()),
        eia in proptest::option::of(prop_oneof![Just(EiaClass::Report), Just(EiaClass::Table), Just(EiaClass::Register), Just(EiaClass::None)]),
        relics_found in proptest::option::of(any::<bool>()),
        zone in proptest::option::of(text()),
    ) -> Facts {
        Facts { land, nature, hazchem, eia, relics_found, zone: zone.filter(|z| !z.is_empty()) }
    }
}

fn status() -> impl Strategy<Value = Status> {
    prop_oneof![
        Just(Status::Pending),
        Just(Status::Obtained),
        Just(Status::Pledged),
        Just(Status::NotNeeded)
    ]
}

fn kind() -> impl Strategy<Value = PledgeKind> {
    prop_oneof![Just(PledgeKind::Tolerance), Just(PledgeKind::Notify)]
}

prop_compose! {
    fn procedure()(
        key in text().prop_filter_map("a key is not blank", |s| non_blank(s.trim().to_string())),
        name in text(),
        taskforce in text(),
        status in status(),
        due in proptest::option::of(date()),
        obtained in proptest::option::of(date()),
        doc_no in text(),
        pledge_kind in proptest::option::of(kind()),
        pledged in proptest::option::of(date()),
        pledge_due in proptest::option::of(date()),
        missing_items in text(),
        fulfilled in proptest::option::of(date()),
        note in text(),
        fallback in date(),
        applied in proptest::option::of(date()),
        pledge_due_original in proptest::option::of(date()),
        extensions in 0u32..3,
    ) -> Procedure {
        // Cells are read trimmed; the rules of a row hold (a pledge has its
        // kind and deadline, an obtained procedure its date).
        let mut p = Procedure {
            key: key.into(),
            name: name.trim().to_string().into(),
            taskforce: taskforce.trim().to_string().into(),
            status,
            due,
            obtained,
            doc_no: doc_no.trim().to_string(),
            pledge_kind,
            pledged,
            pledge_due,
            missing_items: missing_items.trim().to_string(),
            fulfilled,
            note: note.trim().to_string(),
            applied,
            pledge_due_original,
            extensions,
        };
        if p.status == Status::Pledged || p.fulfilled.is_some() {
            p.pledge_kind.get_or_insert(PledgeKind::Notify);
        }
        if p.pledge_kind.is_some() {
            p.pledge_due.get_or_insert(fallback);
        }
        if p.status == Status::Obtained {
            p.obtained.get_or_insert(fallback);
        }
        p
    }
}

fn rows() -> impl Strategy<Value = Vec<Procedure>> {
    proptest::collection::vec(procedure(), 0..8).prop_map(|mut rows| {
        // Keys are unique on a task list.
        let mut seen = std::collections::BTreeSet::new();
        rows.retain(|r| seen.insert(r.key.clone()));
        rows
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn a_written_project_record_reads_back_equal(p in project()) {
        let path = Path::new("project.toml");
        let text = project_file::render_new(&p);
        let (back, problems) = project_file::read(path, &text);
        // A warning (e.g. a document number that looks like one Excel
        // shortened) is advice about the content, not a failure to read it.
        prop_assert!(problems.iter().all(|p| p.warning), "{problems:?}\n{text}");
        prop_assert_eq!(back.as_ref(), Some(&p), "{}", text);
    }

    #[test]
    fn an_updated_project_record_reads_back_equal_and_keeps_comments(
        old in project(),
        new in project(),
    ) {
        // The stage history only grows: keep the old one when the new
        // project has none, its dates moved to the new start of works.
        let mut new = new;
        if new.stages.is_empty() {
            new.stages = old.stages.clone();
            for e in &mut new.stages {
                e.date = new.started.map_or(e.date, |s| s.max(e.date));
            }
        }
        let path = Path::new("project.toml");
        let written = project_file::render_new(&old);
        let commented = format!("# 注释：保留\n{written}# 结尾注释\nextra = \"未知键\"\n");
        let text = project_file::render_update(&commented, &old, &new).unwrap();
        let (back, problems) = project_file::read(path, &text);
        // A warning (e.g. a document number that looks like one Excel
        // shortened) is advice about the content, not a failure to read it.
        prop_assert!(problems.iter().all(|p| p.warning), "{problems:?}\n{text}");
        prop_assert_eq!(back.as_ref(), Some(&new), "{}", text);
        prop_assert!(text.starts_with("# 注释：保留\n"), "{}", text);
        prop_assert!(text.contains("# 结尾注释\n"), "{}", text);
        prop_assert!(text.contains("extra = \"未知键\""), "{}", text);
        // Writing what did not change changes nothing.
        prop_assert_eq!(project_file::render_update(&text, &new, &new).unwrap(), text);
    }

    #[test]
    fn a_written_procedure_table_reads_back_equal(rows in rows()) {
        let path = Path::new("procedures.csv");
        let mut table = ProcedureTable::new();
        for r in &rows {
            table.push(r.clone());
        }
        let bytes = table.to_bytes();
        let text = String::from_utf8(bytes.clone()).unwrap();
        let (back, problems) = ProcedureTable::read(path, &text);
        // A warning (e.g. a document number that looks like one Excel
        // shortened) is advice about the content, not a failure to read it.
        prop_assert!(problems.iter().all(|p| p.warning), "{problems:?}\n{text}");
        let back = back.unwrap();
        prop_assert_eq!(&back.rows, &rows, "{}", text);
        // Read and written again: the same bytes.
        prop_assert_eq!(back.to_bytes(), bytes);
    }

    #[test]
    fn unknown_columns_survive_a_change_of_every_row(
        rows in rows(),
        extra in proptest::collection::vec(text(), 8),
        changed in proptest::collection::vec(procedure(), 8),
    ) {
        let path = Path::new("procedures.csv");
        let mut table = ProcedureTable::new();
        for r in &rows {
            table.push(r.clone());
        }
        // A clerk's column in the middle and one at the end.
        let mut w = csv::WriterBuilder::new().from_writer(Vec::new());
        for (i, rec) in csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(&table.to_bytes()[..])
            .records()
            .enumerate()
        {
            let rec = rec.unwrap();
            let mut cells: Vec<String> = rec.iter().map(str::to_string).collect();
            let (mid, end) = if i == 0 {
                ("负责人".to_string(), "备注2".to_string())
            } else {
                (extra[i % 8].clone(), extra[(i + 3) % 8].clone())
            };
            cells.insert(3, mid);
            cells.push(end);
            w.write_record(&cells).unwrap();
        }
        let text = String::from_utf8(w.into_inner().unwrap()).unwrap();
        let (read, problems) = ProcedureTable::read(path, &text);
        // A warning (e.g. a document number that looks like one Excel
        // shortened) is advice about the content, not a failure to read it.
        prop_assert!(problems.iter().all(|p| p.warning), "{problems:?}\n{text}");
        let mut read = read.unwrap();
        let cells_before = read.cells.clone();
        let end_before = read.header.iter().position(|h| h == "备注2").unwrap();
        for (i, change) in changed.iter().enumerate().take(read.rows.len()) {
            let key = read.rows[i].key.clone();
            read.rows[i] = Procedure { key, ..change.clone() };
            read.sync(i);
        }
        let (back, problems) = ProcedureTable::read(path, &String::from_utf8(read.to_bytes()).unwrap());
        prop_assert!(problems.iter().all(|p| p.warning), "{problems:?}");
        let back = back.unwrap();
        prop_assert_eq!(&back.rows, &read.rows);
        prop_assert_eq!(&back.header, &read.header);
        // The clerk's columns keep their values (an on-demand column, e.g.
        // `extensions`, may have been added after them).
        let end = back.header.iter().position(|h| h == "备注2").unwrap();
        for (b, a) in back.cells.iter().zip(&cells_before) {
            prop_assert_eq!(&b[3], &a[3]);
            prop_assert_eq!(&b[end], &a[end_before]);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(12))]

    /// Through the binary: what `open` was given, `show --format json`
    /// gives back.
    #[test]
    fn an_opened_project_shows_back_equal(
        name in "[盛润化工项目县“”\"',a-zA-Z0-9]([盛润化工项目县“”\"', a-zA-Z0-9]{0,16}[盛润化工项目县“”\"',a-zA-Z0-9])?",
        owner in "[县局公司\"', a-z]{0,8}[县局公司a-z]",
        investment in amount(),
    ) {
        let l = Ledger::new();
        let investment = investment.to_string();
        l.open_with("p", &["--name", &name, "--type", "化工", "--owner", &owner, "--investment", &investment]);
        let json: serde_json::Value =
            serde_json::from_str(&l.run(&["show", "p", "--format", "json"]).ok().stdout).unwrap();
        prop_assert_eq!(&json["project"]["name"], &serde_json::json!(name));
        prop_assert_eq!(&json["project"]["owner"], &serde_json::json!(owner.trim()));
        prop_assert_eq!(&json["project"]["investment"], &serde_json::json!(investment));
        prop_assert_eq!(l.run(&["check"]).ok().stdout, "");
    }
}
