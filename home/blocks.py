from django.utils.translation import gettext_lazy as _
from wagtail import blocks

# Rich text stays simple so every page reads well with a screen reader and in print.
PROSE_FEATURES = ["bold", "italic", "ol", "ul", "link", "document-link"]


class HeadingBlock(blocks.CharBlock):
    class Meta:
        icon = "title"
        label = _("Heading")
        template = "home/blocks/heading.html"
        form_classname = "title"


class InsetBlock(blocks.StructBlock):
    text = blocks.RichTextBlock(features=PROSE_FEATURES, label=_("Text"))

    class Meta:
        icon = "pick"
        label = _("Inset text")
        template = "home/blocks/inset.html"


class DetailsBlock(blocks.StructBlock):
    summary = blocks.CharBlock(max_length=120, label=_("Summary (the part that is always shown)"))
    text = blocks.RichTextBlock(features=PROSE_FEATURES, label=_("Text"))

    class Meta:
        icon = "arrow-down"
        label = _("Expanding details")
        template = "home/blocks/details.html"


class WarningBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=400, label=_("Warning"))

    class Meta:
        icon = "warning"
        label = _("Warning text")
        template = "home/blocks/warning.html"


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(features=PROSE_FEATURES, label=_("Paragraph"), icon="pilcrow")
    inset = InsetBlock()
    details = DetailsBlock()
    warning = WarningBlock()


class RouteBlock(blocks.StructBlock):
    """One of the home page's main routes into the service."""

    heading = blocks.CharBlock(max_length=80, label=_("Heading"))
    text = blocks.CharBlock(max_length=300, label=_("Description"))
    page = blocks.PageChooserBlock(required=False, label=_("Link to a page"))
    url = blocks.CharBlock(
        required=False,
        max_length=200,
        label=_("Or a path on this site"),
        help_text=_("e.g. /find/"),
    )

    class Meta:
        icon = "link"
        label = _("Route")
        template = "home/blocks/route.html"


class PostcodeSearchBlock(blocks.StructBlock):
    """A route into the directory search that starts it: a postcode box, so a visitor
    goes from the home page straight to the providers near them."""

    heading = blocks.CharBlock(max_length=80, label=_("Heading"))
    text = blocks.CharBlock(max_length=300, label=_("Description"))
    page = blocks.PageChooserBlock(page_type="directory.DirectoryPage", label=_("Search page"))

    class Meta:
        icon = "search"
        label = _("Postcode search")
        template = "home/blocks/postcode_search.html"
