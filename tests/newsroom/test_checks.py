"""System checks that stop a misconfigured site before it serves anyone."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("policy", ["publish", "hold_first", "hold_all"])
def test_every_moderation_policy_passes_the_checks(settings, policy):
    settings.COMMENTS_MODERATION = policy

    call_command("check", verbosity=0)


@pytest.mark.parametrize("policy", ["hold-all", "Hold_All", "hold", ""])
def test_a_mistyped_moderation_policy_fails_the_checks(settings, policy):
    settings.COMMENTS_MODERATION = policy

    with pytest.raises(SystemCheckError) as failure:
        call_command("check", verbosity=0)

    message = str(failure.value)
    assert "newsroom.E004" in message
    assert f"COMMENTS_MODERATION ({policy!r}) is not a moderation policy" in message
    assert "publish, hold_first, hold_all" in message


def test_the_site_refuses_to_start_with_a_mistyped_policy():
    """What the operator sees: the check fails, naming the setting, and nothing is served."""
    env = os.environ | {"COMMENTS_MODERATION": "hold-all"}

    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode == 1
    assert "newsroom.E004" in result.stderr
    assert "COMMENTS_MODERATION ('hold-all') is not a moderation policy" in result.stderr
