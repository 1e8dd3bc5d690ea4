//! Requirement cues of job-post lines (`lexicon/cues.tsv`): where each cue
//! phrase is on a line, its tier, and which skills of its clause it governs
//! (`Python is required, Kafka is a plus`: Python required, Kafka preferred).

use std::sync::OnceLock;

use regex::Regex;
use rustc_hash::FxHashMap;

use crate::lexicon::data_rows;
use crate::sections::Tier;

/// The cue table, `lexicon/cues.tsv` (phrase, tier, reach; sorted by phrase).
pub const CUES_TSV: &str = include_str!("../lexicon/cues.tsv");

/// Which skills of its clause a cue governs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reach {
    /// Those before it (`Kafka is a plus`).
    Before,
    /// Those after it (`ideally Kafka`, `Required: Rust`).
    After,
    /// Either side (`nice to have Kafka`, `Kafka is nice to have`).
    Both,
}

/// One cue phrase found on a line; byte offsets into the line, end exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cue {
    /// Byte offset of the phrase's first byte.
    pub start: usize,
    /// Byte offset after the phrase.
    pub end: usize,
    /// The tier the phrase asks for.
    pub tier: Tier,
    reach: Reach,
}

/// The cue phrases by key (lowercase words joined by one space), and one
/// case-insensitive regex over them, longest first, words joined by any
/// run of spaces or hyphens (`nice-to-have`).
struct Table {
    rows: FxHashMap<String, (Tier, Reach)>,
    regex: Regex,
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let rows: FxHashMap<String, (Tier, Reach)> = data_rows(CUES_TSV).filter_map(parse_row).collect();
        let mut phrases: Vec<&String> = rows.keys().collect();
        phrases.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
        let alternatives: Vec<String> =
            phrases.iter().map(|p| p.split(' ').map(regex::escape).collect::<Vec<_>>().join(r"[\s\-‐‑]+")).collect();
        let regex = Regex::new(&format!(r"(?i)(?-u:\b)(?:{})(?-u:\b)", alternatives.join("|")))
            .expect("cue phrases form a regex");
        Table { rows, regex }
    })
}

/// One row of the cue table: phrase, tier, reach; `None` when malformed.
fn parse_row(row: &str) -> Option<(String, (Tier, Reach))> {
    let mut fields = row.split('\t');
    let (phrase, tier, reach) = (fields.next()?, fields.next()?, fields.next()?);
    let tier = match tier {
        "required" => Tier::Required,
        "preferred" => Tier::Preferred,
        _ => return None,
    };
    let reach = match reach {
        "before" => Reach::Before,
        "after" => Reach::After,
        "both" => Reach::Both,
        _ => return None,
    };
    Some((phrase.to_string(), (tier, reach)))
}

/// The cue phrases of one line, left to right, and its clauses.
#[derive(Debug, Clone, Default)]
pub struct LineCues {
    cues: Vec<Cue>,
    /// Byte ranges of the line's clauses, in order, end exclusive; worked
    /// out only for a line with cues (none otherwise).
    clauses: Vec<(usize, usize)>,
}

/// The cue phrases and clauses of `line`.
pub fn find(line: &str) -> LineCues {
    let Table { rows, regex } = table();
    let mut found = LineCues::default();
    for m in regex.find_iter(line) {
        if found.clauses.is_empty() {
            found.clauses = clauses(line);
        }
        let key = m
            .as_str()
            .to_lowercase()
            .split(|c: char| c.is_whitespace() || "-‐‑".contains(c))
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        let Some(&(tier, reach)) = rows.get(&key) else { continue };
        let reach = if found.heads_list(line, m.start(), m.end()) { Reach::After } else { reach };
        found.cues.push(Cue { start: m.start(), end: m.end(), tier, reach });
    }
    found
}

impl LineCues {
    /// Whether a cue of `tier` asks for the whole line as the skill at byte
    /// `at` sees it: one that [`LineCues::has`] counts and that stands in
    /// the skill's clause or reaches past its own (a cue that reaches back,
    /// `CPA strongly preferred`, asks only for its own clause, not for
    /// `Accounting` in `Degree in Accounting; CPA strongly preferred`).
    pub fn asks_line_at(&self, line: &str, tier: Tier, at: usize) -> bool {
        if self.cues.is_empty() {
            return false;
        }
        let clause = self.clause(at);
        self.for_line(line, tier).any(|c| c.reach != Reach::Before || self.clause(c.start) == clause)
    }

    /// The cues of `tier` that speak for the line: those outside an aside.
    fn for_line<'a>(&'a self, line: &'a str, tier: Tier) -> impl Iterator<Item = &'a Cue> {
        self.cues.iter().filter(move |c| c.tier == tier && !in_aside(line, c))
    }

    /// Whether a cue of `tier` is on the line, outside an aside: a cue in
    /// a parenthesis that holds more than the cue (`relational databases
    /// (PostgreSQL preferred)`) asks only for what the parenthesis names.
    pub fn has(&self, line: &str, tier: Tier) -> bool {
        self.for_line(line, tier).next().is_some()
    }

    /// The tier the cues give the skill at byte `at` of the line, or `None`
    /// when none of its clause reaches it. Clauses end at `.`, `;`, `!`, `?`
    /// before a space or the line's end, at a bullet `•`, and at the word
    /// `but`. The nearest cue before the skill that reaches forward and the
    /// nearest after it that reaches back (not one inside a later
    /// parenthesis that holds more than the cue: `Solid React (React Native
    /// is a plus)`) both count, and a preferred cue wins, as on the line as a
    /// whole.
    pub fn governing(&self, line: &str, at: usize) -> Option<Tier> {
        if self.cues.is_empty() {
            return None;
        }
        let (from, to) = self.clause(at);
        let cues = &self.cues;
        let before = cues.iter().rev().find(|c| c.end <= at && c.start >= from && c.reach != Reach::Before);
        let after = cues.iter().find(|c| {
            c.start >= at && c.end <= to && c.reach != Reach::After && !in_later_parenthesis(&line[at..c.start])
        });
        [before, after].into_iter().flatten().map(|c| c.tier).min_by_key(|&t| t != Tier::Preferred)
    }

    /// Whether the cue at `start..end` heads a list: a colon follows within
    /// two words and the cue opens its clause or is capitalized like a
    /// heading run into the line (`Required: Rust`, `… Preferred
    /// Qualifications: Kotlin`); then it governs the list after the colon.
    fn heads_list(&self, line: &str, start: usize, end: usize) -> bool {
        let opens = !line[self.clause(start).0..start].chars().any(char::is_alphanumeric);
        let capitalized = line[start..].starts_with(char::is_uppercase);
        (opens || capitalized)
            && line[end..].split_once(':').is_some_and(|(head, _)| head.split_whitespace().count() <= 2)
    }

    /// The byte range of the clause holding byte `at`.
    fn clause(&self, at: usize) -> (usize, usize) {
        let i = self.clauses.partition_point(|&(_, end)| end < at).min(self.clauses.len() - 1);
        self.clauses[i]
    }
}

/// Whether cue `c` of `line` is inside a parenthesis holding other words too.
fn in_aside(line: &str, c: &Cue) -> bool {
    let before = &line[..c.start];
    let Some(open) = open_parenthesis(before) else { return false };
    let close = line[c.end..].find(')').map_or(line.len(), |i| c.end + i);
    has_words(&before[open + 1..]) || has_words(&line[c.end..close])
}

/// The byte offset of the parenthesis `text` leaves open: its last `(` with no `)` after it.
fn open_parenthesis(text: &str) -> Option<usize> {
    text.rfind('(').filter(|&open| !text[open..].contains(')'))
}

/// Whether `text` holds a letter or digit.
fn has_words(text: &str) -> bool {
    text.chars().any(char::is_alphanumeric)
}

/// Whether text ending at a cue opens a parenthesis that holds words before
/// the cue (`(React Native is`), not just the cue (`(`, `( a`).
fn in_later_parenthesis(between: &str) -> bool {
    open_parenthesis(between).is_some_and(|open| has_words(&between[open + 1..]))
}

/// The clauses of `line` as byte ranges, in order; at least one.
fn clauses(line: &str) -> Vec<(usize, usize)> {
    static ENDS: OnceLock<Regex> = OnceLock::new();
    let ends = ENDS.get_or_init(|| Regex::new(r"[.;!?](?:\s|$)|•|(?i)(?-u:\b)but(?-u:\b)").expect("valid regex"));
    let mut from = 0;
    let mut out = Vec::new();
    for m in ends.find_iter(line) {
        out.push((from, m.start()));
        from = m.end();
    }
    out.push((from, line.len()));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tier_of(line: &str, skill: &str) -> Option<Tier> {
        find(line).governing(line, line.find(skill).unwrap())
    }

    #[test]
    fn each_skill_takes_the_cue_that_reaches_it() {
        let line = "Python is required, Kafka is a plus";
        assert_eq!(tier_of(line, "Python"), Some(Tier::Required));
        assert_eq!(tier_of(line, "Kafka"), Some(Tier::Preferred));
        let line = "Must have: Rust, Go, and ideally Zig";
        assert_eq!(tier_of(line, "Go"), Some(Tier::Required));
        assert_eq!(tier_of(line, "Zig"), Some(Tier::Preferred));
        let line = "Fluent English is essential: German is helpful";
        assert_eq!(tier_of(line, "English"), Some(Tier::Required));
        assert_eq!(tier_of(line, "German"), Some(Tier::Preferred));
        assert_eq!(tier_of("Not required but would be nice if you know Ramda", "Ramda"), Some(Tier::Preferred));
        assert_eq!(tier_of("Preferred: Kotlin", "Kotlin"), Some(Tier::Preferred));
        assert_eq!(tier_of("* Required skills: Rust", "Rust"), Some(Tier::Required));
        let line = "Basic: at least 2 years of Rust Preferred Qualifications: Zig";
        assert_eq!(tier_of(line, "Rust"), Some(Tier::Required));
        assert_eq!(tier_of(line, "Zig"), Some(Tier::Preferred));
        assert_eq!(tier_of("Kafka experience is a strong plus", "Kafka"), Some(Tier::Preferred));
        assert_eq!(tier_of("Nice-to-have: Kafka", "Kafka"), Some(Tier::Preferred));
        assert_eq!(tier_of("Strong Java and a strong Go record is an advantage", "Java"), Some(Tier::Preferred));
        let line = "Strong React skills (React Native is a plus), Python (required)";
        assert_eq!(tier_of(line, "React skills"), Some(Tier::Required));
        assert_eq!(tier_of(line, "React Native"), Some(Tier::Preferred));
        assert_eq!(tier_of(line, "Python"), Some(Tier::Required));
    }

    #[test]
    fn a_cue_reaching_back_asks_only_for_its_clause() {
        let line = "Degree in Accounting or Finance; CPA strongly preferred";
        let cues = find(line);
        assert!(!cues.asks_line_at(line, Tier::Preferred, line.find("Accounting").unwrap()));
        assert!(cues.asks_line_at(line, Tier::Preferred, line.find("CPA").unwrap()));
        let line = "Required: Python; Go; Rust";
        assert!(find(line).asks_line_at(line, Tier::Required, line.find("Go").unwrap()), "a list head reaches on");
    }

    #[test]
    fn a_cue_in_an_aside_does_not_ask_for_the_line() {
        let has = |line: &str| find(line).has(line, Tier::Preferred);
        assert!(!has("Deep knowledge of relational databases (PostgreSQL preferred), transactions"));
        assert!(has("Experience with Terraform (preferred)"));
        assert!(has("Kafka is preferred (we use it daily)"));
    }

    #[test]
    fn clauses_bound_the_cues() {
        assert_eq!(tier_of("Docker is a plus. We use Python", "Python"), None);
        assert_eq!(tier_of("We use Python; strong Go skills", "Python"), None);
        assert_eq!(tier_of("Kafka is a plus • we use Python", "Python"), None);
        assert_eq!(tier_of("Python 3.11 is required", "Python"), Some(Tier::Required));
    }

    #[test]
    fn cue_table_is_sorted_and_every_phrase_is_found() {
        let rows: Vec<&str> = data_rows(CUES_TSV).collect();
        assert!(rows.is_sorted(), "cues.tsv is not sorted");
        assert_eq!(table().rows.len(), rows.len(), "cues.tsv has a malformed row");
        for row in rows {
            let phrase = row.split('\t').next().unwrap();
            let line = format!("x {} y", phrase.to_uppercase());
            assert_eq!(find(&line).cues.len(), 1, "{phrase:?}");
        }
    }
}
