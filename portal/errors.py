from django.http import HttpResponseServerError
from django.template.loader import get_template
from django.views.decorators.csrf import requires_csrf_token


@requires_csrf_token
def server_error(request):
    """The 500 page, rendered without context processors that may need the database."""
    return HttpResponseServerError(get_template("500.html").render())
