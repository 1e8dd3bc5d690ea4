//! Requirement tiers on the bundled real job posts: a skill asked for in a
//! clause that says `nice to have`/`a plus` is preferred, one in a clause
//! that says `must`/`required` (and no preferred cue) is required.

use std::path::Path;

use jobfit::extract::Extractor;
use jobfit::keywords::Background;
use jobfit::score::{JobFacts, Kind, Weights};
use jobfit::sections::Tier;

const PREFERRED: [&str; 3] = ["nice to have", "is a plus", "would be a plus"];
const REQUIRED: [&str; 2] = ["must have", "is required"];

#[test]
fn cue_lines_set_tiers_on_real_posts() {
    let extractor = Extractor::embedded().unwrap();
    let background = Background::embedded().unwrap();
    let (mut preferred, mut required) = (0, 0);
    for entry in std::fs::read_dir("job_posts").unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "txt") {
            continue;
        }
        let job = extractor.analyze(jobfit::document::Document::load(Path::new(&path)).unwrap());
        let facts = JobFacts::of(&extractor, &background, &job, &Weights::default());
        for r in facts.requirements.iter().filter(|r| r.kind == Kind::Hard) {
            let line = job.doc.line(r.line).to_lowercase();
            let line = clause_of(&line, &r.keyword.to_lowercase());
            let says = |cues: &[&str]| cues.iter().any(|c| line.contains(c));
            if says(&PREFERRED) {
                assert_eq!(r.tier, Tier::Preferred, "{}:{}: {:?} in {line:?}", path.display(), r.line, r.keyword);
                preferred += 1;
            } else if says(&REQUIRED) && !line.contains("preferred") && !line.contains("plus") {
                assert_eq!(r.tier, Tier::Required, "{}:{}: {:?} in {line:?}", path.display(), r.line, r.keyword);
                required += 1;
            }
        }
    }
    assert!(preferred >= 5 && required >= 5, "too few cue lines checked: {preferred} preferred, {required} required");
}

/// The clause of `line` (split at `; ` and `. `) that holds `keyword`, or the whole line.
fn clause_of<'a>(line: &'a str, keyword: &str) -> &'a str {
    line.split("; ").flat_map(|c| c.split(". ")).find(|c| c.contains(keyword)).unwrap_or(line)
}
