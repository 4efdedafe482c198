"""Accounts in Django's admin, without its password forms: passwords are set and changed only
through allauth (reset by e-mail, change after log-in), where the rate limits and the
two-factor code apply."""

from django import forms
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin

User = get_user_model()


class UserCreationWithoutPasswordForm(forms.ModelForm):
    """A new account without a password: its owner chooses one with allauth's reset."""

    class Meta:
        model = User
        fields = ("username", "email")

    def save(self, commit=True):
        user = super().save(commit=False)
        user.set_unusable_password()
        if commit:
            user.save()
        return user


class AccountUserAdmin(UserAdmin):
    add_form = UserCreationWithoutPasswordForm
    add_fieldsets = ((None, {"classes": ("wide",), "fields": ("username", "email")}),)
    fieldsets = (
        (None, {"fields": ("username",)}),
        *UserAdmin.fieldsets[1:],
    )

    def get_urls(self):
        return [url for url in super().get_urls() if url.name != "auth_user_password_change"]


admin.site.unregister(User)
admin.site.register(User, AccountUserAdmin)
