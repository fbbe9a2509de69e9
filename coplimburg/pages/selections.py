"""Lists for the editors' topic macros: the news posts of one category, the products of one type."""

from __future__ import annotations

from coplimburg.content.site import Site
from coplimburg.pages.items import Link
from coplimburg.urls import item_path


def posts_in_category(site: Site, category: str) -> list[Link]:
    """Newest first, as the news overview lists them."""
    posts = sorted(
        (post for post in site.posts.values() if category in post.categories),
        key=lambda post: (post.published, post.id),
        reverse=True,
    )
    return [Link(post.title, item_path("posts", post.id), post.summary) for post in posts]


def products_of_type(site: Site, kind: str) -> list[Link]:
    products = sorted(
        (product for product in site.products.values() if product.type == kind),
        key=lambda product: (product.published, product.id),
        reverse=True,
    )
    return [Link(product.title, item_path("products", product.id), product.summary) for product in products]
