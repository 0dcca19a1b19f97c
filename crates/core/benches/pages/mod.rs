// The bench's generated invitation pages (LinkedIn's 2026 layout), shared by `read.rs`,
// `examples/click_plan.rs` and the lazy reading's differential test (`click.rs`, by `include!`,
// hence plain comments here).

/// One card as the agent sends it: picture, name, relation line, headline, shared
/// connections, time, the note with its "… show more", Reply, Ignore and Accept.
pub fn card(k: usize) -> String {
    let note = "Hi Pat, I read your post about saying \\\"not yet\\\" to strangers on LinkedIn and it made me smile. I coach people who are changing careers, and your point about keeping a network small enough to actually help each other stuck with me. Would you be open to connecting? I'd love to hear how you decide whom to accept, and I'm happy to share what I see with my clients.";
    format!(
        r#"["div",["div",["div",{{"role":"listitem","componentkey":"urn:li:invitation:{id}"}},["a",{{"href":"/in/sam-person-{k}/"}},["img"]],["div",["p",["a",{{"href":"/in/sam-person-{k}/"}},["strong","Sam Person{k}"]]],["p","Sam Person{k} is inviting you to connect"],["p","Career coach | Speaker"],["p","Casey Ray and 8 other mutual connections"],["p","2 weeks ago"]],["div",["p","{note}"],["button",{{"aria-expanded":"false"}},"… show more"]],["div",["button","Reply to Sam{k}"]],["div",["button",{{"aria-label":"Ignore an invitation to connect from Sam Person{k}"}},"Ignore"],["button",{{"aria-label":"Accept Sam Person{k}’s invitation"}},"Accept"]]]]]"#,
        id = 7_391_204_518_340_000_000u64 + k as u64
    )
}

/// A received-invitations page of `n` cards with the first one's conversation open.
pub fn page(n: usize) -> String {
    let cards: Vec<String> = (0..n).map(card).collect();
    format!(
        r#"{{"url":"https://www.linkedin.com/mynetwork/invitation-manager/received/","title":"Manage invitations | LinkedIn","lang":"en","root":["html",["body",["main",["section",{{"aria-label":"Invitations"}},["h1","Manage invitations"],["div",{{"role":"radiogroup"}},["div",{{"role":"radio","aria-checked":"true"}},"People ({n})"]],["div",{cards}]]],["aside",{{"class":"msg-overlay-container"}},["div",{{"class":"msg-overlay-conversation-bubble msg-overlay-conversation-bubble--is-active","role":"dialog","aria-label":"Sam Person0"}},["h2",{{"class":"msg-overlay-bubble-header__title"}},["a",{{"href":"/in/sam-person-0/"}},["span","Sam Person0"]]],["form",{{"class":"msg-form"}},["div",{{"class":"msg-form__contenteditable","contenteditable":"true","role":"textbox","aria-label":"Write a message…"}},["p",["br"]]]]]]]]}}"#,
        cards = cards.join(",")
    )
}
