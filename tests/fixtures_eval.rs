//! Runs the evaluation over `fixtures/articles` (documents with gold written
//! by hand), the held-out batches of `fixtures/heldout` and, when the shared
//! development set is present, over the seeds; asserts the floors reached.

use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use jangae::Extractor;
use jangae::evaluate::{Options, evaluate_dir};

static EXTRACTOR: LazyLock<Extractor> = LazyLock::new(|| Extractor::new().expect("dictionary"));

// Floors just under what the fixtures reach at the time of writing (the
// issue asks for 0.95; the report lists what is still missed).
const F1_FLOOR: f64 = 0.99;
const MEAN_FLOOR: f64 = 0.98;

// Floors on the seeds (the development set).
const SEEDS_F1_FLOOR: f64 = 0.99;
const SEEDS_MEAN_FLOOR: f64 = 0.99;

// Held-out batches (see fixtures/heldout/README.md): floors a little under
// the numbers measured, so that a regression shows. They are not targets: a
// rule written to lift them would turn the batch into development data.
const HELDOUT_FLOORS: [(&str, f64, f64); 3] = [
    ("batch1", 0.95, 0.88),
    ("batch2", 0.85, 0.75),
    ("batch3", 0.85, 0.70),
];

#[test]
fn fixtures_meet_the_floors() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/articles");
    let report = evaluate_dir(&EXTRACTOR, &dir, &Options::default()).expect("evaluate");
    assert!(report.documents.len() >= 12, "fixtures missing");
    let (f1, mean) = (report.f1(), report.mean_field_accuracy());
    assert!(f1 >= F1_FLOOR, "incident F1 {f1:.3} below {F1_FLOOR}");
    assert!(
        mean >= MEAN_FLOOR,
        "mean field accuracy {mean:.3} below {MEAN_FLOOR}"
    );
}

#[test]
fn heldout_batches_stay_above_their_floors() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/heldout");
    for (batch, f1_floor, mean_floor) in HELDOUT_FLOORS {
        let report =
            evaluate_dir(&EXTRACTOR, &root.join(batch), &Options::default()).expect("evaluate");
        assert!(report.documents.len() >= 4, "{batch}: documents missing");
        let (f1, mean) = (report.f1(), report.mean_field_accuracy());
        assert!(
            f1 >= f1_floor,
            "{batch}: incident F1 {f1:.3} below {f1_floor}"
        );
        assert!(
            mean >= mean_floor,
            "{batch}: mean field accuracy {mean:.3} below {mean_floor}"
        );
    }
}

/// The seeds live outside the repository (`../shared/seeds` from the main
/// checkout, one level further up from a worktree); skipped when absent.
fn seeds_dir() -> Option<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    ["../shared/seeds", "../../shared/seeds"]
        .iter()
        .map(|p| root.join(p))
        .find(|p| p.is_dir())
}

#[test]
fn seeds_meet_the_floors() {
    let Some(dir) = seeds_dir() else {
        eprintln!("seeds not found; skipped");
        return;
    };
    let options = Options {
        reference_from_gold: true,
    };
    let report = evaluate_dir(&EXTRACTOR, &dir, &options).expect("evaluate");
    let (f1, mean) = (report.f1(), report.mean_field_accuracy());
    assert!(
        f1 >= SEEDS_F1_FLOOR,
        "seeds incident F1 {f1:.3} below {SEEDS_F1_FLOOR}"
    );
    assert!(
        mean >= SEEDS_MEAN_FLOOR,
        "seeds mean field accuracy {mean:.3} below {SEEDS_MEAN_FLOOR}"
    );
}
