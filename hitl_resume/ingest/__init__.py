"""Ingest: bytes or text in, a checked ``Extraction`` out.

The security boundary of the project: file type sniffing, the DOCX precheck, the isolated parse
child and its readers, the text cleaner and the quality checks all live here.
"""
