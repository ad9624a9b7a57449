from django.urls import path

from jobs import views

app_name = "health"

urlpatterns = [
    path("", views.site, name="site"),
    path("tasks/", views.tasks, name="tasks"),
]
