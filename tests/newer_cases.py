"""Settings the tests of Adamax, RAdam, Rprop and ASGD sweep: every option of every rule."""

NEWER_CONFIGS: list[tuple[str, dict]] = [
    ("adamax", {}),
    ("adamax", {"lr": 0.05}),
    ("adamax", {"lr": 0.05, "weight_decay": 0.1}),
    ("adamax", {"lr": 0.02, "betas": (0.5, 0.9), "eps": 1e-3}),
    ("radam", {}),
    ("radam", {"lr": 0.05}),
    ("radam", {"lr": 0.05, "weight_decay": 0.1}),
    ("radam", {"lr": 0.05, "weight_decay": 0.1, "decoupled_weight_decay": True}),
    ("radam", {"lr": 0.05, "betas": (0.8, 0.99), "eps": 1e-6}),
    ("radam", {"lr": 0.05, "betas": (0.9, 0.5)}),          # ρ∞ = 3: never rectified
    ("rprop", {}),
    ("rprop", {"lr": 0.05}),
    ("rprop", {"lr": 0.1, "etas": (0.3, 1.5)}),
    ("rprop", {"lr": 0.1, "step_sizes": (1e-3, 0.2)}),
    ("rprop", {"lr": 0.01, "etas": (0.6, 1.1), "step_sizes": (0.0, 1.0)}),
    ("asgd", {}),
    ("asgd", {"lr": 0.05, "lambd": 0.01, "alpha": 0.5, "t0": 20.0}),
    ("asgd", {"lr": 0.05, "t0": 0.0}),
    ("asgd", {"lr": 0.1, "weight_decay": 0.1, "lambd": 0.1, "alpha": 1.0, "t0": 50.0}),
]


def newer_id(case: tuple[str, dict]) -> str:
    name, hp = case
    return name + "".join(f"-{k}={v}" for k, v in hp.items())
