"""Command-line interface: headless use of the same core the GUI drives."""
