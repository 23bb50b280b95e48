//! The people options shared by `open` and the command that edits a
//! project's fields: names trimmed, phones checked for shape, an empty
//! value clearing the field.

use crate::cli::PeopleArgs;
use crate::model::People;
use crate::model::people::check_phone;
use anyhow::{Result, anyhow};

/// Writes the options given in `a` into `people`; refuses a phone of the
/// wrong shape.
pub fn apply(a: &PeopleArgs, people: &mut People) -> Result<()> {
    let text = |v: &Option<String>, slot: &mut Option<String>| {
        if let Some(v) = v {
            let t = v.trim();
            *slot = (!t.is_empty()).then(|| t.to_string());
        }
    };
    text(&a.leader, &mut people.leader);
    text(&a.unit, &mut people.unit);
    text(&a.person, &mut people.person);
    text(&a.contact, &mut people.contact);
    for (flag, v, slot) in [
        ("--person-phone", &a.person_phone, &mut people.person_phone),
        (
            "--contact-phone",
            &a.contact_phone,
            &mut people.contact_phone,
        ),
    ] {
        if let Some(v) = v {
            let t = v.trim();
            if t.is_empty() {
                *slot = None;
            } else {
                check_phone(t).map_err(|e| anyhow!(tr!(FlagValue, flag = flag, error = e)))?;
                *slot = Some(t.to_string());
            }
        }
    }
    Ok(())
}
