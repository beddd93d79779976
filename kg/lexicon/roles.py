"""Participation roles and the words that signal them (a small controlled vocabulary)."""

from __future__ import annotations

# keyword -> role; longer keywords win over their parts (主持召开 over 主持).
ROLE_WORDS: dict[str, str] = {
    "主持召开": "presided", "主持会议": "presided", "主持": "presided", "主持人": "presided",
    "作重要讲话": "speech", "发表重要讲话": "speech", "作动员讲话": "speech",
    "作总结讲话": "speech", "讲话": "speech", "强调": "speech", "指出": "speech",
    "提出要求": "speech", "作出部署": "speech", "动员部署": "speech",
    "交流发言": "remarks", "表态发言": "remarks", "作发言": "remarks", "发言": "remarks",
    "作交流": "remarks", "作了交流": "remarks", "书面交流": "remarks", "交流了": "remarks", "主旨交流": "remarks", "主题交流": "remarks", "介绍了": "remarks", "经验介绍": "remarks", "介绍,": "remarks", "介绍:": "remarks",
    "汇报": "remarks", "作报告": "remarks", "作工作报告": "remarks", "报告": "remarks",
    "传达": "remarks", "回答记者提问": "remarks", "回答了记者提问": "remarks",
    "回答提问": "remarks", "答记者问": "remarks", "通报": "remarks", "发布": "remarks", "宣读": "remarks", "致辞": "remarks",
    "述职": "remarks", "作说明": "remarks", "建议": "remarks", "反映": "remarks", "登台": "remarks", "上台": "remarks", "同台交流": "remarks", "作了说明": "remarks", "补充说明": "remarks", "作了部署": "remarks",
    "讲的是": "remarks", "分享了": "remarks", "讲述了": "remarks", "谈了": "remarks",
    "为题": "remarks",  # (以“一根钢丝绳”为题,讲述了……: a talk of one's own at a forum)
    "作了具体安排": "remarks", "作具体安排": "remarks", "作了安排": "remarks",
    "作了具体部署": "remarks", "作具体部署": "remarks", "进行了具体部署": "remarks",
    "出席": "attended", "参加": "attended", "列席": "attended", "收听收看": "attended",
    "参会": "attended", "与会": "attended", "到会": "attended", "在主席台就座": "attended",
    "主席台就座": "attended", "就座": "attended",
    "调研": "led", "视察": "led", "考察": "led", "督导": "led", "暗访": "led", "检查指导": "led", "督查": "led",
    "走访慰问": "led",
    "陪同": "accompanied", "随同": "accompanied",
    # (those who went along with the leader: "A、B一同调研")
    "一同调研": "attended", "一起调研": "attended", "一同考察": "attended",
    "一同视察": "attended", "一同督导": "attended",
}
# A role word after these is something the subject heard, not did (听取汇报, 审议报告).
NEGATING_PREFIXES = ("听取", "听了", "听", "审议", "观看", "收到", "根据", "按照", "贯彻", "学习",
                     # (因时间关系未安排发言: no remarks made)
                     "未安排", "没有安排", "未", "没有")
