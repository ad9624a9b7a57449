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
