//! Test support: fixture HTML → the [`Snapshot`] the page agent would send.
//!
//! Mirrors `extension/agent.js`: only [`ATTRIBUTES`] are kept (classes through [`kept_classes`]),
//! [`SKIPPED_TAGS`] and comments are
//! dropped, whitespace-only text is dropped, an open shadow root (declarative here:
//! `<template shadowrootmode="open">`) becomes a `#shadow-root` first child of its host, and a
//! same-origin `<iframe src="/…">` gets a `#document` child holding the frame file's `<html>`.
//! Ids are given in document order. The `data-fx-*` test markers are read here, on the side,
//! and never reach the snapshot.

#![allow(dead_code)]

use ego_tree::NodeRef;
use notyet_core::snapshot::{kept_classes, Child, Node, Snapshot, ATTRIBUTES, SKIPPED_TAGS};
use scraper::{Html, Node as HtmlNode};
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

/// Parses `html` served at `url`; frames are read from `dir`, as the fixture server serves them.
pub fn snapshot_of(html: &str, url: &str, dir: &Path) -> Converted {
    let doc = Html::parse_document(html);
    let mut b = Builder { next: 1, composers: Vec::new(), dir: dir.to_path_buf(), frames: 0 };
    let root_ref = doc.root_element();
    let root = b.element(*root_ref);
    let title = doc
        .tree
        .root()
        .descendants()
        .find(|n| n.value().as_element().is_some_and(|e| e.name() == "title"))
        .map(|n| n.descendants().filter_map(|d| d.value().as_text().map(|t| t.to_string())).collect::<String>())
        .unwrap_or_default();
    let lang = root_ref.value().attr("lang").unwrap_or("").to_owned();
    Converted { snapshot: Snapshot { url: url.to_owned(), title: title.trim().to_owned(), lang, root, focus: None }, composers: b.composers }
}

struct Builder {
    next: u32,
    composers: Vec<u32>,
    dir: PathBuf,
    /// Frames opened so far: a page framing itself must end.
    frames: u32,
}

impl Builder {
    fn id(&mut self) -> u32 {
        let id = self.next;
        self.next += 1;
        id
    }

    fn element(&mut self, node: NodeRef<HtmlNode>) -> Node {
        let Some(el) = node.value().as_element() else {
            return Node::default();
        };
        let id = self.id();
        if el.attr("data-fx-composer").is_some() {
            self.composers.push(id);
        }
        let attrs = el
            .attrs()
            .filter(|(k, _)| ATTRIBUTES.contains(k))
            .filter_map(|(k, v)| if k == "class" { kept_classes(v).map(|c| (k.to_owned(), c)) } else { Some((k.to_owned(), v.to_owned())) })
            .collect();
        let mut out = Node { id, tag: el.name().to_ascii_lowercase(), attrs, children: Vec::new() };

        // The agent puts the shadow root first, then a frame's document, then the light children.
        let shadow =
            node.children().find(|c| c.value().as_element().is_some_and(|e| e.name() == "template" && matches!(e.attr("shadowrootmode"), Some("open"))));
        if let Some(template) = shadow {
            let sid = self.id();
            // html5ever keeps a template's content in a fragment below it.
            let content = template.children().find(|c| matches!(c.value(), HtmlNode::Fragment)).unwrap_or(template);
            let children = self.children(content);
            out.children.push(Child::Element(Node { id: sid, tag: "#shadow-root".into(), attrs: Vec::new(), children }));
        }
        if matches!(el.name(), "iframe" | "frame") {
            if let Some(doc) = el.attr("src").and_then(|src| self.frame(src)) {
                out.children.push(Child::Element(doc));
            }
        }
        let light = self.children(node);
        out.children.extend(light);
        out
    }

    fn children(&mut self, parent: NodeRef<HtmlNode>) -> Vec<Child> {
        let mut out = Vec::new();
        for child in parent.children() {
            match child.value() {
                HtmlNode::Text(t) if !t.trim().is_empty() => out.push(Child::Text(t.to_string())),
                HtmlNode::Element(e) if !SKIPPED_TAGS.contains(&e.name()) => out.push(Child::Element(self.element(child))),
                _ => {}
            }
        }
        out
    }

    /// A same-origin frame's document, read from the fixture directory.
    fn frame(&mut self, src: &str) -> Option<Node> {
        let path = src.strip_prefix('/')?.split(['?', '#']).next()?;
        if self.frames > 8 || path.contains("..") {
            return None;
        }
        let html = std::fs::read_to_string(self.dir.join(path)).ok()?;
        self.frames += 1;
        let doc = Html::parse_document(&html);
        let id = self.id();
        let root = self.element(*doc.root_element());
        Some(Node { id, tag: "#document".into(), attrs: Vec::new(), children: vec![Child::Element(root)] })
    }
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
