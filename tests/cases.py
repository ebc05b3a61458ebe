"""Optimizer settings the tests sweep: every rule, and every option of every rule."""

CONFIGS: list[tuple[str, dict]] = [
    ("sgd", {"lr": 0.1}),
    ("sgd", {"lr": 0.1, "momentum": 0.9}),
    ("sgd", {"lr": 0.1, "momentum": 0.9, "dampening": 0.5}),
    ("sgd", {"lr": 0.1, "momentum": 0.9, "nesterov": True}),
    ("sgd", {"lr": 0.1, "weight_decay": 0.1}),
    ("sgd", {"lr": 0.05, "momentum": 0.5, "nesterov": True, "weight_decay": 0.2}),
    ("adagrad", {"lr": 0.3}),
    ("adagrad", {"lr": 0.3, "lr_decay": 0.1}),
    ("adagrad", {"lr": 0.3, "initial_accumulator_value": 0.5}),
    ("adagrad", {"lr": 0.3, "weight_decay": 0.1, "eps": 1e-6}),
    ("rmsprop", {"lr": 0.01}),
    ("rmsprop", {"lr": 0.01, "alpha": 0.9, "eps": 1e-6}),
    ("rmsprop", {"lr": 0.01, "centered": True}),
    ("rmsprop", {"lr": 0.01, "momentum": 0.9}),
    ("rmsprop", {"lr": 0.01, "momentum": 0.5, "centered": True, "weight_decay": 0.1}),
    ("adadelta", {}),
    ("adadelta", {"lr": 0.5, "rho": 0.5}),
    ("adadelta", {"weight_decay": 0.1, "eps": 1e-4}),
    ("adam", {"lr": 0.05}),
    ("adam", {"lr": 0.05, "amsgrad": True}),
    ("adam", {"lr": 0.05, "weight_decay": 0.1}),
    ("adam", {"lr": 0.05, "betas": (0.5, 0.9), "eps": 1e-4}),
    ("adamw", {"lr": 0.05}),
    ("adamw", {"lr": 0.05, "weight_decay": 0.3, "amsgrad": True}),
    ("nadam", {"lr": 0.05}),
    ("nadam", {"lr": 0.05, "weight_decay": 0.1}),
    ("nadam", {"lr": 0.05, "weight_decay": 0.1, "decoupled_weight_decay": True}),
    ("nadam", {"lr": 0.05, "momentum_decay": 0.1, "betas": (0.8, 0.99)}),
]


def case_id(case: tuple[str, dict]) -> str:
    name, hp = case
    return name + "".join(f"-{k}={v}" for k, v in hp.items())
