"""What the learning app holds about a person (core/personal_data.py): one module per feature, each
registering its models on import. Quiz answers, progress and reflections belong to the learner: they
are in "download my data" and go with the account."""

from __future__ import annotations
