//! The `taizhang` binary: choose the language, parse, run, print the output
//! or the error chain once, and return the exit status (0 ok, 1 error, 2
//! usage). A closed pipe (`taizhang list | head`) is not an error.

use clap::FromArgMatches;

/// mimalloc: reports allocate and free millions of small strings over
/// two threads, where it is markedly faster and holds less memory than
/// the system allocator (BENCHMARKS.md).
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;
use std::io::Write;
use std::process::ExitCode;
use taizhang::msg::{self, Msg};

fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let lang = taizhang::cli::prescan_lang(&args);
    msg::set_lang(lang);
    let parsed = taizhang::cli::command(lang)
        .try_get_matches_from(&args)
        .and_then(|m| taizhang::cli::Cli::from_arg_matches(&m));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) => {
            let _ = taizhang::help_zh::print_error(&e, lang);
            return ExitCode::from(e.exit_code() as u8);
        }
    };
    match taizhang::cmd::run(cli) {
        Ok(out) => {
            let mut stdout = std::io::stdout().lock();
            let written = stdout
                .write_all(out.text.as_bytes())
                .and_then(|_| match out.stream {
                    Some(stream) => stream(&mut stdout),
                    None => Ok(()),
                });
            match written.and_then(|_| stdout.flush()) {
                Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
                    eprintln!(
                        "{}{}",
                        msg::text(Msg::ErrorPrefix, &[]),
                        msg::text(Msg::CannotWriteOutput, &[("error", &msg::io_error(&e))])
                    );
                    ExitCode::from(1)
                }
                _ => ExitCode::from(out.code),
            }
        }
        Err(e) => {
            eprintln!(
                "{}{}",
                msg::text(Msg::ErrorPrefix, &[]),
                msg::error_chain(&e)
            );
            ExitCode::from(1)
        }
    }
}
