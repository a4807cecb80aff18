"""Question banks: TOML files of prompts and the candidate's key points."""

from voiceprep.core.banks.load import BankError, BankLoadError, load_bank, parse_bank
from voiceprep.core.banks.model import Bank, Competency, Job, KeyPoint, Prompt, Round
from voiceprep.core.banks.registry import BankRegistry

__all__ = [
    "Bank", "BankError", "BankLoadError", "BankRegistry", "Competency", "Job", "KeyPoint",
    "Prompt", "Round", "load_bank", "parse_bank",
]
