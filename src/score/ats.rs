//! What an ATS parser needs to read a résumé: contact details, and section
//! headings it recognizes (Experience, Education, Skills).

use serde::Serialize;

use crate::contact::Contact;
use crate::extract::Analysis;
use crate::sections::Section;

/// Sections an ATS expects every résumé to have a recognizable heading for.
const EXPECTED: [Section; 3] = [Section::Experience, Section::Education, Section::Skills];

/// A section heading of the résumé.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Heading {
    /// 1-based line.
    pub line: usize,
    /// The heading as written, trimmed.
    pub text: String,
    /// The section it opens (`other` when jobfit does not classify it).
    pub section: &'static str,
}

/// The résumé as an ATS parser reads it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AtsFacts {
    /// Contact details found anywhere in the résumé.
    pub contact: Contact,
    /// Its section headings, in order.
    pub headings: Vec<Heading>,
    /// Expected sections (experience, education, skills) with no recognizable heading.
    pub missing_sections: Vec<&'static str>,
}

/// The ATS facts of an analyzed résumé.
pub fn ats_facts(resume: &Analysis) -> AtsFacts {
    let headings: Vec<Heading> = resume
        .headings
        .iter()
        .map(|&(n, s)| Heading { line: n, text: resume.doc.line(n).trim().to_string(), section: s.as_str() })
        .collect();
    let missing_sections =
        EXPECTED.iter().map(|s| s.as_str()).filter(|s| !headings.iter().any(|h| h.section == *s)).collect();
    AtsFacts { contact: Contact::of(&resume.doc.text), headings, missing_sections }
}
