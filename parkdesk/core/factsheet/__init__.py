"""Fact-sheet content: what a park's printed sheet says, as a model and as HTML."""
