"""manage.py of the machina host (run by bench.peers in the peer's virtualenv)."""

import os
import sys

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "forum_host.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
