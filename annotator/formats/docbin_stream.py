"""spaCy's DocBin file (`.spacy`) written as the Docs come, in flat memory.

spaCy's `DocBin` keeps every added Doc's token array (13 uint64 attributes a token, about
65 kB for a 4,000-character article) until `to_bytes` stacks them into one message, so
its memory grows with the corpus. The file is one message all the same, and `spacy
train` reads it whole (`DocBin.from_disk`: `zlib.decompress`, then msgpack), so it cannot
be cut into several DocBins; what can be streamed is its writing. `DocBinWriter` keeps
each part of the message in a temporary file as the Docs come and at the end writes the
message through one zlib stream: byte for byte what `DocBin(store_user_data=...)
.add(doc)` for each Doc, then `.to_bytes()`, gives (a test compares them).

The message, as spaCy 3.8's `spacy/tokens/_serialize.py` (DocBin, version "0.1") packs
it: a msgpack map, in this order, of `version`, `attrs` (attribute ids, ORTH first),
`tokens` (the token arrays, uint64, row after row), `spaces` (one bool a token),
`lengths` (int32 token counts), `strings` (sorted), `cats`, `flags`
(`{"has_unknown_spaces": bool}`), `span_groups` (each Doc's `doc.spans.to_bytes()`) and,
with user data, `user_data` (each Doc's `doc.user_data` packed), compressed by
`zlib.compress` at its default level. Packing goes through one srsly Packer, as
`srsly.msgpack_dumps` does, made once (`msgpack_dumps` makes one a call, which looks up
srsly's encoder plugins each time: a third of the export's time). The span groups are
packed as `SpanGroups.to_bytes` and `SpanGroup.to_bytes` (spacy/tokens/_dict_proxies.py,
span_group.pyx) pack them.

Sources: https://spacy.io/api/docbin, https://spacy.io/api/spangroup#to_bytes,
https://github.com/msgpack/msgpack/blob/master/spec.md (bin and array headers).
"""

from __future__ import annotations

import struct
import tempfile
import zlib
from array import array
from collections.abc import Iterator
from operator import add
from pathlib import Path
from typing import IO, Any

from annotator.model import AnnotationError

CHUNK = 1 << 20  # bytes read back from a part at a time
VERSION = "0.1"  # the DocBin message this module writes


class _Part:
    """One part of the message, kept on disk until the file is written: its bytes, how
    many there are and how many items (Docs) they hold."""

    def __init__(self, folder: Path | None) -> None:
        self.file = tempfile.TemporaryFile(dir=folder)
        self.size = 0
        self.items = 0

    def add(self, data: bytes) -> None:
        self.file.write(data)
        self.size += len(data)
        self.items += 1

    def chunks(self) -> Iterator[bytes]:
        self.file.seek(0)
        while chunk := self.file.read(CHUNK):
            yield chunk


class DocBinWriter:
    """Docs in, one `.spacy` file out (see the module's docstring); memory stays flat
    but for the set of strings (the corpus's vocabulary) and 4 bytes a Doc.

    `folder`: where the parts wait (temporary files, deleted on `close`; None: the
    system's temporary folder); they take about the uncompressed size of the tokens,
    65 kB for a 4,000-character article. Use as a context manager:
    `add(doc)` for each Doc, then `write(handle)` once. Raises AnnotationError when
    spaCy's DocBin is not the version this writer knows, or when a part exceeds what
    msgpack can hold (4 GiB; spaCy's own DocBin fails there too)."""

    def __init__(self, folder: Path | None = None, store_user_data: bool = False) -> None:
        from spacy import attrs
        from spacy.tokens import DocBin
        from srsly.msgpack import Packer

        template = DocBin(store_user_data=store_user_data)
        if template.version != VERSION:
            raise AnnotationError(
                f"spaCy's DocBin is version {template.version}; this export writes version "
                f"{VERSION} (spaCy 3.8)"
            )
        self.attrs: list[int] = list(template.attrs)
        self.store_user_data = store_user_data
        self._spacy = attrs.SPACY
        # the columns whose strings DocBin.add keeps: token.text, tag_, lemma_, norm_,
        # dep_, ent_type_, ent_kb_id_, ent_id_, and str(token.morph)
        named = ("ORTH", "TAG", "LEMMA", "NORM", "DEP", "ENT_TYPE", "ENT_KB_ID", "ENT_ID")
        self._string_columns = [self.attrs.index(getattr(attrs, name)) for name in named]
        self._morph_column = self.attrs.index(attrs.MORPH)
        self._known: dict[int, str] = {}  # values whose strings are in `strings` ...
        self._known_morphs: set[int] = set()  # ... and those of the MORPH column
        self._packer = Packer(use_bin_type=True)  # what srsly.msgpack_dumps packs with
        self.strings: set[str] = set()
        self._lengths = array("i")  # token counts; C ints (4 bytes), not Python ints
        names = ("tokens", "spaces", "cats", "flags", "span_groups", "user_data")
        self._parts = {name: _Part(folder) for name in names}

    def __enter__(self) -> DocBinWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Delete the parts' temporary files."""
        for part in self._parts.values():
            part.file.close()

    def add(self, doc: Any) -> str:
        """Add one Doc, as `DocBin.add` does. Returns the text spaCy will read back for
        it from the file: its tokens, each followed by its space if it has one."""
        import numpy

        tokens = doc.to_array(self.attrs)
        if len(tokens.shape) == 1:
            tokens = tokens.reshape((tokens.shape[0], 1))
        spaces = doc.to_array(self._spacy)
        assert tokens.shape[0] == spaces.shape[0]
        parts, pack = self._parts, self._packer.pack
        parts["tokens"].add(tokens.tobytes("C"))
        parts["spaces"].add(numpy.asarray(spaces, dtype=bool).tobytes("C"))
        self._lengths.append(tokens.shape[0])
        parts["flags"].add(pack({"has_unknown_spaces": doc.has_unknown_spaces}))
        groups, labels, references = self._span_groups(doc)
        self._add_strings(doc, tokens, labels, references)
        parts["cats"].add(pack(doc.cats))
        if self.store_user_data:
            parts["user_data"].add(pack(pack(doc.user_data)))
        parts["span_groups"].add(pack(groups))
        words = map(self._known.__getitem__, tokens[:, 0].tolist())  # ORTH is attrs[0]
        return "".join(map(add, words, map(_SPACE.__getitem__, spaces.tolist())))

    def _add_strings(self, doc: Any, tokens: Any, labels: set[int], references: set[int]) -> None:
        """The strings DocBin.add keeps: those of each token's named attributes, and of
        each span's label, knowledge base id and span id (`references`, kept if the
        vocabulary has them). Each distinct value is looked up once for the whole file
        (DocBin.add looks up nine strings a token)."""
        import numpy

        strings, lookup = self.strings, doc.vocab.strings
        known = self._known
        for value in numpy.unique(tokens[:, self._string_columns]).tolist():
            if value not in known:
                known[value] = lookup[value]
                strings.add(known[value])
        # str(token.morph) is "" for the empty analysis, which spaCy stores as "_"
        empty_morph = doc.vocab.morphology.EMPTY_MORPH
        morphs = set(numpy.unique(tokens[:, self._morph_column]).tolist())
        for value in morphs.difference(self._known_morphs):
            text = lookup[value]
            strings.add("" if text == empty_morph else text)
        self._known_morphs.update(morphs)
        strings.update(lookup[label] for label in labels)
        strings.update(lookup[value] for value in references if value in lookup)

    def _span_groups(self, doc: Any) -> tuple[bytes, set[int], set[int]]:
        """`doc.spans.to_bytes()` (a map from each group's bytes to its keys, or an
        empty list's bytes when the Doc has no group), with the spans' labels and their
        knowledge base and span ids."""
        if len(doc.spans) == 0:
            return self._packer.pack([]), set(), set()
        message: dict[bytes, list[str]] = {}
        labels: set[int] = set()
        references: set[int] = set()
        for key, group in doc.spans.items():
            spans = []
            for span in group:
                ids = (span.id, span.kb_id, span.label)
                spans.append(struct.pack(">QQQllll", *ids, *_extent(span)))
                references.update(ids[:2])
                labels.add(ids[2])
            packed = self._packer.pack({"name": group.name, "attrs": group.attrs, "spans": spans})
            message.setdefault(packed, []).append(key)
        return self._packer.pack(message), labels, references

    def write(self, handle: IO[bytes]) -> None:
        """Write the whole file to `handle`: the message, through one zlib stream."""
        import numpy

        packer, parts = self._packer, self._parts
        compressor = zlib.compressobj()  # zlib.compress's level, window and memory
        output = handle.write

        def put(data: bytes) -> None:
            output(compressor.compress(data))

        def put_part(part: _Part) -> None:
            for chunk in part.chunks():
                put(chunk)

        put(packer.pack_map_header(10 if self.store_user_data else 9))
        put(packer.pack("version") + packer.pack(VERSION))
        put(packer.pack("attrs") + packer.pack(self.attrs))
        for name in ("tokens", "spaces"):
            put(packer.pack(name) + _bin_header(parts[name].size))
            put_part(parts[name])
        lengths = numpy.asarray(self._lengths, dtype="int32").tobytes("C")
        put(packer.pack("lengths") + packer.pack(lengths))
        put(packer.pack("strings") + packer.pack(sorted(self.strings)))
        names = ["cats", "flags", "span_groups"] + (["user_data"] if self.store_user_data else [])
        for name in names:
            put(packer.pack(name) + packer.pack_array_header(parts[name].items))
            put_part(parts[name])
        output(compressor.flush())


_SPACE = ("", " ")  # what follows a token, by its SPACY flag


def _extent(span: Any) -> tuple[int, int, int, int]:
    return span.start, span.end, span.start_char, span.end_char


def _bin_header(size: int) -> bytes:
    """msgpack's header for `size` bytes of binary data (bin 8, 16 or 32)."""
    if size < 1 << 8:
        return b"\xc4" + size.to_bytes(1, "big")
    if size < 1 << 16:
        return b"\xc5" + size.to_bytes(2, "big")
    if size < 1 << 32:
        return b"\xc6" + size.to_bytes(4, "big")
    raise AnnotationError(
        f"the export's token data is {size / 2**30:.1f} GiB: more than one spaCy DocBin "
        "can hold (4 GiB); export fewer documents at a time (--status)"
    )
