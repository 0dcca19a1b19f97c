//! The side panel's model: every invitation on the invitation manager, decided, with where its
//! card and buttons are on the page; the filters over them; and the local record of what the
//! user handled across days.
//!
//! The panel never acts on an invitation. It reads, points (outlines a card or LinkedIn's own
//! Accept and Ignore buttons) and, only when asked, opens one invitation's Reply box to draft in
//! it by the toolbar click's path. This module holds no web code: the panel page (crates/options,
//! `panel`) renders it.

use crate::read::{is_supported_url, read_cards, Controls, Located, PanelCards};
use crate::snapshot::{fold_whitespace, Snapshot};
use crate::Find;
use crate::{decide_without_text, Action, Category, Invitation, Reason, Settings};
use serde::{Deserialize, Serialize};

/// What kind of page the active tab shows, for the panel's empty states.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Where {
    /// Received invitations (the invitation manager or "My Network"): the panel's page.
    Invitations,
    /// The invitations the user sent: nothing to answer.
    Sent,
    /// LinkedIn, another page.
    OtherLinkedIn,
    /// Not LinkedIn (or a page NotYet may not read).
    Elsewhere,
}

/// Where a page address is, before any snapshot (the panel checks the tab's address first).
pub fn where_is(url: &str) -> Where {
    if !is_supported_url(url) {
        Where::Elsewhere
    } else if url.has("/invitation-manager/sent") {
        Where::Sent
    } else if url.has("/invitation-manager") || url.split(['?', '#']).next().is_some_and(|p| p.trim_end_matches('/').ends_with("/mynetwork")) {
        Where::Invitations
    } else {
        Where::OtherLinkedIn
    }
}

/// One invitation in the panel.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    /// Stable across snapshots and days: the profile address, else the name and headline.
    pub key: String,
    pub card: u32,
    pub controls: Controls,
    pub invitation: Invitation,
    pub category: Category,
    pub action: Action,
    /// Typed; the panel words them in the interface language.
    pub reasons: Vec<Reason>,
    /// The invitation was on an earlier snapshot and no longer is (accepted, ignored, or the
    /// page changed): kept in the list, marked, never dropped silently.
    pub gone: bool,
    /// Read only as far as its key and not decided yet ([`triage_first`]): its category, action,
    /// reasons, controls and all but its name are placeholders until [`Progress::finish`].
    #[serde(skip)]
    pub pending: bool,
}

/// A snapshot's invitations for the panel.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Triage {
    pub rows: Vec<Row>,
    /// How many invitations the page says there are (its list renders only some).
    pub announced: Option<u32>,
}

/// The key that identifies an invitation across snapshots and days.
pub fn key_of(inv: &Invitation) -> String {
    match &inv.profile_url {
        Some(url) if !url.is_empty() => url.clone(),
        _ => format!("{}\u{1f}{}", fold_whitespace(&inv.name), fold_whitespace(inv.headline.as_deref().unwrap_or(""))),
    }
}

/// Reads and decides every invitation on the page: the decision without a reply's text, which
/// the list never shows. Duplicates (LinkedIn may render a card twice while its list
/// re-renders) are kept once, the first in page order.
pub fn triage(snapshot: &Snapshot, settings: &Settings) -> Triage {
    let (cards, announced) = read_cards(snapshot);
    let mut seen = crate::FnvSet::default();
    let rows = cards
        .into_iter()
        .filter_map(|c| {
            let key = key_of(&c.invitation);
            seen.insert(key.clone()).then(|| decided(key, c, settings))
        })
        .collect();
    Triage { rows, announced }
}

/// A row decided from its card read whole.
fn decided(key: String, c: Located, settings: &Settings) -> Row {
    // The panel words no reply: the decision alone is a third cheaper (decide_without_text).
    let s = decide_without_text(&c.invitation, settings);
    Row {
        key,
        card: c.card,
        controls: c.controls,
        invitation: c.invitation,
        category: s.category,
        action: s.action,
        reasons: s.reasons,
        gone: false,
        pending: false,
    }
}

/// [`triage`] in two steps, for the panel's first list: every card read as far as its key (as a
/// click reads the cards it doesn't draft for), the first `first` rows read whole and decided,
/// the others left [`Row::pending`] for [`Progress::finish`]. A card without a profile link is
/// read whole at once: its key needs its headline. Once finished, the rows are [`triage`]'s (a
/// test compares them on every fixture page). At 300 invitations (the bench's page, natively,
/// callgrind, 16 rows first) the first step took 59% of the whole triage's instructions (34.3 M
/// of 58.2 M), both steps 114% (README, "The first list before every decision").
pub fn triage_first(snapshot: Snapshot, settings: &Settings, first: usize) -> (Triage, Progress) {
    let (cards, (rows, pending, announced)) = PanelCards::new(snapshot, |r| {
        let (mut seen, mut ks) = (crate::FnvSet::default(), Vec::new());
        let (mut rows, mut pending) = (Vec::new(), Vec::new());
        for k in 0..r.len() {
            let Some(named) = r.named(k) else { continue };
            ks.push(k);
            let keyed = named.invitation.profile_url.as_ref().is_some_and(|u| !u.is_empty());
            let now = rows.len() < first || !keyed;
            let c = if now { r.whole(k).unwrap_or(named) } else { named };
            let key = key_of(&c.invitation);
            if !seen.insert(key.clone()) {
                continue;
            }
            if now {
                rows.push(decided(key, c, settings));
            } else {
                pending.push(k);
                let (category, action) = (Category::Generic, Action::Reply); // placeholders, never shown
                rows.push(Row {
                    key,
                    card: c.card,
                    controls: c.controls,
                    invitation: c.invitation,
                    category,
                    action,
                    reasons: Vec::new(),
                    gone: false,
                    pending: true,
                });
            }
        }
        (rows, pending, r.announced(&ks))
    });
    (Triage { rows, announced }, Progress { cards, pending })
}

/// What [`triage_first`] left to decide: the page's cards and which of them are pending rows.
pub struct Progress {
    cards: PanelCards,
    /// The pending rows' cards, in page order.
    pending: Vec<usize>,
}

impl Progress {
    /// Whether every row is decided already.
    pub fn done(&self) -> bool {
        self.pending.is_empty()
    }

    /// Whether the page nests deeper than the agent copies ([`Snapshot::cut_deep`]): asked when
    /// no invitation was read, where the panel said "No invitations on this page" and the toolbar
    /// click that the page nests too deep.
    pub fn cut_deep(&self) -> bool {
        self.cards.cut_deep()
    }

    /// Reads whole and decides the pending rows of `rows`: the reading's rows, maybe merged with
    /// an earlier list ([`merge`] keeps their order, and cuts only at the end).
    pub fn finish(self, rows: &mut [Row], settings: &Settings) {
        if self.pending.is_empty() {
            return;
        }
        let r = self.cards.reader();
        for (row, k) in rows.iter_mut().filter(|r| r.pending).zip(self.pending) {
            let c = r.whole(k).unwrap_or_else(|| Located { invitation: row.invitation.clone(), card: row.card, controls: row.controls });
            *row = Row { gone: row.gone, ..decided(std::mem::take(&mut row.key), c, settings) };
        }
    }
}

/// Folds a fresh reading into the list the panel shows: fresh rows in page order, each row no
/// longer on the page marked gone where the user last saw it, under the row above it that is
/// still there (at the list's end, it was out of sight: "1 gone", and no such row in view). A list
/// with nothing in common with the last one keeps the old rows after the new. Rows already gone
/// stay gone unless they came back. At most `limit` rows are kept (a list of 5,000 is cut, and
/// the panel says so).
pub fn merge(old: &[Row], fresh: Triage, limit: usize) -> (Triage, usize) {
    let present: crate::FnvSet<&str> = fresh.rows.iter().map(|r| r.key.as_str()).collect();
    let common = old.iter().any(|r| present.contains(r.key.as_str()));
    // Each gone row (its index in `old`) with the row above it that is still there (`None`:
    // above all of them), in the old order; placed in one pass with the fresh rows, whose order
    // is the page's. Those the page moved (or all, with nothing in common) go last. Indices, not
    // a map of rows: a HashMap here cost 1.2 KB of zip.
    let mut above = None;
    let mut gone = Vec::new();
    for (i, r) in old.iter().enumerate() {
        if present.contains(r.key.as_str()) {
            above = Some(i);
        } else {
            gone.push((i, above));
        }
    }
    let mark = |i: usize| Row { gone: true, ..old[i].clone() };
    let mut g = 0;
    let mut rows = Vec::with_capacity(fresh.rows.len() + gone.len());
    while common && g < gone.len() && gone[g].1.is_none() {
        rows.push(mark(gone[g].0));
        g += 1;
    }
    for r in fresh.rows {
        let at = rows.len();
        rows.push(r);
        while g < gone.len() && gone[g].1.is_some_and(|j| old[j].key == rows[at].key) {
            rows.push(mark(gone[g].0));
            g += 1;
        }
    }
    rows.extend(gone[g..].iter().map(|&(i, _)| mark(i)));
    let cut = rows.len().saturating_sub(limit);
    rows.truncate(limit);
    (Triage { rows, announced: fresh.announced }, cut)
}

/// A page of eight invitations, one of each category, as the agent's snapshot (5.8 KB): the
/// panel fixtures' first eight cards (`page(8, 8)` of tests/fixtures/panel/make_panel_fixtures.py,
/// converted by `html::snapshot_of`). The panel reads and decides it once while the page's own
/// snapshot is being taken, so that what runs once per page instance runs during that wait.
pub const WARM_PAGE: &str = include_str!("warm-page.json");

/// The most rows the panel holds: a list of 5,000 stays quick (reading and deciding 1,000 take
/// tens of milliseconds; the list renders only what is visible), and nobody walks through more in a day.
pub const ROW_LIMIT: usize = 2000;

/// Which rows the panel lists.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filter {
    pub action: Option<Action>,
    pub category: Option<Category>,
    /// Words that must all appear in the name, headline or note (case-insensitive).
    pub text: String,
    /// Hide invitations the record says were handled (drafted on an earlier day or gone).
    pub hide_handled: bool,
}

impl Filter {
    pub fn matches(&self, row: &Row, handled: bool) -> bool {
        if self.action.is_some_and(|a| a != row.action) || self.category.is_some_and(|c| c != row.category) || (self.hide_handled && handled) {
            return false;
        }
        let words: Vec<String> = self.text.split_whitespace().map(crate::case::lower_str).collect();
        if words.is_empty() {
            return true;
        }
        let inv = &row.invitation;
        let hay = [Some(inv.name.as_str()), inv.headline.as_deref(), inv.note.as_deref()].into_iter().flatten().collect::<Vec<_>>().join(" ");
        let hay = crate::case::lower_str(&hay);
        words.iter().all(|w| hay.has(w.as_str()))
    }
}

/// How many rows advise each action, in the order the panel shows them (gone ones left out).
pub fn counts<'a>(rows: impl IntoIterator<Item = &'a Row>) -> [(Action, usize); 4] {
    let mut out = [(Action::Accept, 0), (Action::Reply, 0), (Action::Ignore, 0), (Action::Report, 0)];
    for r in rows.into_iter().filter(|r| !r.gone) {
        if let Some(c) = out.iter_mut().find(|(a, _)| *a == r.action) {
            c.1 += 1;
        }
    }
    out
}

/// The first words of a note, for a row: at most `words` words, "…" when cut.
pub fn first_words(note: &str, words: usize) -> String {
    let all: Vec<&str> = note.split_whitespace().collect();
    let mut s = all.iter().take(words).copied().collect::<Vec<_>>().join(" ");
    if all.len() > words {
        s.push('…');
    }
    s
}

// ------------------------------------------------------------------ progress across days

/// What the user handled through the panel, kept in `storage.local` under [`RECORD_KEY`] only
/// (never synced: it names people who wrote to the user). At most [`RECORD_LIMIT`] entries; the
/// oldest drafted is dropped first.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Record {
    pub entries: Vec<Handled>,
    /// The panel's *Hide handled*, kept with what it hides: a user who hid handled invitations
    /// yesterday saw them all again at the next open. Here rather than under a key of its own,
    /// as the worker's first screen is drawn from this record already (a key of its own was one
    /// more read there and in the panel). Written only when on.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub hide: bool,
    /// When the options page last cleared the record (milliseconds since 1970, UTC): a save
    /// forgets entries drafted before then. A panel open as Clear ran still holds the
    /// old entries, and its save (in flight then, or sent before it heard of the clear) wrote
    /// them all back. Kept once written: 21 bytes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cleared: Option<u64>,
}

pub const RECORD_KEY: &str = "panel_record";
/// 1,000 entries of about 150 bytes: well inside `storage.local`'s quota, and months of backlog.
pub const RECORD_LIMIT: usize = 1000;

/// One handled invitation.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Handled {
    pub key: String,
    pub name: String,
    /// When NotYet drafted a reply to them, milliseconds since 1970 (UTC). Whole numbers: no
    /// float parser or printer in the module for this.
    pub drafted: Option<u64>,
    /// When the panel first saw the drafted invitation gone from the page.
    pub gone: Option<u64>,
}

impl Handled {
    fn handled(&self) -> bool {
        self.drafted.is_some() || self.gone.is_some()
    }

    /// Sorts by the time of the draft, oldest first (undated first), keeping the order of ties.
    /// The one sort of entries in the WASM: the panel's newest-first list reverses around it.
    pub fn oldest_first(entries: &mut [Handled]) {
        entries.sort_by_key(|e| e.drafted.unwrap_or(0));
    }

    /// Newest draft first (undated last), ties in their stored order.
    pub fn newest_first(entries: &mut [Handled]) {
        entries.reverse();
        Handled::oldest_first(entries);
        entries.reverse();
    }
}

impl Record {
    /// Reads a stored record leniently: a broken value is an empty record, never an error that
    /// blocks the panel.
    pub fn from_json(json: &str) -> Record {
        serde_json::from_str::<Record>(json).unwrap_or_default()
    }

    pub fn get(&self, key: &str) -> Option<&Handled> {
        self.entries.iter().find(|e| e.key == key)
    }

    /// Notes a draft for `row` at `now`, dropping the oldest entries beyond the limit.
    pub fn drafted(&mut self, key: &str, name: &str, now: u64) {
        match self.entries.iter_mut().find(|e| e.key == key) {
            Some(e) => {
                e.drafted = Some(now);
                e.gone = None;
            }
            None => self.entries.push(Handled { key: key.into(), name: name.into(), drafted: Some(now), gone: None }),
        }
        self.trim();
    }

    /// Marks drafted invitations that have left the page as gone; returns whether anything changed.
    pub fn note_gone(&mut self, rows: &[Row], now: u64) -> bool {
        let mut changed = false;
        for r in rows.iter().filter(|r| r.gone) {
            if let Some(e) = self.entries.iter_mut().find(|e| e.key == r.key && e.gone.is_none()) {
                e.gone = Some(now);
                changed = true;
            }
        }
        changed
    }

    /// This panel's whole record (`self`) saved over the record as stored (`stored`, JSON as
    /// stored, `""` for none), as the service worker writes it, one save at a time: two panels
    /// (two windows, or a side panel and the panel in a tab) each wrote their whole record, and
    /// the later lost the other's draft. By entry, the one whose latest time is later (drafted
    /// again, or seen leaving after the draft; a tie keeps this panel's); entries only stored
    /// follow this panel's; *Hide handled* is this panel's (as its box shows it); past
    /// [`RECORD_LIMIT`] the oldest drafted go, as [`Record::drafted`] trims. A stored record
    /// that doesn't read (an entry of the wrong type) is none, as the panel reads it: kept as it
    /// was, it hid every later draft at the next open. Here rather than in the worker's
    /// JavaScript, which repeated the limit and the trim. The later of the two clears holds:
    /// what was drafted before it goes, from either side (the options page's Clear is a save of an
    /// empty record with its time, in the same line of saves).
    pub fn save_over(mut self, stored: &str) -> String {
        let latest = |e: &Handled| e.drafted.max(e.gone);
        let Record { entries: mut stored, cleared, .. } = Record::from_json(stored);
        self.cleared = self.cleared.max(cleared);
        // Each stored entry looked for from where the next is, going the way the last two were
        // found: this panel's record is the stored one as it last heard of it plus its own drafts
        // at the end, so the two list their entries in the same order, and a search from the
        // start per entry was a million key comparisons at 1,000 and 1,000 (11-34 ms in the
        // worker's JavaScript then, on each Draft reply's path). Looked for only forwards, a
        // record in reverse order was a million too: 41-74 ms a save natively, 1.0-4.4 ms going
        // backwards where the last one went (examples/record_save.rs, load 15-19, 2 Dec). Any
        // other order, and a record with no key in common, which no panel writes, stay quadratic
        // (shuffled 5.9-10.8 ms, apart 10.5-18.0): a map by key measured +406 B of zip (1 Dec
        // 2026), a search both ways out from the last +194 B.
        let (n, mut at, mut last) = (self.entries.len(), 0, 0);
        for e in &mut stored {
            match (at..n).chain(0..at).find(|&i| self.entries[i].key == e.key) {
                Some(i) => {
                    if latest(e) > latest(&self.entries[i]) {
                        std::mem::swap(&mut self.entries[i], e);
                    }
                    at = if i < last { i.saturating_sub(1) } else { i + 1 };
                    last = i;
                }
                None => self.entries.push(std::mem::take(e)),
            }
        }
        // Drafted before the last clear: forgotten, whatever was seen of it since.
        let cleared = self.cleared;
        self.entries.retain(|e| e.drafted >= cleared);
        self.trim();
        self.to_json()
    }

    fn trim(&mut self) {
        if self.entries.len() > RECORD_LIMIT {
            Handled::oldest_first(&mut self.entries);
            let extra = self.entries.len() - RECORD_LIMIT;
            self.entries.drain(..extra);
        }
    }

    /// Whether the record says this invitation was handled (drafted or seen leave the page).
    pub fn handled(&self, key: &str) -> bool {
        self.get(key).is_some_and(Handled::handled)
    }

    /// The keys [`Record::handled`] says yes to, for a whole list at once: a search of the
    /// record per row was a million key comparisons for 1,000 rows and a full record.
    pub fn handled_keys(&self) -> crate::FnvSet<&str> {
        self.entries.iter().filter(|e| e.handled()).map(|e| e.key.as_str()).collect()
    }

    /// The record as compact JSON, the bytes of its derived `Serialize` (a unit test holds the
    /// two together), written by hand: the derived writer, inlined where the panel saves the
    /// record and exports it: −409 B raw, −201 B on each zip (1 Dec 2026; README, WASM size).
    pub fn to_json(&self) -> String {
        let mut o = crate::json::Out::default();
        o.open(b'{');
        o.key("entries");
        o.open(b'[');
        for e in &self.entries {
            // Every field named: one added stops the build here until it is written.
            let Handled { key, name, drafted, gone } = e;
            o.open(b'{');
            o.key("key");
            o.str(key);
            o.key("name");
            o.str(name);
            for (field, time) in [("drafted", drafted), ("gone", gone)] {
                o.key(field);
                match time {
                    Some(t) => o.num(*t),
                    None => o.null(),
                }
            }
            o.close(b'}');
        }
        o.close(b']');
        if self.hide {
            o.key("hide");
            o.bool(true);
        }
        if let Some(t) = self.cleared {
            o.key("cleared");
            o.num(t);
        }
        o.close(b'}');
        o.finish()
    }
}

/// A record's time as people and tools read it in an exported file, ISO 8601 in UTC to the second
/// ("2026-11-30T18:40:00Z"). Days to a civil date by Howard Hinnant's `civil_from_days`
/// (<https://howardhinnant.github.io/date_algorithms.html>): a few lines, and no exception to
/// catch where JS's `toISOString` throws (a broken record's time past the year 275,760).
pub fn iso_time(ms: u64) -> String {
    let secs = ms / 1000;
    let z = secs / 86_400 + 719_468;
    let era = z / 146_097;
    let doe = z % 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + u64::from(month <= 2);
    let t = secs % 86_400;
    format!("{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z", t / 3600, t / 60 % 60, t % 60)
}

// The record read by hand rather than by serde's derived readers: they were inlined where the
// panel and the options page read it, with a visitor for each struct's map and array forms and each field's name as
// text, bytes and number: −1,700 B raw, −482 B gzipped, −613 B on each zip (1 Dec 2026, on main of 05:30 UTC). The
// same rules (a field missing takes its default, another field is passed over, a field twice or
// of the wrong type makes the record unreadable, so empty); one difference, never written: the
// structs' array forms aren't read. A record of 1,000 entries (157 KB) reads in 3.35 M
// instructions natively against the derived readers' 3.43 M (a `Value` reader took twice as long).

/// A field's name read without a `String`: its place in `names`, or `names.len()` for another.
pub(crate) struct Field(pub(crate) &'static [&'static str]);

impl<'de> serde::de::DeserializeSeed<'de> for Field {
    type Value = usize;
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<usize, D::Error> {
        d.deserialize_identifier(self)
    }
}

impl<'de> serde::de::Visitor<'de> for Field {
    type Value = usize;
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a field name")
    }
    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<usize, E> {
        Ok(self.0.iter().position(|n| *n == v).unwrap_or(self.0.len()))
    }
}

impl<'de> Deserialize<'de> for Record {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Record;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a record")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Record, A::Error> {
                let (mut entries, mut hide, mut cleared): (Option<Vec<Handled>>, Option<bool>, Option<Option<u64>>) = (None, None, None);
                while let Some(i) = map.next_key_seed(Field(&["entries", "hide", "cleared"]))? {
                    match i {
                        0 if entries.is_some() => return Err(serde::de::Error::duplicate_field("entries")),
                        0 => entries = Some(map.next_value()?),
                        1 if hide.is_some() => return Err(serde::de::Error::duplicate_field("hide")),
                        1 => hide = Some(map.next_value()?),
                        2 if cleared.is_some() => return Err(serde::de::Error::duplicate_field("cleared")),
                        2 => cleared = Some(map.next_value()?),
                        _ => {
                            map.next_value::<serde::de::IgnoredAny>()?;
                        }
                    }
                }
                Ok(Record { entries: entries.unwrap_or_default(), hide: hide.unwrap_or_default(), cleared: cleared.flatten() })
            }
        }
        d.deserialize_map(V)
    }
}

impl<'de> Deserialize<'de> for Handled {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Handled;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an entry")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Handled, A::Error> {
                const NAMES: &[&str] = &["key", "name", "drafted", "gone"];
                let mut h = Handled::default();
                let mut seen = [false; 4];
                while let Some(i) = map.next_key_seed(Field(NAMES))? {
                    if i < 4 {
                        if seen[i] {
                            return Err(serde::de::Error::duplicate_field(NAMES[i]));
                        }
                        seen[i] = true;
                    }
                    match i {
                        0 => h.key = map.next_value()?,
                        1 => h.name = map.next_value()?,
                        2 => h.drafted = map.next_value()?,
                        3 => h.gone = map.next_value()?,
                        _ => drop(map.next_value::<serde::de::IgnoredAny>()?),
                    }
                }
                Ok(h)
            }
        }
        d.deserialize_map(V)
    }
}

#[cfg(test)]
mod tests {
    /// The hand-written readers give what serde's derived ones gave, on good records and bad.
    #[test]
    fn the_record_reads_as_the_derived_reader_read_it() {
        #[derive(Deserialize)]
        struct Derived {
            #[serde(default)]
            entries: Vec<DerivedEntry>,
            #[serde(default)]
            hide: bool,
            #[serde(default)]
            cleared: Option<u64>,
        }
        #[derive(Deserialize, Default)]
        #[serde(default)]
        struct DerivedEntry {
            key: String,
            name: String,
            drafted: Option<u64>,
            gone: Option<u64>,
        }
        let cases = [
            r#"{"entries":[{"key":"k","name":"Sam","drafted":1,"gone":null}]}"#,
            r#"{"entries":[{"key":"k","name":"Sam","drafted":1,"gone":2},{"key":"j"}]}"#,
            r#"{"entries":[{"key":"k","extra":{"a":[1,2]},"name":"S\u0061m"}],"other":3}"#,
            r#"{"entries":[{"k\u0065y":"k","gone":5}]}"#,
            r#"{"entries":[]}"#,
            r#"{"entries":[],"hide":true}"#,
            r#"{"hide":false,"entries":[{"key":"k"}]}"#,
            r#"{"hide":1,"entries":[{"key":"k"}]}"#,
            r#"{"hide":true,"hide":true}"#,
            r#"{"entries":[],"cleared":1796064000000}"#,
            r#"{"cleared":null,"entries":[{"key":"k"}]}"#,
            r#"{"cleared":"today"}"#,
            r#"{"cleared":1,"cleared":2}"#,
            r#"{}"#,
            r#"{"entries":null}"#,
            r#"{"entries":[{}]}"#,
            r#"{"entries":[{"key":null}]}"#,
            r#"{"entries":[{"key":"k","key":"j"}]}"#,
            r#"{"entries":[],"entries":[]}"#,
            r#"{"entries":[{"drafted":-1}]}"#,
            r#"{"entries":[{"drafted":1.5}]}"#,
            r#"{"entries":[{"drafted":"1"}]}"#,
            r#"{"entries":[{"name":3}]}"#,
            r#"{"entries":{"key":"k"}}"#,
            r#"{"entries":[1]}"#,
            r#"{"entries":[{"key":"k"}"#,
            r#"[]"#,
            r#"null"#,
            r#"3"#,
            r#""entries""#,
            "",
        ];
        for case in cases {
            let derived = serde_json::from_str::<Derived>(case)
                .map(|r| Record {
                    entries: r.entries.into_iter().map(|e| Handled { key: e.key, name: e.name, drafted: e.drafted, gone: e.gone }).collect(),
                    hide: r.hide,
                    cleared: r.cleared,
                })
                .unwrap_or_default();
            assert_eq!(Record::from_json(case), derived, "{case}");
        }
        // The one difference: the structs' array forms, which nothing writes.
        assert_eq!(serde_json::from_str::<Derived>(r#"[[["k","Sam",1,null]]]"#).map(|r| r.entries.len()).ok(), Some(1));
        assert_eq!(Record::from_json(r#"[[["k","Sam",1,null]]]"#), Record::default());
    }

    use super::*;

    #[test]
    fn the_record_is_written_as_the_derived_writer_wrote_it() {
        let entry = |key: &str, name: &str, drafted, gone| Handled { key: key.into(), name: name.into(), drafted, gone };
        let records = [
            Record::default(),
            Record { entries: vec![entry("", "", None, None)], hide: false, cleared: None },
            Record { entries: vec![], hide: true, cleared: None },
            Record {
                hide: true,
                cleared: Some(1_796_064_000_000),
                entries: vec![
                    entry("https://www.linkedin.com/in/sam/", "Sam \"Q\" O'Neil \u{1}\\ Ünal 😀", Some(1_796_064_000_999), None),
                    entry("k", "", None, Some(0)),
                    entry("j", "J", Some(u64::MAX), Some(7)),
                ],
            },
        ];
        for r in records {
            assert_eq!(r.to_json(), serde_json::to_string(&r).expect("serializes"));
        }
    }

    #[test]
    fn times_in_iso_8601() {
        assert_eq!(iso_time(0), "1970-01-01T00:00:00Z");
        assert_eq!(iso_time(1_796_064_000_999), "2026-11-30T18:40:00Z");
        assert_eq!(iso_time(951_782_400_000), "2000-02-29T00:00:00Z");
        assert_eq!(iso_time(4_107_542_399_000), "2100-02-28T23:59:59Z");
        assert!(iso_time(u64::MAX).ends_with('Z'));
    }

    fn row(key: &str, action: Action) -> Row {
        Row {
            key: key.into(),
            card: 1,
            controls: Controls::default(),
            invitation: Invitation {
                name: key.into(),
                headline: Some("Recruiter at Acme".into()),
                note: Some("Hello there, I would love to connect".into()),
                ..Invitation::default()
            },
            category: Category::Generic,
            action,
            reasons: vec![],
            gone: false,
            pending: false,
        }
    }

    #[test]
    fn entries_sort_by_draft_time_keeping_ties_in_order() {
        let e = |key: &str, drafted: Option<u64>| Handled { key: key.into(), name: key.into(), drafted, gone: None };
        let keys = |v: &[Handled]| v.iter().map(|h| h.key.clone()).collect::<Vec<_>>().join(" ");
        let stored = vec![e("a", Some(5)), e("b", None), e("c", Some(9)), e("d", Some(5)), e("f", None)];
        let mut v = stored.clone();
        Handled::oldest_first(&mut v);
        assert_eq!(keys(&v), "b f a d c");
        let mut v = stored;
        Handled::newest_first(&mut v);
        assert_eq!(keys(&v), "c a d b f");
    }

    #[test]
    fn where_the_panel_works() {
        assert_eq!(where_is("https://www.linkedin.com/mynetwork/invitation-manager/received/"), Where::Invitations);
        assert_eq!(where_is("https://www.linkedin.com/mynetwork/invitation-manager/"), Where::Invitations);
        assert_eq!(where_is("https://www.linkedin.com/mynetwork/"), Where::Invitations);
        assert_eq!(where_is("https://www.linkedin.com/mynetwork/invitation-manager/sent/"), Where::Sent);
        assert_eq!(where_is("https://www.linkedin.com/feed/"), Where::OtherLinkedIn);
        assert_eq!(where_is("https://example.com/mynetwork/"), Where::Elsewhere);
        assert_eq!(where_is(""), Where::Elsewhere);
    }

    #[test]
    fn gone_rows_are_kept_and_marked() {
        let old = vec![row("a", Action::Reply), row("b", Action::Ignore)];
        let fresh = Triage { rows: vec![row("b", Action::Ignore), row("c", Action::Accept)], announced: Some(3) };
        let (merged, cut) = merge(&old, fresh, 10);
        let keys: Vec<(&str, bool)> = merged.rows.iter().map(|r| (r.key.as_str(), r.gone)).collect();
        assert_eq!(keys, vec![("a", true), ("b", false), ("c", false)]);
        // Where the user saw it: under the row above it that stayed; a list replaced wholesale keeps the old ones last.
        let old = vec![row("a", Action::Reply), row("b", Action::Ignore), row("c", Action::Accept), row("d", Action::Reply)];
        let fresh = Triage { rows: vec![row("n", Action::Reply), row("a", Action::Reply), row("c", Action::Accept)], announced: None };
        let keys: Vec<String> = merge(&old, fresh, 10).0.rows.iter().map(|r| format!("{}{}", r.key, if r.gone { "-" } else { "" })).collect();
        assert_eq!(keys, ["n", "a", "b-", "c", "d-"]);
        let fresh = Triage { rows: vec![row("x", Action::Reply)], announced: None };
        let keys: Vec<String> = merge(&old[..2], fresh, 10).0.rows.iter().map(|r| r.key.clone()).collect();
        assert_eq!(keys, ["x", "a", "b"]);
        assert_eq!(cut, 0);
        assert_eq!(counts(&merged.rows), [(Action::Accept, 1), (Action::Reply, 0), (Action::Ignore, 1), (Action::Report, 0)]);
        let many = Triage { rows: (0..30).map(|k| row(&k.to_string(), Action::Reply)).collect(), announced: None };
        assert_eq!(merge(&[], many, 25).1, 5);
    }

    #[test]
    fn filters_by_action_category_text_and_handled() {
        let r = row("https://www.linkedin.com/in/x/", Action::Reply);
        assert!(Filter::default().matches(&r, true));
        assert!(Filter { text: "ACME love".into(), ..Filter::default() }.matches(&r, false));
        assert!(!Filter { text: "acme crypto".into(), ..Filter::default() }.matches(&r, false));
        assert!(!Filter { action: Some(Action::Ignore), ..Filter::default() }.matches(&r, false));
        assert!(!Filter { category: Some(Category::Spam), ..Filter::default() }.matches(&r, false));
        assert!(!Filter { hide_handled: true, ..Filter::default() }.matches(&r, true));
    }

    #[test]
    fn the_record_is_bounded_and_lenient() {
        let mut rec = Record::from_json("not json");
        assert!(rec.entries.is_empty());
        for k in 0..RECORD_LIMIT + 5 {
            rec.drafted(&format!("k{k}"), "Name", k as u64);
        }
        assert_eq!(rec.entries.len(), RECORD_LIMIT);
        assert!(rec.get("k0").is_none() && rec.get("k5").is_some());
        assert!(rec.handled("k6") && !rec.handled("nobody"));
        rec.entries.push(Handled { key: "seen".into(), ..Handled::default() });
        let keys = rec.handled_keys();
        assert!(rec.entries.iter().all(|e| keys.contains(e.key.as_str()) == rec.handled(&e.key)));
        assert_eq!(keys.len(), RECORD_LIMIT);
        let mut gone = row("k7", Action::Reply);
        gone.gone = true;
        assert!(rec.note_gone(&[gone.clone()], 99));
        assert!(!rec.note_gone(&[gone], 100));
        assert_eq!(Record::from_json(&rec.to_json()), rec);
    }

    #[test]
    fn a_panels_record_saved_over_the_stored_one() {
        let e = |key: &str, drafted: Option<u64>, gone: Option<u64>| Handled { key: key.into(), name: format!("Name {key}"), drafted, gone };
        let stored =
            Record { entries: vec![e("a", Some(5), Some(9)), e("b", Some(3), None), e("s", Some(4), None), e("t", None, None)], hide: true, cleared: None }
                .to_json();
        // Mine: "a" without its gone (older), "b" drafted again (later), "m" new; Hide handled off.
        let mine = Record { entries: vec![e("m", Some(7), None), e("a", Some(5), None), e("b", Some(8), None)], hide: false, cleared: None };
        let saved = Record::from_json(&mine.clone().save_over(&stored));
        let keys: Vec<_> = saved.entries.iter().map(|h| (h.key.as_str(), h.drafted, h.gone)).collect();
        assert_eq!(keys, [("m", Some(7), None), ("a", Some(5), Some(9)), ("b", Some(8), None), ("s", Some(4), None), ("t", None, None)]);
        assert!(!saved.hide);
        // A tie keeps this panel's entry (its name too).
        let tie = Record { entries: vec![Handled { name: "Mine".into(), ..e("s", Some(4), None) }], hide: true, cleared: None };
        let saved = Record::from_json(&tie.save_over(&stored));
        assert_eq!((saved.entries[0].name.as_str(), saved.entries.len(), saved.hide), ("Mine", 4, true));
        // A stored record that doesn't read is none, as the panel reads it: not kept beside this one.
        let broken = r#"{"entries":[{"key":"x","drafted":"yesterday"}]}"#;
        assert_eq!(Record::from_json(&mine.clone().save_over(broken)), mine);
        assert_eq!(Record::from_json(&mine.clone().save_over("")), mine);
        // Bounded: two full records, the oldest drafted go.
        let full = |from: u64| Record {
            entries: (from..from + RECORD_LIMIT as u64).map(|k| e(&format!("k{k}"), Some(k), None)).collect(),
            hide: false,
            cleared: None,
        };
        let saved = Record::from_json(&full(500).save_over(&full(0).to_json()));
        assert_eq!(saved.entries.len(), RECORD_LIMIT);
        assert_eq!((saved.entries[0].key.as_str(), saved.entries[RECORD_LIMIT - 1].key.as_str()), ("k500", "k1499"));
    }

    #[test]
    fn a_cleared_record_stays_cleared() {
        let e = |key: &str, drafted: Option<u64>, gone: Option<u64>| Handled { key: key.into(), name: key.into(), drafted, gone };
        let keys = |r: &Record| r.entries.iter().map(|h| h.key.clone()).collect::<Vec<_>>().join(" ");
        let old =
            Record { entries: vec![e("a", Some(5), None), e("b", Some(3), Some(12)), e("u", None, None), e("n", Some(11), None)], hide: true, cleared: None };
        // The options page's Clear at 10, in line after a panel's save: what was drafted before it
        // goes (b too, seen leaving since), and Hide handled with it; a draft of 11 stays.
        let clear = Record { cleared: Some(10), ..Record::default() };
        let read = Record::from_json(&clear.save_over(&old.to_json()));
        assert_eq!((keys(&read).as_str(), read.hide, read.cleared), ("n", false, Some(10)));
        // A panel that hasn't heard of it saves its whole record with a draft of 13: only that draft is new.
        let mut panel = old.clone();
        panel.drafted("c", "c", 13);
        let read = Record::from_json(&panel.save_over(&read.to_json()));
        assert_eq!((keys(&read).as_str(), read.hide, read.cleared), ("n c", true, Some(10)));
        // Drafted again after the clear, an entry is back.
        let mut again = read.clone();
        again.drafted("a", "a", 14);
        assert_eq!(keys(&Record::from_json(&again.save_over(&read.to_json()))), "n c a");
    }

    #[test]
    fn first_words_of_a_note() {
        assert_eq!(first_words("one two  three four", 3), "one two three…");
        assert_eq!(first_words("one two", 3), "one two");
    }

    #[test]
    fn keys_fall_back_to_name_and_headline() {
        let inv = Invitation { name: "Jane  Doe".into(), headline: Some("CTO".into()), ..Invitation::default() };
        assert_eq!(key_of(&inv), "Jane Doe\u{1f}CTO");
    }
}
