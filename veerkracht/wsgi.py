"""WSGI entry point (gunicorn veerkracht.wsgi)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "veerkracht.settings")
application = get_wsgi_application()
