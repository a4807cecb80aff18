"""Widgets, one module per page or reusable piece."""
