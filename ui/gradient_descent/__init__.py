"""The Gradient Descent lesson, one module per section of the page: one_weight,
two_weights, mini_batch, chain_rule; beside them data (cached core calls and tidy
frames) and charts (the Altair builders only this lesson draws).
"""
