from django.urls import include, path

app_name = "records"
urlpatterns = [
    path("import/", include("tdkt.records.urls_import")),
]
