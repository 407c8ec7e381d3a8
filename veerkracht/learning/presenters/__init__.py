"""The learning app's presenters, one module per feature."""
