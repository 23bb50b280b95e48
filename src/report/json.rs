//! Pretty JSON as serde_json lays it out (two spaces a level), written
//! piece by piece where a report's rows are too many to go through serde
//! one field at a time: `Object` writes an object's fields straight into a
//! buffer, a text without anything to escape copied as it is; `Nested`
//! lays out a value serde writes inside a larger document.

use serde::Serialize;
use std::io::Write;

/// serde_json's pretty layout (two spaces a level) for a value written
/// `level` levels deep inside a larger document: an item of a list streamed
/// on its own, written straight where it goes.
pub struct Nested {
    level: usize,
    has_value: bool,
}

impl Nested {
    pub fn at(level: usize) -> Nested {
        Nested {
            level,
            has_value: false,
        }
    }

    fn line<W: ?Sized + std::io::Write>(&self, w: &mut W, first: bool) -> std::io::Result<()> {
        w.write_all(if first { b"\n" } else { b",\n" })?;
        for _ in 0..self.level {
            w.write_all(b"  ")?;
        }
        Ok(())
    }

    fn open<W: ?Sized + std::io::Write>(&mut self, w: &mut W, c: &[u8]) -> std::io::Result<()> {
        self.level += 1;
        self.has_value = false;
        w.write_all(c)
    }

    fn close<W: ?Sized + std::io::Write>(&mut self, w: &mut W, c: &[u8]) -> std::io::Result<()> {
        self.level -= 1;
        if self.has_value {
            w.write_all(b"\n")?;
            for _ in 0..self.level {
                w.write_all(b"  ")?;
            }
        }
        w.write_all(c)
    }
}

impl serde_json::ser::Formatter for Nested {
    fn begin_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.open(w, b"[")
    }

    fn end_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.close(w, b"]")
    }

    fn begin_array_value<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.line(w, first)
    }

    fn end_array_value<W: ?Sized + std::io::Write>(&mut self, _: &mut W) -> std::io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.open(w, b"{")
    }

    fn end_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.close(w, b"}")
    }

    fn begin_object_key<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.line(w, first)
    }

    fn begin_object_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        w.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + std::io::Write>(&mut self, _: &mut W) -> std::io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

/// Two spaces a level.
fn indent(out: &mut Vec<u8>, level: usize) {
    for _ in 0..level {
        out.extend_from_slice(b"  ");
    }
}

/// `text` as a JSON string: as it is when nothing in it needs escaping
/// (checked a word at a time), else as serde_json escapes it.
pub fn string(out: &mut Vec<u8>, text: &str) {
    let bytes = text.as_bytes();
    let escapes = bytes.iter().fold(0u8, |found, &b| {
        found | u8::from(b < 0x20) | u8::from(b == b'"') | u8::from(b == b'\\')
    });
    if escapes == 0 {
        out.push(b'"');
        out.extend_from_slice(bytes);
        out.push(b'"');
    } else {
        serde_json::to_writer(&mut *out, text).expect("a string serialises");
    }
}

/// An object being written at `level`, one field after the other; fields
/// are written in the order given, as serde writes a struct's.
pub struct Object<'a> {
    out: &'a mut Vec<u8>,
    level: usize,
    first: bool,
}

impl<'a> Object<'a> {
    pub fn begin(out: &'a mut Vec<u8>, level: usize) -> Object<'a> {
        out.push(b'{');
        Object {
            out,
            level,
            first: true,
        }
    }

    fn key(&mut self, key: &str) -> &mut Vec<u8> {
        self.out
            .extend_from_slice(if self.first { b"\n" } else { b",\n" });
        self.first = false;
        indent(self.out, self.level + 1);
        string(self.out, key);
        self.out.extend_from_slice(b": ");
        self.out
    }

    pub fn str(&mut self, key: &str, value: &str) {
        string(self.key(key), value);
    }

    /// A field left out when `None`.
    pub fn some_str(&mut self, key: &str, value: Option<&str>) {
        if let Some(v) = value {
            self.str(key, v);
        }
    }

    /// A field written `null` when `None`.
    pub fn str_or_null(&mut self, key: &str, value: Option<&str>) {
        match value {
            Some(v) => self.str(key, v),
            None => self.key(key).extend_from_slice(b"null"),
        }
    }

    /// A number, a date or anything `Display` writes as its JSON.
    pub fn display(&mut self, key: &str, value: impl std::fmt::Display) {
        write!(self.key(key), "{value}").expect("writing to memory");
    }

    /// A date as a JSON string (`"2024-11-25"`).
    pub fn date(&mut self, key: &str, value: crate::model::Date) {
        write!(self.key(key), "\"{value}\"").expect("writing to memory");
    }

    /// Any other value, laid out by serde.
    pub fn value<T: Serialize + ?Sized>(&mut self, key: &str, value: &T) {
        let level = self.level + 1;
        let out = self.key(key);
        let mut ser = serde_json::Serializer::with_formatter(out, Nested::at(level));
        value.serialize(&mut ser).expect("report values serialise");
    }

    /// A field left out when `None`, laid out by serde.
    pub fn some<T: Serialize>(&mut self, key: &str, value: Option<&T>) {
        if let Some(v) = value {
            self.value(key, v);
        }
    }

    pub fn end(self) {
        if !self.first {
            self.out.push(b'\n');
            indent(self.out, self.level);
        }
        self.out.push(b'}');
    }
}
