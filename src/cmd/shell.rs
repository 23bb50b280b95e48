//! `taizhang completions SHELL` and `taizhang man`: the shell completion
//! script and the manual page, generated from the command-line definition
//! in the language of messages (the manual page and the descriptions of
//! completions are Chinese for a Chinese ledger). Neither needs a ledger.

use super::Output;
use crate::cli::CompletionsArgs;
use anyhow::{Context, Result};

pub fn completions(a: &CompletionsArgs) -> Result<Output> {
    let mut cmd = crate::cli::command(crate::msg::lang());
    let mut out = Vec::new();
    clap_complete::generate(a.shell, &mut cmd, "taizhang", &mut out);
    Ok(Output::ok(String::from_utf8(out).with_context(|| {
        tr!(InternalNotUtf8, what = tr!(CompletionScript))
    })?))
}

pub fn man() -> Result<Output> {
    let mut out = Vec::new();
    clap_mangen::Man::new(crate::cli::command(crate::msg::lang()))
        .render(&mut out)
        .with_context(|| tr!(CannotRender, what = tr!(ManualPage)))?;
    Ok(Output::ok(String::from_utf8(out).with_context(|| {
        tr!(InternalNotUtf8, what = tr!(ManualPage))
    })?))
}
