"""The Optimizer Race lesson: its controls, cached core calls (data) and Altair builders
(charts), the shared record of the race (context), and one module per section of the
page: the race, the fair comparison, the inside view and the tiny network."""
