"""One exception hierarchy for bad input: a machine code plus a fixed, friendly message.

The message never contains a file name, extracted text or a library's own error text, so an
``InputError`` can be shown to a user or logged as-is (docs/security.md I-5, I-6).
"""

from __future__ import annotations

from typing import ClassVar


class InputError(Exception):
    """Input that cannot be analysed; ``code`` is stable, ``message`` is for people."""

    code: ClassVar[str] = "invalid_input"
    http_status: ClassVar[int] = 422
    default_message: ClassVar[str] = "We couldn't read this input."

    def __init__(self, message: str | None = None) -> None:
        self.message = message or self.default_message
        super().__init__(self.message)

    def to_dict(self) -> dict[str, dict[str, str]]:
        """Return the ``{"error": {"code", "message"}}`` shape shared by CLI and web."""
        return {"error": {"code": self.code, "message": self.message}}


class EmptyFileError(InputError):
    code = "empty_file"
    http_status = 400
    default_message = "The file is empty. Please upload your resume as PDF, DOCX or TXT."


class EmptyTextError(InputError):
    code = "empty_text"
    http_status = 400
    default_message = "Paste the text first: nothing was given to analyse."


class FileTooLargeError(InputError):
    code = "file_too_large"
    http_status = 413
    default_message = "Files must be under 5 MB."


class UnsupportedTypeError(InputError):
    code = "unsupported_type"
    http_status = 415
    default_message = "We couldn't recognise this file. Upload a PDF, DOCX or plain-text resume."


class LegacyDocError(InputError):
    code = "legacy_doc"
    http_status = 415
    default_message = (
        "Old Word (.doc) files aren't supported. In Word choose Save As → .docx or PDF."
    )


class MacroEnabledError(InputError):
    code = "macro_enabled"
    http_status = 415
    default_message = "Macro-enabled documents aren't accepted. Save as .docx."


class CorruptFileError(InputError):
    code = "corrupt_file"
    default_message = (
        "This file looks damaged or incomplete. Try exporting it again as PDF or DOCX."
    )


class EncryptedPdfError(InputError):
    code = "encrypted_pdf"
    default_message = (
        "This PDF is password-protected. Remove the password (print to PDF) and upload again."
    )


class NoTextLayerError(InputError):
    code = "no_text_layer"
    default_message = (
        "We couldn't find any text — this looks like a scanned image. Upload the original "
        "document or a text-based PDF."
    )


class UnreadableTextError(InputError):
    code = "unreadable_text"
    default_message = (
        "The text in this file can't be read correctly (font encoding). Try exporting as PDF "
        "again from Word/Google Docs, or upload the DOCX."
    )


class TooManyPagesError(InputError):
    code = "too_many_pages"
    default_message = "Resumes over 10 pages aren't supported."


class ParseTimeoutError(InputError):
    code = "timeout"
    default_message = (
        "We couldn't process this file in time. It may be damaged — try re-saving it as PDF."
    )


class ResourceLimitError(InputError):
    code = "resource_limit"
    default_message = (
        "This file needs more memory than a resume should. It may be damaged — try re-saving it."
    )


class FileTooComplexError(InputError):
    code = "file_too_complex"
    default_message = "This document is unusually large once unpacked."


class TextTooLongError(InputError):
    code = "text_too_long"
    default_message = "This file has far more text than a resume (over ~100,000 characters)."


class UnsupportedEncodingError(InputError):
    code = "unsupported_encoding"
    default_message = "Please save the text file as UTF-8."


class BusyError(InputError):
    code = "busy"
    http_status = 503
    default_message = "We're busy — please try again in a minute."


ERRORS_BY_CODE: dict[str, type[InputError]] = {
    cls.code: cls
    for cls in (
        InputError,
        EmptyFileError,
        EmptyTextError,
        FileTooLargeError,
        UnsupportedTypeError,
        LegacyDocError,
        MacroEnabledError,
        CorruptFileError,
        EncryptedPdfError,
        NoTextLayerError,
        UnreadableTextError,
        TooManyPagesError,
        ParseTimeoutError,
        ResourceLimitError,
        FileTooComplexError,
        TextTooLongError,
        UnsupportedEncodingError,
        BusyError,
    )
}


def error_for_code(code: str) -> InputError:
    """Rebuild an error from its code (used across the process boundary)."""
    return ERRORS_BY_CODE.get(code, CorruptFileError)()
