//! Mention context: whether a skill match names a role (`Java developer`,
//! `DevOps team`) and whether a spoken language is used as an adjective
//! (`Danish universities`); word lists from `lexicon/context.tsv`.

use std::sync::OnceLock;

use rustc_hash::FxHashSet;

use crate::lexicon::data_rows;

const CONTEXT_TSV: &str = include_str!("../lexicon/context.tsv");

/// Longest line, in words, that counts as a job title when it holds a role word.
const TITLE_WORDS: usize = 8;

/// The role words and the words that may follow a spoken language.
#[derive(Debug, Default)]
struct Words {
    role: FxHashSet<String>,
    language_ok: FxHashSet<String>,
}

fn words() -> &'static Words {
    static WORDS: OnceLock<Words> = OnceLock::new();
    WORDS.get_or_init(|| {
        let mut w = Words::default();
        for line in data_rows(CONTEXT_TSV) {
            match line.split_once('\t') {
                Some(("role", word)) => w.role.insert(word.to_string()),
                Some(("language-ok", word)) => w.language_ok.insert(word.to_string()),
                _ => panic!("lexicon/context.tsv: malformed line {line:?}"),
            };
        }
        w
    })
}

/// The first word after byte `end` of `line`, lowercased; hyphens and spaces
/// are skipped, any other mark ends the search (`None`).
fn next_word(line: &str, end: usize) -> Option<String> {
    let rest = line[end..].trim_start_matches([' ', '\t', '-']);
    let word: String = rest.chars().take_while(|c| c.is_alphanumeric()).collect();
    (!word.is_empty()).then(|| word.to_lowercase())
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
    let words = || line.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty());
    words().nth(TITLE_WORDS).is_none() && words().any(|word| is_role_word(&word.to_lowercase()))
}

/// Whether a spoken language ending at byte `end` of `line` is an adjective:
/// a word follows that is not one of the words that follow a language skill.
pub fn is_adjective(line: &str, end: usize) -> bool {
    next_word(line, end).is_some_and(|w| !words().language_ok.contains(&w))
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
    }
}
