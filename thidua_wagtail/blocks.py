"""StreamField blocks shared by campaigns, profiles and news."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

# Rich text features are fixed here (not a setting) so that migrations do not
# depend on a site's configuration. No raw HTML, no embeds.
RICH_TEXT_FEATURES = ["bold", "italic", "ol", "ul", "link", "document-link"]
BODY_RICH_TEXT_FEATURES = ["h3", "h4", *RICH_TEXT_FEATURES]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=255)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Heading 2")), ("h3", _("Heading 3"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "thidua_wagtail/blocks/heading_block.html"


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        required=False,
        max_length=255,
        help_text=_("Describe the image for people who cannot see it. Leave empty to use the image's title."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=255)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "thidua_wagtail/blocks/image_block.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Attribution"), required=False, max_length=255)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "thidua_wagtail/blocks/quote_block.html"


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("File"))
    title = blocks.CharBlock(
        label=_("Link text"), required=False, max_length=255, help_text=_("Leave empty to use the file's title.")
    )

    class Meta:
        icon = "doc-full"
        label = _("File")
        template = "thidua_wagtail/blocks/document_block.html"


class TableBlock(blocks.StructBlock):
    """A table of plain cells, as plans have them (tasks, units in charge, deadlines): rows of cells, the first row
    the column headings. Written without wagtail.contrib.table_block so that a site need not add an app, and its
    cells are translated with wagtail-localize like any text."""

    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=255)
    header_row = blocks.BooleanBlock(label=_("The first row holds the column headings"), required=False,
                                     default=True)
    rows = blocks.ListBlock(blocks.ListBlock(blocks.TextBlock(label=_("Cell"), required=False), label=_("Row")),
                            label=_("Rows"))

    class Meta:
        icon = "table"
        label = _("Table")
        template = "thidua_wagtail/blocks/table_block.html"


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(label=_("Paragraph"), features=BODY_RICH_TEXT_FEATURES, icon="pilcrow")
    image = ImageBlock()
    quote = QuoteBlock()
    document = DocumentBlock()
    table = TableBlock()

    class Meta:
        label = _("Content")
