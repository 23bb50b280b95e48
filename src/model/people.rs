//! The people a project is chased through (项目包联责任): the county leader
//! in charge (包联县领导), the responsible unit (责任单位), the responsible
//! person (责任人) and the owner's contact (项目单位联系人), each person with
//! a phone number checked for shape: a mainland mobile (1[3-9] and nine
//! more digits) or a landline with its area code (0393-1234567).

use serde::Serialize;

/// Who answers for a project, as `project.toml` records it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct People {
    /// The county leader in charge (包联县领导).
    #[serde(skip_serializing_if = "crate::model::compact::skip_none", default)]
    pub leader: Option<String>,
    /// The responsible unit (责任单位).
    #[serde(skip_serializing_if = "crate::model::compact::skip_none", default)]
    pub unit: Option<String>,
    /// The responsible person (责任人).
    #[serde(skip_serializing_if = "crate::model::compact::skip_none", default)]
    pub person: Option<String>,
    /// The responsible person's phone.
    #[serde(skip_serializing_if = "crate::model::compact::skip_none", default)]
    pub person_phone: Option<String>,
    /// The owner's contact (项目单位联系人).
    #[serde(skip_serializing_if = "crate::model::compact::skip_none", default)]
    pub contact: Option<String>,
    /// The owner's contact's phone.
    #[serde(skip_serializing_if = "crate::model::compact::skip_none", default)]
    pub contact_phone: Option<String>,
}

impl People {
    pub fn is_empty(&self) -> bool {
        *self == People::default()
    }

    /// "张伟 13903931234 (包联 李明)": whom to call about the project, the
    /// phone only when `phones`; empty when nobody is recorded.
    pub fn call_line(&self, phones: bool, en: bool) -> String {
        let mut parts = Vec::new();
        let person = match (&self.person, &self.person_phone) {
            (Some(p), Some(ph)) if phones => Some(format!("{p} {ph}")),
            (Some(p), _) => Some(p.clone()),
            (None, Some(ph)) if phones => Some(ph.clone()),
            _ => None,
        };
        let contact = match (&self.contact, &self.contact_phone) {
            (Some(p), Some(ph)) if phones => Some(format!("{p} {ph}")),
            (Some(p), _) => Some(p.clone()),
            (None, Some(ph)) if phones => Some(ph.clone()),
            _ => None,
        };
        if let Some(p) = person.or(contact) {
            parts.push(p);
        }
        if let Some(l) = &self.leader {
            parts.push(if en {
                format!("(leader {l})")
            } else {
                format!("（包联{l}）")
            });
        }
        parts.join(if en { " " } else { "" })
    }
}

/// Checks the shape of a phone number: a mainland mobile, 11 digits
/// starting 13–19 (13903931234), or a landline with its area code, 3 or 4
/// digits starting 0, a hyphen and 7 or 8 digits (0393-1234567), with an
/// optional extension (0393-1234567-801).
pub fn check_phone(text: &str) -> Result<(), String> {
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let t = text.trim();
    let ok = if t.starts_with('1') {
        t.len() == 11 && digits(t) && (b'3'..=b'9').contains(&t.as_bytes()[1])
    } else {
        let parts: Vec<&str> = t.split('-').collect();
        let area = parts.first().copied().unwrap_or("");
        let number = parts.get(1).copied().unwrap_or("");
        let ext_ok = match parts.get(2) {
            None => true,
            Some(e) => digits(e) && e.len() <= 6,
        };
        parts.len() <= 3
            && digits(area)
            && area.starts_with('0')
            && (3..=4).contains(&area.len())
            && digits(number)
            && (7..=8).contains(&number.len())
            && !number.starts_with('0')
            && ext_ok
    };
    if ok {
        Ok(())
    } else {
        Err(tr!(BadPhone, text = text))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phones() {
        for good in [
            "13903931234",
            "19912345678",
            "0393-1234567",
            "010-87654321",
            "0393-1234567-801",
        ] {
            assert!(check_phone(good).is_ok(), "{good}");
        }
        for bad in [
            "12903931234",
            "1390393123",
            "139039312345",
            "1234567",
            "0393 1234567",
            "393-1234567",
            "0393-123456",
            "0393-0234567",
            "03931234567",
            "+8613903931234",
            "",
            "0393-1234567-",
        ] {
            assert!(check_phone(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn call_line_hides_phones_when_asked() {
        let p = People {
            leader: Some("李明".into()),
            person: Some("张伟".into()),
            person_phone: Some("13903931234".into()),
            ..People::default()
        };
        assert_eq!(p.call_line(true, false), "张伟 13903931234（包联李明）");
        assert_eq!(p.call_line(false, false), "张伟（包联李明）");
        assert_eq!(p.call_line(true, true), "张伟 13903931234 (leader 李明)");
        assert_eq!(People::default().call_line(true, true), "");
    }
}
