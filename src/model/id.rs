//! Project IDs: the short slug a clerk chooses, which is also the name of the
//! project's folder, so it must be a safe file name on every system.

use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(transparent)]
pub struct ProjectId(String);

impl ProjectId {
    /// Lower-case ASCII letters, digits, `-` and `_`, starting with a letter
    /// or digit, at most 64 characters. Lower case only, so that two IDs never
    /// clash on a case-insensitive file system.
    pub fn parse(text: &str) -> Result<ProjectId, String> {
        let ok = !text.is_empty()
            && text.len() <= 64
            && text.as_bytes()[0].is_ascii_alphanumeric()
            && text
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_');
        if ok {
            Ok(ProjectId(text.to_string()))
        } else {
            Err(tr!(BadProjectId, text = text))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for ProjectId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Checks a national project code (项目代码), `YYMM-RRRRRR-DD-TT-NNNNNN`:
/// the year and month the code was issued (赋码年月, 时间代码 of GB/T
/// 40058-2021), the region (GB/T 2260), the supervising department, the
/// project type, five random digits and a check digit. Codes issued before
/// the 2020 standard began with a 4-digit year instead; both have the same
/// shape and are accepted.
pub fn check_national_code(text: &str) -> Result<(), String> {
    let groups: Vec<&str> = text.split('-').collect();
    let lens = [4, 6, 2, 2, 6];
    let ok = groups.len() == lens.len()
        && groups
            .iter()
            .zip(lens)
            .all(|(g, n)| g.len() == n && g.bytes().all(|b| b.is_ascii_digit()));
    if ok {
        Ok(())
    } else {
        Err(tr!(BadNationalCode, text = text))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids() {
        assert!(ProjectId::parse("shengrun-hq").is_ok());
        assert!(ProjectId::parse("road_2024").is_ok());
        for bad in ["", "a/b", "..", "-x", "a b", "Big", "盛润", ".hidden"] {
            assert!(ProjectId::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn codes() {
        assert!(check_national_code("2024-410927-26-03-012345").is_ok());
        assert!(check_national_code("2024-410927-26-03-01234").is_err());
        assert!(check_national_code("2024-410927-26-3-012345").is_err());
        assert!(check_national_code("2024-41092a-26-03-012345").is_err());
    }
}
