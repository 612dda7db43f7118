"""Private ctypes prototypes for the pdfium calls made once per character or page object.

pypdfium2's bindings return typed pointers, and turning each into a dictionary key costs more
than the call; these prototypes of the same library return plain integers instead. Only
read-only calls are declared; documents and pages are still opened and closed by pypdfium2.
"""

from __future__ import annotations

import ctypes
from typing import Any

import pypdfium2.raw as pdfium_c
import pypdfium2_raw.bindings as _bindings

_ptr, _int, _uint, _double = ctypes.c_void_p, ctypes.c_int, ctypes.c_uint, ctypes.c_double


class _Native:
    """The declared functions, bound to a second handle of pypdfium2's own libpdfium."""

    def __init__(self) -> None:
        lib = ctypes.CDLL(_bindings._libs["pdfium"]._name)
        self.count_objects = _fn(lib, "FPDFPage_CountObjects", _int, _ptr)
        self.get_object = _fn(lib, "FPDFPage_GetObject", _ptr, _ptr, _int)
        self.object_type = _fn(lib, "FPDFPageObj_GetType", _int, _ptr)
        self.object_matrix = _fn(lib, "FPDFPageObj_GetMatrix", _int, _ptr, _ptr)
        self.object_font = _fn(lib, "FPDFTextObj_GetFont", _ptr, _ptr)
        self.form_count = _fn(lib, "FPDFFormObj_CountObjects", _int, _ptr)
        self.form_object = _fn(lib, "FPDFFormObj_GetObject", _ptr, _ptr, ctypes.c_ulong)
        self.path_count = _fn(lib, "FPDFPath_CountSegments", _int, _ptr)
        self.path_segment = _fn(lib, "FPDFPath_GetPathSegment", _ptr, _ptr, _int)
        self.segment_point = _fn(lib, "FPDFPathSegment_GetPoint", _int, _ptr, _ptr, _ptr)
        self.segment_type = _fn(lib, "FPDFPathSegment_GetType", _int, _ptr)
        self.segment_close = _fn(lib, "FPDFPathSegment_GetClose", _int, _ptr)
        self.load_text = _fn(lib, "FPDFText_LoadPage", _ptr, _ptr)
        self.close_text = _fn(lib, "FPDFText_ClosePage", None, _ptr)
        self.count_chars = _fn(lib, "FPDFText_CountChars", _int, _ptr)
        self.get_unicode = _fn(lib, "FPDFText_GetUnicode", _uint, _ptr, _int)
        self.get_text = _fn(lib, "FPDFText_GetText", _int, _ptr, _int, _int, _ptr)
        self.get_loose_box = _fn(lib, "FPDFText_GetLooseCharBox", _int, _ptr, _int, _ptr)
        self.get_text_object = _fn(lib, "FPDFText_GetTextObject", _ptr, _ptr, _int)
        self.unicode_map_error = _fn(lib, "FPDFText_HasUnicodeMapError", _int, _ptr, _int)
        self.char_matrix = _fn(lib, "FPDFText_GetMatrix", _int, _ptr, _int, _ptr)
        self.char_font_size = _fn(lib, "FPDFText_GetFontSize", _double, _ptr, _int)
        self.char_font_weight = _fn(lib, "FPDFText_GetFontWeight", _int, _ptr, _int)
        self.char_font_info = _fn(
            lib, "FPDFText_GetFontInfo", ctypes.c_ulong, _ptr, _int, _ptr, ctypes.c_ulong, _ptr
        )
        # Per-glyph calls without argtypes: ctypes passes ints and handle objects straight
        # through (about half the per-call cost); callers pass ``Handle`` objects, never ints.
        self.glyph_box = _fn(_lib_copy(lib), "FPDFText_GetLooseCharBox", _int, None)
        self.glyph_object = _fn(_lib_copy(lib), "FPDFText_GetTextObject", Handle, None)
        self.handle_font = _fn(_lib_copy(lib), "FPDFTextObj_GetFont", _ptr, None)
        self.page_object = _fn(_lib_copy(lib), "FPDFPage_GetObject", _ptr, None)
        self.rect = pdfium_c.FS_RECTF
        self.matrix = pdfium_c.FS_MATRIX


class Handle(ctypes.c_void_p):
    """A pdfium handle kept as a ctypes object (a subclass, so ctypes does not unwrap it)."""


def _fn(lib: ctypes.CDLL, name: str, restype: Any, *argtypes: Any) -> Any:
    function = getattr(lib, name)
    function.restype = restype
    function.argtypes = None if argtypes == (None,) else list(argtypes)
    return function


def _lib_copy(lib: ctypes.CDLL) -> ctypes.CDLL:
    """Another handle of the library, so one function can have two prototypes."""
    return ctypes.CDLL(lib._name)


def handle(pointer: Any) -> int:
    """The address behind a pypdfium2 handle (a typed ctypes pointer)."""
    return ctypes.cast(pointer, ctypes.c_void_p).value or 0


NATIVE = _Native()
