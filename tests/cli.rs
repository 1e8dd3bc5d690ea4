//! CLI snapshot cases (trycmd): one `.toml` per case in `tests/cmd/`, run
//! from the repository root over the real sample files. Refresh with
//! `TRYCMD=overwrite cargo test --test integration cli`.

#[test]
fn cli_cases() {
    trycmd::TestCases::new().case("tests/cmd/*.toml");
}
