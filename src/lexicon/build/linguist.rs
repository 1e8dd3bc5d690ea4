//! GitHub Linguist `languages.yml`: programming languages (and the popular
//! markup languages) with their aliases (`Go: [golang]`, `Shell: [sh, bash]`).

use std::collections::{BTreeMap, HashSet};
use std::path::Path;

use serde::Deserialize;

use super::{BuildError, Candidate, format_err, read_text};
use crate::lexicon::Category;

#[derive(Deserialize)]
struct Language {
    #[serde(rename = "type")]
    kind: String,
    #[serde(default)]
    aliases: Vec<String>,
}

/// Reads `languages.yml` and `popular.yml` from the Linguist folder: every
/// language of type `programming`, and markup or data languages listed as popular.
pub fn read(dir: &Path) -> Result<Vec<Candidate>, BuildError> {
    let languages_path = dir.join("languages.yml");
    let popular_path = dir.join("popular.yml");
    let languages: BTreeMap<String, Language> =
        serde_yaml_ng::from_str(&read_text(&languages_path)?).map_err(|e| format_err(&languages_path, e))?;
    let popular: HashSet<String> =
        serde_yaml_ng::from_str(&read_text(&popular_path)?).map_err(|e| format_err(&popular_path, e))?;
    Ok(languages
        .into_iter()
        .filter(|(name, lang)| lang.kind == "programming" || popular.contains(name))
        .map(|(name, lang)| Candidate {
            name,
            category: Category::ProgrammingLanguage,
            aliases: lang.aliases,
            same_as: Vec::new(),
            source: "linguist",
        })
        .collect())
}
