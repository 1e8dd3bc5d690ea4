fn main() {
    let ex = jobfit::extract::Extractor::embedded().unwrap();
    for p in std::env::args().skip(1) {
        let doc = jobfit::document::Document::load(p.as_ref()).unwrap();
        let a = ex.analyze(doc);
        for r in ex.records(&a) {
            println!("{}:{} {:?} -> {} [{}] ({})", r.line, r.start, r.surface, r.skill, r.category, r.section);
        }
    }
}
