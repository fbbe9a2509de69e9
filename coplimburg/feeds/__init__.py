"""CoPPIG: the site's feeds (RSS, Atom, JSON Feed) and the monthly newsletter editions built from them."""
