from django.apps import AppConfig


class ResearchAreasConfig(AppConfig):
    name = "research_areas"
    verbose_name = "Research areas"
