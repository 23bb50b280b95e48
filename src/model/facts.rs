//! The facts about a project that decide its task list (任务清单) beside its
//! type: how its land is supplied (供地方式), the nature of the investment
//! (审批 / 核准 / 备案), hazardous chemicals (危化), the EIA category
//! (环评类别), whether relics were found (发现文物) and the development zone
//! whose regional assessment (区域评估) it lies in; the conditions a
//! catalogue entry states in terms of them; and the level (县级 / 市级 /
//! 省级) of an issuing authority (审批部门).

use super::Lang;

fn pick(lang: Lang, en: &'static str, zh: &'static str) -> &'static str {
    match lang {
        Lang::En => en,
        Lang::Zh => zh,
    }
}

/// How the project's land is supplied (供地方式).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Land {
    /// 出让: state land sold by tender, auction or listing (招拍挂).
    Transfer,
    /// 划拨: state land allocated (public works, government projects).
    Allocation,
    /// The owner's own land already held for construction (自有存量用地).
    Own,
    /// No land to acquire (e.g. works on existing roads, 不新增用地).
    None,
}

/// The nature of the investment, which fixes how the project is approved.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Nature {
    /// 政府投资: approved (审批) by the investment department.
    Government,
    /// 企业投资, in the catalogue of sanctioned projects: 核准.
    Sanction,
    /// 企业投资, every other: filed (备案).
    Filing,
}

/// The EIA category of the classification list (建设项目环境影响评价分类管理名录).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum EiaClass {
    /// 环境影响报告书: approval, 60 days.
    Report,
    /// 环境影响报告表: approval, 30 days.
    Table,
    /// 环境影响登记表: online filing, no approval.
    Register,
    /// Not in the list: no EIA.
    None,
}

/// The level of an issuing authority.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    County,
    City,
    Province,
}

/// One enumerated fact's values: key, Chinese label, English label.
trait Values: Sized + Copy + PartialEq + 'static {
    /// What the value is, for messages.
    const FACT: crate::msg::Msg;
    const ALL: &'static [(Self, &'static str, &'static str, &'static str)];
}

macro_rules! values {
    ($ty:ty, $fact:ident, [$(($v:expr, $key:literal, $zh:literal, $en:literal)),* $(,)?]) => {
        impl Values for $ty {
            const FACT: crate::msg::Msg = crate::msg::Msg::$fact;
            const ALL: &'static [(Self, &'static str, &'static str, &'static str)] =
                &[$(($v, $key, $zh, $en)),*];
        }
        impl $ty {
            /// The value from its key.
            pub fn parse(text: &str) -> Result<Self, String> {
                parse_value(text)
            }
            /// The key written in files.
            pub fn key(self) -> &'static str {
                entry(self).1
            }
            /// The label in `lang`.
            pub fn label(self, lang: Lang) -> &'static str {
                let e = entry(self);
                pick(lang, e.3, e.2)
            }
            /// Every key with its Chinese label, for messages.
            pub fn keys() -> String {
                keys::<Self>()
            }
        }
    };
}

fn entry<T: Values>(v: T) -> &'static (T, &'static str, &'static str, &'static str) {
    T::ALL
        .iter()
        .find(|e| e.0 == v)
        .expect("every value is listed")
}

fn keys<T: Values>() -> String {
    T::ALL
        .iter()
        .map(|e| format!("{} ({})", e.1, e.2))
        .collect::<Vec<_>>()
        .join(crate::msg::list_separator())
}

fn parse_value<T: Values>(text: &str) -> Result<T, String> {
    T::ALL
        .iter()
        .find(|e| e.1 == text || e.2 == text)
        .map(|e| e.0)
        .ok_or_else(|| {
            tr!(
                BadFactValue,
                what = crate::msg::text(T::FACT, &[]),
                text = text,
                list = keys::<T>()
            )
        })
}

values!(
    Land,
    FactLand,
    [
        (Land::Transfer, "transfer", "出让", "transfer (出让)"),
        (Land::Allocation, "allocation", "划拨", "allocation (划拨)"),
        (Land::Own, "own", "自有用地", "own land"),
        (Land::None, "none", "不新增用地", "no new land"),
    ]
);
values!(
    Nature,
    FactNature,
    [
        (
            Nature::Government,
            "government",
            "政府投资",
            "government-invested"
        ),
        (Nature::Sanction, "sanction", "核准", "sanctioned (核准)"),
        (Nature::Filing, "filing", "备案", "filed (备案)"),
    ]
);
values!(
    EiaClass,
    FactEia,
    [
        (EiaClass::Report, "report", "环评报告书", "EIA report"),
        (EiaClass::Table, "table", "环评报告表", "EIA table"),
        (
            EiaClass::Register,
            "register",
            "环评登记表",
            "EIA register form"
        ),
        (EiaClass::None, "none", "不纳入环评管理", "no EIA"),
    ]
);
values!(
    Level,
    FactLevel,
    [
        (Level::County, "county", "县级", "county"),
        (Level::City, "city", "市级", "city"),
        (Level::Province, "province", "省级", "province"),
    ]
);

/// A yes/no fact given on the command line: yes/no, true/false, 是/否.
pub fn parse_yes_no(what: &str, text: &str) -> Result<bool, String> {
    match text {
        "yes" | "true" | "是" => Ok(true),
        "no" | "false" | "否" => Ok(false),
        _ => Err(tr!(BadYesNo, what = what, text = text)),
    }
}

/// The facts recorded about one project; `None` = not recorded (未定).
/// Kept in the project cache (`store::cache`) with the record.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Facts {
    pub land: Option<Land>,
    pub nature: Option<Nature>,
    /// Produces, stores or uses hazardous chemicals (危险化学品).
    pub hazchem: Option<bool>,
    pub eia: Option<EiaClass>,
    /// Relics were found by the archaeological survey (发现文物).
    pub relics_found: Option<bool>,
    /// Key of the development zone (`[[zone]]` of ledger.toml) it lies in.
    pub zone: Option<String>,
}

/// One condition of a catalogue entry (`when` in ledger.toml): every fact
/// it names must hold. An enumerated fact the project has not recorded
/// counts as holding (the procedure is listed until the fact says
/// otherwise); a yes/no fact not recorded counts as "no".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Condition {
    /// Project type keys; empty = any type.
    pub types: Vec<String>,
    pub land: Vec<Land>,
    pub nature: Vec<Nature>,
    pub hazchem: Option<bool>,
    pub eia: Vec<EiaClass>,
    pub relics_found: Option<bool>,
}

/// Why one condition holds, part by part, e.g. ["化工", "危化"].
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(tag = "fact", content = "value", rename_all = "snake_case")]
pub enum Because {
    /// The project's type name.
    Type(String),
    /// Every project type.
    AnyType,
    Land(Land),
    Nature(Nature),
    Eia(EiaClass),
    Hazchem(bool),
    RelicsFound(bool),
    /// A condition on a fact not recorded yet (its Chinese name).
    Unrecorded(&'static str),
}

impl Because {
    pub fn label(&self, lang: Lang) -> String {
        match self {
            Because::Type(name) => name.clone(),
            Because::AnyType => pick(lang, "every type", "各类项目").to_string(),
            Because::Land(v) => v.label(lang).to_string(),
            Because::Nature(v) => v.label(lang).to_string(),
            Because::Eia(v) => v.label(lang).to_string(),
            Because::Hazchem(true) => pick(lang, "hazardous chemicals", "危化").to_string(),
            Because::Hazchem(false) => pick(lang, "no hazardous chemicals", "非危化").to_string(),
            Because::RelicsFound(true) => pick(lang, "relics found", "发现文物").to_string(),
            Because::RelicsFound(false) => pick(lang, "no relics found", "未发现文物").to_string(),
            Because::Unrecorded(fact) => tr_in!(
                lang,
                FactUnrecorded,
                fact = pick(lang, english_fact(fact), fact)
            ),
        }
    }
}

fn english_fact(zh: &str) -> &'static str {
    match zh {
        "供地方式" => "land supply",
        "投资性质" => "investment nature",
        "环评类别" => "EIA category",
        _ => "fact",
    }
}

impl Condition {
    /// The reasons this condition holds for a project of type `kind`
    /// (`kind_name` its Chinese name) with `facts`, or `None` when it does
    /// not hold.
    pub fn check(&self, kind: &str, kind_name: &str, facts: &Facts) -> Option<Vec<Because>> {
        self.check_as(kind, kind_name, facts, true)
    }

    /// Whether the condition holds on recorded facts only (an unrecorded
    /// fact does not count as holding): for `limit_when`, where a limit
    /// must not be shortened on a guess.
    pub fn holds_on_record(&self, kind: &str, kind_name: &str, facts: &Facts) -> bool {
        self.check_as(kind, kind_name, facts, false).is_some()
    }

    fn check_as(
        &self,
        kind: &str,
        kind_name: &str,
        facts: &Facts,
        unrecorded_holds: bool,
    ) -> Option<Vec<Because>> {
        let mut why = Vec::new();
        if !self.types.is_empty() {
            if !self.types.iter().any(|t| t == "*" || t == kind) {
                return None;
            }
            why.push(Because::Type(kind_name.to_string()));
        }
        fn one<T: Copy + PartialEq>(
            allowed: &[T],
            have: Option<T>,
            fact: &'static str,
            make: fn(T) -> Because,
            why: &mut Vec<Because>,
            unrecorded_holds: bool,
        ) -> bool {
            if allowed.is_empty() {
                return true;
            }
            match have {
                None => {
                    why.push(Because::Unrecorded(fact));
                    unrecorded_holds
                }
                Some(v) if allowed.contains(&v) => {
                    why.push(make(v));
                    true
                }
                Some(_) => false,
            }
        }
        let u = unrecorded_holds;
        if !one(
            &self.land,
            facts.land,
            "供地方式",
            Because::Land,
            &mut why,
            u,
        ) || !one(
            &self.nature,
            facts.nature,
            "投资性质",
            Because::Nature,
            &mut why,
            u,
        ) || !one(&self.eia, facts.eia, "环评类别", Because::Eia, &mut why, u)
        {
            return None;
        }
        for (want, have, make) in [
            (
                self.hazchem,
                facts.hazchem,
                Because::Hazchem as fn(bool) -> Because,
            ),
            (self.relics_found, facts.relics_found, Because::RelicsFound),
        ] {
            if let Some(want) = want {
                if have.unwrap_or(false) != want {
                    return None;
                }
                why.push(make(want));
            }
        }
        Some(why)
    }
}

/// A development zone (开发区) and the procedures its approved regional
/// assessment (区域评估) covers: projects inside it need not do them again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Zone {
    pub key: String,
    pub name: String,
    /// Procedure keys the regional assessment covers.
    pub covers: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_parse_by_key_or_chinese() {
        assert_eq!(Land::parse("transfer"), Ok(Land::Transfer));
        assert_eq!(Land::parse("划拨"), Ok(Land::Allocation));
        assert_eq!(
            Land::parse("sold").unwrap_err(),
            "invalid land supply \"sold\": expected one of transfer (出让), allocation (划拨), own (自有用地), none (不新增用地)"
        );
        assert_eq!(EiaClass::Table.key(), "table");
        assert_eq!(Level::City.label(Lang::Zh), "市级");
    }

    #[test]
    fn conditions_hold_on_recorded_facts_and_unrecorded_enumerations() {
        let c = Condition {
            types: vec!["chemical".into()],
            hazchem: Some(true),
            ..Condition::default()
        };
        let mut f = Facts::default();
        assert_eq!(
            c.check("chemical", "化工", &f),
            None,
            "危化 not recorded = no"
        );
        f.hazchem = Some(true);
        assert_eq!(
            c.check("chemical", "化工", &f),
            Some(vec![Because::Type("化工".into()), Because::Hazchem(true)])
        );
        assert_eq!(c.check("industrial", "工业", &f), None);

        let c = Condition {
            land: vec![Land::Allocation],
            ..Condition::default()
        };
        assert_eq!(
            c.check("transport", "交通", &Facts::default()),
            Some(vec![Because::Unrecorded("供地方式")])
        );
        f.land = Some(Land::Transfer);
        assert_eq!(c.check("transport", "交通", &f), None);
    }
}
