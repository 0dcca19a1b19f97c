//! Lower case without std's case-conversion table: std's `char::to_lowercase` and
//! `str::to_lowercase` look a character up in a table of every (capital, lower case) pair,
//! 11.7 KB raw and 4.3 KB deflated in the WASM module. The same mapping is made of runs: most
//! capitals sit in blocks (A–Z, Α–Ω) or alternate with their lower case (Ā ā Ă ă), so that a
//! run's lower cases are its letters plus one offset. [`RUNS`] holds those 180-odd runs, made
//! from std itself by a test that checks every character against std (README, WASM size).

/// Runs of capitals whose lower case is the capital plus an offset, in character order:
/// `(first | count << 21 | (step - 1) << 28, offset)`, the run being `count` characters from
/// `first`, every one (step 1) or every other (step 2). The test `the_runs_are_std` writes them.
#[rustfmt::skip]
const RUNS: &[(u32, i32)] = &[
    (0x02e000c0, 32), (0x00e000d8, 32), (0x13000100, 1), (0x00200130, -199), (0x10600132, 1), (0x11000139, 1),
    (0x12e0014a, 1), (0x00200178, -121), (0x10600179, 1), (0x00200181, 210), (0x10400182, 1), (0x00200186, 206),
    (0x00200187, 1), (0x00400189, 205), (0x0020018b, 1), (0x0020018e, 79), (0x0020018f, 202), (0x00200190, 203),
    (0x00200191, 1), (0x00200193, 205), (0x00200194, 207), (0x00200196, 211), (0x00200197, 209), (0x00200198, 1),
    (0x0020019c, 211), (0x0020019d, 213), (0x0020019f, 214), (0x106001a0, 1), (0x002001a6, 218), (0x002001a7, 1),
    (0x002001a9, 218), (0x002001ac, 1), (0x002001ae, 218), (0x002001af, 1), (0x004001b1, 217), (0x104001b3, 1),
    (0x002001b7, 219), (0x002001b8, 1), (0x002001bc, 1), (0x002001c4, 2), (0x002001c5, 1), (0x002001c7, 2),
    (0x002001c8, 1), (0x002001ca, 2), (0x112001cb, 1), (0x112001de, 1), (0x002001f1, 2), (0x104001f2, 1),
    (0x002001f6, -97), (0x002001f7, -56), (0x128001f8, 1), (0x00200220, -130), (0x11200222, 1), (0x0020023a, 10795),
    (0x0020023b, 1), (0x0020023d, -163), (0x0020023e, 10792), (0x00200241, 1), (0x00200243, -195), (0x00200244, 69),
    (0x00200245, 71), (0x10a00246, 1), (0x10400370, 1), (0x00200376, 1), (0x0020037f, 116), (0x00200386, 38),
    (0x00600388, 37), (0x0020038c, 64), (0x0040038e, 63), (0x02200391, 32), (0x012003a3, 32), (0x002003cf, 8),
    (0x118003d8, 1), (0x002003f4, -60), (0x002003f7, 1), (0x002003f9, -7), (0x002003fa, 1), (0x006003fd, -130),
    (0x02000400, 80), (0x04000410, 32), (0x12200460, 1), (0x1360048a, 1), (0x002004c0, 15), (0x10e004c1, 1),
    (0x160004d0, 1), (0x04c00531, 48), (0x04c010a0, 7264), (0x002010c7, 7264), (0x002010cd, 7264), (0x0a0013a0, 38864),
    (0x00c013f0, 8), (0x00201c89, 1), (0x05601c90, -3008), (0x00601cbd, -3008), (0x19601e00, 1), (0x00201e9e, -7615),
    (0x16001ea0, 1), (0x01001f08, -8), (0x00c01f18, -8), (0x01001f28, -8), (0x01001f38, -8), (0x00c01f48, -8),
    (0x10801f59, -8), (0x01001f68, -8), (0x01001f88, -8), (0x01001f98, -8), (0x01001fa8, -8), (0x00401fb8, -8),
    (0x00401fba, -74), (0x00201fbc, -9), (0x00801fc8, -86), (0x00201fcc, -9), (0x00401fd8, -8), (0x00401fda, -100),
    (0x00401fe8, -8), (0x00401fea, -112), (0x00201fec, -7), (0x00401ff8, -128), (0x00401ffa, -126), (0x00201ffc, -9),
    (0x00202126, -7517), (0x0020212a, -8383), (0x0020212b, -8262), (0x00202132, 28), (0x02002160, 16), (0x00202183, 1),
    (0x034024b6, 26), (0x06002c00, 48), (0x00202c60, 1), (0x00202c62, -10743), (0x00202c63, -3814), (0x00202c64, -10727),
    (0x10602c67, 1), (0x00202c6d, -10780), (0x00202c6e, -10749), (0x00202c6f, -10783), (0x00202c70, -10782), (0x00202c72, 1),
    (0x00202c75, 1), (0x00402c7e, -10815), (0x16402c80, 1), (0x10402ceb, 1), (0x00202cf2, 1), (0x12e0a640, 1),
    (0x11c0a680, 1), (0x10e0a722, 1), (0x13e0a732, 1), (0x1040a779, 1), (0x0020a77d, -35332), (0x10a0a77e, 1),
    (0x0020a78b, 1), (0x0020a78d, -42280), (0x1040a790, 1), (0x1140a796, 1), (0x0020a7aa, -42308), (0x0020a7ab, -42319),
    (0x0020a7ac, -42315), (0x0020a7ad, -42305), (0x0020a7ae, -42308), (0x0020a7b0, -42258), (0x0020a7b1, -42282), (0x0020a7b2, -42261),
    (0x0020a7b3, 928), (0x1100a7b4, 1), (0x0020a7c4, -48), (0x0020a7c5, -42307), (0x0020a7c6, -35384), (0x1040a7c7, 1),
    (0x0020a7cb, -42343), (0x1100a7cc, 1), (0x0020a7dc, -42561), (0x0020a7f5, 1), (0x0340ff21, 32), (0x05010400, 40),
    (0x048104b0, 40), (0x01610570, 39), (0x01e1057c, 39), (0x00e1058c, 39), (0x00410594, 39), (0x06610c80, 64),
    (0x02c10d50, 32), (0x040118a0, 32), (0x04016e40, 32), (0x03216ea0, 27), (0x0441e900, 34),
];

/// The lower case of `c` as one character: std's `char::to_lowercase`, but for İ (U+0130),
/// whose lower case is two ("i\u{307}"): "i" here. [`lower`] gives both.
pub fn lower_char(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    let x = c as u32;
    let i = RUNS.partition_point(|&(r, _)| r & 0x1F_FFFF <= x);
    let Some(&(r, offset)) = i.checked_sub(1).and_then(|i| RUNS.get(i)) else { return c };
    let (k, step) = (x - (r & 0x1F_FFFF), (r >> 28) + 1);
    if k % step == 0 && k / step < (r >> 21) & 0x7F {
        char::from_u32(x.wrapping_add_signed(offset)).unwrap_or(c)
    } else {
        c
    }
}

/// The lower case of `c`, as std's `char::to_lowercase` gives it.
pub fn lower(c: char) -> impl Iterator<Item = char> {
    std::iter::once(lower_char(c)).chain((c == '\u{130}').then_some('\u{307}'))
}

/// `s` in lower case, as std's `str::to_lowercase` gives it. A capital sigma at the end of a
/// word is "ς", elsewhere "σ"; std decides that by the cased and case-ignorable characters around
/// it, this by the letters (and apostrophes and combining accents, which it passes over): the
/// same for any word written in letters.
pub fn lower_str(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    for (i, c) in s.char_indices() {
        if c == 'Σ' {
            let ignorable = |c: &char| matches!(c, '\'' | '\u{2019}' | '.' | ':' | '\u{b7}' | '\u{300}'..='\u{36f}');
            let letter_before = s[..i].chars().rev().find(|c| !ignorable(c)).is_some_and(char::is_alphabetic);
            let letter_after = s[i + c.len_utf8()..].chars().find(|c| !ignorable(c)).is_some_and(char::is_alphabetic);
            out.push(if letter_before && !letter_after { 'ς' } else { 'σ' });
        } else {
            out.extend(lower(c));
        }
    }
    out
}

/// `c` as a capital letter, as `char::to_uppercase` gives it whenever that is one letter: the
/// lowest capital whose lower case is `c` (K, not the Kelvin sign), or `c` itself. std's own
/// uppercase table is another 12 KB; this reads [`RUNS`] backwards. Where std gives two letters
/// (ß → SS, ŉ → ʼN) the letter has no capital here; the caller knows the exceptions.
pub fn capital_of(c: char) -> Option<char> {
    let x = c as u32;
    RUNS.iter()
        .filter_map(|&(r, offset)| {
            let first = r & 0x1F_FFFF;
            let u = x.checked_add_signed(-offset)?;
            let (k, step) = (u.checked_sub(first)?, (r >> 28) + 1);
            (k % step == 0 && k / step < (r >> 21) & 0x7F).then_some(u)
        })
        .filter_map(char::from_u32)
        .filter(|u| u.is_uppercase() && *u != '\u{130}')
        .min()
}

#[cfg(test)]
#[allow(clippy::disallowed_methods)] // std is what these compare with
mod tests {
    use super::*;

    /// The runs std's own mapping makes, written as [`RUNS`] is.
    fn runs_from_std() -> Vec<(u32, i32)> {
        let pairs: Vec<(u32, i32)> = (0x80..=0x10_FFFF)
            .filter_map(char::from_u32)
            .filter_map(|c| {
                let l = c.to_lowercase().next()?;
                (l != c).then(|| (c as u32, l as i32 - c as i32))
            })
            .collect();
        let mut runs = Vec::new();
        let mut i = 0;
        while i < pairs.len() {
            let (first, offset) = pairs[i];
            let (mut j, mut step) = (i + 1, 0);
            while j < pairs.len() && pairs[j].1 == offset && j - i < 127 {
                let gap = pairs[j].0 - pairs[j - 1].0;
                if step == 0 && (gap == 1 || gap == 2) {
                    step = gap;
                }
                if gap != step {
                    break;
                }
                j += 1;
            }
            runs.push((first | ((j - i) as u32) << 21 | (step.max(1) - 1) << 28, offset));
            i = j;
        }
        runs
    }

    #[test]
    fn the_runs_are_std() {
        let runs = runs_from_std();
        if runs != RUNS {
            let rows: Vec<String> = runs.chunks(6).map(|c| c.iter().map(|(r, o)| format!("(0x{r:08x}, {o}),")).collect::<Vec<_>>().join(" ")).collect();
            panic!("std's case mapping changed (a new Unicode release): write RUNS as\n    {}\n", rows.join("\n    "));
        }
    }

    #[test]
    fn every_character_lowers_as_in_std() {
        for c in (0..=0x10_FFFF).filter_map(char::from_u32) {
            assert!(lower(c).eq(c.to_lowercase()), "{c:?}");
            assert_eq!(lower_char(c), c.to_lowercase().next().unwrap_or(c), "{c:?}");
        }
    }

    #[test]
    fn strings_lower_as_in_std() {
        for s in [
            "",
            "Sam LEE",
            "MÜLLER Straße İstanbul",
            "ΟΔΥΣΣΕΥΣ",
            "ΟΔΥΣΣΕΥΣ ΚΑΙ ΣΑΣ.",
            "Σ",
            "ΑΣ ΣΑ Σ Α",
            "ΑΣ'",
            "ΑΣ, ΒΣ!",
            "Ǆemal ǅ ǆ",
            "ÅNGSTRÖM Kelvin \u{212a}",
            "ФЁДОР Ⰰ Ａ 𐐀",
        ] {
            assert_eq!(lower_str(s), s.to_lowercase(), "{s:?}");
        }
    }

    #[test]
    fn capitals_match_std() {
        for c in (0..=0x10_FFFF).filter_map(char::from_u32).filter(|c| !c.is_ascii()) {
            let mut upper = c.to_uppercase();
            let std = match (upper.next(), upper.next()) {
                (Some(u), None) if u != c && u.to_lowercase().eq(std::iter::once(c)) => Some(u),
                _ => None,
            };
            if let Some(u) = std {
                assert_eq!(capital_of(c), Some(u), "{c:?}");
            }
        }
    }
}
