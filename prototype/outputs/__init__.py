"""Writing results: JSON text as the project writes it, and folders published all at once."""
