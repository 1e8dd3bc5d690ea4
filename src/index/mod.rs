//! The persistent pool of résumés and job posts: a tantivy index on disk
//! that stores, per document, its kind, path, title, canonical skill ids and
//! (for a job post) its packed requirements, so that ranking and search
//! never re-read or re-extract a file. Every commit records the schema
//! version and a hash of the embedded lexicon and keyword statistics;
//! opening an index built with others is an error.

pub mod pack;
mod schema;

use std::path::{Path, PathBuf};

use serde::Serialize;
use tantivy::indexer::LogMergePolicy;
use tantivy::query::TermQuery;
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{Index, IndexReader, IndexWriter, TantivyDocument, Term, doc};

pub use schema::Fields;

use crate::analyzer::StemmedText;
use crate::context::CONTEXT_TSV;
use crate::cues::CUES_TSV;
use crate::experience::{Experience, Month};
use crate::extract::{Analysis, Extractor};
use crate::keywords::{ANALYZER, Background, EMBEDDED_BACKGROUND, FUNCTION_WORDS, analyzer};
use crate::kind::DocKind;
use crate::lexicon::{EMBEDDED, EMBEDDED_RELATIONS};
use crate::rank::Named;
use crate::score::{JobFacts, ResumeProfile, Weights};
use crate::sections::SECTIONS_TSV;

/// Version of the index layout; bumped when fields change meaning.
pub const SCHEMA_VERSION: u32 = 2;
/// Documents per parallel run of [`Pool::map_runs`].
const RUN_DOCS: usize = 16_384;
/// Memory the index writer may use, in bytes.
const WRITER_BYTES: usize = 30_000_000;
/// Files from which a run is a bulk run ([`Pool::writer`]).
const BULK_FILES: usize = 5_000;
/// Largest segment a small run's merges take in ([`Pool::writer`]).
const SMALL_MERGE_DOCS: usize = 5_000;
const META_FILE: &str = "meta.json";

/// Errors of the index; each names the index directory.
#[derive(Debug, thiserror::Error)]
pub enum IndexError {
    /// The directory could not be created or read.
    #[error("{dir}: {source}")]
    Io {
        /// The index directory.
        dir: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// tantivy failed.
    #[error("{dir}: {source}")]
    Tantivy {
        /// The index directory.
        dir: PathBuf,
        /// The tantivy error.
        source: tantivy::TantivyError,
    },
    /// No index in this directory.
    #[error("{dir}: no jobfit index here; create one with `jobfit index add --index {dir} FILES…`")]
    Missing {
        /// The index directory.
        dir: PathBuf,
    },
    /// Another process holds the writer lock.
    #[error("{dir}: another jobfit process is writing to this index; try again when it has finished")]
    Busy {
        /// The index directory.
        dir: PathBuf,
    },
    /// Built by a jobfit with another schema or lexicon.
    #[error(
        "{dir}: built as `{found}`, this jobfit needs `{expected}`; rebuild it with `jobfit index add --rebuild --index {dir}`"
    )]
    Stale {
        /// The index directory.
        dir: PathBuf,
        /// The fingerprint recorded in the index.
        found: String,
        /// This binary's [`fingerprint`].
        expected: String,
    },
}

/// What every commit records: schema version and a hash (FNV-1a 64) of the
/// embedded lexicon, the background statistics, the function words kept out
/// of keywords, the heading, requirement-cue and mention-context tables,
/// the jobfit version (extraction rules live in code too) and the scoring
/// weights the stored requirements were weighted with.
pub fn fingerprint(weights: &Weights) -> String {
    let data = EMBEDDED.bytes().chain(EMBEDDED_RELATIONS.bytes()).chain(EMBEDDED_BACKGROUND.bytes());
    let data = data.chain(FUNCTION_WORDS.bytes()).chain(SECTIONS_TSV.bytes()).chain(CUES_TSV.bytes());
    let data = data.chain(CONTEXT_TSV.bytes()).chain(env!("CARGO_PKG_VERSION").bytes());
    let hash = fnv64(data.chain(weights.to_toml().into_bytes()));
    format!("jobfit index schema {SCHEMA_VERSION}, data {hash:016x}")
}

/// A document ready to be added: extracted once, in parallel, before writing.
#[derive(Debug, Clone)]
pub struct Prepared {
    /// Content hash of the normalized text (hex).
    pub id: String,
    /// Résumé or job post.
    pub kind: DocKind,
    /// Path as given.
    pub path: String,
    /// First non-empty line.
    pub title: String,
    /// The stems of the normalized text, as the body field takes them
    /// ([`StemmedText::body`]).
    pub body: String,
    /// Distinct canonical skill ids, ascending.
    pub skills: Vec<u32>,
    /// Lowercase canonical names of those skills.
    pub skill_names: Vec<String>,
    /// Requirements, for a job post.
    pub job: Option<JobFacts>,
    /// The job post's requirements as `rank` names them (stored to explain a ranking).
    pub named: Vec<Named>,
    /// Title lines, degree and years, for a résumé.
    pub resume: Option<ResumeProfile>,
}

impl Prepared {
    /// Extracts what the index stores from an analyzed document; `as_of` is
    /// the month `Present` means in a résumé's dates.
    pub fn new(
        extractor: &Extractor,
        background: &Background,
        weights: &Weights,
        analysis: &Analysis,
        (kind, as_of): (DocKind, Month),
    ) -> Prepared {
        let mut skills: Vec<u32> = analysis.matches.iter().map(|m| m.skill).collect();
        skills.sort_unstable();
        skills.dedup();
        let skill_names = skills.iter().map(|&s| extractor.lexicon.skill(s).name.to_lowercase()).collect();
        let doc = &analysis.doc;
        let title = doc.title();
        let stemmed = StemmedText::of(&doc.text);
        let job = (kind == DocKind::Job)
            .then(|| JobFacts::with_stems(extractor, background, analysis, weights, &stemmed.words));
        let named = job.as_ref().map_or_else(Vec::new, |facts| Named::all(extractor, facts));
        Prepared {
            named,
            id: content_id(&doc.text),
            kind,
            path: doc.path.display().to_string(),
            title: title.to_string(),
            body: stemmed.body,
            skills,
            skill_names,
            job,
            resume: (kind == DocKind::Resume)
                .then(|| ResumeProfile::of(extractor, analysis, &Experience::of(extractor, analysis, as_of))),
        }
    }
}

/// FNV-1a 64 of a byte stream.
fn fnv64(bytes: impl Iterator<Item = u8>) -> u64 {
    bytes.fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

/// FNV-1a 64 of the text, hex.
pub fn content_id(text: &str) -> String {
    format!("{:016x}", fnv64(text.bytes()))
}

/// One indexed document, as listed.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Entry {
    /// Content hash.
    pub id: String,
    /// `resume` or `job`.
    pub kind: String,
    /// Path as added.
    pub path: String,
    /// First line.
    pub title: String,
}

/// An open index.
pub struct Pool {
    /// Its directory.
    pub dir: PathBuf,
    /// What its commits record ([`fingerprint`]).
    pub fingerprint: String,
    /// The tantivy index.
    pub index: Index,
    /// Field handles.
    pub fields: Fields,
    /// A reader, reloaded after commits.
    pub reader: IndexReader,
}

impl Pool {
    /// Opens the index in `dir`, or creates it (directory readable by its owner only).
    ///
    /// Errors: [`IndexError::Io`], [`IndexError::Tantivy`], [`IndexError::Stale`].
    pub fn open_or_create(dir: &Path, weights: &Weights) -> Result<Pool, IndexError> {
        if dir.join(META_FILE).exists() {
            return Pool::open(dir, weights);
        }
        create_private_dir(dir)?;
        let (schema, fields) = Fields::schema();
        let index = Index::create_in_dir(dir, schema).map_err(|source| tantivy_err(dir, source))?;
        Pool::ready(dir, index, fields, fingerprint(weights))
    }

    /// Opens an existing index.
    ///
    /// Errors: [`IndexError::Missing`], [`IndexError::Stale`], [`IndexError::Tantivy`].
    pub fn open(dir: &Path, weights: &Weights) -> Result<Pool, IndexError> {
        if !dir.join(META_FILE).exists() {
            return Err(IndexError::Missing { dir: dir.to_path_buf() });
        }
        let index = Index::open_in_dir(dir).map_err(|source| tantivy_err(dir, source))?;
        let found = index.load_metas().map_err(|source| tantivy_err(dir, source))?.payload.unwrap_or_default();
        let (schema, fields) = Fields::schema();
        let expected = fingerprint(weights);
        if (!found.is_empty() && found != expected) || index.schema() != schema {
            let found = if found.is_empty() { "another schema".to_string() } else { found };
            return Err(IndexError::Stale { dir: dir.to_path_buf(), found, expected });
        }
        Pool::ready(dir, index, fields, expected)
    }

    fn ready(dir: &Path, index: Index, fields: Fields, fingerprint: String) -> Result<Pool, IndexError> {
        index.tokenizers().register(ANALYZER, analyzer());
        let exact = tantivy::tokenizer::TextAnalyzer::builder(tantivy::tokenizer::RawTokenizer::default())
            .filter(tantivy::tokenizer::LowerCaser)
            .build();
        index.tokenizers().register(schema::EXACT, exact);
        let reader = index.reader().map_err(|source| tantivy_err(dir, source))?;
        Ok(Pool { dir: dir.to_path_buf(), fingerprint, index, fields, reader })
    }

    /// The single writer, for a run over `files` files. A bulk run (at least
    /// [`BULK_FILES`]) merges segments in the background with tantivy's
    /// default policy, and [`Pool::finish`] does not wait for merges still
    /// running: fewer, larger segments keep ranking from a cold start fast,
    /// and waiting would hold every segment in memory at once. A small run
    /// merges only segments of up to [`SMALL_MERGE_DOCS`] documents, and
    /// waits for them, so that many small adds do not leave as many segments
    /// and a small add never waits for a merge of large ones.
    ///
    /// Errors: [`IndexError::Busy`] when another process writes.
    pub fn writer(&self, files: usize) -> Result<IndexWriter, IndexError> {
        let writer: IndexWriter =
            self.index.writer_with_num_threads(1, WRITER_BYTES).map_err(|source| match source {
                tantivy::TantivyError::LockFailure(..) => IndexError::Busy { dir: self.dir.clone() },
                source => tantivy_err(&self.dir, source),
            })?;
        if files < BULK_FILES {
            let mut policy = LogMergePolicy::default();
            policy.set_max_docs_before_merge(SMALL_MERGE_DOCS);
            writer.set_merge_policy(Box::new(policy));
        }
        Ok(writer)
    }

    /// Whether a document with this content hash is indexed (as of the last commit).
    pub fn contains(&self, id: &str) -> bool {
        self.live_count(Term::from_field_text(self.fields.id, id)) > 0
    }

    /// Live (not deleted) documents with this exact term.
    fn live_count(&self, term: Term) -> usize {
        let query = TermQuery::new(term, IndexRecordOption::Basic);
        self.reader.searcher().search(&query, &tantivy::collector::Count).unwrap_or(0)
    }

    /// Adds a prepared document to the writer's pending changes.
    pub fn add(&self, writer: &IndexWriter, p: &Prepared) -> Result<(), IndexError> {
        let f = &self.fields;
        let mut d = doc!(
            f.id => p.id.as_str(),
            f.kind => p.kind.as_str(),
            f.kind_code => u64::from(p.kind == DocKind::Job),
            f.path => p.path.as_str(),
            f.title => p.title.as_str(),
            f.body => p.body.as_str(),
        );
        for (id, name) in p.skills.iter().zip(&p.skill_names) {
            d.add_u64(f.skill_id, u64::from(*id));
            d.add_text(f.skill, name);
        }
        if let Some(job) = &p.job {
            for v in pack::pack_facts(job) {
                d.add_u64(f.req, v);
            }
            d.add_text(f.facts, serde_json::to_string(&p.named).expect("names serialize"));
        }
        if let Some(profile) = &p.resume {
            d.add_text(f.facts, serde_json::to_string(profile).expect("profile serializes"));
        }
        writer.add_document(d).map_err(|source| tantivy_err(&self.dir, source))?;
        Ok(())
    }

    /// Commits pending changes with the [`fingerprint`] and reloads the reader.
    pub fn commit(&self, writer: &mut IndexWriter) -> Result<(), IndexError> {
        let mut prepared = writer.prepare_commit().map_err(|source| tantivy_err(&self.dir, source))?;
        prepared.set_payload(&self.fingerprint);
        prepared.commit().map_err(|source| tantivy_err(&self.dir, source))?;
        self.reader.reload().map_err(|source| tantivy_err(&self.dir, source))
    }

    /// Commits pending changes ([`Pool::commit`]) of a run over `files`
    /// files, and for a small run waits for the merges the commit starts
    /// (see [`Pool::writer`]).
    pub fn finish(&self, mut writer: IndexWriter, files: usize) -> Result<(), IndexError> {
        self.commit(&mut writer)?;
        if files < BULK_FILES {
            writer.wait_merging_threads().map_err(|source| tantivy_err(&self.dir, source))?;
        }
        Ok(())
    }

    /// Deletes the documents whose id or path is `key`; returns how many there were.
    pub fn remove(&self, writer: &IndexWriter, key: &str) -> usize {
        let mut removed = 0;
        for field in [self.fields.id, self.fields.path] {
            let term = Term::from_field_text(field, key);
            removed += self.live_count(term.clone());
            writer.delete_term(term);
        }
        removed
    }

    /// Every indexed document, sorted by kind then path.
    pub fn list(&self) -> Result<Vec<Entry>, IndexError> {
        let searcher = self.reader.searcher();
        let mut out = Vec::new();
        for (ord, segment) in searcher.segment_readers().iter().enumerate() {
            for doc in segment.doc_ids_alive() {
                let d: TantivyDocument = searcher
                    .doc(tantivy::DocAddress::new(ord as u32, doc))
                    .map_err(|source| tantivy_err(&self.dir, source))?;
                out.push(self.entry(&d));
            }
        }
        out.sort_by(|a, b| (&a.kind, &a.path, &a.id).cmp(&(&b.kind, &b.path, &b.id)));
        Ok(out)
    }

    /// The listed fields of a stored document.
    pub fn entry(&self, d: &TantivyDocument) -> Entry {
        let text = |field| d.get_first(field).and_then(|v| v.as_str()).unwrap_or("").to_string();
        Entry {
            id: text(self.fields.id),
            kind: text(self.fields.kind),
            path: text(self.fields.path),
            title: text(self.fields.title),
        }
    }

    /// Documents of one kind whose body has this stemmed term.
    pub fn docs_with_stem(&self, stem: &str) -> Result<Vec<tantivy::DocAddress>, IndexError> {
        let query = TermQuery::new(Term::from_field_text(self.fields.body, stem), IndexRecordOption::Basic);
        let searcher = self.reader.searcher();
        searcher
            .search(&query, &tantivy::collector::DocSetCollector)
            .map(|set| set.into_iter().collect())
            .map_err(|source| tantivy_err(&self.dir, source))
    }

    /// Calls `f` with the address of every live document of `kind`, the
    /// multi-valued u64 fast field `field` (`req`, `skill_id`) of its segment,
    /// and its id there (read its values with `column.values_for_doc(doc)`).
    pub fn for_each_of_kind(
        &self,
        kind: DocKind,
        field: &str,
        mut f: impl FnMut(tantivy::DocAddress, &tantivy::columnar::Column<u64>, u32) -> Result<(), IndexError>,
    ) -> Result<(), IndexError> {
        let code = u64::from(kind == DocKind::Job);
        for (ord, segment) in self.reader.searcher().segment_readers().iter().enumerate() {
            let fast = segment.fast_fields();
            let kinds = fast.u64("kind_code").map_err(|source| tantivy_err(&self.dir, source))?;
            let values = fast.u64(field).map_err(|source| tantivy_err(&self.dir, source))?;
            for doc in segment.doc_ids_alive().filter(|&d| kinds.first(d) == Some(code)) {
                f(tantivy::DocAddress::new(ord as u32, doc), &values, doc)?;
            }
        }
        Ok(())
    }

    /// Calls `f` in parallel (rayon) on runs of at most [`RUN_DOCS`] live
    /// documents of `kind` of one segment, with the segment's ordinal and its
    /// `field` fast-field column; the results come back in index order.
    ///
    /// Errors: [`IndexError::Tantivy`] if a fast field is missing.
    pub fn map_runs<T: Send>(
        &self,
        kind: DocKind,
        field: &str,
        f: impl Fn(u32, &tantivy::columnar::Column<u64>, &[u32]) -> T + Sync,
    ) -> Result<Vec<T>, IndexError> {
        use rayon::prelude::*;
        let code = u64::from(kind == DocKind::Job);
        let searcher = self.reader.searcher();
        let mut runs = Vec::new();
        for (ord, segment) in searcher.segment_readers().iter().enumerate() {
            let fast = segment.fast_fields();
            let kinds = fast.u64("kind_code").map_err(|source| tantivy_err(&self.dir, source))?;
            let values = fast.u64(field).map_err(|source| tantivy_err(&self.dir, source))?;
            let docs: Vec<u32> = segment.doc_ids_alive().filter(|&d| kinds.first(d) == Some(code)).collect();
            runs.extend(docs.chunks(RUN_DOCS).map(|run| (ord as u32, values.clone(), run.to_vec())));
        }
        Ok(runs.par_iter().map(|(ord, values, docs)| f(*ord, values, docs)).collect())
    }

    /// Numbers of résumés and job posts, from the `kind_code` fast field.
    pub fn counts(&self) -> Result<(usize, usize), IndexError> {
        let (mut resumes, mut jobs) = (0, 0);
        for segment in self.reader.searcher().segment_readers() {
            let kind = segment.fast_fields().u64("kind_code").map_err(|source| tantivy_err(&self.dir, source))?;
            for doc in segment.doc_ids_alive() {
                match kind.first(doc) {
                    Some(1) => jobs += 1,
                    _ => resumes += 1,
                }
            }
        }
        Ok((resumes, jobs))
    }

    /// Segments of the last commit (each a set of files searched in turn).
    pub fn segments(&self) -> usize {
        self.reader.searcher().segment_readers().len()
    }

    /// Total size of the index files in bytes.
    pub fn size_on_disk(&self) -> u64 {
        std::fs::read_dir(&self.dir)
            .map(|entries| entries.filter_map(Result::ok).filter_map(|e| e.metadata().ok()).map(|m| m.len()).sum())
            .unwrap_or(0)
    }
}

/// The paths stored in an index, even one built by another jobfit (for `--rebuild`).
///
/// Errors: [`IndexError::Missing`], [`IndexError::Tantivy`].
pub fn stored_paths(dir: &Path) -> Result<Vec<PathBuf>, IndexError> {
    if !dir.join(META_FILE).exists() {
        return Err(IndexError::Missing { dir: dir.to_path_buf() });
    }
    let index = Index::open_in_dir(dir).map_err(|source| tantivy_err(dir, source))?;
    let Some(path) = index.schema().get_field("path").ok() else { return Ok(Vec::new()) };
    let searcher = index.reader().map_err(|source| tantivy_err(dir, source))?.searcher();
    let mut out = Vec::new();
    for (ord, segment) in searcher.segment_readers().iter().enumerate() {
        for doc in segment.doc_ids_alive() {
            let d: TantivyDocument =
                searcher.doc(tantivy::DocAddress::new(ord as u32, doc)).map_err(|source| tantivy_err(dir, source))?;
            out.extend(d.get_first(path).and_then(|v| v.as_str()).map(PathBuf::from));
        }
    }
    out.sort();
    out.dedup();
    Ok(out)
}

/// Deletes the index's own files (those tantivy manages, and its metadata),
/// nothing else in the directory.
///
/// Errors: [`IndexError::Io`].
pub fn delete_index_files(dir: &Path) -> Result<(), IndexError> {
    let io = |source| IndexError::Io { dir: dir.to_path_buf(), source };
    let managed: Vec<String> = std::fs::read_to_string(dir.join(".managed.json"))
        .ok()
        .and_then(|json| serde_json::from_str(&json).ok())
        .unwrap_or_default();
    for name in managed.iter().map(String::as_str).chain([META_FILE, ".managed.json"]) {
        match std::fs::remove_file(dir.join(name)) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(io(e)),
            _ => {}
        }
    }
    Ok(())
}

fn tantivy_err(dir: &Path, source: tantivy::TantivyError) -> IndexError {
    IndexError::Tantivy { dir: dir.to_path_buf(), source }
}

fn create_private_dir(dir: &Path) -> Result<(), IndexError> {
    use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
    let io = |source| IndexError::Io { dir: dir.to_path_buf(), source };
    std::fs::DirBuilder::new().recursive(true).mode(0o700).create(dir).map_err(io)?;
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700)).map_err(io)
}
