"""gunicorn's configuration of one Bloc local app server: `gunicorn -c deploy/gunicorn.conf.py`.

Each setting can be changed by the environment (GUNICORN_*), documented in the README. Behind
the proxies (nginx then Varnish, on this host or a private network): they set X-Forwarded-Proto
and append the client's address to X-Forwarded-For, which Django's rate limits read
(ALLAUTH_TRUSTED_PROXY_COUNT: how many proxies appended to it). A graceful reload, new code
without a dropped request: `kill -HUP <master pid>` (systemctl reload bloc-local-web).
"""

import multiprocessing
import os

wsgi_app = "portal.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8001")
# Synchronous workers, two per core and one more (gunicorn's advice): a page is a few ms of
# CPU and of database; slow clients wait in nginx, not here.
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
worker_class = "sync"
# A request that takes longer is killed (its worker restarted); the proxy waits a bit more.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "30"))
keepalive = 5
# Workers are replaced now and then, not all at once: memory does not creep.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "2000"))
max_requests_jitter = max_requests // 10
# Only the proxies' headers are believed (X-Forwarded-Proto: https, for secure cookies and
# redirects), only from their addresses.
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
secure_scheme_headers = {"X-FORWARDED-PROTO": "https"}
# The portal writes its own JSON lines (portal/logs.py); gunicorn's errors go to stderr.
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
proc_name = "bloc-local"
# Not loaded in the master: a reload (HUP) starts every new worker on the new code.
preload_app = False
