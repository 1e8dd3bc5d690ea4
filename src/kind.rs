//! Whether a document is a résumé or a job post, given or detected from its
//! section headings.

use serde::{Deserialize, Serialize};

use crate::extract::Analysis;
use crate::sections::Section;

/// The two kinds of document jobfit handles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DocKind {
    /// A résumé or CV.
    Resume,
    /// A job post.
    Job,
}

impl DocKind {
    /// `resume` or `job`, as stored in the index and accepted by `kind:` queries.
    pub fn as_str(self) -> &'static str {
        match self {
            DocKind::Resume => "resume",
            DocKind::Job => "job",
        }
    }

    /// `résumé` or `job post`, for messages.
    pub fn noun(self) -> &'static str {
        match self {
            DocKind::Resume => "résumé",
            DocKind::Job => "job post",
        }
    }

    /// Parses `resume` or `job`.
    pub fn parse(s: &str) -> Option<DocKind> {
        match s {
            "resume" => Some(DocKind::Resume),
            "job" => Some(DocKind::Job),
            _ => None,
        }
    }

    /// Detects the kind from the headings: job-post sections (requirements,
    /// responsibilities, benefits, about the company, …) against résumé
    /// sections (experience, education, projects, …); a tie is a job post
    /// when it addresses the reader (`you will`, `we are`), else a résumé.
    pub fn detect(analysis: &Analysis) -> DocKind {
        let (job, resume) = heading_counts(analysis);
        let text = analysis.doc.text.to_lowercase();
        let addresses_reader =
            ["you will", "you'll", "we are", "we're", "we offer", "your profile"].iter().any(|p| text.contains(p));
        if job > resume || (job == resume && addresses_reader) { DocKind::Job } else { DocKind::Resume }
    }

    /// The kind the headings alone leave no doubt about: two or more
    /// headings of its sections and none of the other kind's; `None` when
    /// they leave it open (a post or résumé without headings).
    pub fn by_headings(analysis: &Analysis) -> Option<DocKind> {
        match heading_counts(analysis) {
            (0, resume) if resume >= 2 => Some(DocKind::Resume),
            (job, 0) if job >= 2 => Some(DocKind::Job),
            _ => None,
        }
    }
}

/// How many headings open job-post sections and how many résumé sections.
fn heading_counts(analysis: &Analysis) -> (usize, usize) {
    let (mut job, mut resume) = (0, 0);
    for &(_, section) in &analysis.headings {
        match section {
            Section::Requirements
            | Section::Responsibilities
            | Section::Preferred
            | Section::Benefits
            | Section::Company
            | Section::Legal => job += 1,
            Section::Experience
            | Section::Education
            | Section::Projects
            | Section::Certifications
            | Section::Awards
            | Section::Publications => resume += 1,
            _ => {}
        }
    }
    (job, resume)
}
