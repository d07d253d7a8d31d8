"""The pure core: enums, errors, value parsing, public ids, read views, search syntax, the
ratings table, configuration and JSON serialisation. Standard library only (platformdirs for
the default path): no database, no rendering, imported by every layer above."""
