"""Prep notes to proposed key points (issue 14.3): one per idea, with cues from the idea itself."""

from __future__ import annotations

from tests.core.banks.test_draft import seed
from voiceprep.core.banks.notes import propose_key_points


def test_seed_000_notes_become_one_point_per_idea():
    points = propose_key_points(seed("000"))
    labels = [p.label for p in points]
    assert 10 <= len(points) <= 30
    lmax = next(p for p in points if p.label.startswith("LMAX disruptor"))
    assert "LMAX" in lmax.cues and "disruptor" in lmax.cues
    hoyo = next(p for p in points if "HoYoverse" in p.label)
    assert {"HoYoverse", "Genshin Impact", "{number} countries"} <= set(hoyo.cues)
    assert any("Brazil" in p.cues and "Japan" in p.cues for p in points)
    assert not any(label.endswith("?") for label in labels)                 # questions are prompts, not points
    assert not any("draft: true" in label or "png" in label for label in labels)   # front matter, embeds
    for p in points:
        assert 1 <= len(p.cues) <= 4 and 1 <= p.min_cues <= len(p.cues)


def test_bullets_numbers_and_short_headings():
    notes = "Project experience\n\n- Cut p99 latency by 40% with a ring buffer\n- Led 5 engineers\n* Kafka\n"
    points = propose_key_points(notes)
    assert [p.label for p in points] == ["Cut p99 latency by 40% with a ring buffer", "Led 5 engineers", "Kafka"]
    assert "{number} engineers" in points[1].cues and points[2].cues == ["Kafka"]


def test_empty_notes_propose_nothing():
    assert propose_key_points("") == [] and propose_key_points("---\n\n???\n") == []


def test_decades_stay_words_and_a_number_keeps_its_own_unit():
    """Walkthrough leftover: "technology from the 1970s" (seed 001) proposed the cue "{number} s", shown as "N s" in
    the feedback's cue hints and matched by no answer; "200ms" did too. A decade is a word; a number's cue is the
    word the matcher reads after it, not one past a comma or a table's "|"."""
    from voiceprep.core.banks.notes import _number_cues

    notes = ("- Rebuilt core banking technology from the 1970s; the '80s COBOL batch went in the 2010s\n"
             "- Cut latency from 200ms to 50 ms with 40% less hardware and 3x throughput\n"
             "- Hired 1.5 million users in 2019, then 12 engineers\n"
             "- Python | 0.20 | Write production-grade code on 5G networks\n")
    cues = [c for p in propose_key_points(notes) for c in p.cues]
    assert not [c for c in cues if c.startswith("{number} ") and len(c.split()[1]) < 2], cues
    assert _number_cues("Rebuilt core banking technology from the 1970s; the '80s COBOL batch went in the 2010s") == [
        "1970s", "80s", "2010s"]
    assert _number_cues("Cut latency from 200ms to 50 ms with 40% less hardware and 3x throughput") == [
        "{number} milliseconds", "{number} ms", "{number} percent", "{number} times"]
    assert _number_cues("Hired 1.5 million users in 2019, then 12 engineers") == ["{number} users", "{number} engineers"]
    assert _number_cues("Python | 0.20 | Write production-grade code on 5G networks") == ["5G"]
    hint = next(p for p in propose_key_points(seed("001")) if "1970s" in p.label)
    assert "1970s" in hint.cues and not any("{number}" in c for c in hint.cues)


def test_few_proposals_are_ticked_the_ones_for_this_prompt_never_the_rubric_or_headings():
    """Walkthrough 7 (25-notes-proposed): seed 000 pasted under "Why Airwallex?" proposed 22 points, all ticked,
    with the interviewer's rubric ("Is polished, professional and a good communicator"), the heading "Most
    challenging technical stuff u solved" and the LMAX line meant for another prompt."""
    from voiceprep.core.banks.notes import TICKED

    why = propose_key_points(seed("000"), "Why Airwallex?")
    labels = [p.label for p in why]
    assert not any(label.lower().startswith("most challenging") for label in labels), labels     # a heading
    rubric = [p.label for p in why if p.rubric]
    assert rubric == ["Is polished, professional and a good communicator",
                      "Is smart, ambitious and has great domain knowledge on what they've worked on in the past",
                      "Understands what we're building here and the scale we operate at",
                      "Is excited about the future of Airwallex"], rubric
    ticked = [p for p in why if p.ticked]
    assert 1 <= len(ticked) <= TICKED and not any(p.rubric for p in ticked)
    assert all("Airwallex" in p.label for p in ticked), [p.label for p in ticked]      # words: the prompt's own
    lmax = next(p for p in why if p.label.startswith("LMAX"))
    assert not lmax.ticked and lmax.heading == "most challenging technical stuff u solved"
    # a heading that matches the prompt: only the ideas under it
    hardest = propose_key_points(seed("000"), "What is the most challenging technical problem you have solved?")
    assert [p.label for p in hardest if p.ticked] == [lmax.label]
    # by meaning (the judge's embedder, when it is loaded): the closest, in any words
    by_meaning = propose_key_points(seed("000"), "Why do you want to work here?",
                                    lambda _prompt, texts: [1.0 if "HoYoverse" in t else 0.0 for t in texts])
    assert [p.label[:36] for p in by_meaning if p.ticked] == ["Take gaming companies like HoYoverse"]
    # no prompt: the first ideas, in the notes' order
    assert [p.ticked for p in propose_key_points(seed("000"))][:TICKED + 1] == [True] * TICKED + [False]


def test_a_first_person_bullet_is_never_rubric():
    points = propose_key_points("- is what I did when I led the migration\n- has 5 engineers reporting to me\n"
                                "- knows the payments domain well\n")
    assert [p.rubric for p in points] == [False, False, True]


def test_short_lines_standing_alone_are_ideas_unless_something_is_written_under_them():
    """Review 11: a short unpunctuated line alone in its paragraph was taken as a heading and dropped, so notes of
    short achievements, one per paragraph, proposed nothing ("No ideas found in these notes."). A short line heads
    what is written under it (bullets, a story, another heading); otherwise it is an idea."""
    notes = "Reduced checkout errors by half\n\nMentored two junior engineers\n\nBuilt the retry queue for payouts\n"
    assert [p.label for p in propose_key_points(notes)] == [
        "Reduced checkout errors by half", "Mentored two junior engineers", "Built the retry queue for payouts"]
    # before a rule, a "#" heading or the end: nothing under it either
    points = propose_key_points("Mentored two junior engineers\n\n---\n\nBuilt the retry queue for payouts\n\n"
                                "# Leadership\n\n- Ran the on-call rotation for payments\n")
    assert [(p.label, p.heading) for p in points] == [
        ("Mentored two junior engineers", ""), ("Built the retry queue for payouts", ""),
        ("Ran the on-call rotation for payments", "Leadership")]
    # with something under it, it heads it: bullets, a story, a heading above a heading
    points = propose_key_points("Things I am proud of\n- Reduced checkout errors by half\n\n"
                                "project experience\n\nmost challenging stuff u solved\n\n"
                                "LMAX disruptor -- for solving the concurrent order matching issue in 2019\n")
    assert [(p.label, p.heading) for p in points] == [
        ("Reduced checkout errors by half", "Things I am proud of"),
        ("LMAX disruptor: for solving the concurrent order matching issue in 2019",     # mend56: its dash a colon
         "most challenging stuff u solved")]


WALK12_NOTES = """Affirm backend platform - my prep notes
- Pipeline story: log events pipeline, we moved from cron batch to Kafka, 2M events/min, p99 latency dropped 40s -> 900ms
- Explain the ring buffer and single writer (LMAX disruptor for order matching, lock contention gone)
- Say what I measured and the number (throughput 3x, p99 from 12ms to 2ms)
- Why Affirm: transparent credit, no late fees, consumer banking broken
- Python: Flask on Gunicorn, gevent workers, profiling with py-spy
- HA storage: Postgres with streaming replication, failover drill every quarter
"""


def test_a_title_line_over_bullets_is_a_heading_and_only_the_closest_few_are_ticked():
    """Walkthrough 12 (37.png): the notes' title "Affirm backend platform - my prep notes" became a key point with the
    cues Affirm; platform; backend, and 5 of the 7 lines were ticked for "Tell me about the data pipeline you
    rebuilt." under "the few closest to this prompt are ticked"."""
    prompt = "Tell me about the data pipeline you rebuilt."
    points = propose_key_points(WALK12_NOTES, prompt)
    assert len(points) == 6 and not any(p.label.startswith("Affirm backend") for p in points)
    assert {p.heading for p in points} == {"Affirm backend platform - my prep notes"}
    assert [p.label[:14] for p in points if p.ticked] == ["Pipeline story"]          # by words
    # by meaning: the judge's embedder's cosines for these lines (measured), the title's too
    cosines = {"Affirm backend": 0.157, "Pipeline story": 0.404, "Explain the ri": 0.188, "Say what I mea": 0.207,
               "Why Affirm: tr": 0.117, "Python: Flask ": 0.133, "HA storage: Po": 0.320}
    by_meaning = propose_key_points(WALK12_NOTES, prompt, lambda _p, texts, c=cosines: [c[t[:14]] for t in texts])
    assert [p.label[:14] for p in by_meaning if p.ticked] == ["Pipeline story"]
    # a title over all of the notes picks out no section, even when it is close to the prompt ("Why Affirm?")
    why = propose_key_points(WALK12_NOTES, "Why Affirm?")
    assert [p.label[:10] for p in why if p.ticked] == ["Why Affirm"]
    # nothing close: nothing ticked (the candidate ticks by hand)
    assert not any(p.ticked for p in propose_key_points(WALK12_NOTES, "Where do you see yourself in ten years?"))


def test_an_ideas_cues_are_its_numbers_with_their_units_and_its_most_specific_words():
    """Walkthrough 12 (46-fb, 47): the cues of "Say what I measured and the number (throughput 3x, p99 from 12ms to
    2ms)" and of its rewording (once `cues_for`, which no dialog uses since fix38: the hint is `cue_examples`)."""
    def cues(notes: str) -> list[str]:
        [point] = propose_key_points(notes)
        return point.cues

    assert cues("Say what I measured and the number (throughput 3x, p99 from 12ms to 2ms)") == [
        "{number} times", "{number} milliseconds", "throughput", "measured"]
    assert cues("Throughput tripled and p99 went from 12 ms to 2 ms") == ["{number} ms", "throughput", "tripled"]
    assert cues("Kafka Streams") == ["Kafka Streams"]


WHY_PROMPT = "Why Airwallex? What excites you about fintech and our problem space?"
# written for this test from the seeds (shared/seeds 000: "why Airwallex"), in the candidate's note style
WHY_NOTES = """Why Airwallex - my notes
- Airwallex runs the money layer for global businesses: multi-currency accounts, cross-border transfers, embedded finance APIs
- The hard engineering: multi-region consistency, low-latency payment routing, high availability for services that move money
- Infra work has direct business impact: a small shop in Brazil selling to buyers in Japan without thinking about currencies
- At my current job I built cross-region observability and monitoring across cloud regions
- I want to grow into building the core platforms that products like Airwallex run on
"""
WHY_ANSWER = ("What draws me to Airwallex is that you are the money layer for companies that trade across borders: they "
              "hold balances in many currencies, pay suppliers overseas, and other apps plug your payment features into "
              "their own products. The engineering under that is genuinely hard. Money has to stay consistent between "
              "regions, payments need to be routed quickly, and those services can never go down. I like that the "
              "platform work has a visible effect on real businesses, for example a small online store in Brazil can "
              "sell to customers in Japan and never worry about exchange rates. In my current role I built monitoring "
              "and observability that spans several cloud regions, so I know how hard it is to keep that reliable. "
              "Over the next few years I want to build the foundational platforms that products like yours depend on.")


def test_automatic_cues_leave_out_the_prompts_own_words():
    """Walkthrough 14: the cues written from notes included the question's own words ("payment", "client" for "How
    would you design an idempotent payment API so a client retry never charges a customer twice?"; "Airwallex" for
    "Why Airwallex?"): every answer repeats them, so they were free evidence. A note that names only what was asked
    keeps no cue and is judged by its wording."""
    from voiceprep.core.banks.notes import prompt_words

    prompt = "How would you design an idempotent payment API so a client retry never charges a customer twice?"
    notes = ("- Client sends an idempotency key with every payment request\n"
             "- Keep the key and the first response in Postgres, same transaction as the charge\n"
             "- Airwallex\n")
    asked = prompt_words(prompt)
    points = propose_key_points(notes, prompt)
    for p in points:
        assert not [c for c in p.cues if all(w in asked for w in prompt_words(c))], (p.label, p.cues)
    assert "Postgres" in points[1].cues and "transaction" in points[1].cues
    said = "Airwallex moves money for global businesses"
    assert "airwallex" not in [c.lower() for c in propose_key_points(said, WHY_PROMPT)[0].cues]
    assert "airwallex" in [c.lower() for c in propose_key_points(said)[0].cues]          # no prompt: kept
    why = propose_key_points(WHY_NOTES, WHY_PROMPT)
    assert len(why) == 5 and not any("airwallex" in c.lower() for p in why for c in p.cues), [p.cues for p in why]


def test_key_points_drafted_from_notes_are_judged_well_on_a_paraphrased_answer():
    """Walkthrough 14: key points from pasted notes should be covered by a good answer that says each of them in
    other words, and not by the question's words repeated."""
    from voiceprep.core.analysis.analyze import analyze_answer
    from voiceprep.core.banks import parse_bank
    from voiceprep.core.transcript import Transcript

    points = propose_key_points(WHY_NOTES, WHY_PROMPT)
    kps = "".join(f'[[rounds.prompts.key_points]]\nid = "k{i}"\nlabel = "{p.label}"\n'
                  + (f'cues = [{", ".join(repr(c).replace(chr(39), chr(34)) for c in p.cues)}]\n'
                     f'min_cues = {p.min_cues}\n' if p.cues else "") for i, p in enumerate(points))
    bank = parse_bank('schema = 1\n[job]\nid = "x"\ntitle = "Backend engineer"\ncompany = "Airwallex"\n[[rounds]]\n'
                      f'id = "r"\ntitle = "R"\n[[rounds.prompts]]\nid = "p"\ntext = "{WHY_PROMPT}"\n' + kps)
    good = analyze_answer(bank, bank.prompt("p"), Transcript.from_text(WHY_ANSWER))
    assert [r.hit for r in good.key_points] == [True] * 5, [(r.key_point.label[:40], r.hit) for r in good.key_points]
    echo = analyze_answer(bank, bank.prompt("p"), Transcript.from_text(
        "Airwallex is a fintech company and your problem space excites me. Why Airwallex? Because fintech excites me."))
    assert not any(m.cue for r in echo.key_points for m in r.matches), [r.matches for r in echo.key_points]


WALK20_LINES = """Our order matching service blocked on locks and p99 latency hit 40 ms at peak
I replaced the lock-based queues with an LMAX Disruptor ring buffer with a single writer thread
Journaling and replication were batched off the hot path
p99 fell under 2 ms and throughput tripled
I proved it by replaying production traffic in load tests
"""


def test_each_line_and_each_sentence_is_an_idea():
    """Walkthrough 20 (06-notes-dialog, 07-proposed, 08-proposed-periods): five lines typed with Return after each and
    no full stops became ONE key point, and a sentence starting lower-case ("p99 fell ...") after a full stop was
    merged with the one before. A line break ends an idea unless the line before ends mid-clause (a comma, a dash or
    a joining word: wrapped text); a full stop and a space end a sentence whatever case follows."""
    labels = [p.label for p in propose_key_points(WALK20_LINES)]
    assert [label[:20] for label in labels] == ["Our order matching s", "I replaced the lock-", "Journaling and repli",
                                                "p99 fell under 2 ms ", "I proved it by repla"]
    as_sentences = " ".join(line + "." for line in WALK20_LINES.splitlines())
    assert [p.label for p in propose_key_points(as_sentences)] == labels
    # kept whole: "e.g.", "2.5 ms", "v1.2", and a line wrapped after a comma, a dash or a joining word
    kept = ("I cut p99 from 2.5 ms to 0.9 ms on v1.2 of the matcher, e.g. by batching the journal writes\n"
            "I moved the payouts service to Kafka and\nran both pipelines side by side for a month,\n"
            "then switched the readers over -\none region at a time\n")
    assert [p.label for p in propose_key_points(kept)] == [
        "I cut p99 from 2.5 ms to 0.9 ms on v1.2 of the matcher, e.g. by batching the journal writes",
        "I moved the payouts service to Kafka and ran both pipelines side by side for a month, then switched the "
        "readers over - one region at a time"]


def test_a_first_word_written_as_an_identifier_keeps_its_case():
    """Fix34 left alone: a proposal's first letter was capitalised, so "p99 fell under 2 ms" read "P99 fell ...". A
    first word with a digit or a capital inside ("p99", "iOS", "gRPC", "eBPF") is kept as written; a plain word
    still gets its capital."""
    from voiceprep.core.banks.draft import ideas_of

    notes = ("p99 fell under 2 ms after the rewrite\niOS crash rate fell by 40% in a month\n"
             "gRPC calls replaced the REST hops between services\neBPF probes showed the lock contention\n"
             "we cut cloud costs by 30% in one quarter\nk8s jobs now drain before a deploy\n")
    assert [p.label.split()[0] for p in propose_key_points(notes)] == ["p99", "iOS", "gRPC", "eBPF", "We", "k8s"]
    assert ideas_of("p99 latency under 50 ms, gRPC services, iOS clients, payment flows") == [
        "p99 latency under 50 ms", "gRPC services", "iOS clients"]


WALK21_LINES = """built the payouts ledger on Postgres with double-entry rows
idempotency keys on every charge request so retries never double charge
moved settlement jobs to Kafka consumers with exactly-once handling
p99 latency down from 400 ms to 90 ms
nightly reconciliation caught 0.2% mismatches with the bank files
"""
WALK21_SENTENCES = ("I led the checkout rewrite at a marketplace. We split the card authorization path from capture, "
                    "so a slow acquirer no longer blocked orders. Retries used idempotency keys, e.g. the order id "
                    "plus attempt. Chargebacks dropped by 18% after we added 3-D Secure. What would I change? I would "
                    "add load tests earlier.")
WALK21_PROMPT = "Tell me about a payment system you built and how you kept it reliable."


def test_notes_written_for_this_prompt_are_all_ticked_unless_one_is_about_something_else():
    """Walk21 (08-proposed-lines, 09-proposed-sentences): notes written for this very question got 2 of 5 ticked
    (lines) and 1 of 5 (sentences): the embedder's cosines to the prompt are low for every concrete step (0.08 to
    0.32, measured below), and only those within TICK_SHARE of the best were ticked. A handful of ideas with no
    heading is the story for this prompt: all are ticked, but for one about something else (cosine below
    UNRELATED: a hobby line, -0.008)."""
    lines = {"Built the payo": 0.298, "Idempotency ke": 0.101, "Moved settleme": 0.210, "p99 latency do": 0.145,
             "Nightly reconc": 0.250, "I enjoy hiking": -0.008}
    sentences = {"I led the chec": 0.316, "We split the c": 0.229, "Retries used i": 0.104, "Chargebacks dr": 0.237,
                 "I would add lo": 0.081}
    for notes, cosines in ((WALK21_LINES, lines), (WALK21_SENTENCES, sentences)):
        by_words = propose_key_points(notes, WALK21_PROMPT)
        assert len(by_words) == 5 and all(p.ticked for p in by_words), [(p.label, p.ticked) for p in by_words]
        by_meaning = propose_key_points(notes, WALK21_PROMPT, lambda _p, texts, c=cosines: [c[t[:14]] for t in texts])
        assert all(p.ticked for p in by_meaning), [(p.label, p.ticked) for p in by_meaning]
    # one idea about something else stays unticked (the cosine measured for this line against WALK21_PROMPT)
    hobby = propose_key_points(WALK21_LINES.replace("p99 latency down from 400 ms to 90 ms",
                                                    "I enjoy hiking with my dog on weekends"),
                               WALK21_PROMPT, lambda _p, texts: [lines[t[:14]] for t in texts])
    assert [p.label[:14] for p in hobby if not p.ticked] == ["I enjoy hiking"]


def test_a_question_left_out_of_the_notes_is_counted():
    """Walk21 (09-proposed-sentences): "What would I change?" was dropped without a word."""
    from voiceprep.core.banks.notes import questions_left_out

    assert questions_left_out(WALK21_SENTENCES) == ["What would I change?"]
    assert questions_left_out(WALK21_LINES) == []


def test_vocabulary_names_are_names_not_capitalised_plain_words():
    """Walk21: "3-D Secure" gave the vocabulary "Secure"; a sentence's first word and a plain capitalised word are
    no names; acronyms, CamelCase, multi-word names and unknown capitalised words are."""
    from voiceprep.core.banks.draft import names_in as vocabulary_names

    assert vocabulary_names("Chargebacks dropped by 18% after we added 3-D Secure") == ["3-D Secure"]
    assert vocabulary_names("Retries used idempotency keys, e.g. the order id plus attempt") == []
    assert vocabulary_names("What would I change? I would add load tests earlier") == []
    assert vocabulary_names("We used Kafka and PCI work at HoYoverse on Genshin Impact") == [
        "Kafka", "PCI", "HoYoverse", "Genshin Impact"]


def test_a_capitalised_word_inside_a_sentence_is_a_name_even_when_it_is_also_a_plain_word():
    """Fix38 left alone: "Stripe", "Python", "Visa" never reached the vocabulary from notes (plain English words).
    Capitalised inside a sentence, a word is written as a name: it goes in. A sentence's first word is capitalised
    anyway: there it is a name only when marked as one ("PCI", "HoYoverse"). "Python was ..." is not told from "Order
    was ..." (the sentence model's vocabulary, asked before, would call "Idempotency", "Quantify", "Async" and "Infra"
    names: measured on the bundled labels); the candidate who writes Python inside a sentence, or types it, has it."""
    from voiceprep.core.banks.draft import names_in

    assert names_in("We moved card payments to Stripe and paid the fees with Visa") == ["Stripe", "Visa"]
    assert names_in("Python was our language for the billing jobs") == []
    assert names_in("Kafka carried the events. HoYoverse shipped Genshin Impact on time") == [
        "HoYoverse", "Genshin Impact"]
    assert names_in("We used Kafka, Postgres and Redis") == ["Kafka", "Postgres", "Redis"]   # not "Kafka Postgres"
    assert names_in("The ledger moved from MySQL to Postgres, e.g. Stripe did too. I'm sure") == [
        "MySQL", "Postgres", "Stripe"]


def test_drafts_and_notes_read_names_alike():
    """Fix40: the job description's names (draft.names_in) and the notes' (notes.vocabulary_names) were read by two
    functions that disagreed ("3-D Secure" gave "Secure", "PCI-DSS" two names, "PCI-scoped" none in the notes, "Kafka,
    Postgres" one): one reader now, for drafts, cues, the notes' vocabulary and the dialog's example cues."""
    from voiceprep.core.banks.draft import draft_bank, names_in
    from voiceprep.core.banks.notes import cue_examples

    line = "Experience with 3-D Secure, PCI-DSS and gRPC services on Kafka, C++ and PCI-scoped Postgres"
    assert names_in(line) == ["3-D Secure", "PCI-DSS", "gRPC", "Kafka", "C++", "PCI", "Postgres"]
    assert names_in("We launched HoYoverse's Genshin Impact in Brazil") == ["HoYoverse", "Genshin Impact", "Brazil"]
    assert cue_examples("Chargebacks fell 18% with 3-D Secure, Stripe and Visa") == [
        "3-D Secure", "Stripe", "Visa", "18%"]
    job = "Payments Engineer\nWhat you'll do\n- Build checkout flows with 3-D Secure, Stripe and Kafka\n"
    assert '"3-D Secure"' in draft_bank(job) and '"Secure"' not in draft_bank(job)


def test_the_customer_story_is_ticked_not_the_line_that_restates_the_question():
    """Walk24 (61-notes-proposed): the HoYoverse paragraph of seed 000 under "Give me one concrete customer story ..."
    ticked "What really clicks for me ..." and "That's where Airwallex's infrastructure comes in", and left the
    HoYoverse/Genshin line and the Brazil-BRL/Montreal-CAD line unticked: six ideas are more than a handful, and by
    meaning the line made of the prompt's own words sat closest to it (cosines measured with the judge's embedder)."""
    notes = seed("000")
    notes = notes[notes.index('"What really clicks'):notes.index("![[airwallex-r4")]
    prompt = "Give me one concrete customer story that shows why Airwallex's infrastructure matters."
    cosines = {"What really c": 0.657, "Take gaming c": 0.092, "Behind that s": 0.337, "That's where ": 0.726,
               "The Kubernete": 0.242, "It's infrastr": 0.487}
    for similarity in (None, lambda _p, texts: [cosines[t[:13]] for t in texts]):
        points = propose_key_points(notes, prompt, similarity)
        assert sorted(p.label[:13] for p in points) == sorted(cosines)
        ticked = [p.label for p in points if p.ticked]
        assert any("HoYoverse" in label for label in ticked), ticked
        assert any("Brazil" in label and "Montreal" in label for label in ticked), ticked
        assert not any(label.startswith("That's where") for label in ticked), ticked


def test_a_first_line_naming_the_story_is_proposed_not_lost():
    """walk25: "Key points from my notes" dropped a first line such as "LMAX Disruptor story" or "Why Airwallex": a
    line with bullets under it heads them and was never shown, so the story's name was lost. A heading that names
    something the notes say nowhere else is proposed too (first, heading its own section); a title whose names the
    notes say again ("Affirm backend platform - my prep notes" over "Why Affirm: ...", walkthrough 12) stays a
    heading only."""
    lmax = propose_key_points("LMAX Disruptor story\n- single writer thread, ring buffer, no locks\n"
                              "- cut p99 from 2 ms to 200 us\n- I proposed it after profiling GC pauses\n",
                              "Tell me about the hardest technical problem you solved.")
    assert lmax[0].label == "LMAX Disruptor story" and len(lmax) == 4, [p.label for p in lmax]
    assert {p.heading for p in lmax} == {"LMAX Disruptor story"}
    why = propose_key_points("Why Airwallex\n- they build the global financial platform for businesses\n"
                             "- my infra work would have direct business impact\n", "Why do you want to join us?")
    assert [p.label for p in why][:1] == ["Why Airwallex"], [p.label for p in why]
    # a "#" heading too
    assert propose_key_points("# LMAX Disruptor\n\n- single writer thread, ring buffer, no locks\n")[0].label == \
        "LMAX Disruptor"
    # a heading without a name is still a heading only
    assert [p.label for p in propose_key_points("project experience\n- Cut p99 latency by 40% with a ring buffer\n")
            ] == ["Cut p99 latency by 40% with a ring buffer"]


def test_notes_in_the_seeds_lose_no_name_of_a_heading():
    """Every name a heading of the seeds' notes writes is in some proposed point (seed 000: front matter, headings)."""
    from voiceprep.core.banks.draft import names_in
    from voiceprep.core.banks.notes import _pieces

    for number in ("000", "001", "002"):
        text = seed(number)
        labels = " ".join(p.label for p in propose_key_points(text)).lower()
        for heading in {p.heading for p in _pieces(text) if p.heading}:
            for name in names_in(heading):
                assert name.lower() in labels, (number, heading, name)


WALK40_NOTES = """Airwallex builds the global financial platform: multi-currency business accounts, global transfers, \
embedded finance.
Under the hood: global distributed systems, multi-region consistency, low-latency payment routing, high availability \
for money-moving services.
The infra team is the backbone, so infrastructure work has direct business impact.
Example: a small business in Brazil selling to customers in Japan without thinking about payments.
My overlap: I built cross-region observability and multi-region monitoring, detecting routing issues early.
HoYoverse Genshin Impact: players in 150+ countries paying in local currency.
Long term I want to grow into building the underlying platforms."""
# the judge's embedder's cosines of each line to "Why Airwallex?" and to "Why do you want to work at Airwallex?"
WALK40_COSINES = {"Why Airwallex?": [0.501, 0.081, 0.328, 0.064, 0.192, 0.077, 0.158],
                  "Why do you want to work at Airwallex?": [0.493, 0.05, 0.373, 0.086, 0.163, 0.072, 0.256]}


def test_seven_lines_pasted_for_one_prompt_are_its_answer_plan_all_ticked_or_said_why_not():
    """Walk40 (8-notes-to-key-points-2-of-7-ticked): seven lines pasted for "Why Airwallex?" proposed 7 and ticked
    2, "the closest to this prompt"; the unticked ("Under the hood: ...", "My overlap: ...", "HoYoverse ...", "Long
    term I want to grow ...") were the core of the answer."""
    for prompt, cosines in WALK40_COSINES.items():
        by_words = propose_key_points(WALK40_NOTES, prompt)
        assert len(by_words) == 7 and all(p.ticked for p in by_words), [(p.label, p.ticked) for p in by_words]
        by_meaning = propose_key_points(WALK40_NOTES, prompt, lambda _p, texts, c=cosines: c[:len(texts)])
        unticked = [(p.label[:14], p.why_not) for p in by_meaning if not p.ticked]
        # every line but one the embedder puts below UNRELATED (0.05 < 0.06), which says why
        assert unticked == ([] if prompt == "Why Airwallex?" else
                            [("Under the hood", "about something else than this prompt, by its meaning")]), unticked


def test_a_line_left_out_of_the_notes_says_why():
    left: list[tuple[str, str]] = []
    points = propose_key_points("Projects\n- I cut p99 latency by 40% with a ring buffer\n"
                                "- I cut p99 latency by 40% with a ring buffer\n- ok then\n- What would I change?\n",
                                "Tell me about a hard problem.", left_out=left)
    assert [p.label for p in points] == ["I cut p99 latency by 40% with a ring buffer"]
    assert left == [("Projects", "a heading"), ("I cut p99 latency by 40% with a ring buffer", "said again"),
                    ("ok then", "too short to be a point"), ("What would I change?", "a question: a prompt, not a point")]


# walk41: a charge nurse's whole notes page, a title line and three numbered stories with "- " bullets in shorthand
WARD_NOTES = """WARD MANAGER INTERVIEW - my stories

1. Staffing crisis (night shift, flu season)
- 3 nurses called in sick, 4 of us for 28 patients
- I called the bed manager and got 1 agency nurse and pulled the HCA from day unit
- Reallocated patients by acuity, I took the 2 sickest myself
- Did safety huddle every 2 hours, nobody missed meds or obs
- Wrote it up and we changed the escalation flowchart after

2. Medication error
- New grad gave 10 units insulin instead of 1 unit (misread sliding scale)
- Checked patient first - BM every 30 mins, doctor informed
- Told the family honestly (duty of candour)
- Filled in Datix, no blame, supported the nurse
- Now insulin double checked by 2 nurses on our ward

3. Why this hospital
- Your trust is rated outstanding for patient safety
- I want to lead a team, not just a shift
- I live 10 minutes away, I want to stay long term
- Your preceptorship programme for new grads
"""
STAFFING = "Tell me about a time you had to manage a staffing crisis on your ward."


def test_a_whole_notes_page_ticks_the_story_under_the_matching_numbered_heading_and_no_title():
    """walk41 4: the page pasted for the staffing prompt ticked its title and the story's heading and none of the
    story's five points. A numbered line with bullets under it heads them; a title or heading is never a point."""
    left_out: list[tuple[str, str]] = []
    points = propose_key_points(WARD_NOTES, STAFFING, left_out=left_out)
    labels = [p.label for p in points]
    assert not any("WARD MANAGER" in label or label.startswith(("Staffing crisis", "Medication error", "Why this"))
                   for label in labels)
    assert [p.label for p in points if p.ticked] == labels[:5]
    assert all(p.heading == "Staffing crisis (night shift, flu season)" for p in points[:5])
    assert all(p.why_not == "not under the heading that matches this prompt" for p in points[5:])
    assert ("Staffing crisis (night shift, flu season)", "a heading") in left_out
    why_here = propose_key_points(WARD_NOTES, "Why do you want to work at this hospital?")
    assert [p.label for p in why_here if p.ticked][1] == "I want to lead a team, not just a shift"


def test_a_story_pasted_alone_gives_its_lines_not_its_heading():
    story = WARD_NOTES.split("\n\n")[1]
    points = propose_key_points(story, STAFFING)
    assert len(points) == 5 and all(p.ticked for p in points)
    assert points[0].label.startswith("3 nurses called in sick")


def test_a_reason_in_plain_short_words_is_a_point():
    """walk41 6: "I want to lead a team, not just a shift" was left out as "nothing specific to listen for", the
    heart of her why-here answer; the judge credits it by meaning. A line of only the question's words still goes."""
    notes = ("- Your trust is rated outstanding for patient safety\n- I want to lead a team, not just a shift\n"
             "- I live 10 minutes away, I want to stay long term\n")
    left_out: list[tuple[str, str]] = []
    points = propose_key_points(notes, "Why do you want to work at this hospital?", left_out=left_out)
    assert "I want to lead a team, not just a shift" in [p.label for p in points if p.ticked]
    assert left_out == []
    left_out.clear()
    propose_key_points("- I want to work here\n- Rated outstanding for patient safety\n",
                       "Why do you want to work here?", left_out=left_out)
    assert [text for text, _why in left_out] == ["I want to work here"]


def test_a_title_in_capitals_is_no_name_but_an_acronym_is():
    from voiceprep.core.banks.draft import names_in

    assert names_in("WARD MANAGER INTERVIEW - my stories") == []
    assert names_in("I pulled the HCA from day unit, filled in Datix, asked the NHS UK and PCI DSS") == [
        "HCA", "Datix", "NHS UK", "PCI DSS"]


def test_a_product_name_in_capitals_inside_a_sentence_is_a_name():
    """review33 6: the title rule dropped "AWS LAMBDA", "SQL SERVER" and "MICROSOFT AZURE" whole, acronyms with
    them, from a job ad's lines; only a title line's capitals are left out."""
    from voiceprep.core.banks.draft import names_in

    assert names_in("We run on AWS LAMBDA and SQL SERVER.") == ["AWS LAMBDA", "SQL SERVER"]
    assert names_in("Experience with MICROSOFT AZURE required") == ["MICROSOFT AZURE"]
    assert names_in("Our stack: GOOGLE CLOUD, REACT NATIVE") == ["GOOGLE CLOUD", "REACT NATIVE"]
    assert names_in("Notes\nSENIOR NURSE PREP\nWARD MANAGER INTERVIEW: my stories") == []


def test_a_list_of_heading_lines_is_a_list_of_points_one_each():
    """walk65 2 (06-notes-proposed, 12-q2-notes): note headings typed one a line, no punctuation, were paired into
    merged points ("Who the stakeholder was What they were worried about": "was" read as a wrapped line's end) and
    the rest dropped ("The result" as too short, "How I won them over" as too general); "Why the project was late"
    was unticked as only the prompt's own words though the prompt never asks why."""
    left: list[tuple[str, str]] = []
    points = propose_key_points("Who the stakeholder was\nWhat they were worried about\nHow I won them over\n"
                                "The result\n", "Tell me about a time you had to win over a difficult stakeholder.",
                                left_out=left)
    assert [(p.label, p.ticked) for p in points] == [
        ("Who the stakeholder was", True), ("What they were worried about", True), ("How I won them over", True),
        ("The result", True)]
    assert left == []
    points = propose_key_points("Why the project was late\nWho I brought in\nWhat I changed first\n"
                                "The outcome, with a number\n",
                                "Tell me about a project that ran late and how you brought it back on track.")
    assert [(p.label, p.ticked, p.why_not) for p in points] == [
        ("Why the project was late", True, ""), ("Who I brought in", True, ""), ("What I changed first", True, ""),
        ("The outcome, with a number", True, "")]
    # a question word the prompt asks itself is still the prompt's own words
    points = propose_key_points("How you brought it back on track\nI replaced the weekly meeting with a three week look-ahead\n",
                                "Tell me about a project that ran late and how you brought it back on track.")
    assert [p.why_not for p in points] == ["only the prompt's own words: every answer says them", ""]
    # a real heading over a paragraph of notes still heads it
    points = propose_key_points("Who the stakeholder was\n\nCouncillor Maria Lopez chairs the infrastructure committee\n")
    assert [(p.label, p.heading) for p in points] == [
        ("Councillor Maria Lopez chairs the infrastructure committee", "Who the stakeholder was")]


def test_a_sentence_end_with_no_space_after_it_splits_as_two_sentences_would():
    """Walk67 5: text pasted from a PDF ran "embedded finance.Under the hood" together into one merged point. A stop
    after a lowercase word and before a capitalised one ends a sentence; names and numbers with a dot do not."""
    pasted = ("Airwallex is building the global financial platform: multi-currency accounts, embedded finance.Under "
              "the hood: multi-region consistency, low-latency payment routing.")
    assert [p.label for p in propose_key_points(pasted)] == [
        "Airwallex is building the global financial platform: multi-currency accounts, embedded finance",
        "Under the hood: multi-region consistency, low-latency payment routing"]
    kept = "We moved the checkout from ASP.NET to Node.js in release v1.2 and kept the U.S. tax rules."
    assert [p.label for p in propose_key_points(kept)] == [kept.rstrip(".")]


def test_a_run_on_sentence_end_splits_but_names_file_names_and_dotted_identifiers_stay_whole():
    """read51b, mend60: the run-on split (a lowercase word, a stop, a capitalised word) also split "config.Yaml" into
    two points and wrote "vs.Code" as "vs. Code". A sentence opens with a word that names nothing ("Then", "We");
    after a name's, a file name's or an identifier's dot comes a word that names something, and an abbreviation's
    stop ends no sentence."""
    for line in ("We moved the whole team of six engineers to vs.Code in the first month",
                 "We kept every service's settings in config.Yaml and reviewed each change",
                 "We stubbed time.Now in every test of the billing service",
                 "We replaced java.util.The old list with a ring buffer",
                 "We kept dashboards, alerts, runbooks etc.The team owned them all"):
        assert [p.label for p in propose_key_points(line)] == [line], line
    run_on = ("We moved the ledger service onto Kubernetes.Then we cut the deploy time from an hour to ten "
              "minutes.We shipped it to every region")
    assert [p.label for p in propose_key_points(run_on)] == [
        "We moved the ledger service onto Kubernetes", "Then we cut the deploy time from an hour to ten minutes",
        "We shipped it to every region"]
