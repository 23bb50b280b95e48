//! The bulletin as a Word document (placeholder while the layout is built).
use super::bulletin_doc::Doc;
use crate::model::Lang;
use anyhow::Result;

pub fn render(doc: &Doc, _lang: Lang) -> Result<Vec<u8>> {
    Ok(doc.markdown().into_bytes())
}
