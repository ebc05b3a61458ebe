"""How large a measured difference must be before the Choosing page words it as one.

Every finding reads one experiment's result and returns the numbers the page's
sentences quote and short codes ("wins", "up", "below", ...) that pick the sentence;
the decision guide reads the same records, so a verdict and the story under an
experiment never disagree. No text lives here; the text catalogue words the codes.

* ``WIN = 1.5`` — one optimizer's final excess loss must be 1.5× lower than another's
  before the page calls it a win. Curves at their tuned rates differ by a few tens of
  percent from seed to seed, so anything closer is reported as "close".
* ``TREND = 1.2`` — the Adam/RMSProp ratio must move by 20 % between the densest and
  the sparsest ladder level to count as a trend; three seeds per level do not resolve less.
* ``ALIKE = 2.0`` — two optimizers "behave alike" on a scenario when their matrix ratios
  are within 2× (the matrix's cells span many decades, its colour scale is log10).
* ``TIE = 1.001`` — a matrix cell with ratio below 1.001 ties the column's best: the
  ratio is 1 for the best cell itself, and 0.1 % is far inside any run-to-run noise.
"""

WIN = 1.5
TREND = 1.2
ALIKE = 2.0
TIE = 1.001
