"""Bit-set choices: a fixed, ordered list of (key, label) stored as one integer (bit i = choice i).

A row that touches several themes or dimensions stores one integer per list, not many-to-many rows:
filtering ("initiatives about loneliness") and ranking ("how many themes overlap") then stay
single-table expressions that SQLite and PostgreSQL evaluate fast on 100,000 rows. The order of the
choices is therefore part of the data: add new choices at the end, never reorder or remove one.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db.models import ExpressionWrapper, F, IntegerField, Q, Value
from django.db.models.lookups import GreaterThan

__all__ = ["Flags", "bit_test"]


class Flags:
    """A fixed, ordered list of (key, label) choices that is stored as a bit set."""

    def __init__(self, choices: Iterable[tuple[str, object]]) -> None:
        self.choices = list(choices)
        self.keys = [key for key, _label in self.choices]
        self.bits = {key: 1 << i for i, key in enumerate(self.keys)}
        self.labels = dict(self.choices)

    def mask(self, keys: Iterable[str]) -> int:
        """Keys to a bit set; unknown keys raise KeyError (forms only offer known ones)."""
        value = 0
        for key in keys:
            value |= self.bits[key]
        return value

    def checked_mask(self, keys: Iterable[str], message: str) -> int:
        """Like mask(), for input from outside: an unknown key is a ValidationError with `message`."""
        try:
            return self.mask(keys)
        except KeyError as exc:
            raise ValidationError(message) from exc

    def keys_of(self, mask: int | None) -> list[str]:
        return [key for key in self.keys if (mask or 0) & self.bits[key]]

    def labels_of(self, mask: int | None) -> list[str]:
        return [str(self.labels[key]) for key in self.keys_of(mask)]

    def any_of(self, field: str, keys: Iterable[str]) -> Q:
        """Q for rows whose bit set in `field` shares at least one of `keys` (empty keys: no filter)."""
        query = Q()
        for key in keys:
            query |= Q(bit_test(field, self.bits[key]))
        return query

    def overlap(self, field: str, mask: int):
        """An SQL expression counting how many bits of `mask` are also set in `field`.

        Per bit `(field & bit) / bit` is 0 or 1 (integer division on SQLite and PostgreSQL); summing
        those is about twice as fast as CASE WHEN per bit on 100,000 rows.
        """
        total = Value(0, output_field=IntegerField())
        for key in self.keys_of(mask):
            bit = self.bits[key]
            total = total + ExpressionWrapper(F(field).bitand(bit) / Value(bit), output_field=IntegerField())
        return total


def bit_test(field: str, bit: int) -> GreaterThan:
    """`field & bit > 0`, portable: no popcount, which SQLite lacks."""
    return GreaterThan(F(field).bitand(bit), 0)
