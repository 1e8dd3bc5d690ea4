//! JSON output parsed back into typed structs, as a consumer would.

use std::process::Command;

use serde::Deserialize;

const SEED: &str = "resumes/systems-engineer-alireza-ghadimi.txt";
const LINUX_POST: &str = "job_posts/tech-dev-028-senior-linux-developer-ethernet.txt";

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Report {
    schema_version: u32,
    resume: String,
    job: String,
    score: f64,
    breakdown: Breakdown,
    matched: Vec<Finding>,
    missing: Vec<Finding>,
    total_years: f64,
    experience: Experience,
    advice: Vec<Advice>,
    years_required: Vec<YearsRequirement>,
    degree_required: Option<DegreeRequirement>,
    title: TitleMatch,
    ats: Ats,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Ats {
    contact: Contact,
    headings: Vec<Heading>,
    missing_sections: Vec<String>,
}

#[derive(Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
struct Contact {
    email: bool,
    phone: bool,
    url: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Heading {
    line: usize,
    text: String,
    section: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct DegreeRequirement {
    job_line: usize,
    job_text: String,
    level: String,
    field: Option<String>,
    tier: String,
    resume_level: Option<String>,
    resume_line: Option<usize>,
    or_years: Option<u32>,
    met: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct TitleMatch {
    job_title: String,
    resume_title: Option<String>,
    resume_line: Option<usize>,
    overlap: f64,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct YearsRequirement {
    job_line: usize,
    phrase: String,
    years: u32,
    skills: Vec<String>,
    resume_years: f64,
    undated: bool,
    met: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Experience {
    total_years: f64,
    roles: Vec<Role>,
    skill_years: std::collections::BTreeMap<String, f64>,
}

#[derive(Debug, Deserialize)]
struct Role {
    title: String,
    employer: Option<String>,
    start: String,
    end: String,
    months: u32,
}

#[derive(Debug, Deserialize)]
struct Advice {
    kind: String,
    skill: String,
    resume_line: Option<usize>,
    message: String,
}

#[derive(Debug, Deserialize)]
struct Breakdown {
    hard_skills: Component,
    soft_skills: Component,
    keywords: Component,
    title: Component,
    education: Component,
    experience: Component,
    uncapped_score: Option<f64>,
}

#[derive(Debug, Deserialize)]
struct Component {
    score: f64,
    share: f64,
    points: f64,
    max_points: f64,
    matched: usize,
    total: usize,
}

#[derive(Debug, Deserialize)]
struct Finding {
    keyword: String,
    skill: Option<String>,
    kind: String,
    tier: String,
    importance: f64,
    credit: f64,
    gain: f64,
    related: Option<String>,
    #[serde(default)]
    alternatives: Vec<String>,
    job_line: usize,
    job_text: String,
    resume_line: Option<usize>,
    resume_text: Option<String>,
}

#[derive(Debug, Deserialize)]
struct Skills {
    matches: Vec<SkillMatch>,
}

#[derive(Debug, Deserialize)]
struct SkillMatch {
    line: usize,
    start: usize,
    end: usize,
    surface: String,
    skill: String,
    category: String,
    section: String,
}

fn jobfit(args: &[&str]) -> (String, i32) {
    let out = Command::new(env!("CARGO_BIN_EXE_jobfit")).args(args).output().expect("run jobfit");
    (String::from_utf8(out.stdout).expect("UTF-8 output"), out.status.code().unwrap_or(-1))
}

fn score(resume: &str, job: &str) -> Report {
    let (stdout, code) = jobfit(&["score", resume, job, "--format", "json", "--as-of", "2026-11"]);
    assert_eq!(code, 0);
    serde_json::from_str(&stdout).expect("valid score JSON")
}

#[test]
fn score_json_is_consistent() {
    let r = score(SEED, LINUX_POST);
    assert_eq!(r.schema_version, 1);
    assert_eq!((r.resume.as_str(), r.job.as_str()), (SEED, LINUX_POST));
    assert!((0.0..=100.0).contains(&r.score));
    let b = &r.breakdown;
    let all = [&b.hard_skills, &b.soft_skills, &b.keywords, &b.title, &b.education, &b.experience];
    let shares: f64 = all.iter().map(|c| c.share).sum();
    assert!((shares - 1.0).abs() < 0.01, "shares add up to 1: {shares}");
    let skills = [&b.hard_skills, &b.soft_skills, &b.keywords];
    let total: usize = skills.iter().map(|c| c.total).sum();
    assert_eq!(total, r.matched.len() + r.missing.len());
    let met: usize = skills.iter().map(|c| c.matched).sum();
    assert_eq!(met, r.matched.len() + r.missing.iter().filter(|f| f.related.is_some()).count());
    assert!(b.uncapped_score.is_none_or(|u| u > r.score));
    let findings = || r.matched.iter().chain(&r.missing);
    let profile = [&b.title, &b.education, &b.experience];
    let earned: f64 = findings().map(|f| f.credit).sum::<f64>() + profile.iter().map(|c| c.points).sum::<f64>();
    let available: f64 =
        findings().map(|f| f.credit + f.gain).sum::<f64>() + profile.iter().map(|c| c.max_points).sum::<f64>();
    let uncapped = b.uncapped_score.unwrap_or(r.score);
    assert!(
        (earned - uncapped).abs() < 0.2,
        "credits and sub-score points add up to the score: {earned} vs {uncapped}"
    );
    assert!((available - 100.0).abs() < 0.5, "all credits add up to 100: {available}");
    assert!(r.matched.iter().all(|f| f.gain == 0.0), "a met requirement has nothing left to gain");
    for c in all {
        assert!((0.0..=100.0).contains(&c.score) && c.matched <= c.total);
        assert!((c.points - c.score * c.share).abs() < 0.1);
    }
    assert_eq!((b.title.total, b.education.total, b.experience.total), (3, 1, 1), "title words, degree, years asked");
}

#[test]
fn findings_point_at_real_lines() {
    let r = score(SEED, LINUX_POST);
    let resume = std::fs::read_to_string(SEED).unwrap();
    let job = std::fs::read_to_string(LINUX_POST).unwrap();
    for f in r.matched.iter().chain(&r.missing) {
        assert_eq!(job.lines().nth(f.job_line - 1).map(str::trim), Some(f.job_text.as_str()));
        assert!(["hard", "soft", "keyword"].contains(&f.kind.as_str()));
        assert!(["required", "responsibility", "preferred", "mentioned"].contains(&f.tier.as_str()));
        assert!(f.importance > 0.0 && !f.keyword.is_empty());
        assert_eq!(f.skill.is_none(), f.kind == "keyword");
    }
    for f in &r.matched {
        let line = f.resume_line.expect("matched findings have evidence");
        assert_eq!(resume.lines().nth(line - 1).map(str::trim), f.resume_text.as_deref());
    }
    assert!(r.missing.windows(2).all(|w| w[0].gain >= w[1].gain), "missing is ranked by score gain");
    let names: Vec<_> = r.matched.iter().filter_map(|f| f.skill.as_deref()).collect();
    for expected in ["C", "Linux", "Virtualization", "x86-64"] {
        assert!(names.contains(&expected), "{expected} should match: {names:?}");
    }
}

#[test]
fn experience_from_dated_roles() {
    let r = score(SEED, LINUX_POST);
    let roles: Vec<(&str, &str, &str, u32)> =
        r.experience.roles.iter().map(|x| (x.title.as_str(), x.start.as_str(), x.end.as_str(), x.months)).collect();
    assert_eq!(
        roles,
        [
            ("System Engineer", "2025-02", "2026-02", 13),
            ("CTO → Lead → Senior Engineer", "2021-02", "2024-12", 47),
            ("Junior Software Engineer", "2018-03", "2018-07", 5),
            ("Compiler Engineer", "2018-12", "2019-07", 8),
        ]
    );
    assert_eq!(r.total_years, 6.1, "73 months of dated roles, not the 15 years the summary claims");
    assert_eq!(r.experience.total_years, r.total_years);
    assert_eq!(r.experience.skill_years.get("Distributed systems"), Some(&3.9));
    assert!(r.experience.skill_years.values().all(|&y| y <= r.total_years));
    let nurse = score("resumes/registered-nurse-marcus-okafor.txt", LINUX_POST);
    assert_eq!(nurse.total_years, 11.3, "June 2019 – Present (as of 2026-11) and Sep 2015 – May 2019");
    for a in r.advice.iter().filter(|a| ["literal-match", "placement"].contains(&a.kind.as_str())) {
        assert!(["literal-match", "placement"].contains(&a.kind.as_str()));
        assert!(
            r.matched.iter().any(|f| f.skill.as_deref() == Some(a.skill.as_str()) && f.resume_line == a.resume_line)
        );
    }
    assert!(r.advice.iter().any(|a| a.kind == "placement" && a.skill == "C"), "C is only in the skills list");
    let hints: Vec<(&str, &str, Option<usize>)> =
        r.advice.iter().map(|a| (a.kind.as_str(), a.message.as_str(), a.resume_line)).collect();
    let distinct: std::collections::HashSet<_> = hints.iter().collect();
    assert_eq!(distinct.len(), hints.len(), "no advice twice (C and `C / C++` are met by one mention)");
    let short: Vec<&Advice> = r.advice.iter().filter(|a| a.kind == "years-short").collect();
    assert_eq!(short.len(), 1, "the Linux post asks for 7 years of C / C++: {short:?}");
    assert_eq!(short[0].resume_line, None);
    let seven = &r.years_required[0];
    assert_eq!((seven.job_line, seven.years, seven.met), (45, 7, false));
    assert!(seven.phrase.starts_with("7 years of demonstrated proficiency") && seven.skills.contains(&"C".to_string()));
    assert!(seven.resume_years < 7.0);
    assert!(seven.undated, "C is listed, in no dated role: {seven:?}");
    assert_eq!(seven.resume_years, r.total_years, "so the total years count");
}

#[test]
fn degree_and_title_against_the_post() {
    let r = score(SEED, LINUX_POST);
    let degree = r.degree_required.as_ref().expect("the Linux post asks for a degree");
    assert_eq!((degree.job_line, degree.level.as_str(), degree.tier.as_str()), (43, "bachelor", "required"));
    assert_eq!(degree.field.as_deref(), Some("Computer Science Electrical Engineering"));
    assert_eq!((degree.resume_level.as_deref(), degree.met), (None, false), "the seed résumé names no degree");
    assert!(r.advice.iter().any(|a| a.kind == "missing-degree" && a.message.contains("bachelor degree")));
    assert!(r.title.job_title.starts_with("Senior Linux Developer"));
    assert_eq!((r.title.resume_title.as_deref(), r.title.overlap), (None, 0.0));
    assert!(r.advice.iter().any(|a| a.kind == "title-mismatch"));
    let nurse = score("resumes/registered-nurse-marcus-okafor.txt", LINUX_POST);
    assert_eq!(nurse.degree_required.unwrap().resume_level.as_deref(), Some("bachelor"));
}

#[test]
fn output_is_byte_identical_across_runs() {
    for format in ["json", "table", "markdown"] {
        let first = jobfit(&["score", SEED, LINUX_POST, "--format", format]);
        assert_eq!(first, jobfit(&["score", SEED, LINUX_POST, "--format", format]));
    }
}

#[test]
fn skills_offsets_slice_the_surface() {
    let (stdout, code) = jobfit(&["skills", SEED, "--format", "json"]);
    assert_eq!(code, 0);
    let skills: Skills = serde_json::from_str(&stdout).unwrap();
    let text = std::fs::read_to_string(SEED).unwrap();
    for m in &skills.matches {
        let line = text.lines().nth(m.line - 1).unwrap();
        assert_eq!(&line[m.start..m.end], m.surface, "{m:?}");
        assert!(!m.category.is_empty() && !m.section.is_empty());
    }
    let found: Vec<&str> = skills.matches.iter().map(|m| m.skill.as_str()).collect();
    for expected in [
        "Rust",
        "C",
        "Go",
        "LLVM",
        "Cranelift",
        "WebAssembly",
        "eBPF",
        "io_uring",
        "KVM",
        "Firecracker",
        "gVisor",
        "Distributed systems",
        "Consensus protocols",
        "x86-64",
        "SIMD",
    ] {
        assert!(found.contains(&expected), "seed résumé should show {expected}");
    }
}

#[test]
fn min_score_sets_exit_code() {
    assert_eq!(jobfit(&["score", SEED, LINUX_POST, "--min-score", "0"]).1, 0);
    assert_eq!(jobfit(&["score", SEED, LINUX_POST, "--min-score", "100"]).1, 1);
}

#[test]
fn or_groups_related_skills_and_sub_scores() {
    let r = score("tests/fixtures/scoring/backend-resume.md", "tests/fixtures/scoring/backend-post.md");
    let find = |keyword: &str| r.matched.iter().chain(&r.missing).find(|f| f.keyword == keyword).unwrap();
    let group = find("Python or Go");
    assert_eq!(
        (group.skill.as_deref(), group.alternatives.as_slice()),
        (Some("Go"), ["Python".to_string()].as_slice())
    );
    assert_eq!((group.resume_line, group.gain), (Some(7), 0.0), "Go meets `Python or Go` in full");
    let clouds = find("AWS, GCP, Azure");
    assert_eq!((clouds.skill.as_deref(), clouds.alternatives.len()), (Some("Microsoft Azure"), 2), "one requirement");
    let js = find("JavaScript");
    assert_eq!(js.related.as_deref(), Some("React"), "React implies JavaScript");
    assert!(js.credit > 0.0 && (js.credit - js.gain).abs() < 0.02, "half credit: {} + {}", js.credit, js.gain);
    assert!(r.missing.iter().any(|f| f.keyword == "JavaScript"), "a related skill is still a gap");
    assert!(r.advice.iter().any(|a| a.kind == "related" && a.skill == "JavaScript"));
    let b = &r.breakdown;
    assert_eq!((b.title.score, b.education.score), (100.0, 100.0), "Backend Engineer headline, BSc for a bachelor");
    assert_eq!((b.experience.score, b.experience.total), (0.0, 1), "no dated JavaScript years");
}

#[test]
fn a_skill_named_twice_in_an_or_is_still_asked() {
    let r = score("tests/fixtures/scoring/backend-resume.md", "tests/fixtures/scoring/same-skill-or-post.md");
    let asked = |skill: &str| r.matched.iter().chain(&r.missing).any(|f| f.skill.as_deref() == Some(skill));
    assert!(asked("CPA"), "`CPA or CPA candidate` asks for CPA");
    assert!(asked("Linux"), "`UNIX/Linux` asks for Linux");
}

#[test]
fn ats_facts_contact_headings_and_employers() {
    let seed = score(SEED, LINUX_POST);
    assert_eq!(seed.ats.contact, Contact { email: true, phone: true, url: true });
    assert_eq!(seed.ats.missing_sections, ["education"], "the seed résumé has no education heading");
    assert!(seed.advice.iter().any(|a| a.kind == "missing-section" && a.message.contains("\"Education\"")));
    let text = std::fs::read_to_string(SEED).unwrap();
    for h in &seed.ats.headings {
        assert_eq!(text.lines().nth(h.line - 1).unwrap().trim(), h.text);
    }
    assert!(seed.ats.headings.iter().any(|h| h.section == "experience"));
    let backend = score("tests/fixtures/scoring/backend-resume.md", "tests/fixtures/scoring/backend-post.md");
    let employers: Vec<_> =
        backend.experience.roles.iter().map(|r| (r.title.as_str(), r.employer.as_deref())).collect();
    assert_eq!(employers, [("Software Engineer", Some("Parcelly")), ("Junior Developer", Some("Shopwise"))]);
    assert_eq!(backend.ats.contact, Contact { email: false, phone: false, url: false });
    assert!(backend.advice.iter().any(|a| a.kind == "missing-contact"));
}
