//! Sections of résumés and job posts: heading detection from the phrase
//! table `lexicon/sections.tsv`, and requirement tiers of job-post lines from
//! the section and the cue phrases of `lexicon/cues.tsv`.

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use serde::{Deserialize, Serialize};

use crate::lexicon::data_rows;
use crate::tokenize::phrase_key;

/// The heading table, `lexicon/sections.tsv` (heading phrase, section; sorted).
pub const SECTIONS_TSV: &str = include_str!("../lexicon/sections.tsv");
const MAX_HEADING_WORDS: usize = 6;

/// The part of a document a line belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Section {
    /// Before the first heading: name, contact details, a job post's title.
    Header,
    /// Summary, profile, objective.
    Summary,
    /// Work experience.
    Experience,
    /// Education.
    Education,
    /// Skills lists.
    Skills,
    /// Projects.
    Projects,
    /// Certifications.
    Certifications,
    /// Awards.
    Awards,
    /// Publications.
    Publications,
    /// Interests.
    Interests,
    /// Spoken languages.
    Languages,
    /// Job post: what the hire will do.
    Responsibilities,
    /// Job post: must-have qualifications.
    Requirements,
    /// Job post: nice-to-have qualifications.
    Preferred,
    /// Job post: pay, perks.
    Benefits,
    /// Job post: about the company.
    Company,
    /// Job post: equal-opportunity and legal boilerplate.
    Legal,
    /// A heading jobfit does not classify.
    Other,
}

/// How strongly a job post asks for a skill.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Tier {
    /// In a requirements section or on a line with a required cue (`must`, `at least`).
    Required,
    /// In a responsibilities section.
    Responsibility,
    /// In a nice-to-have section or on a line with a preferred cue (`a plus`, `bonus`).
    Preferred,
    /// Anywhere else outside boilerplate.
    Mentioned,
}

const SECTION_NAMES: [(Section, &str); 18] = [
    (Section::Header, "header"),
    (Section::Summary, "summary"),
    (Section::Experience, "experience"),
    (Section::Education, "education"),
    (Section::Skills, "skills"),
    (Section::Projects, "projects"),
    (Section::Certifications, "certifications"),
    (Section::Awards, "awards"),
    (Section::Publications, "publications"),
    (Section::Interests, "interests"),
    (Section::Languages, "languages"),
    (Section::Responsibilities, "responsibilities"),
    (Section::Requirements, "requirements"),
    (Section::Preferred, "preferred"),
    (Section::Benefits, "benefits"),
    (Section::Company, "company"),
    (Section::Legal, "legal"),
    (Section::Other, "other"),
];

impl Section {
    fn parse(name: &str) -> Option<Section> {
        SECTION_NAMES.iter().find(|(_, n)| *n == name).map(|(s, _)| *s)
    }

    /// The kebab-case name used in data files and output.
    pub fn as_str(self) -> &'static str {
        SECTION_NAMES.iter().find(|(s, _)| *s == self).map_or("other", |(_, n)| n)
    }

    /// Job-post boilerplate whose skills are not requirements.
    pub fn is_boilerplate(self) -> bool {
        matches!(self, Section::Benefits | Section::Company | Section::Legal)
    }

    /// Sections that only job posts have: what the hire must do or bring, and boilerplate.
    fn is_job_heading(self) -> bool {
        self.is_asking() || self.is_boilerplate()
    }

    /// Résumé sections whose heading in a job post lists what the hire must
    /// bring (`Skills`, `Experience:`, `Education`, `Certifications`, `Languages`).
    fn is_qualification(self) -> bool {
        matches!(
            self,
            Section::Skills | Section::Experience | Section::Education | Section::Certifications | Section::Languages
        )
    }

    /// Job-post sections that say what the hire must do or bring.
    pub fn is_asking(self) -> bool {
        matches!(self, Section::Requirements | Section::Responsibilities | Section::Preferred)
    }
}

impl Tier {
    /// The kebab-case name used in output.
    pub fn as_str(self) -> &'static str {
        match self {
            Tier::Required => "required",
            Tier::Responsibility => "responsibility",
            Tier::Preferred => "preferred",
            Tier::Mentioned => "mentioned",
        }
    }
}

/// The heading table by [`heading_key`].
fn headings() -> &'static FxHashMap<String, Section> {
    static TABLE: OnceLock<FxHashMap<String, Section>> = OnceLock::new();
    TABLE.get_or_init(|| {
        data_rows(SECTIONS_TSV)
            .filter_map(|l| l.split_once('\t'))
            .filter_map(|(phrase, section)| Some((heading_key(phrase), Section::parse(section)?)))
            .collect()
    })
}

/// The key a heading phrase is looked up by: its [`phrase_key`] with `&`
/// read as `and` (`Awards & Honors` is `awards and honors`).
fn heading_key(phrase: &str) -> String {
    if phrase.contains('&') { phrase_key(&phrase.replace('&', " and ")) } else { phrase_key(phrase) }
}

/// The section a heading line opens, or `None` if the line is not a known
/// heading. Markdown marks (`#`, `*`, `_`) and a trailing colon are ignored,
/// `&` reads as `and` (`Awards & Honors`);
/// `Qualifications: 5+ years …` opens `requirements` too.
pub fn heading(line: &str) -> Option<Section> {
    let text = line.trim().trim_start_matches(['#', '*', '_', ' ']).trim_end_matches(['*', '_', ' ']);
    if too_long_for_heading(text) {
        return None;
    }
    if !may_open_heading(text) {
        return colon_head(text).and_then(cue_heading);
    }
    let listed = text.split_once(':').filter(|(_, rest)| starts_list(rest)).map(|(head, _)| head);
    let candidates = [Some(text.trim_end_matches(':')), listed];
    candidates
        .into_iter()
        .flatten()
        .find_map(|candidate| {
            let candidate = candidate.trim_matches(['*', '_', ' ']);
            if candidate.split_whitespace().nth(MAX_HEADING_WORDS).is_some() {
                return None;
            }
            headings().get(&heading_key(candidate)).copied()
        })
        .or_else(|| colon_head(text).and_then(|head| colon_heading(head).or_else(|| cue_heading(head))))
}

/// The preferred section opened by the head of a short line that ends in a
/// colon ([`colon_head`]) when it holds a preferred cue of `lexicon/cues.tsv`
/// (`It's a plus if you have:`, `Experience with any of these is a bonus:`,
/// `Ideally, you also bring:`).
fn cue_heading(head: &str) -> Option<Section> {
    crate::cues::find(head).has(head, Tier::Preferred).then_some(Section::Preferred)
}

/// Longest first word [`may_open_heading`] tells by.
const MAX_FIRST_WORD: usize = 24;

/// The leading run of ASCII letters and digits of `text`, when it is the
/// whole start of the first word's key: `None` when the run is empty, too
/// long, or goes on with a dot or a non-ASCII character (which keys change).
fn first_run(text: &str) -> Option<&str> {
    let end = text.bytes().position(|b| !b.is_ascii_alphanumeric()).unwrap_or(text.len());
    let next = text.as_bytes().get(end);
    (end > 0 && end <= MAX_FIRST_WORD && next.is_none_or(|&b| b != b'.' && b.is_ascii())).then(|| &text[..end])
}

/// Whether `text` (a trimmed line) may open with a heading phrase: false
/// only when its [`first_run`] is no heading phrase's, lowercase.
fn may_open_heading(text: &str) -> bool {
    static FIRSTS: OnceLock<rustc_hash::FxHashSet<&str>> = OnceLock::new();
    let firsts = FIRSTS.get_or_init(|| headings().keys().filter_map(|key| first_run(key)).collect());
    let Some(run) = first_run(text) else { return true };
    let mut lower = [0u8; MAX_FIRST_WORD];
    lower[..run.len()].copy_from_slice(run.as_bytes());
    lower[..run.len()].make_ascii_lowercase();
    std::str::from_utf8(&lower[..run.len()]).is_ok_and(|w| firsts.contains(w))
}

/// Whether `text` (a trimmed line) has more words before any colon than a
/// heading has and does not end in a colon: running text, told from its
/// bytes without building a key. Words are counted at ASCII spaces and tabs,
/// never more than [`str::split_whitespace`] counts, so no heading is
/// turned away.
fn too_long_for_heading(text: &str) -> bool {
    if text.ends_with(':') {
        return false;
    }
    let head = &text.as_bytes()[..memchr::memchr(b':', text.as_bytes()).unwrap_or(text.len())];
    head.split(|&b| b == b' ' || b == b'\t').filter(|w| !w.is_empty()).nth(MAX_HEADING_WORDS).is_some()
}

/// Most words of a line [`colon_head`] reads as a heading.
const MAX_COLON_HEADING_WORDS: usize = 8;

/// The text before the colon ending `text`, Markdown marks trimmed, when it
/// is short enough for a heading ([`MAX_COLON_HEADING_WORDS`]).
fn colon_head(text: &str) -> Option<&str> {
    let head = text.strip_suffix(':')?.trim_matches(['*', '_', ' ']);
    head.split_whitespace().nth(MAX_COLON_HEADING_WORDS).is_none().then_some(head)
}

/// The job-post section of the head of a short line that ends in a colon
/// ([`colon_head`]) when it opens with a job-post heading phrase (`Bonus
/// points if you have:`, `Requirements for this role:`, `What you'll do in
/// your first year:`). Résumé headings are left out: `Experience with:`
/// heads a list of requirements.
fn colon_heading(head: &str) -> Option<Section> {
    let key = heading_key(head);
    let mut end = key.len();
    loop {
        end = key[..end].rfind(' ')?;
        if let Some(&section) = headings().get(&key[..end]).filter(|s| s.is_job_heading()) {
            return Some(section);
        }
    }
}

/// The boilerplate section that a line of running text opens with, when it
/// does (`We offer a pension…`, `Benefits: dental, 401(k)`, `Perks include
/// a laptop`): a boilerplate heading phrase of several words followed by
/// more words, or of one word followed by a colon or `include(s)`.
fn lead_in(line: &str) -> Option<Section> {
    let text = line.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '#' | '*' | '_' | '-' | '•'));
    let first = text.as_bytes().split(|&b| matches!(b, b' ' | b'\t' | b':')).next().unwrap_or_default();
    if !lead_firsts().iter().any(|w| w.as_bytes().eq_ignore_ascii_case(first)) {
        return None;
    }
    let mut words = [""; MAX_HEADING_WORDS + 1];
    let mut count = 0;
    for (slot, word) in words.iter_mut().zip(text.split_whitespace()) {
        *slot = word;
        count += 1;
    }
    let words = &words[..count];
    lead_phrases()
        .iter()
        .filter(|(phrase, _)| phrase.len() < words.len() && opens(words, phrase))
        .max_by_key(|(phrase, _)| phrase.len())
        .map(|&(_, section)| section)
}

/// Phrases that only equal-opportunity and pay-transparency statements
/// use; a line with one in its first sentence is legal boilerplate wherever
/// it stands (`Acme is an equal opportunity employer…` closing the
/// requirements without a heading; `The base salary range for this role is
/// $120,000–$150,000 + bonus + equity`, which pay-transparency laws require).
const STATEMENT_PHRASES: [&str; 16] = [
    "affirmative action employer",
    "base pay range",
    "base salary range",
    "compensation range",
    "do not discriminate",
    "equal employment opportunity",
    "equal opportunity employer",
    "equal opportunity workplace",
    "national origin",
    "pay range",
    "protected veteran",
    "regard to race",
    "regardless of race",
    "religious practices",
    "salary range",
    "sexual orientation",
];

/// The search for [`STATEMENT_PHRASES`] in lowercase, sentence case and
/// title case: literals only, so one vectorized pass tells.
fn statement_re() -> &'static regex::Regex {
    static RE: OnceLock<regex::Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let forms: Vec<String> =
            STATEMENT_PHRASES.iter().flat_map(|p| case_forms(p)).map(|f| regex::escape(&f)).collect();
        regex::Regex::new(&forms.join("|")).expect("valid statement regex")
    })
}

/// Byte offsets into `text` of the equal-opportunity and pay statements
/// that open their line, in order: one of [`STATEMENT_PHRASES`], ending a
/// word (`salary range`, not `salary ranges`), in the line's first
/// sentence (a line whose statement follows other sentences is a post
/// flattened into a paragraph, requirements and all, and keeps its
/// section). One search over the whole text.
pub fn statement_starts(text: &str) -> Vec<usize> {
    let opens_line = |at: usize| {
        let before = &text[text[..at].rfind('\n').map_or(0, |i| i + 1)..at];
        ![". ", "! ", "? "].iter().any(|end| before.contains(end))
    };
    let ends_word = |end: usize| text[end..].chars().next().is_none_or(|c| !c.is_alphanumeric());
    statement_re().find_iter(text).filter(|m| ends_word(m.end()) && opens_line(m.start())).map(|m| m.start()).collect()
}

/// A lowercase phrase in lowercase, sentence case and title case.
fn case_forms(phrase: &str) -> Vec<String> {
    let capital = |w: &str| w[..1].to_uppercase() + &w[1..];
    let (first, rest) = phrase.split_once(' ').unwrap_or((phrase, ""));
    let title: Vec<String> = phrase.split(' ').map(capital).collect();
    let mut forms = vec![phrase.to_string(), format!("{} {rest}", capital(first)), title.join(" ")];
    forms.dedup();
    forms
}

/// Whether `words` open with `phrase` (any case) as a lead-in: a phrase of
/// several words, or one word followed by a colon or `include(s)`;
/// `words` go on after the phrase.
fn opens(words: &[&str], phrase: &[String]) -> bool {
    let n = phrase.len();
    let last = words[n - 1];
    let same = words[..n - 1].iter().zip(phrase).all(|(w, p)| w.eq_ignore_ascii_case(p))
        && last.trim_end_matches(':').eq_ignore_ascii_case(&phrase[n - 1]);
    same && (n > 1 || last.ends_with(':') || ["include", "includes"].iter().any(|w| words[n].eq_ignore_ascii_case(w)))
}

/// The distinct first words of [`lead_phrases`], to turn most lines away at once.
fn lead_firsts() -> &'static [String] {
    static FIRSTS: OnceLock<Vec<String>> = OnceLock::new();
    FIRSTS.get_or_init(|| {
        let mut firsts: Vec<String> = lead_phrases().iter().map(|(phrase, _)| phrase[0].clone()).collect();
        firsts.sort_unstable();
        firsts.dedup();
        firsts
    })
}

/// The boilerplate heading phrases (lowercase words) and their sections.
fn lead_phrases() -> &'static [(Vec<String>, Section)] {
    static PHRASES: OnceLock<Vec<(Vec<String>, Section)>> = OnceLock::new();
    PHRASES.get_or_init(|| {
        headings()
            .iter()
            .filter(|(_, s)| s.is_boilerplate())
            .map(|(phrase, &s)| (phrase.split(' ').map(str::to_string).collect(), s))
            .collect()
    })
}

/// `Qualifications: * Bachelor's degree`: a list follows the colon.
fn starts_list(rest: &str) -> bool {
    let rest = rest.trim_start();
    ["* ", "- ", "• "].iter().any(|b| rest.starts_with(b))
}

/// The section of every line, in order (index 0 is line 1), each heading
/// line belonging to the section it opens, a line of text that opens with
/// a boilerplate heading (`We offer a pension…`) to that section alone, and
/// the `statements` lines (1-based, in order: the lines of [`statement_starts`]) to
/// [`Section::Legal`] alone; and the heading lines as `(1-based line,
/// section)`, in order.
pub fn line_sections<'a>(
    lines: impl Iterator<Item = &'a str>,
    statements: &[usize],
) -> (Vec<Section>, Vec<(usize, Section)>) {
    let mut statements = statements.iter().peekable();
    let mut current = Section::Header;
    let mut headings = Vec::new();
    let sections = lines
        .enumerate()
        .map(|(i, line)| {
            if let Some(s) = heading(line) {
                current = s;
                headings.push((i + 1, s));
            } else if let Some(s) = lead_in(line) {
                return s;
            } else if statements.next_if(|&&n| n <= i + 1).is_some_and(|&n| n == i + 1) {
                return Section::Legal;
            }
            current
        })
        .collect();
    (sections, headings)
}

/// The tier of a requirement on `line` in `section`, or `None` in
/// boilerplate and on a header line of listing facts ([`listing_facts`]):
/// a preferred cue anywhere on the line makes it preferred ([`crate::cues`]
/// tells the tier of one skill of the line).
pub fn tier(section: Section, line: &str) -> Option<Tier> {
    if section.is_boilerplate() || (section == Section::Header && listing_facts(line)) {
        return None;
    }
    let cues = crate::cues::find(line);
    Some(tier_by(section, |t| cues.has(line, t)))
}

/// The tier of a requirement in `section` where `cued(t)` tells whether a
/// cue of tier `t` asks for it: the preferred section or a preferred cue
/// wins, then the requirements section (or, in a job post, a heading of
/// what a résumé lists: `Skills`, `Experience:`, `Education`) or a required
/// cue, then the section.
pub fn tier_by(section: Section, cued: impl Fn(Tier) -> bool) -> Tier {
    if section == Section::Preferred || cued(Tier::Preferred) {
        Tier::Preferred
    } else if section == Section::Requirements || section.is_qualification() || cued(Tier::Required) {
        Tier::Required
    } else if section == Section::Responsibilities {
        Tier::Responsibility
    } else {
        Tier::Mentioned
    }
}

/// Whether `line` is a job board's line of listing facts: three or more
/// fields apart by `·` or `|`, with a place, date, pay or count among them
/// (a comma or a digit: `Acme Logistics · Austin, TX · Reposted 2 days
/// ago`), unlike a title that lists skills (`Backend Engineer | Python |
/// Django`). The company's name there asks for no skill (`Logistics`).
pub(crate) fn listing_facts(line: &str) -> bool {
    line.len() <= MAX_LISTING_FACTS_BYTES
        && line.matches(['·', '|']).nth(1).is_some()
        && line.contains(|c: char| c == ',' || c.is_ascii_digit())
}

/// Longest line of listing facts; a longer one is the post itself run
/// together (title, facts and a list of technologies on one line).
const MAX_LISTING_FACTS_BYTES: usize = 200;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_in_markdown_and_plain_forms() {
        use Section::*;
        let cases = [
            ("## Work Experience", Some(Experience)),
            ("**Technical Skills:**", Some(Skills)),
            ("Qualifications: * Bachelor's degree", Some(Requirements)),
            ("What you 'll do", Some(Responsibilities)),
            ("AWARDS & HONORS", Some(Awards)),
            ("Skills & Abilities:", Some(Skills)),
            ("Work History", Some(Experience)),
            // As often a requirement line as a heading.
            ("Leadership experience", None),
            ("Knowledge, Skills and Abilities", Some(Requirements)),
            ("Bonus points if you have:", Some(Preferred)),
            ("**Requirements for this role:**", Some(Requirements)),
            ("Nice to have, but not required:", Some(Preferred)),
            ("What you'll do in your first year:", Some(Responsibilities)),
            ("Bonus", Some(Preferred)),
            ("What would make you stand out", Some(Preferred)),
            // A list head with a preferred cue, in any words.
            ("It's a plus if you have:", Some(Preferred)),
            ("Ideally, you also bring:", Some(Preferred)),
            ("Kafka is a plus", None),
            ("At least one of the following:", None),
            // A résumé heading opens no post section; a job-post phrase needs its colon.
            ("Experience with:", None),
            ("Requirements for this role", None),
            ("### System Engineer", None),
            ("**Languages:** Rust, C, Go", None),
            ("Experience with distributed systems and cloud platforms is required", None),
        ];
        for (line, section) in cases {
            assert_eq!(heading(line), section, "{line}");
        }
    }

    #[test]
    fn a_line_opening_with_a_boilerplate_heading_is_boilerplate_alone() {
        let post = [
            "Requirements",
            "- Python and Django",
            "We offer stock options and a gym membership.",
            "Benefits: dental, 401(k) matching",
            "Perks include a MacBook Pro",
            "- PostgreSQL",
            "Benefits of our stack: Rust everywhere",
            "Requirements: Kubernetes",
            "Acme is an Equal Opportunity Employer and values Python diversity.",
            "- Go",
            "You know Rust. We hire regardless of race or religion.",
            "The US base salary range for this position is $189,000-$284,000 + bonus + equity.",
            "- Build salary ranges in Workday",
            "Google is proud to be an equal opportunity workplace.",
        ];
        let text = post.join("\n");
        let doc = crate::document::Document::from_text("post.txt".as_ref(), &text).unwrap();
        let statements: Vec<usize> = statement_starts(&text).into_iter().map(|at| doc.line_of(at)).collect();
        let (sections, headings) = line_sections(post.into_iter(), &statements);
        use Section::{Benefits, Legal, Requirements};
        let expected = [
            Requirements,
            Requirements,
            Benefits,
            Benefits,
            Benefits,
            Requirements,
            Requirements,
            Requirements,
            Legal,
            Requirements,
            Requirements,
            Legal,
            Requirements,
            Legal,
        ];
        assert_eq!(sections, expected);
        assert_eq!(headings, [(1, Requirements)], "running text opens no section");
    }

    #[test]
    fn tiers_from_section_and_cues() {
        assert_eq!(tier(Section::Other, "You must know Rust"), Some(Tier::Required));
        assert_eq!(tier(Section::Requirements, "Kafka is a plus"), Some(Tier::Preferred));
        assert_eq!(tier(Section::Responsibilities, "Build services in Go"), Some(Tier::Responsibility));
        assert_eq!(tier(Section::Benefits, "Free Python courses"), None);
        assert_eq!(tier(Section::Header, "Acme Logistics · Austin, TX · Reposted 2 days ago"), None);
        assert_eq!(tier(Section::Header, "Rust engineer | Acme"), Some(Tier::Mentioned), "one separator");
        assert_eq!(tier(Section::Header, "Backend Engineer | Python | Django"), Some(Tier::Mentioned), "a title");
        assert_eq!(tier(Section::Other, "We use Rust"), Some(Tier::Mentioned));
        assert_eq!(tier(Section::Skills, "Kubernetes, Terraform"), Some(Tier::Required), "a post's Skills heading");
        assert_eq!(tier(Section::Experience, "3+ years of Go"), Some(Tier::Required));
    }

    #[test]
    fn heading_table_is_sorted_and_valid() {
        let rows: Vec<&str> = data_rows(SECTIONS_TSV).collect();
        assert!(rows.is_sorted(), "sections.tsv is not sorted");
        assert!(rows.iter().all(|r| r.split('\t').count() == 2), "sections.tsv has a malformed row");
        assert_eq!(headings().len(), rows.len());
    }
}
