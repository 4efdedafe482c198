"""Settings of member accounts (django-allauth); imported at the end of base.py."""
