//! The NotYet core: read a LinkedIn invitation, decide a polite reply, word it.
//!
//! One data path, one click:
//!
//! ```text
//!  page agent (JS)        core (this crate, in the service worker as WASM)          page agent (JS)
//!  ───────────────        ───────────────────────────────────────────────          ───────────────
//!  snapshot ──JSON──▶ Snapshot ─read_page─▶ Page ─decide─▶ Suggestion ─click─▶ Plan ──▶ insert + notice
//!                                  (invitations,      (category, action,     (lines, mode,
//!                                   message box)       text, reasons)         notice words)
//! ```
//!
//! - [`snapshot`]: the compact DOM tree the agent sends, and text helpers over it.
//! - [`read`]: LinkedIn's layouts → [`Invitation`]s and the open [`read::Composer`].
//! - [`decide()`]: an invitation and the [`Settings`] → a [`Suggestion`].
//! - [`click`]: the whole click, including what a second click does and every notice's words.
//!
//! Nothing here touches the web: it builds natively and is tested with `cargo test`.

pub mod click;
mod decide;
mod invitation;
pub mod read;
mod settings;
pub mod snapshot;
mod suggestion;

pub use decide::decide;
pub use invitation::{Invitation, Kind};
pub use settings::{Known, Me, Problem, Settings};
pub use suggestion::{Action, Category, Suggestion, MESSAGE_LIMIT};
