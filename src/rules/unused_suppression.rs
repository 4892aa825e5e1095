//! # unused-suppression (note)
//!
//! A suppression comment that suppresses nothing, or names a rule that does not exist.
//!
//! Suppressions outlive the findings they were written for: the text is fixed, the
//! comment stays, and later hides a new finding of the same rule on that line. Like
//! ruff's RUF100, oerlint reports suppressions that did nothing, so they can be removed.
//! The comments are `<!-- oerlint-disable-next-line RULE[, RULE] -->`,
//! `<!-- oerlint-disable RULE -->` … `<!-- oerlint-enable RULE -->` and
//! `<!-- oerlint-disable-file RULE -->`; without a rule they cover every rule.
//!
//! Example: `<!-- oerlint-disable-next-line email-mismatch -->` above a line whose email
//! agrees with the source is reported; the same comment above a line with a real
//! email-mismatch suppresses it and stays silent.

use super::Rule;
use crate::diag::Severity;

/// The finding itself is made by `crate::suppress`, after every other rule has run.
pub const RULE: Rule = Rule {
    id: "unused-suppression",
    severity: Severity::Note,
    summary: "a suppression comment suppresses nothing",
    pair: None,
    blocks: None,
    default_enabled: true,
};
