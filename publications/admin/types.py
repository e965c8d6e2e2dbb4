from django.contrib import admin


class PublicationTypeAdmin(admin.ModelAdmin):
    list_display = ["name", "plural_name", "position"]
    list_editable = ["position"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
