//! Test support: fixture HTML → the [`Snapshot`] the page agent would send, through the core's
//! own `html` conversion (the one the command line uses). The `data-fx-composer` test marker is
//! read on the side and never reaches the snapshot; frames are read from the fixture directory,
//! as the fixture server serves them.

#![allow(dead_code)]

use notyet_core::html::{self, Options};
use notyet_core::snapshot::Snapshot;
use std::path::{Path, PathBuf};

/// A fixture page as the agent would see it, plus what the test markers say.
pub struct Converted {
    pub snapshot: Snapshot,
    /// Ids of the elements marked `data-fx-composer`, in page order.
    pub composers: Vec<u32>,
}

/// The fixture directory of the browser tests.
pub fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/pages")
}

/// The directory of pages whose markup comes from outside this project.
pub fn outside_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/outside")
}

/// Parses `html` served at `url`; frames are read from `dir`, as the fixture server serves them
/// (a directory's `index.html` for a path such as `/preload/`).
pub fn snapshot_of(html: &str, url: &str, dir: &Path) -> Converted {
    let load = |path: &str| {
        let file = dir.join(path);
        std::fs::read_to_string(if file.is_dir() { file.join("index.html") } else { file }).ok()
    };
    let page = html::snapshot_of(html, url, &Options { frames: Some(&load), mark: Some("data-fx-composer") });
    Converted { snapshot: page.snapshot, composers: page.marked }
}

/// One invitation card of the 2026 layout, as the benchmark page repeats it.
pub fn new_layout_card(i: usize) -> String {
    let name = format!("Person{i} Example{i}");
    let slug = format!("person-{i}");
    let note = if i % 3 == 0 {
        format!(
            r#"<div class="e1f2a3b4"><p class="_9cb3f17d">Hi Pat, I enjoyed your talk number {i} and would like to stay in touch about data tooling.</p><button class="b7c8d9e0" aria-expanded="false">… show more</button><button class="b7c8d9e0">Reply to Person{i}</button></div>"#
        )
    } else {
        String::new()
    };
    format!(
        r#"<div class="_175f6c4b"><div data-display-contents="true"><div role="listitem" componentkey="urn:li:invitation:{id}" class="a9b72b69 _347e609e">
<a class="d4ba77c2" href="https://www.linkedin.com/in/{slug}/" tabindex="-1"><img alt="{name}’s profile picture" class="f0a1b2c3" width="56" height="56"></a>
<div class="_970c3eec a9b72b69"><p class="_9cb3f17d cde1cee6"><a class="d4ba77c2" href="https://www.linkedin.com/in/{slug}/"><strong>{name}</strong></a></p>
<p class="_9cb3f17d">{name} is inviting you to connect</p><p class="_9cb3f17d">Engineer {i} at Example Corp</p>
<p class="_9cb3f17d">Casey Ray and {m} other mutual connections</p><p class="_9cb3f17d">{d} days ago</p></div>{note}
<div class="c1d2e3f4"><button class="b7c8d9e0" aria-label="Ignore an invitation to connect from {name}">Ignore</button><button class="b7c8d9e0" aria-label="Accept {name}’s invitation">Accept</button></div>
</div></div></div>"#,
        id = 7_391_000_000_000_000_000u64 + i as u64,
        m = i % 17,
        d = 1 + i % 6,
    )
}

/// A received-invitations page of the 2026 layout holding `n` cards.
pub fn new_layout_page(n: usize) -> String {
    let cards: String = (0..n).map(new_layout_card).collect();
    format!(
        r#"<!DOCTYPE html><html lang="en"><head><title>Manage invitations | LinkedIn</title></head><body>
<main id="workspace" class="f59fbc39 c3bcac2f"><div class="_6376d83e"><section class="_584fdf8e" aria-label="Invitations">
<div class="_93e2ccf0" data-sdui-screen="com.linkedin.sdui.flagshipnav.mynetwork.invitations.InvitationsReceived">
<div class="_970c3eec" data-testid="lazy-column">{cards}</div></div></section></div></main></body></html>"#
    )
}
