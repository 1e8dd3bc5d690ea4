//! Running a [`Config`]: each command loads its inputs, calls the library and
//! returns the rendered output and exit code; the binary prints them.

mod pool;

use std::path::{Path, PathBuf};

use crate::config::Config;
use crate::document::Document;
use crate::extract::Extractor;
use crate::keywords::{Background, KeywordError};
use crate::lexicon::build::{BuildError, build};
use crate::lexicon::{Lexicon, LexiconError};
use crate::load::{LoadError, Source, load};
use crate::quality::Quality;
use crate::report;
use crate::score::score;
use crate::sections::heading;
use crate::tokenize::phrase_key;

/// What a command produced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    /// Text for standard output.
    pub stdout: String,
    /// Warnings for standard error, each naming its file (parse quality).
    pub warnings: Vec<String>,
    /// Errors of single files in a batch that went on without them, each naming its file.
    pub errors: Vec<String>,
    /// Process exit code: 0 success, 1 below `--min-score`, 2 when a file of
    /// the batch failed, 130 when Ctrl-C stopped `index add` early.
    pub code: u8,
}

impl Outcome {
    /// The outcome of a batch: exit code 2 when any file failed, else 0.
    fn batch(stdout: String, warnings: Vec<String>, errors: Vec<String>) -> Outcome {
        let code = if errors.is_empty() { 0 } else { 2 };
        Outcome { stdout, warnings, errors, code }
    }
}

/// Everything that can stop a command; each error names the file involved.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// An input file could not be loaded.
    #[error(transparent)]
    Load(#[from] LoadError),
    /// The lexicon is malformed.
    #[error(transparent)]
    Lexicon(#[from] LexiconError),
    /// The keyword index or background table failed.
    #[error(transparent)]
    Keywords(#[from] KeywordError),
    /// The lexicon build failed.
    #[error(transparent)]
    Build(#[from] BuildError),
    /// The index failed.
    #[error(transparent)]
    Index(crate::index::IndexError),
    /// A benchmark file is unreadable or malformed.
    #[error(transparent)]
    Eval(#[from] crate::eval::EvalError),
    /// A search query is malformed.
    #[error("{0}")]
    Search(String),
    /// An output file could not be written.
    #[error("{path}: cannot write: {source}")]
    Write {
        /// The output file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
}

/// How many near misses `lexicon lookup` shows.
const LOOKUP_SUGGESTIONS: usize = 5;
/// Lowest Jaro-Winkler similarity for a near miss.
const LOOKUP_MIN_SIMILARITY: f64 = 0.85;

/// Runs one command.
///
/// Errors: [`AppError`], naming the file that caused it.
pub fn run(config: &Config, progress: &dyn crate::batch::Progress) -> Result<Outcome, AppError> {
    let mut warnings = Vec::new();
    let stdout = match config {
        Config::Score { resume, job, format, min_score, gaps_only, as_of, weights, explain } => {
            let extractor = Extractor::embedded()?;
            let resume = extractor.analyze(load_checked(resume, &mut warnings)?);
            let job = extractor.analyze(load_checked(job, &mut warnings)?);
            let report = score(&extractor, &Background::embedded()?, &resume, &job, weights, *as_of)?;
            let code = u8::from(min_score.is_some_and(|min| report.score < min));
            let stdout =
                if *gaps_only { report::gaps(&report, *format) } else { report::score(&report, *format, *explain) };
            return Ok(Outcome { stdout, warnings, errors: Vec::new(), code });
        }
        Config::Diff { old, new, job, format, as_of, weights } => {
            let extractor = Extractor::embedded()?;
            let background = Background::embedded()?;
            let job = extractor.analyze(load_checked(job, &mut warnings)?);
            let mut report = |source| -> Result<_, AppError> {
                let resume = extractor.analyze(load_checked(source, &mut warnings)?);
                Ok(score(&extractor, &background, &resume, &job, weights, *as_of)?)
            };
            let (old, new) = (report(old)?, report(new)?);
            report::diff(&crate::diff::diff(&old, &new), *format)
        }
        Config::Skills { file, format } => {
            let extractor = Extractor::embedded()?;
            let analysis = extractor.analyze(load_checked(file, &mut warnings)?);
            report::skills(&analysis.doc.path.display().to_string(), &extractor.records(&analysis), *format)
        }
        Config::Sections { file, format } => {
            let doc = load_checked(file, &mut warnings)?;
            let rows: Vec<_> =
                doc.lines().filter_map(|(n, l)| heading(l).map(|s| (n, s, l.trim().to_string()))).collect();
            report::sections(&doc.path.display().to_string(), &rows, *format)
        }
        Config::LexiconBuild { inputs, out } => {
            let lexicon = build(inputs)?;
            write_atomic(out, &lexicon.to_tsv())?;
            let relations = out.with_file_name("relations.tsv");
            write_atomic(&relations, &lexicon.relations_tsv())?;
            format!(
                "wrote {} skills to {} and {} relations to {}\n",
                lexicon.skills.len(),
                out.display(),
                lexicon.relations.len(),
                relations.display()
            )
        }
        Config::EvalSpans { file, tags, format } => {
            let sentences = crate::eval::read_benchmark(file, *tags)?;
            let extractor = Extractor::embedded()?;
            report::eval_spans(
                &crate::eval::evaluate(&extractor, &file.display().to_string(), *tags, &sentences),
                *format,
            )
        }
        Config::EvalDecorte { files, format } => {
            let extractor = Extractor::embedded()?;
            let reports =
                files.iter().map(|f| crate::eval::decorte::evaluate(&extractor, f)).collect::<Result<Vec<_>, _>>()?;
            report::eval_decorte(&reports, *format)
        }
        Config::LexiconLearn { inputs, train, tags, out } => {
            let sentences = crate::eval::read_benchmark(train, *tags)?;
            let extractor = Extractor::new(build(inputs)?);
            let learned = crate::eval::learn::learn(&extractor, *tags, &sentences);
            write_atomic(out, &crate::eval::learn::to_tsv(&learned))?;
            format!("wrote {} learned directives to {}\n", learned.len(), out.display())
        }
        Config::LexiconLookup { term } => lookup(&Lexicon::embedded()?, term),
        Config::DumpConfig { weights } => weights.to_toml(),
        Config::IndexAdd { dir, paths, kind, rebuild, as_of, weights } => {
            return pool::add(dir, paths, (*kind, *as_of), *rebuild, weights, progress);
        }
        Config::IndexList { dir, format, weights } => pool::list(dir, *format, weights)?,
        Config::IndexRemove { dir, keys, weights } => return pool::remove(dir, keys, weights),
        Config::IndexStats { dir, weights } => pool::stats(dir, weights)?,
        Config::Rank { target, paths, dir, top, format, redact, as_of, weights } => {
            return pool::rank(target, paths, dir, (*top, *format, *redact, *as_of), weights, progress);
        }
        Config::Search { dir, query, top, format, weights } => pool::search_index(dir, query, *top, *format, weights)?,
        Config::LexiconBackground { posts, out } => {
            let docs = posts.iter().map(|p| Document::load(p)).collect::<Result<Vec<_>, _>>()?;
            let background = Background::build(docs.iter().map(|d| d.text.as_str()))?;
            write_atomic(out, &background.to_tsv())?;
            format!("wrote {} terms from {} job posts to {}\n", background.df.len(), background.docs, out.display())
        }
    };
    Ok(Outcome { stdout, warnings, errors: Vec::new(), code: 0 })
}

/// Loads a document and adds its parse-quality warnings to `warnings`.
fn load_checked(source: &Source, warnings: &mut Vec<String>) -> Result<Document, LoadError> {
    let doc = load(source)?;
    for w in Quality::assess(&doc).warnings() {
        warnings.push(format!("{}: {w}", doc.path.display()));
    }
    Ok(doc)
}

/// The skill whose alias is `term`, or the skills with the most similar aliases.
fn lookup(lexicon: &Lexicon, term: &str) -> String {
    let key = phrase_key(term);
    let describe = |s: &crate::lexicon::Skill| {
        let aliases: Vec<String> = s
            .aliases
            .iter()
            .map(|a| if a.case_sensitive { format!("{} (exact case)", a.text) } else { a.text.clone() })
            .collect();
        format!(
            "{}\n  category: {}\n  aliases: {}\n  sources: {}\n",
            s.name,
            s.category.as_str(),
            aliases.join(", "),
            s.sources.join(", ")
        )
    };
    if let Some(&id) = lexicon.alias_index().get(&key) {
        return describe(lexicon.skill(id));
    }
    let key = key.as_str();
    let mut near: Vec<(f64, &str, &str)> = lexicon
        .skills
        .iter()
        .flat_map(|s| {
            s.aliases
                .iter()
                .map(move |a| (strsim::jaro_winkler(key, &phrase_key(&a.text)), a.text.as_str(), s.name.as_str()))
        })
        .filter(|(sim, _, _)| *sim >= LOOKUP_MIN_SIMILARITY)
        .collect();
    near.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1)));
    near.dedup_by(|a, b| a.2 == b.2);
    let mut out = format!("no skill named {term:?}");
    if near.is_empty() {
        out.push('\n');
    } else {
        out.push_str("; nearest:\n");
        for (sim, alias, name) in near.into_iter().take(LOOKUP_SUGGESTIONS) {
            out.push_str(&format!("  {alias} → {name} (similarity {sim:.2})\n"));
        }
    }
    out
}

/// Writes `text` to a temporary file beside `path`, then renames it into place.
fn write_atomic(path: &Path, text: &str) -> Result<(), AppError> {
    let err = |source| AppError::Write { path: path.to_path_buf(), source };
    let tmp = path.with_extension("tmp");
    std::fs::write(&tmp, text).map_err(err)?;
    std::fs::rename(&tmp, path).map_err(err)
}
