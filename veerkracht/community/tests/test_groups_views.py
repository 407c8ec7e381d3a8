from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from veerkracht.agenda.tests.factories import EventFactory
from veerkracht.community.models import Group, GroupFile, GroupMeeting, GroupPost, Membership
from veerkracht.community.services import groups as services
from veerkracht.community.tokens import group_invite_token

from .factories import make_group

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n%test\n"


@pytest.fixture(autouse=True)
def private_media(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


@pytest.fixture
def group(resident, ambassador):
    return make_group(resident, members=[ambassador])


def _every_url(group, post, shared, event_pk):
    pk = group.pk
    return [
        ("get", reverse("community:group", args=[pk])),
        ("post", reverse("community:group_post_create", args=[pk])),
        ("post", reverse("community:group_post_delete", args=[pk, post.pk])),
        ("post", reverse("community:group_post_report", args=[pk, post.pk])),
        ("post", reverse("community:group_member_admin", args=[pk, post.author_id])),
        ("post", reverse("community:group_file_upload", args=[pk])),
        ("get", reverse("community:group_file", args=[pk, shared.pk])),
        ("post", reverse("community:group_file_delete", args=[pk, shared.pk])),
        ("get", reverse("community:group_members", args=[pk])),
        ("post", reverse("community:group_invite", args=[pk])),
        ("post", reverse("community:group_invite_renew", args=[pk])),
        ("post", reverse("community:group_member_remove", args=[pk, post.author_id])),
        ("post", reverse("community:group_meeting_add", args=[pk])),
        ("post", reverse("community:group_meeting_remove", args=[pk, event_pk])),
        ("post", reverse("community:group_leave", args=[pk])),
        ("get", reverse("community:group_join", args=[pk, "0" * 32])),
    ]


def test_non_members_get_404_on_every_group_url(client_for, group, resident, outsider, staff):
    post = services.group_post_create(group=group, author=resident, text="Alleen voor leden")
    shared = services.group_file_upload(
        group=group, uploader=resident, title="Verslag", upload=SimpleUploadedFile("v.pdf", PDF)
    )
    event = EventFactory()
    services.group_meeting_add(group=group, event_id=event.pk, actor=resident)
    for user in (outsider, staff):
        client = client_for(user)
        for method, url in _every_url(group, post, shared, event.pk):
            assert getattr(client, method)(url).status_code == 404, url
    assert (
        GroupPost.objects.count() == 1
        and GroupFile.objects.count() == 1
        and GroupMeeting.objects.count() == 1
    )
    assert Membership.objects.filter(group=group).count() == 2


def test_anonymous_visitors_are_sent_to_log_in(client, group):
    assert client.get(reverse("community:group", args=[group.pk])).status_code == 302
    assert client.get(reverse("community:my_groups")).status_code == 302


def test_a_member_sees_posts_and_files_of_their_group_only(client_for, group, resident, ambassador, outsider):
    other = make_group(outsider, name="Werkgroep Noord", kind="working")
    secret = services.group_post_create(group=other, author=outsider, text="Geheim van Noord")
    other_file = services.group_file_upload(
        group=other, uploader=outsider, title="Noord", upload=SimpleUploadedFile("n.pdf", PDF)
    )
    client = client_for(ambassador)
    assert client.get(reverse("community:my_groups")).text.count("Werkgroep Noord") == 0
    page = client.get(reverse("community:group", args=[group.pk]))
    assert page.status_code == 200 and "Geheim van Noord" not in page.text
    # Guessing ids of another group's post or file through this group: 404.
    assert client.post(reverse("community:group_post_delete", args=[group.pk, secret.pk])).status_code == 404
    assert client.get(reverse("community:group_file", args=[group.pk, other_file.pk])).status_code == 404
    assert client.get(reverse("community:group", args=[group.pk]), {"page": "abc"}).status_code == 200


def test_posting_uploading_and_downloading(client_for, group, ambassador):
    client = client_for(ambassador)
    assert (
        client.post(reverse("community:group_post_create", args=[group.pk]), {"text": ""}).status_code == 400
    )
    assert (
        client.post(
            reverse("community:group_post_create", args=[group.pk]), {"text": "Hallo groep"}
        ).status_code
        == 302
    )
    bad = client.post(
        reverse("community:group_file_upload", args=[group.pk]),
        {"upload": SimpleUploadedFile("x.exe", b"MZ")},
    )
    assert bad.status_code == 400 and "Dit soort bestand kan niet" in bad.text
    good = client.post(
        reverse("community:group_file_upload", args=[group.pk]),
        {"title": "Notulen", "upload": SimpleUploadedFile("notulen.pdf", PDF)},
    )
    assert good.status_code == 302
    shared = GroupFile.objects.get()
    response = client.get(reverse("community:group_file", args=[group.pk, shared.pk]))
    assert response.status_code == 200 and b"".join(response.streaming_content) == PDF
    assert (
        response["Content-Disposition"].startswith("attachment")
        and response["X-Content-Type-Options"] == "nosniff"
    )


def test_group_page_has_constant_queries(
    client_for, group, resident, ambassador, django_assert_max_num_queries
):
    client = client_for(ambassador)
    services.group_post_create(group=group, author=resident, text="Eerste")
    with django_assert_max_num_queries(20) as before:
        client.get(reverse("community:group", args=[group.pk]))
    for i in range(8):
        services.group_post_create(group=group, author=ambassador, text=f"Bericht {i}")
        services.group_file_upload(
            group=group, uploader=ambassador, title=f"B{i}", upload=SimpleUploadedFile("b.pdf", PDF)
        )
    with django_assert_max_num_queries(len(before.captured_queries)):
        client.get(reverse("community:group", args=[group.pk]))
    with django_assert_max_num_queries(20) as before:
        client.get(reverse("community:group_members", args=[group.pk]))


def test_only_admins_manage_members(client_for, group, resident, ambassador, outsider, professional):
    member = client_for(ambassador)
    assert member.get(reverse("community:group_members", args=[group.pk])).status_code == 200
    assert (
        member.post(reverse("community:group_invite", args=[group.pk]), {"email": outsider.email}).status_code
        == 404
    )
    admin = client_for(resident)
    assert (
        admin.post(reverse("community:group_invite", args=[group.pk]), {"email": "geen-mail"}).status_code
        == 400
    )
    assert (
        admin.post(
            reverse("community:group_invite", args=[group.pk]), {"email": "onbekend@example.org"}
        ).status_code
        == 400
    )
    assert (
        admin.post(reverse("community:group_invite", args=[group.pk]), {"email": outsider.email}).status_code
        == 302
    )
    assert Membership.objects.filter(group=group, user=outsider).exists()
    assert (
        admin.post(reverse("community:group_member_remove", args=[group.pk, outsider.pk])).status_code == 302
    )
    assert not Membership.objects.filter(group=group, user=outsider).exists()
    assert admin.post(reverse("community:group_member_remove", args=[group.pk, 99999])).status_code == 404
    # The invitation link, and a new one.
    token = group_invite_token(group)
    join = reverse("community:group_join", args=[group.pk, token])
    assert client_for(professional).get(join).status_code == 200
    assert client_for(professional).post(join).status_code == 302
    assert Membership.objects.filter(group=group, user=professional).exists()
    admin.post(reverse("community:group_invite_renew", args=[group.pk]))
    assert client_for(outsider).get(join).status_code == 404


def test_meetings_and_leaving(client_for, group, resident, ambassador):
    event = EventFactory(title="Terugkomdag")
    admin = client_for(resident)
    assert (
        admin.post(reverse("community:group_meeting_add", args=[group.pk]), {"event": "abc"}).status_code
        == 302
    )
    assert not GroupMeeting.objects.exists()
    admin.post(reverse("community:group_meeting_add", args=[group.pk]), {"event": event.pk})
    assert "Terugkomdag" in client_for(ambassador).get(reverse("community:group", args=[group.pk])).text
    admin.post(reverse("community:group_meeting_remove", args=[group.pk, event.pk]))
    assert not GroupMeeting.objects.exists()
    response = client_for(ambassador).post(reverse("community:group_leave", args=[group.pk]))
    assert response.status_code == 302 and response.url == reverse("community:my_groups")
    assert not Membership.objects.filter(group=group, user=ambassador).exists()
    assert client_for(ambassador).get(reverse("community:group", args=[group.pk])).status_code == 404


def test_staff_create_groups(client_for, staff, resident):
    url = reverse("community:group_create")
    assert client_for(resident).get(url).status_code == 404
    assert client_for(staff).post(url, {"name": "", "kind": "working"}).status_code == 400
    bad = client_for(staff).post(
        url, {"name": "Werkgroep", "kind": "working", "admin_email": "niemand@example.org"}
    )
    assert bad.status_code == 400
    response = client_for(staff).post(
        url, {"name": "Transformatiewerkplaats", "kind": "working", "admin_email": resident.email}
    )
    group = Group.objects.get()
    assert response.status_code == 302 and Membership.objects.get(group=group).user == resident


def test_nav_shows_my_groups_only_to_members(client_for, group, ambassador, outsider):
    assert "Mijn groepen" in client_for(ambassador).get(reverse("community:questions")).text
    assert "Mijn groepen" not in client_for(outsider).get(reverse("community:questions")).text


def test_members_report_posts_and_admins_share_the_admin_role(client_for, group, resident, ambassador):
    from veerkracht.community.models import ContentReport

    post = services.group_post_create(group=group, author=resident, text="Kijk eens")
    url = reverse("community:group_post_report", args=[group.pk, post.pk])
    assert client_for(ambassador).post(url, {"reason": ""}).status_code == 302
    assert client_for(ambassador).post(url, {"reason": "Klopt niet"}).status_code == 302
    assert ContentReport.objects.get().reporter == ambassador
    make_admin = reverse("community:group_member_admin", args=[group.pk, ambassador.pk])
    assert client_for(ambassador).post(make_admin, {"admin": "1"}).status_code == 404
    assert client_for(resident).post(make_admin, {"admin": "1"}).status_code == 302
    assert Membership.objects.get(user=ambassador).is_admin
    # The last admin cannot step down.
    client_for(resident).post(make_admin)
    own = reverse("community:group_member_admin", args=[group.pk, resident.pk])
    client_for(ambassador).post(reverse("community:group_member_admin", args=[group.pk, ambassador.pk]))
    assert Membership.objects.filter(group=group, is_admin=True).count() == 1
    assert client_for(resident).post(own).status_code == 302
    assert Membership.objects.get(user=resident).is_admin


def test_my_groups_has_constant_queries(client_for, resident, django_assert_max_num_queries):
    make_group(resident)
    client = client_for(resident)
    with django_assert_max_num_queries(12) as before:
        assert client.get(reverse("community:my_groups")).status_code == 200
    for i in range(5):
        make_group(resident, name=f"Groep {i}")
    with django_assert_max_num_queries(len(before.captured_queries)):
        client.get(reverse("community:my_groups"))


def test_hidden_posts_vanish_for_members(client_for, group, resident, ambassador, staff):
    from veerkracht.community.services.moderation import content_hide

    post = services.group_post_create(group=group, author=ambassador, text="Koop mijn spullen")
    content_hide(obj=post, actor=staff, reason="Reclame")
    assert (
        "Koop mijn spullen" not in client_for(resident).get(reverse("community:group", args=[group.pk])).text
    )
