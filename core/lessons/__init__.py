"""Decisions of the guided lessons: from the numbers a run measured to the answer it bears out."""
