//! Benchmarks: skill extraction throughput over the bundled job posts with
//! the full embedded lexicon, lexicon start-up, one `score`, and the
//! per-document work of `index add` (everything but tantivy's own indexing).
//! Run: `cargo bench --bench extract`.

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use jobfit::document::Document;
use jobfit::experience::Month;
use jobfit::extract::Extractor;
use jobfit::index::Prepared;
use jobfit::keywords::Background;
use jobfit::kind::DocKind;
use jobfit::score::{Weights, score};

/// The allocator of the `jobfit` binary, so that the figures are the binary's.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

const SEED: &str = "resumes/systems-engineer-alireza-ghadimi.txt";
const POST: &str = "job_posts/tech-dev-028-senior-linux-developer-ethernet.txt";

fn post_texts() -> Vec<String> {
    let mut paths: Vec<_> = std::fs::read_dir("job_posts")
        .expect("run from the repository root")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths.iter().map(|p| std::fs::read_to_string(p).expect("UTF-8 job post")).collect()
}

fn corpus() -> String {
    post_texts().join("\n")
}

fn extraction(c: &mut Criterion) {
    let extractor = Extractor::embedded().expect("embedded lexicon");
    let text = corpus();
    let hits = extractor.find_in_text(&text).len();
    assert!(hits > 1_000, "the job-post corpus has {hits} skill occurrences, expected over 1,000");
    let mut group = c.benchmark_group("extract");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("job_posts", |b| b.iter(|| extractor.find_in_text(black_box(&text)).len()));
    group.finish();
}

fn startup(c: &mut Criterion) {
    c.bench_function("lexicon_load_and_compile", |b| {
        b.iter_with_large_drop(|| Extractor::embedded().expect("embedded lexicon"))
    });
}

fn one_score(c: &mut Criterion) {
    let extractor = Extractor::embedded().expect("embedded lexicon");
    let background = Background::embedded().expect("embedded background");
    let resume = Document::load(Path::new(SEED)).expect("seed résumé");
    let job = Document::load(Path::new(POST)).expect("job post");
    c.bench_function("score_seed_vs_linux_post", |b| {
        b.iter(|| {
            let r = extractor.analyze(resume.clone());
            let j = extractor.analyze(job.clone());
            let report =
                score(&extractor, &background, &r, &j, &Weights::default(), Month::new(2026, 11)).expect("score");
            assert!(report.score > 0.0);
            report
        })
    });
}

/// What `index add` does per job post before tantivy: normalize, analyze,
/// and extract the requirements it stores.
fn index_prepare(c: &mut Criterion) {
    let extractor = Extractor::embedded().expect("embedded lexicon");
    let background = Background::embedded().expect("embedded background");
    let weights = Weights::default();
    let posts = post_texts();
    let bytes: usize = posts.iter().map(String::len).sum();
    let mut group = c.benchmark_group("index");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("prepare_job_posts", |b| {
        b.iter(|| {
            posts
                .iter()
                .filter_map(|text| Document::from_text(Path::new("post.txt"), black_box(text)))
                .map(|doc| {
                    let analysis = extractor.analyze(doc);
                    let kind = (DocKind::Job, Month::new(2026, 11));
                    Prepared::new(&extractor, &background, &weights, &analysis, kind).skills.len()
                })
                .sum::<usize>()
        })
    });
    group.finish();
}

criterion_group!(benches, extraction, startup, one_score, index_prepare);
criterion_main!(benches);
