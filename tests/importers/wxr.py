"""WordPress exports written for the tests, shaped as WordPress writes them (WXR 1.1 or 1.2)."""

from xml.sax.saxutils import escape

SITE = "https://old.example.org"


def cdata(text: str) -> str:
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def author(login: str, display_name: str, first: str = "", last: str = "") -> str:
    return (
        f"<wp:author><wp:author_id>1</wp:author_id><wp:author_login>{cdata(login)}</wp:author_login>"
        f"<wp:author_email>{login}@example.org</wp:author_email>"
        f"<wp:author_display_name>{cdata(display_name)}</wp:author_display_name>"
        f"<wp:author_first_name>{cdata(first)}</wp:author_first_name>"
        f"<wp:author_last_name>{cdata(last)}</wp:author_last_name></wp:author>"
    )


def category(slug: str, name: str, parent: str = "", description: str = "") -> str:
    return (
        f"<wp:category><wp:term_id>{abs(hash(slug)) % 1000}</wp:term_id>"
        f"<wp:category_nicename>{slug}</wp:category_nicename>"
        f"<wp:category_parent>{parent}</wp:category_parent><wp:cat_name>{cdata(name)}</wp:cat_name>"
        f"<wp:category_description>{cdata(description)}</wp:category_description></wp:category>"
    )


def item(
    post_id: int,
    title: str = "A post",
    content: str = "<p>Text.</p>",
    *,
    post_type: str = "post",
    status: str = "publish",
    slug: str | None = None,
    date: str = "2024-03-01 10:00:00",
    modified: str = "2024-03-02 10:00:00",
    creator: str = "ada",
    categories: tuple = (),
    tags: tuple = (),
    coauthors: tuple = (),
    meta: dict | None = None,
    sticky: bool = False,
    password: str = "",
    excerpt: str = "",
    link: str | None = None,
    parent: int = 0,
    attachment_url: str = "",
    mime: str = "",
    raw_title: bool = False,
) -> str:
    slug = f"post-{post_id}" if slug is None else slug
    link = link if link is not None else f"{SITE}/2024/03/{slug}/"
    terms = "".join(
        f'<category domain="category" nicename="{nicename}">{cdata(nicename.title())}</category>'
        for nicename in categories
    )
    terms += "".join(
        f'<category domain="post_tag" nicename="{tag.lower()}">{cdata(tag)}</category>' for tag in tags
    )
    terms += "".join(
        f'<category domain="author" nicename="cap-{login}">{cdata(login)}</category>' for login in coauthors
    )
    metas = "".join(
        f"<wp:postmeta><wp:meta_key>{cdata(key)}</wp:meta_key><wp:meta_value>{cdata(str(value))}"
        "</wp:meta_value></wp:postmeta>"
        for key, value in (meta or {}).items()
    )
    title_xml = title if raw_title else escape(title)
    gmt = date if status != "draft" else "0000-00-00 00:00:00"
    return f"""
    <item>
      <title>{title_xml}</title>
      <link>{escape(link)}</link>
      <pubDate>Fri, 01 Mar 2024 10:00:00 +0000</pubDate>
      <dc:creator>{cdata(creator)}</dc:creator>
      <guid isPermaLink="false">{SITE}/?p={post_id}</guid>
      <description></description>
      <content:encoded>{cdata(content)}</content:encoded>
      <excerpt:encoded>{cdata(excerpt)}</excerpt:encoded>
      <wp:post_id>{post_id}</wp:post_id>
      <wp:post_date>{cdata(date)}</wp:post_date>
      <wp:post_date_gmt>{cdata(gmt)}</wp:post_date_gmt>
      <wp:post_modified>{cdata(modified)}</wp:post_modified>
      <wp:post_modified_gmt>{cdata(modified)}</wp:post_modified_gmt>
      <wp:comment_status>open</wp:comment_status>
      <wp:post_name>{cdata(slug)}</wp:post_name>
      <wp:status>{cdata(status)}</wp:status>
      <wp:post_parent>{parent}</wp:post_parent>
      <wp:menu_order>0</wp:menu_order>
      <wp:post_type>{cdata(post_type)}</wp:post_type>
      <wp:post_password>{cdata(password)}</wp:post_password>
      <wp:is_sticky>{int(sticky)}</wp:is_sticky>
      {f"<wp:attachment_url>{cdata(attachment_url)}</wp:attachment_url>" if attachment_url else ""}
      {f"<wp:post_mime_type>{cdata(mime)}</wp:post_mime_type>" if mime else ""}
      {terms}{metas}
      <wp:comment><wp:comment_id>1</wp:comment_id><wp:comment_content>{cdata("Nice")}</wp:comment_content></wp:comment>
    </item>"""


def attachment(
    post_id: int, file: str, *, parent: int = 0, alt: str = "", title: str = "", mime: str = ""
) -> str:
    mime = mime or ("application/pdf" if file.endswith(".pdf") else "image/png")
    meta = {"_wp_attached_file": file}
    if alt:
        meta["_wp_attachment_image_alt"] = alt
    return item(
        post_id,
        title or file.rsplit("/", 1)[-1],
        "",
        post_type="attachment",
        status="inherit",
        parent=parent,
        attachment_url=f"{SITE}/wp-content/uploads/{file}",
        mime=mime,
        meta=meta,
        link=f"{SITE}/?attachment_id={post_id}",
    )


def guest_author(post_id: int, login: str, name: str, bio: str = "") -> str:
    return item(
        post_id,
        name,
        "",
        post_type="guest-author",
        slug=f"cap-{login}",
        meta={"cap-display_name": name, "cap-user_login": login, "cap-description": bio},
    )


def export(*parts: str, version: str = "1.2", site: str = SITE, authors: tuple | None = None) -> str:
    authors = (author("ada", "Ada Okafor", "Ada", "Okafor"),) if authors is None else authors
    ns = f"http://wordpress.org/export/{version}/"
    return f"""<?xml version="1.0" encoding="UTF-8" ?>
<!-- This is a WordPress eXtended RSS file generated by WordPress as an export of your site. -->
<rss version="2.0"
  xmlns:excerpt="{ns}excerpt/"
  xmlns:content="http://purl.org/rss/1.0/modules/content/"
  xmlns:wfw="http://wellformedweb.org/CommentAPI/"
  xmlns:dc="http://purl.org/dc/elements/1.1/"
  xmlns:wp="{ns}">
<channel>
  <title>Old Institute</title>
  <link>{site}</link>
  <description>Policy</description>
  <language>en-US</language>
  <wp:wxr_version>{version}</wp:wxr_version>
  <wp:base_site_url>{site}</wp:base_site_url>
  <wp:base_blog_url>{site}</wp:base_blog_url>
  {"".join(authors)}
  {"".join(part for part in parts if part.lstrip().startswith("<wp:"))}
  {"".join(part for part in parts if not part.lstrip().startswith("<wp:"))}
</channel>
</rss>
"""
