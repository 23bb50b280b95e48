//! Progress on the terminal for commands that read many projects: a bar on
//! stderr that appears only when stderr is a terminal and the work has
//! already taken a second, and is cleared when the work is done. Scripts and
//! pipes never see it.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

pub struct Progress {
    bar: ProgressBar,
    start: Instant,
    terminal: bool,
    shown: AtomicBool,
}

impl Progress {
    /// A bar for `len` items labelled `what` (a message in the chosen
    /// language, e.g. `tr!(ProgressReading)`).
    pub fn new(len: usize, what: String) -> Progress {
        let style =
            ProgressStyle::with_template("{msg} {bar:40} {pos}/{len}").expect("a valid template");
        let bar = ProgressBar::with_draw_target(Some(len as u64), ProgressDrawTarget::hidden())
            .with_style(style)
            .with_message(what);
        Progress {
            bar,
            start: Instant::now(),
            terminal: std::io::stderr().is_terminal(),
            shown: AtomicBool::new(false),
        }
    }

    /// One more item done (callable from any thread).
    pub fn inc(&self) {
        self.bar.inc(1);
        if self.terminal
            && !self.shown.load(Ordering::Relaxed)
            && self.start.elapsed() > Duration::from_secs(1)
            && !self.shown.swap(true, Ordering::Relaxed)
        {
            self.bar.set_draw_target(ProgressDrawTarget::stderr());
        }
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.bar.finish_and_clear();
    }
}
