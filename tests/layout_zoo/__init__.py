"""The layout zoo: synthetic people rendered into many resume layouts (DOCX and PDF)."""
