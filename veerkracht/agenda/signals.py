"""What happens at the door, for other apps to act on (the learning app counts attended meetings).

Sent inside the service's transaction, with ``registration=<Registration>`` (its ``user`` may be None:
a walk-in or someone who registered without an account).
"""

from __future__ import annotations

from django.dispatch import Signal

# Someone was checked in at an event (registration_check_in, walk_in_add).
attendee_checked_in = Signal()
