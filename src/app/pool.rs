//! The batch commands: `index add|list|remove|stats`, `rank`, `search`.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use super::{AppError, Outcome, load_checked};
use crate::batch::{Progress, analyze_all, expand};
use crate::config::RankTarget;
use crate::experience::{Experience, Month};
use crate::extract::{Analysis, Extractor};
use crate::index::{IndexError, Pool, Prepared, content_id, stored_paths};
use crate::keywords::Background;
use crate::kind::DocKind;
use crate::rank::{
    JobCandidate, RankReport, ResumeCandidate, jobs_from_files, jobs_from_index, resume_candidates, resumes,
};
use crate::report::{self, Format, RankFormat};
use crate::score::{JobFacts, Offer, Weights};
use crate::search::search;

/// Files analyzed and written per round, which bounds memory.
const CHUNK: usize = 500;
/// Rounds between commits, so an interrupted run keeps most of its work.
const COMMIT_EVERY_CHUNKS: usize = 40;

/// Exit code of a batch stopped by Ctrl-C (128 + SIGINT, as shells report it).
const INTERRUPTED: u8 = 130;

/// `jobfit index add`: files read and indexed in rounds, committed every
/// [`COMMIT_EVERY_CHUNKS`] rounds and at the end; when `progress` says stop,
/// the files read so far are committed and the rest reported unread (exit 130).
pub fn add(
    dir: &Path,
    paths: &[PathBuf],
    (kind, as_of): (Option<DocKind>, Month),
    rebuild: bool,
    weights: &Weights,
    progress: &dyn Progress,
) -> Result<Outcome, AppError> {
    let mut paths = paths.to_vec();
    if rebuild {
        paths.extend(stored_paths(dir)?);
        crate::index::delete_index_files(dir)?;
    }
    let pool = Pool::open_or_create(dir, weights)?;
    let extractor = Extractor::embedded()?;
    let background = Background::embedded()?;
    let files = expand(&paths);
    let mut writer = pool.writer(files.len())?;
    let (mut added, mut present, mut errors) = (0usize, 0usize, Vec::new());
    let mut seen = HashSet::new();
    progress.start(files.len());
    let mut unread = 0;
    for (round, chunk) in files.chunks(CHUNK).enumerate() {
        if progress.stopped() {
            unread = files.len() - round * CHUNK;
            break;
        }
        let prepared = analyze_all(chunk, &extractor, progress, |a| {
            let kind = kind.unwrap_or_else(|| DocKind::detect(&a));
            Prepared::new(&extractor, &background, weights, &a, (kind, as_of))
        });
        for p in prepared {
            match p {
                Ok(p) if pool.contains(&p.id) || !seen.insert(p.id.clone()) => present += 1,
                Ok(p) => {
                    pool.add(&writer, &p)?;
                    added += 1;
                }
                Err(f) => errors.push(f.error.to_string()),
            }
        }
        if (round + 1) % COMMIT_EVERY_CHUNKS == 0 {
            pool.commit(&mut writer)?;
        }
    }
    pool.finish(writer, files.len())?;
    progress.finish();
    let (resumes, jobs) = pool.counts()?;
    let mut stdout = format!(
        "added {added}, already indexed {present}, failed {}; {} holds {resumes} résumés and {jobs} job posts\n",
        errors.len(),
        dir.display()
    );
    if unread > 0 {
        stdout.push_str(&format!("interrupted: {unread} files not read; the same command adds them\n"));
        return Ok(Outcome { stdout, warnings: Vec::new(), errors, code: INTERRUPTED });
    }
    Ok(Outcome::batch(stdout, Vec::new(), errors))
}

/// `jobfit index list`.
pub fn list(dir: &Path, format: Format, weights: &Weights) -> Result<String, AppError> {
    let pool = Pool::open(dir, weights)?;
    Ok(report::index_list(&dir.display().to_string(), &pool.list()?, format))
}

/// `jobfit index remove`.
pub fn remove(dir: &Path, keys: &[String], weights: &Weights) -> Result<Outcome, AppError> {
    let pool = Pool::open(dir, weights)?;
    let writer = pool.writer(keys.len())?;
    let mut errors = Vec::new();
    let mut removed = 0;
    for key in keys {
        match pool.remove(&writer, key) {
            0 => errors.push(format!("{}: no document with id or path {key:?}", dir.display())),
            n => removed += n,
        }
    }
    pool.finish(writer, keys.len())?;
    Ok(Outcome::batch(format!("removed {removed}\n"), Vec::new(), errors))
}

/// `jobfit index stats`.
pub fn stats(dir: &Path, weights: &Weights) -> Result<String, AppError> {
    let pool = Pool::open(dir, weights)?;
    let (resumes, jobs) = pool.counts()?;
    let bytes = pool.size_on_disk();
    Ok(format!(
        "index: {}\nrésumés: {resumes}\njob posts: {jobs}\nsize on disk: {bytes} bytes in {} segments\nbuilt as: {}\n",
        dir.display(),
        pool.segments(),
        pool.fingerprint
    ))
}

/// `jobfit rank`.
pub fn rank(
    target: &RankTarget,
    paths: &[PathBuf],
    dir: &Path,
    (top, format, redact, as_of): (usize, RankFormat, bool, Month),
    weights: &Weights,
    progress: &dyn Progress,
) -> Result<Outcome, AppError> {
    let extractor = Extractor::embedded()?;
    let (mut warnings, mut errors) = (Vec::new(), Vec::new());
    let files = expand(paths);
    let mut report = match target {
        RankTarget::Resume(source) => {
            let resume = extractor.analyze(load_checked(source, &mut warnings)?);
            let offer = Offer::of(&extractor, &resume, &Experience::of(&extractor, &resume, as_of));
            if paths.is_empty() {
                jobs_from_index(&extractor, &resume, &offer, &Pool::open(dir, weights)?, top, weights)?
            } else {
                let background = Background::embedded()?;
                progress.start(files.len());
                let jobs = analyze_all(&files, &extractor, progress, |a| {
                    of_kind(&a, DocKind::Job)?;
                    Ok(JobCandidate {
                        path: a.doc.path.display().to_string(),
                        title: a.doc.title().to_string(),
                        facts: JobFacts::of(&extractor, &background, &a, weights),
                    })
                });
                progress.finish();
                let jobs = sift(sift(jobs, &mut errors, |f| f.error.to_string()), &mut warnings, |w| w);
                jobs_from_files(&extractor, &resume, &offer, &jobs, top, weights)
            }
        }
        RankTarget::Job(source) => {
            let job = extractor.analyze(load_checked(source, &mut warnings)?);
            let facts = JobFacts::of(&extractor, &Background::embedded()?, &job, weights);
            let candidates = if paths.is_empty() {
                resume_candidates(&extractor, &Pool::open(dir, weights)?, &facts)?
            } else {
                progress.start(files.len());
                let all = analyze_all(&files, &extractor, progress, |a| {
                    of_kind(&a, DocKind::Resume).map(|()| ResumeCandidate::of(&extractor, &a, as_of))
                });
                progress.finish();
                sift(sift(all, &mut errors, |f| f.error.to_string()), &mut warnings, |w| w)
            };
            resumes(&extractor, &job, &facts, &candidates, top, weights)
        }
    };
    if redact {
        redact_report(&mut report);
    }
    Ok(Outcome::batch(report::rank(&report, format), warnings, errors))
}

/// `Err` with a warning when `analysis` is clearly not of `kind` by its
/// headings ([`DocKind::by_headings`]): a résumé in a folder of posts (the
/// ranked résumé itself, say) is left out of a ranking of posts.
fn of_kind(analysis: &Analysis, kind: DocKind) -> Result<(), String> {
    match DocKind::by_headings(analysis) {
        Some(other) if other != kind => Err(format!(
            "{}: left out, its headings read as a {} and this ranks {}s",
            analysis.doc.path.display(),
            other.noun(),
            kind.noun()
        )),
        _ => Ok(()),
    }
}

/// The `Ok` values of `results`; each `Err`, said by `say`, goes to `sink`
/// (the batch's errors or warnings).
fn sift<T, E>(results: Vec<Result<T, E>>, sink: &mut Vec<String>, say: impl Fn(E) -> String) -> Vec<T> {
    results.into_iter().filter_map(|r| r.map_err(|e| sink.push(say(e))).ok()).collect()
}

/// Replaces each ranked document's title (a candidate's name) and path with a
/// stable pseudonym, and e-mails, phones and URLs anywhere with `[redacted]`.
fn redact_report(report: &mut RankReport) {
    let pii = crate::contact::pattern();
    for r in &mut report.ranking {
        let pseudonym = format!("candidate-{}", &content_id(&r.path)[..8]);
        r.title = pseudonym.clone();
        r.path = pseudonym;
        for s in r.matched.iter_mut().chain(r.missing.iter_mut()) {
            *s = pii.replace_all(s, "[redacted]").into_owned();
        }
    }
    report.query = pii.replace_all(&report.query, "[redacted]").into_owned();
}

/// `jobfit search`.
pub fn search_index(
    dir: &Path,
    query: &str,
    top: usize,
    format: Format,
    weights: &Weights,
) -> Result<String, AppError> {
    let pool = Pool::open(dir, weights)?;
    let hits = search(&pool, query, top)?;
    Ok(report::search(query, &hits, format))
}

impl From<crate::search::SearchError> for AppError {
    fn from(e: crate::search::SearchError) -> AppError {
        match e {
            crate::search::SearchError::Index(i) => AppError::Index(i),
            q => AppError::Search(q.to_string()),
        }
    }
}

impl From<IndexError> for AppError {
    fn from(e: IndexError) -> AppError {
        AppError::Index(e)
    }
}
