"""Language resources shared by every stage: the lexicon, inflection and the spaCy pipeline."""
