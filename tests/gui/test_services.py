"""The window's services: a model chosen in Settings is the one the next answer uses."""

from __future__ import annotations


def test_a_model_changed_in_settings_is_a_new_transcriber_that_waits_for_the_one_it_replaces(services):
    """fixBJ: Settings changes the transcription settings in place, and the transcriber held that very object, so
    a model chosen in Settings was never loaded until a restart. The next answer gets a new one, loaded once the old
    one's passes are done (review36b 7); beam and the like do not make a new model."""
    old = services.transcriber()
    services.settings.transcription.beam_size += 1
    assert services.transcriber() is old and not services.finishing_cancelled()
    services.settings.transcription.cpu_threads = 1                   # as Settings' Save does: in place
    new = services.transcriber()
    assert new is not old and new._replaces is old and new._model is None
    assert services.transcriber() is new                              # made once
