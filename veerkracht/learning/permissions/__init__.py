"""The learning app's permissions, one module per feature."""
