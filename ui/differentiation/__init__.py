"""The Differentiation lesson: one module per section of the page (line, secant, everywhere
with its rules table, typed, accuracy, directions, chain), its widgets (controls), cached
core calls (data, with sampling for the chart rows) and chart builders (charts)."""
