"""Serialisation formats: bytes and dicts to plain records and back. No database here."""
