"""Form check from video: pure logic over pose keypoint sequences (numpy, no video or model).

Backends that turn video into a `PoseSequence` live in `backtone.adapters.pose`.
"""

from backtone.formcheck.analysis import check_form
from backtone.formcheck.report import CheckReport, Flag, RepReport
from backtone.formcheck.rules import RULES, rule_for
from backtone.formcheck.sequence import PoseSequence, from_coco17, to_coco17
from backtone.formcheck.view import View, detect_view

__all__ = [
    "RULES",
    "CheckReport",
    "Flag",
    "PoseSequence",
    "RepReport",
    "View",
    "check_form",
    "detect_view",
    "from_coco17",
    "rule_for",
    "to_coco17",
]
