//! The validated run configuration that commands receive; built from the
//! command line by [`crate::cli`], so commands never see the argument parser.

use std::path::PathBuf;

use crate::eval::Tags;
use crate::experience::Month;
use crate::kind::DocKind;
use crate::lexicon::build::BuildInputs;
use crate::load::Source;
use crate::report::{Format, RankFormat};
use crate::score::Weights;

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
        /// Add the per-requirement explanation (`--explain`).
        explain: bool,
        /// The month `Present` means in the résumé's dates.
        as_of: Month,
        /// Scoring weights in effect.
        weights: Weights,
    },
    /// `jobfit diff`.
    Diff {
        /// The résumé before the revision.
        old: Source,
        /// The résumé after it.
        new: Source,
        /// The job post.
        job: Source,
        /// Output format.
        format: Format,
        /// The month `Present` means.
        as_of: Month,
        /// Scoring weights in effect.
        weights: Weights,
    },
    /// `--dump-config`: print the effective configuration.
    DumpConfig {
        /// The configuration in effect.
        weights: Weights,
    },
    /// `jobfit lexicon learn`.
    LexiconLearn {
        /// The sources, without a learned file.
        inputs: BuildInputs,
        /// The training split.
        train: PathBuf,
        /// The gold tag set.
        tags: Tags,
        /// Where to write `learned.tsv`.
        out: PathBuf,
    },
    /// `jobfit eval skillspan`.
    EvalSpans {
        /// The JSON-lines benchmark.
        file: PathBuf,
        /// The gold tag set.
        tags: Tags,
        /// Output format.
        format: Format,
    },
    /// `jobfit eval decorte`.
    EvalDecorte {
        /// The validation CSVs.
        files: Vec<PathBuf>,
        /// Output format.
        format: Format,
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
    /// `jobfit index add`.
    IndexAdd {
        /// Index directory.
        dir: PathBuf,
        /// Files and directories to add.
        paths: Vec<PathBuf>,
        /// Kind of every document, or `None` to detect each.
        kind: Option<DocKind>,
        /// Re-create the index and re-add every stored path first.
        rebuild: bool,
        /// The month `Present` means in résumés' dates.
        as_of: Month,
        /// Scoring weights in effect.
        weights: Weights,
    },
    /// `jobfit index list`.
    IndexList {
        /// Index directory.
        dir: PathBuf,
        /// Scoring weights in effect (part of the index fingerprint).
        weights: Weights,
        /// Output format.
        format: Format,
    },
    /// `jobfit index remove`.
    IndexRemove {
        /// Index directory.
        dir: PathBuf,
        /// Scoring weights in effect (part of the index fingerprint).
        weights: Weights,
        /// Content ids or paths.
        keys: Vec<String>,
    },
    /// `jobfit index stats`.
    IndexStats {
        /// Index directory.
        dir: PathBuf,
        /// Scoring weights in effect (part of the index fingerprint).
        weights: Weights,
    },
    /// `jobfit rank`.
    Rank {
        /// Rank job posts for a résumé, or résumés for a job post.
        target: RankTarget,
        /// Files and directories to rank; empty means the index.
        paths: Vec<PathBuf>,
        /// Index directory used when `paths` is empty.
        dir: PathBuf,
        /// How many to show.
        top: usize,
        /// Output format.
        format: RankFormat,
        /// Hide names, e-mails, phones and URLs.
        redact: bool,
        /// The month `Present` means in résumés' dates.
        as_of: Month,
        /// Scoring weights in effect.
        weights: Weights,
    },
    /// `jobfit search`.
    Search {
        /// Index directory.
        dir: PathBuf,
        /// Scoring weights in effect (part of the index fingerprint).
        weights: Weights,
        /// tantivy query.
        query: String,
        /// How many hits.
        top: usize,
        /// Output format.
        format: Format,
    },
}

/// What `jobfit rank` ranks against.
#[derive(Debug, Clone)]
pub enum RankTarget {
    /// Job posts for this résumé.
    Resume(Source),
    /// Résumés for this job post.
    Job(Source),
}
