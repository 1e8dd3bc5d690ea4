//! Integration tests: CLI snapshots, JSON output, data files.

mod cli;
mod json;
mod lexicon;
mod shared;
