"""What came from where: each imported WordPress item, keyed by its site and WordPress id.

Re-running an import finds its earlier work here (so it updates rather than duplicates), the
checksum of the source says whether anything changed since, and the item's old address and id
make its redirects (``middleware.py``).
"""

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models


class ImportedItem(models.Model):
    class Kind(models.TextChoices):
        POST = "post", "Post"
        PAGE = "page", "Page"
        AUTHOR = "author", "Author"
        CATEGORY = "category", "Category"
        ATTACHMENT = "attachment", "Attachment"

    site = models.CharField(max_length=200, help_text="The WordPress site's address, without scheme.")
    kind = models.CharField(max_length=12, choices=Kind.choices)
    # Post, page and attachment ids; a category's slug; an author's login (or guest author slug).
    wp_id = models.CharField("WordPress id", max_length=200)
    guid = models.CharField(max_length=500, blank=True)
    content_type = models.ForeignKey(ContentType, null=True, blank=True, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField(null=True, blank=True)
    target = GenericForeignKey("content_type", "object_id")
    # An attachment linked from a body is kept as a file of its own.
    file = models.FileField(upload_to="imports/wordpress/", blank=True, max_length=300)
    # The old address's path ("/2019/05/tariffs/"), redirected to the new page.
    old_path = models.CharField(max_length=500, blank=True, db_index=True)
    checksum = models.CharField(max_length=64, blank=True)
    # Which WordPress files a publication's hero image and PDF came from, so an update copies
    # them again only when they changed.
    files = models.JSONField(default=dict, blank=True)
    imported_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["site", "kind", "wp_id"], name="one_import_per_wordpress_item")
        ]
        indexes = [models.Index(fields=["kind", "wp_id"], name="imported_item_wp_id_idx")]

    def __str__(self) -> str:
        return f"{self.site} {self.kind} {self.wp_id}"
