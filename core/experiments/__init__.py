"""The experiments the lessons run, built from problems, rules and the loop: descent on
one weight, the optimizer race and its inside view, the sparse-gradient race, the Adam
ladder, and the benchmark matrix."""
