//! ESCO v1.1.1: the digital, transversal and language skill collections,
//! with the alternative and hidden labels of `skills_en.csv`.

use std::collections::HashMap;
use std::path::Path;

use super::{BuildError, Candidate, format_err, sentence_case};
use crate::lexicon::{Category, Lexicon, SkillId};
use crate::tokenize::phrase_key;

type Record = HashMap<String, String>;

/// Reads the three collections from the ESCO CSV folder.
pub fn read(dir: &Path) -> Result<Vec<Candidate>, BuildError> {
    let labels = hidden_and_alt_labels(&dir.join("skills_en.csv"))?;
    let mut out = Vec::new();
    for (file, pick) in [
        ("digitalSkillsCollection_en.csv", digital as fn(&Record) -> Option<Category>),
        ("transversalSkillsCollection_en.csv", transversal),
        ("languageSkillsCollection_en.csv", language),
    ] {
        for record in records(&dir.join(file))? {
            let Some(category) = pick(&record) else { continue };
            let uri = field(&record, "conceptUri");
            let name = sentence_case(clean_label(field(&record, "preferredLabel")));
            let mut aliases: Vec<String> = split_labels(field(&record, "altLabels")).map(clean_label).collect();
            if let Some(extra) = labels.get(uri) {
                aliases.extend(extra.iter().map(|l| clean_label(l)));
            }
            out.push(Candidate { name, category, aliases, same_as: Vec::new(), source: "esco" });
        }
    }
    Ok(out)
}

/// Narrower → broader pairs of ESCO knowledge/skill concepts (skill groups
/// left out) whose preferred labels both name a skill of `lexicon`.
pub fn broader(dir: &Path, lexicon: &Lexicon) -> Result<Vec<(SkillId, SkillId)>, BuildError> {
    let by_key = lexicon.alias_index();
    let skill_of: HashMap<String, SkillId> = records(&dir.join("skills_en.csv"))?
        .iter()
        .filter_map(|r| {
            let id = by_key.get(&phrase_key(&clean_label(field(r, "preferredLabel"))))?;
            Some((field(r, "conceptUri").to_string(), *id))
        })
        .collect();
    let mut pairs: Vec<(SkillId, SkillId)> = records(&dir.join("broaderRelationsSkillPillar.csv"))?
        .iter()
        .filter(|r| field(r, "broaderType") == "KnowledgeSkillCompetence")
        .filter_map(|r| Some((*skill_of.get(field(r, "conceptUri"))?, *skill_of.get(field(r, "broaderUri"))?)))
        .filter(|(a, b)| a != b)
        .collect();
    pairs.sort_unstable();
    pairs.dedup();
    Ok(pairs)
}

fn records(path: &Path) -> Result<Vec<Record>, BuildError> {
    let mut reader = csv::Reader::from_path(path).map_err(|e| format_err(path, e))?;
    reader.deserialize().collect::<Result<Vec<Record>, _>>().map_err(|e| format_err(path, e))
}

fn field<'a>(record: &'a Record, name: &str) -> &'a str {
    record.get(name).map_or("", String::as_str)
}

/// conceptUri → altLabels and hiddenLabels of the full skills table.
fn hidden_and_alt_labels(path: &Path) -> Result<HashMap<String, Vec<String>>, BuildError> {
    Ok(records(path)?
        .into_iter()
        .map(|r| {
            let labels = [field(&r, "altLabels"), field(&r, "hiddenLabels")]
                .iter()
                .flat_map(|cell| split_labels(cell))
                .map(str::to_string)
                .collect();
            (field(&r, "conceptUri").to_string(), labels)
        })
        .collect())
}

/// Labels in a cell: one a line in `skills_en.csv`, ` | `-separated in the collections.
fn split_labels(cell: &str) -> impl Iterator<Item = &str> {
    cell.lines().flat_map(|l| l.split(" | ")).filter(|l| !l.trim().is_empty())
}

/// `Python (computer programming)` → `Python`; trims spaces.
fn clean_label(label: &str) -> String {
    let label = label.trim();
    match label.find(" (") {
        Some(i) if label.ends_with(')') => label[..i].trim().to_string(),
        _ => label.to_string(),
    }
}

fn digital(r: &Record) -> Option<Category> {
    let broader = field(r, "broaderConceptPT").to_lowercase();
    let label = field(r, "preferredLabel");
    let proper = label.chars().next().is_some_and(char::is_uppercase);
    Some(if field(r, "skillType") != "knowledge" {
        Category::Domain
    } else if broader.contains("programming") && proper {
        Category::ProgrammingLanguage
    } else if broader.contains("database") && proper {
        Category::Database
    } else if broader.contains("methodolog") {
        Category::Methodology
    } else if proper {
        Category::Tool
    } else {
        Category::Domain
    })
}

fn transversal(_: &Record) -> Option<Category> {
    Some(Category::SoftSkill)
}

fn language(r: &Record) -> Option<Category> {
    (field(r, "skillType") == "knowledge").then_some(Category::SpokenLanguage)
}
