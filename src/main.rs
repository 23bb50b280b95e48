//! The `taizhang` binary: parse, run, print the output or the error chain
//! once, and return the exit status (0 ok, 1 error, 2 usage). A closed pipe
//! (`taizhang list | head`) is not an error.

use clap::Parser;

/// mimalloc: reports allocate and free millions of small strings over
/// two threads, where it is markedly faster and holds less memory than
/// the system allocator (BENCHMARKS.md).
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;
use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = match taizhang::cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
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
                    eprintln!("error: cannot write the output: {e}");
                    ExitCode::from(1)
                }
                _ => ExitCode::from(out.code),
            }
        }
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(1)
        }
    }
}
