//! The compact binary of the project cache (`store::cache`): what makes it
//! differ from the JSON of the same values. Every field is written, in
//! order, so a field JSON leaves out when empty must still be written
//! there (such fields use `skip_none`, not `Option::is_none`); and the
//! texts every procedure row repeats — a catalogue entry's key, name and
//! task force — are written as their number in the ledger's catalogue
//! (`Texts`) and read back as that one shared text, not copied into a
//! new string for each of a province's million rows.

use std::borrow::Cow;
use std::cell::Cell;
use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

/// A text that is most often one of the catalogue's (shared, never
/// copied) and sometimes a row's own.
pub type Text = Cow<'static, str>;

thread_local! {
    static WRITING: Cell<bool> = const { Cell::new(false) };
    /// The shared texts of the cache being read or written on this thread.
    static TEXTS: Cell<Option<&'static Texts>> = const { Cell::new(None) };
}

/// Runs `f`, a compact serialisation, with every field written and the
/// texts of `shared` written as their number.
pub fn writing<R>(shared: &'static Texts, f: impl FnOnce() -> R) -> R {
    WRITING.set(true);
    let before = TEXTS.replace(Some(shared));
    let r = f();
    TEXTS.set(before);
    WRITING.set(false);
    r
}

/// Runs `f`, a compact deserialisation, with the numbers of `shared`
/// read back as its texts.
pub fn reading<R>(shared: &'static Texts, f: impl FnOnce() -> R) -> R {
    let before = TEXTS.replace(Some(shared));
    let r = f();
    TEXTS.set(before);
    r
}

/// `text` as a `Text`: the shared one when the texts in use on this thread
/// (`reading`) have it, else a copy.
pub fn share(text: &str) -> Text {
    match TEXTS.get().and_then(|t| t.numbers.get_key_value(text)) {
        Some((shared, _)) => Cow::Borrowed(*shared),
        None => Cow::Owned(text.to_string()),
    }
}

/// `skip_serializing_if` for an optional field JSON leaves out when
/// empty; never skipped in the compact binary.
pub fn skip_none<T>(v: &Option<T>) -> bool {
    v.is_none() && !WRITING.get()
}

/// The texts of a ledger's catalogue and task forces, numbered in the
/// order the settings give them; one table per settings, for the life of
/// the process.
pub struct Texts {
    /// The digest of the settings text they come from.
    digest: u64,
    texts: Vec<&'static str>,
    numbers: HashMap<&'static str, u32>,
}

impl Texts {
    /// The table of the settings whose digest is `digest` (made from
    /// `texts` the first time).
    pub fn of<'a>(digest: u64, texts: impl FnOnce() -> Vec<&'a str>) -> &'static Texts {
        static TABLES: OnceLock<Mutex<HashMap<u64, &'static Texts>>> = OnceLock::new();
        let mut tables = TABLES
            .get_or_init(Default::default)
            .lock()
            .expect("not poisoned");
        tables.entry(digest).or_insert_with(|| {
            let mut shared = Texts {
                digest,
                texts: Vec::new(),
                numbers: HashMap::new(),
            };
            for t in texts() {
                if !shared.numbers.contains_key(t) {
                    let t: &'static str = Box::leak(t.into());
                    shared.numbers.insert(t, shared.texts.len() as u32);
                    shared.texts.push(t);
                }
            }
            Box::leak(Box::new(shared))
        })
    }

    /// The digest of the settings text these are the texts of.
    pub fn digest(&self) -> u64 {
        self.digest
    }
}

/// Serde for a `Text` field: a plain string in JSON and TOML; in the
/// compact binary the number of a shared text plus one, or 0 and the text.
pub mod text {
    use super::{TEXTS, Text};
    use serde::{Deserialize, Deserializer, Serialize, Serializer};
    use std::borrow::Cow;

    pub fn serialize<S: Serializer>(t: &Text, s: S) -> Result<S::Ok, S::Error> {
        if s.is_human_readable() {
            return s.serialize_str(t);
        }
        match TEXTS.get().and_then(|sh| sh.numbers.get(&**t)) {
            Some(n) => (n + 1, "").serialize(s),
            None => (0u32, &**t).serialize(s),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Text, D::Error> {
        if d.is_human_readable() {
            return String::deserialize(d).map(Cow::Owned);
        }
        let (n, own) = <(u32, Cow<'de, str>)>::deserialize(d)?;
        if n == 0 {
            return Ok(Cow::Owned(own.into_owned()));
        }
        TEXTS
            .get()
            .and_then(|sh| sh.texts.get(n as usize - 1))
            .map(|t| Cow::Borrowed(*t))
            .ok_or_else(|| serde::de::Error::custom(format!("no shared text number {n}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Serialize, serde::Deserialize, PartialEq, Debug)]
    struct Row {
        #[serde(with = "text")]
        key: Text,
        #[serde(with = "text")]
        name: Text,
    }

    #[test]
    fn shared_texts_are_numbers_in_the_binary_and_plain_in_json() {
        let shared = Texts::of(0xC0FFEE, || vec!["eia", "环评批复", "eia"]);
        let row = Row {
            key: "eia".into(),
            name: "自定义手续".into(),
        };
        let bytes = writing(shared, || postcard::to_allocvec(&row)).unwrap();
        // "eia" is the first text, number 0: written as 1 and an empty text.
        assert_eq!(&bytes[..2], &[1, 0]);
        let back: Row = reading(shared, || postcard::from_bytes(&bytes)).unwrap();
        assert_eq!(back, row);
        assert!(matches!(back.key, Cow::Borrowed(_)));
        assert!(matches!(back.name, Cow::Owned(_)));
        assert_eq!(
            serde_json::to_string(&row).unwrap(),
            r#"{"key":"eia","name":"自定义手续"}"#
        );
        // A number the table does not have is an error (the frame is read
        // from the files instead), never another text.
        let other = Texts::of(0xBEEF, Vec::new);
        assert!(reading(other, || postcard::from_bytes::<Row>(&bytes)).is_err());
    }
}
