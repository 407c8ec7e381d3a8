"""The learning app's selectors, one module per feature."""
