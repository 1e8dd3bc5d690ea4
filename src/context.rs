//! Mention context: whether a skill match names a role (`Java developer`,
//! `DevOps team`), whether a spoken language is used as an adjective
//! (`Danish universities`), and the words beside which an alias means
//! something else (`CPA` beside `ROAS`) or another skill (`EMR` beside
//! `Spark`); word lists from `lexicon/context.tsv`.

use std::borrow::Cow;
use std::sync::OnceLock;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::excerpt::{ceil_char_boundary, floor_char_boundary};
use crate::lexicon::data_rows;

/// The mention-context table, `lexicon/context.tsv` (role, person, group,
/// language-ok and other-sense rows; sorted).
pub const CONTEXT_TSV: &str = include_str!("../lexicon/context.tsv");

/// Longest line, in words, that counts as a job title when it holds a role word.
const TITLE_WORDS: usize = 8;
/// Longest line [`title_field`] reads as a title, in bytes (eight long words and their marks).
const MAX_TITLE_BYTES: usize = 120;

/// The role words, the words that may follow a spoken language, and the
/// aliases with another sense beside some words.
#[derive(Debug, Default)]
struct Words {
    role: FxHashSet<String>,
    /// Person roles of résumé titles beyond the role words (`nurse`, `accountant`).
    person: FxHashSet<String>,
    /// Role words that name a group, not a person (`team`, `university`).
    group: FxHashSet<String>,
    language_ok: FxHashSet<String>,
    /// The `other-sense` rows, one entry an alias.
    other_sense: Vec<Sense>,
    /// Role word of a title → the field it names (`manager` → `management`).
    discipline: FxHashMap<&'static str, &'static str>,
}

/// An alias's other sense: the words beside which it has it, and the skill it then names.
#[derive(Debug)]
struct Sense {
    /// The alias as written, lowercase.
    alias: &'static str,
    /// What it means beside one of `words`.
    meaning: OtherSense,
    /// Lowercase words.
    words: Vec<&'static str>,
}

/// What an `other-sense` alias means on a line beside one of its words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OtherSense {
    /// No skill of the lexicon (`CPA` beside `ROAS` is cost per acquisition).
    NoSkill,
    /// This canonical skill (`EMR` beside `Spark` is Amazon EMR).
    Skill(&'static str),
}

fn words() -> &'static Words {
    static WORDS: OnceLock<Words> = OnceLock::new();
    WORDS.get_or_init(|| {
        let mut w = Words::default();
        for line in data_rows(CONTEXT_TSV) {
            match line.split('\t').collect::<Vec<_>>()[..] {
                ["role", word] => _ = w.role.insert(word.to_string()),
                ["person", word] => _ = w.person.insert(word.to_string()),
                ["group", word] => _ = w.group.insert(word.to_string()),
                ["language-ok", word] => _ = w.language_ok.insert(word.to_string()),
                ["other-sense", alias, word] => w.add_sense(alias, word, OtherSense::NoSkill),
                ["other-sense", alias, word, skill] => w.add_sense(alias, word, OtherSense::Skill(skill)),
                ["discipline", word, field] => _ = w.discipline.insert(word, field),
                _ => panic!("lexicon/context.tsv: malformed line {line:?}"),
            };
        }
        w
    })
}

impl Words {
    /// Adds an `other-sense` row; an alias's rows must agree on its meaning.
    fn add_sense(&mut self, alias: &'static str, word: &'static str, meaning: OtherSense) {
        match self.other_sense.iter_mut().find(|s| s.alias == alias) {
            Some(sense) if sense.meaning == meaning => sense.words.push(word),
            Some(_) => panic!("lexicon/context.tsv: the other-sense rows of {alias:?} name different skills"),
            None => self.other_sense.push(Sense { alias, meaning, words: vec![word] }),
        }
    }
}

/// The first word after byte `end` of `line`, lowercased; hyphens and spaces
/// are skipped, any other mark ends the search (`None`).
fn next_word(line: &str, end: usize) -> Option<Cow<'_, str>> {
    let rest = line[end..].trim_start_matches([' ', '\t', '-']);
    let len = rest.char_indices().find(|&(_, c)| !c.is_alphanumeric()).map_or(rest.len(), |(i, _)| i);
    (len > 0).then(|| lowercase(&rest[..len]))
}

/// `word` lowercased, borrowed when it is lowercase ASCII already (most
/// words: no allocation).
fn lowercase(word: &str) -> Cow<'_, str> {
    if word.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        Cow::Borrowed(word)
    } else {
        Cow::Owned(word.to_lowercase())
    }
}

/// Whether `word` (lowercase) is a role word, singular or plural.
fn is_role_word(word: &str) -> bool {
    let role = &words().role;
    role.contains(word) || word.strip_suffix('s').is_some_and(|w| role.contains(w))
}

/// Whether a role word follows byte `end` of `line` (`Java Developer`, `DevOps teams`).
pub fn before_role_word(line: &str, end: usize) -> bool {
    next_word(line, end).is_some_and(|w| is_role_word(&w))
}

/// Whether `line` is a short title holding a role word (`Software Engineer - Java`):
/// every skill on it is part of the title.
pub fn is_title_line(line: &str) -> bool {
    short_line_with(line, is_role_word)
}

/// Whether `line` has at most [`TITLE_WORDS`] words and one of them,
/// lowercased, passes `test`.
fn short_line_with(line: &str, test: impl Fn(&str) -> bool) -> bool {
    line_words(line).nth(TITLE_WORDS).is_none() && line_words(line).any(|word| test(&lowercase(word)))
}

/// The words of `line`: its maximal runs of letters and digits.
fn line_words(line: &str) -> impl Iterator<Item = &str> {
    line.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty())
}

/// The field a short title names by its last word that names a person's
/// role and a field (`Senior Product Manager` → `management`, `Staff Nurse,
/// ICU` → `nursing`; `discipline` rows): `(start, end, field)`, the byte
/// range of that word in `line`. `None` for a line of more than
/// [`TITLE_WORDS`] words or without such a word.
pub fn title_field(line: &str) -> Option<(usize, usize, &'static str)> {
    // Most lines are told by their length alone.
    if line.len() > MAX_TITLE_BYTES {
        return None;
    }
    let fields = &words().discipline;
    let mut found = None;
    for (n, word) in line_words(line).enumerate() {
        if n == TITLE_WORDS {
            return None;
        }
        let lower = lowercase(word);
        let singular = lower.strip_suffix('s').unwrap_or(&lower);
        if let Some(field) = fields.get(lower.as_ref()).or_else(|| fields.get(singular)) {
            // `word` is a slice of `line`: its offset is the distance between their starts.
            let start = word.as_ptr() as usize - line.as_ptr() as usize;
            found = Some((start, start + word.len(), *field));
        }
    }
    found
}

/// Whether `line` is a short title naming a person's role (`Systems
/// Administrator`, `Registered Nurse`), not a group (`Texas State University`).
pub fn names_a_person_role(line: &str) -> bool {
    short_line_with(line, |word| {
        let w = words();
        let singular = word.strip_suffix('s').unwrap_or(word);
        w.person.contains(word) || w.person.contains(singular) || (is_role_word(word) && !w.group.contains(singular))
    })
}

/// Whether a spoken language ending at byte `end` of `line` is an adjective:
/// a word follows that is not one of the words that follow a language skill.
pub fn is_adjective(line: &str, end: usize) -> bool {
    next_word(line, end).is_some_and(|w| !words().language_ok.contains(w.as_ref()))
}

/// The other sense of the skill match at bytes `start..end` of `line`, if
/// it has one here: an `other-sense` row's alias (any case) on a line that
/// also holds one of its words as a whole word (`CPA` beside `ROAS` is cost
/// per acquisition, `monitoring` beside `patients` is no observability,
/// `EMR` beside `Spark` is Amazon EMR, not a health record).
pub fn other_sense(line: &str, start: usize, end: usize) -> Option<OtherSense> {
    let surface = &line[start..end];
    let sense = words().other_sense.iter().find(|s| s.alias.eq_ignore_ascii_case(surface))?;
    holds_word(around(line, start, end), &sense.words).then_some(sense.meaning)
}

/// Farthest from a match, in bytes each way, that its line is read for the
/// words of an other sense: all of any line of ordinary length, a window of
/// a post run together on one line (which would otherwise be read whole for
/// each match).
const SENSE_REACH: usize = 1000;

/// The part of `line` within [`SENSE_REACH`] bytes of `start..end`, cut at char boundaries.
fn around(line: &str, start: usize, end: usize) -> &str {
    &line[floor_char_boundary(line, start.saturating_sub(SENSE_REACH))..ceil_char_boundary(line, end + SENSE_REACH)]
}

/// The skills that `other-sense` rows name (for a test against the lexicon).
pub fn other_sense_skills() -> impl Iterator<Item = &'static str> {
    words().other_sense.iter().filter_map(|s| match s.meaning {
        OtherSense::Skill(name) => Some(name),
        OtherSense::NoSkill => None,
    })
}

/// Whether `line` holds one of `words` (lowercase) as a whole word, in any case.
fn holds_word(line: &str, words: &[&str]) -> bool {
    line.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .any(|w| words.iter().any(|x| w.eq_ignore_ascii_case(x)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn is_role(line: &str, end: usize) -> bool {
        before_role_word(line, end) || is_title_line(line)
    }

    #[test]
    fn role_names() {
        assert!(is_role("We hire a Java Developer to join", 14));
        assert!(is_role("Our DevOps teams build", 10));
        assert!(is_role("Software Engineer - Java", 24));
        assert!(!is_role("Experience with Java and Spring Boot in a team of engineers", 20));
        assert!(!is_role("Java, Python", 4));
    }

    #[test]
    fn person_roles_not_groups() {
        assert!(names_a_person_role("Systems Administrator"));
        assert!(names_a_person_role("Registered Nurse"));
        assert!(!names_a_person_role("Texas State University, San Marcos, TX"));
        assert!(!names_a_person_role("Acme Corp"));
    }

    #[test]
    fn language_adjectives() {
        assert!(is_adjective("research at Danish universities", 18));
        assert!(!is_adjective("fluent in Danish and English", 16));
        assert!(!is_adjective("English required", 7));
        assert!(!is_adjective("Speak English.", 13));
    }

    #[test]
    fn data_file_is_sorted_and_valid() {
        let lines: Vec<&str> = CONTEXT_TSV.lines().filter(|l| !l.starts_with('#')).collect();
        let mut sorted = lines.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(lines, sorted);
        assert!(words().role.contains("developer") && words().language_ok.contains("fluent"));
        assert!(words().group.iter().all(|g| words().role.contains(g)), "group words are role words");
        assert!(words().person.contains("nurse"));
        let lower = |w: &str| w == w.to_lowercase();
        assert!(words().other_sense.iter().all(|s| lower(s.alias) && s.words.iter().all(|w| lower(w))));
        assert!(words().discipline.iter().all(|(w, f)| lower(w) && lower(f)));
    }

    #[test]
    fn a_title_names_its_field() {
        let line = "Senior Data Scientist – Acme";
        let (start, end, field) = title_field(line).unwrap();
        assert_eq!((&line[start..end], field), ("Scientist", "science"));
        assert_eq!(title_field("Product Managers").map(|f| f.2), Some("management"));
        assert_eq!(title_field("Built dashboards for the product managers of three business units at Acme"), None);
        assert_eq!(title_field("Head of Growth"), None);
        assert_eq!(title_field("Staff Nurse, ICU – Mercy Hospital").map(|f| f.2), Some("nursing"));
    }

    #[test]
    fn other_senses_beside_their_words() {
        assert_eq!(other_sense("Optimize CPA and ROAS across paid channels", 9, 12), Some(OtherSense::NoSkill));
        assert_eq!(other_sense("CPA required; Big Four experience a plus", 0, 3), None);
        assert_eq!(other_sense("Optimize CPA and ROASTS", 9, 12), None, "whole words only");
        assert_eq!(other_sense("Continuous monitoring of patients on telemetry", 11, 21), Some(OtherSense::NoSkill));
        assert_eq!(other_sense("Monitoring with Prometheus", 0, 10), None);
        assert_eq!(other_sense("Spark jobs on EMR", 14, 17), Some(OtherSense::Skill("Amazon EMR")));
        assert_eq!(other_sense("EMR: Epic, Cerner", 0, 3), None);
        assert_eq!(other_sense("Triage performance regressions", 0, 6), Some(OtherSense::NoSkill));
        assert_eq!(other_sense("Triage performance regressions", 19, 30), Some(OtherSense::NoSkill));
        assert_eq!(other_sense("Triage and patient assessment in the ED", 0, 6), None);
    }
}
