//! Pages that are odd or hostile, read natively: each is read sensibly, with no panic and no
//! draft for the wrong person.

use notyet_core::click::{self, plan, plan_request, Request};
use notyet_core::html::{snapshot_of, Options};
use notyet_core::read::read_page;
use notyet_core::snapshot::{Snapshot, MAX_DEPTH};
use notyet_core::words::Ui;
use notyet_core::{Kind, Settings};

const MANAGER: &str = "https://www.linkedin.com/mynetwork/invitation-manager/received/";

fn page(body: &str) -> Snapshot {
    page_in("en", body)
}

/// A page in interface language `lang` (`<html lang>`; "" names none).
fn page_in(lang: &str, body: &str) -> Snapshot {
    snapshot_of(
        &format!("<!DOCTYPE html><html lang=\"{lang}\"><head><title>t</title></head><body><main>{body}</main></body></html>"),
        MANAGER,
        &Options::default(),
    )
    .snapshot
}

/// A 2026-style card with no marks at all: a picture link, the name, lines, then the controls.
fn bare_card(name: &str, slug: &str, lines: &[&str], after: &str) -> String {
    let lines: String = lines.iter().map(|l| format!("<p>{l}</p>")).collect();
    format!(
        r#"<div><a href="/in/{slug}/"><img alt=""></a><div><p><a href="/in/{slug}/">{name}</a></p>{lines}</div><div><button aria-label="Ignore an invitation to connect from {name}">Ignore</button><button aria-label="Accept {name}’s invitation">Accept</button></div>{after}</div>"#
    )
}

#[test]
fn thousands_of_hidden_invitations_are_not_read() {
    let hidden: String =
        (0..3000).map(|i| bare_card(&format!("Hidden Person{i}"), &format!("hidden-{i}"), &["Hidden Person is inviting you to connect", "1d"], "")).collect();
    let shown = bare_card("Sam Lee", "sam-lee", &["Sam Lee is inviting you to connect", "Engineer", "2 weeks ago"], "");
    for wrapper in [
        "<section hidden>{}</section>",
        "<section style=\"display:none\">{}</section>",
        "<section aria-hidden=\"true\">{}</section>",
        "<section inert>{}</section>",
    ] {
        let body = format!("{}<section>{shown}</section>", wrapper.replace("{}", &hidden));
        let read = read_page(&page(&body));
        let names: Vec<&str> = read.invitations.iter().map(|i| i.name.as_str()).collect();
        assert_eq!(names, ["Sam Lee"], "{wrapper}");
    }
}

#[test]
fn cards_found_by_their_controls_alone_with_the_note_after_the_buttons() {
    let body = format!(
        "<section>{}{}</section>",
        bare_card("Sam Lee", "sam-lee", &["Product lead at Acme", "3 mutual connections"], "<p>2 weeks ago I saw your talk in Lisbon and loved it.</p>"),
        bare_card("Ann Kim", "ann-kim", &["Designer", "Yesterday"], "")
    );
    let read = read_page(&page(&body));
    assert_eq!(read.invitations.len(), 2, "{:?}", read.invitations);
    let sam = &read.invitations[0];
    assert_eq!(sam.name, "Sam Lee");
    assert_eq!(sam.headline.as_deref(), Some("Product lead at Acme"));
    assert_eq!(sam.mutual_connections, Some(3));
    // A note that starts like a time is a note, and a card may show no time at all.
    assert_eq!(sam.note.as_deref(), Some("2 weeks ago I saw your talk in Lisbon and loved it."));
    assert_eq!(sam.sent, None);
    assert_eq!(read.invitations[1].sent.as_deref(), Some("Yesterday"));
    assert_eq!(read.invitations[1].note, None);
}

#[test]
fn a_quick_reply_saying_accept_is_not_an_answer() {
    // LinkedIn's messaging overlay offers quick replies under a message: the button shows the
    // suggested words ("Aceptar", "Accept") and tells screen readers what it does. Seen in real
    // Ember markup (outside page es-sp-ember-bubble-connection): an open conversation with a
    // connection was read as an invitation with no name.
    let reply =
        |words: &str, spoken: &str| format!(r#"<li><button><span class="a11y-text">{spoken}</span><span aria-hidden="true">{words}</span></button></li>"#);
    let body = format!(
        r#"<div class="msg-overlay-conversation-bubble" role="dialog"><ul><li><a href="/in/ACoAADgAroQ/">Mariana Hohot</a><p>Hello, it will be a pleasure to be part of your network.</p></li><li><ul>{}{}{}</ul></li></ul><div contenteditable="true" role="textbox"><p><br></p></div>"#,
        reply("Gracias, Mariana", "Responder a la conversación con «Gracias, Mariana»"),
        reply("Aceptar", "Responder a la conversación con «Aceptar»"),
        reply("Accept", "Reply to conversation with “Accept”"),
    ) + r#"<button aria-label="Reply to conversation with “Accept”">Accept</button></div>"#;
    let read = read_page(&page(&body));
    let names: Vec<&str> = read.invitations.iter().map(|i| i.name.as_str()).collect();
    assert!(names.is_empty(), "read {names:?}");
    // A card's own Accept keeps working beside such replies.
    let both = format!("<section>{}</section>{body}", bare_card("Sam Lee", "sam-lee", &["Engineer", "2 weeks ago"], ""));
    let read = read_page(&page(&both));
    let names: Vec<&str> = read.invitations.iter().map(|i| i.name.as_str()).collect();
    assert_eq!(names, ["Sam Lee"]);
}

#[test]
fn a_note_in_several_inline_pieces_keeps_its_spaces() {
    // Ember's clamped note renders each visible line as its own <span>, the lines apart only by
    // the white space between the tags (which the snapshot drops): the words at the seams must
    // not be glued ("accessibledesign").
    let card = r#"<ul class="mn-invitation-list"><li class="invitation-card artdeco-list__item"><div class="invitation-card__container"><a class="invitation-card__picture" href="/in/aiko-tanaka/"><img alt=""></a><div class="invitation-card__details"><div class="invitation-card__tvm-title"><a href="/in/aiko-tanaka/"><strong><span>Aiko Tanaka</span></strong></a></div><div class="invitation-card__subtitle">Student</div></div><div class="invitation-card__action-container"><button class="invitation-card__action-btn">Ignore</button><button class="invitation-card__action-btn">Accept</button></div></div><div class="invitation-card__custom-message-container"><div class="invitation-card__custom-message">
      <span class="lt-line-clamp__line">Hi, I enjoyed your talk on accessible</span>
      <span class="lt-line-clamp__line lt-line-clamp__line--last">design systems and would like to connect.</span>
    </div></div></li></ul>"#;
    let read = read_page(&page(card));
    assert_eq!(read.invitations.len(), 1);
    assert_eq!(read.invitations[0].note.as_deref(), Some("Hi, I enjoyed your talk on accessible design systems and would like to connect."));
}

#[test]
fn the_cookie_consent_banner_is_not_an_invitation() {
    // LinkedIn's consent banner (artdeco-global-alert) asks "Accept" or "Reject" above the page.
    // Markup as a saved LinkedIn page shows it; bots click it by `button[action-type="ACCEPT"]`.
    // Read before as an invitation from "LinkedIn respects your privacy".
    let banner = r#"<div class="global-alert-offset-top"><section class="artdeco-global-alert"><div><h2>LinkedIn respects your privacy</h2><div class="artdeco-global-alert__content"><p>LinkedIn and 3rd parties use essential and non-essential cookies to provide, secure, analyze and improve our Services. Learn more in our <a href="https://www.linkedin.com/legal/cookie-policy">Cookie Policy</a>.</p><p>Select Accept to consent or Reject to decline non-essential cookies for this use. You can update your choices at any time in your <a href="https://www.linkedin.com/mypreferences/g/guest-cookies">settings</a>.</p></div></div><div class="artdeco-global-alert-action__wrapper"><button class="artdeco-global-alert-action artdeco-button" action-type="ACCEPT">Accept</button><button class="artdeco-global-alert-action artdeco-button" action-type="DENY">Reject</button></div></section></div>"#;
    let snapshot = |body: &str| {
        snapshot_of(
            &format!("<!DOCTYPE html><html lang=\"en\"><head><title>t</title></head><body>{banner}<main>{body}</main></body></html>"),
            MANAGER,
            &Options::default(),
        )
        .snapshot
    };
    let read = read_page(&snapshot(&bare_card("Sam Lee", "sam-lee", &["Engineer", "2 weeks ago"], "")));
    let names: Vec<&str> = read.invitations.iter().map(|i| i.name.as_str()).collect();
    assert_eq!(names, ["Sam Lee"]);
    let read = read_page(&snapshot("<p>No pending invitations</p>"));
    assert!(read.invitations.is_empty(), "read {:?}", read.invitations);
}

#[test]
fn the_take_care_warning_after_accept_is_not_another_invitation() {
    // Accepting someone from outside your network may open a modal "Take care when connecting"
    // with "View profile" and "Accept invite" (browser-use/browser-harness, domain-skills/linkedin,
    // invitation-manager.md, 2026-04). It is about a card already on the page: not one more
    // invitation (read before as one from "View profile").
    let cards = [bare_card("Sam Lee", "sam-lee", &["Engineer", "2 weeks ago"], ""), bare_card("Ann Kim", "ann-kim", &["Designer", "3 days ago"], "")];
    for view in [r#"<a href="/in/sam-lee/">View profile</a>"#, r#"<button>View profile</button>"#] {
        let modal = format!(
            r#"<div role="dialog" aria-modal="true"><h2>Take care when connecting</h2><p>Sam Lee isn't in your network.</p><div>{view}<button>Accept invite</button></div></div>"#
        );
        let read = read_page(&page(&format!("<section>{}</section>{modal}", cards.concat())));
        let names: Vec<&str> = read.invitations.iter().map(|i| i.name.as_str()).collect();
        assert_eq!(names, ["Sam Lee", "Ann Kim"], "with {view}");
        // The list behind the modal hidden from screen readers, its cards found by their marks.
        let marked: String = cards.iter().enumerate().map(|(k, c)| format!(r#"<div role="listitem" componentkey="urn:li:invitation:{k}">{c}</div>"#)).collect();
        let read = read_page(&page(&format!(r#"<section aria-hidden="true"><div role="list">{marked}</div></section>{modal}"#)));
        let names: Vec<&str> = read.invitations.iter().map(|i| i.name.as_str()).collect();
        assert_eq!(names, ["Sam Lee", "Ann Kim"], "behind the modal, with {view}");
    }
}

#[test]
fn the_same_accept_only_card_twice_is_one_invitation_the_first() {
    // Cards with an Accept and no Ignore (outside page mcp-received-count-mismatch): one about
    // someone an earlier such card holds is that invitation again. Compared with every other
    // card, each of two repeated the other: both were dropped, or, in turn, the list's card went
    // and the "Take care when connecting" warning after it was read as from "View profile".
    let card = |name: &str, slug: &str| {
        format!(
            r#"<div role="listitem"><a href="/in/{slug}/"><strong>{name}</strong></a><p>Engineer</p><button aria-label="Accept {name}’s invitation">Accept</button></div>"#
        )
    };
    let (sam, ann) = (card("Sam Lee", "sam-lee"), card("Ann Kim", "ann-kim"));
    let warning = r#"<div role="dialog" aria-modal="true"><h2>Take care when connecting</h2><div><a href="/in/sam-lee/">View profile</a><button>Accept invite</button></div></div>"#;
    for (list, after, want) in [
        (format!("{sam}{sam}"), "", &["Sam Lee"][..]),
        (format!("{sam}{ann}{sam}"), "", &["Sam Lee", "Ann Kim"]),
        (format!("{sam}{ann}"), warning, &["Sam Lee", "Ann Kim"]),
    ] {
        let read = read_page(&page(&format!(r#"<div data-testid="lazy-column">{list}</div>{after}"#)));
        let names: Vec<&str> = read.invitations.iter().map(|i| i.name.as_str()).collect();
        assert_eq!(names, want, "{list}{after}");
    }
}

#[test]
fn a_shared_company_above_the_time_is_not_a_note() {
    // The live 2026 card shows what you share (a company or school, by its logo) between the
    // headline and the time; the note comes after the buttons. The logo is an <svg>, never read.
    let shared = r#"<div><svg aria-hidden="true"></svg><p>Institute Alpha</p></div>"#;
    let note = "<p>Hi Pat, I recently joined ExampleCo. Happy to connect.</p>";
    let cards = [
        bare_card("Sam Lee", "sam-lee", &["Sam Lee follows you and is inviting you to connect", "Engineer", shared, "Yesterday"], ""),
        bare_card("Ann Kim", "ann-kim", &["Sales at ExampleCo", shared, "2 weeks ago"], note),
        // With no time under it, the same line may be all the note there is: kept.
        bare_card("Li Wei", "li-wei", &["Analyst", "Thanks for considering this"], ""),
        // Prose above the time (a sentence's end) is still read as the note.
        bare_card("Noor Haddad", "noor-haddad", &["Backend engineer", "Loved your talk.", "3d"], ""),
        // Short free text under the time is the note, as before.
        bare_card("Eli Fox", "eli-fox", &["Designer", "1 week ago", "Let's keep in touch"], ""),
        // The shared connections in a language we don't know, under the shared company: counted.
        bare_card("Aino Virtanen", "aino-virtanen", &["Engineer", shared, "12 yhteistä kontaktia", "3d"], ""),
    ];
    // A Finnish page: its shared-connections line is known by its shape only.
    let read = read_page(&page_in("fi", &format!("<section>{}</section>", cards.concat())));
    let notes: Vec<(&str, Option<&str>)> = read.invitations.iter().map(|i| (i.name.as_str(), i.note.as_deref())).collect();
    assert_eq!(
        notes,
        [
            ("Sam Lee", None),
            ("Ann Kim", Some("Hi Pat, I recently joined ExampleCo. Happy to connect.")),
            ("Li Wei", Some("Thanks for considering this")),
            ("Noor Haddad", Some("Loved your talk.")),
            ("Eli Fox", Some("Let's keep in touch")),
            ("Aino Virtanen", None),
        ]
    );
    let mutual: Vec<Option<u32>> = read.invitations.iter().map(|i| i.mutual_connections).collect();
    assert_eq!(mutual, [None, None, None, None, None, Some(12)]);
    assert_eq!(read.invitations[0].headline.as_deref(), Some("Engineer"));
    assert_eq!(read.invitations[1].sent.as_deref(), Some("2 weeks ago"));
}

#[test]
fn a_title_and_one_name_is_a_first_name_when_the_profile_address_starts_with_it() {
    let cards = [
        bare_card("Ms. Priya", "priya-sharma-4b1a2c", &["Teacher", "1 week ago"], ""),
        bare_card("Dr. Müller", "hans-mueller-12ab", &["Arzt", "1 week ago"], ""),
        bare_card("Mr. Rahul", "mr-rahul-8a1b2c", &["Engineer", "1 week ago"], ""),
    ];
    let read = read_page(&page(&format!("<section>{}</section>", cards.concat())));
    let firsts: Vec<(&str, Option<&str>)> = read.invitations.iter().map(|i| (i.name.as_str(), i.first_name.as_deref())).collect();
    assert_eq!(firsts, [("Ms. Priya", Some("Priya")), ("Dr. Müller", None), ("Mr. Rahul", None)]);
}

#[test]
fn a_card_with_two_profile_links_is_the_inviters() {
    let body = r#"<section><div>
        <a href="/in/casey-ray/">Casey Ray</a> is a mutual connection of yours.
        <div><p><a href="/in/sam-lee/">Sam Lee</a></p><p>Founder at Lee Labs</p><p>1 mutual connection</p></div>
        <div><button aria-label="Ignore an invitation to connect from Sam Lee">Ignore</button><button aria-label="Accept Sam Lee’s invitation">Accept</button></div>
    </div></section>"#;
    let read = read_page(&page(body));
    assert_eq!(read.invitations.len(), 1, "{:?}", read.invitations);
    assert_eq!(read.invitations[0].name, "Sam Lee");
    assert_eq!(read.invitations[0].profile_url.as_deref(), Some("https://www.linkedin.com/in/sam-lee/"));
}

#[test]
fn controls_with_no_labels_fall_back_to_the_structure() {
    let body = r#"<div role="list"><div role="listitem" componentkey="urn:li:invitation:1">
        <a href="/in/sam-lee/"><img alt=""></a><div><p><a href="/in/sam-lee/"><strong>Sam Lee</strong></a></p><p>Sam Lee is inviting you to connect</p><p>Engineer</p></div>
        <div><button><svg></svg></button><button><svg></svg></button></div></div></div>"#;
    let read = read_page(&page(body));
    assert_eq!(read.invitations.len(), 1);
    assert_eq!(read.invitations[0].name, "Sam Lee");
    assert_eq!(read.invitations[0].headline.as_deref(), Some("Engineer"));
}

/// A card known by its look alone (a list item, no mark, no label the reader knows) is one when
/// it has an invitation's controls: two whose words are unknown (Polish), or a "Reply to …" whose
/// answers are not rendered yet. Posts (Like, Repost and their menus), suggestions (Connect,
/// Subscribe) and rows of people already answered (a line naming them again, a Message link) are
/// not: OpenOutreach's 2026 profile saves read at the manager's address gave 10 to 12 each.
#[test]
fn a_card_by_its_look_needs_an_invitations_controls() {
    let item = |slug: &str, name: &str, line: &str, controls: &str| {
        format!(
            r#"<div role="listitem"><a href="/in/{slug}/"><img alt=""></a><div><p><a href="/in/{slug}/">{name}</a></p><p>{line}</p><p>Inżynier</p></div>{controls}</div>"#
        )
    };
    let cards = [
        item("anna-k", "Anna Kowalska", "Anna Kowalska zaprasza Cię do sieci", "<div><button>Zignoruj</button><button>Akceptuj</button></div>"),
        item("jan-n", "Jan Nowak", "3 dni temu", "<p>Cześć Pat!</p><button>Reply to Jan</button>"),
    ];
    let others = [
        item(
            "post-a",
            "Post Author",
            "Post Author and 3 others shared this",
            r#"<button aria-label="Reaction button state: no reaction">Like</button><button aria-expanded="false">Repost</button>"#,
        ),
        item("post-b", "Post Author", "1d", r#"<button>Pokaż tłumaczenie</button><button>Lubię to</button><button aria-expanded="false">Udostępnij</button>"#),
        item(
            "pymk",
            "Jordan Park",
            "Jordan Park is on LinkedIn",
            r#"<button aria-label="Dismiss"></button><button aria-label="Invite Jordan Park to connect">Connect</button>"#,
        ),
        item("news", "Weekly Digest", "Published weekly", r#"<button aria-label="Dismiss"></button><button>Subscribe</button>"#),
        item("drew", "Drew Stone", "Drew Stone is now a connection", r#"<a href="/messaging/compose/?x=1">Message</a>"#),
    ];
    let list = |items: &[String]| format!(r#"<div role="list">{}</div>"#, items.concat());
    let read = read_page(&page(&list(&cards)));
    let names: Vec<&str> = read.invitations.iter().map(|i| i.name.as_str()).collect();
    assert_eq!(names, ["Anna Kowalska", "Jan Nowak"]);
    for other in &others {
        let read = read_page(&page(&list(std::slice::from_ref(other))));
        assert!(read.invitations.is_empty(), "{other}: {:?}", read.invitations);
    }
}

#[test]
fn invitations_to_follow_found_from_a_control_label() {
    let body = r#"<section><div>
        <div><p><a href="/in/pat-doe/">Pat Doe</a> invited you to subscribe to a newsletter</p><p>Weekly notes on small teams</p></div>
        <div><button aria-label="Ignore invitation for Weekly Digest">Ignore</button><button aria-label="Accept invitation for Weekly Digest">Subscribe</button></div>
    </div></section>"#;
    let read = read_page(&page(body));
    assert_eq!(read.invitations.len(), 1, "{:?}", read.invitations);
    assert_eq!(read.invitations[0].name, "Weekly Digest");
    assert_eq!(read.invitations[0].kind, Kind::Newsletter);
}

/// A time in words the reader doesn't know is the last of the name's lines, shaped like a time
/// (short, one small number): read by its place and shape together, it is neither the note nor the
/// shared connections. Where either is missing the line stays what it was: a note is worse lost
/// than a date.
#[test]
fn a_time_in_words_we_dont_know_is_found_by_its_place_and_shape() {
    let cards = [
        // After a shared-connections line: it was the note.
        bare_card("Sami Haddad", "sami-haddad", &["Engineer", "3 من المعارف المشتركة", "منذ 3 أيام"], ""),
        // Alone under the headline: it was 12 shared connections.
        bare_card("Layla Mansour", "layla-mansour", &["Product manager", "منذ 12 ساعة"], ""),
        // Under a shared school, with a note in its own box that looks like a time: the note stays.
        bare_card(
            "Ken Sato",
            "ken-sato",
            &["Engineer", r#"<div><svg aria-hidden="true"></svg><p>Keio University</p></div>"#, "3 日前"],
            "<div><p>In 2 weeks</p></div>",
        ),
        // A short note shown whole under the time (prose): the time is the line before it.
        bare_card("Eva Ozola", "eva-ozola", &["Designer", "3 дня назад", "Met you at the meetup in Riga!"], ""),
        // A short note under the time ending as a Japanese sentence does ("！"): prose, so the
        // time is the line before it and the note stays (it was read as the time, the note lost).
        bare_card("Yui Mori", "yui-mori", &["Engineer", "3 日前", "3月に会いましょう！"], ""),
        // Names in the line: shared connections, as before.
        bare_card("Ana Vidal", "ana-vidal", &["Engineer", "Ana, Luis y 3 más"], ""),
        // No digit: could be a short note, so it stays the note.
        bare_card("Nour Hashemi", "nour-hashemi", &["Consultant", "منذ أسبوعين"], ""),
        // Last is no time: the first short line with a number is the count, the rest the note.
        bare_card("Jan Nowak", "jan-nowak", &["Engineer", "12 wspólnych kontaktów", "wczoraj"], ""),
    ];
    // The page names no language: any card's words may be ones we don't read.
    let read = read_page(&page_in("", &format!("<section>{}</section>", cards.concat())));
    let got: Vec<_> = read.invitations.iter().map(|i| (i.name.as_str(), i.sent.as_deref(), i.mutual_connections, i.note.as_deref())).collect();
    assert_eq!(
        got,
        [
            ("Sami Haddad", Some("منذ 3 أيام"), Some(3), None),
            ("Layla Mansour", Some("منذ 12 ساعة"), None, None),
            ("Ken Sato", Some("3 日前"), None, Some("In 2 weeks")),
            ("Eva Ozola", Some("3 дня назад"), None, Some("Met you at the meetup in Riga!")),
            ("Yui Mori", Some("3 日前"), None, Some("3月に会いましょう！")),
            ("Ana Vidal", None, Some(5), None),
            ("Nour Hashemi", None, None, Some("منذ أسبوعين")),
            ("Jan Nowak", None, Some(12), Some("wczoraj")),
        ]
    );
}

/// A short note with one small number ("Met at PyCon 24", "3月に東京で会いましょう") is shaped like a
/// time and like a count. Where the page's language is one we read, times and shared connections
/// are known by their words, so it is the note; in any language a line after the card's buttons
/// (outside/mcp-received-2026 puts the note there, with no box round the lines) is not one of the
/// name's lines; a line naming people in bold is the shared connections, each person counted.
#[test]
fn a_short_note_with_a_number_is_neither_the_time_nor_the_count() {
    let flat = |name: &str, slug: &str, lines: &str, note: &str| {
        format!(
            r#"<div role="listitem"><p><a href="/in/{slug}/"><strong>{name}</strong></a></p>{lines}<div><button aria-label="Ignore an invitation to connect from {name}">Ignore</button></div><div><button aria-label="Accept {name}’s invitation">Accept</button></div>{note}</div>"#
        )
    };
    let read = |lang: &str, cards: &[String]| {
        let read = read_page(&page_in(lang, &format!("<section>{}</section>", cards.concat())));
        read.invitations.iter().map(|i| (i.sent.clone(), i.mutual_connections, i.note.clone())).collect::<Vec<_>>()
    };
    let s = |t: &str| Some(t.to_owned());
    let pycon = [
        bare_card("Sam Lee", "sam-lee", &["Engineer", "Met at PyCon 24"], ""),
        bare_card("Ann Roe", "ann-roe", &["Designer", "3 mutual connections", "Met at PyCon 24"], ""),
        flat("Kai Moe", "kai-moe", "<p>Student</p>", "<p>Met at PyCon 24</p>"),
    ];
    // In English: the note, never 24 shared connections or the time.
    assert_eq!(read("en-GB", &pycon), [(None, None, s("Met at PyCon 24")), (None, Some(3), s("Met at PyCon 24")), (None, None, s("Met at PyCon 24"))]);
    // Where no language is named, the line last under the headline is shaped like a time and
    // read as one; after the buttons it is still the note.
    assert_eq!(read("", &pycon), [(s("Met at PyCon 24"), None, None), (None, Some(3), s("Met at PyCon 24")), (None, None, s("Met at PyCon 24"))]);
    let foreign = [
        // The note after the buttons: the time stays the time, and no one is shared.
        flat("Ken Sato", "ken-sato", "<p>Engineer</p><p>3 日前</p>", "<p>3月に東京で会いましょう</p>"),
        // Last on a card with no time, a line naming people in bold is the count: 3 and Layla.
        bare_card("Sami Haddad", "sami-haddad", &["Engineer", "<strong>ليلى</strong> و3 آخرون"], ""),
        // The number in bold too: the two named and the 3.
        bare_card("Eli Fox", "eli-fox", &["Designer", "<strong>Ana</strong>, <strong>Luis</strong> <strong>+3</strong>", "3 日前"], ""),
    ];
    assert_eq!(read("ja", &foreign), [(s("3 日前"), None, s("3月に東京で会いましょう")), (None, Some(4), None), (s("3 日前"), Some(5), None)]);
}

/// A shared-connections line linked to the people search (as the live 2026 profile links it,
/// outside/en-oo-profile-pending) is the count in any words, never the time; the Sent list's label
/// before a time ("Sent 2 weeks ago") leaves it the time, never the note, and a note that begins
/// with the word stays the note. Last, what a page without such marks leaves open, pinned so that a
/// change to it is seen: a short line with one number last on a card with no time is the time (it
/// may be one; a count would invent people in common), and a short note under the time among the
/// name's lines (a layout no live page is known to have: they put the note after the buttons, where
/// it is the note) is read as the layouts seen live read their last lines (README, "In words we don't
/// know").
#[test]
fn a_linked_shared_line_is_the_count_and_a_sent_label_the_time() {
    let read = |lang: &str, cards: &[String]| {
        let read = read_page(&page_in(lang, &format!("<section>{}</section>", cards.concat())));
        read.invitations.iter().map(|i| (i.sent.clone(), i.mutual_connections, i.note.clone())).collect::<Vec<_>>()
    };
    let s = |t: &str| Some(t.to_owned());
    let search = "/search/results/people/?network=%5B%22F%22%5D&amp;connectionOf=%5B%22ACoAAB%22%5D";
    let linked = format!(r#"<a href="{search}">3 wspólne kontakty</a>"#);
    // With the faces, the words' own link inside the link round them all (the profile's shape).
    let faces = format!(
        r#"</p><a href="https://www.linkedin.com{search}"><ul role="presentation"><li><img alt=""></li></ul><p><a href="https://www.linkedin.com{search}">12 wspólnych kontaktów</a></p></a><p>"#
    );
    let cards = [
        bare_card("Jan Nowak", "jan-nowak", &["Inżynier", &linked], ""),
        bare_card("Ewa Lis", "ewa-lis", &["Projektantka", &faces], ""),
        bare_card("Olek Kot", "olek-kot", &["Student", "3 wspólne kontakty"], ""),
        // A followers line links to the people search too, not to the people you share: no one in
        // common (last with no time, its shape is read as a plain line's is).
        bare_card("Ida Wolf", "ida-wolf", &["Autorka", r#"<a href="/search/results/people/?followerOf=%5B%22ACoAAB%22%5D">8 tys. obserwujących</a>"#], ""),
    ];
    assert_eq!(
        read("pl", &cards),
        [(None, Some(3), None), (None, Some(12), None), (s("3 wspólne kontakty"), None, None), (s("8 tys. obserwujących"), None, None)]
    );
    let labelled = [
        bare_card("Sam Lee", "sam-lee", &["Engineer", "Sent 2 weeks ago"], ""),
        bare_card("Ann Roe", "ann-roe", &["Designer", "Invited 5 days ago"], "<p>Sent you my CV last week.</p>"),
        bare_card("Kai Moe", "kai-moe", &["Student", "1 week ago", "Sent you my CV"], ""),
    ];
    assert_eq!(
        read("en", &labelled),
        [(s("Sent 2 weeks ago"), None, None), (s("Invited 5 days ago"), None, s("Sent you my CV last week.")), (s("1 week ago"), None, s("Sent you my CV"))]
    );
    let open = [
        bare_card("Ken Sato", "ken-sato", &["Engineer", "3日前", "東京で会いましょう"], ""),
        bare_card("Yui Mori", "yui-mori", &["Designer", "3月に会おう"], ""),
        bare_card("Aki Ito", "aki-ito", &["Engineer", "3日前", "3月に会いましょう"], ""),
    ];
    assert_eq!(read("ja", &open), [(None, Some(3), s("東京で会いましょう")), (s("3月に会おう"), None, None), (s("3月に会いましょう"), Some(3), None)]);
}

/// A lone control under the name (a badge's button) is not the card's buttons: the headline,
/// the shared connections and the time after it stay the name's lines (they were all read as the
/// note once any control counted). The buttons are Accept and Ignore by their words, or two
/// controls in a row in a language whose words the reader doesn't know; the note after them is
/// still the note.
#[test]
fn a_badge_button_under_the_name_is_not_the_cards_buttons() {
    // The answers and what their labels put between the name and them.
    let card = |name: &str, slug: &str, answers: [&str; 4], lines: &str, note: &str| {
        format!(
            r#"<div role="listitem" componentkey="urn:li:invitation:1"><div><p><a href="/in/{slug}/"><strong>{name}</strong></a></p><button aria-label="Verified">✓</button>{lines}</div><div><button aria-label="{name}{2}{0}">{0}</button></div><div><button aria-label="{name}{3}{1}">{1}</button></div>{note}</div>"#,
            answers[0], answers[1], answers[2], answers[3]
        )
    };
    let read = |lang: &str, card: String| {
        let read = read_page(&page_in(lang, &format!("<section>{card}</section>")));
        read.invitations.iter().map(|i| (i.headline.clone(), i.mutual_connections, i.sent.clone(), i.note.clone())).collect::<Vec<_>>()
    };
    let s = |t: &str| Some(t.to_owned());
    let en = card("Ann Roe", "ann-roe", ["Ignore", "Accept", ": ", ": "], "<p>Designer</p><p>12 mutual connections</p><p>2 weeks ago</p>", "<p>Hi Ann</p>");
    assert_eq!(read("en", en), [(s("Designer"), Some(12), s("2 weeks ago"), s("Hi Ann"))]);
    let ja =
        card("佐藤 健", "ken-sato", ["無視", "承認", "さんからの招待を", "さんの招待を"], "<p>Engineer</p><p>3 日前</p>", "<p>3月に東京で会いましょう</p>");
    assert_eq!(read("ja", ja), [(s("Engineer"), None, s("3 日前"), s("3月に東京で会いましょう"))]);
}

/// A page's or group's audience ("2,001 followers", "12.345 Mitglieder") is a count under the
/// headline too, but it isn't the people you share: it must not read as mutual connections.
#[test]
fn an_audience_count_is_not_mutual_connections() {
    for (line, next) in [
        ("2,001 followers", None),
        ("12.345 Follower", None),
        ("1 234 abonnés", None),
        ("850 members", Some("3 mutual connections")),
        ("4,500 subscribers", None),
        ("120 attendees", None),
    ] {
        let extra = next.map(|n| format!("<p>{n}</p>")).unwrap_or_default();
        let body = format!(
            r#"<section><div>
            <div><p><a href="/in/pat-doe/">Pat Doe</a> invited you to follow</p><p><a href="/company/acme-labs/">Acme Labs</a></p><p>Software development</p><p>{line}</p>{extra}</div>
            <div><button aria-label="Ignore invitation for Acme Labs">Ignore</button><button aria-label="Accept invitation for Acme Labs">Follow</button></div>
        </div></section>"#
        );
        let read = read_page(&page(&body));
        assert_eq!(read.invitations.len(), 1, "{line}: {:?}", read.invitations);
        let inv = &read.invitations[0];
        assert_eq!(inv.mutual_connections, next.map(|_| 3), "{line}");
        assert!(!inv.note.as_deref().unwrap_or("").contains(line), "{line} is no note: {:?}", inv.note);
    }
}

#[test]
fn cards_in_portuguese_italian_and_dutch() {
    let cards = [
        ("Aceitar o convite de Ana Souza", "Ignorar o convite de Ana Souza", "Ana Souza", "há 2 semanas", "Ana Souza e 3 outras conexões em comum", 4),
        ("Accetta l’invito di Luca Bianchi", "Ignora l’invito di Luca Bianchi", "Luca Bianchi", "2 settimane fa", "12 collegamenti in comune", 12),
        (
            "Uitnodiging van Eva de Vries accepteren",
            "Uitnodiging van Eva de Vries negeren",
            "Eva de Vries",
            "3 dagen geleden",
            "Casey Ray en 8 andere gedeelde connecties",
            9,
        ),
    ];
    let body: String = cards
        .iter()
        .enumerate()
        .map(|(i, (acc, ign, name, time, mutual, _))| {
            format!(r#"<div><div><p><a href="/in/p{i}/">{name}</a></p><p>Headline {i}</p><p>{mutual}</p><p>{time}</p></div><p>Olá! Ciao! Hoi! note {i}</p><button aria-label="{ign}">x</button><button aria-label="{acc}">y</button></div>"#)
        })
        .collect();
    let read = read_page(&page(&format!("<section>{body}</section>")));
    assert_eq!(read.invitations.len(), 3, "{:?}", read.invitations);
    for (inv, (_, _, name, time, _, mutual)) in read.invitations.iter().zip(cards) {
        assert_eq!(inv.name, name);
        assert_eq!(inv.sent.as_deref(), Some(time));
        assert_eq!(inv.mutual_connections, Some(mutual));
        assert!(inv.note.as_deref().is_some_and(|n| n.starts_with("Olá!")), "{inv:?}");
    }
}

fn with_box(cards: &str, title: &str) -> Snapshot {
    page(&format!(
        r#"<section>{cards}</section><aside class="msg-overlay-conversation-bubble"><h2>{title}</h2><form class="msg-form"><div class="msg-form__contenteditable" contenteditable="true" role="textbox"><p><br></p></div></form></aside>"#
    ))
}

#[test]
fn names_match_as_whole_words_and_unsure_boxes_ask() {
    let cards = format!("{}{}", bare_card("Joanne Lee", "joanne-lee", &["Coach", "1d"], ""), bare_card("Ann Lee", "ann-lee", &["Recruiter at X", "2d"], ""));
    // "Ann" is Ann Lee, never Joanne Lee.
    let ann = plan(&with_box(&cards, "Ann"), &Settings::default(), None);
    assert_eq!(ann.suggestion.as_ref().and_then(|s| s.first_name.as_deref()), Some("Ann"));
    assert!(ann.insert.is_some());

    // "Lee" could be either: no draft, a button for each.
    let snap = with_box(&cards, "Lee");
    let unsure = plan(&snap, &Settings::default(), None);
    assert!(unsure.insert.is_none(), "{:?}", unsure.notice);
    let labels: Vec<&str> = unsure.notice.actions.iter().map(|a| a.label.as_str()).collect();
    assert_eq!(labels, ["Draft for Joanne Lee", "Draft for Ann Lee", "Not right?"]);
    assert!(unsure.notice.text.contains("Joanne Lee, Ann Lee"), "{}", unsure.notice.text);
    // The button drafts for that one.
    let chosen = plan_request(&snap, &Settings::default(), None, unsure.notice.actions[1].request.clone(), Ui::En);
    let insert = chosen.insert.expect("drafts for the chosen one");
    assert!(insert.lines.join(" ").contains("Ann"));
    assert_eq!(insert.remember.to.as_deref(), Some("Ann Lee"));
    // A new length keeps drafting for them.
    let shorter = plan_request(&snap, &Settings::default(), Some(&insert.remember), Request::Variant { variant: notyet_core::Variant::Short }, Ui::En);
    assert!(shorter.insert.is_some(), "{:?}", shorter.notice);
    // With no title and two cards, the same question.
    let untitled = plan(&with_box(&cards, ""), &Settings::default(), None);
    assert!(untitled.insert.is_none());
    assert!(
        matches!(click::target(&read_page(&with_box(&cards, "")), &read_page(&with_box(&cards, "")).composer.expect("a box")), click::Target::Unsure(c) if c.len() == 2)
    );
}

#[test]
fn a_focused_invisible_box_never_beats_a_visible_one() {
    let mut snap = page(
        r#"<div hidden><div id="ghost" contenteditable="true" role="textbox"><p>x</p></div></div><div style="display:none"><div contenteditable="true"></div></div>
           <form class="msg-form"><div contenteditable="true" role="textbox"><p><br></p></div></form>"#,
    );
    let boxes: Vec<u32> = snap.root.descendants().filter(|n| n.attr("contenteditable").is_some()).map(|n| n.id).collect();
    snap.focus = Some(boxes[0]);
    let read = read_page(&snap);
    assert_eq!(read.composer.map(|c| c.node), boxes.last().copied());
}

#[test]
fn a_box_deeper_than_the_limit_says_so() {
    let deep = format!("{}<div contenteditable=\"true\"><p>x</p></div>{}", "<div>".repeat(MAX_DEPTH as usize + 10), "</div>".repeat(MAX_DEPTH as usize + 10));
    let run = std::thread::Builder::new().stack_size(64 << 20).spawn(move || {
        let p = plan(&page(&deep), &Settings::default(), None);
        assert!(p.insert.is_none());
        assert!(p.notice.text.contains("nests deeper than NotYet reads"), "{}", p.notice.text);
    });
    run.expect("spawns").join().expect("no panic");
}

/// Invitations nested deeper than the agent copies: the click and the side panel both say the
/// page nests too deep (the panel said "No invitations on this page"); a deep block that holds
/// none beside a list read whole gives the list's notice (it said the page nests too deep).
#[test]
fn invitations_past_the_depth_limit_are_said_so_and_a_deep_block_beside_a_list_hides_nothing() {
    let run = std::thread::Builder::new().stack_size(64 << 20).spawn(|| {
        let cards = (0..3)
            .map(|i| bare_card(&format!("Sam Lee{i}"), &format!("sam-lee-{i}"), &["Sam Lee is inviting you to connect", "2 weeks ago"], ""))
            .collect::<String>();
        let nest = |inner: &str, n: usize| format!("{}{inner}{}", "<div>".repeat(n), "</div>".repeat(n));
        let settings = Settings::default();
        // The list past the limit: nothing read, and both say why.
        let deep = page(&nest(&cards, MAX_DEPTH as usize + 60));
        let p = plan(&deep, &settings, None);
        assert!(p.notice.text.contains("nests deeper than NotYet reads, and no invitation"), "{}", p.notice.text);
        let (t, progress) = notyet_core::panel::triage_first(deep, &settings, 10);
        assert!(t.rows.is_empty() && progress.cut_deep());
        // A deep block beside the list: the list's notice, its three read.
        let beside = page(&format!("{cards}{}", nest("<p>a widget</p>", 10_000)));
        let p = plan(&beside, &settings, None);
        assert!(p.notice.text.starts_with("3 invitations"), "{}", p.notice.text);
        assert!(p.read && click::last_read(&beside).len() == 3);
        let (t, _) = notyet_core::panel::triage_first(beside, &settings, 10);
        assert_eq!(t.rows.len(), 3);
        // Nothing nested past the limit: "No invitations", as before.
        let (t, progress) = notyet_core::panel::triage_first(page("<p>Nothing here</p>"), &settings, 10);
        assert!(t.rows.is_empty() && !progress.cut_deep());
    });
    run.expect("spawns").join().expect("no panic");
}

#[test]
fn a_box_with_more_text_than_the_agent_copies_is_left_alone() {
    let long = "y".repeat(notyet_core::snapshot::MAX_TEXT as usize + 1);
    let snap = page(&format!(
        r#"<section>{}</section><form class="msg-form"><div contenteditable="true" role="textbox"><p>{long}</p></div></form>"#,
        bare_card("Sam Lee", "sam-lee", &["x"], "")
    ));
    let p = plan(&snap, &Settings::default(), None);
    assert!(p.insert.is_none());
    assert!(p.notice.text.contains("more text than NotYet reads"), "{}", p.notice.text);
}

/// A profile with only Accept and Ignore: a line after the top card that names them in passing
/// ("You and Sam Lee both studied at …") is no relation line in words we don't know, and the line
/// after it no note (it was read as one). A relation line starts with the name.
#[test]
fn a_line_naming_them_in_passing_is_no_relation_line() {
    let html = r#"<!DOCTYPE html><html lang="en"><head><title>t</title></head><body><main>
        <section><h1>Sam Lee</h1><div class="text-body-medium">Engineer at Acme</div>
        <button aria-label="Accept Sam Lee’s invitation">Accept</button><button aria-label="Ignore Sam Lee’s invitation">Ignore</button></section>
        <section><div><p>You and Sam Lee both studied at TU Berlin</p><p>You both studied there from 2010 to 2014</p></div></section>
        </main></body></html>"#;
    let read = read_page(&snapshot_of(html, "https://www.linkedin.com/in/sam-lee-1/", &Options::default()).snapshot);
    assert_eq!(read.invitations.len(), 1);
    assert_eq!(read.invitations[0].note, None);
}

/// "Just now" in each language is a card's time, not its note: "Ahora mismo" was read as the
/// inviter's personal note, and the reply thanked them for it.
#[test]
fn just_now_in_every_language_is_the_time_not_a_note() {
    for when in ["Just now", "Gerade eben", "À l’instant", "Ahora mismo", "Justo ahora", "Agora mesmo", "Adesso", "Proprio ora", "Zojuist"] {
        let card = bare_card("Sam Lee", "sam-lee", &["Sam Lee is inviting you to connect", "Engineer at Acme", when], "");
        let read = read_page(&page(&format!("<section>{card}</section>")));
        assert_eq!(read.invitations.len(), 1, "{when}");
        let inv = &read.invitations[0];
        assert_eq!((inv.note.as_deref(), inv.sent.as_deref()), (None, Some(when)), "{when}");
    }
}

/// A card's bare "Message" button (no `aria-label`, only its word) is the control that opens a
/// message, in every language the reader knows: the Italian, Portuguese and Dutch words were
/// missing, and "Messaggio" was left unknown.
#[test]
fn a_bare_message_button_is_the_reply_control_in_every_language() {
    for word in ["Message", "Nachricht", "Mensaje", "Messaggio", "Mensagem", "Rispondi", "Bericht", "Reageren"] {
        let card = bare_card("Sam Lee", "sam-lee", &["Sam Lee is inviting you to connect", "Engineer"], &format!("<div><button>{word}</button></div>"));
        let rows = notyet_core::panel::triage(&page(&format!("<section>{card}</section>")), &Settings::default()).rows;
        assert_eq!(rows.len(), 1, "{word}");
        assert!(rows[0].controls.reply.is_some(), "{word}: {:?}", rows[0].controls);
    }
}

/// A comment box under a post is public: NotYet's private decline never goes there, even with
/// one invitation on the page and no message box to compete (live Ember markup: `ql-editor` inside
/// `comments-comment-box` with `data-placeholder="Add a comment…"`), in any of its languages.
#[test]
fn a_comment_box_is_never_the_message_box() {
    let card = bare_card("Sam Lee", "sam-lee", &["Sam Lee is inviting you to connect", "Engineer", "2 weeks ago"], "");
    for comment in [
        r#"<div class="comments-comment-box"><div class="comments-comment-box-comment__text-editor"><div class="ql-editor ql-blank" contenteditable="true" data-placeholder="Add a comment…" aria-placeholder="Add a comment…" aria-label="Text editor for creating content" role="textbox"><p><br></p></div></div></div>"#,
        r#"<div><div contenteditable="true" role="textbox" data-placeholder="Add a comment…"><p><br></p></div></div>"#,
        r#"<div><div contenteditable="true" role="textbox" data-placeholder="Kommentar hinzufügen…"><p><br></p></div></div>"#,
        r#"<div><div contenteditable="true" role="textbox" placeholder="Ajouter un commentaire…"><p><br></p></div></div>"#,
        // The later Ember box (outside page it-pitchbox-post-comment-box, captured 2026-09-03): the
        // prompt in a span beside the editor's container, none on the editor.
        r#"<form><div><div><div contenteditable="true" aria-label="Editor di testo per la creazione di contenuti" role="textbox"><p><br></p></div><div contenteditable="true"></div></div><span aria-hidden="true">Aggiungi un commento…</span></div></form>"#,
        r#"<form><div><div><div contenteditable="true" aria-label="Text editor for creating content" role="textbox"><p><br></p></div></div><span aria-hidden="true">Add a comment…</span></div></form>"#,
        r#"<form><div><div contenteditable="true" role="textbox"><p><br></p></div><span aria-hidden="true">Kommentar hinzufügen…</span></div></form>"#,
        // 2026's TipTap box (outside page cl-messaging-new-shell, captured 2026-09-27): no form, no
        // prompt but CSS, only its label; in its post's list item, under the post's hidden heading.
        // Then the box as other tools' selectors place it (`commentBox-` key, TipTap wrapper), in
        // German (the label's words our guess).
        r#"<div role="listitem" componentkey="update-card-focusZO5fn"><h2>Feed post</h2><p>A post in the feed.</p><div contenteditable="true" role="textbox" aria-label="Text editor for creating comment" class="tiptap ProseMirror _407a7412"><p><br></p></div></div>"#,
        r#"<div componentkey="commentBox-urn:li:activity:1"><div data-testid="ui-core-tiptap-text-editor-wrapper"><div><div contenteditable="true" role="textbox" aria-label="Texteditor zum Erstellen von Kommentaren" class="tiptap ProseMirror"><p class="is-empty is-editor-empty" data-placeholder="Kommentar hinzufügen…"><br></p></div></div></div></div>"#,
        // A label with no word the reader knows (Polish, our guess): the key alone says it.
        r#"<div componentkey="commentBox-urn:li:activity:1"><div><div data-testid="ui-core-tiptap-text-editor-wrapper"><div><div contenteditable="true" role="textbox" aria-label="Edytor tekstu do tworzenia komentarza" class="tiptap ProseMirror"><p><br></p></div></div></div></div></div>"#,
    ] {
        let snap = page(&format!("<section>{card}</section><article><a href=\"/in/sam-lee/\">Sam Lee</a><p>A post</p>{comment}</article>"));
        let read = read_page(&snap);
        assert_eq!(read.invitations.len(), 1, "{comment}");
        let p = plan(&snap, &Settings::default(), None);
        assert!(p.insert.is_none(), "{comment}: {:?}", p.insert);
        assert!(read.composer.is_none(), "{comment}");
    }
    // A message box still wins, beside a comment box.
    let both = with_box(
        &format!("{card}<div class=\"comments-comment-box\"><div class=\"ql-editor\" contenteditable=\"true\" role=\"textbox\" data-placeholder=\"Add a comment…\"><p><br></p></div></div>"),
        "Sam Lee",
    );
    let read = read_page(&both);
    assert_eq!(read.composer.and_then(|c| c.addressee).as_deref(), Some("Sam Lee"));
    // A message box stays one beside its own prompt, and beside messages that speak of comments.
    for message in [
        r#"<form class="msg-form"><div><div contenteditable="true" role="textbox"><p><br></p></div><span aria-hidden="true">Write a message…</span></div></form>"#,
        r#"<div role="dialog"><h2>Sam Lee</h2><ul><li><span aria-hidden="true">Add a comment…</span></li></ul><p aria-hidden="true">Thanks for the comment on my post, it made my week and I wanted to say so</p><form><div contenteditable="true" role="textbox"><p><br></p></div></form></div>"#,
    ] {
        let snap = page(&format!("<section>{card}</section>{message}"));
        assert!(read_page(&snap).composer.is_some(), "{message}");
    }
    // Message prompts are not comment prompts.
    for prompt in ["Write a message…", "Nachricht verfassen…", "Rédigez un message…", "Escribe un mensaje…", "Escreva uma mensagem…", "Scrivi un messaggio…"]
    {
        let snap = page(&format!("<section>{card}</section><form class=\"msg-form\"><div contenteditable=\"true\" role=\"textbox\" data-placeholder=\"{prompt}\"><p><br></p></div></form>"));
        assert!(read_page(&snap).composer.is_some(), "{prompt}");
    }
}

#[test]
fn a_new_message_is_for_the_one_person_it_links() {
    let cards = format!(
        "{}{}",
        bare_card("Sam Lee", "sam-lee", &["Sam Lee is inviting you to connect", "Engineer", "2 weeks ago"], ""),
        bare_card("Ann Roe", "ann-roe", &["Ann Roe is inviting you to connect", "Designer", "3 days ago"], "")
    );
    // The bubble a new message opens (2026: dsmorgan/netkeeper's rebuild of a 2026-10-05 capture; Ember
    // 2022 alike): headed "New message", a chip a recipient beside the recipients field, and
    // below it a link to each recipient's profile.
    let bubble = |people: &[(&str, &str)]| {
        let chips: String =
            people.iter().map(|(name, _)| format!(r#"<button aria-label="Remove {name}" type="button"><span>{name}</span></button>"#)).collect();
        let links: String = people.iter().map(|(name, slug)| format!(r#"<a href="/in/{slug}/">{name}</a>"#)).collect();
        format!(
            r#"<div role="dialog"><header><h2>New message</h2><button><span>Close your draft conversation</span></button></header><section><div>{chips}<input role="combobox" type="text"></div></section><div>{links}</div><form><div contenteditable="true" role="textbox" aria-label="Write a message…"><p><br></p></div><footer><button type="submit" disabled>Send</button></footer></form></div>"#
        )
    };
    for (people, to) in [
        (&[("Sam Lee", "sam-lee")][..], "Sam Lee"),
        // A group, or no one yet: the title stays, and names no invitation.
        (&[("Sam Lee", "sam-lee"), ("Ann Roe", "ann-roe")][..], "New message"),
        (&[][..], "New message"),
    ] {
        let snap = page(&format!("<section>{cards}</section>{}", bubble(people)));
        let read = read_page(&snap);
        assert_eq!(read.invitations.len(), 2, "{people:?}");
        assert_eq!(read.composer.and_then(|c| c.addressee).as_deref(), Some(to), "{people:?}");
        let p = plan(&snap, &Settings::default(), None);
        assert_eq!(p.insert.is_some(), to == "Sam Lee", "{people:?}: {:?}", p.insert);
    }
}
