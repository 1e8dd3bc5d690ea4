//! The `jobfit` binary: parse arguments, run, print, exit (0 ok, 1 below
//! `--min-score`, 2 error, 130 `index add` stopped by Ctrl-C).

use std::io::Write;
use std::process::ExitCode;

use anyhow::Context;
use clap::Parser;

mod bar;

/// mimalloc: indexing allocates many small strings on two threads, where
/// glibc malloc cost about 9% of the run.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    silence_isolated_panics();
    match run() {
        Ok(code) => ExitCode::from(code),
        Err(err) => {
            eprintln!("jobfit: {err:#}");
            ExitCode::from(2)
        }
    }
}

fn run() -> anyhow::Result<u8> {
    let config = jobfit::cli::Cli::parse().into_config()?;
    let progress = bar::Bar::default();
    if matches!(config, jobfit::config::Config::IndexAdd { .. }) {
        bar::stop_on_ctrl_c().context("installing the Ctrl-C handler")?;
    }
    let outcome = jobfit::app::run(&config, &progress)?;
    for warning in &outcome.warnings {
        eprintln!("jobfit: warning: {warning}");
    }
    for error in &outcome.errors {
        eprintln!("jobfit: {error}");
    }
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(outcome.stdout.as_bytes()).and_then(|()| stdout.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(anyhow::Error::new(e).context("writing output")),
        _ => Ok(outcome.code),
    }
}

/// A third-party parser that panics on a malformed file runs on an isolated
/// thread and becomes an error message; its panic text is not printed.
fn silence_isolated_panics() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let name = std::thread::current().name().map(str::to_string).unwrap_or_default();
        if !name.starts_with(jobfit::load::ISOLATED_THREAD_PREFIX) {
            default(info);
        }
    }));
}
