"""Rendering for people: rows (``rows.LISTING``), a claim's record and a source
(``claims``), disputes and the contested report (``disputes``), a speaker's track record
(``track_record``), a timeline (``timeline``), the dispute graph (``graph``), HTML pages from
``templates/`` (``pages``), markdown and shared wording. Each document type has one table that
maps a format to the function writing it; nothing else branches on the format."""
