//! Building the lexicon from source taxonomies.
