//! Reading résumés and job posts from files or standard input: format
//! detection by extension (by content for a file without one), size limits,
//! and one text extractor per format (plain text and Markdown, HTML, PDF,
//! DOCX). The result is a [`Document`].

mod docx;
mod html;
mod jsonld;
mod pdf;

use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::document::Document;

/// Largest input jobfit reads, in bytes (20 MiB).
pub const MAX_BYTES: u64 = 20 * 1024 * 1024;

/// Longest time a PDF or HTML extractor may run on one file.
pub const EXTRACT_TIMEOUT: Duration = Duration::from_secs(20);

/// A supported input format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputFormat {
    /// `.txt`, `.text`: UTF-8 text.
    Text,
    /// `.md`, `.markdown`: UTF-8 Markdown, read as text.
    Markdown,
    /// `.html`, `.htm`: rendered to text; scripts, styles and hidden elements dropped.
    Html,
    /// `.pdf`: the text layer.
    Pdf,
    /// `.docx`: the body, headers, tables and text boxes.
    Docx,
}

impl InputFormat {
    const EXTENSIONS: [(&'static str, InputFormat); 7] = [
        ("txt", InputFormat::Text),
        ("text", InputFormat::Text),
        ("md", InputFormat::Markdown),
        ("markdown", InputFormat::Markdown),
        ("html", InputFormat::Html),
        ("htm", InputFormat::Html),
        ("pdf", InputFormat::Pdf),
    ];

    /// The format of a file extension (case-insensitive, no dot); `None` if unsupported.
    pub fn from_extension(ext: &str) -> Option<InputFormat> {
        let ext = ext.to_ascii_lowercase();
        if ext == "docx" {
            return Some(InputFormat::Docx);
        }
        Self::EXTENSIONS.iter().find(|(e, _)| *e == ext).map(|(_, f)| *f)
    }

    /// The format of a file without an extension, from its first bytes: PDF
    /// (`%PDF-`), DOCX (a ZIP archive), HTML (a document type or `<html>`
    /// tag first), else text.
    pub fn sniff(bytes: &[u8]) -> InputFormat {
        let head = String::from_utf8_lossy(&bytes[..bytes.len().min(512)]);
        let head = head.trim_start_matches('\u{feff}').trim_start().to_ascii_lowercase();
        if bytes.starts_with(b"%PDF-") {
            InputFormat::Pdf
        } else if bytes.starts_with(b"PK\x03\x04") {
            InputFormat::Docx
        } else if head.starts_with("<!doctype html") || head.starts_with("<html") {
            InputFormat::Html
        } else {
            InputFormat::Text
        }
    }

    /// Short name used in messages: `text`, `markdown`, `HTML`, `PDF`, `DOCX`.
    pub fn name(self) -> &'static str {
        match self {
            InputFormat::Text => "text",
            InputFormat::Markdown => "markdown",
            InputFormat::Html => "HTML",
            InputFormat::Pdf => "PDF",
            InputFormat::Docx => "DOCX",
        }
    }
}

/// Where a document comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// A file; its extension gives the format.
    Path(PathBuf),
    /// Standard input (`-` on the command line), in the given format.
    Stdin(InputFormat),
}

impl Source {
    /// The name used in messages and reports: the path, or `-` for standard input.
    pub fn display_path(&self) -> PathBuf {
        match self {
            Source::Path(p) => p.clone(),
            Source::Stdin(_) => PathBuf::from("-"),
        }
    }
}

/// Why a document could not be loaded. Every variant names the file.
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
    /// The extension is not one jobfit reads (a file without one is read by its content).
    #[error("{path}: unsupported file type {extension:?} (supported: .txt, .md, .html, .pdf, .docx)")]
    Unsupported {
        /// The path given.
        path: PathBuf,
        /// The extension found, or empty.
        extension: String,
    },
    /// The input is larger than [`MAX_BYTES`].
    #[error("{path}: file is over the {limit}-byte limit")]
    TooLarge {
        /// The path given.
        path: PathBuf,
        /// The limit in bytes.
        limit: u64,
    },
    /// A text, Markdown or HTML file is not valid UTF-8.
    #[error("{path}:{line}: not valid UTF-8 text")]
    InvalidUtf8 {
        /// The path given.
        path: PathBuf,
        /// 1-based line of the first invalid byte.
        line: usize,
    },
    /// The file is not a well-formed file of its format (corrupt, truncated, encrypted, a bomb).
    #[error("{path}: cannot read as {format}: {reason}")]
    Unreadable {
        /// The path given.
        path: PathBuf,
        /// The format it was read as.
        format: &'static str,
        /// What went wrong.
        reason: String,
    },
    /// The file has no text besides white space.
    #[error("{path}: no text to analyze{hint}")]
    Empty {
        /// The path given.
        path: PathBuf,
        /// Format-specific advice, e.g. for a scanned PDF.
        hint: &'static str,
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

/// Loads a document from a file or standard input.
///
/// Errors: every [`LoadError`] variant, as named there.
pub fn load(source: &Source) -> Result<Document, LoadError> {
    let path = source.display_path();
    let (bytes, format) = match source {
        Source::Path(p) => read_file(p)?,
        Source::Stdin(format) => (read_limited(std::io::stdin().lock(), &path, 0)?, *format),
    };
    from_bytes(&bytes, format, &path)
}

/// A document from the bytes of a file in `format`; `path` names it in errors.
///
/// Errors: [`LoadError::InvalidUtf8`], [`LoadError::Unreadable`], [`LoadError::Empty`].
pub fn from_bytes(bytes: &[u8], format: InputFormat, path: &Path) -> Result<Document, LoadError> {
    let (text, heading) = extract(bytes, format, path)?;
    let hint = match format {
        InputFormat::Text | InputFormat::Markdown => " (the file is empty or blank)",
        InputFormat::Html => " (the page has no visible text)",
        InputFormat::Pdf => " (no text layer: a scanned or image-only PDF? Export it with text or run OCR)",
        InputFormat::Docx => " (the document has no text)",
    };
    let doc = Document::from_text(path, &text).ok_or_else(|| LoadError::Empty { path: path.to_path_buf(), hint })?;
    Ok(doc.with_heading(heading))
}

fn read_file(path: &Path) -> Result<(Vec<u8>, InputFormat), LoadError> {
    let p = || path.to_path_buf();
    let meta = std::fs::metadata(path).map_err(|source| match source.kind() {
        std::io::ErrorKind::NotFound => LoadError::NotFound { path: p() },
        _ => LoadError::Io { path: p(), source },
    })?;
    if meta.is_dir() {
        return Err(LoadError::IsDirectory { path: p() });
    }
    let extension = path.extension().map(|e| e.to_string_lossy().into_owned()).unwrap_or_default();
    let format = InputFormat::from_extension(&extension);
    if format.is_none() && !extension.is_empty() {
        return Err(LoadError::Unsupported { path: p(), extension });
    }
    let file = std::fs::File::open(path).map_err(|source| LoadError::Io { path: p(), source })?;
    let bytes = read_limited(file, path, meta.len())?;
    let format = format.unwrap_or_else(|| InputFormat::sniff(&bytes));
    Ok((bytes, format))
}

/// Reads at most [`MAX_BYTES`]; more is [`LoadError::TooLarge`]. `size` is
/// the expected length (0 when unknown): room for it and one byte more lets
/// a file be read in one call and its end found in a second.
fn read_limited(reader: impl Read, path: &Path, size: u64) -> Result<Vec<u8>, LoadError> {
    let mut bytes = Vec::with_capacity(size.min(MAX_BYTES) as usize + 1);
    reader
        .take(MAX_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|source| LoadError::Io { path: path.to_path_buf(), source })?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(LoadError::TooLarge { path: path.to_path_buf(), limit: MAX_BYTES });
    }
    Ok(bytes)
}

/// The text of a file, and its main heading when the format marks one (HTML).
fn extract(bytes: &[u8], format: InputFormat, path: &Path) -> Result<(String, Option<String>), LoadError> {
    let unreadable = |reason: String| LoadError::Unreadable { path: path.to_path_buf(), format: format.name(), reason };
    let text = match format {
        InputFormat::Text | InputFormat::Markdown => utf8(bytes, path),
        InputFormat::Html => return html::to_text(&utf8(bytes, path)?).map_err(unreadable),
        InputFormat::Pdf => pdf::to_text(bytes).map_err(unreadable),
        InputFormat::Docx => return docx::to_text(bytes).map_err(unreadable),
    };
    Ok((text?, None))
}

fn utf8(bytes: &[u8], path: &Path) -> Result<String, LoadError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    String::from_utf8(bytes.to_vec()).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let line = 1 + e.as_bytes()[..valid].iter().filter(|&&b| b == b'\n').count();
        LoadError::InvalidUtf8 { path: path.to_path_buf(), line }
    })
}

/// Runs `work` on its own thread (with `stack` bytes of stack) and waits at
/// most [`EXTRACT_TIMEOUT`]: a third-party parser that panics, or runs away,
/// gives an error instead of taking the process down. A thread that times
/// out is left to finish on its own.
fn isolated<T: Send + 'static>(
    name: &str,
    stack: usize,
    work: impl FnOnce() -> Result<T, String> + Send + 'static,
) -> Result<T, String> {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::Builder::new()
        .name(name.to_string())
        .stack_size(stack)
        .spawn(move || {
            let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(work));
            let _ = tx.send(result);
        })
        .map_err(|e| format!("cannot start the {name} thread: {e}"))?;
    match rx.recv_timeout(EXTRACT_TIMEOUT) {
        Ok(Ok(result)) => result,
        Ok(Err(_)) => Err(format!("the {name} parser failed on this file (malformed input)")),
        Err(_) => Err(format!("gave up after {} s (the file may be malformed)", EXTRACT_TIMEOUT.as_secs())),
    }
}

/// Thread name prefix of isolated extractors; the binary silences their panic messages.
pub const ISOLATED_THREAD_PREFIX: &str = "jobfit-extract";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffing_reads_the_first_bytes() {
        assert_eq!(InputFormat::sniff(b"%PDF-1.7\n"), InputFormat::Pdf);
        assert_eq!(InputFormat::sniff(b"PK\x03\x04rest"), InputFormat::Docx);
        assert_eq!(InputFormat::sniff(b"  <!DOCTYPE html><p>x"), InputFormat::Html);
        assert_eq!(InputFormat::sniff("\u{feff}<html><body>x".as_bytes()), InputFormat::Html, "after a BOM too");
        assert_eq!(InputFormat::sniff(b"Senior Engineer\n<html> is a tag"), InputFormat::Text);
    }
}
