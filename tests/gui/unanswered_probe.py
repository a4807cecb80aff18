"""Run only by test_test_guards.py: a test that leaves a question open, as a dialog closing with unsaved work asks."""

from voiceprep.gui.widgets.common import choose


def test_a_question_nobody_answers(qtbot):
    choose(None, "Discard?", "Discard the pasted job description?", ["Discard", "Keep editing"], cancel=1)
