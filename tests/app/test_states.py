"""The rehearsal's states and what can be done in each, in one table."""

from __future__ import annotations

import pytest

from voiceprep.app.states import ALLOWED, TRANSITIONS, Action, InvalidTransition, RehearsalState, StateMachine

S = RehearsalState


def test_every_state_has_its_moves_and_every_action_its_states():
    assert set(TRANSITIONS) == set(S) and set(ALLOWED) == set(Action)


def test_an_answer_in_progress_cannot_be_abandoned():
    m = StateMachine(S.RECORDING)
    assert not m.can(Action.CHOOSE) and m.can(Action.STOP) and not m.can(Action.ANSWER)
    with pytest.raises(InvalidTransition, match="from recording to speaking"):
        m.move(S.SPEAKING)
    m.move(S.PROCESSING)
    assert not m.can(Action.CHOOSE) and not m.can(Action.TYPE) and not m.can(Action.NEXT)
    with pytest.raises(InvalidTransition):
        m.move(S.RECORDING)


def test_a_round_from_prompt_to_feedback_to_the_next():
    m = StateMachine()
    for state in (S.SPEAKING, S.THINKING, S.RECORDING, S.PROCESSING, S.FEEDBACK, S.SPEAKING, S.IDLE, S.PROCESSING,
                  S.FEEDBACK, S.FINISHED):
        m.move(state)
    assert m.can(Action.CHOOSE) and not m.can(Action.RETRY)
    assert StateMachine(S.FEEDBACK).can(Action.RETRY) and StateMachine(S.THINKING).can(Action.REPLAY)
    assert S.IDLE == "idle"             # the page and the Qt signal carry the plain name


def test_the_question_can_be_skipped_while_it_is_read_out_or_thought_about():
    """Walkthrough 11: N was off while the interviewer read the question: skipping took Esc, then N."""
    for state in (S.SPEAKING, S.THINKING, S.IDLE, S.FEEDBACK):
        assert StateMachine(state).can(Action.NEXT), state
    for state in (S.SPEAKING, S.THINKING):        # to the next question (read out), or the end of the round
        m = StateMachine(state)
        m.move(S.FINISHED)
