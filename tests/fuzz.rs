//! Property-based fuzzing of every loader: mutated real files (bytes
//! overwritten, truncated, spliced) must give a document or an error, never
//! a panic. CI runs a short pass; a long local run:
//! `PROPTEST_CASES=100000 cargo test --release --test integration fuzz -- --test-threads 2`.

use std::path::Path;

use jobfit::load::{InputFormat, from_bytes};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

const SHORT_PASS: u32 = 48;

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(SHORT_PASS)
}

/// A mutation of `seed`: up to 8 byte overwrites, then an optional cut and splice.
fn mutated(seed: Vec<u8>) -> impl Strategy<Value = Vec<u8>> {
    let len = seed.len();
    (
        proptest::collection::vec((0..len, any::<u8>()), 0..8),
        proptest::option::of(0..len),
        proptest::collection::vec(any::<u8>(), 0..64),
    )
        .prop_map(move |(flips, cut, splice)| {
            let mut bytes = seed.clone();
            for (at, b) in flips {
                bytes[at] = b;
            }
            if let Some(at) = cut {
                bytes.truncate(at);
                bytes.extend_from_slice(&splice);
            }
            bytes
        })
}

fn fuzz(file: &str, format: InputFormat) {
    let seed = std::fs::read(file).unwrap();
    let mut runner = TestRunner::new(Config { cases: cases(), failure_persistence: None, ..Config::default() });
    runner
        .run(&mutated(seed), |bytes| {
            let _ = from_bytes(&bytes, format, Path::new(file));
            Ok(())
        })
        .unwrap();
}

#[test]
fn fuzz_pdf() {
    fuzz("tests/fixtures/documents/seed.pdf", InputFormat::Pdf);
}

#[test]
fn fuzz_docx() {
    fuzz("tests/fixtures/documents/seed.docx", InputFormat::Docx);
}

#[test]
fn fuzz_html() {
    fuzz("tests/fixtures/documents/linux-developer-post.html", InputFormat::Html);
    fuzz("tests/fixtures/documents/data-engineer-jsonld.html", InputFormat::Html);
}

#[test]
fn fuzz_text() {
    fuzz("resumes/systems-engineer-alireza-ghadimi.txt", InputFormat::Text);
}
