from django.conf import settings
from django.db import migrations

from accounts.handles import RESERVED, base_for


def give_handles(apps, schema_editor):
    """Every account gets a profile (approved, as 0002 made them) and a handle from its name,
    as a sign-up would (`accounts.handles.new_handle`), numbered where two are alike; the
    oldest account keeps the plain one."""
    User = apps.get_model(*settings.AUTH_USER_MODEL.split("."))
    Profile = apps.get_model("accounts", "Profile")
    Profile.objects.bulk_create(
        [Profile(user=user, approval="approved") for user in User.objects.filter(profile=None)]
    )
    taken = {
        handle.lower()
        for handle in Profile.objects.exclude(handle=None).values_list("handle", flat=True)
    }
    for profile in Profile.objects.filter(handle=None).select_related("user").order_by("user_id"):
        base = base_for(profile.user)
        handle, number = base, 1
        while handle in taken or handle in RESERVED:
            number += 1
            handle = f"{base}-{number}"
        taken.add(handle)
        profile.handle = handle
        profile.save(update_fields=["handle"])


class Migration(migrations.Migration):
    dependencies = [("accounts", "0005_profile_handle")]

    operations = [migrations.RunPython(give_handles, migrations.RunPython.noop)]
