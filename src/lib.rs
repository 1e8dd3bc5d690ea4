//! jobfit: an ATS job-matching analyzer. It loads a résumé and job posts,
//! finds their sections and lexicon skills, and scores how well the résumé
//! covers what the post asks for, with the gaps ranked by importance.
pub mod analyzer;
pub mod app;
pub mod batch;
pub mod cli;
pub mod config;
pub mod contact;
pub mod context;
pub mod cues;
pub mod degree;
pub mod diff;
pub mod document;
pub mod employer;
pub mod eval;
pub mod excerpt;
pub mod experience;
pub mod extract;
pub mod fingerprint;
pub mod index;
pub mod keywords;
pub mod kind;
pub mod lexicon;
pub mod load;
pub mod matcher;
pub mod normalize;
pub mod quality;
pub mod rank;
pub mod report;
pub mod score;
pub mod search;
pub mod sections;
pub mod tokenize;
