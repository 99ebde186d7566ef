"""The synth's fast draws give the very numbers random.Random's own methods give (so a seed's
synthetic file stays the same)."""

from __future__ import annotations

import random

from parkdesk.ingest.synth_draws import Draws, Weighted

SYLLABLES = tuple(f"s{n}" for n in range(74))  # above random.sample's set-size threshold
FEW = tuple("abcdefgh")  # at or below it


def test_draws_equal_randoms_methods_call_for_call() -> None:
    for seed in range(20):
        mine, theirs = Draws(random.Random(seed)), random.Random(seed)
        weights = [30, 25, 18, 14, 13]
        weighted = Weighted(FEW[:5], weights)
        for n in range(2000):
            match n % 8:
                case 0:
                    assert mine.choice(SYLLABLES) == theirs.choice(SYLLABLES)
                case 1:
                    assert mine.below(10**7) == theirs.randrange(10**7)
                case 2:
                    assert mine.between(5, 5000) == theirs.randrange(5, 5000)
                case 3:
                    assert list(mine.two(SYLLABLES)) == theirs.sample(SYLLABLES, 2)
                case 4:
                    assert list(mine.two(FEW)) == theirs.sample(FEW, 2)
                case 5:
                    assert weighted.pick(mine) == theirs.choices(FEW[:5], weights)[0]
                case 6:
                    assert mine.random() == theirs.random()
                case 7:
                    assert mine.choice("2368") == theirs.choice("2368")
