"""The regions app holds no data about people; its names and addresses are places and the action centre's."""

from __future__ import annotations

from veerkracht.core.personal_data import PersonalData, register

register(
    PersonalData(
        app="regions",
        models=(),
        export=lambda user: {},
        erase=lambda user: None,
        not_personal={
            "regions.Region": "the region's name and the action centre's own contact address",
            "regions.Subregion": "a place name",
            "regions.Municipality": "a place name",
        },
    )
)
