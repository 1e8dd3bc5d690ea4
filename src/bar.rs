//! The progress bar of long batches (indicatif, on standard error), shown
//! only when standard error is a terminal and the batch is long, and the
//! batch's Ctrl-C: stop early keeping the work done.

use std::io::IsTerminal;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, Ordering};

use indicatif::{ProgressBar, ProgressStyle};
use jobfit::batch::Progress;

/// Batches shorter than this run without a bar.
const MIN_FILES: usize = 200;

/// Set by the first Ctrl-C once [`stop_on_ctrl_c`] is in force.
static STOP: AtomicBool = AtomicBool::new(false);

/// Makes Ctrl-C ask the batch to stop ([`Progress::stopped`]) and keep what
/// it has done; a second Ctrl-C ends the process at once (exit 130).
///
/// Errors: the handler could not be installed.
pub fn stop_on_ctrl_c() -> Result<(), ctrlc::Error> {
    ctrlc::set_handler(|| {
        if STOP.swap(true, Ordering::SeqCst) {
            std::process::exit(130);
        }
        eprintln!("jobfit: stopping after the files being read (Ctrl-C again to quit at once)");
    })
}

/// A lazily created progress bar.
#[derive(Default)]
pub struct Bar(OnceLock<ProgressBar>);

impl Progress for Bar {
    fn start(&self, total: usize) {
        let bar = if total >= MIN_FILES && std::io::stderr().is_terminal() {
            let style = ProgressStyle::with_template("{bar:40} {pos}/{len} files {elapsed} (eta {eta})")
                .expect("valid template");
            ProgressBar::new(total as u64).with_style(style)
        } else {
            ProgressBar::hidden()
        };
        let _ = self.0.set(bar);
    }

    fn advance(&self) {
        if let Some(bar) = self.0.get() {
            bar.inc(1);
        }
    }

    fn finish(&self) {
        if let Some(bar) = self.0.get() {
            bar.finish_and_clear();
        }
    }

    fn stopped(&self) -> bool {
        STOP.load(Ordering::Relaxed)
    }
}
