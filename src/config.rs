//! The validated run configuration that commands receive; built from the
//! command line by [`crate::cli`], so commands never see the argument parser.

use std::path::PathBuf;

use crate::lexicon::build::BuildInputs;
use crate::load::Source;
use crate::report::Format;

/// What to run, with every argument checked.
#[derive(Debug, Clone)]
pub enum Config {
    /// `jobfit score` and `jobfit gaps`.
    Score {
        /// The résumé.
        resume: Source,
        /// The job post.
        job: Source,
        /// Output format.
        format: Format,
        /// Exit with code 1 when the score is below this (0..=100).
        min_score: Option<f64>,
        /// Print only the missing requirements (`gaps`).
        gaps_only: bool,
    },
    /// `jobfit skills`.
    Skills {
        /// The document to read.
        file: Source,
        /// Output format.
        format: Format,
    },
    /// `jobfit sections`.
    Sections {
        /// The document to read.
        file: Source,
        /// Output format.
        format: Format,
    },
    /// `jobfit lexicon build`.
    LexiconBuild {
        /// Source files.
        inputs: BuildInputs,
        /// Where to write the lexicon.
        out: PathBuf,
    },
    /// `jobfit lexicon lookup`.
    LexiconLookup {
        /// A skill name or alias.
        term: String,
    },
    /// `jobfit lexicon background`.
    LexiconBackground {
        /// Job-post files.
        posts: Vec<PathBuf>,
        /// Where to write the table.
        out: PathBuf,
    },
}
