"""Strings of the Optimizer Race's guided lesson (ui.optimizer_race.lesson), English and
Chinese with the same keys.

Per step (``optimizer_race.lesson.<stage>.``): its title, question and answers; the
numbers in a question are the stage's settings (core.experiments.race_stages.STAGES).
Every result is a measured sentence (``optimizer_race.stage.<id>``, chosen by
core.experiments.race_stages.lesson) whose numbers come from the run the page shows.
"""

P = "optimizer_race.stage"
L = "optimizer_race.lesson."

EN = {
    # the lesson's steps, in order: title, question, answers (ui.optimizer_race.lesson)
    L + "ravine.title": "SGD in a ravine",
    L + "ravine.question": "Plain SGD starts in a long, narrow valley turned by 30°: the "
                           "curvature is κ = 130 across it and 1 along it. What will SGD do "
                           "at η = 0.015?",
    L + "ravine.choice.crawl": "zig-zag across the valley and crawl along its floor, still "
                               "short of the minimum",
    L + "ravine.choice.diverge": "zig-zag ever wider and diverge",
    L + "ravine.choice.fast": "reach the minimum quickly",
    L + "momentum.title": "Momentum",
    L + "momentum.question": "The same ravine and the same η = 0.015, now with momentum 0.9 "
                             "racing beside plain SGD. What will momentum do?",
    L + "momentum.choice.sooner": "arrive first: the running average builds up speed along "
                                  "the floor",
    L + "momentum.choice.same": "do no better: at the same step size it moves no faster",
    L + "momentum.choice.diverge": "overshoot and diverge: most of each step carries over "
                                   "into the next",
    L + "adaptive.title": "AdaGrad and RMSProp",
    L + "adaptive.question": "AdaGrad and RMSProp give every weight its own step size. Will "
                             "that help on this valley turned by 30°? The run also races "
                             "them on the same bowl turned back onto the axes.",
    L + "adaptive.choice.axes": "less than along an axis: a per-weight step stretches only "
                                "along x and y, so both of them do better once the valley "
                                "lies along one",
    L + "adaptive.choice.either": "just as much: each weight adapts, so turning the valley "
                                  "onto an axis does not make both of them do better",
    L + "adam.title": "Adam",
    L + "adam.question": "Adam combines momentum with RMSProp's per-weight average of "
                         "squared gradients. It races its two parents in the ravine, with "
                         "RMSProp and Adam both at η = 1. Where will Adam finish among them?",
    L + "adam.choice.first": "first: it has both tricks",
    L + "adam.choice.middle": "between its two parents",
    L + "adam.choice.last": "last",
    L + "tuned.title": "Fair tuning",
    L + "tuned.question": "Hand-picked rates favour whoever they happen to suit. Now each of "
                          "the five runs at the best rate of its own sweep. Who is first?",
    L + "tuned.choice.adam": "Adam",
    L + "tuned.choice.classic": "SGD or momentum: one well-chosen step size is enough",
    L + "tuned.choice.adaptive": "AdaGrad or RMSProp",
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
    P + ".adam.place": "On the leaderboard Adam is number {k} of {of}.",
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
    L + "ravine.title": "峡谷里的 SGD",
    L + "ravine.question": "普通 SGD 从一条又长又窄、旋转了 30° 的山谷出发：横跨山谷的曲率是 κ = 130，"
                           "沿山谷方向是 1。当 η = 0.015 时，SGD 会怎样？",
    L + "ravine.choice.crawl": "在山谷两侧之字形来回，沿谷底缓慢爬行，到最后仍未到达极小值",
    L + "ravine.choice.diverge": "之字形越摆越大，最终发散",
    L + "ravine.choice.fast": "很快到达极小值",
    L + "momentum.title": "动量法",
    L + "momentum.question": "同一条峡谷、同样的 η = 0.015，这次动量 0.9 的动量法和普通 SGD 同场比赛。"
                             "动量法会怎样？",
    L + "momentum.choice.sooner": "先到达：滑动平均沿着谷底积累起速度",
    L + "momentum.choice.same": "没有更好：步长相同，它也走得一样快",
    L + "momentum.choice.diverge": "冲过头并发散：每一步的大部分都带进了下一步",
    L + "adaptive.title": "AdaGrad 与 RMSProp",
    L + "adaptive.question": "AdaGrad 和 RMSProp 给每个权重各自的步长。在这条旋转了 30° 的山谷里，"
                             "这有帮助吗？这次运行还会让它们在转回坐标轴方向的同一个碗面上再比一次。",
    L + "adaptive.choice.axes": "不如沿坐标轴时：逐权重的步长只能沿 x 和 y 拉伸，所以山谷转到坐标轴方向后，"
                                "两者都会表现更好",
    L + "adaptive.choice.either": "一样有帮助：每个权重都会自适应，把山谷转到坐标轴方向并不会让两者都变好",
    L + "adam.title": "Adam",
    L + "adam.question": "Adam 把动量和 RMSProp 的逐权重梯度平方平均结合在一起。它在峡谷里和自己的两个“前辈”"
                         "同场比赛，RMSProp 与 Adam 的步长都是 η = 1。Adam 会排在第几？",
    L + "adam.choice.first": "第一：两种技巧它都有",
    L + "adam.choice.middle": "夹在两个前辈之间",
    L + "adam.choice.last": "最后",
    L + "tuned.title": "公平调参",
    L + "tuned.question": "手选的学习率只照顾碰巧适合它的优化器。现在五个优化器各自使用自己扫描中最好的学习率。"
                          "谁排第一？",
    L + "tuned.choice.adam": "Adam",
    L + "tuned.choice.classic": "SGD 或动量法：选好一个步长就够了",
    L + "tuned.choice.adaptive": "AdaGrad 或 RMSProp",
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
    P + ".adam.place": "在排行榜上，Adam 在 {of} 个优化器中排第 {k}。",
    P + ".adam.over_rmsprop": "在相同步长下，Adam 排在 RMSProp 前面：动量平均让它逐坐标的步子更稳。",
    P + ".adam.not_over_rmsprop": "这里在相同步长下，Adam 没有排在 RMSProp 前面。",
    P + ".adam.over_momentum": "它也排在普通动量法前面。",
    P + ".adam.not_over_momentum": "普通动量法仍排在 Adam 前面：在这条旋转过的山谷里，逐坐标的缓存没有带来好处。",
    P + ".tuned.count": "各自使用自己扫描中最好的学习率，{of} 个中有 {n} 个进入了容差范围。",
    P + ".tuned.spread": "{first} 最先到达，{last} 最后到达，所用步数是前者的 {ratio} 倍。",
    P + ".tuned.alone": "只有 {first} 到达了。",
}
