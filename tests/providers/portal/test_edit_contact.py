"""The contact details section: a website is a web page (http or https) and nothing else."""

import pytest
from django.urls import reverse

from .test_edit import latest

CONTACT = reverse("portal:edit_contact")


@pytest.mark.parametrize("website", ["ftp://files.example.org/", "FTPS://example.org"])
def test_a_website_must_be_a_web_page(provider_client, listing, website):
    response = provider_client.post(CONTACT, {"website": website})

    html = response.content.decode()
    assert response.status_code == 200
    assert "Enter a web address that starts with https:// or http://" in html
    assert latest(listing).website == ""

    for typed, saved in [
        ("http://example.org", "http://example.org"),
        ("example.org", "https://example.org"),  # a bare domain is taken as https
        ("https://www.example.org/", "https://www.example.org/"),
    ]:
        response = provider_client.post(CONTACT, {"website": typed})
        assert response.status_code == 302
        assert latest(listing).website == saved
