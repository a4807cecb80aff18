"""Draft a bank from a job description: offline, deterministic, for the candidate to review and edit.

Reads the title, company and level; must-haves; a competency table with its weights (and a
"Scoring Weights" list, which wins when both are there), or weighted lines ("- Stakeholder management (30%)",
"Name: 30%") under "Competencies" or in a block summing to about 100% (`weighted_blocks`); the responsibilities
("What you'll do") and the "What we look for" lines. Each line becomes a prompt ("Tell me about a time you ...") whose
key points are the line's own ideas, plus two a strong answer always needs: what you did yourself,
and the result in numbers. With fewer than four prompts, must-haves and standard openers fill in.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

import tomlkit
from tomlkit.items import Table

from voiceprep.core.analysis.text import sentences
from voiceprep.core.banks.document import slugify
from voiceprep.core.invisible import without_invisible
from voiceprep.core.wording import capitalised

MIN_PROMPTS = 4
JOB_TITLE_WORDS = 12          # a first line longer than this is a sentence: the title is its first clause
MAX_CONTENT_POINTS = 3
PROMPT_WORDS = 24
SECTIONS = {
    "do": ("what you'll do", "what you will do", "responsibilities", "key responsibilities", "your role",
           "the role", "what you'll be doing", "in this role", "day to day", "you will"),
    "look": ("what we look for", "what we're looking for", "what we are looking for", "requirements",
             "qualifications", "about you", "who you are", "you have", "skills", "nice to have", "preferred",
             "bonus points", "preferred qualifications"),
    "must": ("must-haves", "must haves", "must have", "minimum qualifications", "basic qualifications"),
    "competencies": ("competencies",),
    "weights": ("scoring weights",),
    "other": ("about", "benefits", "perks", "apply", "interview questions", "live performance", "avg score",
              "equal opportunity", "compensation", "salary", "location", "how to apply", "our values"),
}
LEVELS = ("principal", "staff", "senior", "lead", "mid-level", "junior", "entry-level", "intern")
IRREGULAR = {"build": "built", "lead": "led", "write": "wrote", "drive": "drove", "run": "ran", "make": "made",
             "take": "took", "set": "set", "grow": "grew", "hold": "held", "teach": "taught", "bring": "brought",
             "think": "thought", "find": "found", "keep": "kept", "give": "gave", "get": "got", "choose": "chose",
             "understand": "understood", "put": "put", "cut": "cut", "spend": "spent", "win": "won", "do": "did",
             "be": "were", "have": "had", "see": "saw", "lay": "laid", "mentor": "mentored", "own": "owned",
             "debug": "debugged", "plan": "planned", "ship": "shipped", "scope": "scoped", "prototype": "prototyped",
             "model": "modelled", "control": "controlled", "commit": "committed", "refer": "referred"}
VERBS = frozenset([
    "design", "implement", "extend", "architect", "build", "create", "analyze", "analyse", "debug", "develop",
    "lead", "own", "drive", "write", "maintain", "improve", "optimize", "optimise", "scale", "deliver", "ship",
    "collaborate", "work", "partner", "mentor", "manage", "define", "establish", "operate", "support", "deploy",
    "monitor", "automate", "migrate", "review", "test", "investigate", "troubleshoot", "integrate", "demonstrate",
    "apply", "ensure", "help", "run", "plan", "communicate", "coordinate", "evaluate", "research", "prototype",
    "refactor", "contribute", "champion", "influence", "take", "set", "grow", "identify", "solve", "make", "use",
    "handle", "secure", "reduce", "increase", "model", "produce", "translate", "guide", "onboard"
])
# a line's ideas are split at marks and joining words, never inside a hyphenated word (walk68 2: "day-to-day" gave
# the key point "-day users")
_WORD = "(?<![\\w-]){}(?![\\w-])"
SPLIT = re.compile(r"\s*(?:;|,|--|—|–|:|\((?:e\.g\.|eg|i\.e\.)|" + "|".join(
    _WORD.format(w) for w in ("and", "while", "ensuring", "including", "to", "such as", "with", "by", "via", "that"))
    + r")\s*", re.IGNORECASE)
# a weighted line: "Stakeholder management (30%)", "Communication: 25%", "Data - 20%", "Design = 0.3"
_WEIGHTED = re.compile(r"(?P<name>[A-Za-z][^%:=()]*?)\s*(?:\(\s*(?P<share>\d+(?:\.\d+)?)\s*%\s*\)|"
                       r"(?:[:=]|\s[-\u2013\u2014])\s*(?:(?P<percent>\d+(?:\.\d+)?)\s*%|(?P<fraction>0?\.\d+)))\s*\.?")
WEIGHTED_NAME_WORDS = 8
WEIGHTS_FULL = (0.95, 1.05)   # a block of weighted lines summing to about 100% is the job's competencies
STOP = frozenset([
    "a", "an", "the", "of", "to", "for", "in", "on", "at", "by", "with", "and", "or", "our", "your", "their",
    "its", "we", "you", "this", "that", "from", "as", "into", "all", "any", "each", "other", "new", "well", "good",
    "strong", "solid", "deep", "proper", "them", "it", "they", "us", "him", "her", "me"
])
WEAK = frozenset([
    "be", "is", "are", "was", "built", "done", "made", "used", "can", "will", "should", "would", "need", "needs",
    "enable", "make"
])
GENERIC_NAMES = frozenset([
    "I", "We", "Our", "The", "You", "This", "At", "In", "For", "A", "An", "It", "They", "What", "Apply", "About",
    "Experience", "Ability", "Passion", "Expert", "Solid", "Strong", "Design", "Create", "Analyze", "Architect",
    "Write", "Demonstrate", "Jobs", "Home", "Page", "Engineering", "Full-Time", "Not", "Only", "He", "She",
    "Behind", "Total", "Live"
])
# Two points every drafted story prompt gets, about how the story is told; the judge reads them as the delivery
# cards do (core/analysis/analyze.py: told_points), so a point and its card never disagree
OWNERSHIP_LABEL = "Say what you did yourself: your decisions and your part, in the first person"
RESULT_LABEL = "Give the result in numbers: time, money, latency, scale or people"
OWNERSHIP_CUES = ["I designed|I built|I led|I decided|I wrote|I implemented|I owned|I proposed|I drove|I chose"]
RESULT_CUES = ["{number} percent|{number} times|{number} ms|{number} milliseconds|{number} seconds|{number} hours|"
               "{number} users|{number} customers|{number} engineers|{number} million|{number} thousand|"
               "{number} per second|{number} requests"]


@dataclass
class CompetencySpec:
    id: str
    name: str
    weight: float | None
    definition: str = ""


@dataclass
class JobSpec:
    title: str = "Drafted job"
    company: str | None = None
    level: str | None = None
    description: str | None = None
    must_haves: list[str] = field(default_factory=list)
    responsibilities: list[str] = field(default_factory=list)
    looks_for: list[str] = field(default_factory=list)
    competencies: list[CompetencySpec] = field(default_factory=list)
    round_title: str | None = None
    vocabulary: list[str] = field(default_factory=list)


def _norm(line: str) -> str:
    return line.replace("\u2019", "'").replace("\u00a0", " ").strip()


def _heading(line: str) -> str | None:
    """The section a heading line opens, or None when the line is content."""
    low = line.lower().rstrip(":").strip()
    if len(low.split()) > 6 or low.endswith("."):
        return None
    for section, names in SECTIONS.items():
        for name in names:
            if low == name or (section == "other" and low.startswith(name + " ")) or (
                    section != "other" and low.startswith(name) and len(low) <= len(name) + 12):
                return section
    return None


def _strip_bullet(line: str) -> str:
    return re.sub(r"^(?:[-*\u2022\u25cf\u25aa]|\d+[.)])\s*", "", line).strip()


_FRONT_MATTER = re.compile(r"\A\s*---[ \t]*\n(.*?)\n---[ \t]*(?:\n|\Z)", re.S)


def front_matter(text: str) -> tuple[str, dict[str, str]]:
    """Notes without the YAML front matter they open with ("---\\ntitle:\\ndraft: true\\n---", seed 000), and its
    "key: value" fields (those with a value on their own line)."""
    found = _FRONT_MATTER.match(text)
    if not found:
        return text, {}
    fields = re.finditer(r"^([A-Za-z_][\w-]*):[ \t]*(\S.*?)[ \t]*$", found.group(1), re.M)
    return text[found.end():], {m.group(1).lower(): m.group(2).strip("\"'") for m in fields}


def _title(line: str) -> str:
    """A title from the first line of words: without a markdown "#" or quotes; a sentence is cut at its first clause
    (seed 000: "Airwallex is building the global financial platform — everything from ..."), at most JOB_TITLE_WORDS."""
    line = line.lstrip("#").strip().strip("\"\u201c\u201d'").strip()
    if len(line.split()) > JOB_TITLE_WORDS:
        clause = re.split(r"\s[\u2014\u2013]\s|\s-\s|[.!?;:,](?:\s|$)", line)[0]
        line = clause if len(clause.split()) >= 2 else line
        line = " ".join(line.split()[:JOB_TITLE_WORDS])
    return line[:120]


def read_job(text: str) -> JobSpec:
    """The parts of a job description a bank is made from."""
    text, fields = front_matter(text.replace("\r\n", "\n"))
    lines = [_norm(line) for line in text.replace("\r", "\n").split("\n")]
    lines = [line for line in lines if re.search(r"[^\W_]", line)]     # not a rule ("---", "***")
    spec = JobSpec()
    section = "intro"
    intro: list[str] = []
    weights: dict[str, float] = {}
    weight_key: str | None = None
    table_header: list[str] | None = None
    weighted = weighted_blocks(lines)
    for i, line in enumerate(lines):
        if "|" in line and line.count("|") >= 3:
            table_header = _table_row(line, table_header, spec)
            continue
        if i in weighted:
            _weighted_competency(spec, *weighted[i])
            continue
        heading = _heading(line)
        if heading:
            section, weight_key = heading, None
            continue
        if section == "intro":
            intro.append(line)
        elif section == "must":
            item = re.sub(r"^(?:required|must[- ]have)\s*[:\-\u00b7]?\s*", "", _strip_bullet(line), flags=re.I)
            if item and not item.lower().startswith(("preferred", "nice")):
                spec.must_haves.append(item)
        elif section in ("do", "look"):
            item = _strip_bullet(line)
            if len(item.split()) >= 3 and not item.lower().startswith(("apply", "about ")):
                (spec.responsibilities if section == "do" else spec.looks_for).append(item)
        elif section == "weights":
            weight_key = _weight_line(line, weight_key, weights)
        if re.search(r"\bround\b", line, re.I) and len(line.split()) <= 6 and not spec.round_title \
                and re.search(r"\(round \w+\)|round \d+", line, re.I):
            spec.round_title = line
    _apply_weights(spec, weights)
    _job_header(spec, intro, lines)
    if fields.get("title") and re.search(r"[^\W\d_]", fields["title"]):
        spec.title = _title(fields["title"])
    spec.vocabulary = _vocabulary(spec)
    return spec


def weighted_line(line: str) -> tuple[str, float] | None:
    """A list line naming a competency and its weight ("- Stakeholder management (30%)", "Communication: 25%"), as
    (name, fraction); None for any other line."""
    match = _WEIGHTED.fullmatch(_strip_bullet(line))
    if not match or len(match.group("name").split()) > WEIGHTED_NAME_WORDS:
        return None
    share = match.group("share") or match.group("percent")
    weight = float(share) / 100 if share else float(match.group("fraction"))
    return match.group("name").strip(), round(weight, 6)


def weighted_blocks(lines: list[str]) -> dict[int, tuple[str, float]]:
    """The lines that are the job's competencies, by index: a run of weighted lines under a "Competencies" heading, or
    anywhere else (not under "Scoring weights", which weighs a table's ids) a run of two or more summing to about 100%
    (walk68 2: "What we look for: - Stakeholder management (30%) ..." became four prompts and no competency)."""
    found: dict[int, tuple[str, float]] = {}
    section = "intro"
    run: list[tuple[int, str, float]] = []      # (index, name, weight) of consecutive weighted lines

    def close() -> None:
        total = sum(w for _, _, w in run)
        if run and section != "weights" and (section == "competencies" or (
                len(run) >= 2 and WEIGHTS_FULL[0] <= total <= WEIGHTS_FULL[1])):
            found.update({i: (name, w) for i, name, w in run})
        run.clear()
    for i, line in enumerate(lines):
        read = weighted_line(line) if line.count("|") < 3 else None
        if read is not None:
            run.append((i, *read))
            continue
        close()
        section = _heading(line) or section
    close()
    return found


def _weighted_competency(spec: JobSpec, name: str, weight: float) -> None:
    cid = _competency_id(name)
    same = next((c for c in spec.competencies if c.id == cid), None)
    if same is None:
        spec.competencies.append(CompetencySpec(cid, name, weight))
    elif same.weight is None:
        same.weight = weight


def _table_row(line: str, header: list[str] | None, spec: JobSpec) -> list[str] | None:
    cells = [c.strip() for c in line[line.index("|"):].strip().strip("|").split("|")]
    low = [c.lower() for c in cells]
    if "name" in low and ("weight" in low or "definition" in low or "description" in low):
        return low
    if header is None or all(set(c) <= set("-: ") for c in cells):
        return header
    row = dict(zip(header, cells))
    name = row.get("name", "").strip()
    if not name:
        return header
    cid = _competency_id(row.get("id") or slugify(name, fallback="competency"), {c.id for c in spec.competencies})
    spec.competencies.append(CompetencySpec(cid, name, _weight(row.get("weight", "")),
                                            row.get("definition") or row.get("description") or ""))
    return header


def _competency_id(text: str, taken: set[str] | frozenset[str] = frozenset()) -> str:
    """A drafted competency's id: dashes, as every new id in the editor ("distributed-systems-design", also for the
    job's own "distributed_systems_design"; fix40). Banks already saved keep their ids: history is keyed by them."""
    return slugify(text, taken, fallback="competency", words=8)


def _weight(text: str) -> float | None:
    """0.30, .3, 30% or 30%0.30 (a percentage followed by its decimal) as a fraction."""
    decimals = re.findall(r"(?<![\d.])(0?\.\d+|1\.0+|1)(?![\d%])", text)
    if decimals:
        return float(decimals[-1])
    percent = re.search(r"(\d+(?:\.\d+)?)\s*%", text)
    return round(float(percent.group(1)) / 100, 6) if percent else None


def _weight_line(line: str, key: str | None, weights: dict[str, float]) -> str | None:
    match = re.fullmatch(r"([A-Za-z][\w-]*)\s*[:=]?\s*(.*)", line)
    if match and re.fullmatch(r"[a-z][a-z0-9_-]*", match.group(1)) and not match.group(2):
        return match.group(1)                   # an id alone on its line; its weight is on the next
    value = _weight(line)
    if match and match.group(2) and value is not None and re.fullmatch(r"[a-z][a-z0-9_-]*", match.group(1)):
        weights[match.group(1)] = value         # "id: 0.30" on one line
        return None
    if key and value is not None:
        weights[key] = value
    return None if value is not None else key


def _apply_weights(spec: JobSpec, weights: dict[str, float]) -> None:
    weights = {_competency_id(key): value for key, value in weights.items()}    # "tech_depth: 0.7" as "tech-depth"
    for comp in spec.competencies:
        if comp.id in weights:
            comp.weight = weights[comp.id]
    if spec.competencies and any(c.weight is None for c in spec.competencies):
        even = round(1 / len(spec.competencies), 4)
        for comp in spec.competencies:
            comp.weight = comp.weight if comp.weight is not None else even
    total = sum(c.weight or 0 for c in spec.competencies)
    if spec.competencies and not math.isclose(total, 1.0, abs_tol=0.001):
        for comp in spec.competencies:
            comp.weight = round((comp.weight or 0) / total, 4) if total else round(1 / len(spec.competencies), 4)
        spec.competencies[-1].weight = round(1 - sum(c.weight or 0 for c in spec.competencies[:-1]), 4)


def _job_header(spec: JobSpec, intro: list[str], lines: list[str]) -> None:
    if intro:
        spec.title = _title(intro[0]) or spec.title
    heads = " ".join([spec.title] + intro[1:3])
    level = re.search(r"\b(" + "|".join(LEVELS) + r")\b", heads, re.I) or \
        re.search(r"\b(?:a|an)\s+(" + "|".join(LEVELS) + r")\s+(?:role|position|engineer|level)", " ".join(lines), re.I)
    spec.level = level.group(1).lower() if level else None
    for line in lines:
        about = re.fullmatch(r"about\s+([A-Za-z][\w&.' -]{1,40})", line, re.I)
        at = re.search(r"\bAt ([A-Z][\w&.-]+(?: [A-Z][\w&.-]+)?),? we\b", line)
        found = about.group(1) if about and _heading(line) == "other" and about.group(1).lower() != "you" else (
            at.group(1) if at else None)
        if found:
            spec.company = found.title() if found.isupper() else found
            break
    long_lines = [line for line in intro[1:] if len(line.split()) >= 20]
    if long_lines:
        sentences = re.split(r"(?<=[.!?])\s+", long_lines[0])
        spec.description = " ".join(sentences[:2])[:400]


def _vocabulary(spec: JobSpec) -> list[str]:
    found: dict[str, None] = dict.fromkeys([spec.company] if spec.company else [])
    for line in [*spec.must_haves, *spec.responsibilities, *spec.looks_for,
                 *(c.definition for c in spec.competencies)]:
        found.update(dict.fromkeys(names_in(line)))
    return list(found)[:12]


# -- prompts ------------------------------------------------------------------------------------
def _past(verb: str) -> str:
    low = verb.lower()
    if low in IRREGULAR:
        return IRREGULAR[low]
    if low.endswith("e"):
        return low + "d"
    if low.endswith("y") and low[-2:-1] not in "aeiou":
        return low[:-1] + "ied"
    return low + "ed"


def _clause(text: str) -> tuple[str, str]:
    """The first clause of a line, short enough to be asked aloud, and the rest of the line."""
    parts = re.split(r"\s*(?:--|—|–|;|\(|: )\s*", text, maxsplit=1)
    clause, rest = parts[0].strip().rstrip("."), (parts[1] if len(parts) > 1 else "")
    words = clause.split()
    if len(words) > PROMPT_WORDS * 2 // 3:          # a long line: ask its first clause, the rest are key points
        cut = next((i for i, w in enumerate(words) if i >= 4 and w.endswith(",")), None)
        if cut is not None:
            clause, rest = " ".join(words[:cut + 1]).rstrip(","), (" ".join(words[cut + 1:]) + " " + rest).strip()
    words = clause.split()
    if len(words) > PROMPT_WORDS:
        clause, rest = " ".join(words[:PROMPT_WORDS]), " ".join(words[PROMPT_WORDS:]) + " " + rest
    return clause, rest.strip()


def _lead_verbs(text: str) -> tuple[list[str], str]:
    """("Design, implement and extend core services") -> (["design", "implement", "extend"], "core services")."""
    verbs: list[str] = []
    rest = text
    while True:
        match = re.match(r"\s*(?:and\s+|or\s+|&\s+)?([A-Za-z]+)(?:/([A-Za-z]+))?\s*(,|/|\band\b|\bor\b|&)?\s*", rest)
        if not match or match.group(1).lower() not in VERBS:
            break
        verbs.append(match.group(1).lower())
        if match.group(2) and match.group(2).lower() in VERBS:
            verbs.append(match.group(2).lower())
        rest = rest[match.end():]
        if not match.group(3) and not re.match(r"\s*(?:and|or|&)\s", rest):
            break
    return verbs, rest.strip()


def _join(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


PREFIXES = (("expert knowledge in ", "Tell me about your expert knowledge in {}."),
            ("experience ", "Tell me about your experience {}."),
            ("ability to ", "Tell me about a time you showed you can {}."),
            ("proficiency in ", "How have you used {} in production? Give an example."),
            ("knowledge of ", "Tell me about a time your knowledge of {} made the difference."),
            ("demonstrated ", "Tell me about your demonstrated {}."))


def prompt_for(line: str) -> tuple[str, str, str]:
    """A spoken prompt for one job line; the content of its first clause; the rest of the line."""
    clause, rest = _clause(line)
    verbs, content = _lead_verbs(clause)
    if verbs and content:
        return f"Tell me about a time you {_join([_past(v) for v in verbs])} {_neutral(content)}.", content, rest
    low = clause.lower()
    for prefix, template in PREFIXES:
        if low.startswith(prefix):
            body = clause[len(prefix):]
            return template.format(_neutral(body)), body, rest
    phrase = clause[0].lower() + clause[1:] if clause[1:2].islower() else clause
    return f"Give me an example that shows your {_neutral(phrase)}.", clause, rest


def _neutral(text: str) -> str:
    """The job's "our pipeline" asked of the candidate: "a pipeline"."""
    return re.sub(r"\bour\b", "the", re.sub(r"\bus\b", "the team", text))


# where a clause starts afresh, as after a full stop: a dash, ";" or ":", a new line, or a list mark ("•", or a "-"
# or "*" standing alone: a pasted list, walk50 "• Told the family" made "Told" a name); "3-D", "PCI-DSS" stay whole
_CLAUSE_BREAK = re.compile(r"\s*(?:--|—|–|;|:|\n|[•·▪◦‣●○■□➢➤►]|(?<!\S)[-*](?!\S))\s*")


def names_in(text: str) -> list[str]:
    """Names in text, as written: runs of capitalised words inside a sentence ("Kafka", "Genshin Impact", "3-D
    Secure", "Stripe"), and wherever they stand acronyms ("PCI", "PCI-DSS"), words with a capital inside ("HoYoverse",
    "gRPC") or a digit and a capital ("S3", "3-D"). A sentence's first word is capitalised anyway: a name there only
    when so marked ("Python was ..." is not told from "Order was ..."). A run ends at a comma or any mark ("Kafka,
    Postgres" are two). Drafts, cues and the notes' vocabulary all read names here (fix40: two readers disagreed on
    "3-D Secure", "Kafka, Postgres" and a plain word such as "Stripe" inside a sentence). A dash, a new line or a
    list mark starts a clause as a full stop does (`_CLAUSE_BREAK`)."""
    found: dict[str, None] = {}
    for sentence in (c for s in sentences(text) for c in _CLAUSE_BREAK.split(s)):
        run: list[str] = []
        last_end = -1
        for i, match in enumerate(re.finditer(r"[A-Za-z0-9][A-Za-z0-9+#'-]*", sentence)):
            if not (run and match.start() == last_end + 1 and sentence[last_end] == " "):
                if run:
                    found.setdefault(" ".join(run), None)
                run = []
            word = _named_part(re.sub(r"'(?:s|m|d|ve|ll|re|t)$", "", match.group(0).rstrip("'-")))
            named = _name_word(word, first=i == 0)
            if named:
                run.append(word)
            if run and (not named or word != match.group(0)):   # "PCI-scoped Postgres", "HoYoverse's Genshin Impact"
                found.setdefault(" ".join(run), None)
                run = []
            last_end = match.end()
        if run:
            found.setdefault(" ".join(run), None)
    titles = {m.group(1) for m in _TITLE_LINE.finditer(text)}
    return [name for name in found if not (name in titles and _shouted(name))]


def name_phrase(text: str) -> bool:
    """Whether a short piece of text is itself a name: every word capitalised and the first no generic word ("LMAX
    Disruptor", "Bed Bureau", "Kafka"; not "I decided", "We led"). The notes dialog makes such an idea its own cue,
    and a cue so written is a name for the bank's vocabulary (core/banks/point_names)."""
    words = text.split()
    return bool(words) and all(w[:1].isupper() for w in words) and words[0] not in GENERIC_NAMES


# a line that opens with words in capitals and ends there or at a dash, colon or bracket: a title line ("WARD MANAGER
# INTERVIEW - my stories"); the same capitals inside a sentence are names ("We run on AWS LAMBDA", review33 6)
_TITLE_LINE = re.compile(r"^[ \t]*([A-Z][A-Z']*(?:[ \t]+[A-Z][A-Z']*)+)[ \t]*(?=$|[-–—:(])", re.MULTILINE)


def _shouted(run: str) -> bool:
    """Whether a run of capitals is ordinary words written in capitals, as a title line is ("WARD MANAGER INTERVIEW",
    walk41: put into the bank's vocabulary, the transcriber then heard "WARD MANAGER" in every answer): two words or
    more, all in capital letters, one of them 5 letters or longer. Acronyms are short ("NHS", "PCI DSS", "AWS IAM").
    Only a title line's run is dropped (names_in): product names are written so too ("AWS LAMBDA", "SQL SERVER")."""
    words = run.split()
    return (len(words) >= 2 and all(w.isalpha() and w.isupper() for w in words)
            and any(len(w) >= 5 for w in words))


def _named_part(word: str) -> str:
    """A hyphened word's part up to a plain lower-case part: "PCI-scoped" is "PCI", "Stripe-hosted" "Stripe"; "3-D",
    "PCI-DSS", "Multi-Region" stay whole."""
    parts = word.split("-")
    cut = next((n for n, part in enumerate(parts) if n and part.isalpha() and part.islower()), len(parts))
    return "-".join(parts[:cut])


def _name_word(word: str, first: bool) -> bool:
    """Whether a word is written as a name (see names_in); `first`: it starts its sentence."""
    if word in GENERIC_NAMES or not any(ch.isupper() for ch in word):
        return False
    letters = sum(ch.isalpha() for ch in word)
    if re.fullmatch(r"[A-Z][+#]+", word):
        return True                         # "C++", "C#"
    if word[:1].isdigit():                  # "3-D", "2FA"; "10M", "4K" are amounts
        return "-" in word or letters >= 2
    if any(ch.isupper() or ch.isdigit() for ch in word[1:]):
        return letters >= 2                 # "PCI", "HoYoverse", "gRPC", "S3"; not "A"
    return letters >= 2 and not first       # "Stripe" inside a sentence


def ideas_of(content: str) -> list[str]:
    """The separate ideas in a job line, as short key-point labels."""
    out: list[str] = []
    for part in SPLIT.split(content):
        words = [w for w in re.findall(r"[A-Za-z0-9+#/'.-]+", part) if w.lower() not in STOP | WEAK]
        if not words or (len(words) == 1 and len(words[0]) < 5 and not words[0].isupper()):
            continue
        label = part.strip(" .,")
        label = re.sub(r"^(?:(?:deep |strong |solid )?(?:knowledge|expertise|experience|proficiency) (?:of|in|with)"
                       r"|to|for|of|in|on|the|a|an)\s+", "", label, flags=re.I)
        label = _neutral(capitalised(label))
        if label.lower() not in (o.lower() for o in out):
            out.append(label)
    return out[:MAX_CONTENT_POINTS]


@dataclass
class DraftPrompt:
    text: str
    ideas: list[str]
    competency: str | None = None
    names: list[str] = field(default_factory=list)      # named technologies the line adds: one "tie it to" point


def plan(spec: JobSpec) -> list[tuple[str, list[DraftPrompt]]]:
    """Rounds of prompts, before they are written as TOML."""
    rounds: list[tuple[str, list[DraftPrompt]]] = []
    comp_ids = [c.id for c in spec.competencies]

    def make(line: str, competency: str | None = None) -> DraftPrompt:
        text, content, rest = prompt_for(line)
        _, content = _lead_verbs(content)
        listed = content.count(",") >= 2        # "knowledge of A, B, C and D": the list is the key points
        if names_in(rest):                      # "--we use Flask on Gunicorn": the job's own setup, one point
            ideas = ideas_of(content)[:MAX_CONTENT_POINTS - 1]
        else:
            ideas = (ideas_of(content) + ideas_of(rest) if listed else ideas_of(rest) + ideas_of(content))
            ideas = ideas[:MAX_CONTENT_POINTS]
        names = [n for n in names_in(rest) if n.lower() not in content.lower()]
        prompt = DraftPrompt(text, ideas, competency or _closest(line, spec.competencies), names[:4])
        return prompt

    lines = [("What you'll do", [make(line) for line in spec.responsibilities]),
             ("What we look for", [make(line) for line in spec.looks_for])]
    # a competency given only by its name and weight ("Stakeholder management (30%)") is asked by its own prompt only
    # when no job line is closest to it: its name alone makes a thin prompt, and every weighted competency needs key
    # points to count (walk68 2 and 5)
    covered = {p.competency for _, prompts in lines for p in prompts}
    own = [c for c in spec.competencies if c.definition or c.id not in covered]
    if own:
        rounds.append((spec.round_title or "Round 1 - Competencies", [make(c.definition or c.name, c.id) for c in own]))
    rounds.extend((title, prompts) for title, prompts in lines if prompts)
    count = sum(len(prompts) for _, prompts in rounds)
    if count < MIN_PROMPTS:
        extra = [make(m) for m in spec.must_haves][:MIN_PROMPTS - count]
        count += len(extra)
        company = spec.company or "this company"
        openers = [DraftPrompt(f"Why {company}, and why this role?", ["What draws you to the company",
                                                                        "Why this role fits what you want next"]),
                   DraftPrompt("Walk me through your background.", ["Where you are now and what you are best at",
                                                                     "The experience most relevant to this job"]),
                   DraftPrompt("What is the most impactful thing you have built?", ["What you built and why it mattered"]),
                   DraftPrompt("Tell me about the hardest technical problem you have solved.",
                               ["The problem and why it was hard"])]
        extra += openers[:max(0, MIN_PROMPTS - count)]
        if comp_ids:
            for p in extra:
                p.competency = p.competency or comp_ids[0]
        rounds.append(("General", extra))
    return rounds


def _closest(line: str, comps: list[CompetencySpec]) -> str | None:
    if not comps:
        return None
    return max(comps, key=lambda c: len(_stems(line) & _stems(c.name + " " + c.definition))).id


def _stems(text: str) -> set[str]:
    """A text's words of four letters or more, by their first five ("escalations" and "de-escalation" share one)."""
    return {w[:5] for w in re.findall(r"[a-z]{4,}", text.lower())}


# -- writing ------------------------------------------------------------------------------------
def _table(values: dict[str, object]) -> Table:
    table = tomlkit.table()
    for key, value in values.items():
        if value not in (None, "", []):
            table[key] = value
    return table


def draft_bank(text: str, source: str = "a job description") -> str:
    """Bank TOML drafted from a job description (valid for `voiceprep banks check`), without the invisible characters
    a pasted ad brings (read47b 2)."""
    spec = read_job(without_invisible(text)[0])
    doc = tomlkit.document()
    doc.add(tomlkit.comment(f"Drafted by voiceprep from {source}. Review it: reword the prompts the way an"))
    doc.add(tomlkit.comment("interviewer would ask them, and make the key points your own (what you will say)."))
    doc["schema"] = 1
    if spec.vocabulary:
        doc["vocabulary"] = spec.vocabulary
    doc.add(tomlkit.nl())
    bank_id = slugify(" ".join(filter(None, [spec.company, spec.title])), fallback="drafted-bank", words=6)
    doc["job"] = _table({"id": bank_id, "title": spec.title, "company": spec.company, "level": spec.level,
                         "must_haves": spec.must_haves, "description": spec.description})
    if spec.competencies:
        comps = tomlkit.aot()
        for c in spec.competencies:
            comps.append(_table({"id": c.id, "name": c.name, "weight": c.weight, "definition": c.definition}))
        doc.add(tomlkit.comment("Competencies and weights as the job description gives them."))
        doc["competencies"] = comps
    rounds = tomlkit.aot()
    prompt_ids: set[str] = set()
    for ri, (title, prompts) in enumerate(plan(spec)):
        round_table = _table({"id": slugify(title, fallback=f"round-{ri + 1}"), "title": title})
        aot = tomlkit.aot()
        for p in prompts:
            pid = slugify(re.sub(r"^(tell me about (a time you |your )?|give me an example that shows your )", "",
                                 p.text.lower()), prompt_ids, fallback="prompt")
            prompt_ids.add(pid)
            aot.append(_prompt_table(pid, p))
        round_table["prompts"] = aot
        rounds.append(round_table)
    doc["rounds"] = rounds
    return doc.as_string()


def _prompt_table(pid: str, p: DraftPrompt) -> Table:
    table = _table({"id": pid, "text": p.text, "target_seconds": 120})
    kps = tomlkit.aot()
    taken: set[str] = set()
    points: list[dict[str, object]] = [{"label": idea} for idea in p.ideas]
    if p.names:
        points.append({"label": f"Tie it to {_join(p.names)}", "cues": ["|".join(p.names)]})
    points.append({"label": OWNERSHIP_LABEL, "cues": OWNERSHIP_CUES, "follow_up": "What was your own part in it?"})
    points.append({"label": RESULT_LABEL, "cues": RESULT_CUES, "follow_up": "How did you measure the result?"})
    for point in points:
        kid = slugify(str(point["label"]), taken, fallback="point", words=3)
        taken.add(kid)
        kps.append(_table({"id": kid, **point, "competency": p.competency}))
    table["key_points"] = kps
    return table
