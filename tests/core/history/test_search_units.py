"""fixCR (walk54): a figure with its unit is found however the unit was written, both ways: "7ms", "7 ms", "7 msec",
"7 milliseconds", "seven milliseconds"; "3s", "3 sec", "three seconds", "one second"; "20k", "20 thousand", "20,000",
"twenty thousand"; "7%", "7 percent", "seven per cent". Unrelated words stay apart ("90s", a decade, is no "90
seconds" nor "90 s"; "7ms" no "7 minutes"); "90s" typed glued is searched as both. Through the real SQLite file; a row
written before (by a shell, on an older schema) is found too: the spellings are read at query time, no index is
rewritten."""

from __future__ import annotations

import sqlite3

import pytest

from tests.core.history.test_store import old_history
from voiceprep.core.history import History, queries

MS = ["7ms", "7 ms", "7 msec", "7 milliseconds", "seven milliseconds", "seven ms", "Seven Milliseconds"]
SECONDS = ["3s", "3 s", "3 sec", "3 secs", "3 seconds", "three seconds", "three sec"]
ONE_SECOND = ["1s", "1 second", "one second", "one sec"]
THOUSAND = ["20k", "20K", "20 thousand", "20,000", "20000", "twenty thousand"]
PERCENT = ["7%", "7 percent", "seven percent", "seven per cent"]
TWELVE = ["12ms", "twelve milliseconds", "12 milliseconds"]


def _pairs(forms: list[str]) -> list[tuple[str, str]]:
    return [(said, typed) for said in forms for typed in forms]


@pytest.mark.parametrize(("said", "typed"), _pairs(MS) + _pairs(SECONDS) + _pairs(ONE_SECOND) + _pairs(THOUSAND)
                         + _pairs(PERCENT) + _pairs(TWELVE))
def test_a_figure_and_its_unit_find_each_other_however_either_is_written(history, save, said, typed):
    mine = save(f"Our p99 was {said} after the change, and the team of nine stayed.")
    save("We cut the batch window from 6 hours to 40 minutes with two people.")       # not found: not listed
    assert [r["id"] for r in queries.search(history, typed)] == [mine], (said, typed)
    assert [r["id"] for r in queries.list_attempts(history, text=typed)] == [mine], (said, typed)


@pytest.mark.parametrize(("said", "typed"), [
    ("p99 was 7 minutes", "7ms"), ("p99 was 7 milliseconds", "7 minutes"), ("p99 was 7 milliseconds", "8ms"),
    ("it took 17 milliseconds", "7ms"), ("it took 7 seconds", "7ms"), ("it took 7 milliseconds", "7 seconds"),
    ("back in the 90s we ran it on one box", "90 seconds"), ("back in the 90s we ran it on one box", "90 s"),
    ("we had 20 servers", "20k"), ("we had 20k servers", "20 servers"),
    ("one of us stayed for a second look", "one second"), ("we moved 20,000 payments", "2k"),
    ("we moved 7 percent of traffic", "7ms"), ("it's 7 s", "7 minutes"),
    # fixCR noticed: "20k" is 20000 now, so a bare "20" no longer finds it; seconds typed find no decade
    ("we had 20k servers", "20"), ("we had 20K servers", "20"), ("we moved 30k payments", "30"),
    ("back in the 90s we ran it on one box", "90 sec"), ("back in the 90s we ran it on one box", "90 seconds"),
])
def test_other_figures_units_and_decades_are_not_found(history, save, said, typed):
    save(said)
    assert queries.search(history, typed) == [], (said, typed)
    assert queries.list_attempts(history, text=typed) == [], (said, typed)


@pytest.mark.parametrize(("said", "typed"), [
    ("the failover took 60 seconds", "60 s"), ("the failover took 60 seconds", "60s"), ("it took 30 seconds", "30s"),
    ("it took 10 seconds", "10 s"), ("it took 10 sec", "10 s"), ("back in the 90s we ran it on one box", "90s"),
    ("it took 90 seconds to fail over", "90s"), ("it took 1990 seconds", "1990s"),
])
def test_a_decade_is_one_only_typed_glued_and_then_seconds_too(history, save, said, typed):
    """read41: "60 s" typed apart was read as the decade "60s", so "60 s", "30s", "10 s" never found "60 seconds".
    A decade is typed glued ("90s"), and so typed is searched in both meanings; typed apart it is seconds."""
    mine = save(said)
    save("We cut the batch window from 6 hours to 40 minutes with two people.")
    assert [r["id"] for r in queries.search(history, typed)] == [mine], (said, typed)
    assert [r["id"] for r in queries.list_attempts(history, text=typed)] == [mine], (said, typed)
    words = said.split()
    assert queries.searched_words(words, typed), (said, typed)


@pytest.mark.parametrize(("said", "typed"), [
    ("it took 30s to fail over", "30 seconds"), ("it took 30s to fail over", "thirty seconds"),
    ("it took 30s to fail over", "30 sec"), ("it took 30s to fail over", "30 s"), ("it took 30s to fail over", "30s"),
    ("we waited 90s, then retried", "90 seconds"), ("a 60s timeout", "60 seconds"),
])
def test_seconds_typed_apart_find_seconds_written_glued(history, save, said, typed):
    """mendA noticed: "30s" typed found "it took 30 seconds", but "30 seconds" did not find "it took 30s" (a glued
    "30s" was read as the decade in every text). Both ways now: a glued "30s" in a text is seconds unless it reads
    as a decade there (after "the", "early", "their", an apostrophe, or four digits: "the 90s", "'90s", "1990s")."""
    mine = save(said)
    save("We cut the batch window from 6 hours to 40 minutes with two people.")
    assert [r["id"] for r in queries.search(history, typed)] == [mine], (said, typed)
    assert [r["id"] for r in queries.list_attempts(history, text=typed)] == [mine], (said, typed)
    words = said.split()
    assert [words[i] for i in queries.searched_words(words, typed)] in (["30s"], ["90s,"], ["60s"]), (said, typed)


@pytest.mark.parametrize(("said", "typed"), [
    ("back in the early 90s we ran it on one box", "90 seconds"), ("people in their 30s joined", "30 seconds"),
    ("the '90s were different", "90 s"), ("back in the 1990s we ran it", "1990 seconds"),
    ("in the mid 80s we ran it", "80 sec"),
])
def test_a_decade_written_glued_is_still_no_seconds(history, save, said, typed):
    save(said)
    assert queries.search(history, typed) == [], (said, typed)


@pytest.mark.parametrize(("said", "typed"), [
    ("we moved 1.5k payments", "1"), ("we had 2.5K users", "2"), ("we moved 1.5k payments", "5"),
    ("p99 was 1.5ms", "1"), ("it took 1.5 seconds", "1"), ("it took 1.5 seconds", "5"),
    ("we moved 1,500 payments", "1"), ("we served 20,000 merchants", "20"), ("we served 20,000 merchants", "000"),
])
def test_a_bare_number_does_not_find_a_decimal_or_a_thousands_group_it_begins(history, save, said, typed):
    """fixCY made a bare "20" no longer find "20k"; "1" still found "1.5k" (and "1.5ms", "1,500": the index holds
    "1.5k" as "1" and "5k"). A bare number finds the figure written alone or glued to its unit, no other figure."""
    save(said)
    assert queries.search(history, typed) == [], (said, typed)
    assert queries.list_attempts(history, text=typed) == [], (said, typed)


def test_a_bare_number_marks_the_figure_alone_not_the_decimal_beside_it(history, save):
    said = "we had 1 server and 1.5k users, then 1ms"
    mine = save(said)
    assert [r["id"] for r in queries.search(history, "1")] == [mine]
    words = said.split()
    assert {words[i] for i in queries.searched_words(words, "1")} == {"1", "1ms"}        # not "1.5k"


@pytest.mark.parametrize(("said", "typed"), [
    ("we had 20 servers", "20"), ("p99 was 20ms", "20"), ("back in the 90s we ran it on one box", "the 90s"),
    ("back in the 90s we ran it on one box", "90s"), ("it took 90 s to fail over", "90 seconds"),
])
def test_a_bare_figure_and_a_decade_are_still_found(history, save, said, typed):
    mine = save(said)
    assert [r["id"] for r in queries.search(history, typed)] == [mine], (said, typed)


def test_the_words_found_are_marked_however_the_unit_is_written():
    words = ["p99", "fell", "to", "7", "milliseconds", "and", "then", "3s", "later", "to", "20,000", "requests"]
    assert {words[i] for i in queries.searched_words(words, "7ms")} == {"7", "milliseconds"}
    assert {words[i] for i in queries.searched_words(words, "seven msec")} == {"7", "milliseconds"}
    assert {words[i] for i in queries.searched_words(words, "three seconds")} == {"3s"}
    assert {words[i] for i in queries.searched_words(words, "20k")} == {"20,000"}


def test_a_row_written_before_by_a_shell_is_found_without_rewriting_the_index(tmp_path):
    """An answer stored by an older voiceprep (schema 10) and a note a plain sqlite3 shell wrote while the app had the
    history open: both found by the other spelling, and searching writes nothing."""
    path = tmp_path / "history.sqlite3"
    old_history(path, 10, uid="u1", transcript="our p99 was seven milliseconds at peak").conn.close()
    with History.open(path) as h:
        assert [r["id"] for r in queries.search(h, "7ms")] == [1]
        with sqlite3.connect(path) as shell:
            shell.execute("INSERT INTO attempts (bank_hash, bank_id, prompt_id, prompt_text, started_at, state, uid, "
                          "transcript, note) VALUES ('h1', 'b', 'p', 'Why?', '2026-01-02T00:00:00', 'done', 'u2', "
                          "'we served 20 thousand merchants', 'say 3 secs, not three seconds')")
        shell.close()
        assert [r["id"] for r in queries.search(h, "20k merchants")] == [2]
        assert [r["id"] for r in queries.search(h, "3s")] == [2]
        changes = h.db.conn.total_changes
        assert [r["id"] for r in queries.search(h, "7 msec")] == [1] and h.db.conn.total_changes == changes


def test_a_unit_search_works_out_the_units_spellings_once_not_per_row(history, save, monkeypatch):
    """A figure with its unit is checked in order on each row the index found (units.spans); the unit's spellings
    were worked out again for every row (~0.8 s a unit search over 10,000 answers, bench/history_scale.py). Now once
    per query: as many times for 12 rows as for 2."""
    from voiceprep.core.history import units

    calls: list[str] = []
    real = units.spellings
    monkeypatch.setattr(units, "spellings", lambda unit: calls.append(unit) or real(unit))

    def counted(typed: str) -> int:
        calls.clear()
        for cached in (getattr(units, "_asked", None), getattr(queries, "_terms_of", None)):    # as a new search
            getattr(cached, "cache_clear", lambda: None)()
        queries.search(history, typed)
        return len(calls)
    for _ in range(2):
        save("We spread the load over 48 Kafka partitions and it held.")
    few = counted("48 partitions")
    assert few > 0                                   # else both counts 0 would pass: the spellings asked at all
    for _ in range(10):
        save("We spread the load over 48 Kafka partitions and it held.")
    assert len(queries.search(history, "48 partitions")) == 12
    assert counted("48 partitions") == few


@pytest.mark.parametrize(("said", "typed"), [
    ("we raised the 30s timeout to a minute", "30 seconds"), ("we raised our 60s limit twice", "60 sec"),
])
def test_seconds_written_glued_after_the_are_seconds_when_a_noun_follows(history, save, said, typed):
    """read42a 3: "the 30s timeout" was read as a decade ("the" before it). After "the" and the possessives a glued
    "30s" is a decade only when no noun follows it (the end, punctuation, "and", "when", "we" ...)."""
    mine = save(said)
    assert [r["id"] for r in queries.search(history, typed)] == [mine], (said, typed)


@pytest.mark.parametrize(("said", "typed"), [
    ("in the 70s and 80s we ran mainframes", "70 seconds"), ("in the 70s and 80s we ran mainframes", "80 seconds"),
    ("it was like that in the 90s.", "90 s"), ("in the 90s, when it started", "90 seconds"),
])
def test_decades_after_the_stay_decades(history, save, said, typed):
    save(said)
    assert queries.search(history, typed) == [], (said, typed)


@pytest.mark.parametrize(("said", "typed"), [
    ("we had twenty five servers", "20"), ("we served twenty thousand merchants", "20"),
    ("there were thirty three people", "3"), ("we stored 1,000,000 rows", "1000"),
    ("two hundred and fifty people", "200"),
])
def test_a_bare_number_does_not_find_a_spelt_figure_it_is_part_of(history, save, said, typed):
    """read42a 4: the bare-number rule applied only to digits: "20" found "twenty five" and "twenty thousand", "3"
    "thirty three", "1000" "1,000,000" (by "1 000"). A spelt hit is read as the judge's reader reads the figure."""
    save(said)
    assert queries.search(history, typed) == [], (said, typed)
    assert queries.list_attempts(history, text=typed) == [], (said, typed)


@pytest.mark.parametrize(("said", "typed"), [
    ("we had twenty servers", "20"), ("there were three of us", "3"), ("we stored 1,000 rows", "1000"),
    ("we stored one thousand rows", "1000"), ("we served twenty thousand merchants", "20000"),
])
def test_a_bare_number_still_finds_its_own_spelt_figure(history, save, said, typed):
    mine = save(said)
    assert [r["id"] for r in queries.search(history, typed)] == [mine], (said, typed)
    assert [r["id"] for r in queries.list_attempts(history, text=typed)] == [mine], (said, typed)


@pytest.mark.parametrize(("said", "typed", "marked"), [
    ("we had twenty five servers and twenty more later", "20", ["twenty"]),
    ("we had twenty five servers", "20", []), ("we served twenty thousand merchants", "20", []),
    ("there were thirty three people and three of us", "3", ["three"]),
    ("we had 20 servers and twenty more, then 20ms", "20", ["20", "twenty", "20ms"]),
    ("we served twenty thousand merchants", "20000", ["twenty", "thousand"]),
    ("we served 20k merchants", "20000", ["20k"]), ("we had 1 server and 1.5k users, then 1ms", "1", ["1", "1ms"]),
    # read43b 5: the judge's reader gives every figure of a run of number words the run's first word ("twenty and
    # thirty" is 20, "and", 30, all of "twenty"): each figure is marked on its own words
    ("we had between twenty and thirty servers", "20", ["twenty"]),
    ("we had between twenty and thirty servers", "30", ["thirty"]),
    ("between five and ten nurses", "10", ["ten"]), ("one hundred and fifty and twenty more", "20", ["twenty"]),
    ("one hundred and fifty and twenty more", "150", ["one", "hundred", "and", "fifty"]),
    ("we had twenty, thirty servers", "30", ["thirty"]),
])
def test_a_bare_number_is_marked_where_the_search_found_it_and_nowhere_else(history, save, said, typed, marked):
    """mendF (review read42): the filter read a spelt figure as the judge's reader does ("twenty" of "twenty five" is
    no 20: read42a 4), the marks by the index's words, so History marked "twenty" inside "twenty five". One reader
    (units.figure_spans) says whether a text says a figure and where: the row is listed exactly when a word is
    marked, and those words are marked."""
    mine = save(said)
    words = said.split()
    assert [words[i].strip(",") for i in sorted(queries.searched_words(words, typed))] == marked, (said, typed)
    assert [r["id"] for r in queries.search(history, typed)] == ([mine] if marked else []), (said, typed)
    assert [r["id"] for r in queries.list_attempts(history, text=typed)] == ([mine] if marked else []), (said, typed)


@pytest.mark.parametrize("typed", ["the 90s", "the early 90s", "in the 90s", "the 1990s"])
def test_a_search_that_reads_as_a_decade_lists_no_seconds(history, save, typed):
    """mendF (review read42): "the 90s" listed a "90 seconds" answer first (a glued "90s" typed is searched in both
    meanings, mendA, and the seconds answer ranked higher). Typed with the words that make a text's "90s" a decade
    ("the", "early", a possessive, four digits: units.decade), the search is for the decade alone; "90s" alone is
    still both. read43b 3: the seconds answer holds every other word searched ("in", "the", "early"; 1990 seconds for
    "the 1990s"), so only reading the search as a decade leaves it out."""
    decade = save(f"back {'' if typed.startswith('in ') else 'in '}{typed} we ran it on one box")
    figure = "1990" if "1990" in typed else "90"
    save(f"in the early days it took {figure} seconds to fail over")              # newer, and ranked first before
    assert [r["id"] for r in queries.search(history, typed)] == [decade], typed
    assert [r["id"] for r in queries.list_attempts(history, text=typed)] == [decade], typed
    if typed == "the 90s":
        assert len(queries.search(history, "90s")) == 2                          # mendA: typed alone, both meanings


def test_two_decades_typed_are_both_searched_as_decades(history, save):
    """read43b 4: "the 70s and 80s" typed read only the 70s as a decade: the words around the 80s were put back
    together from the typed pieces as "the 70 s and", and a decade after "and" needs its "s" glued ("70s and")."""
    decades = save("in the 70s and 80s we ran mainframes")
    save("in the 70s and later the failover took 80 seconds")
    assert [r["id"] for r in queries.search(history, "the 70s and 80s")] == [decades]
    assert [r["id"] for r in queries.list_attempts(history, text="the 70s and 80s")] == [decades]
    assert len(queries.search(history, "70s and 80s")) == 2       # no word that makes it a decade: both meanings


@pytest.mark.parametrize(("said", "decade"), [
    ("the 90s boom changed how we hired", True), ("her 30s career break taught her a lot", True),
    ("in the 90s, when it started", True), ("we raised the 30s timeout to a minute", False),
    ("we raised our 60s limit twice", False), ("the 30s delay was gone", False),
    # read43b 1: the thing measured in time may come a word or two later ("the 30s connection timeout"); a word that
    # names no duration of its own ("job", "startup") leaves a decade a decade; no further than the phrase goes
    ("we raised the 30s connection timeout to a minute", False), ("our 60s idle timeout dropped them", False),
    ("the 30s health check failed twice", False), ("we hit the 30s hard limit", False),
    ("my 20s job hunting was slow", True), ("the 90s startup scene was wild", True),
    ("in the 90s we had no timeout at all", True), ("in the 90s people waited for builds", True),
    ("the 90s, timeouts aside, were calm", True),
    # mendJ: a duration named by a compound whose head is a noun of time itself ("build time", "load times",
    # "session length") is seconds; the bare noun right after the figure may be the sentence's own ("in the 90s time
    # flew", "the 90s length of a song"), and the compound's first word alone names none ("the 90s build scene")
    ("we cut the 30s build time in half", False), ("our 60s page load times were the problem", False),
    ("the 30s session length was too short", False), ("the 30s test run time doubled", False),
    ("the 30s spin-up time hurt", False),
    ("in the 90s time flew by", True), ("the 90s build scene was small", True), ("the 90s length of a song", True),
    # mendL (mendJ noticed): after a person's possessive, "free time", "spare time" is a time of a life: "my 20s" is an
    # age; a compound of a thing measured is still seconds after one ("our 60s page load times", "my 30s build time")
    ("my 20s free time went on side projects", True), ("her 20s spare time was spent climbing", True),
    ("our 20s free time was short", True), ("their 20s leisure time", True),
    ("my 30s build time was the slowest on the team", False), ("their 60s session length was too short", False),
])
def test_after_the_a_glued_figure_is_seconds_only_before_a_thing_measured_in_time(history, save, said, decade):
    """mendF (review read42): "the 90s boom" was read as seconds: after "the" a glued "90s" was a decade only when a
    word of a list of non-nouns followed it (any noun made it seconds). Now it is seconds only when the word after it
    names a thing measured in time ("the 30s timeout", "our 60s limit": units.TIMED_AFTER); else a decade. read43b 1:
    one word read made "the 30s connection timeout" a decade and "my 20s job hunting" seconds: the phrase's next few
    words are read, the words a decade names as readily left out. A search for the seconds lists the one, "the 30s"
    (a decade alone: mendF) the other."""
    mine = save(said)
    figure = said.split("0s")[0].split()[-1] + "0"
    assert [r["id"] for r in queries.search(history, f"{figure} seconds")] == ([] if decade else [mine]), said
    assert [r["id"] for r in queries.search(history, f"{figure} s")] == ([] if decade else [mine]), said
    assert [r["id"] for r in queries.search(history, f"the {figure}s")] == ([mine] if decade else []), said
