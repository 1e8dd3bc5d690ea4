//! The floor of indexing throughput: a corpus read and indexed by tantivy
//! with jobfit's text fields (title and body, English stems with positions,
//! id and path stored) and its English analyzer, one writer thread and the
//! writer memory of `jobfit index add`, but no extraction at all: no
//! normalization, sections, skills, requirements, keywords or profile.
//! `jobfit index add` can never be faster than this; compare CPU seconds:
//! `cargo run --release --example index_floor -- /tmp/corpus /tmp/floor`
//! under `/usr/bin/time`, beside `jobfit index add` of the same corpus.

use std::path::PathBuf;

use jobfit::keywords::{ANALYZER, analyzer};
use tantivy::schema::{IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions};
use tantivy::{Index, TantivyDocument};

/// Writer memory of `jobfit index add`, in bytes.
const WRITER_BYTES: usize = 30_000_000;
/// Documents between commits (as `jobfit index add`: 40 rounds of 500).
const COMMIT_EVERY: usize = 20_000;

fn main() -> tantivy::Result<()> {
    let mut args = std::env::args().skip(1);
    let usage = "usage: index_floor CORPUS_DIR NEW_INDEX_DIR";
    let corpus = PathBuf::from(args.next().expect(usage));
    let out = PathBuf::from(args.next().expect(usage));
    let text = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default().set_tokenizer(ANALYZER).set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    let mut builder = Schema::builder();
    let id = builder.add_text_field("id", STRING | STORED);
    let path = builder.add_text_field("path", STRING | STORED);
    let title = builder.add_text_field("title", text.clone().set_stored());
    let body = builder.add_text_field("body", text);
    std::fs::create_dir_all(&out)?;
    let index = Index::create_in_dir(&out, builder.build())?;
    index.tokenizers().register(ANALYZER, analyzer());
    let mut writer = index.writer_with_num_threads(1, WRITER_BYTES)?;
    // The files `jobfit index add` would take from the folder, in its order.
    let paths = jobfit::batch::expand(&[corpus]);
    let mut bytes = 0;
    for (n, file) in paths.iter().enumerate() {
        let content = std::fs::read_to_string(file)?;
        bytes += content.len();
        let mut doc = TantivyDocument::new();
        doc.add_text(id, format!("{:016x}", jobfit::fingerprint::key_fingerprint(&content)));
        doc.add_text(path, file.display().to_string());
        doc.add_text(title, content.lines().next().unwrap_or_default());
        doc.add_text(body, &content);
        writer.add_document(doc)?;
        if (n + 1) % COMMIT_EVERY == 0 {
            writer.commit()?;
        }
    }
    writer.commit()?;
    writer.wait_merging_threads()?;
    println!("indexed {} files, {} bytes, into {}", paths.len(), bytes, out.display());
    Ok(())
}
