//! Many documents at once: expanding directories and glob patterns, then
//! loading and analyzing files in parallel (rayon). A bad file becomes a [`Failure`]
//! and the batch goes on.

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::document::Document;
use crate::extract::{Analysis, Extractor};
use crate::load::{InputFormat, LoadError};

/// A file of a batch that could not be used.
#[derive(Debug)]
pub struct Failure {
    /// The file.
    pub path: PathBuf,
    /// Why.
    pub error: LoadError,
}

/// Progress of a long batch: told the total, then each finished file; asked
/// whether to stop.
pub trait Progress: Sync {
    /// The batch has `total` files.
    fn start(&self, total: usize);
    /// One more file is done.
    fn advance(&self);
    /// The batch is over.
    fn finish(&self);
    /// Whether the user asked the batch to stop (Ctrl-C): a batch that can
    /// keep its work so far (`index add`) ends early with it.
    fn stopped(&self) -> bool {
        false
    }
}

/// The files named by `paths`: files as given, directories searched
/// recursively for files with a supported extension (`README` files left
/// out), each directory's files sorted; a path that does not exist but is a
/// glob pattern (`posts/*.html`, `**/*.md`, quoted so the shell left it) is
/// replaced by what it matches, taken as a directory's entries are. A path
/// that names nothing stays as given, for the loader to report.
pub fn expand(paths: &[PathBuf]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for path in paths {
        if path.is_dir() {
            walk(path, &mut out);
        } else if let Some(matches) = glob_matches(path) {
            for p in matches {
                if p.is_dir() {
                    walk(&p, &mut out);
                } else if is_document(&p) {
                    out.push(p);
                }
            }
        } else {
            out.push(path.clone());
        }
    }
    out
}

/// What `path` matches as a glob pattern, sorted; `None` when it exists as
/// it is, has no glob characters, is not a valid pattern, or matches nothing.
fn glob_matches(path: &Path) -> Option<Vec<PathBuf>> {
    let pattern = path.to_str().filter(|p| p.contains(['*', '?', '[']) && !path.exists())?;
    let mut matches: Vec<PathBuf> = glob::glob(pattern).ok()?.filter_map(Result::ok).collect();
    matches.sort();
    (!matches.is_empty()).then_some(matches)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        out.push(dir.to_path_buf());
        return;
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
    paths.sort();
    for p in paths {
        if p.is_dir() {
            walk(&p, out);
        } else if is_document(&p) {
            out.push(p);
        }
    }
}

/// A file a directory walk takes: a supported extension, and not a `README`.
fn is_document(p: &Path) -> bool {
    let supported = p.extension().and_then(|e| e.to_str()).and_then(InputFormat::from_extension).is_some();
    let readme = p.file_stem().and_then(|s| s.to_str()).is_some_and(|s| s.eq_ignore_ascii_case("readme"));
    supported && !readme
}

/// Loads and analyzes every file in parallel and maps each analysis with
/// `f`; results come back in the order of `files`. Each finished file
/// advances `progress` (the caller starts and finishes it).
pub fn analyze_all<T: Send>(
    files: &[PathBuf],
    extractor: &Extractor,
    progress: &dyn Progress,
    f: impl Fn(Analysis) -> T + Sync,
) -> Vec<Result<T, Failure>> {
    files
        .par_iter()
        .map(|path| {
            let result = Document::load(path)
                .map(|doc| f(extractor.analyze(doc)))
                .map_err(|error| Failure { path: path.clone(), error });
            progress.advance();
            result
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glob_patterns_expand_like_directories() {
        let files = expand(&[PathBuf::from("job_posts/tech-dev-0[12]*.txt"), PathBuf::from("resumes/*")]);
        assert!(files.len() > 3, "{files:?}");
        assert!(files.iter().all(|f| f.exists() && is_document(f)), "{files:?}");
        assert!(files.iter().any(|f| f.starts_with("resumes")) && !files.iter().any(|f| f.ends_with("README.md")));
        let nothing = PathBuf::from("job_posts/no-such-*.txt");
        assert_eq!(expand(std::slice::from_ref(&nothing)), [nothing], "left for the loader to report");
    }
}
