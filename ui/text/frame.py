"""Strings of the frame (title, menu, switches, notices) and of the home page."""

EN = {
    "frame.app_title": "From Slope to Adam",
    "frame.menu": "Lessons",
    "frame.settings": "View",
    "frame.projector": "Projector mode",
    "frame.projector_help": "Large text, thick lines and strong contrast for a classroom "
                            "screen. Only your own view changes.",
    "frame.language": "Language",
    "frame.share": "Every setting on this page is stored in the address bar: copy the link "
                   "to share exactly this view.",
    "frame.bad_url": "The link set **{name}** to {value}, which is not allowed here "
                     "({reason}), so the default {default} is used instead.",
    "frame.reason_number": "not a number",
    "frame.reason_range": "it must lie between {lo} and {hi}",
    "frame.reason_choice": "choose one of {choices}",
    "frame.play": "Play",
    "frame.pause": "Pause",
    "frame.busy": "Running this experiment…",
    "frame.step": "step",
    "frame.solved": "solved (below {tol})",
    "frame.tuning_rule": "**How a best rate is chosen.** Every rate of a log-spaced grid is "
                         "run. A rate is ruled out if its run diverges or its loss ever climbs "
                         "above where it started. Among the rest, the best is the one whose "
                         "loss curve has the smallest area on a log scale: it got low early "
                         "and stayed low, rather than landing low on its last step. With "
                         "noisy gradients the area is averaged over several seeds. A best rate "
                         "at the end of the grid is marked: a better one may lie beyond it.",
    "frame.at_edge": "at the edge of the grid",
    "nav.home": "Home",
    "nav.differentiation": "Differentiation",
    "nav.gradient_descent": "Gradient Descent",
    "nav.optimizer_race": "Optimizer Race",
    "nav.choosing": "Choosing an Optimizer",
    "home.title": "From Slope to Adam",
    "home.lead": "A hands-on path from the steepness of a straight line to the optimizers that "
                 "train neural networks. Every chart is computed live while you move the "
                 "controls; nothing on these pages is a screenshot or a typed-in result.",
    "home.preview": "**A taste of what is ahead.** Two balls start at the same spot on a "
                    "surface with a shallow well (right) and a deep one (left). Plain "
                    "gradient descent stops in the first hollow it meets; with momentum the "
                    "ball keeps rolling and reaches the deeper well. Drag the step slider "
                    "under the charts to replay the race.",
    "home.preview_sgd": "gradient descent",
    "home.preview_momentum": "with momentum 0.9",
    "home.preview_gap": "loss above the deepest point",
    "home.path": "The path",
    "home.lesson_steps": "Its guided lesson, {n} steps (each opens at its question):",
    "home.path_intro": "Each lesson builds on the one before it. Take them in order the first "
                       "time; later, jump straight to the experiment you need.",
    "home.step.differentiation": "Rise over run, secants closing in on a tangent, the rules "
                                 "for derivatives, and the chain rule that gives de/dw.",
    "home.step.gradient_descent": "Walk downhill against the slope: what the learning rate "
                                  "does, why it can blow up, and why mini-batches make the "
                                  "walk jittery.",
    "home.step.optimizer_race": "Momentum, AdaGrad, RMSProp, Adadelta, Adam and friends race "
                                "on the same surfaces, each at a fair learning rate, with a "
                                "look inside their running averages.",
    "home.step.choosing": "Sparse gradients, Adam against RMSProp, and a decision guide whose "
                          "every reason links to a live experiment.",
    "home.class": "Using it in class",
    "home.class_share": "**Share links.** Every control lives in the page address. Set up an "
                        "experiment, copy the link, and students open exactly what you see, "
                        "even after the server has restarted.",
    "home.class_projector": "**Projector mode.** The switch in the sidebar enlarges text, "
                            "lines and markers for the back row. It changes only your own "
                            "screen, never your students'.",
    "home.class_language": "**Language.** English and Chinese, switchable in the sidebar; the "
                           "choice is kept in the link too.",
    "home.exact": "What runs underneath",
    "home.exact_body": "A small NumPy core implements the update rules exactly as "
                       "PyTorch's `torch.optim` does (same names, defaults and arithmetic; "
                       "checked against PyTorch to rounding error), and Lion and Schedule-Free "
                       "AdamW exactly as their reference packages do. The equations below are "
                       "read from the same source code that runs them.",
    "home.exact_first": "The seven rules the lessons build up",
    "home.exact_newer": "Beyond the first seven",
    "frame.tip.series": "method",
    "frame.tip.step": "step",
    "frame.tip.x": "x",
    "frame.tip.y": "y",
    "frame.tip.loss": "loss",
    "frame.tip.f": "f",
    "frame.tip.kind": "minimum",
    "frame.tip.which": "arrow",
    "frame.tip.lr": "learning rate η",
    "frame.tip.curve": "curve",
    "frame.tip.h": "step h",
    "frame.tip.slope": "slope",
    "frame.tip.error": "|error|",
    "frame.tip.method": "method",
    "frame.tip.side": "side",
    "frame.tip.what": "line",
    "frame.tip.label": "mark",
    "frame.tip.w": "w",
    "frame.tip.param": "quantity",
    "frame.tip.value": "value",
    "frame.tip.gap": "loss gap",
    "frame.tip.size": "size",
    "frame.tip.rank": "rank",
    "frame.tip.requested": "requested share",
    "frame.tip.measured": "measured share",
    "frame.tip.group": "group",
    "frame.tip.feature": "feature",
    "frame.tip.start": "from step",
    "frame.tip.stop": "to step",
    "frame.tip.p": "share p",
    "frame.tip.eff_lr": "effective learning rate",
    "frame.tip.a": "sparsity exponent a",
    "frame.tip.seed": "seed",
    "frame.tip.excess": "excess loss",
    "frame.tip.row": "row",
    "frame.tip.column": "column",
    "frame.tip.diverged_at": "diverged at step",
    "home.rule.sgd": "SGD (momentum, Nesterov)",
    "home.rule.adagrad": "AdaGrad",
    "home.rule.rmsprop": "RMSProp",
    "home.rule.adadelta": "AdaDelta",
    "home.rule.adam": "Adam",
    "home.rule.adamw": "AdamW (decoupled weight decay)",
    "home.rule.nadam": "NAdam (Nesterov + Adam)",
    "home.rule.adamax": "Adamax (Adam with the infinity norm)",
    "home.rule.radam": "RAdam (rectified Adam)",
    "home.rule.rprop": "Rprop (sign-based steps)",
    "home.rule.asgd": "ASGD (averaged SGD)",
    "home.rule.adafactor": "Adafactor (factored second moments)",
    "home.rule.muon": "Muon (orthogonalised momentum)",
    "home.rule.lion": "Lion (sign of momentum)",
    "home.rule.schedule_free_adamw": "Schedule-Free AdamW",
}

ZH = {
    "frame.app_title": "从斜率到 Adam",
    "frame.menu": "课程",
    "frame.settings": "显示",
    "frame.projector": "投影模式",
    "frame.projector_help": "放大文字、加粗线条、提高对比度，适合教室大屏。只改变你自己的画面。",
    "frame.language": "语言",
    "frame.share": "本页的所有设置都记录在地址栏里：复制链接，别人打开看到的就是同一个画面。",
    "frame.bad_url": "链接把 **{name}** 设为 {value}，这里不允许（{reason}），"
                     "因此改用默认值 {default}。",
    "frame.reason_number": "不是数字",
    "frame.reason_range": "取值须在 {lo} 与 {hi} 之间",
    "frame.reason_choice": "可选值为 {choices}",
    "frame.play": "播放",
    "frame.pause": "暂停",
    "frame.busy": "正在运行这个实验……",
    "frame.step": "步",
    "frame.solved": "已解出（低于 {tol}）",
    "frame.tuning_rule": "**如何选出最佳学习率。** 对数网格上的每个学习率都各跑一次。"
                         "若某次运行发散，或损失曾经升到起点之上，这个学习率就被排除。"
                         "在其余学习率中，损失曲线在对数坐标下围成的面积最小者为最佳："
                         "它下降得早、并且一直保持在低处，而不是碰巧在最后一步落得很低。"
                         "梯度带噪声时，面积取多个随机种子的平均。若最佳学习率落在网格的端点，"
                         "会特别标出：更好的值可能在网格之外。",
    "frame.at_edge": "位于网格端点",
    "nav.home": "首页",
    "nav.differentiation": "导数",
    "nav.gradient_descent": "梯度下降",
    "nav.optimizer_race": "优化器竞赛",
    "nav.choosing": "如何选择优化器",
    "home.title": "从斜率到 Adam",
    "home.lead": "从一条直线有多陡讲起，一直讲到训练神经网络的优化器。拖动控件时，每张图都在现场重新计算；"
                 "页面上没有截图，也没有手填的结果。",
    "home.preview": "**先睹为快。** 两个小球从同一点出发，曲面上有一个浅坑（右）和一个深坑（左）。"
                    "普通梯度下降停在遇到的第一个坑里；带动量的小球继续滚动，到达更深的坑。"
                    "拖动图下方的步数滑块，可以重放这场比赛。",
    "home.preview_sgd": "梯度下降",
    "home.preview_momentum": "动量 0.9",
    "home.preview_gap": "高出最低点的损失",
    "home.path": "学习路线",
    "home.lesson_steps": "本课的引导练习，共 {n} 步（点击即打开该步的问题）：",
    "home.path_intro": "每一课都以前一课为基础。第一次请按顺序学习；之后可以直接跳到需要的实验。",
    "home.step.differentiation": "纵向变化除以横向变化、割线逼近切线、求导法则，以及给出 de/dw 的链式法则。",
    "home.step.gradient_descent": "逆着斜率往下走：学习率起什么作用、为什么会发散、为什么小批量让脚步变得抖动。",
    "home.step.optimizer_race": "动量、AdaGrad、RMSProp、Adadelta、Adam 等在同一曲面上比赛，"
                                "各自使用公平的学习率，并可以查看它们内部的滑动平均。",
    "home.step.choosing": "稀疏梯度、Adam 与 RMSProp 的对比，以及一份每条理由都链接到现场实验的选择指南。",
    "home.class": "在课堂上使用",
    "home.class_share": "**分享链接。** 每个控件的取值都保存在网页地址中。设置好实验后复制链接，"
                        "学生打开看到的与你完全一样，即使服务器刚刚重启过。",
    "home.class_projector": "**投影模式。** 侧边栏的开关会放大文字、线条和标记，让后排也看得清。"
                            "它只改变你自己的屏幕，不影响学生。",
    "home.class_language": "**语言。** 可在侧边栏切换中文和英文，所选语言同样保存在链接里。",
    "home.exact": "底层在运行什么",
    "home.exact_body": "一个小巧的 NumPy 核心按照 PyTorch `torch.optim` 的方式实现各种更新规则"
                       "（名称、默认值和运算都相同，并与 PyTorch 逐步核对到舍入误差），"
                       "Lion 和 Schedule-Free AdamW 则与它们的参考实现包完全一致。"
                       "下面的公式直接读取自运行它们的源代码。",
    "home.exact_first": "课程逐步讲解的七种规则",
    "home.exact_newer": "七种之外",
    "frame.tip.series": "方法",
    "frame.tip.step": "步数",
    "frame.tip.x": "x",
    "frame.tip.y": "y",
    "frame.tip.loss": "损失",
    "frame.tip.f": "f",
    "frame.tip.kind": "极小值",
    "frame.tip.which": "箭头",
    "frame.tip.lr": "学习率 η",
    "frame.tip.curve": "曲线",
    "frame.tip.h": "步长 h",
    "frame.tip.slope": "斜率",
    "frame.tip.error": "误差绝对值",
    "frame.tip.method": "方法",
    "frame.tip.side": "方向",
    "frame.tip.what": "直线",
    "frame.tip.label": "标记",
    "frame.tip.w": "w",
    "frame.tip.param": "量",
    "frame.tip.value": "数值",
    "frame.tip.gap": "损失差距",
    "frame.tip.size": "大小",
    "frame.tip.rank": "序号",
    "frame.tip.requested": "设定占比",
    "frame.tip.measured": "实测占比",
    "frame.tip.group": "组别",
    "frame.tip.feature": "特征",
    "frame.tip.start": "起始步",
    "frame.tip.stop": "结束步",
    "frame.tip.p": "占比 p",
    "frame.tip.eff_lr": "有效学习率",
    "frame.tip.a": "稀疏指数 a",
    "frame.tip.seed": "随机种子",
    "frame.tip.excess": "超额损失",
    "frame.tip.row": "行",
    "frame.tip.column": "列",
    "frame.tip.diverged_at": "发散于第几步",
    "home.rule.sgd": "SGD（动量、Nesterov）",
    "home.rule.adagrad": "AdaGrad",
    "home.rule.rmsprop": "RMSProp",
    "home.rule.adadelta": "AdaDelta",
    "home.rule.adam": "Adam",
    "home.rule.adamw": "AdamW（解耦权重衰减）",
    "home.rule.nadam": "NAdam（Nesterov + Adam）",
    "home.rule.adamax": "Adamax（使用无穷范数的 Adam）",
    "home.rule.radam": "RAdam（修正的 Adam）",
    "home.rule.rprop": "Rprop（按符号调整步长）",
    "home.rule.asgd": "ASGD（平均 SGD）",
    "home.rule.adafactor": "Adafactor（分解的二阶矩）",
    "home.rule.muon": "Muon（正交化的动量）",
    "home.rule.lion": "Lion（动量的符号）",
    "home.rule.schedule_free_adamw": "Schedule-Free AdamW",
}
