"""Strings of the guided lessons' frame (ui.lesson): the box, its buttons and verdicts.
Each page's own steps are in its catalogue, under ``<page>.lesson.``."""

EN = {
    "frame.lesson.heading": "Guided lesson: predict, then run",
    "frame.lesson.steps": "Step",
    "frame.lesson.none": "none",
    "frame.lesson.predict": "Your prediction",
    "frame.lesson.run": "Run the experiment",
    "frame.lesson.measured": "**What the run measured**",
    "frame.lesson.verdict_right": "Your prediction holds: the run shows “{answer}”.",
    "frame.lesson.verdict_wrong": "You predicted “{guess}”, but the run shows “{answer}”.",
    "frame.lesson.verdict_none": "The run shows “{answer}”. Next time, choose a prediction "
                                 "before you run it.",
    "frame.lesson.below": "The experiment is now loaded in the controls below, so you can see "
                          "it there and change it.",
    "frame.lesson.left": "You have moved a control, so this step's run is no longer on the "
                         "page and its answer is hidden. Press “Run the experiment” to load it "
                         "again.",
    "frame.lesson.next": "Next: step {n}",
    "frame.lesson.next_page": "Next lesson: {page}",
    "frame.lesson.home": "Back to the list of lessons on the home page",
}

ZH = {
    "frame.lesson.heading": "引导练习：先预测，再运行",
    "frame.lesson.steps": "步骤",
    "frame.lesson.none": "无",
    "frame.lesson.predict": "你的预测",
    "frame.lesson.run": "运行实验",
    "frame.lesson.measured": "**这次运行测得的结果**",
    "frame.lesson.verdict_right": "你的预测成立：运行结果是“{answer}”。",
    "frame.lesson.verdict_wrong": "你预测的是“{guess}”，但运行结果是“{answer}”。",
    "frame.lesson.verdict_none": "运行结果是“{answer}”。下次请先选一个预测，再运行。",
    "frame.lesson.below": "实验已经载入下方的控件，你可以在那里查看并修改它。",
    "frame.lesson.left": "你移动了某个控件，页面上已不再是这一步的运行，所以答案被隐藏了。"
                         "点击“运行实验”可以重新载入。",
    "frame.lesson.next": "下一步：第 {n} 步",
    "frame.lesson.next_page": "下一课：{page}",
    "frame.lesson.home": "回到首页的课程列表",
}
