//! `taizhang completions SHELL` and `taizhang man`: the shell completion
//! script and the manual page, generated from the command-line definition.
//! Neither needs a ledger.

use super::Output;
use crate::cli::{Cli, CompletionsArgs};
use anyhow::{Context, Result};
use clap::CommandFactory;

pub fn completions(a: &CompletionsArgs) -> Result<Output> {
    let mut cmd = Cli::command();
    let mut out = Vec::new();
    clap_complete::generate(a.shell, &mut cmd, "taizhang", &mut out);
    Ok(Output::ok(
        String::from_utf8(out).context("the completion script is not UTF-8")?,
    ))
}

pub fn man() -> Result<Output> {
    let mut out = Vec::new();
    clap_mangen::Man::new(Cli::command())
        .render(&mut out)
        .context("cannot render the manual page")?;
    Ok(Output::ok(
        String::from_utf8(out).context("the manual page is not UTF-8")?,
    ))
}
