"""The main window."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QMainWindow, QVBoxLayout, QWidget

from voiceprep.core.banks import BankRegistry


class MainWindow(QMainWindow):
    def __init__(self, registry: BankRegistry | None = None):
        super().__init__()
        self.setWindowTitle("voiceprep")
        self.setMinimumSize(900, 600)
        self.registry = registry or BankRegistry.discover()
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(QLabel("Question banks"))
        self.bank_list = QListWidget()
        for bank in self.registry.banks:
            QListWidgetItem(f"{bank.job.title} — {len(bank.all_prompts())} prompts", self.bank_list)
        layout.addWidget(self.bank_list)
        self.errors = QLabel("\n".join(str(e) for e in self.registry.errors))
        self.errors.setVisible(bool(self.registry.errors))
        layout.addWidget(self.errors)
        self.setCentralWidget(central)
