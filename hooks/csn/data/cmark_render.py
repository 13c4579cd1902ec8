"""cmark-gfm's Markdown -> HTML, with the memory it allocates given back.

cmarkgfm's own `markdown_to_html_with_extensions` frees the parser but neither
the document tree nor the HTML string it copies into Python (its issue #53):
about 17 KB per call, 150 MB over a build of 4000 news items. The same calls
are made here through its compiled module, and the two leaked blocks are freed
with the functions the module exports for that (`cmark_node_free`, and the
`free` of the allocator the renderer used).
"""

from __future__ import annotations

import cffi
from cmarkgfm import _cmark

_lib, _ffi = _cmark.lib, _cmark.ffi

# The two exported functions cmarkgfm's bindings leave out, read from the same compiled module.
_own_ffi = cffi.FFI()
_own_ffi.cdef("""
    typedef struct cmark_mem {
        void *(*calloc)(size_t, size_t);
        void *(*realloc)(void *, size_t);
        void (*free)(void *);
    } cmark_mem;
    cmark_mem *cmark_get_default_mem_allocator(void);
    void cmark_node_free(void *node);
""")
_own_lib = _own_ffi.dlopen(_cmark.__file__)
_allocator = _own_lib.cmark_get_default_mem_allocator()

_lib.cmark_gfm_core_extensions_ensure_registered()


def _extension(name: str):
    extension = _lib.cmark_find_syntax_extension(name.encode("ascii"))
    if extension == _ffi.NULL:
        raise ValueError(f"cmark-gfm has no extension named {name!r}")
    return extension


def _address(pointer) -> object:
    """The same pointer, typed for this module's own FFI."""
    return _own_ffi.cast("void *", int(_ffi.cast("uintptr_t", pointer)))


def markdown_to_html(text: str, options: int, extensions: tuple[str, ...]) -> str:
    """HTML for `text`, as cmarkgfm.markdown_to_html_with_extensions returns it."""
    wanted = [_extension(name) for name in extensions]
    encoded = text.encode("utf-8")
    parser = _lib.cmark_parser_new(options)
    try:
        for extension in wanted:
            _lib.cmark_parser_attach_syntax_extension(parser, extension)
        _lib.cmark_parser_feed(parser, encoded, len(encoded))
        root = _lib.cmark_parser_finish(parser)
        try:
            html = _lib.cmark_render_html(root, options, _lib.cmark_parser_get_syntax_extensions(parser))
            try:
                return _ffi.string(html).decode("utf-8")
            finally:
                _allocator.free(_address(html))
        finally:
            _own_lib.cmark_node_free(_address(root))
    finally:
        _lib.cmark_parser_free(parser)
