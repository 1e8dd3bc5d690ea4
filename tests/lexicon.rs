//! The lexicon data files stay clean: the committed `lexicon/skills.tsv`
//! parses, is sorted, has unique names and no alias claimed by two skills,
//! and re-serializes to itself (the typos `verify` pattern); common job-post
//! skill phrases stay covered.

use std::collections::HashMap;

use jobfit::extract::Extractor;
use jobfit::keywords::Background;
use jobfit::lexicon::{Lexicon, sort_key};
use jobfit::tokenize::phrase_key;

#[test]
fn embedded_lexicon_is_valid() {
    let lexicon = Lexicon::embedded().expect("lexicon parses");
    assert!(lexicon.skills.len() > 5_000, "lexicon has {} skills", lexicon.skills.len());
    let keys: Vec<_> = lexicon.skills.iter().map(|s| sort_key(&s.name)).collect();
    assert!(keys.windows(2).all(|w| w[0] < w[1]), "skills are sorted with unique names");
    let mut owner: HashMap<String, &str> = HashMap::new();
    for skill in &lexicon.skills {
        assert!(!skill.aliases.is_empty(), "{} has no alias", skill.name);
        assert!(!skill.sources.is_empty(), "{} has no source", skill.name);
        for alias in &skill.aliases {
            let key = phrase_key(&alias.text);
            assert!(!key.is_empty(), "{}: empty alias", skill.name);
            assert!(!alias.text.contains(['|', '\t']), "{}: alias {:?}", skill.name, alias.text);
            if let Some(other) = owner.insert(key.clone(), &skill.name) {
                panic!("alias {key:?} claimed by {other} and {}", skill.name);
            }
        }
    }
}

#[test]
fn lexicon_file_round_trips() {
    let text = std::fs::read_to_string("lexicon/skills.tsv").unwrap();
    assert_eq!(Lexicon::parse(&text, "lexicon/skills.tsv").unwrap().to_tsv(), text);
}

#[test]
fn ordinary_words_never_match_alone() {
    let lexicon = Lexicon::embedded().unwrap();
    let words = [
        "be",
        "help",
        "make",
        "basic",
        "scheme",
        "go",
        "rust",
        "systems",
        "source",
        "learn",
        "project",
        "office",
        "spring",
        "hip",
        "hare",
        "rails",
        "shell",
        "networker",
        "scratch",
        "fear",
        "fennel",
        "workday",
        "aimed",
        "inc",
        "quest",
        "multitask",
        "fancy",
        "atom",
        "node",
        "presenter",
        "sunrise",
        "encompass",
        "navigator",
        "reliance",
        "notion",
        "composer",
        "passport",
        "sanity",
        "expo",
        "grunt",
        "nomad",
        "karma",
    ];
    for word in words {
        let loose =
            lexicon.skills.iter().flat_map(|s| &s.aliases).find(|a| !a.case_sensitive && phrase_key(&a.text) == word);
        assert!(loose.is_none(), "{word:?} matches case-insensitively: {loose:?}");
    }
}

#[test]
fn overrides_are_sorted_and_applied() {
    let text = std::fs::read_to_string("lexicon/overrides.tsv").unwrap();
    let rows: Vec<&str> = text.lines().filter(|l| !l.is_empty() && !l.starts_with('#')).collect();
    let mut sorted = rows.clone();
    sorted.sort();
    assert_eq!(rows, sorted, "lexicon/overrides.tsv is sorted");
    let lexicon = Lexicon::embedded().unwrap();
    for row in rows.iter().filter(|r| r.starts_with("skill\t")) {
        let name = row.split('\t').nth(1).unwrap();
        assert!(lexicon.skills.iter().any(|s| s.name == name), "override skill {name} is in the lexicon");
    }
}

#[test]
fn background_table_is_valid() {
    let bg = Background::embedded().expect("background parses");
    assert!(bg.docs >= 40 && bg.df.len() > 500);
    assert!(bg.df.values().all(|&df| df >= 2 && df <= bg.docs));
}

/// Share of `tests/fixtures/common-skill-phrases.txt` the lexicon must
/// recognize (471 of the 499 phrases, 0.944, when it was written).
const MIN_PHRASE_COVERAGE: f64 = 0.93;

#[test]
fn common_job_post_phrases_are_skills() {
    let text = std::fs::read_to_string("tests/fixtures/common-skill-phrases.txt").unwrap();
    let phrases: Vec<&str> = text.lines().filter(|l| !l.is_empty() && !l.starts_with('#')).collect();
    let post: String = phrases.iter().map(|p| format!("Experience with {p} is required.\n")).collect();
    let hits = Extractor::embedded().unwrap().find_in_text(&post);
    let missed: Vec<&str> = phrases
        .iter()
        .enumerate()
        .filter(|(i, _)| !hits.iter().any(|(line, _)| *line == i + 1))
        .map(|(_, p)| *p)
        .collect();
    let coverage = 1.0 - missed.len() as f64 / phrases.len() as f64;
    assert!(phrases.len() > 400, "{} phrases", phrases.len());
    assert!(coverage >= MIN_PHRASE_COVERAGE, "coverage {coverage:.3}; missed: {missed:?}");
}

#[test]
fn certifications_are_skills_of_their_own() {
    let extractor = Extractor::embedded().unwrap();
    let cases = [
        ("AWS Certified Solutions Architect – Associate", "AWS Certified Solutions Architect"),
        ("CKA or CKAD", "Certified Kubernetes Administrator"),
        ("PMP certification required", "PMP"),
        ("Valid Class A CDL", "Commercial driver's license"),
        ("OSHA 30 card", "OSHA"),
        ("Series 7 license", "FINRA licenses"),
        ("CompTIA Network+", "CompTIA Network+"),
        ("Azure Fundamentals (AZ-900)", "Azure Fundamentals"),
        ("Certified Scrum Master", "Certified ScrumMaster"),
        ("SHRM-CP preferred", "SHRM certification"),
        ("infrastructure-as-code", "Infrastructure as code"),
        ("Terraform modules", "Terraform"),
    ];
    for (text, skill) in cases {
        let hits = extractor.find_in_text(text);
        let first = hits.first().map(|(_, h)| extractor.lexicon.skill(h.skill).name.as_str());
        assert_eq!(first, Some(skill), "{text:?}");
    }
}
