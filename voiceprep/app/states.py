"""The rehearsal's states, the moves allowed between them, and what the candidate can do in each: one place.

The controller moves the state; the page only renders it (`can(action)` says which buttons are live).
"""

from __future__ import annotations

import logging
from enum import StrEnum

log = logging.getLogger(__name__)


class RehearsalState(StrEnum):
    IDLE = "idle"                # a prompt is shown; waiting for the candidate
    SPEAKING = "speaking"        # the interviewer voice is talking
    THINKING = "thinking"        # think time counts down; recording starts by itself at zero
    RECORDING = "recording"
    PROCESSING = "processing"    # transcribing, judging, saving
    FEEDBACK = "feedback"
    FINISHED = "finished"        # the round summary is shown


class Action(StrEnum):
    ANSWER = "answer"            # start answering (microphone)
    STOP = "stop"                # stop the answer being recorded
    IMPORT = "import"            # answer from an audio file
    TYPE = "type"                # type the answer
    RETRY = "retry"
    CONTINUE = "continue"        # record more of the answer the silence stop ended: the same attempt
    NEXT = "next"
    REPLAY = "replay"            # hear the prompt again
    CHOOSE = "choose"            # start another round, prompt or drill; change bank or round


S = RehearsalState
_READY = {S.IDLE, S.SPEAKING, S.THINKING, S.FEEDBACK}
TRANSITIONS: dict[RehearsalState, frozenset[RehearsalState]] = {
    S.IDLE: frozenset({S.IDLE, S.SPEAKING, S.THINKING, S.RECORDING, S.PROCESSING, S.FINISHED}),
    S.SPEAKING: frozenset({S.IDLE, S.SPEAKING, S.THINKING, S.RECORDING, S.PROCESSING, S.FEEDBACK, S.FINISHED}),
    S.THINKING: frozenset({S.IDLE, S.SPEAKING, S.THINKING, S.RECORDING, S.PROCESSING, S.FINISHED}),
    S.RECORDING: frozenset({S.PROCESSING, S.IDLE}),
    S.PROCESSING: frozenset({S.FEEDBACK, S.IDLE}),
    S.FEEDBACK: frozenset({S.IDLE, S.SPEAKING, S.THINKING, S.RECORDING, S.PROCESSING, S.FEEDBACK, S.FINISHED}),
    S.FINISHED: frozenset({S.IDLE, S.SPEAKING, S.THINKING, S.FINISHED}),
}
ALLOWED: dict[Action, frozenset[RehearsalState]] = {
    Action.ANSWER: frozenset(_READY),
    Action.STOP: frozenset({S.RECORDING}),
    Action.IMPORT: frozenset(_READY),
    Action.TYPE: frozenset(_READY),
    Action.RETRY: frozenset({S.FEEDBACK}),
    Action.CONTINUE: frozenset({S.FEEDBACK}),
    # also while the question is read out or thought about: skipping took Esc, then N (walkthrough 11)
    Action.NEXT: frozenset({S.FEEDBACK, S.IDLE, S.SPEAKING, S.THINKING}),
    Action.REPLAY: frozenset({S.IDLE, S.FEEDBACK, S.THINKING}),
    Action.CHOOSE: frozenset(set(S) - {S.RECORDING, S.PROCESSING}),   # never lose an answer in progress
}


class InvalidTransition(RuntimeError):
    pass


class StateMachine:
    def __init__(self, state: RehearsalState = S.IDLE):
        self.state = state

    def can_move(self, to: RehearsalState) -> bool:
        return to in TRANSITIONS[self.state]

    def move(self, to: RehearsalState) -> RehearsalState:
        if not self.can_move(to):
            raise InvalidTransition(f"a rehearsal cannot go from {self.state} to {to}")
        self.state = to
        return to

    def can(self, action: Action) -> bool:
        return self.state in ALLOWED[action]
