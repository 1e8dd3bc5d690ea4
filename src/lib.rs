//! jobfit: an ATS job-matching analyzer.
pub mod document;
pub mod lexicon;
pub mod matcher;
pub mod normalize;
pub mod sections;
pub mod tokenize;
pub mod extract;
