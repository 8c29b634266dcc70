"""gunicorn in production: `.venv/bin/gunicorn -c gunicorn.conf.py` (README: Deployment).

Listens on GUNICORN_BIND (default 127.0.0.1:8000) behind a proxy that ends HTTPS and sets
X-Forwarded-Proto; WEB_CONCURRENCY worker processes (default two per core plus one).
"""

import multiprocessing
import os

wsgi_app = "factcheck.wsgi:application"
raw_env = [
    "DJANGO_SETTINGS_MODULE=" + os.environ.get("DJANGO_SETTINGS_MODULE", "factcheck.settings.prod")
]
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
# A search or an export may take a few seconds; a request stuck longer is killed.
timeout = 60
graceful_timeout = 30
# Restart each worker now and then, so no slow memory growth builds up.
max_requests = 2000
max_requests_jitter = 200
# Trust X-Forwarded-* only from the proxy on this machine.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
accesslog = "-"
errorlog = "-"
