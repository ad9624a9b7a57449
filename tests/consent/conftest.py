import pytest
from django.urls import reverse


def choose(client, action: str, *varnames: str, **headers):
    """Accept or decline cookie groups the way the banner's forms do."""
    return client.post(
        reverse(f"cookie_consent_{action}"), {"cookie_groups": list(varnames)}, headers=headers
    )


@pytest.fixture
def accept():
    return lambda client, *varnames, **headers: choose(client, "accept", *varnames, **headers)


@pytest.fixture
def decline():
    return lambda client, *varnames, **headers: choose(client, "decline", *varnames, **headers)


@pytest.fixture
def banner_editor(db):
    """A staff member allowed to edit the banner's wording, and nothing else of the site."""
    from django.contrib.auth.models import Permission

    from tests.factories import make_user

    user = make_user(username="banner-editor", is_staff=True)
    user.user_permissions.add(
        *Permission.objects.filter(
            content_type__app_label="consent",
            codename__in=["view_bannertext", "change_bannertext"],
        )
    )
    return user
