//! The persistent index and batch ranking: round trip, merges of small
//! adds, refusal of a stale index, a second writer, a writer killed midway, Ctrl-C, a bad file in a batch, ranking both ways
//! (documents of the other kind left out), search,
//! and the JSON, NDJSON and CSV outputs parsed back.

use std::path::Path;
use std::process::{Command, Output};

use jobfit::index::Pool;

const SEED: &str = "resumes/systems-engineer-alireza-ghadimi.txt";
const LINUX_POST: &str = "job_posts/tech-dev-028-senior-linux-developer-ethernet.txt";

fn jobfit(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_jobfit")).args(args).output().expect("run jobfit")
}

fn ok(args: &[&str]) -> String {
    let out = jobfit(args);
    assert_eq!(out.status.code(), Some(0), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

fn json(args: &[&str]) -> serde_json::Value {
    serde_json::from_str(&ok(args)).expect("JSON output")
}

fn pool_with_samples(dir: &Path) -> String {
    let d = dir.join("pool").display().to_string();
    ok(&["index", "add", "--index", &d, "resumes/", "job_posts/"]);
    d
}

#[test]
fn index_round_trip() {
    let tmp = tempfile::tempdir().unwrap();
    let d = pool_with_samples(tmp.path());
    let docs = json(&["index", "list", "--index", &d, "--format", "json"]);
    let docs = docs["documents"].as_array().unwrap();
    assert_eq!(docs.iter().filter(|e| e["kind"] == "resume").count(), 3, "the three sample résumés, READMEs left out");
    assert_eq!(docs.iter().filter(|e| e["kind"] == "job").count(), 79);
    assert!(ok(&["index", "add", "--index", &d, SEED]).starts_with("added 0, already indexed 1"));
    assert_eq!(ok(&["index", "remove", "--index", &d, SEED]), "removed 1\n");
    assert!(ok(&["index", "add", "--index", &d, SEED]).starts_with("added 1, already indexed 0"));
    let stats = ok(&["index", "stats", "--index", &d]);
    assert!(stats.contains("résumés: 3") && stats.contains("job posts: 79"), "{stats}");
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(&d).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o700, "the index is readable by its owner only");
}

#[test]
fn small_adds_are_merged() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path().join("pool").display().to_string();
    let posts: Vec<_> = std::fs::read_dir("job_posts").unwrap().map(|e| e.unwrap().path()).take(9).collect();
    for post in &posts {
        ok(&["index", "add", "--index", &d, "--kind", "job", post.to_str().unwrap()]);
    }
    let stats = ok(&["index", "stats", "--index", &d]);
    let segments: usize = stats.split(" bytes in ").nth(1).and_then(|s| s.split(' ').next()).unwrap().parse().unwrap();
    assert!(segments < 8, "nine one-file adds, eight of them merged: {stats}");
}

#[test]
fn stale_index_is_refused_with_the_fix() {
    let tmp = tempfile::tempdir().unwrap();
    let d = pool_with_samples(tmp.path());
    let meta = Path::new(&d).join("meta.json");
    let text = std::fs::read_to_string(&meta).unwrap().replace("data ", "data 0");
    std::fs::write(&meta, text).unwrap();
    let out = jobfit(&["rank", "--resume", SEED, "--index", &d]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr.contains("--rebuild"), "{stderr}");
    assert!(ok(&["index", "add", "--rebuild", "--index", &d]).contains("holds 3 résumés and 79 job posts"));
    ok(&["rank", "--resume", SEED, "--index", &d]);
}

#[test]
fn second_writer_gets_a_clear_error() {
    let tmp = tempfile::tempdir().unwrap();
    let d = pool_with_samples(tmp.path());
    let pool = Pool::open(Path::new(&d), &jobfit::score::Weights::default()).unwrap();
    let _writer = pool.writer(1).unwrap();
    let out = jobfit(&["index", "add", "--index", &d, SEED]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr.contains("another jobfit process is writing"), "{stderr}");
}

/// Copies of the bundled job posts, each made distinct by a last line: `n` files.
fn many_posts(dir: &Path, n: usize) {
    let posts: Vec<String> = std::fs::read_dir("job_posts")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
    std::fs::create_dir_all(dir).unwrap();
    for i in 0..n {
        let text = format!("{}\nReference {i}\n", posts[i % posts.len()]);
        std::fs::write(dir.join(format!("post-{i:04}.txt")), text).unwrap();
    }
}

/// `jobfit index add` of `n` distinct posts into a new pool, started in the
/// background and left running for `ms` milliseconds; its arguments, so that
/// the test can run them again.
fn add_in_background(tmp: &Path, n: usize, ms: u64) -> (std::process::Child, [String; 7]) {
    let posts = tmp.join("posts");
    many_posts(&posts, n);
    let d = tmp.join("pool").display().to_string();
    let args = ["index", "add", "--index", &d, "--kind", "job", posts.to_str().unwrap()].map(str::to_string);
    let child = Command::new(env!("CARGO_BIN_EXE_jobfit"))
        .args(&args)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(ms));
    (child, args)
}

#[test]
fn a_killed_writer_leaves_an_index_that_opens_and_takes_the_files_again() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut child, args) = add_in_background(tmp.path(), 400, 300);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let _ = child.kill();
    child.wait().unwrap();
    let listed = json(&["index", "list", "--index", args[3], "--format", "json"]);
    assert!(listed["documents"].as_array().unwrap().len() <= 400, "at most the files given");
    let out = ok(&args);
    assert!(out.contains("holds 0 résumés and 400 job posts"), "{out}");
}

#[test]
fn ctrl_c_stops_index_add_keeping_the_files_read() {
    let tmp = tempfile::tempdir().unwrap();
    let (child, args) = add_in_background(tmp.path(), 3000, 1500);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let sent = Command::new("kill").args(["-INT", &child.id().to_string()]).status().unwrap();
    assert!(sent.success());
    let out = child.wait_with_output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let listed =
        json(&["index", "list", "--index", args[3], "--format", "json"])["documents"].as_array().unwrap().len();
    if out.status.code() == Some(130) {
        let unread: usize = stdout.split("interrupted: ").nth(1).unwrap().split(' ').next().unwrap().parse().unwrap();
        assert!(unread > 0 && listed + unread == 3000, "{stdout}: {listed} indexed");
        assert!(stdout.contains(&format!("added {listed},")), "{stdout}");
    } else {
        assert_eq!((out.status.code(), listed), (Some(0), 3000), "{stdout}");
    }
    assert!(ok(&args).contains("holds 0 résumés and 3000 job posts"), "the same command adds the rest");
}

#[test]
fn bad_file_in_a_batch_is_reported_and_the_rest_indexed() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path().join("pool").display().to_string();
    let out = jobfit(&[
        "index",
        "add",
        "--index",
        &d,
        "resumes/",
        "tests/fixtures/empty.txt",
        "tests/fixtures/documents/zip-bomb.docx",
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr.contains("tests/fixtures/empty.txt") && stderr.contains("zip-bomb.docx"), "{stderr}");
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("added 3,"));
}

#[test]
fn rank_jobs_from_index_equals_files_and_score() {
    let tmp = tempfile::tempdir().unwrap();
    let d = pool_with_samples(tmp.path());
    let from_index = json(&["rank", "--resume", SEED, "--index", &d, "--top", "79", "--format", "json"]);
    let from_files = json(&["rank", "--resume", SEED, "job_posts/", "--top", "79", "--format", "json"]);
    assert_eq!(from_index["ranking"], from_files["ranking"]);
    assert_eq!(from_index["gaps"], from_files["gaps"]);
    let ranking = from_index["ranking"].as_array().unwrap();
    assert_eq!(ranking.len(), 79);
    let scores: Vec<f64> = ranking.iter().map(|r| r["score"].as_f64().unwrap()).collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "best first");
    for ranked in ranking.iter().step_by(8).chain(ranking.iter().filter(|r| r["path"] == LINUX_POST)) {
        let score = json(&["score", SEED, ranked["path"].as_str().unwrap(), "--format", "json"]);
        assert_eq!(ranked["score"], score["score"], "rank and score agree on {}", ranked["path"]);
    }
    assert!(from_index["gaps"].as_array().unwrap().iter().all(|g| g["posts"].as_u64().unwrap() >= 1));
}

#[test]
fn rank_resumes_from_index_equals_score() {
    let tmp = tempfile::tempdir().unwrap();
    let d = pool_with_samples(tmp.path());
    let r = json(&["rank", "--job", LINUX_POST, "--index", &d, "--format", "json"]);
    let ranking = r["ranking"].as_array().unwrap();
    assert_eq!(ranking.len(), 3);
    for ranked in ranking {
        let score = json(&["score", ranked["path"].as_str().unwrap(), LINUX_POST, "--format", "json"]);
        assert_eq!(ranked["score"], score["score"], "stored résumé profile scores as `score` does: {}", ranked["path"]);
    }
}

#[test]
fn rank_resumes_for_a_job_redacted_in_every_format() {
    let tmp = tempfile::tempdir().unwrap();
    let d = pool_with_samples(tmp.path());
    let post = "job_posts/house-train-083-staff-specialist-or-medical-consultant.txt";
    let r = json(&["rank", "--job", post, "--index", &d, "--format", "json"]);
    assert_eq!(
        r["ranking"][0]["path"], "resumes/registered-nurse-marcus-okafor.txt",
        "the nurse fits the medical post best"
    );
    for format in ["table", "json", "ndjson", "csv", "markdown", "html"] {
        let out = ok(&["rank", "--job", post, "--index", &d, "--redact", "--format", format]);
        for secret in ["Okafor", "Raman", "Ghadimi", "example.net", "parsa.wtf", "priya"] {
            assert!(!out.contains(secret), "{format} output leaks {secret:?}");
        }
    }
    let ndjson = ok(&["rank", "--job", post, "resumes/", "--format", "ndjson"]);
    let lines: Vec<serde_json::Value> = ndjson.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 3);
    let csv = ok(&["rank", "--job", post, "resumes/", "--format", "csv"]);
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(
        reader.headers().unwrap().iter().collect::<Vec<_>>(),
        ["rank", "score", "hard_skills", "title", "path", "matched", "missing"]
    );
    assert_eq!(rows.len(), 3);
    assert_eq!(&rows[0][4], lines[0]["path"].as_str().unwrap());
}

#[test]
fn ranking_files_leaves_out_documents_of_the_other_kind_with_a_warning() {
    let out = jobfit(&["rank", "--resume", SEED, "resumes/", "job_posts/", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0));
    let r: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(r["total"], 79, "the job posts, not the résumés beside them");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains(&format!("{SEED}: left out, its headings read as a résumé")), "{stderr}");
    let out =
        jobfit(&["rank", "--job", LINUX_POST, "resumes/", "job_posts/tech-dev-013-site-reliability-engineer.txt"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("read as a job post and this ranks résumés"));
}

#[test]
fn search_with_fields_phrases_and_booleans() {
    let tmp = tempfile::tempdir().unwrap();
    let d = pool_with_samples(tmp.path());
    let hits = json(&["search", "--index", &d, "skill:Rust AND kind:resume", "--format", "json"]);
    let hits = hits["hits"].as_array().unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0]["path"], SEED);
    let snippet = hits[0]["snippet"].as_str().unwrap();
    assert!(snippet.contains("[Rust]"), "a skill query shows where the file has the skill: {snippet:?}");
    let sre = json(&["search", "--index", &d, "kind:job AND \"site reliability\"", "--format", "json"]);
    assert!(
        sre["hits"]
            .as_array()
            .unwrap()
            .iter()
            .all(|h| h["kind"] == "job" && h["snippet"].as_str().unwrap().contains("["))
    );
    let out = jobfit(&["search", "--index", &d, "skill:("]);
    assert_eq!(out.status.code(), Some(2));
}
