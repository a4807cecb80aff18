"""The feedback page: competency bars drawn to the score's length; the page is a readable column."""

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QTextBrowser

from voiceprep.gui.widgets.common import score_color
from voiceprep.gui.widgets.feedback import Colors, FeedbackView, bar


def filled_width(qtbot, score: float) -> int:
    view = QTextBrowser()
    qtbot.addWidget(view)
    view.resize(800, 120)
    view.setHtml("<table width='100%'>" + bar(Colors(view.palette()), "Depth", score, "weight 0.25") + "</table>")
    view.show()
    qtbot.waitExposed(view)
    image = view.viewport().grab().toImage()
    target = QColor(score_color(score)).rgb()
    return max(sum(1 for x in range(image.width()) if image.pixel(x, y) == target) for y in range(image.height()))


def test_bars_are_as_long_as_their_scores(qtbot):
    widths = {s: filled_width(qtbot, s) for s in (10, 50, 90)}
    assert widths[10] < widths[50] / 3 and widths[50] < widths[90] * 0.7, widths
    assert filled_width(qtbot, 0) < 30        # only the score's digit, no bar


def test_the_page_fills_a_normal_window_and_is_a_centred_column_on_a_wide_one(qtbot):
    page = FeedbackView()
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    page.resize(1300, 700)
    qtbot.waitUntil(lambda: page.view.width() > 1200)          # the whole width, less margins
    page.resize(2500, 700)
    qtbot.waitUntil(lambda: page.view.width() == page.readable_width())
    left = page.view.geometry().left()
    right = page.width() - page.view.geometry().right()
    assert abs(left - right) <= 2, (left, right)


def test_a_score_of_100_stays_on_one_line_in_a_narrow_pane(qtbot):
    """Walkthrough 4: in History's detail pane at 1366x768, a competency's "100" wrapped as "10" over "0"."""
    from PySide6.QtGui import QTextDocument

    doc = QTextDocument()
    doc.setHtml("<table width='100%'>" + bar(Colors(QTextBrowser().palette()), "Backend Architecture & Python "
                                             "Proficiency", 100, "1 of 1 key point · job weight 0.20") + "</table>")
    doc.setTextWidth(400)
    doc.size()                                   # lays it out
    block = doc.begin()
    while block.isValid() and block.text() != "100":
        block = block.next()
    assert block.isValid() and block.layout().lineCount() == 1


def test_a_long_note_shows_its_beginning(qtbot):
    """Walkthrough 4: a saved note opened in History showed only its last words ("he result: zero duplicate...")."""
    from tests.conftest import BANKS
    from voiceprep.core.analysis.analyze import analyze_answer
    from voiceprep.core.banks import load_bank
    from voiceprep.core.transcript import Transcript

    bank = load_bank(BANKS / "airwallex.toml")
    analysis = analyze_answer(bank, bank.prompt("hardest-problem"), Transcript.from_text("I used a ring buffer."))
    page = FeedbackView()
    qtbot.addWidget(page)
    page.resize(500, 400)
    page.show()
    note = "Lead with the Kafka numbers, then idempotency keys, then the result: zero duplicate payouts."
    page.show_analysis(analysis, note, 4)
    assert page.note.text() == note and page.note.cursorPosition() == 0


def test_a_bank_without_competencies_does_not_claim_the_jobs_weights(qtbot):
    """Walkthrough 5: every answer on affirm-backend-platform (no competencies) said "overall, weighted by the job's
    competencies"; its overall is its key points."""
    from tests.conftest import BANKS
    from voiceprep.core.analysis.analyze import analyze_answer
    from voiceprep.core.banks import load_bank
    from voiceprep.core.transcript import Transcript

    page = FeedbackView()
    qtbot.addWidget(page)
    said = {}
    for bank_id, prompt_id in (("affirm-backend-platform", "why-affirm"), ("airwallex", "hardest-problem")):
        bank = load_bank(BANKS / f"{bank_id}.toml")
        page.show_analysis(analyze_answer(bank, bank.prompt(prompt_id), Transcript.from_text("I like transparency.")))
        said[bank_id] = page.view.toPlainText()
    assert "overall (this bank scores key points only)" in said["affirm-backend-platform"]
    assert "weighted by the job" not in said["affirm-backend-platform"]
    assert "overall, weighted by the job's competencies" in said["airwallex"]


def test_the_note_gets_room_in_a_narrow_pane(qtbot):
    """Walkthrough 5: in History's detail pane at 1366x768 (about 530 px) the note field beside the rating and Save
    note was about 100 px wide. There it now has a row of its own (with Save note), under the rating (session 16:
    the rating first, then the note); a wide view keeps them on one row, the rating on the left."""
    from tests.conftest import BANKS
    from voiceprep.core.analysis.analyze import analyze_answer
    from voiceprep.core.banks import load_bank
    from voiceprep.core.transcript import Transcript

    bank = load_bank(BANKS / "airwallex.toml")
    view = FeedbackView()
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    view.show_analysis(analyze_answer(bank, bank.prompt("hardest-problem"), Transcript.from_text("A ring buffer.")))
    def placed(width: int) -> bool:
        note = view.note.geometry().translated(view.note.mapTo(view.note_row, view.note.rect().topLeft())
                                               - view.note.geometry().topLeft())
        bar = view.rating_bar.geometry()
        if view.note_row.width() != width:
            return False
        if width < 800:                          # the rating, then the note's own row (with Save note) under it
            return note.width() >= 0.75 * width and note.top() >= bar.bottom()
        return abs(bar.center().y() - note.center().y()) <= 4 and note.width() >= 400 and bar.right() <= note.left()

    for width in (530, 1300, 530):
        view.resize(width, 600)
        qtbot.waitUntil(lambda w=width: placed(w), timeout=3000)
        assert view.save_note.isVisible()


def test_the_rating_is_one_tab_stop_on_its_value_and_a_click_lets_the_arrows_move_it(qtbot):
    """Walkthrough leftover: the 1-5 rating answered the arrow keys only after tabbing into it (a click left the
    focus where it was), and Tab entered it on the last button that had had the focus ("5", from another attempt)
    rather than on its value. As a radio group: one Tab stop, on the chosen value (or 1), and a click focuses."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

    from tests.conftest import BANKS
    from voiceprep.core.analysis.analyze import analyze_answer
    from voiceprep.core.banks import load_bank
    from voiceprep.core.transcript import Transcript
    from voiceprep.gui.widgets.common import keyboard_buttons

    bank = load_bank(BANKS / "airwallex.toml")
    analysis = analyze_answer(bank, bank.prompt("hardest-problem"), Transcript.from_text("A ring buffer."))
    page = QWidget()                                  # as on Practice: the page's buttons are keyboard buttons
    view = FeedbackView()
    QVBoxLayout(page).addWidget(view)
    keyboard_buttons(page)
    qtbot.addWidget(page)
    page.resize(1300, 600)
    page.show()
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page)
    choice = {view.rating.id(b): b for b in view.rating.buttons()}

    def to_the_rating(key=Qt.Key.Key_Backtab, start=None):
        """The rating's stop, from the note after it (Shift+Tab)."""
        (start or view.note).setFocus()
        assert QApplication.focusWidget() is (start or view.note)
        qtbot.keyClick(QApplication.focusWidget(), key)
        return QApplication.focusWidget()

    view.show_analysis(analysis, rating=0)
    assert to_the_rating() is choice[1]                        # nothing chosen: the first
    qtbot.keyClick(choice[1], Qt.Key.Key_End)                  # (not an arrow: nothing moves)
    for _ in range(4):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Right)
    assert view.rating.checkedId() == 5
    assert to_the_rating() is choice[5]
    view.show_analysis(analysis, rating=3)                     # another attempt, rated 3
    assert to_the_rating() is choice[3]
    qtbot.keyClick(choice[3], Qt.Key.Key_Tab)                  # one stop: Tab leaves the group, for the note
    assert QApplication.focusWidget() is view.note
    qtbot.keyClick(view.note, Qt.Key.Key_Tab)                  # ... then Save note
    assert QApplication.focusWidget() is view.save_note

    view.show_analysis(analysis, rating=0)
    view.note.setFocus()
    qtbot.mouseClick(choice[2], Qt.MouseButton.LeftButton)
    assert view.rating.checkedId() == 2 and QApplication.focusWidget() is choice[2]
    qtbot.keyClick(choice[2], Qt.Key.Key_Right)               # the arrows work after a click
    assert view.rating.checkedId() == 3
    view.show_analysis(analysis, rating=4)
    assert to_the_rating() is choice[4]


def test_the_rating_can_be_cleared_with_the_keyboard_or_its_clear_button(qtbot):
    """Walkthrough leftover: once rated, the 1-5 self-rating could only be changed, never taken back. Delete or
    Backspace on the rating clears it, and so does the × shown beside a set rating; cleared is stored as no
    rating (0 here, None in the history)."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from tests.conftest import BANKS
    from voiceprep.core.analysis.analyze import analyze_answer
    from voiceprep.core.banks import load_bank
    from voiceprep.core.transcript import Transcript

    bank = load_bank(BANKS / "airwallex.toml")
    analysis = analyze_answer(bank, bank.prompt("hardest-problem"), Transcript.from_text("A ring buffer."))
    view = FeedbackView()
    qtbot.addWidget(view)
    view.resize(1300, 600)
    view.show()
    view.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is view)
    saved = []
    view.noteChanged.connect(lambda note, rating: saved.append(rating))
    choice = {view.rating.id(b): b for b in view.rating.buttons()}

    view.show_analysis(analysis, rating=0)
    assert not view.unrate.isVisible()                   # nothing to clear
    qtbot.mouseClick(choice[4], Qt.MouseButton.LeftButton)
    assert view.rating.checkedId() == 4 and view.unrate.isVisible()
    for key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
        qtbot.mouseClick(choice[4], Qt.MouseButton.LeftButton)
        qtbot.keyClick(QApplication.focusWidget(), key)
        assert view.rating.checkedId() == -1, key
        assert not view.unrate.isVisible()
        assert QApplication.focusWidget() is choice[1]   # still on the scale, on its one Tab stop
        assert choice[1].focusPolicy() == Qt.FocusPolicy.StrongFocus
    assert view.has_unsaved_note() is False              # shown unrated, cleared back to unrated
    view.show_analysis(analysis, rating=3)               # a stored rating, cleared with the button
    assert view.unrate.isVisible()
    qtbot.mouseClick(view.unrate, Qt.MouseButton.LeftButton)
    assert view.rating.checkedId() == -1 and view.has_unsaved_note()
    view.commit_note()
    assert saved == [0]
    qtbot.keyClick(choice[1], Qt.Key.Key_Right)          # and it can be rated again
    assert view.rating.checkedId() == 2


def test_only_a_tab_out_of_a_note_being_written_sends_what_is_typed_on_save_note_to_the_note(qtbot):
    """Walkthroughs 6 and 7: a Tab too many while writing the note leaves the note's next keys in it (letters and
    spaces; a space did rate; session 12: Backspace and Delete too, a Backspace cleared the rating). Session 16: the
    rating comes before the note, so that Tab goes to Save note: letters, digits, spaces, Backspace and Delete typed
    there go on into the note, and the keyboard with them. Reached any other way (no note being written, a click),
    Save note's keys are a button's: Space saves, Delete clears no rating."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from tests.conftest import BANKS
    from voiceprep.core.analysis.analyze import analyze_answer
    from voiceprep.core.banks import load_bank
    from voiceprep.core.transcript import Transcript

    bank = load_bank(BANKS / "airwallex.toml")
    analysis = analyze_answer(bank, bank.prompt("hardest-problem"), Transcript.from_text("A ring buffer."))
    view = FeedbackView()
    qtbot.addWidget(view)
    view.resize(1300, 600)
    view.show()
    view.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is view)
    saved: list[tuple[str, int]] = []
    view.noteChanged.connect(lambda note, rating: saved.append((note, rating)))

    def typed(keys):
        for key in keys:
            qtbot.keyClick(QApplication.focusWidget(), key)

    def tab_out_of_the_note(written):
        view.note.setFocus()
        typed(written)
        qtbot.keyClick(view.note, Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is view.save_note

    view.show_analysis(analysis, rating=3)
    tab_out_of_the_note("abz")
    typed([Qt.Key.Key_Backspace, Qt.Key.Key_Space, "c", "2"])   # into the note, and the focus with it
    assert view.note.text() == "ab c2" and view.rating.checkedId() == 3 and QApplication.focusWidget() is view.note
    tab_out_of_the_note("x")
    typed([Qt.Key.Key_Delete])                                   # at the note's end: nothing, the rating stays
    assert view.note.text() == "ab c2x" and view.rating.checkedId() == 3 and not saved

    view.show_analysis(analysis, rating=3)
    tab_out_of_the_note("")                                      # nothing written in it this time
    typed(["x", Qt.Key.Key_Delete])
    assert view.note.text() == "" and view.rating.checkedId() == 3
    typed([Qt.Key.Key_Space])                                    # a button's Space: saved
    assert saved[-1] == ("", 3)
    view.note.setFocus()
    typed(["e"])
    view.save_note.setFocus()                                    # not by Tab (a click, a program)
    typed(["x"])
    assert view.note.text() == "e"


def test_the_feedback_says_how_the_overall_is_made_from_the_bars(qtbot):
    """Walkthrough 10: bars 100 (job weight 0.40) and 33 (0.35), overall 52: each bar now says its share of the
    overall, and a line says where the shares come from. A follow-up answer shows no bars and no whole score."""
    from tests.core.analysis.test_analyze import WALK10
    from voiceprep.core.analysis.analyze import analyze_answer
    from voiceprep.core.analysis.scoring import SHARES_EXPLAINED
    from voiceprep.core.banks import parse_bank
    from voiceprep.core.transcript import Transcript

    bank = parse_bank(WALK10)
    page = FeedbackView()
    qtbot.addWidget(page)
    page.resize(1100, 700)
    analysis = analyze_answer(bank, bank.prompt("reliable"), Transcript.from_text(
        "I built monitoring that covered every cloud region, across all of our regions."))
    page.show_analysis(analysis)
    said = page.view.toPlainText()
    hit = {k.key_point.competency for k in analysis.key_points if k.hit}
    assert hit == {"dist"}, analysis.key_points
    # the share beside the bar, what the score is made of on its own line under it (walk14)
    assert "28% of the overall (job weight 0.40)\n1 of 1 key point\n" in said, said
    assert "72% of the overall (job weight 0.35)\n0 of 3 key points\n" in said, said
    assert " ".join(SHARES_EXPLAINED.split()) in " ".join(said.split())
    labels = [bank.prompt("reliable").key_points[0].label]
    page.show_analysis(analysis, drill=labels, follow_up="With the answer it follows, this question now has 2 of 4 "
                                                          "key points.")
    said = page.view.toPlainText()
    # walk57 9: "asked about in the follow-ups, covered" under "1 of 1": what is counted, then what of it
    assert "1 of 1\ncovered, of the point the follow-up asked about" in said, said
    assert "this question now has 2 of 4 key points" in said and "of the overall" not in said, said
    assert "whole answer" not in said and "job weight" not in said, said


def test_the_follow_ups_asked_sit_under_the_feedback_column_on_a_wide_window(qtbot):
    """Review 17: the follow-ups asked came under the feedback across the whole window, from its left edge, while
    the feedback above is a centred column on a wide screen (2560 px): they are in that column."""
    page = FeedbackView()
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    page.resize(2500, 700)
    page.show_asked(["How did you measure it?"], "Space answers it (Ctrl+T to type).")
    qtbot.waitUntil(lambda: page.view.width() == page.readable_width() and page.asked.isVisible())
    view, asked = page.view.geometry(), page.asked.geometry()
    assert abs(asked.left() - view.left()) <= 2 and abs(asked.right() - view.right()) <= 2, (view, asked)
    assert asked.top() > view.bottom()                         # under it
    page.resize(1300, 700)                                     # a normal window: both the whole width
    qtbot.waitUntil(lambda: page.view.width() > 1200)
    assert abs(page.asked.width() - page.view.width()) <= 2


def _blocks(doc) -> list[tuple[str, int]]:
    """Every text block of a laid-out document: (text, lines it takes)."""
    out, block = [], doc.begin()
    while block.isValid():
        out.append((block.text(), block.layout().lineCount()))
        block = block.next()
    return out


def _typed_page(answer: str, prompt: str = "why-airwallex"):
    """The feedback page of `answer` typed to the Airwallex bank's "why Airwallex" (or `prompt`): its document and the
    page."""
    from PySide6.QtGui import QTextDocument

    from tests.conftest import BANKS
    from voiceprep.app.judging import feedback_document
    from voiceprep.core.analysis.analyze import analyze_answer
    from voiceprep.core.banks import load_bank
    from voiceprep.core.transcript import Transcript
    from voiceprep.gui.widgets.feedback import document_html

    bank = load_bank(BANKS / "airwallex.toml")
    doc = feedback_document(analyze_answer(bank, bank.prompt(prompt), Transcript.from_text(answer)))
    page = QTextDocument()
    page.setHtml(document_html(doc, Colors(QTextBrowser().palette())))
    return doc, page


def test_each_competency_reads_as_name_score_and_what_it_is_made_of_and_a_typed_answer_is_not_measured(qtbot):
    """Walk14: "0 of 1 key point + how you said it 100 (30% of the score) · job weight 0.25 · 15% of the overall",
    three percentages crammed on one line beside the bar, and the typed answer's delivery read 100 though never
    measured. Now a competency's row is its name, score, bar and share of the overall; what its score is made of is
    a line of its own under it; a typed answer's delivery says "not measured for a typed answer", no number."""
    doc, page = _typed_page("Airwallex builds multi-currency business accounts and global transfers; the hard part "
                            "is keeping money consistent across regions. In my current job I built monitoring that "
                            "spans several regions.", "product-range")
    # product-range: a question where "Polished communicator" has a key point beside its delivery (fix43 moved
    # why-airwallex's one away; there a typed answer leaves that competency unscored, so unshown)
    page.setTextWidth(1100)                       # the feedback column at 1366x768
    page.size()
    blocks = _blocks(page)
    text = "\n".join(t for t, _ in blocks)
    assert "how you said it: not measured for a typed answer" in text
    assert "how you said it 1" not in text and "of this score" not in text        # no number for it, typed
    for comp in doc["competencies"]:
        basis = [(t, n) for t, n in blocks if t == comp["basis"]]
        assert basis and basis[0][1] == 1, (comp["basis"], blocks)        # its own line, not wrapped
    overall_lines = [(t, n) for t, n in blocks if "of the overall" in t]
    assert len(overall_lines) == len(doc["competencies"]) > 1
    for t, n in overall_lines:                    # one measure a line: no "of the score" or key points beside it
        assert n == 1 and "key point" not in t and "how you said it" not in t and t.count("%") == 1, t


def test_a_typed_answers_delivery_cards_say_fillers_and_pace_are_not_measured(qtbot):
    """Session 19: a typed answer's Delivery cards read "Fillers: 0 fillers · Few fillers: clean delivery", praise
    for something never heard. Fillers and pace (with length and pauses) say "not measured for a typed answer" (the
    competencies' wording, one constant); hedges and structure are in the words and stay; a spoken answer's fillers
    card is as before."""
    _doc, page = _typed_page("Um, Airwallex builds multi-currency business accounts and global transfers; I think "
                             "the hard part is keeping money consistent across regions. In my current job I built "
                             "monitoring that spans regions.")
    text = page.toPlainText()
    assert "Fillers: not measured for a typed answer" in text, text
    assert "Pace: not measured for a typed answer" in text, text
    assert "clean delivery" not in text and "1 filler" not in text
    assert "Hedges: 1 hedge" in text and "Structure:" in text, text


def test_a_bank_scoring_weighted_key_points_says_their_weights_under_the_overall(qtbot):
    """Walk15: "1 of 2 key points covered" beside an overall of 40 (points weighted 1 and 1.5), unexplained."""
    from voiceprep.gui.widgets.feedback import headline_html

    doc = {"hits": 1, "total": 2, "overall": 40.0, "competencies": [],
           "key_points": [{"label": "A", "hit": True, "weight": 1.0}, {"label": "B", "hit": False, "weight": 1.5}]}
    colors = Colors(QTextBrowser().palette())
    assert "by weight 1 of 2.5" in headline_html(doc, colors)
    even = {**doc, "overall": 50.0, "key_points": [{**k, "weight": 1.0} for k in doc["key_points"]]}
    assert "by weight" not in headline_html(even, colors)


def test_a_story_that_only_restates_the_points_gets_an_add_specifics_card(qtbot):
    """judge24: a story that states each point in general terms ("I found the bottleneck, fixed it and it went well")
    is credited by meaning but says nothing an interviewer can hold on to. Its Delivery cards say so in plain words;
    a story with its details (numbers, names, what was done) gets no such card."""
    _doc, page = _typed_page("The hardest problem was a performance issue in a service. I looked into it and found "
                             "the bottleneck, then I fixed it and tested it, and in the end it was much faster and "
                             "the team was happy.", "hardest-problem")
    text = page.toPlainText()
    assert "Specifics: Few details beyond the question's own words" in text, text
    assert "Add specifics: a number, a name (a system, a person's role, a place), what you did yourself" in text
    _doc, page = _typed_page(
        "At Wise our payouts API slowed down every Monday at 9 am: p99 latency went from 200 ms to over 4 seconds. I "
        "profiled it with py-spy and found that every request took the same Postgres row lock on the merchant's "
        "balance, so 300 concurrent payouts queued behind one row. I proposed the LMAX Disruptor pattern: a single "
        "writer thread owns each balance and a ring buffer feeds it, with no locks. I built the prototype in two "
        "weeks, benchmarked it against the old path and we rolled it out behind a flag; Monday p99 came down to "
        "180 ms and the on-call pages for it stopped.", "hardest-problem")
    assert "Specifics:" not in page.toPlainText()


def test_an_off_topic_tail_is_named_in_the_delivery_cards_at_1366x768(qtbot):
    """walk39 (finding 4): a complete answer, then 42 s of meeting talk, scored 99 with nothing said of it. The
    Delivery cards now carry an "Ending" card: how long, from when, where to have ended (judge52)."""
    from tests.conftest import BANKS
    from tests.core.analysis.test_delivery import GROWTH, MEETING_TALK, WHY_AIRWALLEX, spoken
    from voiceprep.core.analysis.analyze import analyze_answer
    from voiceprep.core.banks import load_bank

    bank = load_bank(BANKS / "airwallex.toml")
    text = WHY_AIRWALLEX + GROWTH + MEETING_TALK
    page = FeedbackView()
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show_analysis(analyze_answer(bank, bank.prompt("why-airwallex"), spoken(text, 0.4 * len(text.split()))))
    shown = page.view.toPlainText()
    assert "Ending: the last 42 s, from 0:30, were about something else" in shown, shown
    assert "From “button or something like that.” on, nothing matched your key points or the question. Stop once " \
           "your last point is made, here at “…that make products like this possible.”" in shown, shown


def test_an_answer_about_something_else_says_so_under_the_score_before_anything_else(qtbot):
    """Walk42 finding 6: 30 s of meeting talk about a remote control, 0 of 5, was told "add the result and one concrete
    detail" and STAR tips. One line under the score says it talked about something else; no tip assumes an answer."""
    from tests.conftest import BANKS
    from tests.core.analysis.test_off_topic_answer import TALK
    from voiceprep.core.analysis.analyze import OFF_TOPIC_LINE, analyze_answer
    from voiceprep.core.banks import load_bank
    from voiceprep.core.transcript import Transcript

    page = FeedbackView()
    qtbot.addWidget(page)
    bank = load_bank(BANKS / "senior-backend-payments.toml")
    page.show_analysis(analyze_answer(bank, bank.prompt("postgres-reconciliation"), Transcript.from_text(TALK)))
    text = page.view.toPlainText()
    said = text.index(OFF_TOPIC_LINE + ": “When they")
    assert said < text.index("Your key points") and text.count(OFF_TOPIC_LINE) == 1, text
    assert "Too short" not in text and "STAR" not in text and "Add specifics" not in text, text


def test_a_provisional_judge_version_is_still_named_the_meaning_judge():
    """review37b: a judge version with a suffix ("semantic-45-rv", as a helper's provisional one) was read by its last
    hyphen, so the feedback said "judged by words only (the meaning model was not available)"."""
    from voiceprep.gui.widgets.feedback import judge_version_text, judge_words

    assert judge_words("semantic-45-rv") == judge_words("semantic-44") == "judged by meaning"
    assert judge_version_text("semantic-45-rv") == "Scored by the meaning judge, version 45-rv."
    assert judge_words("cues-1 (stored before schema 4)") == "judged by cue words (an older judge)"
    assert judge_version_text("lexical") == ""


def test_ctrl_tab_in_a_text_with_no_time_link_leaves_it_where_it_was(qtbot):
    """read40b: a typed answer's feedback has no time link; Ctrl+Tab there did not stay, but first moved the text to its
    top. It leaves the pane as Tab does, the text where the candidate had it; a named anchor is no link."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QTextCursor
    from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget

    from voiceprep.gui.widgets.feedback import PaneBrowser
    host = QWidget()
    qtbot.addWidget(host)
    lay = QVBoxLayout(host)
    view, after = PaneBrowser(), QLineEdit()
    lay.addWidget(view)
    lay.addWidget(after)
    view.setHtml("<p>" + "A line of feedback. " * 400 + '<a name="x">no link</a></p>')
    host.resize(400, 200)
    host.show()
    qtbot.waitExposed(host)
    host.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is host)
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    cursor = view.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    view.setTextCursor(cursor)
    where = view.textCursor().position()
    qtbot.keyClick(view, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert view.textCursor().position() == where and view.verticalScrollBar().value() > 0
    assert after.hasFocus()                             # out of the pane, to the next field, as Tab goes


def test_delivery_praise_on_an_answer_about_something_else_is_not_praise_of_the_answer(qtbot):
    """fixDJ (walk58 5): a 30 s answer about something else, 0 of 6, showed "Polished communicator 100" in green and
    green cards "Comfortable pace", "clean delivery": praise, read as praise of the answer. On such an answer the
    delivery-only bar and the cards that would praise are drawn neutral, under a heading that says they are of how
    it sounded, not of the answer."""
    from tests.conftest import BANKS
    from tests.core.analysis.test_delivery import spoken
    from voiceprep.app.judging import feedback_document
    from voiceprep.core.analysis.analyze import analyze_answer
    from voiceprep.core.banks import load_bank
    from voiceprep.core.wording import OFF_TOPIC_DELIVERY
    from voiceprep.gui.widgets.common import ACCENT, GOOD
    from voiceprep.gui.widgets.feedback import Colors, document_html

    bank = load_bank(BANKS / "airwallex.toml")
    prompt = bank.prompt("why-airwallex")
    talk = ("Last weekend I baked a sourdough loaf. The starter needs feeding twice a day, and the dough rests overnight "
            "in the fridge. In the morning you shape it, score the top, and bake it in a hot cast iron pot for about "
            "forty minutes until the crust is dark.")
    a = analyze_answer(bank, prompt, spoken(talk, 20.0))
    assert a.off_topic is not None and a.points_hit == 0
    assert any(f.status == "good" for f in a.delivery.findings), a.delivery.findings    # cards that would praise it
    doc = feedback_document(a)
    delivery_only = [c for c in doc["competencies"] if c.get("delivery_weight")
                     and not any(k.get("competency") == c["id"] for k in doc["key_points"])]
    assert delivery_only and any(c["score"] >= 80 for c in delivery_only), doc["competencies"]
    page = FeedbackView()
    qtbot.addWidget(page)
    colors = Colors(page.palette())
    html = document_html(doc, colors)
    assert GOOD not in html and ACCENT in html, html                 # nothing drawn as praise
    page.show_document(doc)
    text = page.view.toPlainText()
    assert OFF_TOPIC_DELIVERY in text and "\nDelivery\n" not in text, text
    # an answer on the question keeps its praise
    on = analyze_answer(bank, prompt, spoken("Airwallex moves money across borders for businesses, and I want to "
                                             "build the global payments infrastructure that makes that fast and "
                                             "reliable, because fintech at this scale excites me.", 14.0))
    assert on.off_topic is None and GOOD in document_html(feedback_document(on), colors)


RAMBLING = ("Um, so, okay, the Postgres schema. Um, so we had, uh, we had this, um, this ledger, and, um, it was kind "
            "of a double entry ledger, um, where every, um, movement of money was, uh, two rows, a debit and a credit. "
            "And we kept the amounts as, um, integers, in cents, uh, because, um, floats are bad for money. Um, and the "
            "entries were, um, append only, we never, uh, updated them. Um, every night, um, the processor sent us a "
            "settlement file, and, um, we had to, uh, match every line of that file against our own records. Um, I "
            "ran, uh, EXPLAIN ANALYZE on the query and, um, we added a composite index, and, um, it went from forty "
            "minutes to ninety seconds. Um, and we partitioned the table by month, um, and archived old partitions. "
            "Um, and we used, um, transactions, um, for the writes, and constraints.")


def test_a_score_no_competency_ties_to_delivery_says_so_beside_it_with_what_to_work_on(qtbot):
    """walk60 8: on the payments bank (its four job competencies all technical) a rambling answer, fillers in nearly
    every phrase, scored 100 and nothing near the 100 said that how it was said is not in it. Said once, right under
    the big numbers, with the Delivery cards to work on; a bank whose competency holds delivery says nothing of it."""
    from pathlib import Path

    from tests.conftest import BANKS
    from tests.core.analysis.test_delivery import spoken
    from voiceprep.app.judging import feedback_document
    from voiceprep.core.analysis.analyze import analyze_answer
    from voiceprep.core.banks import load_bank
    from voiceprep.gui.widgets.feedback import Colors, document_html
    payments = load_bank(Path(__file__).resolve().parents[3] / "question_banks" / "senior-backend-payments.toml")
    assert not any(c.delivery_weight for c in payments.competencies)
    a = analyze_answer(payments, payments.prompt("postgres-reconciliation"), spoken(RAMBLING, 75.0))
    assert a.delivery.fillers["total"] > 20 and any(f.name == "fillers" and f.status == "warn" for f in a.delivery.findings)
    page = FeedbackView()
    qtbot.addWidget(page)
    page.show_document(feedback_document(a))
    text = page.view.toPlainText()
    said = "Not in this score: how you said it. This job's competencies are all about what you say"
    assert text.count(said) == 1, text
    # near the score: before the competency bars and the key points, the fillers card named first under it
    assert text.index(said) < text.index("Database Optimization") < text.index("Your key points"), text
    work_on = text[text.index(said):text.index("Database Optimization")]
    assert "To work on in how you said it: Fillers — " in work_on and "most often “um”" in work_on, work_on
    # a bank with a competency tied to delivery scores it: nothing said
    airwallex = load_bank(BANKS / "airwallex.toml")
    assert any(c.delivery_weight for c in airwallex.competencies)
    other = analyze_answer(airwallex, airwallex.prompt("why-airwallex"), spoken(RAMBLING, 75.0))
    assert "Not in this score" not in document_html(feedback_document(other), Colors(page.palette()))


def test_a_follow_up_answer_highlights_only_the_evidence_of_the_points_it_shows(qtbot):
    """walk67 2 (07): the reconciliation follow-up was missed (✗), and its transcript showed "Every morning we matched
    the processor settlement file…" green, "evidence for a key point": evidence for the payment flow, a point the
    follow-up page does not show. Only the cards shown have their evidence highlighted; the whole answer's page
    still highlights it."""
    from tests.conftest import BANKS
    from voiceprep.app.judging import feedback_document
    from voiceprep.core.analysis.analyze import analyze_answer
    from voiceprep.core.banks import load_bank
    from voiceprep.core.transcript import Transcript
    from voiceprep.gui.widgets.feedback import document_html

    bank = load_bank(BANKS / "senior-backend-payments.toml")
    prompt = bank.prompt("payments-domain")
    doc = feedback_document(analyze_answer(bank, prompt, Transcript.from_text(
        "Every morning we matched the processor settlement file against our ledger, line by line, and any payment "
        "that was captured but never settled, or settled twice, went to an exceptions queue that finance worked "
        "through.")))
    points = {k["id"]: k for k in doc["key_points"]}
    assert points["payment-flow"]["hit"] and not points["reconciliation-loop"]["hit"]
    colors = Colors(FeedbackView().palette())

    def transcript(html: str) -> str:
        return html.split("<h3>Transcript</h3>", 1)[1]

    assert "font-weight:600" in transcript(document_html(doc, colors))          # the whole answer: its evidence
    asked = [points["reconciliation-loop"]["label"]]
    followed = transcript(document_html({**doc, "also_covered": []}, colors, None, asked, follow_up=""))
    assert "font-weight:600" not in followed, followed
