from django.apps import AppConfig


class RedCellConfig(AppConfig):
    name = "redcell"
    verbose_name = "Red Cell"
