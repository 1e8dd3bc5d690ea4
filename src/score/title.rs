//! The job title against the résumé's titles: how many of the title's main
//! words (seniority and filler left out) a résumé title line shares.

use serde::Serialize;

use crate::experience::Role;
use crate::extract::Analysis;
use crate::sections::Section;

/// Words of a title that say nothing of the role itself: seniority, joining
/// words, and the work arrangement, region and contract terms that job boards
/// append (`(Remote, US)`, `- Hybrid`, `Full-time, 12-month term`); not
/// `contract`, `office` or `site`, which name roles (Contract Manager,
/// Office Manager, Site Reliability Engineer).
const FILLER: [&str; 49] = [
    "senior",
    "junior",
    "lead",
    "principal",
    "staff",
    "sr",
    "jr",
    "ii",
    "iii",
    "iv",
    "mid",
    "level",
    "and",
    "or",
    "of",
    "the",
    "for",
    "in",
    "at",
    "with",
    "full",
    "time",
    "part",
    "on",
    "remote",
    "hybrid",
    "onsite",
    "us",
    "usa",
    "uk",
    "eu",
    "emea",
    "apac",
    "anywhere",
    "worldwide",
    "permanent",
    "temporary",
    "temp",
    "fixed",
    "term",
    "month",
    "freelance",
    "position",
    "role",
    "vacancy",
    "opening",
    "hiring",
    "urgent",
    "new",
];
/// Lines at the top of a résumé that may hold its headline title.
const HEADER_LINES: usize = 6;
/// Most words a headline title has; a longer header line is a summary
/// sentence, whose headline is its opening phrase (`Registered nurse with …`).
const MAX_HEADLINE_WORDS: usize = 8;
/// Where a summary sentence's opening phrase ends.
const PHRASE_ENDS: [&str; 6] = [". ", "; ", ", ", " with ", " who ", " that "];

/// The post's title and the résumé title line closest to it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TitleMatch {
    /// The post's title (its first line).
    pub job_title: String,
    /// The résumé title line sharing most of its main words, if any shares one.
    pub resume_title: Option<String>,
    /// 1-based line of that résumé title.
    pub resume_line: Option<usize>,
    /// Share of the title's main words on that line, 0.0..=1.0, two decimals.
    pub overlap: f64,
}

/// Main words of a title: lowercase, letters and digits, singular, no filler or placeholder.
pub(crate) fn main_words(title: &str) -> Vec<String> {
    let mut out: Vec<String> = title
        .split(|c: char| !c.is_alphanumeric() && c != '<' && c != '>')
        .filter(|w| w.len() > 1 && !w.starts_with('<') && w.chars().any(char::is_alphabetic))
        .map(|w| {
            let w = w.to_lowercase();
            if w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") { w[..w.len() - 1].to_string() } else { w }
        })
        .filter(|w| !FILLER.contains(&w.as_str()))
        .collect();
    out.dedup();
    out
}

/// The résumé's title lines: the headlines of its first [`HEADER_LINES`]
/// lines that come before any heading (see [`headlines`]; a LinkedIn
/// export opens with `Top Skills`, no title) and the titles of its dated
/// roles, as `(1-based line, text)`.
pub(crate) fn title_lines<'a>(resume: &'a Analysis, roles: &'a [Role]) -> impl Iterator<Item = (usize, &'a str)> {
    let header = resume
        .doc
        .lines()
        .take(HEADER_LINES)
        .filter(|&(n, _)| resume.section(n) == Section::Header)
        .flat_map(|(n, line)| headlines(line).map(move |h| (n, h)));
    header.chain(roles.iter().map(|r| (r.line, r.title.as_str())))
}

/// Marks that part a header line into fields (`Backend Engineer | Denver, CO | jo@mail.com`).
const FIELD_MARKS: [char; 3] = ['|', '·', '•'];

/// The headlines of a header line: of each of its fields when it has
/// [`FIELD_MARKS`] (a title, a place, contacts), else of the line (see
/// [`headline`]); a field with `@`, `/` or a digit is a contact, no title.
fn headlines(line: &str) -> impl Iterator<Item = &str> {
    let contact = |field: &&str| field.contains(|c: char| c == '@' || c == '/' || c.is_ascii_digit());
    let fields: Vec<&str> = if line.contains(FIELD_MARKS) {
        line.split(FIELD_MARKS).map(str::trim).filter(|f| !contact(f)).collect()
    } else {
        vec![line]
    };
    fields.into_iter().filter_map(headline).filter(|h| !h.trim().is_empty())
}

/// The headline title a header line holds: the line itself when it has at
/// most [`MAX_HEADLINE_WORDS`] words, else the opening phrase of the summary
/// sentence it is (up to the first of [`PHRASE_ENDS`]) if that is short
/// enough, else none.
fn headline(line: &str) -> Option<&str> {
    let short = |text: &str| text.split_whitespace().count() <= MAX_HEADLINE_WORDS;
    if short(line) {
        return Some(line);
    }
    let lower = line.to_ascii_lowercase();
    let end = PHRASE_ENDS.iter().filter_map(|p| lower.find(p)).min()?;
    Some(&line[..end]).filter(|head| short(head))
}

/// Compares the post's title with the résumé's headline lines and the
/// titles of its dated roles.
pub fn title_match(job: &Analysis, resume: &Analysis, roles: &[Role]) -> TitleMatch {
    let job_title = job.doc.title().to_string();
    let wanted = main_words(&job_title);
    // Ties go to the earliest line, and within a line to its first field.
    let best = title_lines(resume, roles)
        .enumerate()
        .map(|(k, (n, text))| {
            let words = main_words(text);
            let shared = wanted.iter().filter(|w| words.contains(w)).count();
            (shared, std::cmp::Reverse((n, k)), text)
        })
        .max_by_key(|&(shared, n, _)| (shared, n));
    let overlap = match best {
        Some((shared, _, _)) if !wanted.is_empty() => (shared as f64 / wanted.len() as f64 * 100.0).round() / 100.0,
        _ => 0.0,
    };
    let best = best.filter(|b| b.0 > 0);
    TitleMatch {
        job_title,
        resume_title: best
            .map(|b| b.2.trim().trim_start_matches(['#', '*', '_', ' ']).trim_end_matches(['*', '_']).to_string()),
        resume_line: best.map(|b| b.1.0.0),
        overlap,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn main_words_drop_seniority_and_placeholders() {
        assert_eq!(main_words("Senior Linux Developer (Ethernet) <ORGANIZATION>"), ["linux", "developer", "ethernet"]);
        assert_eq!(main_words("Lead Data Analysts"), ["data", "analyst"]);
        assert_eq!(main_words("Senior DevOps Engineer (Remote, US)"), ["devop", "engineer"]);
        assert_eq!(main_words("Nurse - Hybrid, fixed-term, part-time"), ["nurse"]);
        assert_eq!(main_words("Contract Manager (onsite)"), ["contract", "manager"]);
        assert_eq!(main_words("Site Reliability Engineer"), ["site", "reliability", "engineer"]);
    }

    #[test]
    fn a_header_line_of_fields_gives_each_field() {
        let fields: Vec<&str> = headlines("Backend Engineer | Denver, CO | jo@mail.com | 720-555-0199").collect();
        assert_eq!(fields, ["Backend Engineer", "Denver, CO"], "contacts are no titles");
        assert_eq!(headlines("Data Engineer").collect::<Vec<_>>(), ["Data Engineer"]);
    }

    #[test]
    fn a_summary_sentence_gives_its_opening_phrase() {
        assert_eq!(headline("Senior Data Engineer"), Some("Senior Data Engineer"));
        let summary = "Registered nurse with nine years of acute and critical care experience in NHS hospitals.";
        assert_eq!(headline(summary), Some("Registered nurse"));
        let long = "Experienced and dependable builder and mentor of engineering teams across three continents";
        assert_eq!(headline(long), None, "an opening phrase of more than eight words is no title");
    }
}
