"""What the Choosing page's experiments show, as measured numbers and verdict codes
(sparse race, ladder, matrix; thresholds in one place), and the decision guide that
turns rules of thumb into a recommendation with those measured reasons."""
