//! The employer's name as a job post gives it (`About Lumen Pay`, `At
//! Datadog, we…`, `Acme is an equal opportunity employer`, `Company: Acme`,
//! `Harbor & Finch LLP`, a job board's facts line `Northstar Analytics ·
//! New York, NY · 2 weeks ago`) and its industry on such a line (`Industry:
//! Agile Software Development Consulting`), so that a skill named inside
//! them (`Lumen`, a PHP framework; `Datadog`; `Analytics`; `Agile`) is not
//! taken for a requirement.

use std::sync::{LazyLock, OnceLock};

use memchr::memmem::Finder;
use regex::Regex;

use crate::document::Document;
use crate::excerpt::floor_char_boundary;

/// A capitalized name of one to four words (`Lumen Pay`, `Acme Logistics Inc.`, `Harbor & Finch`).
const NAME: &str = r"([A-Z][\p{Latin}0-9&.'’-]*(?: (?:&|[A-Z0-9][\p{Latin}0-9&.'’-]*)){0,3}?)";
/// First words of an `About …` heading that name no employer.
const NOT_NAMES: [&str; 22] = [
    "Us", "You", "Your", "The", "This", "Our", "Me", "It", "Working", "Who", "What", "Why", "Join", "Work", "Company",
    "Role", "Position", "Team", "Job", "Benefits", "Apply", "How",
];

/// The patterns that name the employer, each with the text (its cue) a line must hold first.
fn patterns() -> &'static [(Finder<'static>, Regex)] {
    static PATTERNS: OnceLock<Vec<(Finder<'static>, Regex)>> = OnceLock::new();
    PATTERNS.get_or_init(|| {
        let re = |p: String| Regex::new(&p).expect("valid employer pattern");
        let suffixed = |suffix: &str| re(format!(r"{NAME},? {suffix}\b"));
        let patterns: [(&'static str, Regex); 10] = [
            ("About ", re(format!(r"^About {NAME}\??:?$"))),
            ("Why ", re(format!(r"^Why {NAME}\??:?$"))),
            ("At ", re(format!(r"(?:^|[.!] )At {NAME},? (?:we|our|you)\b"))),
            (
                "pportunity",
                re(format!(r"{NAME} is (?:an?|proud to be an?|committed to being an?) [Ee]qual [Oo]pportunity")),
            ),
            ("Company:", re(r"Company:\**\s*\**([^·|*\t]+?)\s*(?:[·|*\t]|$)".to_string())),
            (" LLP", suffixed("LLP")),
            (" LLC", suffixed("LLC")),
            (" Inc.", suffixed("Inc")),
            (" Ltd", suffixed(r"Ltd\.?")),
            (" GmbH", suffixed("GmbH")),
        ];
        patterns.into_iter().map(|(cue, re)| (Finder::new(cue), re)).collect()
    })
}

/// The employer names `doc` gives (distinct, by pattern, then line), from
/// the lines of its original text that hold a pattern's cue; empty when it
/// names none this way.
pub fn names(doc: &Document) -> Vec<String> {
    let text = doc.original.as_str();
    let mut names: Vec<String> = Vec::new();
    let mut add = |name: &str| {
        if is_name(name) && !names.iter().any(|n| n == name) {
            names.push(name.to_string());
        }
    };
    for (cue, pattern) in patterns() {
        let mut done = 0;
        for at in cue.find_iter(text.as_bytes()) {
            if at < done {
                continue;
            }
            let start = memchr::memrchr(b'\n', &text.as_bytes()[..at]).map_or(0, |i| i + 1);
            done = memchr::memchr(b'\n', &text.as_bytes()[at..]).map_or(text.len(), |i| at + i);
            let line = text[start..done].trim_matches(|c: char| c.is_whitespace() || c == '#' || c == '*');
            pattern.captures_iter(line).filter_map(|c| c.get(1)).for_each(|m| add(m.as_str().trim()));
        }
    }
    industries(text).into_iter().for_each(&mut add);
    facts_employer(text).into_iter().for_each(add);
    names
}

/// Lines from the top of a post searched for a job board's facts line.
const FACTS_LINES: usize = 5;

/// The employer that a job board's facts line near the top opens with
/// (`Northstar Analytics · New York, NY (Hybrid) · 2 weeks ago`), unless
/// that first field is a role title (`Data Engineer · Remote · $150k`).
fn facts_employer(text: &str) -> Option<&str> {
    let line = text.lines().take(FACTS_LINES).find(|l| crate::sections::listing_facts(l))?;
    let first = line.split(['·', '|']).next()?.trim_matches(|c: char| c.is_whitespace() || c == '*');
    let capitalized = first.starts_with(|c: char| c.is_uppercase());
    (capitalized && !crate::context::names_a_person_role(first)).then_some(first)
}

/// Where a field of a job board's facts line ends: the next field's label or a mark.
const FIELD_ENDS: [&str; 6] = ["Company size", "Company type", "·", "|", "*", "\t"];
/// Most bytes of a facts line read for the industry (a name is at most 60).
const INDUSTRY_BYTES: usize = 120;

/// The industries a job board's facts lines give (`Industry: Agile Software
/// Development Consulting Company size: 10k+ people`): the text after
/// `Industry:` or `Industries:` up to the next field ([`FIELD_ENDS`]).
fn industries(text: &str) -> Vec<&str> {
    static CUE: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new("Industr"));
    let mut out = Vec::new();
    for at in CUE.find_iter(text.as_bytes()) {
        let rest = &text[at..];
        let Some(rest) = rest.strip_prefix("Industry:").or_else(|| rest.strip_prefix("Industries:")) else { continue };
        let cut = floor_char_boundary(rest, rest.find('\n').unwrap_or(rest.len()).min(INDUSTRY_BYTES));
        let field = rest[..cut].trim_start_matches(['*', ' ', '\t']);
        let end = FIELD_ENDS.iter().filter_map(|e| field.find(e)).min().unwrap_or(field.len());
        out.push(field[..end].trim());
    }
    out
}

/// Whether `name` can be an employer's name (not `About Us`, not `The role`).
fn is_name(name: &str) -> bool {
    let first = name.split(' ').next().unwrap_or("");
    !name.is_empty() && name.len() <= 60 && !NOT_NAMES.contains(&first)
}

/// The byte ranges of `line` where one of `names` occurs, end exclusive.
pub fn spans(names: &[String], line: &str) -> Vec<(usize, usize)> {
    names.iter().flat_map(|name| line.match_indices(name.as_str()).map(|(at, n)| (at, at + n.len()))).collect()
}

/// Whether bytes `start..end` lie inside one of `spans` ([`spans`]).
pub fn within(spans: &[(usize, usize)], start: usize, end: usize) -> bool {
    spans.iter().any(|&(from, to)| from <= start && end <= to)
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    fn names_of(text: &str) -> Vec<String> {
        names(&Document::from_text(Path::new("post.txt"), text).unwrap())
    }

    #[test]
    fn employer_names_from_headings_and_sentences() {
        assert_eq!(names_of("Backend Engineer\nAbout Lumen Pay\nWe move money."), ["Lumen Pay"]);
        assert_eq!(names_of("At Datadog, we build observability.\n"), ["Datadog"]);
        assert_eq!(names_of("Acme Logistics is an equal opportunity employer."), ["Acme Logistics"]);
        assert_eq!(names_of("**Company:** Brightline Health · **Location:** Remote"), ["Brightline Health"]);
        assert_eq!(names_of("About us\nAbout the role\nAbout You\nWhy Join Us?"), Vec::<String>::new());
        assert_eq!(names_of("We are an equal opportunity employer."), Vec::<String>::new());
        let facts = "Job type: Full-time Industry: Agile Software Development Consulting Company size: 10k+ people";
        assert_eq!(names_of(facts), ["Agile Software Development Consulting"], "the industry of a facts line");
        assert_eq!(names_of("Senior Accountant\nHarbor & Finch LLP — Boston, MA"), ["Harbor & Finch"]);
        assert_eq!(names_of("Acme Widgets, Inc. builds robots."), ["Acme Widgets"]);
        let linkedin =
            "Data Engineer\nNorthstar Analytics · New York, NY (Hybrid) · 2 weeks ago · Over 100 applicants\n";
        assert_eq!(names_of(linkedin), ["Northstar Analytics"], "a job board's facts line under the title");
        assert_eq!(names_of("Data Engineer · Remote · $150,000\n"), Vec::<String>::new(), "a title opens it");
    }

    #[test]
    fn spans_inside_a_name() {
        let names = vec!["Lumen Pay".to_string()];
        assert!(within(&spans(&names, "About Lumen Pay"), 6, 11));
        assert!(!within(&spans(&names, "We use Lumen and Laravel"), 7, 12));
    }
}
