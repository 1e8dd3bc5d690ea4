//! Reports: one model ([`ScoreReport`], skill records) rendered to each
//! output format. Table-like formats (terminal table, Markdown, HTML) share
//! the row code here; JSON is the serialized model.

mod eval;
mod explain;
mod html;
mod markdown;
mod pool;
mod table;

pub use eval::{eval_decorte, eval_spans};
pub(crate) use html::escape as escape_html;
pub use pool::{index_list, rank, search};

use serde::Serialize;

use crate::extract::MatchRecord;
use crate::score::{Finding, SCHEMA_VERSION, ScoreReport};
use crate::sections::Section;

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// A terminal table (comfy-table).
    Table,
    /// Pretty-printed JSON with a `schema_version`.
    Json,
    /// GitHub-flavoured Markdown.
    Markdown,
    /// A standalone HTML page (see [`html`]).
    Html,
}

/// An output format of `jobfit rank`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RankFormat {
    /// A terminal table, then the gaps across roles.
    Table,
    /// One JSON object: `{"schema_version", "ranking": [...], "gaps": [...]}`.
    Json,
    /// One JSON object a line, one line per ranked document.
    Ndjson,
    /// CSV with a header row, one row per ranked document.
    Csv,
    /// GitHub-flavoured Markdown.
    Markdown,
    /// A standalone HTML page.
    Html,
}

/// Longest line excerpt shown in tables, in characters.
const EXCERPT_CHARS: usize = 70;

/// A titled block of rows.
struct Block {
    title: String,
    header: Vec<&'static str>,
    rows: Vec<Vec<String>>,
}

/// Renders `jobfit score` output; `explain` adds every requirement in post
/// order (the JSON always has it all).
pub fn score(report: &ScoreReport, format: Format, explain: bool) -> String {
    match format {
        Format::Json => json(report),
        _ => {
            let mut blocks = score_blocks(report);
            if explain {
                blocks.push(explain::explanation(report));
            }
            tabular(format, &score_heading(report), &blocks)
        }
    }
}

/// Renders `jobfit gaps` output: the missing requirements only.
pub fn gaps(report: &ScoreReport, format: Format) -> String {
    #[derive(Serialize)]
    struct Gaps<'a> {
        resume: &'a str,
        job: &'a str,
        score: f64,
        missing: &'a [Finding],
    }
    match format {
        Format::Json => {
            versioned(Gaps { resume: &report.resume, job: &report.job, score: report.score, missing: &report.missing })
        }
        _ => tabular(format, &score_heading(report), &[missing_block(report)]),
    }
}

/// Renders `jobfit diff` output.
pub fn diff(d: &crate::diff::DiffReport, format: Format) -> String {
    if format == Format::Json {
        return json(d);
    }
    let heading = format!(
        "Match score: {:.1} → {:.1} ({:+.1})\njob post: {}\nold résumé: {} ({:.1} years)\nnew résumé: {} ({:.1} years)",
        d.old_score, d.new_score, d.change, d.job, d.old, d.years.0, d.new, d.years.1
    );
    let block = |title: &str, changes: &[crate::diff::Change]| Block {
        title: format!("{title} ({})", changes.len()),
        header: vec!["keyword", "skill", "kind", "weight", "résumé line"],
        rows: changes
            .iter()
            .map(|c| {
                let line = c.resume_line.map_or(String::new(), |n| format!("L{n}"));
                let skill = c.skill.clone().unwrap_or_else(|| "-".to_string());
                vec![c.keyword.clone(), skill, c.kind.to_string(), format!("{:.2}", c.importance), line]
            })
            .collect(),
    };
    tabular(format, &heading, &[block("Newly met", &d.gained), block("No longer met", &d.lost)])
}

/// Renders `jobfit skills` output.
pub fn skills(path: &str, records: &[MatchRecord], format: Format) -> String {
    #[derive(Serialize)]
    struct Skills<'a> {
        path: &'a str,
        matches: &'a [MatchRecord],
    }
    if format == Format::Json {
        return versioned(Skills { path, matches: records });
    }
    let rows = records
        .iter()
        .map(|r| {
            let cells = [&r.line, &r.start, &r.end].map(ToString::to_string);
            let text = [&r.surface, &r.skill].map(|s| s.to_string());
            cells.into_iter().chain(text).chain([r.category.to_string(), r.section.to_string()]).collect()
        })
        .collect();
    let block = Block {
        title: format!("{} skill occurrences", records.len()),
        header: vec!["line", "start", "end", "surface", "skill", "category", "section"],
        rows,
    };
    tabular(format, path, &[block])
}

/// Renders `jobfit sections` output: each heading line and the section it opens.
pub fn sections(path: &str, headings: &[(usize, Section, String)], format: Format) -> String {
    #[derive(Serialize)]
    struct Heading<'a> {
        line: usize,
        section: Section,
        text: &'a str,
    }
    #[derive(Serialize)]
    struct Sections<'a> {
        path: &'a str,
        headings: Vec<Heading<'a>>,
    }
    if format == Format::Json {
        let headings =
            headings.iter().map(|(line, section, text)| Heading { line: *line, section: *section, text }).collect();
        return versioned(Sections { path, headings });
    }
    let block = Block {
        title: format!("{} section headings (lines before the first belong to `header`)", headings.len()),
        header: vec!["line", "section", "heading"],
        rows: headings.iter().map(|(n, s, t)| vec![n.to_string(), s.as_str().to_string(), excerpt(t)]).collect(),
    };
    tabular(format, path, &[block])
}

/// A JSON object with [`SCHEMA_VERSION`] first, then the fields of `body`.
#[derive(Serialize)]
struct Versioned<T: Serialize> {
    schema_version: u32,
    #[serde(flatten)]
    body: T,
}

/// `body` as pretty JSON under a `schema_version` field.
fn versioned<T: Serialize>(body: T) -> String {
    json(&Versioned { schema_version: SCHEMA_VERSION, body })
}

fn json<T: Serialize>(value: &T) -> String {
    let mut out = serde_json::to_string_pretty(value).expect("report models serialize");
    out.push('\n');
    out
}

fn tabular(format: Format, heading: &str, blocks: &[Block]) -> String {
    match format {
        Format::Markdown => markdown::render(heading, blocks),
        Format::Html => html::render(heading, blocks),
        Format::Table | Format::Json => table::render(heading, blocks),
    }
}

fn score_heading(r: &ScoreReport) -> String {
    let cap = r
        .breakdown
        .uncapped_score
        .map_or(String::new(), |u| format!(" (capped from {u:.1}: a required hard skill is missing)"));
    let roles = r.experience.roles.len();
    let title = match &r.title.resume_title {
        Some(t) => format!("{:?} ↔ {t:?} ({:.0}% of its main words)", r.title.job_title, r.title.overlap * 100.0),
        None => format!("{:?} ↔ no résumé title shares its main words", r.title.job_title),
    };
    let degree = r.degree_required.as_ref().map_or("the post names none".to_string(), |d| {
        let mut shows = d.resume_level.map_or("none", |l| l.as_str()).to_string();
        let mark = if d.met { "met" } else { "not met" };
        let or = d.or_years.map_or(String::new(), |y| format!(" or {y} years' equivalent experience"));
        if d.or_years.is_some() {
            shows.push_str(&format!(" and {:.1} years of experience", r.total_years));
        }
        format!("{}{or} asked (line {}), résumé shows {shows}: {mark}", d.level.as_str(), d.job_line)
    });
    let c = r.ats.contact;
    let found: Vec<&str> =
        [("e-mail", c.email), ("phone", c.phone), ("URL", c.url)].iter().filter(|x| x.1).map(|x| x.0).collect();
    let missing = match r.ats.missing_sections.as_slice() {
        [] => "experience, education and skills headings recognized".to_string(),
        m => format!("no {} heading", m.join(" or ")),
    };
    let contact = if found.is_empty() { "no contact details".to_string() } else { found.join(", ") };
    format!(
        "Match score: {:.1}/100{cap}\nrésumé: {}\njob post: {}\nexperience: {:.1} years from {roles} dated roles (overlaps merged)\ntitle: {title}\ndegree: {degree}\nATS: {contact}; {missing}",
        r.score, r.resume, r.job, r.total_years
    )
}

fn score_blocks(r: &ScoreReport) -> Vec<Block> {
    let b = &r.breakdown;
    let breakdown = Block {
        title: "Breakdown".to_string(),
        header: vec!["component", "score", "share", "points", "met"],
        rows: [
            ("hard skills", &b.hard_skills),
            ("soft skills", &b.soft_skills),
            ("other keywords", &b.keywords),
            ("job title", &b.title),
            ("education", &b.education),
            ("experience", &b.experience),
        ]
        .iter()
        .filter(|(_, c)| c.total > 0)
        .map(|(name, c)| {
            vec![
                name.to_string(),
                format!("{:.1}", c.score),
                format!("{:.0}%", c.share * 100.0),
                format!("{:.2}", c.points),
                format!("{}/{}", c.matched, c.total),
            ]
        })
        .collect(),
    };
    let matched = Block {
        title: format!("Matched ({})", r.matched.len()),
        header: vec!["keyword", "skill", "kind", "tier", "weight", "job line", "résumé evidence"],
        rows: r
            .matched
            .iter()
            .map(|f| {
                let evidence = match (f.resume_line, &f.resume_text, f.resume_section) {
                    (Some(n), Some(t), Some(s)) => format!("L{n} ({s}): {}", excerpt(t)),
                    _ => String::new(),
                };
                finding_cells(f).into_iter().chain([evidence]).collect()
            })
            .collect(),
    };
    let advice = Block {
        title: format!("Advice ({})", r.advice.len()),
        header: vec!["kind", "skill", "résumé line", "advice"],
        rows: r
            .advice
            .iter()
            .map(|a| {
                let kind =
                    serde_json::to_value(a.kind).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default();
                let line = a.resume_line.map_or(String::new(), |n| format!("L{n}"));
                vec![kind, a.skill.clone(), line, a.message.clone()]
            })
            .collect(),
    };
    vec![breakdown, matched, missing_block(r), advice]
}

fn missing_block(r: &ScoreReport) -> Block {
    Block {
        title: format!("Missing ({}), largest score gain first", r.missing.len()),
        header: vec!["keyword", "skill", "kind", "tier", "weight", "job line", "gain", "asked in the post"],
        rows: r
            .missing
            .iter()
            .map(|f| finding_cells(f).into_iter().chain([format!("{:.2}", f.gain), excerpt(&f.job_text)]).collect())
            .collect(),
    }
}

fn finding_cells(f: &Finding) -> Vec<String> {
    let mut skill = f.skill.clone().unwrap_or_else(|| "-".to_string());
    if !f.alternatives.is_empty() {
        skill = format!("{skill} or {}", f.alternatives.join(" or "));
    }
    if let Some(r) = &f.related {
        skill = format!("{skill} (related: {r})");
    }
    vec![
        f.keyword.clone(),
        skill,
        f.kind.as_str().to_string(),
        f.tier.as_str().to_string(),
        format!("{:.2}", f.importance),
        format!("L{}", f.job_line),
    ]
}

/// `text` cut to [`EXCERPT_CHARS`] characters, with `…` when cut.
fn excerpt(text: &str) -> String {
    match text.char_indices().nth(EXCERPT_CHARS) {
        Some((i, _)) => format!("{}…", &text[..i]),
        None => text.to_string(),
    }
}
