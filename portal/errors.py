import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseServerError
from django.template.loader import get_template
from django.views.decorators.csrf import requires_csrf_token

# Seconds a visitor is asked to wait while the database is out of reach.
RETRY_AFTER = 30


@requires_csrf_token
def server_error(request):
    """The 500 page, rendered without context processors that may need the database; a 503
    page asking to come back shortly when the database is out of reach (stopped, restarting,
    refusing connections). Django closes the broken connection at the end of the request and
    the next one connects again: the site recovers by itself."""
    if isinstance(sys.exc_info()[1], OperationalError | InterfaceError):
        response = HttpResponse(get_template("503.html").render(), status=503)
        response["Retry-After"] = str(RETRY_AFTER)
        response["Cache-Control"] = "no-store"
        return response
    return HttpResponseServerError(get_template("500.html").render())
