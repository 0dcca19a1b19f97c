//! A click on a big invitation page, natively: the snapshot JSON in, the plan JSON out (what the
//! worker's `planRequest` does), on pages of 300 and 1,000 cards shaped like `tests/bench.mjs`'s
//! (LinkedIn's 2026 layout, each card with a long clamped note), with a message box open.
//! Issue 8's budget is for the same in WASM: read + plan ≤ 10 ms at 300, ≤ 30 ms at 1,000.

use criterion::{criterion_group, criterion_main, Criterion};
use notyet_core::click::plan_json;
use notyet_core::read::read_page;
use notyet_core::snapshot::Snapshot;
use std::hint::black_box;

/// One card as the agent sends it: picture, name, relation line, headline, shared
/// connections, time, the note with its "… show more", Reply, Ignore and Accept.
fn card(k: usize) -> String {
    let note = "Hi Pat, I read your post about saying \\\"not yet\\\" to strangers on LinkedIn and it made me smile. I coach people who are changing careers, and your point about keeping a network small enough to actually help each other stuck with me. Would you be open to connecting? I'd love to hear how you decide whom to accept, and I'm happy to share what I see with my clients.";
    format!(
        r#"["div",["div",["div",{{"role":"listitem","componentkey":"urn:li:invitation:{id}"}},["a",{{"href":"/in/sam-person-{k}/"}},["img"]],["div",["p",["a",{{"href":"/in/sam-person-{k}/"}},["strong","Sam Person{k}"]]],["p","Sam Person{k} is inviting you to connect"],["p","Career coach | Speaker"],["p","Casey Ray and 8 other mutual connections"],["p","2 weeks ago"]],["div",["p","{note}"],["button",{{"aria-expanded":"false"}},"… show more"]],["div",["button","Reply to Sam{k}"]],["div",["button",{{"aria-label":"Ignore an invitation to connect from Sam Person{k}"}},"Ignore"],["button",{{"aria-label":"Accept Sam Person{k}’s invitation"}},"Accept"]]]]]"#,
        id = 7_391_204_518_340_000_000u64 + k as u64
    )
}

/// A received-invitations page of `n` cards with the first one's conversation open.
fn page(n: usize) -> String {
    let cards: Vec<String> = (0..n).map(card).collect();
    format!(
        r#"{{"url":"https://www.linkedin.com/mynetwork/invitation-manager/received/","title":"Manage invitations | LinkedIn","lang":"en","root":["html",["body",["main",["section",{{"aria-label":"Invitations"}},["h1","Manage invitations"],["div",{{"role":"radiogroup"}},["div",{{"role":"radio","aria-checked":"true"}},"People ({n})"]],["div",{cards}]]],["aside",{{"class":"msg-overlay-container"}},["div",{{"class":"msg-overlay-conversation-bubble msg-overlay-conversation-bubble--is-active","role":"dialog","aria-label":"Sam Person0"}},["h2",{{"class":"msg-overlay-bubble-header__title"}},["a",{{"href":"/in/sam-person-0/"}},["span","Sam Person0"]]],["form",{{"class":"msg-form"}},["div",{{"class":"msg-form__contenteditable","contenteditable":"true","role":"textbox","aria-label":"Write a message…"}},["p",["br"]]]]]]]]}}"#,
        cards = cards.join(",")
    )
}

fn bench(c: &mut Criterion) {
    let settings = r#"{"me":{"name":"Pat Example","email":"pat@example.com"}}"#;
    for n in [300, 1000] {
        let json = page(n);
        let plan = plan_json(&json, settings, "", "", "en");
        assert_eq!(plan.invitations.len(), n, "every card is read");
        assert!(plan.insert.is_some(), "a draft for the open conversation: {}", plan.notice.text);
        c.bench_function(&format!("plan_{n}"), |b| b.iter(|| serde_json::to_string(&plan_json(black_box(&json), settings, "", "", "en")).expect("serializes")));
        let snapshot = Snapshot::from_json(&json).expect("parses");
        c.bench_function(&format!("read_{n}"), |b| b.iter(|| read_page(black_box(&snapshot))));
        c.bench_function(&format!("parse_{n}"), |b| b.iter(|| Snapshot::from_json(black_box(&json)).expect("parses")));
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
