//! devicon `devicon.json`: developer tools with alternative names and tags;
//! display names are spelled as simple-icons spells the brand.

use std::collections::HashMap;
use std::path::Path;

use serde::Deserialize;

use super::{BuildError, Candidate, format_err, read_text};
use crate::lexicon::Category;

#[derive(Deserialize)]
struct Icon {
    name: String,
    #[serde(default)]
    altnames: Vec<String>,
    #[serde(default)]
    tags: Vec<String>,
}

#[derive(Deserialize)]
struct Brand {
    title: String,
    slug: String,
}

/// Reads devicon's tools; `simple_icons` gives their canonical spelling.
pub fn read(devicon: &Path, simple_icons: &Path) -> Result<Vec<Candidate>, BuildError> {
    let icons: Vec<Icon> = serde_json::from_str(&read_text(devicon)?).map_err(|e| format_err(devicon, e))?;
    let brands: Vec<Brand> =
        serde_json::from_str(&read_text(simple_icons)?).map_err(|e| format_err(simple_icons, e))?;
    let mut spelling = HashMap::new();
    for brand in &brands {
        spelling.entry(brand.slug.clone()).or_insert_with(|| brand.title.clone());
        spelling.entry(squash(&brand.title)).or_insert_with(|| brand.title.clone());
    }
    Ok(icons.into_iter().map(|icon| candidate(icon, &spelling)).collect())
}

fn candidate(icon: Icon, spelling: &HashMap<String, String>) -> Candidate {
    let forms = std::iter::once(&icon.name).chain(&icon.altnames);
    let name = forms
        .clone()
        .find_map(|f| spelling.get(&squash(f)).cloned())
        .or_else(|| icon.altnames.iter().find(|a| a.chars().any(char::is_uppercase)).cloned())
        .unwrap_or_else(|| icon.name.clone());
    Candidate {
        name,
        category: category(&icon.tags),
        aliases: Vec::new(),
        same_as: forms.cloned().collect(),
        source: "devicon",
    }
}

/// Lowercase letters and digits only: `Node.js` → `nodejs`.
fn squash(s: &str) -> String {
    s.chars().filter(char::is_ascii_alphanumeric).map(|c| c.to_ascii_lowercase()).collect()
}

fn category(tags: &[String]) -> Category {
    let has = |t: &str| tags.iter().any(|tag| tag == t);
    if has("language") {
        Category::ProgrammingLanguage
    } else if has("database") {
        Category::Database
    } else if has("framework") || has("library") {
        Category::Framework
    } else if has("cloud") || has("os") {
        Category::Platform
    } else {
        Category::Tool
    }
}
