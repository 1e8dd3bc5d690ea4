//! Merging candidates from all sources into canonical skills: the same
//! skill (one's name is another's name or alias, in the singular or the
//! plural: `geographic information systems`, `Geographic information
//! system`) becomes one entry, and every alias belongs to one skill only
//! (the first, in source priority, to claim it or its other number).

use std::collections::{BTreeSet, HashMap};

use super::english::Ordinary;
use super::{Candidate, Overrides};
use crate::lexicon::{Alias, Category, Lexicon, Skill, sort_key};
use crate::tokenize::{phrase_key, tokenize};

struct Entry {
    name: String,
    category: Category,
    aliases: Vec<Alias>,
    sources: BTreeSet<&'static str>,
}

#[derive(Default)]
struct Merger {
    entries: Vec<Entry>,
    by_name: HashMap<String, usize>,
    by_alias: HashMap<String, usize>,
    /// [`number_key`] of each claimed alias → its entry.
    by_number: HashMap<String, usize>,
}

/// Merges `candidates` (in priority order) into a sorted lexicon.
pub fn merge(candidates: Vec<Candidate>, overrides: &Overrides, english: &Ordinary) -> Lexicon {
    let mut m = Merger::default();
    for c in candidates {
        let name_key = phrase_key(&c.name);
        if name_key.is_empty() || (c.source != "overrides" && overrides.drop.contains(&name_key)) {
            continue;
        }
        let index = m.entry_for(&c, &name_key);
        m.entries[index].sources.insert(c.source);
        let name = (c.source != "overrides").then_some(&c.name);
        for form in name.into_iter().chain(&c.aliases).chain(&c.same_as) {
            if let Some(alias) = accept(form, &c, overrides, english) {
                m.claim(index, alias);
            }
        }
    }
    let mut skills: Vec<Skill> = m
        .entries
        .into_iter()
        .filter(|e| !e.aliases.is_empty())
        .map(|e| Skill {
            name: e.name,
            category: e.category,
            aliases: e.aliases,
            sources: e.sources.into_iter().map(str::to_string).collect(),
        })
        .collect();
    skills.sort_by_cached_key(|s| sort_key(&s.name));
    Lexicon { skills, relations: Vec::new() }
}

impl Merger {
    /// The entry this candidate merges into, creating one if none matches.
    fn entry_for(&mut self, c: &Candidate, name_key: &str) -> usize {
        let found = self
            .by_name
            .get(name_key)
            .or_else(|| self.by_alias.get(name_key))
            .or_else(|| self.by_number.get(number_key(name_key)))
            .copied()
            .or_else(|| c.same_as.iter().find_map(|a| self.by_name.get(&phrase_key(a)).copied()));
        found.unwrap_or_else(|| {
            self.entries.push(Entry {
                name: c.name.clone(),
                category: c.category,
                aliases: Vec::new(),
                sources: BTreeSet::new(),
            });
            let index = self.entries.len() - 1;
            self.by_name.insert(name_key.to_string(), index);
            index
        })
    }

    /// Gives `alias` to entry `index` unless another entry holds it or its
    /// other number (an entry may hold both: the matcher reads plurals anyway).
    fn claim(&mut self, index: usize, alias: Alias) {
        let key = phrase_key(&alias.text);
        let number = number_key(&key).to_string();
        if self.by_alias.contains_key(&key) || self.by_number.get(&number).is_some_and(|&i| i != index) {
            return;
        }
        self.by_alias.insert(key, index);
        self.by_number.insert(number, index);
        self.entries[index].aliases.push(alias);
    }
}

/// A phrase key without the plural `s` of its last word, when that word has
/// five letters or more and does not end in `ss` (`systems` → `system`;
/// `class`, `CIMS`, `Kubernetes`' `es` kept as `kubernete`, which no other
/// skill names): the key a skill's singular and plural forms share.
fn number_key(key: &str) -> &str {
    let last = key.rsplit(' ').next().unwrap_or(key);
    let plural = last.len() >= 5 && last.ends_with('s') && !last.ends_with("ss");
    if plural { &key[..key.len() - 1] } else { key }
}

/// The alias to keep for `form`, or `None`: overrides are taken as written;
/// from other sources, stop-listed aliases and one- and two-letter words are
/// dropped, and so are ordinary English words, except the capitalized names
/// of languages and tools (Linguist, devicon, an O*NET product name), which
/// match only with that capitalization (`Rust`, `Swift`, `Chef`). O*NET's
/// long tail of products named by a capitalized word (`Sunrise`,
/// `Encompass`) matches only as written too.
fn accept(form: &str, c: &Candidate, overrides: &Overrides, english: &Ordinary) -> Option<Alias> {
    let form = form.trim();
    if let Some(exact) = form.strip_prefix('=') {
        return Some(Alias { text: exact.to_string(), case_sensitive: true });
    }
    let key = phrase_key(form);
    if key.is_empty() {
        return None;
    }
    if c.source == "overrides" {
        return Some(Alias { text: form.to_string(), case_sensitive: false });
    }
    if overrides.stop.contains(&key) || !is_one_plain_word(form) {
        return (!overrides.stop.contains(&key)).then(|| Alias { text: form.to_string(), case_sensitive: false });
    }
    if key.chars().count() <= 2 {
        return None;
    }
    let product = matches!(c.source, "linguist" | "devicon" | "onet");
    let ordinary = if product { &english.products } else { &english.prose };
    if !ordinary.contains(&key) {
        let case_sensitive = c.source == "onet" && is_capitalized_word(form);
        return Some(Alias { text: form.to_string(), case_sensitive });
    }
    let named = matches!(c.source, "linguist" | "devicon") || (c.source == "onet" && form == c.name);
    if !named {
        return None;
    }
    let capitalized =
        [form, c.name.as_str()].into_iter().find(|f| phrase_key(f) == key && f.chars().any(char::is_uppercase));
    capitalized.map(|f| Alias { text: f.to_string(), case_sensitive: true })
}

/// An uppercase letter, then lowercase ones (`Sunrise`, not `AutoCAD`).
fn is_capitalized_word(form: &str) -> bool {
    let mut chars = form.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.all(char::is_lowercase)
}

/// One token made of letters only (`make`, `Rust`), the shape of an ordinary word.
fn is_one_plain_word(form: &str) -> bool {
    let tokens = tokenize(form);
    tokens.len() == 1 && form.chars().all(char::is_alphabetic)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn candidate(name: &str, aliases: &[&str], source: &'static str) -> Candidate {
        Candidate {
            name: name.to_string(),
            category: Category::Domain,
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            same_as: Vec::new(),
            source,
        }
    }

    fn skills(candidates: Vec<Candidate>) -> Vec<(String, Vec<String>)> {
        let lexicon = merge(candidates, &Overrides::default(), &Ordinary::default());
        lexicon.skills.into_iter().map(|s| (s.name, s.aliases.into_iter().map(|a| a.text).collect())).collect()
    }

    #[test]
    fn singular_and_plural_names_are_one_skill() {
        let found = skills(vec![
            candidate("geographic information systems", &["GIS"], "esco"),
            candidate("Geographic information system", &["Geographic information system GIS software"], "onet"),
            candidate("Learning management system", &[], "onet"),
            candidate("learning management systems", &[], "esco"),
        ]);
        let names: Vec<&str> = found.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["geographic information systems", "Learning management system"]);
        assert_eq!(found[1].1, ["Learning management system", "learning management systems"]);
    }

    #[test]
    fn the_other_number_of_a_claimed_alias_stays_with_its_skill() {
        let found = skills(vec![
            candidate("Tax preparation", &["tax returns"], "esco"),
            candidate("manage finances", &["tax return", "budgets"], "esco"),
            candidate("Class", &["classes"], "esco"),
            candidate("CIMS", &[], "onet"),
            candidate("CIM", &[], "onet"),
        ]);
        let aliases = |name: &str| found.iter().find(|(n, _)| n == name).map(|(_, a)| a.clone()).unwrap();
        assert_eq!(aliases("manage finances"), ["manage finances", "budgets"]);
        assert_eq!(aliases("CIM"), ["CIM"], "short words are not read as plurals");
        assert_eq!(number_key("classes"), "classe");
        assert_eq!(number_key("class"), "class");
        assert_eq!(number_key("tax returns"), "tax return");
    }
}
