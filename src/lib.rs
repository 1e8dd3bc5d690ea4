//! jobfit: an ATS job-matching analyzer.
pub mod lexicon;
pub mod matcher;
pub mod tokenize;
