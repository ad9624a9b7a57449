from django.conf import settings
from django.views.static import serve


def media(request, path):
    """Uploaded files from MEDIA_ROOT, read at call time (tests move it per test)."""
    return serve(request, path, document_root=settings.MEDIA_ROOT)
