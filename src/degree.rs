//! Degrees: the level (associate, bachelor, master, doctorate) and field of a
//! degree named in a line (`BSc in Computer Science`, `Master's degree`, `PhD`).

use std::sync::OnceLock;

use regex::Regex;
use serde::{Deserialize, Serialize};

/// A degree level, lowest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Level {
    /// Associate degree.
    Associate,
    /// Bachelor's degree (BSc, BA, BEng, B.Tech, undergraduate degree).
    Bachelor,
    /// Master's degree (MSc, MA, MBA, MEng, Cand.*).
    Master,
    /// Doctorate (PhD, D.Phil).
    Doctorate,
}

impl Level {
    /// `associate`, `bachelor`, `master` or `doctorate`.
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Associate => "associate",
            Level::Bachelor => "bachelor",
            Level::Master => "master",
            Level::Doctorate => "doctorate",
        }
    }
}

/// A degree named in a line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Degree {
    /// The level.
    pub level: Level,
    /// The field after `in`/`of` (`Computer Science`), as written, if any.
    pub field: Option<String>,
    /// Byte offset of the degree's name in the line.
    pub start: usize,
    /// Byte offset after the degree's name, exclusive.
    pub end: usize,
}

/// One pattern a level, case-insensitive unless marked `(?-i)`: bare
/// `Master`/`MS`/`BA` need `degree` or capitals so that `master the tools` is no degree;
/// dotted abbreviations (`B.S.`, `M.A.`) may end in their dot.
/// Word boundaries are ASCII (`(?-u:\b)`), which keeps the regexes on the fast DFA engines.
const PATTERNS: [(Level, &str); 4] = [
    (Level::Doctorate, r"(?-u:\b)(?:ph\.?\s?d(?-u:\b)\.?|doctorate|doctoral degree|d\.\s?phil(?-u:\b))"),
    (
        Level::Master,
        r"(?-u:\b)(?:master'?s?\s+(?:degree|of)|(?-i:Master'?s?)(?-u:\b)|m\.?sc(?-u:\b)\.?|(?-i:MS|MA|MBA|MEng|MTech|MCA|MFA|MPH|MPA|MSN|MSW|LLM)(?-u:\b)|(?-i:M\.S|M\.A|M\.Tech|M\.Eng)(?-u:\b)\.?|cand\.\s?\w+|postgraduate degree)",
    ),
    (
        Level::Bachelor,
        r"(?-u:\b)(?:bachelor'?s?(?-u:\b)|b\.?sc(?-u:\b)\.?|(?-i:BS|BA|BSN|BEng|BTech|BBA|BCom|BFA|BASc|BSE)(?-u:\b)|(?-i:B\.S|B\.A|B\.E|B\.Tech|B\.Com|B\.Eng)(?-u:\b)\.?|undergraduate degree|university degree|college degree)",
    ),
    (Level::Associate, r"(?-u:\b)associate'?s?\s+(?:degree|of\s+(?:applied\s+)?(?:arts|science))"),
];

/// Every degree [`degrees`] finds has one of these among its words, as a
/// simple tokenizer splits them (lowercase, at every character that is not
/// a letter or digit: `Ph.D.` is `ph d`, `B.S.` is `b s`, `Master's` is
/// `master s`): a line without any names no degree.
pub const DEGREE_WORDS: [&str; 44] = [
    "associate",
    "associates",
    "b",
    "ba",
    "bachelor",
    "bachelors",
    "basc",
    "bba",
    "bcom",
    "beng",
    "bfa",
    "bs",
    "bsc",
    "bse",
    "bsn",
    "btech",
    "cand",
    "college",
    "d",
    "doctoral",
    "doctorate",
    "doctorates",
    "llm",
    "m",
    "ma",
    "master",
    "masters",
    "mba",
    "mca",
    "meng",
    "mfa",
    "mpa",
    "mph",
    "ms",
    "msc",
    "msn",
    "msw",
    "mtech",
    "ph",
    "phd",
    "postgraduate",
    "undergraduate",
    "undergraduates",
    "university",
];

/// Words after `of` that name the degree, not its field (`Master of Science`).
const DEGREE_NAMES: [&str; 5] = ["science", "arts", "engineering", "business administration", "applied science"];

fn patterns() -> &'static [(Level, Regex); 4] {
    static RE: OnceLock<[(Level, Regex); 4]> = OnceLock::new();
    RE.get_or_init(|| PATTERNS.map(|(level, p)| (level, Regex::new(&format!("(?i){p}")).expect("valid degree regex"))))
}

fn field_pattern() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"^[\w'’.]*\s*(?:degree|diploma)?\s*(?:in|of)\s+([A-Za-z][A-Za-z &/-]{1,60}?)\s*(?:[,.;:()]|\bor\b|\band\b|\bwith\b|\bfrom\b|$)")
            .expect("valid field regex")
    })
}

/// All level patterns in one regex: most lines name no degree, and one pass tells.
fn any_degree() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let all: Vec<String> = PATTERNS.iter().map(|(_, p)| format!("(?:{p})")).collect();
        Regex::new(&format!("(?i){}", all.join("|"))).expect("valid degree regex")
    })
}

/// Every degree named in `line`, in line order.
pub fn degrees(line: &str) -> Vec<Degree> {
    let mut out: Vec<Degree> = Vec::new();
    if !any_degree().is_match(line) {
        return out;
    }
    for (level, re) in patterns() {
        for m in re.find_iter(line) {
            if out.iter().any(|d| d.start == m.start()) {
                continue;
            }
            let field = field_pattern().captures(&line[m.start()..]).map(|c| c[1].trim().to_string());
            let field = field.filter(|f| !f.is_empty() && !DEGREE_NAMES.iter().any(|n| f.eq_ignore_ascii_case(n)));
            out.push(Degree { level: *level, field, start: m.start(), end: m.end() });
        }
    }
    out.sort_by_key(|d| d.start);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn first(line: &str) -> Option<(Level, Option<String>)> {
        degrees(line).into_iter().next().map(|d| (d.level, d.field))
    }

    #[test]
    fn levels_and_fields() {
        let cs = Some("Computer Science".to_string());
        assert_eq!(
            first("Bachelor's degree in Computer Science or related field"),
            Some((Level::Bachelor, cs.clone()))
        );
        assert_eq!(first("BSc in Computer Science, 2015"), Some((Level::Bachelor, cs.clone())));
        assert_eq!(first("M.Sc. in Computer Science"), Some((Level::Master, cs)));
        assert_eq!(first("A PhD degree or equivalent"), Some((Level::Doctorate, None)));
        assert_eq!(first("Master of Science, Physics"), Some((Level::Master, None)));
        assert_eq!(first("MBA, Wharton"), Some((Level::Master, None)));
        assert_eq!(first("associate degree in nursing"), Some((Level::Associate, Some("nursing".to_string()))));
        let cs = Some("Computer Science".to_string());
        assert_eq!(first("M.S. in Computer Science"), Some((Level::Master, cs.clone())));
        assert_eq!(first("B.S. in Computer Science, 2018"), Some((Level::Bachelor, cs.clone())));
        assert_eq!(first("B.A. Economics"), Some((Level::Bachelor, None)));
        assert_eq!(first("B.E. in Electronics"), Some((Level::Bachelor, Some("Electronics".to_string()))));
        assert_eq!(first("M.Tech in Computer Science"), Some((Level::Master, cs)));
        assert_eq!(first("BBA, Marketing"), Some((Level::Bachelor, None)));
        assert_eq!(first("Associate of Applied Science, Nursing"), Some((Level::Associate, None)));
    }

    #[test]
    fn ordinary_words_are_no_degrees() {
        assert_eq!(first("you will master the tools and ms office"), None);
        assert_eq!(first("Mastercard payment rails, Mastering Kubernetes"), None);
        assert_eq!(first("a bachelorette party"), None);
        assert_eq!(first("a bass player"), None);
    }

    #[test]
    fn every_degree_has_a_degree_word() {
        let lines = [
            "PhD in Physics",
            "Ph.D. or equivalent",
            "ph d candidates",
            "a Doctorate",
            "doctoral degree",
            "D.Phil in History",
            "Master's degree",
            "Masters of Science",
            "master of engineering",
            "MSc Data Science",
            "M.Sc. in CS",
            "MS, MA or MBA",
            "MEng, MTech, MCA, MFA, MPH, MPA, MSN, MSW, LLM",
            "M.S. or M.A. or M.Tech or M.Eng.",
            "cand.scient in Biology",
            "postgraduate degree",
            "Bachelor's degree",
            "bachelors in nursing",
            "B.Sc. Honours",
            "BSc, BS, BA, BSN, BEng, BTech, BBA, BCom, BFA, BASc, BSE",
            "B.S., B.A., B.E., B.Tech, B.Com, B.Eng",
            "undergraduate degree",
            "university degree or college degree",
            "associate's degree",
            "Associate of Applied Science",
        ];
        for line in lines {
            assert!(!degrees(line).is_empty(), "{line:?} names a degree");
            let words: Vec<String> =
                line.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect();
            assert!(words.iter().any(|w| DEGREE_WORDS.contains(&w.as_str())), "{line:?}");
        }
        assert!(DEGREE_WORDS.iter().all(|w| w.chars().all(|c| c.is_ascii_lowercase())));
    }

    #[test]
    fn either_degree() {
        let levels: Vec<Level> = degrees("Bachelor's or Master's degree").iter().map(|d| d.level).collect();
        assert_eq!(levels, [Level::Bachelor, Level::Master]);
    }
}
