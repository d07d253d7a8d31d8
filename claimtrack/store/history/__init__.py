"""The edit history: recording every change in the same transaction (``tracking``), the
snapshots it records (``snapshots``), and reading it back (``changes``)."""
