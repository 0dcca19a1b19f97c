//! JSON written by hand, for what the module hands the worker: serde's derived writers, inlined
//! where each is used with their own error paths, cost the module several KB (WASM size, the
//! sixth pass). Each writer keeps its derived twin's bytes, which a unit test holds it to.

use serde::Serializer as _;

/// A JSON text being written. A comma goes before a key or value unless it opens an object or
/// an array or follows a key, so writers never track whether a field came before.
#[derive(Default)]
pub struct Out(Vec<u8>);

impl Out {
    fn sep(&mut self) {
        if !matches!(self.0.last(), None | Some(b'{' | b'[' | b':')) {
            self.0.push(b',');
        }
    }

    /// `{` or `[`.
    pub fn open(&mut self, bracket: u8) {
        self.sep();
        self.0.push(bracket);
    }

    /// `}` or `]`.
    pub fn close(&mut self, bracket: u8) {
        self.0.push(bracket);
    }

    /// An object's key: our own field names, which need no escaping.
    pub fn key(&mut self, key: &str) {
        self.sep();
        self.0.push(b'"');
        self.0.extend_from_slice(key.as_bytes());
        self.0.extend_from_slice(b"\":");
    }

    /// An object's key from the user's data (a template id), escaped as a string is.
    pub fn key_escaped(&mut self, key: &str) {
        self.str(key);
        self.0.push(b':');
    }

    /// A string, escaped by serde_json's own writer (the one every serialized string takes).
    pub fn str(&mut self, s: &str) {
        self.sep();
        // Writing into a Vec cannot fail.
        let _ = (&mut serde_json::Serializer::new(&mut self.0)).serialize_str(s);
    }

    /// A whole number, in decimal as serde_json writes it (without `core::fmt`).
    pub fn num(&mut self, n: u64) {
        self.sep();
        let mut buf = [0u8; 20];
        self.0.extend_from_slice(decimal(n, &mut buf).as_bytes());
    }

    pub fn bool(&mut self, b: bool) {
        self.sep();
        self.0.extend_from_slice(if b { b"true" } else { b"false" });
    }

    /// A string, or `null`.
    pub fn opt_str(&mut self, s: Option<&str>) {
        match s {
            Some(s) => self.str(s),
            None => self.null(),
        }
    }

    pub fn null(&mut self) {
        self.sep();
        self.0.extend_from_slice(b"null");
    }

    /// An array of strings.
    pub fn strs(&mut self, list: &[String]) {
        self.open(b'[');
        for s in list {
            self.str(s);
        }
        self.close(b']');
    }

    pub fn finish(self) -> String {
        // Only whole strings and ASCII are ever written: never lossy.
        String::from_utf8(self.0).unwrap_or_default()
    }
}

/// `n` in decimal, written at the end of `buf` (20 digits hold any `u64`): the digits, without
/// `core::fmt`'s formatting machinery, which a `to_string` would link in.
pub fn decimal(mut n: u64, buf: &mut [u8; 20]) -> &str {
    let mut at = buf.len();
    loop {
        at -= 1;
        buf[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    std::str::from_utf8(&buf[at..]).unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::Out;

    #[test]
    fn writes_as_serde_json_does() {
        let tricky = "a\"b\\c\n\t\u{1}\u{1f}\u{7f}é\u{2028}😀</script>";
        let mut o = Out::default();
        o.open(b'{');
        o.key("s");
        o.str(tricky);
        o.key("n");
        o.open(b'[');
        for n in [0, 7, 10, 4_294_967_295, u64::MAX] {
            o.num(n);
        }
        o.close(b']');
        o.key("e");
        o.open(b'[');
        o.close(b']');
        o.key("o");
        o.open(b'{');
        o.close(b'}');
        o.key("b");
        o.open(b'[');
        o.bool(true);
        o.bool(false);
        o.close(b']');
        o.key("x");
        o.opt_str(None);
        o.key("l");
        o.strs(&["".into(), "x".into()]);
        o.close(b'}');
        let want = serde_json::json!({
            "s": tricky, "n": [0, 7, 10, 4_294_967_295u64, u64::MAX], "e": [], "o": {}, "b": [true, false], "x": null, "l": ["", "x"]
        });
        // json!'s object keeps its keys sorted, so the text is compared as values, and the
        // string's escapes as serde_json writes them.
        let got = o.finish();
        assert_eq!(serde_json::from_str::<serde_json::Value>(&got).expect("valid JSON"), want);
        assert!(
            got.starts_with(&format!("{{\"s\":{},\"n\":[0,7,10,4294967295,18446744073709551615],", serde_json::to_string(tricky).expect("serializes"))),
            "{got}"
        );
    }
}
