"""Posting and resume keywords: a compiled phrase index, a small span tagger, categories."""
