"""What the monitor's pages, downloads, report and API show, shaped from the figures the selectors read.

``figures`` formats single figures (numbers, "verborgen", tiles, charts); ``areas`` names the areas of a
region; ``overview``, ``outcomes`` and ``downloads`` build what one kind of page needs.
"""
