"""Running an optimizer on a problem: the one loop that records a trajectory (with
noise, batches and divergence), and the batched learning-rate sweep whose tuning rule
every fair comparison uses."""
