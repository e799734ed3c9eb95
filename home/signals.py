"""Thin handlers: start a new site shell version (home/shell.py) whenever what the shell
shows, or the view restrictions it caches, may have changed."""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import shell
from .models import SiteSettings


def _forget(sender, **kwargs):
    shell.forget_shell()


def _page_saved(sender, instance, **kwargs):
    if isinstance(instance, Page) and instance.alias_of_id:
        shell.forget_shell()


def _page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        shell.forget_shell()


def connect() -> None:
    page_published.connect(_forget, dispatch_uid="home-shell-publish")
    page_unpublished.connect(_forget, dispatch_uid="home-shell-unpublish")
    post_page_move.connect(_forget, dispatch_uid="home-shell-move")
    post_save.connect(_page_saved, dispatch_uid="home-shell-alias")
    post_delete.connect(_page_deleted, dispatch_uid="home-shell-page-delete")
    for model in (SiteSettings, Site, PageViewRestriction):
        post_save.connect(_forget, sender=model, dispatch_uid=f"home-shell-save-{model.__name__}")
        post_delete.connect(
            _forget, sender=model, dispatch_uid=f"home-shell-delete-{model.__name__}"
        )
