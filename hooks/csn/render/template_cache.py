"""Compiled Jinja templates kept in memory between the language builds of one run (held by the run).

MkDocs makes a new Jinja environment for each language's build (and for each
preview rebuild), so every template of Material and of overrides/ would be
compiled again. The cache is keyed by template name and file and checks the
source's checksum, so an edited template is compiled afresh.
"""

from __future__ import annotations

from jinja2.bccache import Bucket, BytecodeCache


class MemoryBytecodeCache(BytecodeCache):
    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()

