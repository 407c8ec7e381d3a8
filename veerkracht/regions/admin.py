from __future__ import annotations

from django.contrib import admin

from .models import Municipality, Region, Subregion


class SubregionInline(admin.TabularInline):
    model = Subregion
    extra = 0
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ["name", "movement_name", "province_code", "contact_email"]
    readonly_fields = ["slug", "province_code"]
    inlines = [SubregionInline]

    def has_add_permission(self, request) -> bool:
        # Regions are loaded with `manage.py load_region` from the bundled CBS data.
        return False


@admin.register(Municipality)
class MunicipalityAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "subregion", "region", "population", "population_year"]
    list_filter = ["region", "subregion"]
    search_fields = ["name", "code"]  # also used by autocomplete fields
    readonly_fields = [
        "code",
        "name",
        "province_code",
        "province_name",
        "region",
        "population",
        "population_year",
    ]
    list_select_related = ["subregion", "region"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
