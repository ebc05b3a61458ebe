"""Strings of the Choosing an Optimizer page's guided lesson (ui.choosing.lesson): per step
its title, question, answers, the sentence quoting the run and, per answer the run can
bear out, why; and the link back to the home page's lessons. Numbers arrive as
placeholders from the run."""

P = "choosing.lesson."

EN = {
    # 1. the sparse race
    P + "sparse.title": "SGD or AdaGrad on sparse data",
    P + "sparse.question": "In the sparse race at a = 1.5 with batches of 32, many features "
                           "turn up in only a few batches, so their gradient is zero most of "
                           "the time. Each optimizer runs at its own tuned learning rate. "
                           "Which one ends with the lower loss: SGD or AdaGrad?",
    P + "sparse.choice.sgd": "SGD: with a well-tuned rate it needs nothing more",
    P + "sparse.choice.adagrad": "AdaGrad",
    P + "sparse.choice.close": "about the same: tuning evens them out",
    P + "sparse.measured": "At a = {a} with batches of {batch}, each at its tuned rate, SGD "
                           "ended with an excess loss of {sgd} and AdaGrad with {adagrad}: "
                           "SGD's is {factor}× AdaGrad's (this page calls a factor of {win} "
                           "or more a win). On the rare features SGD's weights were still "
                           "{sgd_rare} of the way from the best fit, AdaGrad's {adagrad_rare}.",
    P + "sparse.why.adagrad": "AdaGrad divides each feature's step by the root of that "
                              "feature's own summed squared gradients, so a feature that "
                              "rarely gets a gradient keeps a large step. SGD's one rate is "
                              "held down by the frequent features, and the rare ones crawl.",
    P + "sparse.why.sgd": "Here SGD's single tuned rate did better than AdaGrad's per-feature "
                          "steps: at these settings the sparsity did not help the adaptive "
                          "method.",
    P + "sparse.why.close": "Here the two ended within a factor of {win} of each other, too "
                            "close to call a win for either.",
    # 2. the ladder
    P + "ladder.title": "Adam against RMSProp as gradients get sparser",
    P + "ladder.question": "Adam is RMSProp plus momentum and bias correction. The ladder "
                           "races the two, each at its tuned rate with β₂ = 0.99, at the "
                           "sparsity levels a = 0, 1 and 2. As the gradients get sparser, how "
                           "does Adam do against RMSProp?",
    P + "ladder.choice.gains": "Adam gains on RMSProp",
    P + "ladder.choice.loses": "Adam falls further behind RMSProp",
    P + "ladder.choice.flat": "nothing changes between them",
    P + "ladder.measured": "Medians over {seeds} data seeds, with β₂ = {b2}: at a = {dense_a} "
                           "Adam's final excess loss was {dense_ratio}× RMSProp's, at a = {a} "
                           "it was {sparse_ratio}×. So RMSProp's loss divided by Adam's moved "
                           "by a factor of {trend} from the densest level to the sparsest "
                           "(this page counts a move past {threshold}× either way as a "
                           "trend). {where}",
    P + "ladder.ahead": "At the sparsest level Adam finished ahead of RMSProp; it was ahead "
                        "at {wins} of {levels} levels.",
    P + "ladder.behind": "At the sparsest level Adam was still behind RMSProp; it was ahead "
                         "at {wins} of {levels} levels.",
    P + "ladder.why.gains": "In direction the rule of thumb holds: sparser gradients moved the "
                            "contest Adam's way. Gaining is not leading, though: who finished "
                            "ahead is the count of levels just above.",
    P + "ladder.why.loses": "Here sparser gradients moved the contest RMSProp's way, against "
                            "the rule of thumb.",
    P + "ladder.why.flat": "Here the ratio moved by less than {threshold}×, which {seeds} "
                           "seeds cannot tell apart from noise.",
    # 3. the benchmark matrix
    P + "matrix.title": "One optimizer for every problem?",
    P + "matrix.question": "The benchmark matrix runs six optimizers on five scenarios (a "
                           "narrow bowl, Rosenbrock, noisy gradients, sparse features and a "
                           "tiny network), each at its own best learning rate. Is one "
                           "optimizer the best, or tied for best, on every scenario?",
    P + "matrix.choice.one": "yes, one optimizer is best on all of them",
    P + "matrix.choice.several": "no, the best one depends on the scenario",
    P + "matrix.measured": "Best per scenario (a tie: within a ratio of {tie}): {winners}. "
                           "The one best most often, {most}, was best in {count} of {total}; "
                           "the steadiest, {steadiest}, was at worst {worst}× the best gap.",
    P + "matrix.winner": "{scenario}: {names}",
    P + "matrix.sep": "; ",
    P + "matrix.why.several": "No rule won everywhere: each scenario rewards something else "
                              "(curvature, noise, sparsity). That is why the decision guide "
                              "asks about your problem before it recommends a rule.",
    P + "matrix.why.one": "Here one optimizer tied for best in every scenario: {everywhere}.",
    # 4. AdamW's decoupled decay
    P + "decay.title": "Weight decay in AdamW",
    P + "decay.question": "Adam + L2 adds λw to the gradient and then divides it, like the "
                          "rest of the gradient, by √v̂ + ε. AdamW subtracts ηλw from the "
                          "weights on its own, outside that division. After a run on the "
                          "network, which of the two gives every weight the same decay rate?",
    P + "decay.choice.adamw": "only AdamW",
    P + "decay.choice.l2": "only Adam + L2",
    P + "decay.choice.both": "both: λ is the same for every weight",
    P + "decay.choice.unclear": "the run cannot single out either rule",
    P + "decay.measured": "The decay rate of a weight is the share of it one step's decay "
                          "takes away. AdamW's ran from {adamw_lo} to {adamw_hi}, against "
                          "ηλ = {eta_lambda} (largest ÷ smallest: {adamw_spread}); Adam + "
                          "L2's ran from {lo} to {hi}, a {spread}× spread.",
    P + "decay.why.adamw": "That is what decoupling means: AdamW's decay never passes through "
                           "the division by √v̂ + ε, so every weight shrinks by the same share. "
                           "In Adam + L2 the weights whose gradients have been small get the "
                           "largest decay rates.",
    P + "decay.why.l2": "Here Adam + L2's rates were the same for every weight (a spread "
                        "below {tie}) and AdamW's spread by {win}× or more, against what "
                        "decoupling promises.",
    P + "decay.why.both": "Here both rules' rates were the same across the weights, each "
                          "spread below {tie}, so the coupling made no difference in this run.",
    P + "decay.why.unclear": "This run singles out neither rule: this page counts a rule's "
                             "rates as the same for every weight when its spread is below "
                             "{tie}, and as clearly different at {win}× or more, and the two "
                             "spreads above do not fall one on each side.",
    # the end of the last page
}

ZH = {
    P + "sparse.title": "稀疏数据上的 SGD 与 AdaGrad",
    P + "sparse.question": "在 a = 1.5、批量为 32 的稀疏赛跑中，许多特征只出现在少数批次里，"
                           "所以它们的梯度大多数时候为零。每个优化器都用各自调好的学习率。"
                           "SGD 和 AdaGrad，谁最后的损失更低？",
    P + "sparse.choice.sgd": "SGD：学习率调好了就足够",
    P + "sparse.choice.adagrad": "AdaGrad",
    P + "sparse.choice.close": "差不多：调参抹平了差距",
    P + "sparse.measured": "在 a = {a}、批量 {batch} 下，各用调好的学习率，SGD 最终的超额损失为 "
                           "{sgd}，AdaGrad 为 {adagrad}：SGD 是 AdaGrad 的 {factor} 倍（本页把 "
                           "{win} 倍及以上算作胜出）。在罕见特征上，SGD 的权重离最佳拟合还有 "
                           "{sgd_rare} 的距离，AdaGrad 为 {adagrad_rare}。",
    P + "sparse.why.adagrad": "AdaGrad 把每个特征的步长除以该特征自己梯度平方和的平方根，所以"
                              "很少得到梯度的特征保留了较大的步长。SGD 只有一个学习率，它受"
                              "频繁特征的限制，罕见特征只能缓慢移动。",
    P + "sparse.why.sgd": "这里 SGD 调好的单一学习率胜过了 AdaGrad 的逐特征步长：在这些设置下，"
                          "稀疏性没有帮到自适应方法。",
    P + "sparse.why.close": "这里两者最终相差不到 {win} 倍，不足以判定谁胜出。",
    P + "ladder.title": "梯度越稀疏，Adam 与 RMSProp 谁更好",
    P + "ladder.question": "Adam 就是 RMSProp 加上动量和偏差修正。阶梯实验让两者各用调好的"
                           "学习率、β₂ = 0.99，在稀疏程度 a = 0、1、2 上比赛。梯度越来越稀疏时，"
                           "Adam 相对 RMSProp 表现如何？",
    P + "ladder.choice.gains": "Adam 追上了 RMSProp 一些",
    P + "ladder.choice.loses": "Adam 被 RMSProp 甩得更远",
    P + "ladder.choice.flat": "两者之间没有变化",
    P + "ladder.measured": "取 {seeds} 个数据种子的中位数，β₂ = {b2}：在 a = {dense_a} 时，"
                           "Adam 的最终超额损失是 RMSProp 的 {dense_ratio} 倍；在 a = {a} 时"
                           "为 {sparse_ratio} 倍。因此从最稠密到最稀疏，RMSProp 与 Adam 的"
                           "损失之比变为原来的 {trend} 倍（本页把任一方向超过 {threshold} "
                           "倍的变化算作趋势）。{where}",
    P + "ladder.ahead": "在最稀疏的一级，Adam 领先于 RMSProp；它在 {levels} 级中有 {wins} "
                        "级领先。",
    P + "ladder.behind": "在最稀疏的一级，Adam 仍落后于 RMSProp；它在 {levels} 级中有 {wins} "
                         "级领先。",
    P + "ladder.why.gains": "就方向而言，经验法则成立：梯度越稀疏，形势越偏向 Adam。不过追近"
                            "不等于领先：谁跑在前面，要看上一句的领先级数。",
    P + "ladder.why.loses": "这里梯度越稀疏，形势越偏向 RMSProp，与经验法则相反。",
    P + "ladder.why.flat": "这里比值的变化不到 {threshold} 倍，{seeds} 个种子无法把它与噪声区分开。",
    P + "matrix.title": "有没有一个优化器适合所有问题？",
    P + "matrix.question": "基准矩阵让六个优化器在五个场景（狭长碗面、Rosenbrock、含噪梯度、"
                           "稀疏特征、小型网络）上比赛，每个都用各自最佳的学习率。是否有一个"
                           "优化器在每个场景上都是最佳（或并列最佳）？",
    P + "matrix.choice.one": "有，一个优化器在所有场景上都最佳",
    P + "matrix.choice.several": "没有，最佳者随场景而变",
    P + "matrix.measured": "各场景的最佳者（比值在 {tie} 以内算并列）：{winners}。最常获胜的 "
                           "{most} 在 {total} 个场景中赢了 {count} 个；最稳定的 {steadiest} "
                           "最差时是最佳差距的 {worst} 倍。",
    P + "matrix.winner": "{scenario}：{names}",
    P + "matrix.sep": "；",
    P + "matrix.why.several": "没有哪种规则处处获胜：每个场景奖励的东西不同（曲率、噪声、稀疏性）。"
                              "所以决策指南先问你的问题是什么，再推荐规则。",
    P + "matrix.why.one": "这里有一个优化器在每个场景上都并列最佳：{everywhere}。",
    P + "decay.title": "AdamW 中的权重衰减",
    P + "decay.question": "Adam + L2 把 λw 加到梯度上，然后像梯度的其余部分一样除以 √v̂ + ε。"
                          "AdamW 则在这次除法之外，单独从权重中减去 ηλw。在网络上训练之后，"
                          "两者中哪一个让每个权重的衰减率都相同？",
    P + "decay.choice.adamw": "只有 AdamW",
    P + "decay.choice.l2": "只有 Adam + L2",
    P + "decay.choice.both": "两者都是：每个权重的 λ 都一样",
    P + "decay.choice.unclear": "这次运行分不出是哪一个",
    P + "decay.measured": "一个权重的衰减率，是一步中衰减从它身上拿走的比例。AdamW 的衰减率从 "
                          "{adamw_lo} 到 {adamw_hi}，而 ηλ = {eta_lambda}（最大值 ÷ "
                          "最小值：{adamw_spread}）；Adam + L2 的从 {lo} 到 {hi}，相差 "
                          "{spread} 倍。",
    P + "decay.why.adamw": "这正是“解耦”的含义：AdamW 的衰减从不经过除以 √v̂ + ε 这一步，所以"
                           "每个权重都按相同比例缩小。在 Adam + L2 中，梯度一直较小的权重得到"
                           "最大的衰减率。",
    P + "decay.why.l2": "这里 Adam + L2 给每个权重的衰减率都相同（最大值 ÷ 最小值低于 {tie}），"
                        "而 AdamW 的相差 {win} 倍以上，与解耦的承诺相反。",
    P + "decay.why.both": "这里两种规则的衰减率在各权重之间都相同（最大值 ÷ 最小值都低于 "
                          "{tie}），所以在这次运行中耦合与否没有区别。",
    P + "decay.why.unclear": "这次运行分不出是哪一种规则：本页把最大值 ÷ 最小值低于 {tie} "
                             "算作每个权重的衰减率相同，把 {win} 倍及以上算作明显不同，"
                             "而上面两个比值并没有恰好一边一个。",
}
