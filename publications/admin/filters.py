from django.contrib import admin

from .. import workflow
from ..models import owned_by


class StateFilter(admin.SimpleListFilter):
    title = "state"
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return workflow.Stage.choices

    def queryset(self, request, queryset):
        if self.value() in workflow.Stage.values:
            return queryset.filter(workflow.in_stage(workflow.Stage(self.value())))
        return queryset


class MineFilter(admin.SimpleListFilter):
    title = "whose"
    parameter_name = "mine"

    def lookups(self, request, model_admin):
        return [("yes", "Mine (started by me or on my byline)")]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(owned_by(request.user))
        return queryset
