"""Banks: browse bundled and own banks; create, draft, duplicate and edit them in the app; errors with file:line."""

from __future__ import annotations

import dataclasses
import html
import re
import shutil
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QRect, QSize, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QColor, QDesktopServices, QGuiApplication, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from voiceprep import paths
from voiceprep.core.banks import BankLoadError, BankRegistry, Competency, load_bank
from voiceprep.core.banks.document import BankDocument, copy_title, slugify
from voiceprep.core.banks.drafts import Draft, discard_draft, load_drafts
from voiceprep.core.banks.load import SPLIT_IT, BankError, IdHolder, read_bank_text, weight_text
from voiceprep.core.wording import capitalised, counted
from voiceprep.gui.operations import run_in_background
from voiceprep.gui.widgets import accessible, common
from voiceprep.gui.widgets.bank_editor import BankEditor, plain_label, plain_tooltip, problem_text
from voiceprep.gui.widgets.common import BAD, WARN, enter_presses_buttons, flow_row, heading, soft

ID_ROLE = 256
DRAFT_LABEL = "Draft from a job description…"
NEW_BANK_LABEL = "Create my own bank"     # the welcome banner's words too (walk21: "New bank" here)
_BANK_MARKS = re.compile(r"^[ \t]*(schema[ \t]*=|\[[ \t]*job\b|\[\[[ \t]*rounds)", re.MULTILINE)
_LISTED = 8
# what to do with a file listed with problems: the banks folder is watched, so a saved fix shows by itself (walk67 7:
# a broken file added while the app ran showed only after More > Reload); Reload stays for a folder not watched
FIX_AND_SAVE = "Fix the file and save it: this list reads it again by itself (or use More &gt; Reload)."
BANKS_SETTLE_MS = 400       # after the last change seen in the banks folder, read it (a save is several changes)


def _at_line(line: int | None, said: str) -> str:
    """A problem with its line in front, unless it names the line itself (walk50: "line 8: … on line 8")."""
    return f"line {line}: {said}" if line and not re.search(rf"\bline {line}\b", said) else capitalised(said)


def import_problem(path: Path, errors: list[BankError], round_titles: Sequence[str] = ()) -> tuple[str, bool]:
    """Why a file could not be imported, in the candidate's words, and whether it is plain text that is not a
    bank at all (a job description, notes), for which drafting a bank is the right tool. Rounds are named by
    `round_titles` where the file gives them."""
    name = path.name
    try:
        text: str | None = read_bank_text(path)
    except BankLoadError:
        text = None
    if any(e.message.startswith("not UTF-8 text") for e in errors):
        return (f"{name} is not a question bank: it is not a text file. A question bank is a .toml text file "
                "like the ones in your banks folder (More > Open my banks folder)."), False
    if text is not None and not _BANK_MARKS.search(text):
        line = next((e.line for e in errors if e.line and e.syntax), None)
        why = f"line {line} is not 'name = value'" if line else "it has no [job] and no [[rounds]]"
        return (f"{name} is not a question bank ({why}).\n\nTo make a bank from a job description, use "
                f"{DRAFT_LABEL}"), True
    listed = [_at_line(e.line, problem_text(e.field, e.message, round_titles)) for e in errors[:_LISTED]]
    more = [f"… and {len(errors) - _LISTED} more"] if len(errors) > _LISTED else []
    fix = "" if _too_big(errors) else f"\n\nFix {'them' if len(errors) > 1 else 'it'} in a text editor and import the file again."
    return f"{name} has problems, so it was not imported:\n" + "\n".join(listed + more) + fix, False


def errors_html(errors: Sequence[BankError]) -> str:
    """The Banks page's list of files with problems, with what to do and an "Open the file" link for each file
    (walk43 finding 6: fixed in a text editor, the error simply stayed; nothing said "then More > Reload"). Each file
    by its name, as Practice names it; its whole path is the link's tooltip (fixCM noticed "/…/banks/ward.toml:9").
    A folder that cannot be listed has no link: it keeps its whole path (read41b 2: "banks: cannot list this folder")."""
    files = list(dict.fromkeys(e.file for e in errors if Path(e.file).suffix == ".toml"))
    links = " · ".join(f"<a href=\"{html.escape(QUrl.fromLocalFile(f).toString())}\" title=\"{html.escape(f)}\">Open "
                       f"the file{' ' + html.escape(Path(f).name) if len(files) > 1 else ''}</a>" for f in files)
    listed = "<br>".join(html.escape(_with_todo(dataclasses.replace(e, file=Path(e.file).name) if e.file in files else e))
                         for e in errors)
    return ("<p>Files with problems (not offered until fixed):<br>" + listed +
            f"</p><p>{FIX_AND_SAVE}{' ' + links if links else ''}</p>")


def _with_todo(error: BankError) -> str:
    """A problem as listed, and for a file refused for its id what to do."""
    return f"{error}. {capitalised(clash_todo(error.holder))}" if error.holder else str(error)


def clash_todo(holder: IdHolder) -> str:
    """What to do with a file refused for its id, in this window's menus; `banks list` says the same in a terminal's
    words (cli.banks_cmd.clash_todo), word for word where it is the same thing."""
    return holder.todo("or import it with More > Import a bank file…, which offers to keep both, then remove this "
                       "file")      # read39c 3: else it is refused again


def open_problem(name: str, path: Path, errors: list[BankError]) -> str:
    """Why the editor cannot open a bank, in the words the Banks page's list of files with problems uses (walk39 8:
    it said "not valid TOML; fix it in a text editor"): the file changed on disk since the list was read. A file
    that went (deleted or moved) has nothing to fix in an editor: the list is out of date (review32 5)."""
    if not path.exists():
        return (f"“{name}” cannot be opened for editing: its file {path.name} is no longer there (it was moved or "
                "deleted). More > Reload updates the list.")
    said = [problem_text(e.field, e.message) if e.syntax or not e.line else f"line {e.line}: "
            f"{problem_text(e.field, e.message)}" for e in errors[:_LISTED]]
    said = [s[:1].upper() + s[1:] for s in said]
    return (f"“{name}” cannot be opened for editing: its file {path.name} changed and now "
            f"{'has a problem' if len(errors) == 1 else 'has problems'}:\n" + "\n".join(said) +
            ("" if _too_big(errors) else "\nFix it in a text editor (More > Open the file in another editor), then "
                                         "More > Reload."))


def _too_big(errors: Sequence[BankError]) -> bool:
    """The file is too big to be a bank: its one problem says to split it, and a text editor's fix is no answer."""
    return len(errors) == 1 and errors[0].message.endswith(SPLIT_IT)


class BankItemDelegate(QStyledItemDelegate):
    """A bank in the list: its name wrapped to the list's width, then "7 prompts · bundled" in a quieter colour,
    with room between entries (no horizontal scrolling, nothing cut)."""

    PAD = 5

    def _parts(self, index) -> tuple[str, str]:
        name, _, meta = str(index.data(Qt.ItemDataRole.DisplayRole) or "").partition("\n")
        return name, meta

    def _width(self, option) -> int:
        view = self.parent()
        width = view.viewport().width() - 2 * view.spacing() if isinstance(view, QListWidget) else option.rect.width()
        return max(60, width - 2 * self.PAD)

    def sizeHint(self, option, index) -> QSize:
        name, meta = self._parts(index)
        fm, width = option.fontMetrics, self._width(option)
        text = fm.boundingRect(QRect(0, 0, width, 100_000), int(Qt.TextFlag.TextWordWrap), name).height()
        return QSize(width + 2 * self.PAD, text + (fm.lineSpacing() if meta else 0) + 2 * self.PAD)

    def paint(self, painter, option, index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        name, meta = self._parts(index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        color = opt.palette.color(role)
        box = opt.rect.adjusted(self.PAD, self.PAD, -self.PAD, -self.PAD)
        fm = opt.fontMetrics
        painter.save()
        painter.setPen(color)
        name_box = fm.boundingRect(QRect(box.left(), box.top(), box.width(), 100_000),
                                   int(Qt.TextFlag.TextWordWrap), name)
        painter.drawText(QRect(box.left(), box.top(), box.width(), name_box.height()),
                         int(Qt.TextFlag.TextWordWrap), name)
        if meta:
            quiet = QColor(color)
            quiet.setAlphaF(0.75 if selected else 0.6)
            painter.setPen(quiet)
            painter.drawText(QRect(box.left(), box.top() + name_box.height(), box.width(), fm.lineSpacing()),
                             int(Qt.AlignmentFlag.AlignLeft), fm.elidedText(meta, Qt.TextElideMode.ElideRight,
                                                                             box.width()))
        painter.restore()


BACKUP_DIR = "replaced"        # in the banks folder: the old files of banks replaced by an import (not loaded)


def imported_title(title: str, taken: set[str]) -> str:
    """An imported copy's title: "X (imported)", then "X (imported 2)" and on (walk50: two imports of one edited
    bank were both "X (imported)")."""
    n = 1
    while (name := f"{title} (imported{'' if n == 1 else f' {n}'})") in taken:
        n += 1
    return name


def _free_path(folder: Path, name: str, bank_id: str) -> Path:
    """Where an imported bank goes: its own file name, else one after its id, else a numbered one; never a file
    that is already there."""
    stem = Path(name).stem
    for candidate in (name, f"{bank_id}.toml", *(f"{stem}-{n}.toml" for n in range(2, 1000))):
        if not (folder / candidate).exists():
            return folder / candidate
    raise FileExistsError(folder / name)


class BanksPage(QWidget):
    reloaded = Signal()
    created = Signal(str)     # a bank the candidate just made (new, drafted, duplicated, imported): its id

    def __init__(self, services, parent=None):
        super().__init__(parent)
        enter_presses_buttons(self)          # Enter presses a button reached with Tab, as Space does
        self.services = services
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.pages = QStackedWidget()
        outer.addWidget(self.pages)
        browse = QWidget()
        root = QVBoxLayout(browse)
        root.addWidget(heading("Question banks", 16))
        self.new_btn = QPushButton(NEW_BANK_LABEL)
        self.new_btn.setToolTip("Create your own bank and write your key points")
        self.draft_btn = QPushButton(DRAFT_LABEL)
        self.edit_btn = QPushButton("Edit")
        self.more_btn = QToolButton()
        self.more_btn.setText("More")
        self.more_btn.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        more = QMenu(self.more_btn)
        self.open_act = more.addAction("Open the file in another editor", self.open_external)
        more.addAction("Open my banks folder", self.open_folder)
        more.addAction("Import a bank file…", self._import)
        # any bank, own ones too (walk19: an own bank's place holds Edit, so it could not be copied)
        self.duplicate_act = more.addAction("Duplicate this bank", self.duplicate_current)
        self.export_act = more.addAction("Export this bank…", self.export_current)     # to share it (walkthrough 10)
        more.addAction("Reload", self.reload)
        self.more_btn.setMenu(more)
        root.addWidget(flow_row(self.new_btn, self.draft_btn, self.edit_btn, self.more_btn))   # wraps when narrow
        self.resume = QWidget()
        resume_row = QHBoxLayout(self.resume)
        resume_row.setContentsMargins(8, 4, 8, 4)
        self.resume.setStyleSheet(f"background: {soft(WARN)}; border-radius: 6px;")
        self.resume_label = plain_label("")
        self.resume_btn = QPushButton("Resume editing")
        self.resume_discard_btn = QPushButton("Discard")
        resume_row.addWidget(self.resume_label, 1)
        resume_row.addWidget(self.resume_btn)
        resume_row.addWidget(self.resume_discard_btn)
        root.addWidget(self.resume)
        self.notice = plain_label("")
        self.notice.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notice.hide()
        root.addWidget(self.notice)
        split = QSplitter()
        self.list = QListWidget()
        self.list.setMinimumWidth(170)
        accessible.name(self.list, "Banks")
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)     # a long name wraps
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)          # re-wrap when the splitter moves
        self.list.setSpacing(2)
        self.list.setItemDelegate(BankItemDelegate(self.list))
        split.addWidget(self.list)
        self.detail = QTextBrowser()
        self.detail.setOpenLinks(False)
        accessible.name(self.detail, "The bank's questions")
        split.addWidget(self.detail)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 2)
        split.setSizes([280, 600])
        root.addWidget(split, 1)
        self.errors = QTextBrowser()
        self.errors.setOpenLinks(False)          # "Open the file": the system's opener, not the browser itself
        self.errors.anchorClicked.connect(lambda url: self._open_url(Path(url.toLocalFile()), "the bank file"))
        self.errors.setMaximumHeight(120)
        accessible.name(self.errors, "Bank files with problems")
        self.errors.setStyleSheet(f"background: {soft(BAD)};")
        root.addWidget(self.errors)
        self.pages.addWidget(browse)
        self.editor = BankEditor(services.settings.banks)
        self.editor.id_conflict = self._id_conflict
        self.editor.unique_id = self._unique_id
        self.editor.analysis = lambda: services.settings.analysis        # "Try it" judges as Practice would
        self.pages.addWidget(self.editor)

        self.list.currentItemChanged.connect(self._show)
        self.new_btn.clicked.connect(self.new_bank)
        self.draft_btn.clicked.connect(lambda: self.draft_from_job())    # clicked(bool) would arrive as path=False
        self.edit_btn.clicked.connect(self.edit_current)
        self.resume_btn.clicked.connect(lambda: self.resume_draft(self._drafts[0]) if self._drafts else None)
        self.resume_discard_btn.clicked.connect(self._discard_drafts)
        self.editor.saved.connect(self._editor_saved)
        self.editor.closed.connect(self._editor_closed)
        self._drafts: list[Draft] = []
        self._followed: str | None = None           # the Practice bank last opened on (follow_bank_in_use)
        self._job_text = ("", "a pasted job description")      # the Draft dialog's text and where it came from
        self.fill()
        self._watch_banks()

    # -- the banks folder, watched --------------------------------------------------------------
    def _watch_banks(self) -> None:
        """Watch the candidate's banks folder and its files: a bank file added, changed or removed while the app
        runs is read again off the GUI thread and shown (the new bank, or its problems) with no More > Reload
        (walk67 7). Nothing open in the editor is touched: the editor holds its own text."""
        self._reads = 0             # each read of the folder (a watched one or Reload): a late watched one is dropped
        self._reading = False
        self._again = False         # changed again while being read: read once more after
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(BANKS_SETTLE_MS)
        self._settle.timeout.connect(self._read_banks)
        self._watcher = QFileSystemWatcher(self)
        self._watcher.directoryChanged.connect(lambda _path: self._settle.start())
        self._watcher.fileChanged.connect(lambda _path: self._settle.start())
        self._watch_files()

    def _watch_files(self) -> None:
        """The folder and each bank file in it (a file saved by replacing it drops out of the watch: added again)."""
        try:
            folder = paths.user_banks_dir()
            files = [str(f) for f in sorted(folder.glob("*.toml"))]
        except OSError:
            return
        if str(folder) not in self._watcher.directories():
            self._watcher.addPath(str(folder))
        gone = [f for f in self._watcher.files() if f not in files]
        if gone:
            self._watcher.removePaths(gone)
        new = [f for f in files if f not in self._watcher.files()]
        if new:
            self._watcher.addPaths(new)

    def _read_banks(self) -> None:
        if self._reading:
            self._again = True
            return
        self._reading, self._again = True, False
        started = self._reads
        run_in_background(BankRegistry.discover, on_done=lambda reg: self._banks_read(reg, started),
                          on_error=lambda _exc: self._banks_read(None, started), lane="banks", owner=self)

    def _banks_read(self, registry: BankRegistry | None, started: int) -> None:
        self._reading = False
        self._watch_files()
        old = self.services.registry
        if registry is not None and started == self._reads and (
                registry != old or [b.source for b in registry.banks] != [b.source for b in old.banks]):
            self._reads += 1
            self.services.registry = registry
            self.fill()
            self.reloaded.emit()
        if self._again:
            self._settle.start()

    # -- browsing -------------------------------------------------------------------------------
    def fill(self) -> None:
        reg = self.services.registry
        current = self.list.currentItem().data(ID_ROLE) if self.list.currentItem() else None
        self.list.clear()
        labels = reg.labels()                     # "(mine)" beside a bank named as another (walkthrough 7)
        for b in reg.banks:
            where = "bundled" if b.id in reg.bundled else "yours"
            item = QListWidgetItem(f"{labels[b.id]}\n{counted(len(b.all_prompts()), 'prompt')} · {where}")
            item.setData(ID_ROLE, b.id)
            item.setToolTip(plain_tooltip(f"{b.name}\n{b.source}"))
            self.list.addItem(item)
        self.errors.setVisible(bool(reg.errors))
        self.errors.setHtml(errors_html(reg.errors))
        self.select_bank(current) if current else (self.list.setCurrentRow(0) if self.list.count() else None)
        self._show_drafts()

    def select_bank(self, bank_id: str) -> None:
        for i in range(self.list.count()):
            if self.list.item(i).data(ID_ROLE) == bank_id:
                self.list.setCurrentRow(i)
                return
        if self.list.count():
            self.list.setCurrentRow(0)

    def follow_bank_in_use(self, bank_id: str | None) -> None:
        """Open on the bank being practised (Practice's bank), else the first. Only when it changed since the page
        last followed it: a bank the candidate browsed to here stays selected when they come back."""
        if bank_id == self._followed:
            return
        self._followed = bank_id
        if bank_id:
            self.select_bank(bank_id)
        elif self.list.count():
            self.list.setCurrentRow(0)

    def reload(self) -> None:
        self._reads += 1            # read here and now: a watched read begun before it is older
        self.services.reload_banks()
        self.fill()
        self.reloaded.emit()

    def current(self):
        item = self.list.currentItem()
        return self.services.registry.find(item.data(ID_ROLE)) if item else None

    def is_bundled(self, bank) -> bool:
        return bank is not None and bank.id in self.services.registry.bundled

    def _show(self) -> None:
        b = self.current()
        self.edit_btn.setText("Duplicate to my banks" if self.is_bundled(b) else "Edit")
        self.edit_btn.setToolTip("Bundled banks stay as shipped: edit your own copy" if self.is_bundled(b)
                                 else "Edit this bank here (comments in the file are kept)")
        self.edit_btn.setEnabled(b is not None)
        if not b:
            self.detail.clear()
            return
        muted = self.palette().color(QPalette.ColorRole.PlaceholderText).name()     # secondary text (style.SECONDARY_TEXT)
        parts = [f"<h2>{html.escape(b.name)}</h2>"]
        if b.job.level:
            parts.append(f"<p>{html.escape(b.job.level)}</p>")
        where = "Bundled with voiceprep (edit a copy to change it)" if self.is_bundled(b) else f"Your file: {b.source}"
        parts.append(f"<p style='color:{muted}'>{html.escape(where)}</p>")
        if b.job.must_haves:
            parts.append("<h4>Must-haves</h4><ul>" + "".join(f"<li>{html.escape(m)}</li>" for m in b.job.must_haves) + "</ul>")
        if b.competencies:
            parts.append("<h4>Competencies</h4><ul>" + "".join(map(competency_line, b.competencies)) + "</ul>")
        for r in b.rounds:
            # no bottom margin: Qt gives it to the last prompt's own line, a blank line above its key points
            parts.append(f"<h3>{html.escape(r.title)}</h3><ol style='margin-bottom:0px'>")
            for p in r.prompts:
                kps = "".join(f"<li>{html.escape(k.label)}</li>" for k in p.key_points)
                parts.append(f"<li><b>{html.escape(p.text)}</b> <span style='color:{muted}'>({p.target_seconds} s)</span>"
                             f"<ul>{kps}</ul></li>")
            parts.append("</ol>")
        self.detail.setHtml("".join(parts))

    def show_notice(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    # -- outside editors ------------------------------------------------------------------------
    def open_external(self) -> None:
        b = self.current()
        if b and b.source:
            self._open_url(Path(b.source), "the bank file")

    def open_folder(self) -> None:
        self._open_url(paths.user_banks_dir(), "your banks folder")

    def _open_url(self, path: Path, what: str) -> None:
        if QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            self.show_notice("")
            return
        QGuiApplication.clipboard().setText(str(path))
        self.show_notice(f"No application is set up to open {what} on this computer. Its path is copied to the "
                         f"clipboard:\n{path}\nEdit banks right here with Edit, or open the path in any text editor.")

    def _import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Import a bank", str(Path.home()), "Bank (*.toml);;All files (*)")
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> bool:
        try:
            bank = load_bank(path)
        except BankLoadError as exc:
            text, draftable = import_problem(path, exc.errors, exc.round_titles)
            box = QMessageBox(QMessageBox.Icon.Warning, "Not imported", "", QMessageBox.StandardButton.Close, self)
            box.setTextFormat(Qt.TextFormat.PlainText)
            box.setText(text)
            if not draftable:
                box.setDetailedText("\n".join(str(e) for e in exc.errors))   # the file's own view, for a bank author
            draft = box.addButton(DRAFT_LABEL, QMessageBox.ButtonRole.ActionRole) if draftable else None
            box.exec()
            if draft is not None and box.clickedButton() is draft:
                self.draft_from_job(path)
            return False
        existing = self.services.registry.find(bank.id)
        if existing is not None:
            return self._import_again(path, bank, existing)
        held = self.services.registry.holder(bank.id, path)
        if held is not None:            # by a file that has not loaded: copied in, this one would be refused (fixCI)
            self.show_notice(f"{path.name} was not imported: {held.reason}. {capitalised(clash_todo(held))}.")
            return False
        try:
            shutil.copy(path, _free_path(paths.user_banks_dir(), path.name, bank.id))   # never over a file of theirs
        except OSError as exc:
            self.show_notice(f"Could not import {path.name}: {exc.strerror or exc}")
            return False
        self.reload()
        self.select_bank(bank.id)           # walk50: the new bank was listed, unselected, under the last notice
        added = self.services.registry.find(bank.id) or bank
        self.show_notice(f"Imported {path.name} as “{added.name}” ({counted(len(added.all_prompts()), 'prompt')}).")
        self.created.emit(bank.id)
        return True

    def _same_bank(self, bank, existing):
        """The bank already there that `bank` (being imported) is word for word: `existing` itself, or an earlier
        import of the same file (the same text under the copy's id and title). None if it differs from both."""
        if bank.text and bank.text == existing.text:
            return existing
        for b in self.services.registry.banks:
            if b.id.startswith(f"{bank.id}-imported") and b.text and \
                    BankDocument.copy_of(bank.text, b.id, b.job.title).text() == b.text:
                return b
        return None

    def _import_again(self, path: Path, bank, existing) -> bool:
        """A bank already there imported again (a friend's updated copy): replace it, keeping the old file as a
        backup (its history goes on), or keep both (the copy gets a name of its own). Walkthrough 10: "A bank with
        id 'x' is already loaded." and OK only."""
        if existing.source is not None and Path(existing.source).resolve() == path.resolve():
            QMessageBox.information(self, "Import a bank", f"{path.name} is already one of your banks.")
            return False
        bundled = self.is_bundled(existing)
        same = self._same_bank(bank, existing)
        if same is not None and (same is existing or bundled):     # walk50: Keep both focused made a twin
            said = (f"{path.name} is the same bank as “{same.name}”, word for word, so it was not added again: you "
                    "already have it.")
            self.select_bank(same.id)                     # said once, on the page (not a dialog, then the page)
            self.show_notice(said)
            return False
        options = ["Cancel"] + ([] if same else ["Keep both"]) + ([] if bundled else ["Replace mine"])
        named = "" if bank.name == existing.name else f" (it is named “{bank.name}”)"
        text = (f"“{existing.name}” is already in your banks" + (" (bundled with voiceprep)" if bundled else "") +
                f", and {path.name} is a version of it{named}.\n\n" +
                (f"You imported it before as “{same.name}”.\n" if same else "") +
                ("Keep both: the imported copy is added under its own name; your answers stay with yours."
                 if bundled else
                 "Replace mine: the file you import takes its place and your answers to it stay with it; the old "
                 "file is kept as a backup." + ("" if same else "\nKeep both: the imported copy is added under its "
                                                               "own name.")))
        chosen = common.choose(self, "Import a bank", text, options, cancel=0, default=0 if same else 1)
        if chosen == 0:
            return False
        folder = paths.user_banks_dir()
        try:
            if options[chosen] == "Replace mine":
                old = Path(existing.source)
                backups = folder / BACKUP_DIR
                backups.mkdir(exist_ok=True)
                backup = backups / f"{old.stem}-{datetime.now():%Y%m%d-%H%M%S}.toml"
                shutil.copy(old, backup)
                shutil.copy(path, old)
                notice = f"Replaced “{existing.name}” with {path.name}. The old version is kept in {backup}."
                new_id = bank.id
            else:
                new_id = self._unique_id(f"{bank.id}-imported")
                title = imported_title(bank.job.title, {b.job.title for b in self.services.registry.banks})
                doc = BankDocument.copy_of(path.read_text(encoding="utf-8"), new_id, title)
                written = doc.save(_free_path(folder, f"{new_id}.toml", new_id))
                notice = f"Added {path.name} as “{title}” ({written.name}); yours is unchanged."
        except OSError as exc:
            self.show_notice(f"Could not import {path.name}: {exc.strerror or exc}")
            return False
        self.reload()
        self.select_bank(new_id)
        self.show_notice(notice)
        if new_id != bank.id:
            self.created.emit(new_id)
        return True

    def export_current(self) -> Path | None:
        """Write the bank shown to a file of the candidate's choosing (its TOML, comments and all), to share it."""
        b = self.current()
        if b is None:
            return None
        path, _ = QFileDialog.getSaveFileName(self, f"Export “{b.name}”", str(Path.home() / f"{b.id}.toml"),
                                              "Bank (*.toml)")
        if not path:
            return None
        target = Path(path) if Path(path).suffix else Path(f"{path}.toml")
        try:
            text = b.text or Path(b.source).read_text(encoding="utf-8")
            target.write_text(text, encoding="utf-8")
        except OSError as exc:
            self.show_notice(f"Could not export the bank: {exc.strerror or exc}")
            return None
        self.show_notice(f"Wrote “{b.name}” to {target}. Whoever you send it to imports it with More > Import a "
                         "bank file…")
        return target

    # -- editing --------------------------------------------------------------------------------
    def _unique_id(self, base: str) -> str:
        reg = self.services.registry       # ids a file that has not loaded still holds are taken too (fixCI)
        taken = {b.id for b in reg.banks} | set(reg.unloaded) | {p.stem for p in paths.user_banks_dir().glob("*.toml")}
        return slugify(base, taken, fallback="my-bank", words=8)

    def _id_conflict(self, bank_id: str, path: Path | None) -> str | None:
        """Another bank (or a file that has not loaded) already holding this id (the registry would refuse this file)."""
        holder = self.services.registry.holder(bank_id, path)
        return None if holder is None else f"job.id: {holder.reason}; give this bank another id"

    def open_editor(self, doc: BankDocument, draft_file: Path | None = None) -> None:
        self.show_notice("")
        self.editor.open_document(doc, draft_file)
        self.pages.setCurrentWidget(self.editor)
        self.editor.tree.setFocus()

    def new_bank(self) -> None:
        self.open_editor(BankDocument.new(self._unique_id("my-bank"), "My interview"))

    def draft_from_job(self, path: Path | None = None) -> bool:
        from voiceprep.gui.widgets.bank_dialogs import DraftDialog

        dialog = DraftDialog(self, *self._job_text)
        if path is not None:
            dialog.load_file(path)
        accepted = dialog.exec()
        self._job_text = (dialog.text.toPlainText(), dialog.source)     # shown again when it is reopened
        if not accepted or not dialog.toml:
            return False
        self.open_editor(self._fresh_copy(dialog.toml))
        return True

    def _fresh_copy(self, toml: str) -> BankDocument:
        """An unsaved document whose id does not collide with a bank already there."""
        doc = BankDocument(toml)
        wanted = str(doc.get(("job",), "id", "") or "drafted-bank")
        unique = self._unique_id(wanted)
        if unique != wanted:
            doc = BankDocument.copy_of(toml, unique, str(doc.get(("job",), "title", "") or "Drafted bank"))
        return doc

    def edit_current(self) -> None:
        b = self.current()
        if b is None or b.source is None:
            return
        if self.is_bundled(b):
            self.duplicate_current()
            return
        try:
            doc = BankDocument.open(Path(b.source), self.services.settings.banks)
        except BankLoadError as exc:       # the file changed (or went) since the list was read
            self.show_notice(open_problem(self.services.registry.labels().get(b.id, b.name), Path(b.source),
                                          exc.errors))
            return
        draft = next((d for d in load_drafts() if d.target == Path(b.source)), None)
        if draft is not None:
            self.resume_draft(draft)
            return
        self.open_editor(doc)

    def duplicate_current(self) -> Path | None:
        """Copy the bank shown, bundled or own (comments and all), into my banks under a new id, and open it."""
        b = self.current()
        if b is None:
            return None
        text = b.text or Path(b.source).read_text(encoding="utf-8")
        new_id = self._unique_id(f"{b.id}-mine")
        title = copy_title(b.job.title, {other.job.title for other in self.services.registry.banks})
        doc = BankDocument.copy_of(text, new_id, title, origin=b.id)
        try:
            path = doc.save(paths.user_banks_dir() / f"{new_id}.toml")
        except OSError as exc:
            self.show_notice(f"Could not copy the bank into your banks folder: {exc.strerror or exc}")
            return None
        self.reload()
        self.select_bank(new_id)
        self.created.emit(new_id)
        self.open_editor(doc)
        return path

    # -- drafts ---------------------------------------------------------------------------------
    def _show_drafts(self) -> None:
        self._drafts = load_drafts()
        if not self._drafts:
            self.resume.hide()
            return
        d = self._drafts[0]
        more = f" (and {len(self._drafts) - 1} more)" if len(self._drafts) > 1 else ""
        self.resume_label.setText(f"Unsaved changes to “{d.title}” were kept{more}.")
        self.resume.show()

    def kept_draft_text(self) -> str:
        """Said once at start, in the status bar (walkthrough 10: after quitting with an unsaved bank, only the
        Banks page mentioned the kept draft)."""
        if not self._drafts:
            return ""
        more = f" (and {counted(len(self._drafts) - 1, 'more draft')})" if len(self._drafts) > 1 else ""
        return f"Your unsaved bank “{self._drafts[0].title}” is kept{more}: Banks > Resume editing"

    def resume_draft(self, draft: Draft) -> None:
        doc = BankDocument(draft.text, draft.target)
        if draft.target is not None:
            try:
                doc.saved_text = draft.target.read_text(encoding="utf-8")
            except OSError:
                doc.saved_text = ""
        else:
            doc.path, doc.saved_text = None, ""
        self.open_editor(doc, draft.file)

    def _discard_drafts(self) -> None:
        for d in self._drafts:
            discard_draft(d.file)
        self._show_drafts()

    def _editor_saved(self, path: str) -> None:
        known = any(str(b.source) == path for b in self.services.registry.banks)
        self._reads += 1
        self.services.reload_banks()
        self.fill()
        bank = next((b for b in self.services.registry.banks if str(b.source) == path), None)
        if bank:
            self.select_bank(bank.id)
        self.reloaded.emit()
        if bank and not known:
            self.created.emit(bank.id)         # first saved (a new or drafted bank): Practice offers it next

    def _editor_closed(self) -> None:
        self.pages.setCurrentIndex(0)
        self.fill()


def competency_line(c: Competency) -> str:
    """A competency in the bank's preview: its name, weight and definition, if any (walk21: "(1.00) —" with none)."""
    definition = f" — {html.escape(c.definition)}" if c.definition.strip() else ""
    return f"<li><b>{html.escape(c.name)}</b> ({weight_text(c.weight)}){definition}</li>"
