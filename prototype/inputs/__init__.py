"""Reading what people write: YAML files, typed fields, and errors that name the file and line."""
