//! Skill extraction: every lexicon skill in a document, with its line,
//! byte offsets and section.

use std::sync::OnceLock;

use regex::Regex;
use serde::Serialize;

use crate::context::{self, OtherSense};
use crate::document::Document;
use crate::lexicon::{Category, Lexicon, LexiconError, SkillId};
use crate::matcher::{Hit, Matcher, Scratch};
use crate::sections::{Section, Tier, line_sections, tier};

/// One occurrence of a skill in a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SkillMatch {
    /// 1-based line number.
    pub line: usize,
    /// UTF-8 byte offset in the original line (as in the file) where the match starts.
    pub start: usize,
    /// UTF-8 byte offset in the original line where the match ends, exclusive.
    pub end: usize,
    /// The canonical skill.
    pub skill: SkillId,
    /// The section of the line.
    pub section: Section,
    /// Part of a role name or job title (`Java Developer`, `DevOps team`),
    /// not a skill asked for or shown on its own (see [`crate::context`]).
    pub role: bool,
}

/// A document with its sections and skill occurrences.
#[derive(Debug, Clone)]
pub struct Analysis {
    /// The loaded document.
    pub doc: Document,
    /// Section of each line (index 0 is line 1).
    pub sections: Vec<Section>,
    /// The heading lines, `(1-based line, section it opens)`, in order.
    pub headings: Vec<(usize, Section)>,
    /// Every skill occurrence, in document order (by line, then start; not de-duplicated).
    pub matches: Vec<SkillMatch>,
    /// The [`tier`] of each line (index 0 is line 1), worked out when first asked.
    tiers: Vec<OnceLock<Option<Tier>>>,
}

impl Analysis {
    /// The matched text of `m`, as written in the file.
    pub fn surface(&self, m: &SkillMatch) -> &str {
        &self.doc.original_line(m.line)[m.start..m.end]
    }

    /// The section of 1-based line `n`.
    pub fn section(&self, n: usize) -> Section {
        self.sections.get(n.wrapping_sub(1)).copied().unwrap_or(Section::Other)
    }

    /// The [`tier`] of a requirement on 1-based line `n`: `None` in boilerplate.
    pub fn tier(&self, n: usize) -> Option<Tier> {
        match self.tiers.get(n.wrapping_sub(1)) {
            Some(cell) => *cell.get_or_init(|| tier(self.section(n), self.doc.line(n))),
            None => tier(Section::Other, ""),
        }
    }
}

/// The lexicon and its compiled matcher; build once per process.
#[derive(Debug)]
pub struct Extractor {
    /// The lexicon in use.
    pub lexicon: Lexicon,
    matcher: Matcher,
}

impl Extractor {
    /// An extractor for `lexicon`.
    pub fn new(lexicon: Lexicon) -> Extractor {
        let matcher = Matcher::new(&lexicon);
        Extractor { lexicon, matcher }
    }

    /// An extractor for the embedded lexicon.
    ///
    /// Errors: `LexiconError::Parse` if the embedded lexicon is malformed.
    pub fn embedded() -> Result<Extractor, LexiconError> {
        Ok(Extractor::new(Lexicon::embedded()?))
    }

    /// Skill occurrences in raw text (no sections), as `(1-based line, hit)`;
    /// the hot path measured by the benchmark.
    pub fn find_in_text(&self, text: &str) -> Vec<(usize, Hit)> {
        let mut scratch = Scratch::default();
        let mut hits = Vec::new();
        let mut out = Vec::new();
        for (i, line) in text.split('\n').enumerate() {
            hits.clear();
            self.matcher.find_into(line, &mut scratch, &mut hits);
            drop_links(line, &mut hits);
            self.drop_adjectives(line, &mut hits);
            self.resolve_senses(line, &mut hits);
            out.extend(hits.iter().map(|h| (i + 1, *h)));
        }
        out
    }

    /// Sections and skill occurrences of `doc`.
    pub fn analyze(&self, doc: Document) -> Analysis {
        let mut statements: Vec<usize> =
            crate::sections::statement_starts(&doc.text).into_iter().map(|at| doc.line_of(at)).collect();
        statements.dedup();
        let (sections, headings) = line_sections(doc.lines().map(|(_, l)| l), &statements);
        let mut found = self.find_in_text(&doc.text);
        self.add_title_fields(&doc, &sections, &mut found);
        let mut title = (0, false);
        let matches = found
            .into_iter()
            .map(|(line, h)| {
                let text = doc.line(line);
                if title.0 != line {
                    title = (line, context::is_title_line(text));
                }
                SkillMatch {
                    line,
                    start: doc.original_offset(line, h.start),
                    end: doc.original_offset(line, h.end),
                    skill: h.skill,
                    section: sections[line - 1],
                    role: title.1 || context::before_role_word(text, h.end),
                }
            })
            .collect();
        let tiers = sections.iter().map(|_| OnceLock::new()).collect();
        Analysis { doc, sections, headings, matches, tiers }
    }

    /// Adds to `found` (hits by 1-based line, in order) the field a title
    /// line of the header, experience or projects names by its role word
    /// ([`context::title_field`]): `Senior Product Manager` shows product
    /// management, `Data Scientist` data science, as the hit of the title's
    /// words up to the role word, unless the line has that skill already.
    fn add_title_fields(&self, doc: &Document, sections: &[Section], found: &mut Vec<(usize, Hit)>) {
        const TITLE_SECTIONS: [Section; 3] = [Section::Header, Section::Experience, Section::Projects];
        let mut added = Vec::new();
        for (n, line) in doc.lines() {
            if !TITLE_SECTIONS.contains(&sections[n - 1]) {
                continue;
            }
            let Some((start, end, field)) = context::title_field(line) else { continue };
            let named = format!("{}{field}", &line[..start]);
            let hit = self.matcher.find(&named).into_iter().rfind(|h| h.end == named.len());
            // `found` is in line order: the line's own hits are a run of it.
            let on_line = found[found.partition_point(|&(l, _)| l < n)..].iter().take_while(|&&(l, _)| l == n);
            let Some(hit) = hit.filter(|h| !on_line.clone().any(|(_, f)| f.skill == h.skill)) else { continue };
            added.push((n, Hit { start: hit.start, end, skill: hit.skill }));
        }
        if !added.is_empty() {
            found.extend(added);
            found.sort_by_key(|(n, h)| (*n, h.start, h.end));
        }
    }

    /// Gives hits with another sense on this line ([`context::other_sense`])
    /// that sense's skill, or removes them when it is none or not in the lexicon.
    fn resolve_senses(&self, line: &str, hits: &mut Vec<Hit>) {
        hits.retain_mut(|h| match context::other_sense(line, h.start, h.end) {
            None => true,
            Some(OtherSense::NoSkill) => false,
            Some(OtherSense::Skill(name)) => self.lexicon.id_of(name).map(|id| h.skill = id).is_some(),
        });
    }

    /// Removes spoken languages used as adjectives (`Danish universities`).
    fn drop_adjectives(&self, line: &str, hits: &mut Vec<Hit>) {
        hits.retain(|h| {
            self.lexicon.skill(h.skill).category != Category::SpokenLanguage || !context::is_adjective(line, h.end)
        });
    }
}

/// Removes hits inside URLs and e-mail addresses (`https://github.com/x/rust`).
fn drop_links(line: &str, hits: &mut Vec<Hit>) {
    if hits.is_empty() || !(line.contains("://") || line.contains('@') || line.contains("www.")) {
        return;
    }
    static LINK: OnceLock<Regex> = OnceLock::new();
    let link =
        LINK.get_or_init(|| Regex::new(r"(?i)\b(?:[a-z][a-z0-9+.-]*://|www\.)\S+|\S+@\S+\.\w+").expect("valid regex"));
    let spans: Vec<(usize, usize)> = link.find_iter(line).map(|m| (m.start(), m.end())).collect();
    hits.retain(|h| !spans.iter().any(|&(s, e)| h.start < e && s < h.end));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_are_not_skills() {
        let ex = Extractor::embedded().unwrap();
        let found = ex.find_in_text("Rust: <https://github.com/qti3e/rust/commit/1> rust@example.com, HTTP");
        let names: Vec<&str> = found.iter().map(|(_, h)| ex.lexicon.skill(h.skill).name.as_str()).collect();
        assert_eq!(names, ["Rust", "HTTP"]);
    }

    #[test]
    fn a_title_shows_the_field_its_role_word_names() {
        let ex = Extractor::embedded().unwrap();
        let cv = "Jo Doe\nSenior Product Manager\n\nExperience\nData Scientist, Acme\n2019 - 2021\n- Managed product roadmaps\n";
        let a = ex.analyze(Document::from_text("cv.md".as_ref(), cv).unwrap());
        let shown: Vec<(usize, &str, &str)> =
            a.matches.iter().map(|m| (m.line, a.surface(m), ex.lexicon.skill(m.skill).name.as_str())).collect();
        assert!(shown.contains(&(2, "Product Manager", "Product management")), "{shown:?}");
        assert!(shown.contains(&(5, "Data Scientist", "Data science")), "{shown:?}");
        assert!(a.matches.windows(2).all(|w| (w[0].line, w[0].start) <= (w[1].line, w[1].start)), "in order");
    }

    #[test]
    fn an_alias_beside_its_other_sense_words_names_that_skill() {
        let ex = Extractor::embedded().unwrap();
        let names = |text: &str| -> Vec<String> {
            ex.find_in_text(text).iter().map(|(_, h)| ex.lexicon.skill(h.skill).name.clone()).collect()
        };
        assert_eq!(names("Running Spark jobs on EMR"), ["Apache Spark", "Amazon EMR"]);
        assert_eq!(names("Charting in the EMR"), ["Electronic health record"]);
        assert_eq!(names("Lower CPA and ROAS"), Vec::<String>::new());
        for skill in context::other_sense_skills() {
            assert!(ex.lexicon.id_of(skill).is_some(), "lexicon/context.tsv names {skill:?}, not in the lexicon");
        }
    }
}

/// A skill occurrence as printed by `jobfit skills` (JSON shape of `matches[]`).
#[derive(Debug, Clone, Serialize)]
pub struct MatchRecord {
    /// 1-based line.
    pub line: usize,
    /// Byte offset in the original line, inclusive.
    pub start: usize,
    /// Byte offset in the original line, exclusive.
    pub end: usize,
    /// The text as written.
    pub surface: String,
    /// Canonical skill name.
    pub skill: String,
    /// Skill category (kebab-case).
    pub category: &'static str,
    /// `hard` or `soft`.
    pub kind: &'static str,
    /// Section of the line (kebab-case).
    pub section: &'static str,
    /// Part of a role name or job title (`Java Developer`).
    pub role: bool,
}

impl Extractor {
    /// The printable records of every match in `analysis`.
    pub fn records(&self, analysis: &Analysis) -> Vec<MatchRecord> {
        analysis
            .matches
            .iter()
            .map(|m| {
                let skill = self.lexicon.skill(m.skill);
                MatchRecord {
                    line: m.line,
                    start: m.start,
                    end: m.end,
                    surface: analysis.surface(m).to_string(),
                    skill: skill.name.clone(),
                    category: skill.category.as_str(),
                    kind: skill.category.kind().as_str(),
                    section: m.section.as_str(),
                    role: m.role,
                }
            })
            .collect()
    }
}
