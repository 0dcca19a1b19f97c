//! `decide` over a page's worth of invitations: the budget is 2 ms for 300, natively.

use criterion::{criterion_group, criterion_main, Criterion};
use notyet_core::{decide, Invitation, Kind, Settings};
use std::hint::black_box;

/// Name, headline, note, mutual connections, kind.
type Shape = (&'static str, &'static str, Option<&'static str>, Option<u32>, Kind);

/// 300 invitations across every category, with notes of realistic length.
fn invitations() -> Vec<Invitation> {
    let shapes: [Shape; 10] = [
        ("Kathie Smith", "Career coach | Speaker", Some("Hi, I read your post about networking and would like to connect."), Some(3), Kind::Person),
        ("Dr. Jane Doe, PhD", "Researcher at Acme Corp", None, Some(40), Kind::Person),
        (
            "Priya Nair",
            "Senior Technical Recruiter at Hooli",
            Some("Hi Pat, I have a role that might interest you: a staff engineer position in Berlin."),
            Some(4),
            Kind::Person,
        ),
        (
            "Ryan Cole",
            "Founder at GrowthLab | We help SaaS companies scale",
            Some("We help SaaS companies double their pipeline. Can we book a call next week?"),
            None,
            Kind::Person,
        ),
        ("Linda Brown", "", Some("Hello dear, you have a beautiful smile. Please write me on WhatsApp."), None, Kind::Person),
        ("Laura Fischer", "Data scientist", None, Some(25), Kind::Person),
        (
            "Thomas Müller",
            "Softwarearchitekt",
            Some("Hallo Herr Example, ich habe Ihren Vortrag über Barrierefreiheit gesehen und fand ihn sehr hilfreich."),
            Some(2),
            Kind::Person,
        ),
        (
            "Camille Dubois",
            "Développeuse web",
            Some("Bonjour, j'ai beaucoup aimé votre article sur la sobriété numérique et je serais ravie d'échanger avec vous."),
            None,
            Kind::Person,
        ),
        ("Paul Wright", "Accountant", Some("I'd like to join your professional network."), Some(1), Kind::Person),
        ("Weekly Rust Tips", "", None, None, Kind::Newsletter),
    ];
    (0..300)
        .map(|i| {
            let (name, headline, note, mutual, kind) = shapes[i % shapes.len()];
            Invitation {
                site: "linkedin".into(),
                kind,
                name: name.into(),
                first_name: None,
                headline: Some(headline.into()),
                note: note.map(|n| format!("{n} ({i})")),
                mutual_connections: mutual,
                profile_url: None,
                sent: Some("1 week ago".into()),
            }
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let (settings, _) = Settings::from_json(
        r#"{"me": {"name": "Pat Example", "email": "pat@example.com", "link": "https://example.com/why"},
            "known": {"people": ["Jane Doe"], "companies": ["Acme Corp"], "schools": ["TU Wien"]},
            "rules": [{"name": "rust recruiters", "when": {"category": "recruiter", "keywords": ["rust"]}, "then": {"action": "ignore"}}]}"#,
    );
    let invitations = invitations();
    c.bench_function("decide_300", |b| {
        b.iter(|| {
            for inv in &invitations {
                black_box(decide(black_box(inv), &settings));
            }
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
