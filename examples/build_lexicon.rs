fn main() {
    let s = std::path::Path::new("../shared/data/lexicon-sources");
    let inputs = jobfit::lexicon::build::BuildInputs {
        esco: s.join("esco-v1.1.1"),
        onet: s.join("onet-29.3"),
        linguist: s.join("github-linguist"),
        devicon: s.join("devicon/devicon.json"),
        simple_icons: s.join("simple-icons/simple-icons.json"),
        overrides: "lexicon/overrides.tsv".into(),
    };
    let lex = jobfit::lexicon::build::build(&inputs).unwrap();
    std::fs::write("lexicon/skills.tsv", lex.to_tsv()).unwrap();
}
