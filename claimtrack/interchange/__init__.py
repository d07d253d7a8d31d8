"""Import and export: ``importing.import_files`` (any format in, batched through the bulk
writer) and ``export.write_export`` (any format out, streamed). ``importer`` merges parsed
records into the database; ``state``, ``actors``, ``claims`` and ``links`` are its phases;
``native`` reads and writes claimtrack's own records. Uses services and store; never render."""
