"""One module per feature."""
