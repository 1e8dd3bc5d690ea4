//! Integration tests: CLI snapshots, JSON output, documents, fuzzing, data files.

mod accuracy;
mod cli;
mod documents;
mod fuzz;
mod json;
mod lexicon;
mod pool;
mod shared;
mod tiers;
