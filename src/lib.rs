//! oerlint: a translation consistency linter.
//!
//! The pipeline runs one way; each stage is one module:
//! [`discover`] → [`source`] → [`blocks`] → [`langid`] → [`sections`] → [`align`]
//! → [`anchors`] → [`rules`] → [`render`]. [`check`] drives it for one document group.
//! See ARCHITECTURE.md for the invariants.

pub mod align;
pub mod anchors;
pub mod blocks;
pub mod check;
pub mod codes;
pub mod config;
pub mod diag;
pub mod discover;
pub mod fix;
pub mod formats;
pub mod html;
pub mod lang;
pub mod langid;
pub mod locale;
pub mod output;
pub mod placeholders;
pub mod po;
pub mod render;
pub mod rules;
pub mod run;
pub mod script;
pub mod sections;
pub mod show;
pub mod snippet;
pub mod sorted;
pub mod source;
pub mod stream;
pub mod suppress;
pub mod table;
pub mod temporal;
pub mod urls;
