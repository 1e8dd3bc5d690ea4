//! The progress bar of long batches (indicatif, on standard error), shown
//! only when standard error is a terminal and the batch is long.

use std::io::IsTerminal;
use std::sync::OnceLock;

use indicatif::{ProgressBar, ProgressStyle};
use jobfit::batch::Progress;

/// Batches shorter than this run without a bar.
const MIN_FILES: usize = 200;

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
}
