//! The `jobfit` binary: parse arguments, run, print, exit (0 ok, 1 below
//! `--min-score`, 2 error).

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
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
    let outcome = jobfit::app::run(&config)?;
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(outcome.stdout.as_bytes()).and_then(|()| stdout.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(anyhow::Error::new(e).context("writing output")),
        _ => Ok(outcome.code),
    }
}
