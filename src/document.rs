//! Loading a résumé or job post from a file into normalized text with lines.

use std::path::{Path, PathBuf};

use crate::normalize::normalize;

/// Largest file jobfit reads, in bytes (10 MiB).
pub const MAX_BYTES: u64 = 10 * 1024 * 1024;

/// File extensions read as plain text or Markdown (lowercase, no dot).
pub const TEXT_EXTENSIONS: [&str; 4] = ["txt", "text", "md", "markdown"];

/// A loaded document: the original text and its normalized form (see
/// [`crate::normalize`]), which have the same lines.
#[derive(Debug, Clone)]
pub struct Document {
    /// The path as the user gave it.
    pub path: PathBuf,
    /// The text as read, decoded.
    pub original: String,
    /// The normalized text that matching runs on.
    pub text: String,
    /// Normalized byte offset → original byte offset (length `text.len() + 1`).
    map: Vec<u32>,
    /// Byte offset where each line starts in `text`; line `n` (1-based) starts at `line_starts[n - 1]`.
    line_starts: Vec<usize>,
}

/// Why a file could not be loaded. Every variant names the file.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// No file at that path.
    #[error("{path}: no such file")]
    NotFound {
        /// The path given.
        path: PathBuf,
    },
    /// The path is a directory.
    #[error("{path}: is a directory, expected a file")]
    IsDirectory {
        /// The path given.
        path: PathBuf,
    },
    /// The extension is not one jobfit reads.
    #[error("{path}: unsupported file type {extension:?} (supported: .txt, .text, .md, .markdown)")]
    Unsupported {
        /// The path given.
        path: PathBuf,
        /// The extension found, or empty.
        extension: String,
    },
    /// The file is larger than [`MAX_BYTES`].
    #[error("{path}: file is {bytes} bytes, over the {limit}-byte limit")]
    TooLarge {
        /// The path given.
        path: PathBuf,
        /// Its size in bytes.
        bytes: u64,
        /// The limit in bytes.
        limit: u64,
    },
    /// The file is not valid UTF-8.
    #[error("{path}:{line}: not valid UTF-8 text")]
    InvalidUtf8 {
        /// The path given.
        path: PathBuf,
        /// 1-based line of the first invalid byte.
        line: usize,
    },
    /// The file has no text besides white space.
    #[error("{path}: file is empty (no text to analyze)")]
    Empty {
        /// The path given.
        path: PathBuf,
    },
    /// Any other I/O error, such as a permission error.
    #[error("{path}: {source}")]
    Io {
        /// The path given.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
}

impl Document {
    /// Reads and normalizes a `.txt`/`.md` file.
    ///
    /// Errors: every [`LoadError`] variant, as named there.
    pub fn load(path: &Path) -> Result<Document, LoadError> {
        let p = || path.to_path_buf();
        let meta = std::fs::metadata(path).map_err(|source| match source.kind() {
            std::io::ErrorKind::NotFound => LoadError::NotFound { path: p() },
            _ => LoadError::Io { path: p(), source },
        })?;
        if meta.is_dir() {
            return Err(LoadError::IsDirectory { path: p() });
        }
        let extension = path.extension().map(|e| e.to_string_lossy().to_lowercase()).unwrap_or_default();
        if !TEXT_EXTENSIONS.contains(&extension.as_str()) {
            return Err(LoadError::Unsupported { path: p(), extension });
        }
        if meta.len() > MAX_BYTES {
            return Err(LoadError::TooLarge { path: p(), bytes: meta.len(), limit: MAX_BYTES });
        }
        let bytes = std::fs::read(path).map_err(|source| LoadError::Io { path: p(), source })?;
        let raw = String::from_utf8(bytes).map_err(|e| {
            let valid = e.utf8_error().valid_up_to();
            let line = 1 + e.as_bytes()[..valid].iter().filter(|&&b| b == b'\n').count();
            LoadError::InvalidUtf8 { path: p(), line }
        })?;
        Document::from_text(path, &raw).ok_or(LoadError::Empty { path: p() })
    }

    /// A document from text already in memory; `None` if it is blank.
    pub fn from_text(path: &Path, raw: &str) -> Option<Document> {
        let normalized = normalize(raw);
        if normalized.text.trim().is_empty() {
            return None;
        }
        let text = normalized.text;
        let line_starts = std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect();
        Some(Document { path: path.to_path_buf(), original: raw.to_string(), text, map: normalized.map, line_starts })
    }

    /// Original text of 1-based line `n` (without its line end), or `""` past the end.
    pub fn original_line(&self, n: usize) -> &str {
        let Some(&start) = self.line_starts.get(n.wrapping_sub(1)) else { return "" };
        let end = self.line_starts.get(n).map_or(self.text.len(), |&e| e - 1);
        let (start, end) = (self.map[start] as usize, self.map[end] as usize);
        self.original[start..end].trim_end_matches('\r')
    }

    /// The byte offset in original line `n` of byte `offset` of normalized line `n`.
    pub fn original_offset(&self, n: usize, offset: usize) -> usize {
        let Some(&start) = self.line_starts.get(n.wrapping_sub(1)) else { return offset };
        (self.map[start + offset] - self.map[start]) as usize
    }

    /// Lines as `(1-based line number, text without the line end)`.
    pub fn lines(&self) -> impl Iterator<Item = (usize, &str)> {
        self.text.split('\n').enumerate().map(|(i, l)| (i + 1, l))
    }

    /// Text of 1-based line `n`, or `""` past the end.
    pub fn line(&self, n: usize) -> &str {
        let Some(&start) = self.line_starts.get(n.wrapping_sub(1)) else { return "" };
        let end = self.line_starts.get(n).map_or(self.text.len(), |&e| e - 1);
        &self.text[start..end]
    }
}
