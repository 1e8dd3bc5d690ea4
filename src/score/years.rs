//! Years-of-experience requirements of a job post (`5+ years of Rust`,
//! `3-5 years experience in backend development`, `at least 7 years of
//! demonstrated proficiency in C / C++`, `five (5) years of experience`),
//! checked against the years the résumé's dated roles show.

use std::sync::OnceLock;

use regex::Regex;
use serde::{Deserialize, Serialize};

use super::profile::ResumeProfile;
use crate::excerpt::floor_char_boundary;
use crate::extract::{Analysis, Extractor};
use crate::lexicon::SkillId;

/// Largest number of years read as a requirement (larger ones are company history).
const MAX_YEARS: u32 = 20;
/// How far after `years` the word `experience` (or proficiency, expertise) may stand, in bytes.
const EXPERIENCE_WITHIN: usize = 60;
/// Farthest after a years phrase a skill it is about may end, in bytes.
const SCOPE_BYTES: usize = 120;
/// Longest phrase quoted from the post after the years, in bytes.
const PHRASE_CHARS: usize = 70;

/// A years-of-experience requirement and whether the résumé meets it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct YearsRequirement {
    /// 1-based post line.
    pub job_line: usize,
    /// The phrase as written, e.g. `5+ years of experience`.
    pub phrase: String,
    /// Years asked for (the lower bound of a range).
    pub years: u32,
    /// The skills of the line it is about; empty for experience in general.
    pub skills: Vec<String>,
    /// Years the résumé shows: the most its dated roles show of those
    /// skills; `total_years` when none is named or [`Self::undated`].
    pub resume_years: f64,
    /// One of the hard skills is on the résumé (a skills list, a summary)
    /// but in no dated role: how long is not said, so the total years count.
    pub undated: bool,
    /// Whether `resume_years >= years`.
    pub met: bool,
}

/// Number words read as years (`five years`, `two (2) years`), longest first
/// where one starts another.
const NUMBER_WORDS: [(&str, u32); 20] = [
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seventeen", 17),
    ("seven", 7),
    ("eighteen", 18),
    ("eight", 8),
    ("nineteen", 19),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("twenty", 20),
];

/// A years phrase: a number in digits or words, an optional `(2)` after a
/// word, an optional `+`, range (`3-5`, `3 to 5`) or `or more`, then `years` or `yrs`;
/// group 1 is the (lower) number.
fn years_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let words = NUMBER_WORDS.map(|(w, _)| w).join("|");
        let number = format!(r"(?:\d{{1,2}}|{words})(?:\s*\(\s*\d{{1,2}}\s*\+?\s*\))?");
        Regex::new(&format!(
            r"(?i)(?-u:\b)(\d{{1,2}}|{words})(?:\s*\(\s*\d{{1,2}}\s*\+?\s*\))?\s*(?:\+|\s*(?:-|–|to)\s*{number}|\s+or\s+more)?\s*\+?\s*(?:years?|yrs)(?-u:\b)"
        ))
        .expect("valid regex")
    })
}

/// The number of a years phrase: digits, or a [`NUMBER_WORDS`] word in any case; 0 when neither.
fn years_number(text: &str) -> u32 {
    text.parse()
        .unwrap_or_else(|_| NUMBER_WORDS.iter().find(|(w, _)| w.eq_ignore_ascii_case(text)).map_or(0, |&(_, n)| n))
}

/// A years-of-experience requirement as the index stores it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct YearsAsk {
    /// 1-based post line.
    pub job_line: usize,
    /// The phrase as written, e.g. `5+ years of experience`.
    pub phrase: String,
    /// Years asked for (the lower bound of a range).
    pub years: u32,
    /// The skills named after the years in the same sentence (before the
    /// next years phrase, within [`SCOPE_BYTES`]); empty for experience in general.
    pub skills: Vec<SkillId>,
}

/// The years requirements of `job`, outside boilerplate sections.
pub fn years_asked(job: &Analysis) -> Vec<YearsAsk> {
    let mut out = Vec::new();
    for (n, line) in job.doc.lines() {
        if job.section(n).is_boilerplate() || !may_hold_years(line) {
            continue;
        }
        let found: Vec<_> = years_regex().captures_iter(line).collect();
        for (i, caps) in found.iter().enumerate() {
            let Some(whole) = caps.get(0) else { continue };
            let years = years_number(&caps[1]);
            let after = &line[whole.end()..];
            let window = &after[..floor_char_boundary(after, EXPERIENCE_WITHIN)].to_lowercase();
            let about_experience = ["experience", "proficiency", "expertise"].iter().any(|w| window.contains(w));
            let start = job.doc.original_offset(n, whole.end());
            let about_skill = || about_skill(job, n, start, clause(after));
            if years == 0 || years > MAX_YEARS || !(about_experience || about_skill()) {
                continue;
            }
            let next = found.get(i + 1).and_then(|c| c.get(0)).map_or(line.len(), |m| m.start());
            let end = job.doc.original_offset(n, whole.end() + scope(&line[whole.end()..next]));
            let mut skills: Vec<SkillId> = job
                .matches
                .iter()
                .filter(|m| m.line == n && m.start >= start && m.end <= end)
                .map(|m| m.skill)
                .collect();
            skills.dedup();
            let phrase = format!("{}{}", whole.as_str(), clause(after)).trim().to_string();
            out.push(YearsAsk { job_line: n, phrase, years, skills });
        }
    }
    out
}

/// Whether `line` may hold a years phrase: it has an ASCII digit, or `ye`
/// or `yr` in any case (`years`, `yrs`); two scans much cheaper than the
/// regex on the many lines without.
fn may_hold_years(line: &str) -> bool {
    let bytes = line.as_bytes();
    bytes.iter().fold(false, |seen, b| seen | b.is_ascii_digit())
        || memchr::memchr2_iter(b'y', b'Y', bytes)
            .any(|i| bytes.get(i + 1).is_some_and(|&b| matches!(b | 0x20, b'e' | b'r')))
}

/// Years the résumé shows for an ask: the total when it names no skill or
/// `names_undated` (one of its skills is on the résumé in no dated role, see
/// [`names_undated`]), else the most years dated roles show of its skills.
/// `skill_years` gives a skill's years in dated roles (`None`: in none).
pub fn resume_years(
    ask_skills: &[SkillId],
    total_years: f64,
    skill_years: impl Fn(SkillId) -> Option<f64>,
    names_undated: bool,
) -> f64 {
    if ask_skills.is_empty() || names_undated {
        total_years
    } else {
        ask_skills.iter().filter_map(|&s| skill_years(s)).fold(0.0, f64::max)
    }
}

/// Whether one of `ask_skills` is in `profile.undated`: on the résumé, in no dated role.
pub fn names_undated(ask_skills: &[SkillId], profile: &ResumeProfile) -> bool {
    ask_skills.iter().any(|&s| profile.is_undated(s))
}

/// The post's years requirements checked against the résumé's profile.
pub fn years_required(extractor: &Extractor, asks: &[YearsAsk], profile: &ResumeProfile) -> Vec<YearsRequirement> {
    asks.iter()
        .map(|a| {
            let skills: Vec<String> = a.skills.iter().map(|&s| extractor.lexicon.skill(s).name.clone()).collect();
            let undated = names_undated(&a.skills, profile);
            let years = resume_years(&a.skills, profile.total_years, |s| profile.years_of(s), undated);
            YearsRequirement {
                job_line: a.job_line,
                phrase: a.phrase.clone(),
                years: a.years,
                skills,
                resume_years: years,
                undated,
                met: years >= f64::from(a.years),
            }
        })
        .collect()
}

/// Prepositions that open what a years phrase is about when it does not
/// say `experience` and the clause names a skill (`5+ years of project
/// management`, `3 years in backend development`, `2 years with Rust`).
const ABOUT_WORDS: [&str; 4] = ["as", "in", "of", "with"];

/// Words that say work was done (`5+ years building backend services`, `4
/// years building web applications with React`): a years phrase they open
/// asks for experience even when the clause names no lexicon skill.
const DOING_WORDS: [&str; 12] = [
    "building",
    "coding",
    "designing",
    "developing",
    "doing",
    "leading",
    "managing",
    "programming",
    "running",
    "using",
    "working",
    "writing",
];

/// Whether the clause after a years phrase (`clause`, starting at original
/// byte `start` of line `n`) is about a skill: it opens with one of
/// [`DOING_WORDS`], or with another of [`ABOUT_WORDS`] or the skill itself
/// and names a lexicon skill (`10 years ago we moved to Kubernetes`, `15
/// years in the industry` are not).
fn about_skill(job: &Analysis, n: usize, start: usize, clause: &str) -> bool {
    let text = clause.trim_start();
    let from = start + (clause.len() - text.len());
    let to = start + clause.len();
    let first = text.split(|c: char| !c.is_alphanumeric()).next().unwrap_or_default().to_lowercase();
    if DOING_WORDS.contains(&first.as_str()) {
        return true;
    }
    let mut skills = job.matches.iter().filter(|m| m.line == n && m.start >= from && m.end <= to);
    let opens = ABOUT_WORDS.contains(&first.as_str());
    skills.any(|m| opens || m.start == from)
}

/// How many bytes of `after` (the text after a years phrase, up to the
/// next one) name what the years are about: up to the sentence's end (`.`,
/// `;`, `!`, `?` before a space or the end) or [`SCOPE_BYTES`], cut at a word.
fn scope(after: &str) -> usize {
    let bytes = after.as_bytes();
    let stop = |(i, _): &(usize, &str)| bytes.get(i + 1).is_none_or(|b| b.is_ascii_whitespace());
    let sentence = after.match_indices(['.', ';', '!', '?']).find(stop).map_or(after.len(), |(i, _)| i);
    if sentence <= SCOPE_BYTES {
        return sentence;
    }
    let cut = floor_char_boundary(after, SCOPE_BYTES);
    after[..cut].rfind(' ').unwrap_or(cut)
}

/// The rest of the clause: up to `,` `;` `.` `(` or [`PHRASE_CHARS`] bytes, cut at a word.
fn clause(after: &str) -> &str {
    let end = after.find([',', ';', '.', '(']).unwrap_or(after.len());
    let cut = floor_char_boundary(after, end.min(PHRASE_CHARS));
    if cut < end { after[..cut].rsplit_once(' ').map_or(&after[..cut], |(head, _)| head) } else { &after[..cut] }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;
    use crate::experience::{Experience, Month};

    fn required(post: &str, resume: &str) -> Vec<(u32, Vec<String>, f64, bool)> {
        let ex = Extractor::embedded().unwrap();
        let job = ex.analyze(Document::from_text("p.txt".as_ref(), post).unwrap());
        let cv = ex.analyze(Document::from_text("r.md".as_ref(), resume).unwrap());
        let experience = Experience::of(&ex, &cv, Month::new(2026, 11));
        years_required(&ex, &years_asked(&job), &ResumeProfile::of(&ex, &cv, &experience))
            .into_iter()
            .map(|y| (y.years, y.skills, y.resume_years, y.met))
            .collect()
    }

    #[test]
    fn years_phrases_with_and_without_skills() {
        let resume = "## Experience\n### Engineer\n01/2020 – 12/2022\n- Built services in Rust\n### Analyst\n01/2017 – 12/2018\n- Reports in Excel\n## Skills\nGo, Rust\n";
        let post = "Requirements:\n* 3+ years experience with Rust\n* 5 years of professional experience\n* 3-5 years of experience in Python\n* 4+ years of Go\nWe are 140 years old and 5 years ahead.\n";
        assert_eq!(
            required(post, resume),
            [
                (3, vec!["Rust".to_string()], 3.0, true),
                (5, vec![], 5.0, true),
                (3, vec!["Python".to_string()], 0.0, false),
                (4, vec!["Go".to_string()], 5.0, true),
            ],
            "Go is listed, in no dated role: the total counts"
        );
    }

    #[test]
    fn years_about_a_skill_without_saying_experience() {
        let asked = |post: &str| -> Vec<(u32, Vec<String>)> {
            required(post, "## Experience\n").into_iter().map(|r| (r.0, r.1)).collect()
        };
        let post = "Requirements\n- 4+ years building web services with Rust\n- 5+ years of project management\n\
            - 3 years in Python development\n- 10 years ago we moved to Kubernetes\n- 2 years and today Docker\n\
            - 6+ years building backend services\n- 15 years in the industry\n";
        let found = asked(post);
        assert_eq!(found.iter().map(|(y, _)| *y).collect::<Vec<_>>(), [4, 5, 3, 6], "{found:?}");
        assert!(found[0].1.contains(&"Rust".to_string()) && found[1].1.contains(&"Project management".to_string()));
    }

    #[test]
    fn a_years_phrase_is_about_its_own_sentence() {
        let post = "Requirements\n- 4 years of experience in Java 2 years of experience with Kafka. Kubernetes, Docker\n\
            - 3+ years of experience with Node.js and Go; Python is a plus\n";
        let resume = "## Experience\n### Nurse\n01/2015 – 12/2024\n- Patient care\n## Skills\nDocker, Python\n";
        let found = required(post, resume);
        let skills: Vec<Vec<String>> = found.iter().map(|r| r.1.clone()).collect();
        assert_eq!(skills, [vec!["Java"], vec!["Apache Kafka"], vec!["Node.js", "Go"]]);
        assert!(found.iter().all(|r| r.2 == 0.0), "Docker and Python are outside every ask: {found:?}");
    }

    #[test]
    fn years_in_words_and_with_parenthesized_digits() {
        let phrases = |post: &str| -> Vec<u32> { required(post, "## Experience\n").into_iter().map(|r| r.0).collect() };
        let post = "Requirements\n- Minimum of five years of professional experience with Python\n\
            - At least two (2) years of experience with Kubernetes\n- Ten years of industry experience\n\
            - Five (5)+ years of experience\n- Three to five years of relevant experience\n- 7+ yrs of experience in Java\n\
            - Seven or more years of professional experience\n- Someone with years of experience; one of the teams\n";
        assert_eq!(phrases(post), [5, 2, 10, 5, 3, 7, 7]);
        assert_eq!(years_number("Seventeen"), 17);
        assert_eq!(years_number("a"), 0);
    }
}
