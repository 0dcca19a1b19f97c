#!/usr/bin/env python3
"""Shortens the names the WASM module imports its JavaScript functions by, in the module and in
wasm-bindgen's glue alike.

    scripts/short_imports.py PKG_DIR     rewrites PKG_DIR/notyet_wasm_bg.wasm and notyet_wasm.js

wasm-bindgen names each imported function `__wbg_<name>_<hash>`, the hash sixteen hex digits
that keep names from different crates apart: `__wbg_setAttribute_7e6a1e4bc1d2a3f4`. Those digits
are written twice (the module's import section and the glue's import object), and deflate cannot
squeeze them: 2 KB of each zip. Here the hash goes: `__wbg_setAttribute`, and where two imports
share a name (`get`, `set`, `new` of different types) they are told apart in the order the module
imports them: `__wbg_get`, `__wbg_get$1`, `__wbg_get$2`. Nothing else changes: the module's import
section is rewritten with the new names and lengths, and the glue's identifiers renamed to match;
a name in either that the other lacks stops the build. Running it again changes nothing.
"""
import os
import re
import sys

HASHED = re.compile(r"^(__wbg_\w+?)_[0-9a-f]{16}$")


def leb(data, i):
    """An unsigned LEB128 at `i`: (value, the index after it)."""
    value = shift = 0
    while True:
        byte = data[i]
        i += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return value, i


def to_leb(value):
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        if value:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def name_at(data, i):
    n, i = leb(data, i)
    return data[i : i + n].decode("utf-8"), i + n


def import_desc_end(data, i):
    """The index after one import's description (function, table, memory, global or tag)."""
    kind = data[i]
    i += 1
    if kind == 0:  # function: a type index
        return leb(data, i)[1]
    if kind == 1:  # table: a reference type, then limits
        i += 1
    if kind in (1, 2):  # limits: flags, minimum, maximum if flagged
        flags, i = leb(data, i)
        i = leb(data, i)[1]
        return leb(data, i)[1] if flags & 1 else i
    if kind == 3:  # global: a value type and mutability
        return i + 2
    if kind == 4:  # tag: an attribute, a type index
        return leb(data, i + 1)[1]
    raise SystemExit(f"unknown import kind {kind}")


def rename(wasm, names):
    """`wasm` with its imported field names passed through `names` (old -> new)."""
    assert wasm[:8] == b"\0asm\1\0\0\0", "not a WASM module"
    out = bytearray(wasm[:8])
    i = 8
    while i < len(wasm):
        section = wasm[i]
        size, start = leb(wasm, i + 1)
        end = start + size
        if section == 2:
            count, j = leb(wasm, start)
            body = bytearray(to_leb(count))
            for _ in range(count):
                module, j = name_at(wasm, j)
                field, j = name_at(wasm, j)
                desc_end = import_desc_end(wasm, j)
                for text in (module, names.get(field, field)):
                    encoded = text.encode("utf-8")
                    body += to_leb(len(encoded)) + encoded
                body += wasm[j:desc_end]
                j = desc_end
            assert j == end, "the import section did not end where its size said"
            out += bytes([2]) + to_leb(len(body)) + body
        else:
            out += wasm[i:end]
        i = end
    return bytes(out)


def imported_fields(wasm):
    fields = []
    i = 8
    while i < len(wasm):
        section = wasm[i]
        size, start = leb(wasm, i + 1)
        if section == 2:
            count, j = leb(wasm, start)
            for _ in range(count):
                _, j = name_at(wasm, j)
                field, j = name_at(wasm, j)
                fields.append(field)
                j = import_desc_end(wasm, j)
        i = start + size
    return fields


def main(pkg):
    wasm_path = os.path.join(pkg, "notyet_wasm_bg.wasm")
    js_path = os.path.join(pkg, "notyet_wasm.js")
    wasm = open(wasm_path, "rb").read()
    js = open(js_path, encoding="utf-8").read()
    fields = imported_fields(wasm)
    taken = set(fields)
    names = {}
    for field in fields:
        m = HASHED.match(field)
        if not m or field in names:
            continue
        base = m.group(1)
        new, k = base, 0
        while new in taken:
            k += 1
            new = f"{base}${k}"
        taken.add(new)
        names[field] = new
    in_js = set(re.findall(r"\b__wbg_\w+_[0-9a-f]{16}\b", js))
    if in_js != set(names):
        raise SystemExit(f"the glue and the module import different functions: {sorted(in_js ^ set(names))[:5]}")
    js = re.sub(r"\b__wbg_\w+_[0-9a-f]{16}\b", lambda m: names[m.group(0)], js)
    open(wasm_path, "wb").write(rename(wasm, names))
    open(js_path, "w", encoding="utf-8").write(js)
    print(f"{len(names)} imports named without their hash")


if __name__ == "__main__":
    main(sys.argv[1])
