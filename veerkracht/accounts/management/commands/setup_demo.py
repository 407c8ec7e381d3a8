from __future__ import annotations

import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser

from veerkracht.core.extensions import load_demo
from veerkracht.regions.services import DATA_DIR, POPULATION_LIMBURG_CSV, region_load

from ...demo import DEMO_PASSWORD


class Command(BaseCommand):
    help = "Load the region Limburg and demo data (idempotent) and print the demo logins."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--port", default="8000")

    def handle(self, *args, **options) -> None:
        started = time.monotonic()
        result = region_load(
            slug="limburg",
            province="PV31",
            name="Limburg",
            movement_name="Limburg Positief Gezond",
            subregions_path=DATA_DIR / "subregions_limburg.csv",
            population_path=POPULATION_LIMBURG_CSV,
        )
        region = result.region
        if not region.contact_email:
            region.contact_email = "actiecentrum@limburgpositiefgezond.example"
            region.contact_phone = "043 000 00 00"
            region.contact_address = (
                "Actiecentrum Limburg Positief Gezond\nVoorbeeldstraat 1\n6211 AA Maastricht"
            )
            region.save()
        self.stdout.write(
            "Loading the demo data. The first time this takes a minute or two: the monitor computes "
            "its figures for every period and checks that no hidden figure can be worked out."
        )
        self.stdout.flush()
        lines = load_demo(region)
        base = f"http://127.0.0.1:{options['port']}"
        out = self.stdout
        out.write("")
        out.write(
            f"Veerkracht – {region.movement_name}: {result.municipalities} gemeenten, "
            f"{result.subregions} deelregio's. Demo ready in {time.monotonic() - started:.1f}s."
        )
        out.write("")
        out.write("Demo logins (one per role):")
        for line in lines:
            out.write(line)
        out.write("")
        out.write(f"  Password for every demo account: {DEMO_PASSWORD}")
        out.write("  Or log in without a password: choose 'Stuur mij een inlogcode'; the code is printed")
        out.write(f"  in this console and shown at {base}/dev/mail/")
        out.write(f"  Staff roles need a two-step code: the current codes are at {base}/dev/mail/")
        out.write(f"  Back office (region admin): {base}/beheer/")
        out.write("")
        out.write(f"  Mails that could not be sent (action-centre staff): {base}/e-mail/niet-verstuurd/")
        out.write("")
        out.write("The web server and a job worker (e-mail, scheduled jobs) start together now;")
        out.write("Ctrl-C stops both. `manage.py jobs` shows the queue and the scheduled jobs.")
        out.write(f"Open {base}/ in your browser.")
        if not settings.DEBUG:
            out.write("Note: DJANGO_DEBUG is off, so /dev/mail/ does not exist.")
