"""What happens to an enrolment, for the other features of this app to act on.

Sent by services/enrolments.py *inside* its transaction, so a receiver's writes (a budget commitment,
a certificate) are saved together with the change or not at all. Receivers never send mail themselves:
they enqueue it on commit, like every service.

Every signal is sent with ``enrolment=<Enrolment>``.
"""

from __future__ import annotations

from django.dispatch import Signal

# The learner got a seat (status became ENROLLED): the training plan commits the seat's cost.
enrolment_seated = Signal()
# The learner gave up a seat without completing (cancelled, or removed by a coordinator).
enrolment_released = Signal()
# Every part of the course is done (status became COMPLETED, ``completed_at`` set).
enrolment_completed = Signal()
