"""Everything that knows a database is underneath: engines and sessions (``db``), the
migration runner (``migrate``), the full-text index (``fulltext``), whole-database backups
(``backup``, ``backup_json``), fast row writes (``raw_insert``, ``bulkwrite``), statement
helpers (``sql``) and the edit history (``history``). Imports only core, models and formats."""
