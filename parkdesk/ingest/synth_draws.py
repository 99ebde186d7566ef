"""Random draws for `parkdesk synth`, the very numbers random.Random's methods give, faster.

`choice`, `randrange`, `choices` and `sample` check their arguments and go through a few layers
of calls before they reach `getrandbits` and `random`; a million enterprises make some 25
million draws, a fifth of the generator's time. These helpers make the same calls on the same
generator in the same order (CPython's algorithms, which a seed's file already depends on), so
a seed gives the same file as before; tests/ingest/test_synth_draws.py compares them with
random's own methods.
"""

from __future__ import annotations

import random
from bisect import bisect
from collections.abc import Sequence
from itertools import accumulate
from typing import Generic, TypeVar

T = TypeVar("T")
_SAMPLE_SET_SIZE = 21  # random.sample picks by rejection from a set above this size (k <= 5)


class Draws:
    """Draws from `rng`, each equal to the random.Random method named in its docstring."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.random = rng.random
        self._bits = rng.getrandbits

    def below(self, n: int) -> int:
        """`rng.randrange(n)` (n > 0): random's `_randbelow`, by rejection from n's bits."""
        k = n.bit_length()
        r = self._bits(k)
        while r >= n:
            r = self._bits(k)
        return r

    def between(self, start: int, stop: int) -> int:
        """`rng.randrange(start, stop)` (stop > start)."""
        return start + self.below(stop - start)

    def choice(self, seq: Sequence[T]) -> T:
        """`rng.choice(seq)` (seq not empty)."""
        return seq[self.below(len(seq))]

    def two(self, seq: Sequence[T]) -> tuple[T, T]:
        """`rng.sample(seq, 2)`."""
        n = len(seq)
        if n <= _SAMPLE_SET_SIZE:
            first, second = self.rng.sample(seq, 2)
            return first, second
        i = self.below(n)
        j = self.below(n)
        while j == i:
            j = self.below(n)
        return seq[i], seq[j]


class Weighted(Generic[T]):
    """`rng.choices(population, weights)[0]`, its cumulative weights added up once."""

    def __init__(self, population: Sequence[T], weights: Sequence[float]) -> None:
        self.population = list(population)
        self.cum = list(accumulate(weights))
        self.total = self.cum[-1] + 0.0
        self.hi = len(self.cum) - 1

    def pick(self, draws: Draws) -> T:
        return self.population[bisect(self.cum, draws.random() * self.total, 0, self.hi)]
