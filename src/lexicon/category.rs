//! Skill categories and the hard/soft split.

use serde::Serialize;

/// What kind of skill a canonical skill is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Category {
    /// Rust, Python, SQL.
    ProgrammingLanguage,
    /// React, Spring, PyTorch.
    Framework,
    /// PostgreSQL, Redis.
    Database,
    /// AWS, Kubernetes, Linux.
    Platform,
    /// Git, Jira, Excel.
    Tool,
    /// Agile, CI/CD, test-driven development.
    Methodology,
    /// Distributed systems, machine learning, accounting.
    Domain,
    /// Communication, teamwork.
    SoftSkill,
    /// English, German.
    SpokenLanguage,
    /// AWS Certified Solutions Architect, PMP.
    Certification,
}

/// Hard skills are teachable and testable; soft skills are interpersonal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SkillKind {
    /// Every category but soft skills.
    Hard,
    /// [`Category::SoftSkill`].
    Soft,
}

const NAMES: [(Category, &str); 10] = [
    (Category::ProgrammingLanguage, "programming-language"),
    (Category::Framework, "framework"),
    (Category::Database, "database"),
    (Category::Platform, "platform"),
    (Category::Tool, "tool"),
    (Category::Methodology, "methodology"),
    (Category::Domain, "domain"),
    (Category::SoftSkill, "soft-skill"),
    (Category::SpokenLanguage, "spoken-language"),
    (Category::Certification, "certification"),
];

impl Category {
    /// The kebab-case name used in the data file and in JSON.
    pub fn as_str(self) -> &'static str {
        NAMES.iter().find(|(c, _)| *c == self).map_or("tool", |(_, n)| n)
    }

    /// Parses a kebab-case name; `None` for an unknown one.
    pub fn parse(name: &str) -> Option<Category> {
        NAMES.iter().find(|(_, n)| *n == name).map(|(c, _)| *c)
    }

    /// Hard or soft.
    pub fn kind(self) -> SkillKind {
        if self == Category::SoftSkill { SkillKind::Soft } else { SkillKind::Hard }
    }
}

impl SkillKind {
    /// `hard` or `soft`.
    pub fn as_str(self) -> &'static str {
        match self {
            SkillKind::Hard => "hard",
            SkillKind::Soft => "soft",
        }
    }
}
