from django.shortcuts import render


def space_list(request):
    """The discussion spaces; they open with the discussion-spaces issue."""
    return render(request, "forums/space_list.html")
