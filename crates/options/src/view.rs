//! Rendering: the page as nested [`E`] calls, from the [`App`] state. Every control carries
//! `data-k` (its binding key, handled by `App::on_input`), every button `data-act` (handled by
//! `App::on_click`); control ids are the key with dots as dashes, so labels, hints and error
//! lines can point at them.

use notyet_core::template::{default_source, Template, Var};
use notyet_core::{default_languages, default_template_ids, Action, Category, Field, Invitation, Rule, Settings, Variant, RULES_LIMIT};

use crate::dom::{cat, cat_n, option, E};
use crate::{lazy_tr, tr, tr_named, tr_with, App, Pick};

pub fn ctrl_id(key: &str) -> String {
    key.replace('.', "-")
}

/// A labelled control with an optional hint and a (hidden until needed) error line. Label and
/// hint are message keys, translated here rather than at each of the page's ~40 call sites.
pub(crate) fn field(key: &str, label: &str, control: E, hint: Option<&str>) -> E {
    field_text(key, &tr(label), control, hint)
}

/// [`field`] with a label that is already text.
fn field_text(key: &str, label: &str, control: E, hint: Option<&str>) -> E {
    let id = ctrl_id(key);
    let err = cat("err-", &id);
    let hint_id = cat("hint-", &id);
    let described = if hint.is_some() { [&hint_id, " ", &err].concat() } else { err.clone() };
    let control = control.id(&id).a("data-k", key).a("aria-describedby", &described);
    let mut wrap = E::new("div").class("field").c(E::new("label").a("for", &id).t(label)).c(control);
    if let Some(h) = hint {
        wrap = wrap.c(E::new("p").class("hint").id(&hint_id).t(&tr(h)));
    }
    wrap.c(E::new("p").class("error").id(&err).a("aria-live", "polite"))
}

pub(crate) fn input(kind: &str, value: &str) -> E {
    E::new("input").a("type", kind).a("value", value).value(value)
}

fn area(value: &str, rows: u32) -> E {
    E::new("textarea").a("rows", &rows.to_string()).a("spellcheck", "false").t(value)
}

/// A `<select>` of (value, label) options. A `Vec`, not any iterator: one copy of the code.
pub fn select(options: Vec<(String, String)>, selected: &str) -> E {
    let el = E::new("select");
    for (v, l) in options {
        let _ = el.0.append_child(&option(&v, &l, v == selected).0);
    }
    el
}

fn checkbox(key: &str, label: &str, on: bool) -> E {
    let id = ctrl_id(key);
    E::new("div").class("check").c(E::new("input").a("type", "checkbox").id(&id).a("data-k", key).flag("checked", on)).c(E::new("label").a("for", &id).t(label))
}

/// A button whose label is the message `label`.
fn button(act: &str, label: &str) -> E {
    E::new("button").a("type", "button").a("data-act", act).t(&tr(label))
}

/// A section headed by the message `title`.
fn section(id: &str, title: &str) -> E {
    let h = cat("h-", id);
    E::new("section").a("aria-labelledby", &h).id(&cat("s-", id)).c(E::new("h2").id(&h).t(&tr(title)))
}

/// The whole page.
pub fn page(app: &App) -> E {
    let header = E::new("header")
        .c(E::new("div").class("titlebar").c(E::new("h1").tr("options_title")).c(E::new("div")
            .class("toolbar")
            .a("role", "toolbar")
            .a("aria-label", &tr("toolbar_label"))
            .c(button("save", lazy_tr("save")).id("save").a("aria-keyshortcuts", "Control+S Meta+S").a("title", &tr("save_hint")))
            .c(button("export", lazy_tr("export")).id("export"))
            // A real button (keyboard-reachable, announced as one) that opens the hidden file chooser.
            .c(button("import", lazy_tr("import")).id("import-button"))
            .c(E::new("input")
                .a("type", "file")
                .id("import")
                .a("data-k", "import")
                .a("accept", ".json,application/json")
                .flag("hidden", true)
                .a("tabindex", "-1"))
            .c(button("reset", lazy_tr("reset")).id("reset"))))
        .c(nav())
        // The one status area: hidden until something happened, one message at a time.
        .c(E::new("div")
            .id("status-area")
            .class("status-area")
            .flag("hidden", true)
            .c(E::new("p").id("status").a("role", "status").a("aria-live", "polite"))
            .c(E::new("button")
                .a("type", "button")
                .id("status-close")
                .a("data-act", "status-close")
                .a("aria-label", &tr("dismiss"))
                .a("title", &tr("dismiss"))
                .t("×"))
            .c(E::new("ul").id("problems")));
    let edit = E::new("div")
        .class("edit")
        .c(me(&app.settings))
        .c(known(&app.settings))
        .c(general(&app.settings))
        .c(rules_section(app))
        .c(section("templates", lazy_tr("templates")).c(E::new("div").id("templates").cs(templates(app))))
        .c(sync(app))
        .c(crate::panel::record::section());
    let main = E::new("main").c(edit).c(preview(app));
    E::new("div").id("app").c(header).c(main).c(reset_dialog())
}

/// Links to the page's sections (the preview included: at narrow widths it sits below them),
/// and to the welcome page, which can be seen again from here.
fn nav() -> E {
    let link = |href: &str, key: &str| E::new("li").c(E::new("a").a("href", href).tr(key));
    E::new("nav").a("aria-label", &tr("nav_label")).c(E::new("ul")
        .c(link("#s-me", lazy_tr("me")))
        .c(link("#s-known", lazy_tr("known")))
        .c(link("#s-general", lazy_tr("general")))
        .c(link("#s-rules", lazy_tr("rules")))
        .c(link("#s-templates", lazy_tr("templates")))
        .c(link("#s-preview", lazy_tr("preview")))
        .c(link("#s-sync", lazy_tr("sync")))
        .c(link("#s-progress", lazy_tr("panel_record_title")))
        .c(link("welcome.html", lazy_tr("nav_welcome"))))
}

fn me(s: &Settings) -> E {
    section("me", lazy_tr("me"))
        .c(E::new("p").class("hint").tr("me_hint"))
        .c(field("me.name", lazy_tr("me_name"), input("text", &s.me.name).a("autocomplete", "name"), None))
        .c(field("me.email", lazy_tr("me_email"), input("email", &s.me.email).a("autocomplete", "email"), Some(lazy_tr("me_email_hint"))))
        .c(field("me.link", lazy_tr("me_link"), input("url", &s.me.link), Some(lazy_tr("me_link_hint"))))
}

fn known(s: &Settings) -> E {
    let list = |key: &str, label: &str, items: &[String]| field(key, label, area(&items.join("\n"), 4), Some(lazy_tr("one_per_line")));
    section("known", lazy_tr("known")).c(E::new("p").class("hint").tr("known_hint")).c(E::new("div")
        .class("columns")
        .c(list("known.people", lazy_tr("known_people"), &s.known.people))
        .c(list("known.companies", lazy_tr("known_companies"), &s.known.companies))
        .c(list("known.schools", lazy_tr("known_schools"), &s.known.schools)))
}

/// The languages offered: the built-in ones, those of the user's templates, and the settings' own.
pub fn languages(s: &Settings) -> Vec<String> {
    let mut out: Vec<String> = default_languages().iter().map(|l| (*l).to_owned()).collect();
    for l in s.templates.values().flat_map(|t| t.keys()).chain([&s.language]) {
        if !out.contains(l) {
            out.push(l.clone());
        }
    }
    out
}

pub fn language_label(code: &str) -> String {
    let name = tr(&cat("lang_", code));
    if name.starts_with("lang_") {
        code.to_owned()
    } else {
        format!("{name} ({code})")
    }
}

/// Options whose labels are messages: (value, message key) pairs.
fn keyed(items: &[(&str, &str)]) -> Vec<(String, String)> {
    items.iter().map(|(v, key)| ((*v).to_owned(), tr(key))).collect()
}

/// A template id as an option: a built-in one by its name with the id rules use after it
/// ("Recruiter (recruiter)"), a user's own by its id. The rule editor listed bare ids
/// ("personalized") where the Templates section beside it said "Stranger with a personal note".
fn template_option(id: String) -> (String, String) {
    let name = template_name(&id);
    let label = if name == id { name } else { format!("{name} ({id})") };
    (id, label)
}

/// A built-in template's name in the interface language ("Stranger with a personal note"), a
/// user's own by its id.
fn template_name(id: &str) -> String {
    let name = if default_template_ids().contains(&id) { tr(&cat("tpl_id_", id)) } else { String::new() };
    if name.is_empty() || name.starts_with("tpl_id_") {
        id.to_owned()
    } else {
        name
    }
}

/// Options for a list of language codes, each labelled with its name.
pub fn language_options(codes: Vec<String>) -> Vec<(String, String)> {
    codes.into_iter().map(|l| (l.clone(), language_label(&l))).collect()
}

const VARIANT_OPTIONS: [(&str, &str); 2] = [("short", lazy_tr("variant_short")), ("long", lazy_tr("variant_long"))];

fn general(s: &Settings) -> E {
    let langs = language_options(languages(s));
    section("general", lazy_tr("general"))
        .c(field(
            "mutual_threshold",
            lazy_tr("mutual_threshold"),
            input("number", &s.mutual_threshold.to_string()).a("min", "0").a("step", "1"),
            Some(lazy_tr("mutual_threshold_hint")),
        ))
        .c(field("language", lazy_tr("language"), select(langs, &s.language), Some(lazy_tr("language_hint"))))
        .c(field("variant", lazy_tr("variant"), select(keyed(&VARIANT_OPTIONS), s.variant.name()), None))
        .c(field("sign_off", lazy_tr("sign_off"), area(&s.sign_off, 3), Some(lazy_tr("sign_off_hint"))))
}

fn rules_section(app: &App) -> E {
    // Add is off at the bound the core reads ([`RULES_LIMIT`]), which the hint states.
    section("rules", lazy_tr("rules"))
        .c(E::new("p").class("hint").t(&tr_with("rules_hint", &[&RULES_LIMIT.to_string()])))
        .c(E::new("ol").id("rules").class("rules").cs(rules(app)))
        .c(button("rule-add", lazy_tr("rule_add")).id("rule-add").flag("disabled", app.settings.rules.len() >= RULES_LIMIT))
}

/// The template ids a rule may name and the editor offers: built-in first, then the user's own.
pub fn template_ids(s: &Settings) -> Vec<String> {
    let mut ids: Vec<String> = default_template_ids().iter().map(|i| (*i).to_owned()).collect();
    ids.extend(s.templates.keys().filter(|k| !default_template_ids().contains(&k.as_str())).cloned());
    ids
}

fn category_label(c: Category) -> String {
    tr_named("cat_", c.name())
}

pub fn rules(app: &App) -> Vec<E> {
    let n = app.settings.rules.len();
    if n == 0 {
        return vec![E::new("li").class("empty").tr("rules_none")];
    }
    app.settings.rules.iter().enumerate().map(|(i, r)| rule(app, i, n, r)).collect()
}

fn rule(app: &App, i: usize, n: usize, r: &Rule) -> E {
    let k = |f: &str| cat(&cat_n("r.", i, "."), f);
    let number = (i + 1).to_string();
    let title = if r.name.trim().is_empty() { tr_with("rule_n", &[&number]) } else { tr_with("rule_n_named", &[&number, r.name.trim()]) };
    let w = &r.when;
    let cats = E::new("fieldset")
        .class("cats")
        .c(E::new("legend").tr("when_category"))
        .cs(Category::ALL.iter().map(|c| checkbox(&k(&cat("cat.", c.name())), &category_label(*c), w.category.contains(c))).collect());
    let note = match w.note {
        None => "",
        Some(true) => "yes",
        Some(false) => "no",
    };
    let opt = |v: Option<u32>| v.map(|x| x.to_string()).unwrap_or_default();
    let when = E::new("fieldset")
        .c(E::new("legend").tr("when"))
        .c(cats)
        .c(field(
            &k("note"),
            lazy_tr("when_note"),
            select(keyed(&[("", lazy_tr("any")), ("yes", lazy_tr("note_yes")), ("no", lazy_tr("note_no"))]), note),
            None,
        ))
        .c(E::new("div")
            .class("columns")
            .c(field(&k("mutual_at_least"), lazy_tr("when_mutual_at_least"), input("number", &opt(w.mutual_at_least)).a("min", "0"), None))
            .c(field(&k("mutual_below"), lazy_tr("when_mutual_below"), input("number", &opt(w.mutual_below)).a("min", "0"), None)))
        .c(field(&k("keywords"), lazy_tr("when_keywords"), input("text", &w.keywords.join(", ")), Some(lazy_tr("when_keywords_hint"))))
        .c(field(
            &k("in"),
            lazy_tr("when_in"),
            select(keyed(&[("any", lazy_tr("in_any")), ("headline", lazy_tr("in_headline")), ("note", lazy_tr("in_note"))]), w.field.name()),
            None,
        ))
        .c(field(&k("names"), lazy_tr("when_names"), input("text", &w.name.join(", ")), Some(lazy_tr("comma_list"))))
        .c(field(&k("company"), lazy_tr("when_company"), input("text", &w.company.join(", ")), Some(lazy_tr("comma_list"))))
        .c(field(
            &k("language"),
            lazy_tr("when_language"),
            input("text", w.language.as_deref().unwrap_or("")).a("maxlength", "2").a("size", "3"),
            Some(lazy_tr("when_language_hint")),
        ));
    let t = &r.then;
    let mut actions = keyed(&[("", lazy_tr("then_action_default"))]);
    actions.extend(Action::ALL.iter().map(|a| (a.name().to_owned(), tr_named("act_", a.name()))));
    let mut categories = keyed(&[("", lazy_tr("then_category_keep"))]);
    categories.extend(Category::ALL.iter().map(|c| (c.name().to_owned(), category_label(*c))));
    let mut ids = keyed(&[("", lazy_tr("then_template_default"))]);
    ids.extend(template_ids(&app.settings).into_iter().map(template_option));
    let then = E::new("fieldset")
        .c(E::new("legend").tr("then"))
        .c(field(&k("action"), lazy_tr("then_action"), select(actions, t.action.map(|a| a.name()).unwrap_or_default()), None))
        .c(field(&k("then_category"), lazy_tr("then_category"), select(categories, t.category.map(|c| c.name()).unwrap_or_default()), None))
        .c(field(&k("template"), lazy_tr("then_template"), select(ids, t.template.as_deref().unwrap_or("")), None))
        .c(field(
            &k("variant"),
            lazy_tr("then_variant"),
            select(keyed(&[("", lazy_tr("then_variant_default")), VARIANT_OPTIONS[0], VARIANT_OPTIONS[1]]), t.variant.map(|v| v.name()).unwrap_or_default()),
            None,
        ));
    let tools = E::new("div")
        .class("rule-tools")
        .c(button(&cat_n("rule-up.", i, ""), lazy_tr("move_up"))
            .id(&cat_n("r-", i, "-up"))
            .a("aria-label", &tr_with("move_up_n", &[&number]))
            .flag("disabled", i == 0))
        .c(button(&cat_n("rule-down.", i, ""), lazy_tr("move_down"))
            .id(&cat_n("r-", i, "-down"))
            .a("aria-label", &tr_with("move_down_n", &[&number]))
            .flag("disabled", i + 1 == n))
        .c(button(&cat_n("rule-remove.", i, ""), lazy_tr("remove")).id(&cat_n("r-", i, "-remove")).a("aria-label", &tr_with("remove_n", &[&number])));
    // Collapsed to its one-line summary; open when just added or moved, or when the user opens it.
    let body = E::new("fieldset")
        .class("rule-body")
        .c(E::new("legend").t(&title))
        .c(E::new("div").class("columns").c(field(&k("name"), lazy_tr("rule_name"), input("text", &r.name), None)).c(checkbox(
            &k("enabled"),
            &tr("rule_enabled"),
            r.enabled,
        )))
        .c(when)
        .c(then)
        .c(tools);
    let head = E::new("summary").id(&cat_n("r-", i, "-summary")).t(&rule_summary(i, r));
    E::new("li").class(if r.enabled { "rule" } else { "rule off" }).c(E::new("details").flag("open", app.open_rule == Some(i)).c(head).c(body))
}

/// A rule in one line: "Rule 2: Rust roles · If Recruiter and ‘rust’ → Reply, long".
pub fn rule_summary(i: usize, r: &Rule) -> String {
    let number = (i + 1).to_string();
    let title = if r.name.trim().is_empty() { tr_with("rule_n", &[&number]) } else { tr_with("rule_n_named", &[&number, r.name.trim()]) };
    let w = &r.when;
    let quoted = |items: &[String]| items.iter().map(|k| tr_with("sum_quoted", &[k])).collect::<Vec<_>>().join(&tr("sum_or"));
    let mut conditions = Vec::new();
    if !w.category.is_empty() {
        conditions.push(w.category.iter().map(|c| category_label(*c)).collect::<Vec<_>>().join(&tr("sum_or")));
    }
    match w.note {
        Some(true) => conditions.push(tr("sum_note_yes")),
        Some(false) => conditions.push(tr("sum_note_no")),
        None => {}
    }
    if let Some(n) = w.mutual_at_least {
        conditions.push(tr_with("sum_mutual_at_least", &[&n.to_string()]));
    }
    if let Some(n) = w.mutual_below {
        conditions.push(tr_with("sum_mutual_below", &[&n.to_string()]));
    }
    if !w.keywords.is_empty() {
        conditions.push(quoted(&w.keywords));
    }
    if !w.name.is_empty() {
        // Through the core's `fill`, which writes French "de" as "d'" before a vowel ("de Acme").
        conditions.push(notyet_core::words::fill(&tr_with("sum_from", &["{a}"]), &w.name.join(&tr("sum_or")), ""));
    }
    if !w.company.is_empty() {
        conditions.push(tr_with("sum_at", &[&w.company.join(&tr("sum_or"))]));
    }
    if let Some(l) = &w.language {
        conditions.push(tr_with("sum_language", &[&language_label(l)]));
    }
    let when = if conditions.is_empty() { tr("sum_always") } else { tr_with("sum_if", &[&conditions.join(&tr("sum_and"))]) };
    let t = &r.then;
    let mut then = vec![t.action.map_or_else(|| tr("sum_usual"), |a| tr_named("act_", a.name()))];
    if let Some(c) = t.category {
        then.push(tr_with("sum_as", &[&category_label(c)]));
    }
    // By its name, quoted: the id ("modèle personalized") was English in a German or French line.
    if let Some(id) = &t.template {
        then.push(tr_with("sum_template", &[&tr_with("sum_quoted", &[&template_name(id)])]));
    }
    if let Some(v) = t.variant {
        then.push(tr(&cat("sum_", v.name())));
    }
    let mut line = format!("{title} · {when} → {}", then.join(", "));
    if !r.enabled {
        line = tr_with("sum_off", &[&line]);
    }
    line
}

/// A template's text for the editor: the user's wording, else the built-in one, else empty;
/// and whether it is the user's.
pub fn template_text(s: &Settings, id: &str, lang: &str, v: Variant) -> (String, bool) {
    let user = s.templates.get(id).and_then(|t| t.get(lang)).and_then(|x| match v {
        Variant::Short => x.short.clone(),
        Variant::Long => x.long.clone(),
    });
    match user {
        Some(u) => (u, true),
        None => (default_source(&format!("{id}.{lang}.{}", v.name())).unwrap_or("").to_owned(), false),
    }
}

/// The status line under one template: whose wording it is.
pub fn template_status(s: &Settings, id: &str, lang: &str, v: Variant) -> String {
    match template_text(s, id, lang, v) {
        (_, true) => tr("tpl_yours"),
        (t, false) if !t.is_empty() => tr("tpl_builtin"),
        _ => tr("tpl_empty"),
    }
}

/// A template error at its line and column, with the line and a caret under the spot.
pub fn template_error(src: &str) -> Option<(String, String, usize)> {
    Template::parse(src).err().map(|e| (tr_with("tpl_error", &[&e.line.to_string(), &e.column.to_string(), &e.message(crate::ui())]), e.caret(src), e.line))
}

/// What sits behind a template editor: the same text, invisible, with the error's line (1-based)
/// marked, so the mark lines up with the text above it.
pub fn backdrop(text: &str, line: Option<usize>) -> Vec<E> {
    let Some(line) = line else { return vec![E::new("span").t(text)] };
    let lines: Vec<&str> = text.split('\n').collect();
    let at = line.saturating_sub(1).min(lines.len().saturating_sub(1));
    let before: String = lines[..at].iter().map(|l| [l, "\n"].concat()).collect();
    let after: String = lines[at + 1..].iter().map(|l| ["\n", l].concat()).collect();
    // An empty line still gets a mark one space wide.
    let marked = if lines[at].is_empty() { " " } else { lines[at] };
    vec![E::new("span").t(&before), E::new("mark").t(marked), E::new("span").t(&after)]
}

pub fn templates(app: &App) -> Vec<E> {
    let s = &app.settings;
    let ids = template_ids(s).into_iter().map(template_option).collect();
    let mut langs = languages(s);
    if !langs.contains(&app.tpl_lang) {
        langs.push(app.tpl_lang.clone()); // just added, no wording yet
    }
    let langs = language_options(langs);
    let mut out = vec![
        E::new("p").class("hint").tr("templates_hint"),
        E::new("div").class("columns").c(field("tpl.id", lazy_tr("tpl_id"), select(ids, &app.tpl_id), None)).c(field(
            "tpl.lang",
            lazy_tr("tpl_lang"),
            select(langs, &app.tpl_lang),
            None,
        )),
        E::new("div")
            .class("columns new-template")
            .c(field("tpl.newid", lazy_tr("tpl_new"), input("text", "").a("pattern", "[^\\s.]{1,64}"), Some(lazy_tr("tpl_new_hint"))))
            .c(button("tpl-new", lazy_tr("tpl_new_add"))),
        E::new("div")
            .class("columns new-template")
            .c(field("tpl.newlang", lazy_tr("tpl_newlang"), input("text", "").a("maxlength", "2").a("size", "3"), Some(lazy_tr("tpl_newlang_hint"))))
            .c(button("tpl-newlang", lazy_tr("tpl_newlang_add"))),
    ];
    // Placeholders by a click, at the caret of the editor last used.
    out.push(
        E::new("div")
            .class("placeholders")
            .a("role", "group")
            .a("aria-label", &tr("placeholders_label"))
            .c(E::new("span").class("hint").tr("placeholders_label"))
            // Every placeholder the language knows, {note} too: a list of its own had left it out.
            .cs(Var::ALL.iter().map(|v| E::new("button").a("type", "button").a("data-act", &cat("ph.", v.name())).t(&["{", v.name(), "}"].concat())).collect()),
    );
    for v in Variant::ALL {
        let vn = v.name();
        let key = cat("tpl.", vn);
        let (text, _) = template_text(s, &app.tpl_id, &app.tpl_lang, v);
        let label = tr_with("tpl_text", &[&tr(&cat("variant_", vn))]);
        let err = template_error(&text);
        let id = ctrl_id(&key);
        let editor = area(&text, if v == Variant::Short { 6 } else { 10 })
            .flag("aria-invalid", err.is_some())
            .a("data-variant", vn)
            .id(&id)
            .a("data-k", &key)
            .a("aria-describedby", &format!("hint-{id} err-{id}"));
        out.push(
            E::new("div")
                .class("template")
                .c(E::new("div")
                    .class("field")
                    .c(E::new("label").a("for", &id).t(&label))
                    .c(E::new("div")
                        .class("editor")
                        .c(E::new("div").class("backdrop").id(&cat("bd-", &id)).a("aria-hidden", "true").cs(backdrop(&text, err.as_ref().map(|e| e.2))))
                        .c(editor))
                    .c(E::new("p").class("hint").id(&cat("hint-", &id)).tr("tpl_syntax_hint"))
                    .c(E::new("p").class("error").id(&cat("err-", &id)).a("aria-live", "polite").t(err.as_ref().map_or("", |e| e.0.as_str()))))
                .c(E::new("p").class("tpl-status").c(E::new("span").id(&cat("status-", &id)).t(&template_status(s, &app.tpl_id, &app.tpl_lang, v))).c(button(
                    &cat("tpl-reset.", vn),
                    lazy_tr("tpl_reset"),
                )
                .id(&cat("reset-", &id))
                .a("aria-label", &tr_with("tpl_reset_n", &[&label]))
                .flag("disabled", !template_text(s, &app.tpl_id, &app.tpl_lang, v).1)))
                .c(E::new("pre").class("caret").id(&cat("caret-", &id)).a("aria-hidden", "true").t(&err.map(|e| e.1).unwrap_or_default())),
        );
    }
    out
}

fn sync(app: &App) -> E {
    section("sync", lazy_tr("sync"))
        .c(checkbox("sync", &tr("sync_on"), app.sync_on))
        .c(E::new("p").class("hint").id("hint-sync").tr("sync_hint"))
        .c(E::new("p").id("sync-status").a("role", "status").a("aria-live", "polite"))
        .c(E::new("div").id("sync-offer"))
}

/// An invitation as the preview shows it: who, headline, mutual connections and the note,
/// so that a reason ("note mentions …") can be checked against what was read. Text only.
pub fn invitation_card(inv: &Invitation) -> E {
    let mut card = E::new("div").class("invitation").id("invitation-card").c(E::new("p").class("who").t(&inv.name));
    if let Some(h) = inv.headline.as_deref().filter(|h| !h.trim().is_empty()) {
        card = card.c(E::new("p").class("headline").t(h));
    }
    match inv.mutual_connections {
        Some(1) => card = card.c(E::new("p").class("mutual").tr("invitation_mutual_one")),
        Some(n) => card = card.c(E::new("p").class("mutual").t(&tr_with("invitation_mutual", &[&crate::ui().number(n.into())]))),
        None => {}
    }
    match inv.note.as_deref().map(str::trim).filter(|n| !n.is_empty()) {
        Some(note) => card.c(E::new("p").class("note").t(&crate::ui().quote(note))),
        None => card.c(E::new("p").class("note").tr("invitation_no_note")),
    }
}

/// The sample choices: built-in ones, what the last click read, and pasted JSON.
pub fn sample_options(app: &App) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = app
        .samples
        .iter()
        .enumerate()
        // "Personal note: Kathie Smith, …", in French with a space before the colon ("problem_at" is that pattern).
        .map(|(i, s)| (cat_n("b.", i, ""), tr_with("problem_at", &[&category_label(s.category), &tr(&cat("sample_", s.id))])))
        .collect();
    for (i, inv) in app.last_read.iter().enumerate() {
        out.push((cat_n("l.", i, ""), tr_with("sample_last_read", &[&inv.name])));
    }
    out.push(("paste".into(), tr("sample_paste")));
    out
}

pub fn pick_value(p: &Pick) -> String {
    match p {
        Pick::Builtin(i) => cat_n("b.", *i, ""),
        Pick::LastRead(i) => cat_n("l.", *i, ""),
        Pick::Pasted => "paste".into(),
    }
}

fn preview(app: &App) -> E {
    let pv = app.preview_variant.map(|v| v.name()).unwrap_or_default();
    let variants = keyed(&[("", lazy_tr("preview_variant_settings")), VARIANT_OPTIONS[0], VARIANT_OPTIONS[1]]);
    E::new("aside")
        .class("preview")
        .id("s-preview")
        .a("aria-labelledby", "h-preview")
        .c(E::new("h2").id("h-preview").tr("preview"))
        .c(field("sample", lazy_tr("sample"), select(sample_options(app), &pick_value(&app.sample)).id("sample"), None))
        .c(E::new("div").id("paste-box").flag("hidden", app.sample != Pick::Pasted).c(field(
            "pasted",
            lazy_tr("paste_label"),
            area(&app.pasted, 6),
            Some(lazy_tr("paste_hint")),
        )))
        .c(field("pvariant", lazy_tr("preview_variant"), select(variants, pv), None))
        // The decision and the whole draft first (sign-off included, in view at 1280×800), then
        // the invitation it was made for and why. Only the decision is announced; the count
        // changes on every keystroke and is read on demand.
        .c(E::new("p").id("preview-summary").class("summary").a("aria-live", "polite").a("aria-atomic", "true"))
        .c(E::new("h3").id("h-draft").tr("draft"))
        .c(E::new("pre").id("preview-draft").class("draft").a("aria-labelledby", "h-draft").a("tabindex", "0"))
        .c(E::new("p").id("preview-count").class("count"))
        .c(E::new("h3").tr("preview_invitation"))
        .c(E::new("div").id("preview-invitation"))
        .c(E::new("h3").tr("reasons"))
        .c(E::new("ul").id("preview-reasons"))
}

fn reset_dialog() -> E {
    question_dialog(
        "reset",
        "reset_title",
        "reset_text",
        vec![
            button("reset-export", lazy_tr("reset_export")).id("reset-export"),
            button("reset-confirm", lazy_tr("reset_confirm")).id("reset-confirm").class("danger"),
            button("reset-cancel", lazy_tr("cancel")).id("reset-cancel"),
        ],
    )
}

/// A modal question (Reset, Clear progress): `<dialog id="{id}-dialog">` titled by the message
/// `title`, explained by the message `text`, with `buttons` in a toolbar.
pub fn question_dialog(id: &str, title: &str, text: &str, buttons: Vec<E>) -> E {
    let (h, text_id) = (cat("h-", id), cat(id, "-text"));
    E::new("dialog")
        .id(&cat(id, "-dialog"))
        .a("aria-labelledby", &h)
        .a("aria-describedby", &text_id)
        .c(E::new("h2").id(&h).tr(title))
        .c(E::new("p").id(&text_id).tr(text))
        .c(E::new("div").class("toolbar").cs(buttons))
}

/// The `Field` of a rule's `in` select.
pub fn field_from(s: &str) -> Field {
    match s {
        "headline" => Field::Headline,
        "note" => Field::Note,
        _ => Field::Any,
    }
}
