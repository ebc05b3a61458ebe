"""The Choosing an Optimizer lesson: one module per view of the page (sparse, ladder,
guide, matrix), with its widgets (controls), cached core calls and frames (data), chart
builders (charts) and the wording the views share (wording)."""
