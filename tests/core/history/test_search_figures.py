"""walk42 1: a figure searched as it was said ("four milliseconds", "twenty thousand", "forty eight") or typed
without its comma ("20000") finds the answer whose transcript writes it "4 milliseconds", "20,000", "48"."""

from __future__ import annotations

import pytest

from voiceprep.core.history import queries, units

SAID = ("Our p99 fell from 4 milliseconds to under 200 microseconds. We moved 20,000 payments a second over "
        "48 partitions, and one person owned the rollout.")
OTHER = "We rebuilt the ledger and cut the batch window from 6 hours to 40 minutes."


@pytest.mark.parametrize("typed", ["four milliseconds", "twenty thousand", "forty eight", "20000",
                                   "forty-eight partitions", "two hundred microseconds", "20,000", "48 partitions",
                                   "Forty Eight"])
def test_a_figure_said_as_words_or_without_its_comma_finds_the_answer(history, save, typed):
    mine, other = save(SAID), save(OTHER)
    assert [r["id"] for r in queries.list_attempts(history, text=typed)] == [mine], typed
    assert [r["id"] for r in queries.search(history, typed)] == [mine], typed
    assert other != mine


SEAMED = "The decision prevented what would have been around $200 ,000 a year of revenue loss."


@pytest.mark.parametrize("typed", ["200,000", "200000", "two hundred thousand", "$200,000"])
def test_a_figure_a_window_seam_split_in_a_stored_transcript_is_found_and_marked_whole(history, save, typed):
    """walk60 7: "…around $200 ,000 a year…" (a transcription window's seam in the figure, stored before the seam was
    joined) was not found by "200,000", "200000" nor "two hundred thousand"; "$200,000" marked it "$[200 ,000]"."""
    mine, other = save(SEAMED), save(OTHER)
    assert [r["id"] for r in queries.list_attempts(history, text=typed)] == [mine], typed
    found = queries.search(history, typed)
    assert [r["id"] for r in found] == [mine], typed
    assert "$[200,000] a year" in found[0]["snippet"], found[0]["snippet"]
    assert other != mine


def test_a_figure_searched_marks_the_words_it_found():
    words = SAID.split()
    found = {words[i] for i in queries.searched_words(words, "twenty thousand")}
    assert found == {"20,000"}
    found = {words[i] for i in queries.searched_words(words, "four milliseconds")}
    assert found == {"4", "milliseconds"}


def test_a_different_figure_is_not_found(history, save):
    save(SAID)
    for typed in ("forty nine", "twenty one thousand", "five milliseconds", "21000"):
        assert queries.list_attempts(history, text=typed) == [], typed


def test_number_words_that_are_no_figure_are_searched_as_words(history, save):
    """"one" stays a word, as the judge reads it; "and" only joins a figure between number words."""
    mine = save(SAID)
    assert [r["id"] for r in queries.list_attempts(history, text="one person")] == [mine]
    assert queries.fts_terms("one") == ['"one"']
    assert queries.fts_terms("forty and")[0] == '(("forty" OR "40") OR "40"*)'
    assert queries.fts_terms("forty eight") == ['(("forty eight" OR "48") OR "48"*)']
    assert queries.fts_terms("twenty thousand") == [
        '(("twenty thousand" OR "20000" OR "20 000" OR "20 thousand" OR "20k") OR "20000"*)']


def test_a_and_single_are_searched_as_words_not_as_the_figure_1(history, save):
    """fixBB: "a"/"an"/"single" are no figure in a search (the judge reads "single" as a point's 1 only before the
    point's own word): "a single writer" finds the answer that says it, not one with "1 writer" or "one writer", and
    "1 writer" finds those and not "a single writer"."""
    single = save("We kept a single writer thread on the order book.")
    one = save("We kept 1 writer thread on the order book, and one writer was enough.")
    assert queries.fts_terms("a single writer")[:2] == ['("a" OR "asingle")', '("single" OR "asingle" OR "singlewriter")']
    assert [r["id"] for r in queries.list_attempts(history, text="a single writer")] == [single]
    assert [r["id"] for r in queries.list_attempts(history, text="1 writer")] == [one]
    assert queries.figure_spellings(["a"]) == queries.figure_spellings(["single"]) == []


PERCENT = "We cut p99 latency by 48% and served 20,000 merchants."


@pytest.mark.parametrize("typed", ["forty eight percent", "48 percent", "48 per cent", "Forty-eight percent",
                                   "48%", "forty eight"])
def test_a_percentage_searched_as_said_finds_the_figure_written_with_a_percent_sign(history, save, typed):
    """review34 finding 9: the transcript writes "48%" and the index drops the "%", so "forty eight percent" and
    "48 percent" asked for "48" and "percent" and found nothing. A "percent" right after a figure is read with it."""
    mine = save(PERCENT)
    save(OTHER)
    assert [r["id"] for r in queries.list_attempts(history, text=typed)] == [mine], typed
    assert [r["id"] for r in queries.search(history, typed)] == [mine], typed


def test_a_different_percentage_or_percent_alone_is_not_found(history, save):
    save(PERCENT)
    for typed in ("forty nine percent", "49 percent", "percent"):
        assert queries.list_attempts(history, text=typed) == [], typed


@pytest.mark.parametrize("typed, terms", [
    ('48 percent growth', [
        '("48 percent" OR "48 per cent" OR "forty eight percent" OR "forty eight per cent" OR "48")',
        '("growth" OR "percentgrowth")',
    ]),
    ('cut 48 per cent growth', [
        '("cut" OR "cut48")',
        '("48 percent" OR "48 per cent" OR "forty eight percent" OR "forty eight per cent" OR "48")',
        '("growth" OR "centgrowth")',
    ]),
    ('latency 48 % growth', [
        '("latency" OR "latency48")',
        '("48 percent" OR "48 per cent" OR "forty eight percent" OR "forty eight per cent" OR "48")',
        '"growth"',
    ]),
    ('forty eight growth', [
        '(NEAR("forty eight" "growth", 3) OR NEAR("48" "growth", 3) OR "48growth")',
    ]),
    ('3ms p99', [                                   # mend36: a unit glued to its figure is that figure and unit
        # fixCR: and its other spellings, "msec", "millisecond"
        '(NEAR("3" "ms", 3) OR NEAR("3" "msec", 3) OR NEAR("3" "millisecond", 3) OR NEAR("three" "ms", 3) OR '
        'NEAR("three" "msec", 3) OR NEAR("three" "millisecond", 3) OR "3ms" OR "3msec" OR "3millisecond")',
        '("p99" OR "msp99")',
    ]),
    ('90th percentile', [                           # an ordinal is no figure with a unit
        '("90th" OR "90thpercentile")',
        '("percentile" OR "perc entile" OR "perce ntile" OR "percen tile" OR "90thpercentile")',
    ]),
    ('twenty thousand and forty per cent users', [
        ('("twenty thousand and forty percent" OR "twenty thousand and forty per cent" OR "20040 percent" OR "20040 per cent" OR '
         '"twenty thousand forty percent" OR "twenty thousand forty per cent" OR "20 040 percent" OR '
         '"20 040 per cent" OR "20040")'),
        '("users" OR "centusers")',
    ]),
    ('one two three percent', [
        '("one" OR "onetwo")',
        '(("two" OR "2") OR "2"*)',
        '("three percent" OR "three per cent" OR "3 percent" OR "3 per cent" OR "3")',
    ]),
    ('growth percent rate', [
        '("growth" OR "growthpercent")',
        '("percent" OR "growthpercent" OR "percentrate")',
        '("rate" OR "percentrate")',
    ]),
    ('"48" percent', [
        '"48"',
        '"percent"',
    ]),
    ('48 "percent"', [
        '(("48" OR "forty eight") OR "48"*)',
        '"percent"',
    ]),
    ('48 per', [
        '(("48" OR "forty eight") OR "48"*)',
        '("per" OR "48per")',
    ]),
])
def test_the_terms_a_typed_search_asks_for(typed, terms):
    """The exact terms (fixBE: a whole number also as its prefix, narrowed by figure_checks to it glued to a unit,
    "3ms"): a figure takes the "percent" typed right after it (not a quoted one, nor one after a word) and
    is asked as said or in digits; a word after a figure is its unit, near it (fixAR; in order, as figure_checks
    asks), or glued to it ("3ms", mend36); the word after them is also tried joined to the last word typed before it,
    as for any two typed words."""
    assert queries.fts_terms(typed) == terms

PARTITIONS = "We sharded the ledger over 48 partitions and kept the p99 under 20 ms."
SAID_IN_WORDS = "Typed out: we cut the error rate by forty-eight percent in a quarter."
HUNDREDS = "Throughput rose 148% after the rewrite."


@pytest.mark.parametrize("typed", ["48 percent", "48%", "48 per cent", "forty eight percent"])
def test_a_percentage_finds_only_that_figure_as_a_percentage(history, save, typed):
    """fixAR: "48 percent" found "48 partitions" (the index holds "48%" as "48", so the figure alone was asked for),
    and digits did not find a figure said in words. A percentage finds "48%" and "forty-eight percent", not another
    48 nor 148%."""
    percent, words = save(PERCENT), save(SAID_IN_WORDS)
    save(PARTITIONS)
    save(HUNDREDS)
    assert {r["id"] for r in queries.list_attempts(history, text=typed)} == {percent, words}, typed
    assert {r["id"] for r in queries.search(history, typed)} == {percent, words}, typed


def test_a_figure_with_a_unit_finds_that_figure_with_that_unit(history, save):
    percent, partitions, words = save(PERCENT), save(PARTITIONS), save(SAID_IN_WORDS)
    for typed in ("48 partitions", "forty eight partitions", "48 partition"):
        assert [r["id"] for r in queries.list_attempts(history, text=typed)] == [partitions], typed
    # a plain figure is every one of them, written in digits or said in words
    for typed in ("48", "forty eight", "forty-eight"):
        assert {r["id"] for r in queries.list_attempts(history, text=typed)} == {percent, partitions, words}, typed


def test_one_alone_is_no_figure_but_one_with_a_unit_is(history, save):
    """"1" does not find every "one of us"; "1 person" finds "one person"."""
    mine = save(SAID)                                    # "...and one person owned the rollout."
    assert queries.list_attempts(history, text="1") == []
    assert [r["id"] for r in queries.list_attempts(history, text="1 person")] == [mine]


def test_a_percentage_marks_the_figure_written_with_its_sign_not_another_48():
    words = (PERCENT + " " + PARTITIONS).split()
    assert {words[i] for i in queries.searched_words(words, "48 percent")} == {"48%"}
    words = SAID_IN_WORDS.split()
    assert {words[i] for i in queries.searched_words(words, "48%")} == {"forty-eight", "percent"}


def test_number_words():
    assert [queries.number_words(n) for n in ("48", "105", "20000", "4.5", "0")] == [
        "forty eight", "one hundred five", "twenty thousand", "four point five", "zero"]


# What faster-whisper wrote for espeak-ng saying "We cut the error rate by forty eight percent, over forty eight
# partitions, and one point five percent of payments retried." (fixAR, `voiceprep say` then `voiceprep transcribe`)
WHISPERED = "We cut the air rate by 48% over 48 partitions and 1.5% of payments retried."


def test_a_percentage_said_finds_whispers_percent_sign_and_a_unit_its_own_figure(history, save):
    mine = save(WHISPERED)
    other = save("Retries fell to 48 a day over 2 partitions; 15% of calls were cached.")
    for typed in ("forty eight percent", "1.5 percent", "one point five percent", "48 partitions", "1.5%"):
        assert [r["id"] for r in queries.list_attempts(history, text=typed)] == [mine], typed
    assert {r["id"] for r in queries.list_attempts(history, text="48")} == {mine, other}
    assert [r["id"] for r in queries.list_attempts(history, text="15 percent")] == [other]     # not "1.5%"
    assert [r["id"] for r in queries.list_attempts(history, text="2 partitions")] == [other]


def test_a_long_pasted_run_of_number_words_is_searched_promptly_word_by_word():
    """review35a 6: a run of number words that is no figure was tried as a figure from every start to its end
    ("forty" x 400 took 4.5 s, x 2000 did not finish in 100 s). A figure is read from MAX_FIGURE_WORDS words at most,
    so 5,000 pasted words give their terms at once (the bound is generous: a loaded machine), the longest figure
    number_words says is still one figure, and a figure after the run is still found."""
    import time

    start = time.monotonic()
    terms = queries.fts_terms("forty " * 5000 + "and forty eight")
    assert time.monotonic() - start < 10
    assert terms[:5000] == ['(("forty" OR "40") OR "40"*)'] * 5000
    assert terms[-1] == '(("forty eight" OR "48") OR "48"*)'
    longest = str(queries.number_words("999999999999")).replace("hundred", "hundred and")       # 23 words
    assert len(longest.split()) <= queries.MAX_FIGURE_WORDS
    [term] = queries.fts_terms(longest)
    assert term.startswith(f'(("{longest}" OR "999999999999" OR ')


@pytest.mark.parametrize("typed", ["250", "250 servers", "1050"])
def test_a_figure_typed_as_digits_finds_it_said_with_and(history, save, typed):
    """review35b: "250" found "two hundred fifty" only, not a typed answer's "two hundred and fifty" (British)."""
    mine = save("We ran two hundred and fifty servers and one thousand and fifty jobs.")
    save(OTHER)
    assert [r["id"] for r in queries.list_attempts(history, text=typed)] == [mine], typed
    assert [r["id"] for r in queries.search(history, typed)] == [mine], typed


KAFKA = "We spread the topic over 48 Kafka partitions and kept p99 under 3ms."
NOT_KAFKA = ("We had 12 partitions, 48 hours later none. Then 48% of partitions lagged, 48.5 Kafka partitions is no "
             "figure, we had 48. Kafka partitions came later, 48 thousand partitions, 30ms and 13 ms.")


@pytest.mark.parametrize("typed", ["48 partitions", "forty eight partitions", "48 partition", "3ms", "3 ms",
                                   "three ms", "3MS"])
def test_a_word_between_a_figure_and_its_unit_or_a_unit_glued_to_it_is_found(history, save, typed):
    """mend36: "48 partitions" did not find "48 Kafka partitions" (a word between figure and unit), "3ms" was not
    read as a figure (one word, found only as typed), and "3 ms" did not find "3ms"."""
    mine = save(KAFKA)
    save(NOT_KAFKA)
    save(OTHER)
    assert [r["id"] for r in queries.list_attempts(history, text=typed)] == [mine], typed
    assert [r["id"] for r in queries.search(history, typed)] == [mine], typed


def test_a_figure_and_unit_are_not_found_out_of_order_as_a_percentage_or_inside_another_figure(history, save):
    """No false finds: the unit before the figure ("12 partitions, 48 hours"), a percentage ("48% of partitions"), a
    decimal ("48.5 Kafka partitions"), another sentence ("48. Kafka partitions"), a larger figure ("48 thousand
    partitions", "30ms", "13 ms" for "3ms")."""
    save(NOT_KAFKA)
    for typed in ("48 partitions", "3ms", "3 ms", "forty eight partitions"):
        assert queries.list_attempts(history, text=typed) == [], typed
        assert queries.search(history, typed) == [], typed


def test_a_percentage_still_does_not_find_a_figure_with_a_word_and_a_unit(history, save):
    save(KAFKA)
    for typed in ("48 percent", "48%", "forty eight per cent"):
        assert queries.list_attempts(history, text=typed) == [], typed


def test_a_figure_with_a_word_before_its_unit_marks_the_figure_and_the_unit():
    words = KAFKA.split()
    assert {words[i] for i in queries.searched_words(words, "48 partitions")} == {"48", "partitions"}
    assert {words[i] for i in queries.searched_words(words, "3 ms")} == {"3ms."}


@pytest.mark.parametrize("text, said", [
    ("48 Kafka partitions", True), ("48 partitions", True), ("48-Kafka partitions", True), ("48 kafka-partitions", True),
    ("forty eight Kafka partitions", True), ("48partitions", True), ("partitions 48", False), ("48, Kafka partitions", False),
    ("48 of partitions", False), ("48 two partitions", False), ("48 very big partitions", False), ("148 partitions", False),
    ("1.48 partitions", False), ("48,000 partitions", False), ("48% partitions", False), ("48 percent partitions", False),
])
def test_says_a_figure_then_its_unit(text, said):
    from voiceprep.core.history import units

    assert units.says(text, ["48", "forty eight"], "partitions") is said


def test_a_bare_figure_finds_it_glued_to_its_unit(history, save):
    """fixBE (review36a 9): "3" found "3 ms" but not "3ms", though "3ms" and "3 ms" find each other; not "30ms",
    "13ms", nor an ordinal ("3rd")."""
    glued = save("We kept p99 under 3ms after the rewrite.")
    spaced = save("We kept p99 under 3 ms after the rewrite.")
    save("We kept p99 under 30ms, then 13ms; the 3rd try worked.")
    for typed in ("3", "three"):
        assert sorted(r["id"] for r in queries.list_attempts(history, text=typed)) == sorted([glued, spaced]), typed
        assert sorted(r["id"] for r in queries.search(history, typed)) == sorted([glued, spaced]), typed
    words = ["under", "30ms,", "then", "3ms."]
    assert {words[i] for i in queries.searched_words(words, "3")} == {"3ms."}


def test_a_figure_and_unit_mark_only_the_words_said_in_order():
    """fixBE (review36a 10): "48 partitions" in "We had 12 partitions, 48 hours later" marked "partitions," and
    "48" (the index's NEAR has no order); only a figure then its unit is marked."""
    words = ["We", "had", "12", "partitions,", "48", "hours", "later", "and", "then", "48", "Kafka", "partitions."]
    assert sorted(queries.searched_words(words, "48 partitions")) == [9, 11]
    assert queries.searched_words(["We", "had", "12", "partitions,", "48", "hours", "later"], "48 partitions") == set()


def test_found_in_asks_a_figure_and_unit_in_order(history, save):
    """fixBE (review36a 10): the note "12 partitions, 48 hours" is no place "48 partitions" was found."""
    mine = save("We spread the topic over 48 Kafka partitions.")
    history.db.conn.execute("UPDATE attempts SET note = ? WHERE id = ?", ["12 partitions, 48 hours to move", mine])
    history.db.conn.commit()
    [row] = queries.search(history, "48 partitions")
    assert row["found_in"] == ["transcript"]


def test_found_in_a_whole_number_is_not_found_in_a_larger_glued_one(history, save):
    """fixBE: "3" is found in "3ms", not in a note's "30ms" (the index asks the prefix "3")."""
    mine = save("We kept p99 under 3ms.")
    history.db.conn.execute("UPDATE attempts SET note = ? WHERE id = ?", ["it was 30ms before", mine])
    history.db.conn.commit()
    [row] = queries.search(history, "3")
    assert row["found_in"] == ["transcript"]


def test_a_snippet_brackets_what_the_search_matched_not_a_larger_figure_or_a_figure_out_of_order(history, save):
    """fixBK: the snippet's [brackets] came from the index's unordered NEAR and the prefix "3"*: "3" bracketed
    "30ms", "48 partitions" the "48" of "48 hours"."""
    mine = save("Before it was 30ms and 13ms, after the rewrite p99 stayed under 3ms.")
    [row] = queries.search(history, "3")
    assert row["id"] == mine and "[3ms]" in row["snippet"] and "[30ms]" not in row["snippet"], row["snippet"]
    assert "[" not in row["snippet"].replace("[3ms]", ""), row["snippet"]
    other = save("We had 12 partitions, 48 hours later 48 Kafka partitions.")
    [row] = queries.search(history, "48 partitions")
    assert row["id"] == other and row["snippet"].endswith("later [48] Kafka [partitions].")
    assert "12 partitions, 48 hours" in row["snippet"], row["snippet"]
    assert queries.snippet("a ring buffer and a ring", "ring buffer") == "a [ring] [buffer] and a [ring]"
    long = " ".join(f"w{i}" for i in range(30)) + " a ring buffer, " + " ".join(f"v{i}" for i in range(30))
    assert queries.snippet(long, "ring buffer") == "…w29 a [ring] [buffer], v0 v1 v2 v3 v4 v5 v6 v7…"


def test_full_width_digits_typed_with_an_ime_are_searched_as_digits(history, save):
    """fixBK: "３ms" (typed with an IME) found nothing: the search is NFKC-folded."""
    mine = save("We kept p99 under 3ms after the rewrite, over 48 partitions.")
    for typed in ("３ms", "３", "４８ partitions", "４８ ｐａｒｔｉｔｉｏｎｓ"):
        assert [r["id"] for r in queries.search(history, typed)] == [mine], typed
        assert [r["id"] for r in queries.list_attempts(history, text=typed)] == [mine], typed
    words = ["under", "3ms", "over", "48", "partitions."]
    assert {words[i] for i in queries.searched_words(words, "４８ partitions")} == {"48", "partitions."}
    assert queries.searched_words(["under", "３ms"], "3") == {1}


def test_a_search_with_no_word_is_told_to_type_one():
    """fixBK: `history search ""` said "No answer matches"; "３" is a word, "%" and '""' are none."""
    assert not queries.has_words("") and not queries.has_words('""') and not queries.has_words(" % - ")
    assert queries.has_words("３") and queries.has_words("ring")


@pytest.mark.parametrize(("text", "said"), [
    ("two day-shift nurses called out", True),           # a compound between is one word (fixBK)
    ("four front-page splashes", True),
    ("48 Kafka partitions", True),
    ("48 Kafka topic partitions", False),                # two words between: measured, not found (settings.FIGURE_WORDS_BETWEEN)
    ("three-node Postgres cluster", False),              # "three" counts the nodes
    ("two-week lead time", False),
])
def test_a_hyphened_compound_between_a_figure_and_its_unit_is_one_word(text, said):
    unit = text.split()[-1] if text.split()[-1] not in ("out",) else "nurses"
    unit = {"two-week lead time": "times", "three-node Postgres cluster": "clusters"}.get(text, unit)
    assert units.says(text, [text.split()[0].split("-")[0]], unit) is said, (text, unit)


def test_a_figure_and_its_unit_with_a_compound_between_are_found(history, save):
    mine = save("We were two day-shift nurses short on the ward that week.")
    assert [r["id"] for r in queries.search(history, "two nurses")] == [mine]


def test_a_percentage_written_with_a_space_before_its_sign_is_bracketed_where_found(history, save):
    """review37b: "48 %" is found by "48%" (the search's check reads "48 %" too) but its snippet and the detail's
    marks showed nothing found."""
    mine = save("We reached 48 % of partitions by spring.")
    for typed in ("48%", "48 percent"):
        [row] = queries.search(history, typed)
        assert row["id"] == mine and "[48 %]" in row["snippet"], (typed, row["snippet"])
    words = ["reached", "48", "%", "of"]
    assert queries.searched_words(words, "48%") == {1, 2}
    assert queries.snippet("we had 148 % more", "48%") == "we had 148 % more"


def test_a_word_typed_full_width_still_finds_it_written_full_width(history, save):
    """review37b: the search is NFKC-folded (fixBK) but the index is not: "ｋａｆｋａ" typed with an IME found the answer
    saying "ｋａｆｋａ" before fixBK and nothing after. It finds both spellings, and is bracketed."""
    wide, narrow = save("The ｋａｆｋａ cluster was slow."), save("The kafka cluster was slow.")
    rows = queries.search(history, "ｋａｆｋａ")
    assert sorted(r["id"] for r in rows) == sorted([wide, narrow])
    assert all("ａ]" in r["snippet"] or "[kafka]" in r["snippet"] for r in rows), [r["snippet"] for r in rows]
    assert [r["id"] for r in queries.list_attempts(history, text='"ｋａｆｋａ cluster"')] in ([wide, narrow], [narrow, wide])


def test_text_written_full_width_is_found_as_typed_half_width(history, save):
    """fixBQ: the index held what was written unfolded: a note or answer written "３ms" or "ｋａｆｋａ" was found by
    neither "3ms" nor "kafka" (the search is NFKC-folded, fixBK). The index is folded too (schema 9)."""
    mine = save("We kept p99 under ３ms with ｋａｆｋａ and ４８％ of partitions.")
    other = save("We kept p99 under 30ms with rabbit.")
    history.set_note(other, "next time say ３ms", None)
    for typed in ("3ms", "３ms", "kafka", "ｋａｆｋａ", "48%", "48 percent"):
        assert [r["id"] for r in queries.search(history, typed)][:1] == [mine], typed
        assert mine in [r["id"] for r in queries.list_attempts(history, text=typed)], typed
    [row] = [r for r in queries.search(history, "3ms") if r["id"] == other]
    assert row["found_in"] == ["note"] and "[３ms]" in row["snippet"], row
    history.set_note(other, "nothing here", None)          # the index follows a note changed (the update trigger)
    assert [r["id"] for r in queries.search(history, "3ms")] == [mine]
