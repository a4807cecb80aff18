"""Every setting and threshold, in one place, with its default.

`Settings.load()` reads the user's settings.json (written by the GUI); anything missing or invalid
falls back to the default below, and the problem is reported instead of crashing. `save()` writes only what
differs from the defaults, so a later version's better defaults reach a user who never changed them; values fitted
or measured by the benchmarks (`FITTED`) are never read from or written to the file.
"""

from __future__ import annotations

import dataclasses
import json
import logging
from dataclasses import dataclass, field
from pathlib import Path

from voiceprep import paths

log = logging.getLogger(__name__)

DEFAULT_FILLERS = (
    "um", "uh", "er", "ah", "hmm", "like", "you know", "i mean", "sort of", "kind of",
    "basically", "actually", "literally", "so",
)
# Filled pauses and the spellings Whisper writes for them (fixCW, walk55: a clip's "self-checkout umm you can pay
# umm" showed "Fillers: 0"). One table: the decoder writes each pause one way (`speech.decoder.normalise_filler`), the
# live transcript keeps a pause another pass heard (`speech.stream.kept_heard`), the coaching counts a stored or typed
# spelling as its pause (`core.analysis.delivery`), and the verbatim scoring reads them alike (`speech.scoring`).
FILLER_SPELLINGS = {"umm": "um", "ummm": "um", "ummmm": "um", "uhm": "um", "uhmm": "um", "erm": "um", "ermm": "um",
                    "uhh": "uh", "uhhh": "uh", "hmmm": "hmm", "hmmmm": "hmm", "ahh": "ah", "ahhh": "ah"}
FILLED_PAUSES = frozenset({"um", "uh", "er", "ah", "hmm", *FILLER_SPELLINGS})
# Backchannels: a listener's "I'm following", not a filled pause (walk58: "Mm-hmm" was coached as the filler "hmm").
# Whisper's word timings split a hyphened one ("Mm", "-hmm"), a live window may cut it over two segments; the coaching
# reads such halves as one word (`core.analysis.delivery`) and the verbatim scoring drops them (`speech.scoring`).
BACKCHANNELS = frozenset({"mm-hmm", "mmhmm", "mhm", "mm", "mmm", "uh-huh", "uhhuh", "mm-mm", "mmmm", "uh-uh", "uhuh"})
DEFAULT_HEDGES = ("i think", "maybe", "probably", "i guess", "just", "perhaps", "i believe",
                  # playing down your part: "I wasn't really the one... I helped a bit" (walkthrough 11)
                  "a bit", "not really", "wasn't really", "didn't really",
                  # "It seems like a great place... the people seem nice" (walk18)
                  "seems like", "seemed like", "seem", "seems", "seemed")


@dataclass
class AudioSettings:
    sample_rate: int = 16000            # what the transcriber wants; other rates are resampled
    input_device: str | int | None = None   # name or index; None = system default
    # trailing silence that ends an answer (0 = off). 6 s: a thinking pause must not end the answer (walkthrough 11:
    # a 4 s pause cut off the last 19 s at 3.0); the longest pause between words in the real spontaneous speech
    # measured (64 s of AMI/NOTSOFAR, 100 ms blocks below silence_rms) is 3.3 s, so 3.0 would have cut it twice
    # (docs/benchmarks.md, "Walkthrough 11 fixes A"). Space still stops at once.
    silence_stop_s: float = 6.0
    # the last seconds before the silence stop show a countdown on the recording ("Still there? Stopping in 3…"),
    # which speech cancels (walk24: a 6 s thinking pause ended the answer with no warning; 0 = no countdown)
    silence_warn_s: float = 3.0
    # an answer continued after the silence stop (C) is joined with this pause between the last word before the stop
    # and the first word after it: the stop's trailing silence and the continuation's leading silence are cut, so
    # the join adds no long pause (under AnalysisSettings.long_pause_s) and no silent seconds to the duration
    continue_gap_s: float = 0.8
    stop_cue: bool = True               # a short quiet tone when the silence stop ends an answer
    stop_cue_volume: float = 0.15       # its peak level (full scale = 1.0)
    no_speech_stop_s: float = 20.0      # with silence_stop_s on: nothing heard this long from the start ends it (a
                                        # muted microphone recorded silence to the time cap, 2x the prompt's target)
    silence_rms: float = 0.01           # RMS level (full scale = 1.0) below which a block counts as silence
    # Space (stop) pressed while still speaking records on until the voice stops, at most this long (0 = stop at
    # once): the last word is not cut mid-word, which the final pass then mis-hears ("idempotency" captioned, "I'm
    # potenti" judged: fixW). A second Space ends it at once (Esc does not touch a recording). Measured:
    # docs/benchmarks.md, fixY.
    release_tail_s: float = 0.4
    # ...and the voice counts as stopped after this long under silence_rms, the quiet just before Space included: a
    # quiet last syllable (a soft "f", a trailing "-ly") is recorded on, and Space pressed after this long quiet stops
    # at once (0 = the first quiet block ends it and a quiet block before Space starts no tail: fixY's rule).
    # Measured: docs/benchmarks.md, fixAD.
    release_tail_quiet_s: float = 0.3
    hard_cap_factor: float = 2.0        # an answer stops at hard_cap_factor x the prompt's target
    flush_every_s: float = 0.5          # recorded audio is flushed to disk at least this often
    audio_format: str = "FLAC"          # FLAC or WAV for kept answers


# The interviewer's voice (and an answer played back) is handed to the sound device this far ahead. PortAudio's
# default, about 9 ms through PulseAudio's ALSA plugin, underran whenever the playing thread waited that long for the
# CPU or for Python's lock: under load a 5 s question came out as 0.4 s of sound every 2 s (walk24). Nothing is
# played in time with the voice, so a long buffer costs nothing; a stop still ends it at once (the buffer is dropped).
PLAYBACK_LATENCY_S = 0.5
# then this many blocks of silence more than the buffer: closing the stream drops what the buffer still holds
PLAYBACK_TAIL_BLOCKS = 2
# the player hands the device this many seconds at a time; a stop is looked for between blocks
PLAYBACK_BLOCK_S = 0.05
# the standard voice (pyttsx3) writes its WAV after saying it is done: a render waits up to this long for the file to be
# a readable WAV whose size has stopped changing
TTS_FILE_SETTLE_S = 2.0
# a sound device plugged in is looked for in the sound server's sources too (`pactl list short sources`, off the GUI
# thread): a server that has not answered in this long is taken as none (the cards alone say what changed)
SOUND_SERVER_WAIT_S = 2.0


@dataclass
class SpeechSettings:
    voice: str | None = "auto"          # "auto": the natural voice when installed and working, else the standard
                                        # one; a voice id ("piper:..." or pyttsx3's); None = pyttsx3's default
    rate: int = 175                     # words per minute for the interviewer voice
    speak_follow_ups: bool = False      # ask the follow-ups aloud right after the feedback appears


# The room for Whisper's prompt (the earlier text and the bank's terms) is fixed by the model: 223 tokens at most,
# half its 448-token text context less one. How speech/decoder.py shares it is part of the decoder, not a choice a
# candidate makes, so these are constants here, not settings.
MAX_CONTEXT_TOKENS = 100                    # prompt tokens of earlier text and bank terms (Whisper allows 223)
HOTWORD_TOKENS = MAX_CONTEXT_TOKENS // 2    # the bank's terms get at most this many: whole terms only
# With the bank's terms in the prompt tiny.en could copy its own last sentences to the token budget when a window
# ended right after the last word (fixCX). Such a window, whose text holds a copy of at least HOTWORD_COPY_TOKENS
# tokens right after itself (at its end, or looped and then ended on something else: "consent consent … consent.
# Printing, in …", fixDD, fixDL), is generated again with no run of HOTWORD_NO_REPEAT_NGRAM tokens twice. Only then:
# applied to every window with terms, the rule also cut what candidates really said twice ("we have to measure
# first, we have to measure first" -> "... measure fast", "you know" x3 -> x2: fixCZ, docs/benchmarks.md).
# Those are 6 tokens copied; only a phrase of 8+ tokens said twice in a row ("no, no, no, no, no": 8) is at risk.
HOTWORD_NO_REPEAT_NGRAM = 4
HOTWORD_COPY_TOKENS = 8
# That retry can also stop short: on an AVX2 CPU walk51's recorded answer was heard whole, then " x" "x" "x"… to the
# budget, and the retry dropped "Um", "Uh" and stopped at 8.9 s of 14.5 (fixDI). The first generation, its copy cut,
# is kept when it has at least this many times the retry's tokens (a copy of what was said: about as many).
HOTWORD_RETRY_SHORT_RATIO = 1.25

# The allocator (voiceprep/app/memory.py), not a candidate's choice either. One arena for every thread: glibc's
# malloc_trim gives back the free top of the main heap only, so a second arena (the decoding thread's) kept a live
# pass's freed working set resident after every trim (20-23 MB at rest), and a pass's peak was ~27 MB higher (24 s
# window: 285-288 -> 256-259 MB, the same pass time; docs/benchmarks.md rss42). glibc's default is 8 per core.
MALLOC_ARENAS = 1
HELD_LIMIT_MB = 32          # after a pass, a process grown by more than this since the last trim is trimmed


@dataclass
class TranscriptionSettings:
    model_path: str | None = None       # a CTranslate2 Whisper model directory or a known id ("base"); None = tiny.en
    compute_type: str = "int8"
    cpu_threads: int = 0                # 0 = choose for this machine (see speech.transcriber)
    beam_size: int = 5
    filler_prompt: str = "Um, uh, hmm."  # nudges Whisper to keep fillers (measured in bench/)
    use_bank_vocabulary: bool = True    # pass the bank's terms as hotwords
    key_point_terms: bool = True        # the terms include the key points' words, not only the question's and the
                                        # bank's vocabulary and the company (fix18b; hints48 measured both through
                                        # the judge; hints50: a question's own terms come first)
    bank_terms: int = 24                # at most this many, most useful first; the decoder passes those fitting in
                                        # HOTWORD_TOKENS
    bank_term_min_letters: int = 5      # a key point's shorter words are left to the transcriber ("API" comes from
                                        # the cues, as written)
    live_step_s: float = 1.0            # live captions refresh at most this often
    live_commit_s: float = 12.0         # a live window this long commits its words ending 3 s before its end, at a pause
    live_window_s: float = 20.0         # the longest window the live path decodes: behind by more, it catches up in
                                        # windows this long. A pass's working set grows with its window (the
                                        # encoder's attention: 24 s ~85 MB, 20 s ~67, 16 s ~53), but shorter windows
                                        # overlap more: a 120 s catch-up took 9.2-9.7 CPU s at 24 s, 10.6 at 20, 13.8
                                        # at 16, same WER (docs/benchmarks.md rss42). Practice's Import audio
                                        # goes through the live path too (fed faster than real time, it is all
                                        # caught up in these windows: 30 s ones took ~30% less CPU but put ~30 MB
                                        # on its peak, rss43); the CLI's and the bench's files keep
                                        # BATCH_WINDOW_S. A settings file is held to LIVE_WINDOW_RANGE_S


# A window shorter than the decoder's padding (10 s, speech.decoder.MIN_WINDOW_S) saves no memory, and one at or under
# the catch-up's 4 s margin never moved on over silence (review34 finding 3: finish() never returned); Whisper's
# encoder sees 30 s at most. A settings file's value outside this range is reported and the default used.
LIVE_WINDOW_RANGE_S = (10.0, 30.0)
# settings a file is held to, (group, name): (lowest, highest), both allowed
RANGES: dict[tuple[str, str], tuple[float, float]] = {("transcription", "live_window_s"): LIVE_WINDOW_RANGE_S}


@dataclass
class AnalysisSettings:
    wpm_low: int = 120
    wpm_high: int = 165
    long_pause_s: float = 1.5
    fillers: tuple[str, ...] = DEFAULT_FILLERS
    hedges: tuple[str, ...] = DEFAULT_HEDGES
    filler_recall_ok: float = 0.6       # below this measured recall, filler counts are marked approximate
    measured_filler_recall: float = 0.97  # for transcripts that do not carry their model's (speech.models)
    cue_window_extra: int = 3           # words allowed between a cue's words
    fuzzy_min_ratio: float = 84.0       # rapidfuzz ratio for a misrecognised word to still match
    fuzzy_min_len: int = 5              # words shorter than this match only exactly or phonetically
    # a heard word matched by sound (metaphone) is as close in its letters as this too: "mentoring" for "monitoring"
    # (84), "tokens" for "tokenize" (71), not "instant" for "incident" (53), "double" for "table" (55): walk60
    phonetic_min_ratio: float = 70.0
    negation_window: int = 8            # words back, within the clause, searched for "not", "never"...
    repeated_phrase_min_words: int = 3
    duration_tolerance: float = 0.25    # within +-25% of the target counts as on time
    # an answer to the interviewer's follow-ups is short by nature: no question's target, only "long" past this
    follow_up_long_s: int = 60
    # fixCW (walk55 finding 6): a 7 s follow-up answer of fillers was "Short and to the point". A follow-up answer is
    # no answer when, judged on points, it covers none of them (however many words), or, judged on none, it says
    # fewer than this many words besides fillers: its Duration card does not praise it
    follow_up_min_words: int = 8
    # walk39 (finding 4): a stretch at the end of an answer this long (typed: its words at the middle of the pace
    # band), after the last key point credited, with no sentence near in meaning to a key point or the question, is
    # named in the Delivery cards as talk about something else, with where it starts
    off_topic_tail_s: float = 20.0
    # ... a sentence (of at least off_topic_short_words words: a shorter "Yeah." or "Um." tells nothing either way)
    # is on the question when it is this close in meaning (cosine, the sentence model) to a key point's label or to
    # the question, or off_topic_answer_sim to the answer's own sentences up to its last credited point (a story's
    # closing "He pushed back, then agreed." is far from every label but near its own story). Read on the strong
    # answers of dev and dev2 A-Q with real meeting talk appended (bench/judge_tail.py, judge52): no strong answer
    # alone fires (the longest stretch of theirs that reads as off is 28 words, about 11 s); 320 of 321 with 25 s of
    # talk after them do
    off_topic_short_words: int = 4
    off_topic_point_sim: float = 0.40
    off_topic_answer_sim: float = 0.35
    # a sentence after the last credited point that shares this many content words with the answer before it goes
    # on with the answer ("They launched on next-day, and moved to real-time" closing a story of payouts): the tail
    # starts after it, and the Ending card says so (judge52)
    off_topic_shared_words: int = 2
    # walk42 (finding 6): an answer of at least off_topic_answer_words words, no key point credited, none of whose
    # sentences (of off_topic_short_words words or more) comes this close in meaning (cosine, the judge's sentence
    # model) to the question or a key point's label, talked about something else: one line says so, and the delivery
    # tips that assume a real answer (length, STAR, numbers, specifics, your role, ending, repetition) are left out.
    # Read on the judge corpus, text only (bench/judge_offtopic.py: dev, dev2 A-S, regression; off-topic answers
    # against every other kind, and real meeting talk given as an answer to every prompt)
    off_topic_answer_words: int = 25
    off_topic_answer_max_sim: float = 0.28
    # mendJ (walk58 5's other half: a 16 s, 25-word answer about something else was never named): a shorter answer, of
    # at least off_topic_short_answer_words words, is named when none of its sentences comes this close, stricter than
    # a long answer's (few sentences, each its whole evidence): two sentences about baking or a wedding told to "Why
    # Airwallex?" come 0.06 and -0.01 near. The two-sentence openings of 263 dev and dev2 A-T answers to their own
    # questions: 15 of 8-24 words with no point credited, the nearest 0.199 ("...and then there's the card side,
    # which people forget. Sorry, let me back up."), 0.233, 0.246, none under 0.15; the corpus's own answers (dev,
    # dev2 A-T, regression) of 8-24 words with no point credited: 15, 0.289 and above (none named). Lowered to 0.09
    # at merge: generic interview talk with nothing of the story ("I've built many systems like this. If I designed it
    # again I would use Kafka." to a reconciliation question) comes 0.109 near and is a non-answer, not another
    # subject: it keeps its ownership card ("no step you took") rather than "talked about something else"
    off_topic_short_answer_words: int = 8
    off_topic_short_answer_max_sim: float = 0.09
    # a short answer with at least this share of its key points credited (of a drill's, those asked for) is nearly
    # complete: its Duration card names the points missing as the use of the time left, not a general "say more"
    # (walk37: 5 of 6, 53 s of 120, was told "back each reason with one specific example")
    nearly_complete_share: float = 0.75
    fillers_per_min_warn: float = 3.0   # more fillers than this per minute (and fillers_min_warn) earns a tip
    fillers_min_warn: int = 3           # fewer fillers than this are few, whatever the rate (a 12 s answer's two)
    # a sentence-opening discourse "So," is a filler only when an answer opens this many sentences with it: once or
    # twice it is ordinary speech (walk24)
    so_openings_overused: int = 3
    # more hedges than this per 100 words (and at least hedges_min_warn) earns a tip: a rate, as fillers are (walk24:
    # "2 hedges: mostly assertive" in 35 words). On dev, dev2 and the regression set (typed, 60-170 words) 1.5 warns
    # 0/217 strong answers and 14/42 rambling ones (3 hedges warned 0 and 12)
    hedges_per_100_words_warn: float = 1.5
    hedges_min_warn: int = 2
    long_pauses_warn: int = 3           # this many long pauses earns a tip
    pace_zero_share: float = 0.5        # delivery score for pace reaches 0 this share of wpm_low outside the band
    # a story answer that says fewer different words of content than this beyond the question's own and its key
    # points' general words (specifics.specifics_said), and no quantified detail, earns an "add specifics" tip: it
    # states the points in general terms. The judge reads the same number of judge.details_said: in such an answer a
    # key point that lists its substance ("Consistency choices: strong vs eventual, quorum") is not covered by a
    # sentence that names only its head ("Consistency was always a priority"; judge._names_only_its_head, judge28)
    specifics_min: int = 30
    # an answer that tells the candidate's general approach in the present ("I always start by listening to both
    # sides. I keep the focus on the patients. We agree on expectations and I follow up."): at least this many
    # acts of it (judge.approach_acts: in as many sentences, or listed in one, judge35), at most `approach_past_max`
    # other sentences told in the past, no number and fewer than `specifics_min` details covers no key point
    # (AnswerJudge.tells_an_approach; docs/benchmarks.md judge34, judge35)
    approach_present_min: int = 3
    approach_past_max: int = 1
    team_steps_warn: int = 3            # this many steps said as the team's ("we moved", "the team chose"), more
    #                                     than twice the candidate's own, earns a "say what you did" tip
    # the semantic judge (core/analysis/judge.py); weights fitted on the dev answers by bench/judge_fit.py:
    # bias, label similarity, best facet, mean of two best facets, share of facets said, authored-cue share,
    # label-word share, label and best-facet similarity without the prompt's shared topic, intent-example
    # similarity, label names a common intent, intent-example similarity among sentences that say a number,
    # label asks for a number (see judge.Features)
    semantic_judge: bool = True         # False = cue matching only
    # CPU threads for the judge's model (0 = all cores); 2 cut a 2-minute answer from ~190 to ~170 ms at load 1
    # (bench/analysis_speed.py)
    judge_threads: int = 2
    # embed the answer's sentences while it is spoken (app/preembed.py, at the lowest CPU priority), so that after
    # Stop the model runs only on what is new (perf45, bench/analysis_speed.py --spoken), and a typed answer's as it is
    # typed (speed47, bench/typed_answer.py); decisions are the same
    pre_embed: bool = True
    # (fitted on the dev answers as text and as transcripts of them spoken, `bench/judge_fit.py --audio --l2 1e-5`,
    # `credited` read through a credit space trained on dev2 writers A and B; l2 chosen by the mean F1 of the writer
    # groups left out of the fit, docs/benchmarks.md judge23)
    judge_weights: tuple[float, ...] = (-4.351, -8.998, -4.192, 9.883, -0.669, 3.270, 3.440, 7.253, 3.837, 5.820,
                                        -1.926, 11.045, -5.599, 7.453)
    judge_threshold: float = 0.50       # probability from which a key point counts as covered (best 5-fold F1 on dev)
    meaning_evidence_min: float = 0.45  # label similarity from which the evidence is called "by meaning"
    # a point that is the candidate's own act, which the answer tells as not done by them ("I didn't take charge of
    # the pass", label similarity >= meaning_evidence_min), while what it tells as done comes this much less close, is
    # not covered by that neighbouring act (judge.AnswerJudge._denied_act; K, L, M own banks: 0.05 also took a true
    # tick, 0.10 only false ones; docs/benchmarks.md judge38)
    denied_act_margin: float = 0.10
    # a lone cue's own clause that says one cue of another point is about that point only when it is this much nearer
    # that point's label than the cue's own (cue_clauses.CueClauses.about_another; "a fifty-millisecond timeout, and if it
    # blew that we served the last cached multiplier": 0.39 to what-and-scale, 0.38 to failure handling; clause107)
    cue_clause_margin: float = 0.05
    # a point's evidence is the whole sentence that carries it, up to this many words; a piece of a longer one is
    # quoted with "…" where it was cut (analyze.carrying_quote)
    evidence_max_words: int = 45
    # a point whose label lists its items after a colon is quoted by the sentence that says its items best (the mean of
    # its two closest items), not by the judge's closest to the whole label, when that one says them this much better:
    # "Um, so, okay, the Postgres schema." only names the schema (analysis.quotes; quotes only, walk60 4)
    substance_quote_margin: float = 0.10
    # a point that asks for the candidate's own act or role is quoted by the closest unit that tells their act in a
    # clause of its own, not by a scene or a "once we agreed…" clause, when that is at most this much less close to the
    # label; a point quoted by its cue words, by the sentence that says as many cues and is this much closer; a point
    # that asks for the result, by the closest result (analysis.quotes.telling_quotes; quotes only, walk61 5, walk62 5;
    # negative: off)
    telling_quote_margin: float = 0.30
    telling_cue_margin: float = 0.10
    # ... and a point that asks for the result, by the closest result only among units at most this much less close to
    # the label than the quote: a far-off "In the end, …" does not take the quote (read46c 2). Wide: a right result
    # can sit far below a quote that wins by the label's words (walk61's "had fallen by about a quarter" 0.63 below
    # "because most discharges happened after four o'clock"); on dev, dev2 A-T and regression no move is this far
    telling_result_margin: float = 0.70
    # one half of a sentence that says two things ("We ran Postgres with a hot standby, ..., and every quarter we did
    # a failover drill") speaks for a key point on its own from this label similarity (segments.coordinated_halves;
    # 0.55-0.70 changed no dev or dev2 decision, 0.45-0.50 added one false tick on dev)
    half_sentence_min: float = 0.60
    # judge83: a point that asks for a result ("The fix and the measured result") reads latency, errors... going up as
    # the incident, not the result (`judge.better_ways`). Off: on dev2 A-T it removed no false tick and cost 2 true
    # ones (d2f-af-debug-01, d2m-062: their result says no unit, "p95 went back to around three-twenty", and main's
    # tick came from the incident's "three hundred milliseconds"); walk57 1 needs it on
    result_ways_implied: bool = False
    # a unit set aside for saying no number (or name) the point states is "Close, but without the number" when it
    # says two of the label's words of content, or comes this close to the label in meaning on its own
    # (judge.AnswerJudge._met_but_number, walk40)
    number_hint_min: float = 0.60
    # a missed point whose cues were made from its label is "Partly there" when two of its words were said, or one
    # and the judge found it this likely (one plain word, "day", said about something else is not partly there)
    partly_there_min_probability: float = 0.2
    # a missed point whose bank wrote cues, none said, is told which words its bank lists ("Close, but not credited:
    # you said none of the words its bank lists for it (reconciliation, …)") when the judge found it this likely (walk67 2:
    # a red ✗ with no word beside a plain description of it). On dev, regression and V: 7 of 363 such misses
    # reach 0.3, 1 of them labelled hit
    cue_asked_min_probability: float = 0.3
    # an answer that says this many details of its own (judge.details_said: vague answers 3-27, strong ones 32-85)
    # tells a concrete story, and a plain key point ("We fixed the hazard itself with a change to equipment...") is
    # far in meaning from the instance that tells it ("We fitted trailer restraints..."): in such an answer a plain
    # point counts as covered from this probability (docs/benchmarks.md judge26)
    plain_concrete_details: int = 40
    plain_concrete_min_probability: float = 0.20
    # ... and in an answer this detailed, from this probability: a story told in a trade's own talk ("I rang the
    # practice and had her here that week" for "Got the vet in early") is further still from a plain label's general
    # words (dev2 writers R, S, T: the strong answers' missed points at p 0.08-0.18; docs/benchmarks.md judge58)
    plain_detailed_details: int = 50
    plain_detailed_min_probability: float = 0.10
    # ... and from this one when the sentence that would quote the point quotes it at least as well as any other point
    # of the prompt (judge.AnswerJudge._nearest_is_its_own: the story tells this point there, not a neighbour's; dev2
    # A-T +3 true ticks, 0 false, at 0.02-0.03; dev and regression unchanged; docs/benchmarks.md judge62), or the unit
    # the prompt's points give it when they take the answer's units jointly (`_assigned_its_own`: judge66)
    plain_own_min_probability: float = 0.03
    # ... but not when the only units that name the point deny it: one said with a denial shares this many of the
    # label's words and none said without one shares any (judge.AnswerJudge._named_only_denied: walk61 1, judge93)
    floor_denied_named: int = 2
    # ... and so does a point with cues the bank wrote, in an answer this detailed (its cues name the point's substance:
    # in answers of 40-49 details the points it would add were as often wrong as right; docs/benchmarks.md judge28)
    cued_concrete_details: int = 50
    # ... when the answer says this share of the question's own words of content (its text, labels and cues,
    # judge.question_share): a detailed story told for another question has the details and few of these (judge48,
    # bench/judge_swap.py: strong answers to their own prompt, 5th percentile 0.19; to another prompt, median 0.10)
    cued_concrete_question_share: float = 0.15
    # ... and neither floor counts in an answer whose sentences are on average this much nearer another question of the
    # bank (its text and key point labels) than this one (judge.nearer_another: a story told for that question;
    # docs/benchmarks.md judge80)
    elsewhere_margin: float = 0.08
    # an answer that says fewer details of its own than this (judge.details_said), no number and no name the question
    # and the job do not give is a general account ("I got the right people involved, looked at what was going on and
    # made some changes"): in it a plain key point (no cues the bank wrote) counts only where one sentence says at
    # least this share of its label's words of content; closeness in meaning alone is a generality's closeness to the
    # point (judge.AnswerJudge.general; dev2: vague answers 5-32 details, strong ones 32-89; docs/benchmarks.md judge57)
    general_details: int = 25
    general_label_share: float = 0.25
    # a covered point that sets its claim against an alternative ("..., not just asked for longer hours") is set aside
    # when the sentence that carries it is nearer in meaning to the alternative than to the claim by this much
    # (cosine similarity; contrasts.py, judge111)
    contrast_margin: float = 0.10
    # a piece of an answer whose only words of a point are some of one noun phrase of its label ("I will split the
    # pipeline into stages." for "How you would migrate from the old pipeline ...") speaks for the point only when its
    # cosine similarity to the label without that phrase reaches this (noun_only.py, judge113: 0.196 for that plan;
    # at 0.45 dev lost 9 true ticks to paraphrased acts near 0.31-0.49, "I called the supervisor," for "I escalated
    # to the house supervisor ..."; dev2 A-T's false and true ticks both sit at 0.05-0.22: a weak signal)
    noun_only_rest_min: float = 0.22
    # ... and an answer that says fewer details of its own than this ticks no point by meaning alone: none of the cues
    # the bank wrote said, it is a passing mention of a topic ("So self-checkout, um, you can pay, you know, from your
    # shopping" for "Accepting payments and spending: ...": walk51 6); dev2's vague answers say 5 or more
    mention_details: int = 5
    # a key point written as a heading that names a slot of the story ("The root cause I found", "The technology and
    # why I needed it") is filled by at least this many words of content beyond the heading's own: the cause after what
    # tells it ("it turned out ..."), the thing named and the reason for it (judge.CAUSE_HEADING, TECH_HEADING, judge99;
    # "I found the root cause of the problem" says none)
    slot_filler_words: int = 2
    # ... and a heading that asks who and how much ("Who was hit, and by how much") is filled by a sentence that says at
    # least this many figures apart: a count of people and an amount (slots.tells_amount, judge106)
    slot_amount_figures: int = 2
    # ... and a piece of an answer that says fewer words of content than this beyond the question's, the prompt's
    # headings' and generic filler ("I pulled in the right people to help us", "the numbers after that were a lot
    # better") carries no heading's point: a heading said back with nothing in it (recital.py, judge105); one word
    # fills a slot ("We found out from a tweet", "It was the leavers")
    recital_content_min: int = 1
    # a denial heard with a recogniser's probability under this is read as not said (segments.unheard_denials: dev's
    # transcripts, denials heard under 0.3: 5 of 5 another word said; under 0.4: 8 of 9; docs/benchmarks.md judge82)
    heard_denial_min_probability: float = 0.3
    # a key point's one-word head ("The mission: ...") said with a word of praise at most this many words from it ("I'm
    # really drawn to the mission") is liked, not said: that sentence does not count for the point
    # (judge.AnswerJudge._praised_head, judge83; judge85: the sentence only, not the whole answer)
    praise_near: int = 4
    # a point the bank wrote cues for, with only one of them said, in a sentence that says no other word of the point
    # and no more than this many words of content beyond the question's and the point's ("It was a team effort and
    # everyone was happy with the result.", "We fixed the caching."): that lone cue is no witness, the point is judged
    # by meaning alone (tuning sets, false / true ticks taken: 3: 10 / 2, 4: 12 / 4, 5: 13 / 9; docs/benchmarks.md
    # judge29)
    lone_cue_details: int = 4
    max_follow_ups: int = 3             # questions asked next after an answer: the bank's own, then the heaviest missed


@dataclass
class PracticeSettings:
    think_seconds: int = 0
    allow_retry: bool = True
    retention_per_prompt: int = 0       # 0 = keep every attempt
    typing_gap_s: float = 1.5           # a one-letter key (N, R, F, Space) this soon after a typed letter is typing,
                                        # not a command (walkthrough 12: a note typed on the sidebar skipped questions)
    first_letter_hold_s: float = 0.5    # R, N, F, C wait this long for a next key: one that comes makes the letter the
                                        # first of a typed note, not a command (0: they run at once)
    summary_drill_points: int = 6       # a round's summary lists (and "Drill these now" asks) the first N points missed,
                                        # then "…and 4 more missed points" (walk22: 6 of 10 listed, the rest unsaid)


@dataclass
class HistorySettings:
    busy_timeout_s: float = 10.0        # a save waits this long for another window or command writing the history
    weak_point_window: int = 6          # "hit 4 of 6": hit rates over a prompt's last N attempts
    weak_points_drilled: int = 5        # "Drill my weak points" takes the N most-missed key points
    never_answered_drilled: int = 1     # ... after the first N questions of the bank never answered (walk45 2)
    list_limit: int = 500               # attempts the History table loads at once
    search_debounce_ms: int = 250       # the History search runs once typing pauses this long
    chart_attempts: int = 200           # Progress charts show the newest N attempts
    min_answer_speech_s: float = 0.5    # less audio than this above audio.silence_rms is "no answer heard"


# Schema 11 (core.history.schema._v11): answers a "Continue from question N" older than session 38 stored with no round
# are given to the round they continued when, one after another, each began within this long of the one before
# (one sitting). Read once, by that migration: a history already at schema 11 is not migrated again.
OLD_CONTINUE_SITTING_GAP_S = 3600.0

# A key point said only in a follow-up answer (the interviewer asked about it) counts this much of a hit where points
# are ranked: Progress's order and colour, "Drill my weak points", Welcome back's "asks next" (core.history.queries
# .standing). Said when prompted is weaker than said unprompted (1), not as weak as missed (0).
FOLLOW_UP_CREDIT = 0.5
# Progress colours a key point by that standing (0 to 1): green from COVERED_WELL, amber from COVERED_PARTLY, red below
COVERED_WELL = 0.8
COVERED_PARTLY = 0.4
# A score (0 to 100) is shown green from GOOD_SCORE, amber from FAIR_SCORE, red below; a round whose overall and every
# try reach GOOD_SCORE is told "Well done" (app.scored.headline)
GOOD_SCORE = 70
FAIR_SCORE = 40
# Delivery coaching (core.analysis.delivery), in multiples of a habit's warning rate (fillers_per_min_warn,
# hedges_per_100_words_warn), and the cards' other counts:
HABIT_ZERO_TIMES = 4            # a habit's score falls to 0 at this many times its rate; fillers then "take over"
FILLERS_NOTICEABLE_TIMES = 2    # fillers past this many times their rate read "Noticeable" and say how often
FILLER_LEADER_MIN = 2           # a filler said at least this often (and more than the next) is named "most often"
TEAM_STEPS_TIMES = 2            # the team's steps past this many times the candidate's own read "Mostly the team's"
NUMBERS_LISTED = 4              # quantified details quoted on the Numbers card before "and N more"
BARE_COUNT_BELOW = 10           # a count under this said alone (no unit, change or comparison) is no quantified detail
TAIL_QUOTE_WORDS = 6            # words the Ending card quotes from where a tail starts and where the answer should end
# The judge's quotes (core.analysis): a figure of a quote one digit off its key point's ("99.5%" for "99.95%") is a
# slip worth a word only with this many digits (figures.figure_slips): "3 times" for "6 times" is another claim
SLIP_MIN_DIGITS = 2
# STAR's result (delivery.STAR_CUES): what a decision "prevented"/"avoided"/"averted" is read as its result when a loss
# ("revenue loss", "outages", "chargebacks") is named within this many characters after it, in its clause (walk60 10,
# mendK; read44a 4: it was a number in the regex)
STAR_PREVENTED_CHARS = 80
# segments (read44a 4: numbers in the code): a hedge ("maybe", "probably") gives a figure roughly when the figure comes
# within this many words after it ("maybe twenty minutes", "probably about 300", "maybe a dozen": `_rough_figure`,
# judge86) ...
ROUGH_FIGURE_WORDS = 3
# ... and a modal is inside a comparison when "than" and its subject come within this many words before it ("a better
# rate than the bank would give them": `_compared`, judge86)
COMPARED_WORDS = 4
# judge71: a cue of this many words of content, or with a name inside ("logged it on Datix"), is the candidate's own
# phrase, not a lone everyday word: a sentence saying it is no bare one (judge.said_verbatim)
PHRASE_CUE_WORDS = 3
# judge75: a cue phrase said with its small words changed ("I logged on Datix"; keypoints.TokenIndex.loosely) counts at
# its words' quality times this
LOOSE_CUE_QUALITY = 0.9
# judge90: a denial in an opening "when"/"because" clause says why the candidate then acted ("When it didn't calm down I
# referred it"): the opener at most this many words before the denial, the candidate's act at most this many after
# (segments._reason_act)
REASON_OPENER_WORDS = 4
REASON_ACT_WORDS = 6
# judge96 (read47c 4: it was a number in the code): a run-on's next sentence opens after a coordinator with a lead of
# at most this many words before its own subject (", and every morning we matched"), which ends a modal's scope as a
# full stop would (segments._lead_subject)
LEAD_WORDS = 3
# judge88: a contraction denies a word of the label's claim said within this many words after it ("wasn't a proper
# ledger"; judge.AnswerJudge._contrastive)
DENIED_CLAIM_WORDS = 4
# judge117 (read51a 8: it was a number in negation_scope): a denial of having or using a thing ("we didn't use |
# idempotency keys") is read in at most this many words before the thing named, fillers aside: the denial and its verb
# (negation_scope._denies_having)
HAVING_DENIAL_WORDS = 4
# judge113 (read51a 8: it was a number in noun_only): a label claims something beside its noun phrases when this many
# of its naming words are in none of them ("had lock contention"); fewer is a heading's slot or a bare noun phrase,
# whose nouns are the claim (noun_only.noun_phrases)
NOUN_ONLY_CLAIM_WORDS = 2
# judge119 (read52a: it was a number in negation_scope): the thing a later clause denies using is read as at most this
# many words from its first ("the old test suite"; negation_scope._head)
DENIED_THING_WORDS = 4
# judge119 (read52a: it was a number in skipped): the candidate ("we", "I") is looked for at most this many words
# before a skip ("we decided to skip"; skipped.skipped_by_candidate)
SKIP_SUBJECT_WORDS = 4
# a hedge said this many words after a piece of the answer ("I did a kick off meeting at some point, I think,") is a
# tag on what it tells (judge.AnswerJudge._unsure_units, hedged_claims.py: judge121, walk68 1)
HEDGE_TAG_WORDS = 3
# the head of what a clause says was missing: up to this many words after its "no" or denied "have" ("no automatic
# failover"; judge.said_missing)
MISSING_HEAD_WORDS = 3
# judge98r: "Me and Dan went through the logs": a "me"/"us" first in its clause, said with someone ("me and ...") whose
# words end within this many words by a verb, is the candidate as a subject said in the object's form (judge._as_object)
SUBJECT_PARTNER_WORDS = 3
# texts per embedding model call in the app's pre-embedding (app.preembed), which runs one call at a time, so a stop
# waits for one only
EMBED_BATCH = 4
# the judge's model calls (embedder.batches): a call's fixed cost in padded tokens' worth (~4.5 ms against ~0.35 ms a
# token, CPU, perf46), and the most texts in one call
EMBED_CALL_TOKENS = 12
EMBED_BATCH_MAX = 16
# a typed answer's pre-embedding (app.preembed.TypedPreEmbedder): the whole text, its unfinished last sentence and an
# edit inside it too, is embedded once it has not changed for this many seconds (a sentence added at the end is at
# once); a pause to think, read back or reach for Submit (speed47)
TYPED_PRE_EMBED_PAUSE_S = 0.6
# a why-not reason opening a piece of a long sentence ("because", "since") is said in that piece only with this many
# words after it (alternatives.carries_reason): "We did not shard the order book, since my manager" is cut before it
REASON_SAID_WORDS = 3
# History's search (core.history): the index's NEAR distance for a figure and its unit, in tokens (queries._terms); a
# compound between is several, and units.spans then narrows what NEAR finds to FIGURE_WORDS_BETWEEN words
FIGURE_NEAR_TOKENS = 3
# the most words that may stand between a figure and its unit ("48 Kafka partitions"), a word hyphened to others one
# word ("two day-shift nurses", fixBK); units.spans reads it. fixBK measured 2 on dev + dev2 (writer U and the
# out-of-sample writers left out; 1,615 answers, 1,160 searches "figure word" taken from them): 78 finds added to
# 3,314, about 8 right ("two day-shift nurses", "three med-surg units"), the rest wrong ("four days" in "four seconds
# every day", "three years" in "three times last year"): kept at 1, with compounds as one word
FIGURE_WORDS_BETWEEN = 1
# read43b 1: how many words after "the 30s" (or a possessive's "our 60s") units.decade reads for a thing measured in
# time, in one phrase (no punctuation or little word between): "the 30s connection timeout", "the 30s TCP idle
# timeout" are seconds; one word read made them decades
DECADE_WORDS_AFTER = 3

# a round's summary lists "Drill next" points this short, each cut at a word, whole in its tooltip (fixBK: Airwallex's
# labels, up to 185 characters, each with its question, scrolled the summary by two lines at 1366x768)
DRILL_LABEL_CHARS = 80
# Layout (fixBW: from their widgets).
# a window at least this wide and high: the welcome back's text this much larger (pt), and the feedback's (walk38).
# The window's size, not the page's (walk17: the window a 2560x1440 screen opens at, 1792x1008, has a page under
# 1800 px: the text stayed small); a laptop's window (1366x768, 1440x900) is under it
RECAP_LARGE = (1600, 900, 4)
# in a small window the feedback's text keeps up to this many lines and the page scrolls to it (walk25: at 640x520 a
# box of ~13 lines, under half of what the page shows at once, scrolled on its own)
FEEDBACK_MIN_LINES = 20
# ... but where the whole page fits with the feedback's text at least this many lines, the page does not scroll and the
# text alone does (walk47 7: at 1366x768 and 1.25x the page scrolled, the Bank row off its top, the feedback's own
# scroll bar inside it: two scroll bars, one in the other)
FEEDBACK_FIT_LINES = 8
# below this page width History's list sits above the feedback and its bar takes two rows (walk47 7: at 1366x768 and
# 1.25x, a page ~930 px wide, side by side cut every question to "What is the most challenging technic…" and the
# search's hint to "Search (Ctrl+F): what you …")
HISTORY_NARROW_PX = 1000
# side by side, History's list is at most as wide as its columns and a question column of this many average characters
# a line (two lines a row); the feedback takes the rest (walk57 10: at 2560x1440 and 150 % the list took ~58 % of the
# width, the feedback wrapped in a narrow column beside a mostly empty table)
HISTORY_LIST_QUESTION_CHARS = 48
# History's search box: its frame and clear button, px, left out of the room its hint has (fixBP: the whole hint, or
# its short form when the whole does not fit)
HISTORY_SEARCH_FRAME_PX = 30
# a question named in Progress's "Am I improving?" line is cut at a word to this many characters
PROGRESS_QUESTION_CHARS = 60
# Practice's bank-problems line gives the first problem cut at a word to this many characters (fixCM; whole in its
# tooltip and on the Banks page)
BANK_PROBLEM_CHARS = 120
# a round's summary names each "Drill next" point's question this short (walk46 5), cut at a word
DRILL_QUESTION_CHARS = 28
# the bank editor's tree rows wrap (fixCW): a row's text past this many characters is cut, whole in its tooltip (a
# bundled Airwallex label has 182)
TREE_TEXT_CHARS = 160
# ... a row is as tall as its text wrapped to the width Qt draws it in, plus this (px); narrower than TREE_WRAP_MIN_PX
# (px) it is not measured wrapped (its one-line height)
TREE_ROW_PAD_PX = 4
TREE_WRAP_MIN_PX = 40
# two questions named in "Drill next" share an opening looked for in their first this many words (walk51 8, fixCD)
DRILL_OPENING_WORDS = 6
# quitting while an answer starts (C then Ctrl+Q at once) waits this long for it to record, then asks about it (fixE2)
QUIT_WAITS_FOR_START_S = 5.0
# quitting while an answer is recorded waits this long for the recorder to stop before PortAudio shuts down
QUIT_WAITS_FOR_RECORDER_S = 3.0
# quitting mid-import: the decode in flight when it is cancelled ends first (a window: seconds under load), then
# the attempt and its audio copy are dropped, so nothing half-saved is recovered at the next start
QUIT_WAITS_FOR_IMPORT_S = 20.0
# after a Stop, Practice says how much of the answer is still being transcribed once the wait is this long, and
# updates it this often (walk53 2: "processing" alone for 47 s; a quiet machine's 0.2-2 s shows no count)
TRANSCRIBING_SHOWN_AFTER_MS = 500
# History's "Wrote N answers ... to FILE" stays this long in the window's status bar (walk61 12: a modal box blocked Ctrl+Q)
EXPORTED_SHOWN_MS = 15000
# a state line that counts (what is left to transcribe, an import's progress) moves as it is shown, but what a screen
# reader hears (its accessible name) changes only when the count moved this many points or this long after it last
# did, or when the line says something else (fixCS: the 500 ms count was a new line to read every half second)
SPOKEN_PROGRESS_POINTS = 10
SPOKEN_PROGRESS_EVERY_S = 5.0
# an imported recording holding less sound than this is refused before anything is saved: "a.wav holds 0.0 s of
# sound — it may be cut short" (walk47: a WAV cut to its first 60 bytes imported as a 0.0004 s answer with no words).
# Half a second holds no answer; the shortest answer the judge scores says a sentence. A file of silence of any length
# is not refused here: it is decoded and transcribed like any, and "I didn't hear an answer" then saves nothing.
IMPORT_MIN_SOUND_S = 0.5
# the words a search hit's snippet shows around what was found (History, `history search`; as FTS5's snippet() did)
SNIPPET_WORDS = 12
# Welcome back names the never-answered questions of at most this many banks, the rest counted together (fixBQ: every
# bank practised is counted, one line)
WELCOME_BANKS_NAMED = 3
# History's Delete can be undone this long ("Answer deleted · Undo (Ctrl+Z)"); then, or at another delete or the quit,
# the answers' recordings are really removed (fixX)
UNDO_DELETE_S = 30.0


@dataclass
class BankSettings:
    max_file_bytes: int = 256_000       # a bank is a few KB; anything larger is refused (read, up to 4x, only to name why)
    max_nesting: int = 8                # deepest [ ]/{ } nesting in a value (banks use 1-2)
    max_key_parts: int = 8              # most dotted parts in a key or header (banks use 3)
    max_errors: int = 60                # problems listed per file; the rest are counted
    undo_steps: int = 200               # edits the bank editor can undo
    long_label_words: int = 25          # a key point longer than this gets a gentle hint in the editor: split it?
    max_label_chars: int = 400          # a key point's label is a sentence or two (bundled ones: at most 185); a
                                        # longer one is refused, checked before any work on its words (walk61 1)
    share_far_below: float = 0.5        # the editor says a competency's real share of a round's overall when it is
                                        # under this part of its weight's share (walk68 5: weight 0.25, 4%)


# A point's name changed where it stands in the Vocabulary box is a correction, still the point's, when the new line
# is this close to the old one or to a name the point's wording says (difflib ratio, case aside: "Bed Bureu" ->
# "Bed Bureau" 0.95, "Kafak" -> "Kafka" 0.8), or a start of one (a name retyped, committed at a pause: "Ag", "Agen");
# anything further ("Bank Nurses" for "AGENCY NURSES", 0.75) is a name of the candidate's own (review35a 3)
VOCABULARY_CORRECTION_RATIO = 0.8
# the bank editor's "Try it": a cue offered from the candidate's wording is a short phrase, not her sentence; so many
# phrases are tried (each by the judge, some held back as too loose: fixCQ) for the one offered
TRY_CUE_WORDS_MAX = 4
TRY_CUES_TRIED = 6


INTERFACE_SIZES = (100, 125, 150, 175, 200)     # percent of the system's own scaling, offered in Settings


@dataclass
class InterfaceSettings:
    size_percent: int = 100             # the interface's size, in percent of the system's scaling (100 = as the
                                        # system); applied when the app starts (QT_SCALE_FACTOR, gui/app.py)


# fitted or measured by the benchmarks for this version's judge and models: they follow the version installed
FITTED = frozenset({("analysis", "judge_weights"), ("analysis", "judge_threshold"),
                    ("analysis", "measured_filler_recall")})


@dataclass
class Settings:
    audio: AudioSettings = field(default_factory=AudioSettings)
    speech: SpeechSettings = field(default_factory=SpeechSettings)
    transcription: TranscriptionSettings = field(default_factory=TranscriptionSettings)
    analysis: AnalysisSettings = field(default_factory=AnalysisSettings)
    practice: PracticeSettings = field(default_factory=PracticeSettings)
    history: HistorySettings = field(default_factory=HistorySettings)
    banks: BankSettings = field(default_factory=BankSettings)
    interface: InterfaceSettings = field(default_factory=InterfaceSettings)

    @classmethod
    def load(cls, path: Path | None = None) -> Settings:
        path = path or paths.settings_path()
        settings = cls()
        if not path.exists():
            return settings
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            log.warning("%s: unreadable settings (%s); using defaults", path, exc)
            return settings
        for group in dataclasses.fields(cls):
            values = raw.get(group.name, {})
            target = getattr(settings, group.name)
            for f in dataclasses.fields(target):
                if f.name not in values or (group.name, f.name) in FITTED:
                    continue        # FITTED: a file saved by an older version must not pin its judge's weights
                value = values[f.name]
                default = getattr(target, f.name)
                if value is None and "None" in str(f.type):
                    pass            # an optional setting chosen as "none" (the standard voice, the system microphone)
                elif isinstance(default, tuple):
                    value = tuple(value) if isinstance(value, list) else default
                elif default is not None and not isinstance(value, type(default)) and not (
                    isinstance(default, float) and isinstance(value, int)
                ):
                    log.warning("%s: %s.%s should be %s; using %r",
                                path, group.name, f.name, type(default).__name__, default)
                    continue
                bounds = RANGES.get((group.name, f.name))
                if bounds is not None and not bounds[0] <= value <= bounds[1]:
                    log.warning("%s: %s.%s is %r, but it must be between %g and %g; using the default, %r",
                                path, group.name, f.name, value, *bounds, default)
                    continue
                setattr(target, f.name, value)
        return settings

    def save(self, path: Path | None = None) -> None:
        path = path or paths.settings_path()
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(self.changed(), indent=2), encoding="utf-8")
        tmp.replace(path)

    def changed(self) -> dict[str, dict[str, object]]:
        """The values that differ from the defaults, by group (what `save` writes)."""
        default, out = Settings(), {}
        for group in dataclasses.fields(self):
            mine, base = dataclasses.asdict(getattr(self, group.name)), dataclasses.asdict(getattr(default, group.name))
            diff = {k: v for k, v in mine.items() if v != base[k] and (group.name, k) not in FITTED}
            if diff:
                out[group.name] = diff
        return out
