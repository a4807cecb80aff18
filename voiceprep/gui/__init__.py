"""The PySide6 desktop app. Everything slow runs in workers; the core never imports from here."""
