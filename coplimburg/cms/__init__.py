"""The browser editor at /admin/ (Decap CMS): its configuration generated from the collections and the models, its
page and preview, and the local route (`make cms`)."""
