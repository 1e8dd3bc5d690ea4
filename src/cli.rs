//! Command-line arguments (clap derive) and their validation into a [`Config`].

use std::path::{Path, PathBuf};

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::config::{Config, RankTarget};
use crate::eval::Tags;
use crate::experience::Month;
use crate::kind::DocKind;
use crate::lexicon::build::BuildInputs;
use crate::load::{InputFormat, Source};
use crate::report::{Format, RankFormat};
use crate::score::Weights;
use crate::score::weights::CONFIG_FILE;

const EXAMPLES: &str = "\
Examples:
  jobfit score resume.md post.txt
  jobfit gaps  resume.md post.txt --format markdown
  jobfit score resume.md post.txt --format json --min-score 70
  jobfit skills resume.pdf
  curl -s https://example.com/job | jobfit gaps resume.docx - --input-format html
  jobfit index add --index pool resumes/ job_posts/
  jobfit rank --resume resume.pdf --index pool --top 10
  jobfit rank --job post.html resumes/ --redact
  jobfit search --index pool 'skill:rust AND (kubernetes OR k8s)'
  jobfit lexicon lookup k8s

Exit codes: 0 success, 1 score below --min-score, 2 error, 130 `index add` stopped by Ctrl-C.";

/// jobfit: how an applicant tracking system (ATS) sees your résumé against a job post.
#[derive(Debug, Parser)]
#[command(name = "jobfit", version, about, after_help = EXAMPLES)]
pub struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// Scoring configuration file [default: ./jobfit.toml when it exists, else the built-in weights].
    #[arg(long, global = true, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Print the effective scoring configuration (TOML) and exit.
    #[arg(long, global = true)]
    dump_config: bool,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Score a résumé against a job post (0-100) with a breakdown, matches and gaps.
    Score(ScoreArgs),
    /// List the job post's requirements the résumé lacks, most important first.
    Gaps(ScoreArgs),
    /// Show what a résumé revision gained and lost against a job post.
    Diff(DiffArgs),
    /// List every lexicon skill found in a file, with line, byte offsets and section.
    Skills(FileArgs),
    /// Show the sections jobfit detects in a file.
    Sections(FileArgs),
    /// Build or query the skill lexicon.
    #[command(subcommand)]
    Lexicon(LexiconCommand),
    /// Keep résumés and job posts in a persistent index for ranking and search.
    #[command(subcommand)]
    Index(IndexCommand),
    /// Rank job posts for a résumé (--resume), or résumés for a job post (--job).
    Rank(RankArgs),
    /// Search an index with tantivy's query language, as an ATS does.
    Search(SearchArgs),
    /// Measure extraction accuracy on a benchmark (SkillSpan, Green, Decorte).
    #[command(subcommand)]
    Eval(EvalCommand),
}

#[derive(Debug, Subcommand)]
enum EvalCommand {
    /// Span precision/recall/F1 on a SkillSpan- or Green-format JSON-lines file (BIO tags).
    Skillspan {
        /// The benchmark file, e.g. tests/fixtures/skillspan/dev.json.
        file: PathBuf,
        /// The gold tag set.
        #[arg(long, value_enum, default_value_t = TagsArg::Knowledge)]
        tags: TagsArg,
        /// Output format.
        #[arg(long, value_enum, default_value_t = FormatArg::Table)]
        format: FormatArg,
    },
    /// How often a gold span maps to its gold ESCO skill, on Decorte's validation CSVs.
    Decorte {
        /// The CSV files (`sentence,span,sub_span,label`).
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = FormatArg::Table)]
        format: FormatArg,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum TagsArg {
    Knowledge,
    Skill,
    Both,
}

impl From<TagsArg> for Tags {
    fn from(t: TagsArg) -> Tags {
        match t {
            TagsArg::Knowledge => Tags::Knowledge,
            TagsArg::Skill => Tags::Skill,
            TagsArg::Both => Tags::Both,
        }
    }
}

#[derive(Debug, Args)]
struct IndexDir {
    /// Index directory [default: the per-user data directory, e.g. ~/.local/share/jobfit/index].
    #[arg(long, value_name = "DIR")]
    index: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
enum IndexCommand {
    /// Add files and directories (searched recursively); a file already indexed is skipped.
    Add {
        #[command(flatten)]
        dir: IndexDir,
        /// Kind of every file added [default: detected per file from its headings].
        #[arg(long, value_enum)]
        kind: Option<KindArg>,
        /// Re-create an index built by another jobfit version or lexicon, re-adding its files.
        #[arg(long)]
        rebuild: bool,
        /// The month "Present" means in résumés' dates [default: the current month].
        #[arg(long, value_name = "YYYY-MM")]
        as_of: Option<String>,
        /// Files or directories.
        #[arg(required_unless_present = "rebuild")]
        paths: Vec<PathBuf>,
    },
    /// List the indexed documents.
    List {
        #[command(flatten)]
        dir: IndexDir,
        /// Output format.
        #[arg(long, value_enum, default_value_t = FormatArg::Table)]
        format: FormatArg,
    },
    /// Remove documents by id or path.
    Remove {
        #[command(flatten)]
        dir: IndexDir,
        /// Content ids (from `index list`) or paths as added.
        #[arg(required = true)]
        keys: Vec<String>,
    },
    /// Counts, size on disk, and the lexicon the index was built with.
    Stats {
        #[command(flatten)]
        dir: IndexDir,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum KindArg {
    Resume,
    Job,
}

#[derive(Debug, Args)]
#[command(group = clap::ArgGroup::new("target").required(true).args(["resume", "job"]))]
struct RankArgs {
    /// Rank job posts for this résumé.
    #[arg(long, value_name = "FILE")]
    resume: Option<PathBuf>,
    /// Rank résumés for this job post.
    #[arg(long, value_name = "FILE")]
    job: Option<PathBuf>,
    /// Files or directories to rank; without them, the index is ranked.
    paths: Vec<PathBuf>,
    #[command(flatten)]
    dir: IndexDir,
    /// How many to show.
    #[arg(long, default_value_t = 20)]
    top: usize,
    /// Output format.
    #[arg(long, value_enum, default_value_t = RankFormatArg::Table)]
    format: RankFormatArg,
    /// Hide candidates' names, e-mails, phones and URLs (recruiter view).
    #[arg(long)]
    redact: bool,
    /// The month "Present" means in résumés' dates [default: the current month].
    #[arg(long, value_name = "YYYY-MM")]
    as_of: Option<String>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum RankFormatArg {
    Table,
    Json,
    Ndjson,
    Csv,
    Markdown,
    Html,
}

#[derive(Debug, Args)]
struct SearchArgs {
    /// A query: words, "phrases", AND/OR/NOT, parentheses, fields skill:, kind:, title:, path:.
    query: String,
    #[command(flatten)]
    dir: IndexDir,
    /// How many hits.
    #[arg(long, default_value_t = 10)]
    top: usize,
    /// Output format.
    #[arg(long, value_enum, default_value_t = FormatArg::Table)]
    format: FormatArg,
}

#[derive(Debug, Args)]
struct ScoreArgs {
    /// Résumé (.txt, .md, .html, .pdf, .docx), or - for standard input.
    resume: PathBuf,
    /// Job post (.txt, .md, .html, .pdf, .docx), or - for standard input.
    job: PathBuf,
    /// Format of standard input when a path is -.
    #[arg(long, value_enum, default_value_t = InputFormatArg::Txt)]
    input_format: InputFormatArg,
    /// Output format.
    #[arg(long, value_enum, default_value_t = FormatArg::Table)]
    format: FormatArg,
    /// Exit with code 1 when the match score is below this value (0-100).
    #[arg(long, value_name = "SCORE")]
    min_score: Option<f64>,
    /// The month "Present" means in the résumé's dates [default: the current month].
    #[arg(long, value_name = "YYYY-MM")]
    as_of: Option<String>,
    /// Also list every requirement in post order with its tier, weight, credit and evidence.
    #[arg(long)]
    explain: bool,
}

#[derive(Debug, Args)]
struct DiffArgs {
    /// The résumé before the revision.
    old: PathBuf,
    /// The résumé after it.
    new: PathBuf,
    /// The job post.
    job: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = FormatArg::Table)]
    format: FormatArg,
    /// The month "Present" means in the résumés' dates [default: the current month].
    #[arg(long, value_name = "YYYY-MM")]
    as_of: Option<String>,
}

#[derive(Debug, Args)]
struct FileArgs {
    /// A résumé or job post (.txt, .md, .html, .pdf, .docx), or - for standard input.
    file: PathBuf,
    /// Format of standard input when the path is -.
    #[arg(long, value_enum, default_value_t = InputFormatArg::Txt)]
    input_format: InputFormatArg,
    /// Output format.
    #[arg(long, value_enum, default_value_t = FormatArg::Table)]
    format: FormatArg,
}

#[derive(Debug, Subcommand)]
enum LexiconCommand {
    /// Rebuild lexicon/skills.tsv and lexicon/relations.tsv from the source taxonomies and lexicon/overrides.tsv.
    Build(BuildArgs),
    /// Rewrite lexicon/learned.tsv from a training split: gold phrases to add, aliases to stop.
    Learn(LearnArgs),
    /// Show the canonical skill for a name or alias, or the nearest skills.
    Lookup {
        /// A skill name or alias, e.g. `k8s`.
        term: String,
    },
    /// Rebuild lexicon/background.tsv (document frequencies) from job posts.
    Background {
        /// Job-post files.
        #[arg(required = true)]
        posts: Vec<PathBuf>,
        /// Where to write the table.
        #[arg(long, default_value = "lexicon/background.tsv")]
        out: PathBuf,
    },
}

#[derive(Debug, Args)]
struct SourceArgs {
    /// Folder with esco-v1.1.1/, onet-29.3/, github-linguist/, devicon/, simple-icons/.
    #[arg(long, default_value = "../shared/data/lexicon-sources")]
    sources: PathBuf,
    /// The hand-kept overrides file.
    #[arg(long, default_value = "lexicon/overrides.tsv")]
    overrides: PathBuf,
}

impl SourceArgs {
    fn inputs(self, learned: Option<PathBuf>) -> BuildInputs {
        BuildInputs {
            esco: self.sources.join("esco-v1.1.1"),
            onet: self.sources.join("onet-29.3"),
            linguist: self.sources.join("github-linguist"),
            devicon: self.sources.join("devicon/devicon.json"),
            simple_icons: self.sources.join("simple-icons/simple-icons.json"),
            overrides: self.overrides,
            learned,
        }
    }
}

#[derive(Debug, Args)]
struct LearnArgs {
    #[command(flatten)]
    src: SourceArgs,
    /// A training split in SkillSpan JSON-lines form (never the dev split).
    train: PathBuf,
    /// The gold tag set to learn from.
    #[arg(long, value_enum, default_value_t = TagsArg::Knowledge)]
    tags: TagsArg,
    /// Where to write the learned directives.
    #[arg(long, default_value = "lexicon/learned.tsv")]
    out: PathBuf,
}

#[derive(Debug, Args)]
struct BuildArgs {
    #[command(flatten)]
    src: SourceArgs,
    /// The learned directives file (from `jobfit lexicon learn`).
    #[arg(long, default_value = "lexicon/learned.tsv")]
    learned: PathBuf,
    /// Where to write the lexicon.
    #[arg(long, default_value = "lexicon/skills.tsv")]
    out: PathBuf,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum InputFormatArg {
    Txt,
    Md,
    Html,
    Pdf,
    Docx,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum FormatArg {
    Table,
    Json,
    Markdown,
    Html,
}

/// An argument that parsed but is not valid.
#[derive(Debug, thiserror::Error)]
#[error("{flag}: {message}")]
pub struct UsageError {
    /// The flag to fix.
    pub flag: &'static str,
    /// What is wrong.
    pub message: String,
}

impl Cli {
    /// Validates the parsed arguments.
    ///
    /// Errors: [`UsageError`] naming the flag, e.g. `--min-score` outside 0..=100.
    pub fn into_config(self) -> Result<Config, UsageError> {
        let weights = weights(self.config)?;
        if self.dump_config {
            return Ok(Config::DumpConfig { weights });
        }
        let Some(command) = self.command else {
            return Err(UsageError { flag: "COMMAND", message: "missing; see `jobfit --help`".into() });
        };
        Ok(match command {
            Command::Score(a) => score_config(a, false, weights)?,
            Command::Gaps(a) => score_config(a, true, weights)?,
            Command::Diff(a) => Config::Diff {
                as_of: as_of(a.as_of)?,
                old: Source::Path(a.old),
                new: Source::Path(a.new),
                job: Source::Path(a.job),
                format: a.format.into(),
                weights,
            },
            Command::Skills(a) => Config::Skills { file: source(a.file, a.input_format), format: a.format.into() },
            Command::Sections(a) => Config::Sections { file: source(a.file, a.input_format), format: a.format.into() },
            Command::Lexicon(LexiconCommand::Build(b)) => {
                Config::LexiconBuild { inputs: b.src.inputs(Some(b.learned)), out: b.out }
            }
            Command::Lexicon(LexiconCommand::Learn(l)) => {
                Config::LexiconLearn { inputs: l.src.inputs(None), train: l.train, tags: l.tags.into(), out: l.out }
            }
            Command::Lexicon(LexiconCommand::Lookup { term }) => Config::LexiconLookup { term },
            Command::Lexicon(LexiconCommand::Background { posts, out }) => Config::LexiconBackground { posts, out },
            Command::Index(c) => index_config(c, weights)?,
            Command::Rank(a) => rank_config(a, weights)?,
            Command::Eval(EvalCommand::Skillspan { file, tags, format }) => {
                Config::EvalSpans { file, tags: tags.into(), format: format.into() }
            }
            Command::Eval(EvalCommand::Decorte { files, format }) => {
                Config::EvalDecorte { files, format: format.into() }
            }
            Command::Search(a) => Config::Search {
                dir: index_dir(a.dir)?,
                query: a.query,
                top: a.top.max(1),
                format: a.format.into(),
                weights,
            },
        })
    }
}

/// The weights of `--config FILE`, else of `./jobfit.toml`, else the defaults.
fn weights(config: Option<PathBuf>) -> Result<Weights, UsageError> {
    let discovered = Path::new(CONFIG_FILE);
    let path = config.or_else(|| discovered.exists().then(|| discovered.to_path_buf()));
    match path {
        Some(p) => Weights::from_file(&p).map_err(|e| UsageError { flag: "--config", message: e.to_string() }),
        None => Ok(Weights::default()),
    }
}

fn score_config(a: ScoreArgs, gaps_only: bool, weights: Weights) -> Result<Config, UsageError> {
    if let Some(min) = a.min_score
        && !(0.0..=100.0).contains(&min)
    {
        return Err(UsageError { flag: "--min-score", message: format!("{min} is outside 0..=100") });
    }
    if a.resume.as_os_str() == "-" && a.job.as_os_str() == "-" {
        return Err(UsageError {
            flag: "RESUME and JOB",
            message: "only one of them can be - (standard input)".into(),
        });
    }
    let as_of = as_of(a.as_of)?;
    let (resume, job) = (source(a.resume, a.input_format), source(a.job, a.input_format));
    let (format, explain) = (a.format.into(), a.explain);
    Ok(Config::Score { resume, job, format, min_score: a.min_score, gaps_only, as_of, weights, explain })
}

fn index_config(c: IndexCommand, weights: Weights) -> Result<Config, UsageError> {
    Ok(match c {
        IndexCommand::Add { dir, kind, rebuild, as_of: month, paths } => Config::IndexAdd {
            dir: index_dir(dir)?,
            as_of: as_of(month)?,
            paths,
            kind: kind.map(|k| match k {
                KindArg::Resume => DocKind::Resume,
                KindArg::Job => DocKind::Job,
            }),
            rebuild,
            weights,
        },
        IndexCommand::List { dir, format } => {
            Config::IndexList { dir: index_dir(dir)?, format: format.into(), weights }
        }
        IndexCommand::Remove { dir, keys } => Config::IndexRemove { dir: index_dir(dir)?, keys, weights },
        IndexCommand::Stats { dir } => Config::IndexStats { dir: index_dir(dir)?, weights },
    })
}

fn rank_config(a: RankArgs, weights: Weights) -> Result<Config, UsageError> {
    let stdin = InputFormatArg::Txt;
    let target = match (a.resume, a.job) {
        (Some(r), None) => RankTarget::Resume(source(r, stdin)),
        (None, Some(j)) => RankTarget::Job(source(j, stdin)),
        _ => return Err(UsageError { flag: "--resume/--job", message: "give exactly one of them".into() }),
    };
    if a.top == 0 {
        return Err(UsageError { flag: "--top", message: "must be at least 1".into() });
    }
    let format = match a.format {
        RankFormatArg::Table => RankFormat::Table,
        RankFormatArg::Json => RankFormat::Json,
        RankFormatArg::Ndjson => RankFormat::Ndjson,
        RankFormatArg::Csv => RankFormat::Csv,
        RankFormatArg::Markdown => RankFormat::Markdown,
        RankFormatArg::Html => RankFormat::Html,
    };
    let (dir, as_of) = (index_dir(a.dir)?, as_of(a.as_of)?);
    Ok(Config::Rank { target, paths: a.paths, dir, top: a.top, format, redact: a.redact, as_of, weights })
}

/// `--index DIR`, or the per-user data directory.
fn index_dir(dir: IndexDir) -> Result<PathBuf, UsageError> {
    match dir.index {
        Some(d) => Ok(d),
        None => directories::ProjectDirs::from("", "", "jobfit")
            .map(|d| d.data_dir().join("index"))
            .ok_or(UsageError { flag: "--index", message: "no per-user data directory here; give --index DIR".into() }),
    }
}

/// `--as-of YYYY-MM`, or the current month.
fn as_of(value: Option<String>) -> Result<Month, UsageError> {
    match value {
        Some(s) => Month::parse(&s).ok_or(UsageError { flag: "--as-of", message: format!("{s:?} is not YYYY-MM") }),
        None => Ok(Month::now()),
    }
}

/// `-` is standard input in the `--input-format` format; anything else a file.
fn source(path: PathBuf, format: InputFormatArg) -> Source {
    if path.as_os_str() != "-" {
        return Source::Path(path);
    }
    Source::Stdin(match format {
        InputFormatArg::Txt => InputFormat::Text,
        InputFormatArg::Md => InputFormat::Markdown,
        InputFormatArg::Html => InputFormat::Html,
        InputFormatArg::Pdf => InputFormat::Pdf,
        InputFormatArg::Docx => InputFormat::Docx,
    })
}

impl From<FormatArg> for Format {
    fn from(f: FormatArg) -> Format {
        match f {
            FormatArg::Table => Format::Table,
            FormatArg::Json => Format::Json,
            FormatArg::Markdown => Format::Markdown,
            FormatArg::Html => Format::Html,
        }
    }
}
