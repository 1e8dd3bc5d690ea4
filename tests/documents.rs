//! Real-world documents: the same résumé as text, PDF and DOCX gives the same
//! skills; HTML boilerplate is dropped (a job page's JSON-LD posting is
//! preferred to its text); bad input of every kind ends with a
//! one-line error naming the file and exit code 2, never a panic or a hang.

use std::collections::BTreeSet;
use std::io::Write;
use std::process::{Command, Output, Stdio};

const DOCS: &str = "tests/fixtures/documents";

fn jobfit(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_jobfit")).args(args).output().expect("run jobfit")
}

fn skills(path: &str) -> BTreeSet<String> {
    let out = jobfit(&["skills", path, "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{path}: {}", String::from_utf8_lossy(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    json["matches"].as_array().unwrap().iter().map(|m| m["skill"].as_str().unwrap().to_string()).collect()
}

/// Skills allowed to differ between renderings of the same résumé (none today).
const ALLOWED_DIFFERENCES: [&str; 0] = [];

fn assert_same(reference: &str, rendering: &str) {
    let (a, b) = (skills(reference), skills(rendering));
    let differ: Vec<&String> =
        a.symmetric_difference(&b).filter(|s| !ALLOWED_DIFFERENCES.contains(&s.as_str())).collect();
    assert!(differ.is_empty(), "{rendering} differs from {reference}: {differ:?}");
    assert!(a.len() > 20, "{reference} has {} skills", a.len());
}

#[test]
fn same_resume_same_skills_in_every_format() {
    let seed = "resumes/systems-engineer-alireza-ghadimi.txt";
    assert_same(seed, &format!("{DOCS}/seed.pdf"));
    assert_same(seed, &format!("{DOCS}/seed.docx"));
    assert_same("resumes/data-analyst-priya-raman.md", &format!("{DOCS}/two-column-analyst.pdf"));
}

#[test]
fn html_job_post_without_page_boilerplate() {
    let found = skills(&format!("{DOCS}/linux-developer-post.html"));
    for expected in ["Linux", "C", "C++", "Ethernet", "Virtualization"] {
        assert!(found.contains(expected), "{expected} in {found:?}");
    }
    for boilerplate in ["Kubernetes", "Terraform", "Scala", "Salesforce", "HubSpot"] {
        assert!(!found.contains(boilerplate), "{boilerplate} comes from a script or hidden banner");
    }
}

#[test]
fn html_job_page_with_json_ld_gives_the_posting_not_the_page() {
    let path = format!("{DOCS}/data-engineer-jsonld.html");
    let out = jobfit(&["skills", &path, "--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let section_of = |skill: &str| {
        let m = json["matches"].as_array().unwrap().iter().find(|m| m["skill"] == skill);
        m.map(|m| m["section"].as_str().unwrap().to_string())
    };
    for (skill, section) in
        [("Apache Airflow", "responsibilities"), ("Apache Kafka", "requirements"), ("Apache Spark", "preferred")]
    {
        assert_eq!(section_of(skill).as_deref(), Some(section), "{skill}");
    }
    for page_only in ["Salesforce", "HubSpot", "Java", "Kubernetes", "Terraform", "Swift", "Scala", "React"] {
        assert_eq!(section_of(page_only), None, "{page_only} is in the page's related jobs, not the posting");
    }
    let title = first_ranked_title(&["--resume", "resumes/systems-engineer-alireza-ghadimi.txt", &path]);
    assert_eq!(title, "Senior Data Engineer (Remote, EU)");
}

/// The title of the first document that `jobfit rank` ranks, given `args`.
#[test]
fn a_skill_inside_the_employers_name_is_no_requirement() {
    let out = jobfit(&[
        "gaps",
        "resumes/systems-engineer-alireza-ghadimi.txt",
        &format!("{DOCS}/payments-post-greenhouse.html"),
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let skills: Vec<&str> = json["missing"].as_array().unwrap().iter().filter_map(|m| m["skill"].as_str()).collect();
    assert!(skills.contains(&"Kotlin"), "{skills:?}");
    assert!(!skills.contains(&"Lumen"), "`About Lumen Pay` names the employer, not the PHP framework: {skills:?}");
}

fn first_ranked_title(args: &[&str]) -> String {
    let out = jobfit(&[&["rank", "--format", "json", "--as-of", "2026-11"], args].concat());
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    json["ranking"][0]["title"].as_str().unwrap().to_string()
}

#[test]
fn html_job_post_is_titled_by_its_heading_not_its_navigation() {
    let post = format!("{DOCS}/linux-developer-post.html");
    let title = first_ranked_title(&["--resume", "resumes/systems-engineer-alireza-ghadimi.txt", &post]);
    assert!(title.starts_with("Senior Linux Developer"), "title {title:?}");
}

#[test]
fn docx_resume_is_titled_by_its_body_not_its_page_header() {
    let docx = format!("{DOCS}/seed.docx");
    let title = first_ranked_title(&["--job", "job_posts/tech-dev-028-senior-linux-developer-ethernet.txt", &docx]);
    assert_eq!(title, "Alireza (Parsa) Ghadimi", "the page header holds only the city");
}

#[test]
fn a_file_without_extension_is_read_by_its_content() {
    let tmp = tempfile::tempdir().unwrap();
    let files = [
        "job_posts/tech-dev-028-senior-linux-developer-ethernet.txt".to_string(),
        format!("{DOCS}/linux-developer-post.html"),
        format!("{DOCS}/seed.pdf"),
        format!("{DOCS}/seed.docx"),
    ];
    for (i, file) in files.iter().enumerate() {
        let bare = tmp.path().join(format!("document{i}"));
        std::fs::copy(file, &bare).unwrap();
        assert_eq!(skills(bare.to_str().unwrap()), skills(file), "{file} without its extension");
    }
}

#[test]
fn standard_input_reads_like_a_file() {
    let path = format!("{DOCS}/linux-developer-post.html");
    let mut child = Command::new(env!("CARGO_BIN_EXE_jobfit"))
        .args(["skills", "-", "--input-format", "html", "--format", "json"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(&std::fs::read(&path).unwrap()).unwrap();
    let out = child.wait_with_output().unwrap();
    let from_stdin: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let from_file: serde_json::Value =
        serde_json::from_slice(&jobfit(&["skills", &path, "--format", "json"]).stdout).unwrap();
    assert_eq!(from_stdin["path"], "-");
    assert_eq!(from_stdin["matches"], from_file["matches"]);
}

/// Deterministic pseudo-random bytes (64-bit LCG).
fn noise(len: usize, seed: u64) -> Vec<u8> {
    let mut x = seed;
    (0..len)
        .map(|_| {
            x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (x >> 56) as u8
        })
        .collect()
}

fn assert_clean_failure(path: &std::path::Path) {
    let shown = path.display().to_string();
    let out = jobfit(&["skills", &shown]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{shown}: {stderr}");
    assert_eq!(stderr.lines().count(), 1, "{shown}: one line: {stderr}");
    assert!(stderr.starts_with(&format!("jobfit: {shown}")), "{shown}: names the file: {stderr}");
    assert!(!stderr.contains("panicked"), "{shown}: {stderr}");
}

#[test]
fn bad_input_is_a_clean_error() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, bytes: &[u8]| {
        let p = dir.path().join(name);
        std::fs::write(&p, bytes).unwrap();
        p
    };
    for (i, ext) in ["pdf", "docx", "html", "txt", "md"].iter().enumerate() {
        assert_clean_failure(&write(&format!("random.{ext}"), &noise(4096, i as u64 + 1)));
    }
    let pdf = std::fs::read(format!("{DOCS}/seed.pdf")).unwrap();
    let docx = std::fs::read(format!("{DOCS}/seed.docx")).unwrap();
    assert_clean_failure(&write("truncated.pdf", &pdf[..pdf.len() / 3]));
    assert_clean_failure(&write("truncated.docx", &docx[..docx.len() / 2]));
    assert_clean_failure(&write("header-only.pdf", b"%PDF-1.7\n%%EOF\n"));
    assert_clean_failure(std::path::Path::new(&format!("{DOCS}/zip-bomb.docx")));
    assert_clean_failure(&write("deep.html", "<div>".repeat(100_000).as_bytes()));
    assert_clean_failure(&write("huge.txt", &vec![b'a'; 50 * 1024 * 1024]));
    assert_clean_failure(&write("blank.html", b"<html><body><script>x()</script></body></html>"));
}

#[test]
fn unreadable_file_is_a_clean_error() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("locked.txt");
    std::fs::write(&path, "Rust and Go").unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(&path).is_ok() {
        eprintln!("skipped: running with privileges that read any file (root)");
        return;
    }
    assert_clean_failure(&path);
}
