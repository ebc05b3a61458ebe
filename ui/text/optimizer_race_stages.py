"""Strings of the Optimizer Race's staged sequence (English and Chinese, same keys).

The stage titles and set-ups say what a stage runs; every result is a measured sentence
(``optimizer_race.stage.<id>``, chosen by core.experiments.race_stages.lesson) whose
numbers come from the run the page shows.
"""

P = "optimizer_race.stage"

EN = {
    P + "s": "The article's story in five races",
    P + "s_help": "Each stage loads one race into the controls and states what it measured. "
                  "Moving any control afterwards leaves the stage.",
    P + ".label": "stage",
    P + ".none": "no stage",
    P + ".title.ravine": "1 · SGD in a ravine",
    P + ".title.momentum": "2 · Momentum",
    P + ".title.adaptive": "3 · AdaGrad and RMSProp",
    P + ".title.adam": "4 · Adam",
    P + ".title.tuned": "5 · Fair tuning",
    P + ".setup.ravine": "Plain SGD alone in a long, narrow valley: the bowl with curvature "
                         "κ across the valley and 1 along it, turned by 30°.",
    P + ".setup.momentum": "The same ravine and the same step size, now with momentum 0.9 "
                           "beside plain SGD.",
    P + ".setup.adaptive": "AdaGrad and RMSProp give every coordinate its own step size. "
                           "Here they race on the turned ravine, and the lesson also runs "
                           "them on the same bowl turned back onto the axes.",
    P + ".setup.adam": "Adam keeps a momentum average of the gradients (its first moment) "
                       "and RMSProp's average of their squares (its second moment). It "
                       "races its two parents; RMSProp and Adam share the step size 1.",
    P + ".setup.tuned": "Hand-picked rates favour whoever they happen to suit. Here each of "
                        "the five runs at the best rate of its own sweep.",
    P + ".left": "The controls no longer match stage {n}, so its lesson is hidden. Click "
                 "the stage again to reload it.",
    # measured sentences shared by every stage
    P + ".arrived": "{name} (η = {lr}) got within the tolerance at step {k}.",
    P + ".arrived_left": "{name} (η = {lr}) got within the tolerance at step {k} but did not "
                         "stay there: it ends {loss} above the minimum.",
    P + ".short": "{name} (η = {lr}) was still {loss} above the minimum after {steps} steps.",
    P + ".diverged": "{name} (η = {lr}) diverged at step {k}.",
    # 1 ravine
    P + ".ravine.limit": "Across the valley the curvature is κ = {kappa}, so a single step "
                         "size must stay below 2/κ = {limit}; SGD runs at η = {lr}.",
    P + ".ravine.crossed": "Its path crossed the valley floor {n} times.",
    P + ".ravine.straight": "Its path never crossed the valley floor: no zig-zag at this "
                            "step size.",
    P + ".ravine.crawl": "Along the valley the curvature is only 1, so each step keeps "
                         "1 − η = {factor} of the remaining distance: after {steps} steps "
                         "{shrink} of it is still left. The crawl along the floor is what "
                         "keeps SGD from arriving.",
    P + ".ravine.fast": "Even so it arrived within {steps} steps (each step keeps "
                        "1 − η = {factor} of the distance along the floor): this valley was "
                        "not narrow enough to stop it.",
    # 2 momentum
    P + ".momentum.swings": "Both paths swing across the valley: SGD crossed its floor "
                            "{sgd_n} times, momentum {mom_n} times.",
    P + ".momentum.only": "At the same step size momentum arrived and SGD did not within "
                          "{steps} steps: the running average builds up speed along the "
                          "floor, where SGD only crawls.",
    P + ".momentum.sooner": "At the same step size SGD needed {ratio}× as many steps as "
                            "momentum.",
    P + ".momentum.no_gain": "Here momentum was not ahead of SGD at the same step size.",
    # 3 adaptive
    P + ".adaptive.turned": "The valley is turned by {angle}°, so it lies along neither x "
                            "nor y.",
    P + ".adaptive.aligned": "With the same settings on the same bowl turned back onto the "
                             "axes (0°, run beside this race):",
    P + ".adaptive.axes": "A per-coordinate step size can stretch x and y separately: that "
                          "straightens a valley lying along an axis, not a turned one.",
    P + ".adaptive.no_axes": "Here turning the valley onto the axes did not help both of them.",
    # 4 adam
    P + ".adam.over_rmsprop": "At the same step size Adam ranks above RMSProp: the momentum "
                              "average steadies its per-coordinate steps.",
    P + ".adam.not_over_rmsprop": "At the same step size Adam did not rank above RMSProp here.",
    P + ".adam.over_momentum": "It also ranks above plain momentum.",
    P + ".adam.not_over_momentum": "Plain momentum still ranks above Adam: on this turned "
                                   "valley the per-coordinate cache did not pay off.",
    # 5 tuned
    P + ".tuned.count": "Each at the best rate of its own sweep, {n} of {of} got within the "
                        "tolerance.",
    P + ".tuned.spread": "{first} was the first to arrive and {last} the last, with {ratio}× "
                         "as many steps.",
    P + ".tuned.alone": "Only {first} arrived.",
}

ZH = {
    P + "s": "用五场竞赛讲完文章的故事",
    P + "s_help": "每一关把一场竞赛载入控件，并说明它测到了什么。之后改动任何控件都会离开这一关。",
    P + ".label": "关卡",
    P + ".none": "无关卡",
    P + ".title.ravine": "1 · 峡谷里的 SGD",
    P + ".title.momentum": "2 · 动量法",
    P + ".title.adaptive": "3 · AdaGrad 与 RMSProp",
    P + ".title.adam": "4 · Adam",
    P + ".title.tuned": "5 · 公平调参",
    P + ".setup.ravine": "只有普通 SGD，跑在一条又长又窄的山谷里：这个碗面横跨山谷方向的曲率为 κ，"
                         "沿山谷方向为 1，并旋转了 30°。",
    P + ".setup.momentum": "同一条峡谷、同一个步长，这次在普通 SGD 旁边加上动量 0.9。",
    P + ".setup.adaptive": "AdaGrad 和 RMSProp 给每个坐标各自的步长。它们在旋转过的峡谷里比赛，"
                           "本关的结论还会在转回坐标轴方向的同一个碗面上再跑一遍。",
    P + ".setup.adam": "Adam 同时保存梯度的动量平均（一阶矩）和 RMSProp 那样的梯度平方平均（二阶矩）。"
                       "它和自己的两个“前辈”同场比赛；RMSProp 与 Adam 使用相同的步长 1。",
    P + ".setup.tuned": "手选的学习率只照顾碰巧适合它的优化器。这里五个优化器各自使用自己扫描中最好的学习率。",
    P + ".left": "控件已不再与第 {n} 关一致，所以隐藏了它的结论。再点一次该关即可重新载入。",
    P + ".arrived": "{name}（η = {lr}）在第 {k} 步进入容差范围。",
    P + ".arrived_left": "{name}（η = {lr}）在第 {k} 步进入容差范围，但没有停留：最后仍比极小值高 {loss}。",
    P + ".short": "{name}（η = {lr}）走完 {steps} 步后仍比极小值高 {loss}。",
    P + ".diverged": "{name}（η = {lr}）在第 {k} 步发散。",
    P + ".ravine.limit": "横跨山谷方向的曲率是 κ = {kappa}，所以单一步长必须小于 2/κ = {limit}；"
                         "SGD 使用 η = {lr}。",
    P + ".ravine.crossed": "它的路径穿过谷底 {n} 次。",
    P + ".ravine.straight": "它的路径一次也没有穿过谷底：这个步长下没有之字形。",
    P + ".ravine.crawl": "沿山谷方向的曲率只有 1，所以每一步只保留剩余距离的 1 − η = {factor}："
                         "{steps} 步之后仍剩下 {shrink}。让 SGD 到不了终点的，是沿谷底的缓慢爬行。",
    P + ".ravine.fast": "尽管如此，它仍在 {steps} 步内到达（沿谷底每步保留 1 − η = {factor} 的距离）："
                        "这条山谷还不够窄，拦不住它。",
    P + ".momentum.swings": "两条路径都在山谷两侧来回摆动：SGD 穿过谷底 {sgd_n} 次，动量法 {mom_n} 次。",
    P + ".momentum.only": "在相同步长下，动量法到达了，而 SGD 在 {steps} 步内没有到达：滑动平均沿着谷底积累起速度，"
                          "而 SGD 在那里只能缓慢爬行。",
    P + ".momentum.sooner": "在相同步长下，SGD 所需的步数是动量法的 {ratio} 倍。",
    P + ".momentum.no_gain": "这里在相同步长下，动量法并没有领先 SGD。",
    P + ".adaptive.turned": "山谷旋转了 {angle}°，所以它既不沿 x 方向也不沿 y 方向。",
    P + ".adaptive.aligned": "同样的设置放到转回坐标轴方向（0°，与本场竞赛同时运行）的同一个碗面上：",
    P + ".adaptive.axes": "逐坐标的步长只能分别拉伸 x 和 y：这能拉直沿坐标轴的山谷，却拉不直旋转过的山谷。",
    P + ".adaptive.no_axes": "这里把山谷转回坐标轴方向，并没有让两者都变好。",
    P + ".adam.over_rmsprop": "在相同步长下，Adam 排在 RMSProp 前面：动量平均让它逐坐标的步子更稳。",
    P + ".adam.not_over_rmsprop": "这里在相同步长下，Adam 没有排在 RMSProp 前面。",
    P + ".adam.over_momentum": "它也排在普通动量法前面。",
    P + ".adam.not_over_momentum": "普通动量法仍排在 Adam 前面：在这条旋转过的山谷里，逐坐标的缓存没有带来好处。",
    P + ".tuned.count": "各自使用自己扫描中最好的学习率，{of} 个中有 {n} 个进入了容差范围。",
    P + ".tuned.spread": "{first} 最先到达，{last} 最后到达，所用步数是前者的 {ratio} 倍。",
    P + ".tuned.alone": "只有 {first} 到达了。",
}
