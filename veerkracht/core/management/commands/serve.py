"""Development: the web server and one job worker in one command (``make run``).

Starts ``runserver`` and ``run_huey`` as two child processes, each in a process group of its own (the
development server's autoreloader runs the real server in a grandchild). Ctrl-C (or SIGTERM) stops both
groups; when one of them stops by itself, the other is stopped too, so nothing is left running in the
background.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time

from django.core.management.base import BaseCommand, CommandParser

STOP_WAIT = 10  # seconds a child gets to stop cleanly before it is killed


class Command(BaseCommand):
    help = "Run the development web server and a job worker together; Ctrl-C stops both."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("addrport", nargs="?", default="127.0.0.1:8000")
        parser.add_argument("--workers", type=int, default=2, help="worker threads of the job worker")

    def handle(self, *args, **options) -> None:
        manage = [sys.executable, "manage.py"]
        worker = [*manage, "run_huey", "--workers", str(options["workers"])]
        web = [*manage, "runserver", options["addrport"]]
        children = [subprocess.Popen(command, start_new_session=True) for command in (worker, web)]  # noqa: S603
        stopping = False

        def stop(signum, frame) -> None:
            nonlocal stopping
            stopping = True

        previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGINT, signal.SIGTERM)}
        try:
            while not stopping and all(child.poll() is None for child in children):
                time.sleep(0.2)
        finally:
            self._stop(children)
            for sig, handler in previous.items():
                signal.signal(sig, handler)
        self.stdout.write("Web server and job worker stopped.")

    def _stop(self, children: list[subprocess.Popen]) -> None:
        # The worker finishes the jobs it has (SIGINT: Huey's graceful stop); the development server
        # just stops (SIGTERM), also when it was started with SIGINT ignored (in the background).
        worker, web = children
        self._signal_group(worker, signal.SIGINT)
        self._signal_group(web, signal.SIGTERM)
        deadline = time.monotonic() + STOP_WAIT
        for child in children:
            with contextlib.suppress(subprocess.TimeoutExpired):
                child.wait(timeout=max(0.1, deadline - time.monotonic()))
            # Whatever is left in its group (the autoreloader's server process) goes now.
            self._signal_group(child, signal.SIGKILL)
            child.wait()

    @staticmethod
    def _signal_group(child: subprocess.Popen, sig: int) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(child.pid, sig)
