//! The trees of the built-in tables' skeletons (see `parse.rs`), written by
//! `OERLINT_WRITE_SKELETONS=1 cargo test skeletons_are_written_out`: do not edit.

use super::parse::{alternation, class, group, lit, names, repeat, shared};
use super::{Node, Part};

/// The skeletons, as `patterns.rs` writes them for the built-in tables, each with
/// the number of parts it stands for.
const TEXTS: &[(&str, usize)] = &[
    ("(?:^|[^\\w/.\\-])(?:(?P<a>[0-9]{1,2})(?P<s1>[/.\\-])(?P<b>[0-9]{1,2})(?P<s2>[/.\\-])(?P<y>[12][0-9]{3})|(?P<iy>[12][0-9]{3})(?P<s3>[/\\-])(?P<im>[0-9]{1,2})(?P<s4>[/\\-])(?P<id>[0-9]{1,2}))(?:$|[^\\w/\\-]|t[0-9])", 0),
    ("(?:^|[^\\w/\\-.,٫٬$€£¥#№])(?P<y>(?:19|20)[0-9]{2})(?:\\s*[-–—/]\\s*(?P<y2>(?:19|20)[0-9]{2}|[0-9]{2}))?(?:\\s?م)?(?:$|[^\\w/%٪])", 0),
    ("(?:^|[^\\w])(?:(?:(?:\u{f0003})\\s+)?(?:\u{f0000})?(?P<wd>\u{f0002})[\\s,،]+)?(?:(?P<d1>[0-3]?[0-9])(?P<ds1>\u{f0007})?\\.?\\s*(?:\u{f0005}\\s+)?(?:(?:\u{f0000})?\u{f0004}\\s*)?(?:\u{f0000})?(?P<m1>\u{f0001}(?:\\s*/\\s*\u{f0001})?)(?:[\\s,،]+(?:\u{f0006}\\s+)?(?P<y1>[12][0-9]{3})(?:\\s?م)?)?|(?:(?:\u{f0000})?\u{f0004}\\s*)?(?:\u{f0000})?(?P<m2>\u{f0001}(?:\\s*/\\s*\u{f0001})?)(?:\\s*(?P<d2>[0-3]?[0-9])(?P<ds2>\u{f0007})?(?:,?\\s+(?P<y2>[12][0-9]{3})(?:\\s?م)?)?|[\\s,،]+(?:\u{f0006}\\s+)?(?P<y3>[12][0-9]{3})(?:\\s?م)?)?)(?:$|[^\\w])", 8),
    ("(?:^|[^\\w:./\\-'])(?:\u{f0009}\\s+)?(?:\u{f000c}\\s+)??(?:(?P<h1>[0-2]?[0-9])\\s?(?P<s1>:|\\.|h|\u{f000d})\\s?(?P<mi1>[0-5][0-9])(?::[0-5][0-9])?(?:\\s*(?P<a1>\u{f000a}))?|(?P<hh1>[0-2]?[0-9])(?P<hx1>\\s?(?:h|\u{f000d}))|(?P<ha1>[0-1]?[0-9])\\s*(?P<aa1>\u{f000a})|\u{f000c}\\s+(?P<hm1>[0-2]?[0-9])(?:\\s*(?P<am1>\u{f000a}))?|\u{f000c}\\s+(?P<hw1>[^\\s\\S])(?:\\s*(?P<aw1>\u{f000a}))?|(?P<nn1>\u{f000b})|(?P<hb1>[0-2]?[0-9])(?:\\s?(?:\u{f000e}))?)(?:\\s*\u{f0008}\\s*(?:\u{f000c}\\s+)??(?:(?P<h2>[0-2]?[0-9])\\s?(?P<s2>:|\\.|h|\u{f000d}|\u{f000e})\\s?(?P<mi2>[0-5][0-9])(?::[0-5][0-9])?(?:\\s*(?P<a2>\u{f000a}))?|(?P<hh2>[0-2]?[0-9])(?P<hx2>\\s?(?:h|\u{f000d}|\u{f000e}))|(?P<ha2>[0-1]?[0-9])\\s*(?P<aa2>\u{f000a})|\u{f000c}\\s+(?P<hm2>[0-2]?[0-9])(?:\\s*(?P<am2>\u{f000a}))?|\u{f000c}\\s+(?P<hw2>[^\\s\\S])(?:\\s*(?P<aw2>\u{f000a}))?|(?P<nn2>\u{f000b})))?(?:[\\s,]*[(\\[]?\\s*(?:\u{f0000})?(?P<z>\u{f000f})(?:\\s*(?P<zs>[+\\-−])\\s*(?P<zh>[0-9]{1,2})(?::?(?P<zm>[0-9]{2}))?)?)?(?:$|[^\\w:])", 16),
    ("^\\s*(?:\u{f0009}\\s+)?\u{f0008}\\s*$", 10),
    ("(?:^|[^\\w.,:/])(?P<d>[0-3]?[0-9])(?:\u{f0007})?\\s*\u{f0008}\\s*(?:le\\s+)?$", 9),
    ("(?:^|[^\\w])(?P<w>\\w+)\\s+(?:\u{f0005}\\s+)$", 6),
    ("(?:^|[^\\w])(?:(?:(?:\u{f0003})\\s+)?(?:\u{f0000})?(?P<wd>\u{f0002})[\\s,،]+)?(?:(?P<d1>[0-3]?[0-9])(?P<ds1>\u{f0007})?\\.?\\s*(?:\u{f0005}\\s+)?(?:(?:\u{f0000})?\u{f0004}\\s*)?(?:\u{f0000})?(?P<m1>\u{f0001}(?:\\s*/\\s*\u{f0001})?)(?:[\\s,،]+(?:\u{f0006}\\s+)?(?P<y1>[12][0-9]{3})(?:\\s?م)?)?|(?:(?:\u{f0000})?\u{f0004}\\s*)?(?:\u{f0000})?(?P<m2>\u{f0001}(?:\\s*/\\s*\u{f0001})?)(?:[\\s,،]+(?:\u{f0006}\\s+)?(?P<y3>[12][0-9]{3})(?:\\s?م)?)?)(?:$|[^\\w])", 8),
    ("(?:^|[^\\w:./\\-'])(?:\u{f0009}\\s+)?(?:\u{f000c}\\s+)??(?:(?P<h1>[0-2]?[0-9])\\s?(?P<s1>:|\\.|h|\u{f000d})\\s?(?P<mi1>[0-5][0-9])(?::[0-5][0-9])?(?:\\s*(?P<a1>\u{f000a}))?|(?P<hh1>[0-2]?[0-9])(?P<hx1>\\s?(?:h|\u{f000d}))|(?P<ha1>[0-1]?[0-9])\\s*(?P<aa1>\u{f000a})|\u{f000c}\\s+(?P<hm1>[0-2]?[0-9])(?:\\s*(?P<am1>\u{f000a}))?|\u{f000c}\\s+(?P<hw1>\u{f000f})(?:\\s*(?P<aw1>\u{f000a}))?|(?P<nn1>\u{f000b})|(?P<hb1>[0-2]?[0-9])(?:\\s?(?:\u{f000e}))?)(?:\\s*\u{f0008}\\s*(?:\u{f000c}\\s+)??(?:(?P<h2>[0-2]?[0-9])\\s?(?P<s2>:|\\.|h|\u{f000d}|\u{f000e})\\s?(?P<mi2>[0-5][0-9])(?::[0-5][0-9])?(?:\\s*(?P<a2>\u{f000a}))?|(?P<hh2>[0-2]?[0-9])(?P<hx2>\\s?(?:h|\u{f000d}|\u{f000e}))|(?P<ha2>[0-1]?[0-9])\\s*(?P<aa2>\u{f000a})|\u{f000c}\\s+(?P<hm2>[0-2]?[0-9])(?:\\s*(?P<am2>\u{f000a}))?|\u{f000c}\\s+(?P<hw2>\u{f000f})(?:\\s*(?P<aw2>\u{f000a}))?|(?P<nn2>\u{f000b})))?(?:[\\s,]*[(\\[]?\\s*(?:\u{f0000})?(?P<z>\u{f0010})(?:\\s*(?P<zs>[+\\-−])\\s*(?P<zh>[0-9]{1,2})(?::?(?P<zm>[0-9]{2}))?)?)?(?:$|[^\\w:])", 17),
    ("(?:^|[^\\w])(?P<w>\\w+)\\s+(?:\u{f0005}\\s+)?$", 6),
];

/// The tree and group names of `skeleton` if it is one of [`TEXTS`] (and `p` holds its
/// parts).
pub(super) fn tree(skeleton: &str, p: &[Part]) -> Option<(Node, Vec<String>)> {
    let i = TEXTS.iter().position(|t| t.0 == skeleton)?;
    if p.len() < TEXTS[i].1 {
        return None;
    }
    Some(match i {
        0 => t0(p),
        1 => t1(p),
        2 => t2(p),
        3 => t3(p),
        4 => t4(p),
        5 => t5(p),
        6 => t6(p),
        7 => t7(p),
        8 => t8(p),
        9 => t9(p),
        _ => return None,
    })
}

fn t0(_p: &[Part]) -> (Node, Vec<String>) {
    (
        Node::Cat(vec![
            alternation(vec![
                Node::Start,
                class(true, &[('/', '/'), ('.', '.'), ('-', '-')], true, false, false),
            ]),
            alternation(vec![
                Node::Cat(vec![
                    group(1, repeat(class(false, &[('0', '9')], false, false, false), 1, Some(2), true)),
                    group(2, class(false, &[('/', '/'), ('.', '.'), ('-', '-')], false, false, false)),
                    group(3, repeat(class(false, &[('0', '9')], false, false, false), 1, Some(2), true)),
                    group(4, class(false, &[('/', '/'), ('.', '.'), ('-', '-')], false, false, false)),
                    group(5, Node::Cat(vec![
                        class(false, &[('1', '1'), ('2', '2')], false, false, false),
                        repeat(class(false, &[('0', '9')], false, false, false), 3, Some(3), true),
                    ])),
                ]),
                Node::Cat(vec![
                    group(6, Node::Cat(vec![
                        class(false, &[('1', '1'), ('2', '2')], false, false, false),
                        repeat(class(false, &[('0', '9')], false, false, false), 3, Some(3), true),
                    ])),
                    group(7, class(false, &[('/', '/'), ('-', '-')], false, false, false)),
                    group(8, repeat(class(false, &[('0', '9')], false, false, false), 1, Some(2), true)),
                    group(9, class(false, &[('/', '/'), ('-', '-')], false, false, false)),
                    group(10, repeat(class(false, &[('0', '9')], false, false, false), 1, Some(2), true)),
                ]),
            ]),
            alternation(vec![
                Node::End,
                class(true, &[('/', '/'), ('-', '-')], true, false, false),
                Node::Cat(vec![
                    lit("t"),
                    class(false, &[('0', '9')], false, false, false),
                ]),
            ]),
        ]),
        names(&["", "a", "s1", "b", "s2", "y", "iy", "s3", "im", "s4", "id"]),
    )
}

fn t1(_p: &[Part]) -> (Node, Vec<String>) {
    (
        Node::Cat(vec![
            alternation(vec![
                Node::Start,
                class(true, &[('/', '/'), ('-', '-'), ('.', '.'), (',', ','), ('٫', '٫'), ('٬', '٬'), ('$', '$'), ('€', '€'), ('£', '£'), ('¥', '¥'), ('#', '#'), ('№', '№')], true, false, false),
            ]),
            group(1, Node::Cat(vec![
                alternation(vec![
                    lit("19"),
                    lit("20"),
                ]),
                repeat(class(false, &[('0', '9')], false, false, false), 2, Some(2), true),
            ])),
            repeat(Node::Cat(vec![
                repeat(class(false, &[], false, true, false), 0, None, true),
                class(false, &[('-', '-'), ('–', '–'), ('—', '—'), ('/', '/')], false, false, false),
                repeat(class(false, &[], false, true, false), 0, None, true),
                group(2, alternation(vec![
                    Node::Cat(vec![
                        alternation(vec![
                            lit("19"),
                            lit("20"),
                        ]),
                        repeat(class(false, &[('0', '9')], false, false, false), 2, Some(2), true),
                    ]),
                    repeat(class(false, &[('0', '9')], false, false, false), 2, Some(2), true),
                ])),
            ]), 0, Some(1), true),
            repeat(Node::Cat(vec![
                repeat(class(false, &[], false, true, false), 0, Some(1), true),
                lit("م"),
            ]), 0, Some(1), true),
            alternation(vec![
                Node::End,
                class(true, &[('/', '/'), ('%', '%'), ('٪', '٪')], true, false, false),
            ]),
        ]),
        names(&["", "y", "y2"]),
    )
}

fn t2(p: &[Part]) -> (Node, Vec<String>) {
    (
        Node::Cat(vec![
            alternation(vec![
                Node::Start,
                class(true, &[], true, false, false),
            ]),
            repeat(Node::Cat(vec![
                repeat(Node::Cat(vec![
                    shared(p, 3),
                    repeat(class(false, &[], false, true, false), 1, None, true),
                ]), 0, Some(1), true),
                repeat(shared(p, 0), 0, Some(1), true),
                group(1, shared(p, 2)),
                repeat(class(false, &[(',', ','), ('،', '،')], false, true, false), 1, None, true),
            ]), 0, Some(1), true),
            alternation(vec![
                Node::Cat(vec![
                    group(2, Node::Cat(vec![
                        repeat(class(false, &[('0', '3')], false, false, false), 0, Some(1), true),
                        class(false, &[('0', '9')], false, false, false),
                    ])),
                    repeat(group(3, shared(p, 7)), 0, Some(1), true),
                    repeat(class(false, &[('.', '.')], false, false, false), 0, Some(1), true),
                    repeat(class(false, &[], false, true, false), 0, None, true),
                    repeat(Node::Cat(vec![
                        shared(p, 5),
                        repeat(class(false, &[], false, true, false), 1, None, true),
                    ]), 0, Some(1), true),
                    repeat(Node::Cat(vec![
                        repeat(shared(p, 0), 0, Some(1), true),
                        shared(p, 4),
                        repeat(class(false, &[], false, true, false), 0, None, true),
                    ]), 0, Some(1), true),
                    repeat(shared(p, 0), 0, Some(1), true),
                    group(4, Node::Cat(vec![
                        shared(p, 1),
                        repeat(Node::Cat(vec![
                            repeat(class(false, &[], false, true, false), 0, None, true),
                            lit("/"),
                            repeat(class(false, &[], false, true, false), 0, None, true),
                            shared(p, 1),
                        ]), 0, Some(1), true),
                    ])),
                    repeat(Node::Cat(vec![
                        repeat(class(false, &[(',', ','), ('،', '،')], false, true, false), 1, None, true),
                        repeat(Node::Cat(vec![
                            shared(p, 6),
                            repeat(class(false, &[], false, true, false), 1, None, true),
                        ]), 0, Some(1), true),
                        group(5, Node::Cat(vec![
                            class(false, &[('1', '1'), ('2', '2')], false, false, false),
                            repeat(class(false, &[('0', '9')], false, false, false), 3, Some(3), true),
                        ])),
                        repeat(Node::Cat(vec![
                            repeat(class(false, &[], false, true, false), 0, Some(1), true),
                            lit("م"),
                        ]), 0, Some(1), true),
                    ]), 0, Some(1), true),
                ]),
                Node::Cat(vec![
                    repeat(Node::Cat(vec![
                        repeat(shared(p, 0), 0, Some(1), true),
                        shared(p, 4),
                        repeat(class(false, &[], false, true, false), 0, None, true),
                    ]), 0, Some(1), true),
                    repeat(shared(p, 0), 0, Some(1), true),
                    group(6, Node::Cat(vec![
                        shared(p, 1),
                        repeat(Node::Cat(vec![
                            repeat(class(false, &[], false, true, false), 0, None, true),
                            lit("/"),
                            repeat(class(false, &[], false, true, false), 0, None, true),
                            shared(p, 1),
                        ]), 0, Some(1), true),
                    ])),
                    repeat(alternation(vec![
                        Node::Cat(vec![
                            repeat(class(false, &[], false, true, false), 0, None, true),
                            group(7, Node::Cat(vec![
                                repeat(class(false, &[('0', '3')], false, false, false), 0, Some(1), true),
                                class(false, &[('0', '9')], false, false, false),
                            ])),
                            repeat(group(8, shared(p, 7)), 0, Some(1), true),
                            repeat(Node::Cat(vec![
                                repeat(class(false, &[(',', ',')], false, false, false), 0, Some(1), true),
                                repeat(class(false, &[], false, true, false), 1, None, true),
                                group(9, Node::Cat(vec![
                                    class(false, &[('1', '1'), ('2', '2')], false, false, false),
                                    repeat(class(false, &[('0', '9')], false, false, false), 3, Some(3), true),
                                ])),
                                repeat(Node::Cat(vec![
                                    repeat(class(false, &[], false, true, false), 0, Some(1), true),
                                    lit("م"),
                                ]), 0, Some(1), true),
                            ]), 0, Some(1), true),
                        ]),
                        Node::Cat(vec![
                            repeat(class(false, &[(',', ','), ('،', '،')], false, true, false), 1, None, true),
                            repeat(Node::Cat(vec![
                                shared(p, 6),
                                repeat(class(false, &[], false, true, false), 1, None, true),
                            ]), 0, Some(1), true),
                            group(10, Node::Cat(vec![
                                class(false, &[('1', '1'), ('2', '2')], false, false, false),
                                repeat(class(false, &[('0', '9')], false, false, false), 3, Some(3), true),
                            ])),
                            repeat(Node::Cat(vec![
                                repeat(class(false, &[], false, true, false), 0, Some(1), true),
                                lit("م"),
                            ]), 0, Some(1), true),
                        ]),
                    ]), 0, Some(1), true),
                ]),
            ]),
            alternation(vec![
                Node::End,
                class(true, &[], true, false, false),
            ]),
        ]),
        names(&["", "wd", "d1", "ds1", "m1", "y1", "m2", "d2", "ds2", "y2", "y3"]),
    )
}

fn t3(p: &[Part]) -> (Node, Vec<String>) {
    (
        Node::Cat(vec![
            alternation(vec![
                Node::Start,
                class(true, &[(':', ':'), ('.', '.'), ('/', '/'), ('-', '-'), ('\'', '\'')], true, false, false),
            ]),
            repeat(Node::Cat(vec![
                shared(p, 9),
                repeat(class(false, &[], false, true, false), 1, None, true),
            ]), 0, Some(1), true),
            repeat(Node::Cat(vec![
                shared(p, 12),
                repeat(class(false, &[], false, true, false), 1, None, true),
            ]), 0, Some(1), false),
            alternation(vec![
                Node::Cat(vec![
                    group(1, Node::Cat(vec![
                        repeat(class(false, &[('0', '2')], false, false, false), 0, Some(1), true),
                        class(false, &[('0', '9')], false, false, false),
                    ])),
                    repeat(class(false, &[], false, true, false), 0, Some(1), true),
                    group(2, alternation(vec![
                        lit(":"),
                        lit("."),
                        lit("h"),
                        shared(p, 13),
                    ])),
                    repeat(class(false, &[], false, true, false), 0, Some(1), true),
                    group(3, Node::Cat(vec![
                        class(false, &[('0', '5')], false, false, false),
                        class(false, &[('0', '9')], false, false, false),
                    ])),
                    repeat(Node::Cat(vec![
                        lit(":"),
                        class(false, &[('0', '5')], false, false, false),
                        class(false, &[('0', '9')], false, false, false),
                    ]), 0, Some(1), true),
                    repeat(Node::Cat(vec![
                        repeat(class(false, &[], false, true, false), 0, None, true),
                        group(4, shared(p, 10)),
                    ]), 0, Some(1), true),
                ]),
                Node::Cat(vec![
                    group(5, Node::Cat(vec![
                        repeat(class(false, &[('0', '2')], false, false, false), 0, Some(1), true),
                        class(false, &[('0', '9')], false, false, false),
                    ])),
                    group(6, Node::Cat(vec![
                        repeat(class(false, &[], false, true, false), 0, Some(1), true),
                        alternation(vec![
                            lit("h"),
                            shared(p, 13),
                        ]),
                    ])),
                ]),
                Node::Cat(vec![
                    group(7, Node::Cat(vec![
                        repeat(class(false, &[('0', '1')], false, false, false), 0, Some(1), true),
                        class(false, &[('0', '9')], false, false, false),
                    ])),
                    repeat(class(false, &[], false, true, false), 0, None, true),
                    group(8, shared(p, 10)),
                ]),
                Node::Cat(vec![
                    shared(p, 12),
                    repeat(class(false, &[], false, true, false), 1, None, true),
                    group(9, Node::Cat(vec![
                        repeat(class(false, &[('0', '2')], false, false, false), 0, Some(1), true),
                        class(false, &[('0', '9')], false, false, false),
                    ])),
                    repeat(Node::Cat(vec![
                        repeat(class(false, &[], false, true, false), 0, None, true),
                        group(10, shared(p, 10)),
                    ]), 0, Some(1), true),
                ]),
                Node::Cat(vec![
                    shared(p, 12),
                    repeat(class(false, &[], false, true, false), 1, None, true),
                    group(11, class(true, &[], false, true, true)),
                    repeat(Node::Cat(vec![
                        repeat(class(false, &[], false, true, false), 0, None, true),
                        group(12, shared(p, 10)),
                    ]), 0, Some(1), true),
                ]),
                group(13, shared(p, 11)),
                Node::Cat(vec![
                    group(14, Node::Cat(vec![
                        repeat(class(false, &[('0', '2')], false, false, false), 0, Some(1), true),
                        class(false, &[('0', '9')], false, false, false),
                    ])),
                    repeat(Node::Cat(vec![
                        repeat(class(false, &[], false, true, false), 0, Some(1), true),
                        shared(p, 14),
                    ]), 0, Some(1), true),
                ]),
            ]),
            repeat(Node::Cat(vec![
                repeat(class(false, &[], false, true, false), 0, None, true),
                shared(p, 8),
                repeat(class(false, &[], false, true, false), 0, None, true),
                repeat(Node::Cat(vec![
                    shared(p, 12),
                    repeat(class(false, &[], false, true, false), 1, None, true),
                ]), 0, Some(1), false),
                alternation(vec![
                    Node::Cat(vec![
                        group(15, Node::Cat(vec![
                            repeat(class(false, &[('0', '2')], false, false, false), 0, Some(1), true),
                            class(false, &[('0', '9')], false, false, false),
                        ])),
                        repeat(class(false, &[], false, true, false), 0, Some(1), true),
                        group(16, alternation(vec![
                            lit(":"),
                            lit("."),
                            lit("h"),
                            shared(p, 13),
                            shared(p, 14),
                        ])),
                        repeat(class(false, &[], false, true, false), 0, Some(1), true),
                        group(17, Node::Cat(vec![
                            class(false, &[('0', '5')], false, false, false),
                            class(false, &[('0', '9')], false, false, false),
                        ])),
                        repeat(Node::Cat(vec![
                            lit(":"),
                            class(false, &[('0', '5')], false, false, false),
                            class(false, &[('0', '9')], false, false, false),
                        ]), 0, Some(1), true),
                        repeat(Node::Cat(vec![
                            repeat(class(false, &[], false, true, false), 0, None, true),
                            group(18, shared(p, 10)),
                        ]), 0, Some(1), true),
                    ]),
                    Node::Cat(vec![
                        group(19, Node::Cat(vec![
                            repeat(class(false, &[('0', '2')], false, false, false), 0, Some(1), true),
                            class(false, &[('0', '9')], false, false, false),
                        ])),
                        group(20, Node::Cat(vec![
                            repeat(class(false, &[], false, true, false), 0, Some(1), true),
                            alternation(vec![
                                lit("h"),
                                shared(p, 13),
                                shared(p, 14),
                            ]),
                        ])),
                    ]),
                    Node::Cat(vec![
                        group(21, Node::Cat(vec![
                            repeat(class(false, &[('0', '1')], false, false, false), 0, Some(1), true),
                            class(false, &[('0', '9')], false, false, false),
                        ])),
                        repeat(class(false, &[], false, true, false), 0, None, true),
                        group(22, shared(p, 10)),
                    ]),
                    Node::Cat(vec![
                        shared(p, 12),
                        repeat(class(false, &[], false, true, false), 1, None, true),
                        group(23, Node::Cat(vec![
                            repeat(class(false, &[('0', '2')], false, false, false), 0, Some(1), true),
                            class(false, &[('0', '9')], false, false, false),
                        ])),
                        repeat(Node::Cat(vec![
                            repeat(class(false, &[], false, true, false), 0, None, true),
                            group(24, shared(p, 10)),
                        ]), 0, Some(1), true),
                    ]),
                    Node::Cat(vec![
                        shared(p, 12),
                        repeat(class(false, &[], false, true, false), 1, None, true),
                        group(25, class(true, &[], false, true, true)),
                        repeat(Node::Cat(vec![
                            repeat(class(false, &[], false, true, false), 0, None, true),
                            group(26, shared(p, 10)),
                        ]), 0, Some(1), true),
                    ]),
                    group(27, shared(p, 11)),
                ]),
            ]), 0, Some(1), true),
            repeat(Node::Cat(vec![
                repeat(class(false, &[(',', ',')], false, true, false), 0, None, true),
                repeat(class(false, &[('(', '('), ('[', '[')], false, false, false), 0, Some(1), true),
                repeat(class(false, &[], false, true, false), 0, None, true),
                repeat(shared(p, 0), 0, Some(1), true),
                group(28, shared(p, 15)),
                repeat(Node::Cat(vec![
                    repeat(class(false, &[], false, true, false), 0, None, true),
                    group(29, class(false, &[('+', '+'), ('-', '-'), ('−', '−')], false, false, false)),
                    repeat(class(false, &[], false, true, false), 0, None, true),
                    group(30, repeat(class(false, &[('0', '9')], false, false, false), 1, Some(2), true)),
                    repeat(Node::Cat(vec![
                        repeat(class(false, &[(':', ':')], false, false, false), 0, Some(1), true),
                        group(31, repeat(class(false, &[('0', '9')], false, false, false), 2, Some(2), true)),
                    ]), 0, Some(1), true),
                ]), 0, Some(1), true),
            ]), 0, Some(1), true),
            alternation(vec![
                Node::End,
                class(true, &[(':', ':')], true, false, false),
            ]),
        ]),
        names(&["", "h1", "s1", "mi1", "a1", "hh1", "hx1", "ha1", "aa1", "hm1", "am1", "hw1", "aw1", "nn1", "hb1", "h2", "s2", "mi2", "a2", "hh2", "hx2", "ha2", "aa2", "hm2", "am2", "hw2", "aw2", "nn2", "z", "zs", "zh", "zm"]),
    )
}

fn t4(p: &[Part]) -> (Node, Vec<String>) {
    (
        Node::Cat(vec![
            Node::Start,
            repeat(class(false, &[], false, true, false), 0, None, true),
            repeat(Node::Cat(vec![
                shared(p, 9),
                repeat(class(false, &[], false, true, false), 1, None, true),
            ]), 0, Some(1), true),
            shared(p, 8),
            repeat(class(false, &[], false, true, false), 0, None, true),
            Node::End,
        ]),
        names(&[""]),
    )
}

fn t5(p: &[Part]) -> (Node, Vec<String>) {
    (
        Node::Cat(vec![
            alternation(vec![
                Node::Start,
                class(true, &[('.', '.'), (',', ','), (':', ':'), ('/', '/')], true, false, false),
            ]),
            group(1, Node::Cat(vec![
                repeat(class(false, &[('0', '3')], false, false, false), 0, Some(1), true),
                class(false, &[('0', '9')], false, false, false),
            ])),
            repeat(shared(p, 7), 0, Some(1), true),
            repeat(class(false, &[], false, true, false), 0, None, true),
            shared(p, 8),
            repeat(class(false, &[], false, true, false), 0, None, true),
            repeat(Node::Cat(vec![
                lit("le"),
                repeat(class(false, &[], false, true, false), 1, None, true),
            ]), 0, Some(1), true),
            Node::End,
        ]),
        names(&["", "d"]),
    )
}

fn t6(p: &[Part]) -> (Node, Vec<String>) {
    (
        Node::Cat(vec![
            alternation(vec![
                Node::Start,
                class(true, &[], true, false, false),
            ]),
            group(1, repeat(class(false, &[], true, false, false), 1, None, true)),
            repeat(class(false, &[], false, true, false), 1, None, true),
            Node::Cat(vec![
                shared(p, 5),
                repeat(class(false, &[], false, true, false), 1, None, true),
            ]),
            Node::End,
        ]),
        names(&["", "w"]),
    )
}

fn t7(p: &[Part]) -> (Node, Vec<String>) {
    (
        Node::Cat(vec![
            alternation(vec![
                Node::Start,
                class(true, &[], true, false, false),
            ]),
            repeat(Node::Cat(vec![
                repeat(Node::Cat(vec![
                    shared(p, 3),
                    repeat(class(false, &[], false, true, false), 1, None, true),
                ]), 0, Some(1), true),
                repeat(shared(p, 0), 0, Some(1), true),
                group(1, shared(p, 2)),
                repeat(class(false, &[(',', ','), ('،', '،')], false, true, false), 1, None, true),
            ]), 0, Some(1), true),
            alternation(vec![
                Node::Cat(vec![
                    group(2, Node::Cat(vec![
                        repeat(class(false, &[('0', '3')], false, false, false), 0, Some(1), true),
                        class(false, &[('0', '9')], false, false, false),
                    ])),
                    repeat(group(3, shared(p, 7)), 0, Some(1), true),
                    repeat(class(false, &[('.', '.')], false, false, false), 0, Some(1), true),
                    repeat(class(false, &[], false, true, false), 0, None, true),
                    repeat(Node::Cat(vec![
                        shared(p, 5),
                        repeat(class(false, &[], false, true, false), 1, None, true),
                    ]), 0, Some(1), true),
                    repeat(Node::Cat(vec![
                        repeat(shared(p, 0), 0, Some(1), true),
                        shared(p, 4),
                        repeat(class(false, &[], false, true, false), 0, None, true),
                    ]), 0, Some(1), true),
                    repeat(shared(p, 0), 0, Some(1), true),
                    group(4, Node::Cat(vec![
                        shared(p, 1),
                        repeat(Node::Cat(vec![
                            repeat(class(false, &[], false, true, false), 0, None, true),
                            lit("/"),
                            repeat(class(false, &[], false, true, false), 0, None, true),
                            shared(p, 1),
                        ]), 0, Some(1), true),
                    ])),
                    repeat(Node::Cat(vec![
                        repeat(class(false, &[(',', ','), ('،', '،')], false, true, false), 1, None, true),
                        repeat(Node::Cat(vec![
                            shared(p, 6),
                            repeat(class(false, &[], false, true, false), 1, None, true),
                        ]), 0, Some(1), true),
                        group(5, Node::Cat(vec![
                            class(false, &[('1', '1'), ('2', '2')], false, false, false),
                            repeat(class(false, &[('0', '9')], false, false, false), 3, Some(3), true),
                        ])),
                        repeat(Node::Cat(vec![
                            repeat(class(false, &[], false, true, false), 0, Some(1), true),
                            lit("م"),
                        ]), 0, Some(1), true),
                    ]), 0, Some(1), true),
                ]),
                Node::Cat(vec![
                    repeat(Node::Cat(vec![
                        repeat(shared(p, 0), 0, Some(1), true),
                        shared(p, 4),
                        repeat(class(false, &[], false, true, false), 0, None, true),
                    ]), 0, Some(1), true),
                    repeat(shared(p, 0), 0, Some(1), true),
                    group(6, Node::Cat(vec![
                        shared(p, 1),
                        repeat(Node::Cat(vec![
                            repeat(class(false, &[], false, true, false), 0, None, true),
                            lit("/"),
                            repeat(class(false, &[], false, true, false), 0, None, true),
                            shared(p, 1),
                        ]), 0, Some(1), true),
                    ])),
                    repeat(Node::Cat(vec![
                        repeat(class(false, &[(',', ','), ('،', '،')], false, true, false), 1, None, true),
                        repeat(Node::Cat(vec![
                            shared(p, 6),
                            repeat(class(false, &[], false, true, false), 1, None, true),
                        ]), 0, Some(1), true),
                        group(7, Node::Cat(vec![
                            class(false, &[('1', '1'), ('2', '2')], false, false, false),
                            repeat(class(false, &[('0', '9')], false, false, false), 3, Some(3), true),
                        ])),
                        repeat(Node::Cat(vec![
                            repeat(class(false, &[], false, true, false), 0, Some(1), true),
                            lit("م"),
                        ]), 0, Some(1), true),
                    ]), 0, Some(1), true),
                ]),
            ]),
            alternation(vec![
                Node::End,
                class(true, &[], true, false, false),
            ]),
        ]),
        names(&["", "wd", "d1", "ds1", "m1", "y1", "m2", "y3"]),
    )
}

fn t8(p: &[Part]) -> (Node, Vec<String>) {
    (
        Node::Cat(vec![
            alternation(vec![
                Node::Start,
                class(true, &[(':', ':'), ('.', '.'), ('/', '/'), ('-', '-'), ('\'', '\'')], true, false, false),
            ]),
            repeat(Node::Cat(vec![
                shared(p, 9),
                repeat(class(false, &[], false, true, false), 1, None, true),
            ]), 0, Some(1), true),
            repeat(Node::Cat(vec![
                shared(p, 12),
                repeat(class(false, &[], false, true, false), 1, None, true),
            ]), 0, Some(1), false),
            alternation(vec![
                Node::Cat(vec![
                    group(1, Node::Cat(vec![
                        repeat(class(false, &[('0', '2')], false, false, false), 0, Some(1), true),
                        class(false, &[('0', '9')], false, false, false),
                    ])),
                    repeat(class(false, &[], false, true, false), 0, Some(1), true),
                    group(2, alternation(vec![
                        lit(":"),
                        lit("."),
                        lit("h"),
                        shared(p, 13),
                    ])),
                    repeat(class(false, &[], false, true, false), 0, Some(1), true),
                    group(3, Node::Cat(vec![
                        class(false, &[('0', '5')], false, false, false),
                        class(false, &[('0', '9')], false, false, false),
                    ])),
                    repeat(Node::Cat(vec![
                        lit(":"),
                        class(false, &[('0', '5')], false, false, false),
                        class(false, &[('0', '9')], false, false, false),
                    ]), 0, Some(1), true),
                    repeat(Node::Cat(vec![
                        repeat(class(false, &[], false, true, false), 0, None, true),
                        group(4, shared(p, 10)),
                    ]), 0, Some(1), true),
                ]),
                Node::Cat(vec![
                    group(5, Node::Cat(vec![
                        repeat(class(false, &[('0', '2')], false, false, false), 0, Some(1), true),
                        class(false, &[('0', '9')], false, false, false),
                    ])),
                    group(6, Node::Cat(vec![
                        repeat(class(false, &[], false, true, false), 0, Some(1), true),
                        alternation(vec![
                            lit("h"),
                            shared(p, 13),
                        ]),
                    ])),
                ]),
                Node::Cat(vec![
                    group(7, Node::Cat(vec![
                        repeat(class(false, &[('0', '1')], false, false, false), 0, Some(1), true),
                        class(false, &[('0', '9')], false, false, false),
                    ])),
                    repeat(class(false, &[], false, true, false), 0, None, true),
                    group(8, shared(p, 10)),
                ]),
                Node::Cat(vec![
                    shared(p, 12),
                    repeat(class(false, &[], false, true, false), 1, None, true),
                    group(9, Node::Cat(vec![
                        repeat(class(false, &[('0', '2')], false, false, false), 0, Some(1), true),
                        class(false, &[('0', '9')], false, false, false),
                    ])),
                    repeat(Node::Cat(vec![
                        repeat(class(false, &[], false, true, false), 0, None, true),
                        group(10, shared(p, 10)),
                    ]), 0, Some(1), true),
                ]),
                Node::Cat(vec![
                    shared(p, 12),
                    repeat(class(false, &[], false, true, false), 1, None, true),
                    group(11, shared(p, 15)),
                    repeat(Node::Cat(vec![
                        repeat(class(false, &[], false, true, false), 0, None, true),
                        group(12, shared(p, 10)),
                    ]), 0, Some(1), true),
                ]),
                group(13, shared(p, 11)),
                Node::Cat(vec![
                    group(14, Node::Cat(vec![
                        repeat(class(false, &[('0', '2')], false, false, false), 0, Some(1), true),
                        class(false, &[('0', '9')], false, false, false),
                    ])),
                    repeat(Node::Cat(vec![
                        repeat(class(false, &[], false, true, false), 0, Some(1), true),
                        shared(p, 14),
                    ]), 0, Some(1), true),
                ]),
            ]),
            repeat(Node::Cat(vec![
                repeat(class(false, &[], false, true, false), 0, None, true),
                shared(p, 8),
                repeat(class(false, &[], false, true, false), 0, None, true),
                repeat(Node::Cat(vec![
                    shared(p, 12),
                    repeat(class(false, &[], false, true, false), 1, None, true),
                ]), 0, Some(1), false),
                alternation(vec![
                    Node::Cat(vec![
                        group(15, Node::Cat(vec![
                            repeat(class(false, &[('0', '2')], false, false, false), 0, Some(1), true),
                            class(false, &[('0', '9')], false, false, false),
                        ])),
                        repeat(class(false, &[], false, true, false), 0, Some(1), true),
                        group(16, alternation(vec![
                            lit(":"),
                            lit("."),
                            lit("h"),
                            shared(p, 13),
                            shared(p, 14),
                        ])),
                        repeat(class(false, &[], false, true, false), 0, Some(1), true),
                        group(17, Node::Cat(vec![
                            class(false, &[('0', '5')], false, false, false),
                            class(false, &[('0', '9')], false, false, false),
                        ])),
                        repeat(Node::Cat(vec![
                            lit(":"),
                            class(false, &[('0', '5')], false, false, false),
                            class(false, &[('0', '9')], false, false, false),
                        ]), 0, Some(1), true),
                        repeat(Node::Cat(vec![
                            repeat(class(false, &[], false, true, false), 0, None, true),
                            group(18, shared(p, 10)),
                        ]), 0, Some(1), true),
                    ]),
                    Node::Cat(vec![
                        group(19, Node::Cat(vec![
                            repeat(class(false, &[('0', '2')], false, false, false), 0, Some(1), true),
                            class(false, &[('0', '9')], false, false, false),
                        ])),
                        group(20, Node::Cat(vec![
                            repeat(class(false, &[], false, true, false), 0, Some(1), true),
                            alternation(vec![
                                lit("h"),
                                shared(p, 13),
                                shared(p, 14),
                            ]),
                        ])),
                    ]),
                    Node::Cat(vec![
                        group(21, Node::Cat(vec![
                            repeat(class(false, &[('0', '1')], false, false, false), 0, Some(1), true),
                            class(false, &[('0', '9')], false, false, false),
                        ])),
                        repeat(class(false, &[], false, true, false), 0, None, true),
                        group(22, shared(p, 10)),
                    ]),
                    Node::Cat(vec![
                        shared(p, 12),
                        repeat(class(false, &[], false, true, false), 1, None, true),
                        group(23, Node::Cat(vec![
                            repeat(class(false, &[('0', '2')], false, false, false), 0, Some(1), true),
                            class(false, &[('0', '9')], false, false, false),
                        ])),
                        repeat(Node::Cat(vec![
                            repeat(class(false, &[], false, true, false), 0, None, true),
                            group(24, shared(p, 10)),
                        ]), 0, Some(1), true),
                    ]),
                    Node::Cat(vec![
                        shared(p, 12),
                        repeat(class(false, &[], false, true, false), 1, None, true),
                        group(25, shared(p, 15)),
                        repeat(Node::Cat(vec![
                            repeat(class(false, &[], false, true, false), 0, None, true),
                            group(26, shared(p, 10)),
                        ]), 0, Some(1), true),
                    ]),
                    group(27, shared(p, 11)),
                ]),
            ]), 0, Some(1), true),
            repeat(Node::Cat(vec![
                repeat(class(false, &[(',', ',')], false, true, false), 0, None, true),
                repeat(class(false, &[('(', '('), ('[', '[')], false, false, false), 0, Some(1), true),
                repeat(class(false, &[], false, true, false), 0, None, true),
                repeat(shared(p, 0), 0, Some(1), true),
                group(28, shared(p, 16)),
                repeat(Node::Cat(vec![
                    repeat(class(false, &[], false, true, false), 0, None, true),
                    group(29, class(false, &[('+', '+'), ('-', '-'), ('−', '−')], false, false, false)),
                    repeat(class(false, &[], false, true, false), 0, None, true),
                    group(30, repeat(class(false, &[('0', '9')], false, false, false), 1, Some(2), true)),
                    repeat(Node::Cat(vec![
                        repeat(class(false, &[(':', ':')], false, false, false), 0, Some(1), true),
                        group(31, repeat(class(false, &[('0', '9')], false, false, false), 2, Some(2), true)),
                    ]), 0, Some(1), true),
                ]), 0, Some(1), true),
            ]), 0, Some(1), true),
            alternation(vec![
                Node::End,
                class(true, &[(':', ':')], true, false, false),
            ]),
        ]),
        names(&["", "h1", "s1", "mi1", "a1", "hh1", "hx1", "ha1", "aa1", "hm1", "am1", "hw1", "aw1", "nn1", "hb1", "h2", "s2", "mi2", "a2", "hh2", "hx2", "ha2", "aa2", "hm2", "am2", "hw2", "aw2", "nn2", "z", "zs", "zh", "zm"]),
    )
}

fn t9(p: &[Part]) -> (Node, Vec<String>) {
    (
        Node::Cat(vec![
            alternation(vec![
                Node::Start,
                class(true, &[], true, false, false),
            ]),
            group(1, repeat(class(false, &[], true, false, false), 1, None, true)),
            repeat(class(false, &[], false, true, false), 1, None, true),
            repeat(Node::Cat(vec![
                shared(p, 5),
                repeat(class(false, &[], false, true, false), 1, None, true),
            ]), 0, Some(1), true),
            Node::End,
        ]),
        names(&["", "w"]),
    )
}
