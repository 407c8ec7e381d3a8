"""Factories of the network app, one module per feature."""
