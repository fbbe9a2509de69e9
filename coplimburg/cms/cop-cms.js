/* The CoP Limburg editor at /admin/ (coplimburg/cms/admin.py writes the page, coplimburg/cms/config.py the config).

   Loaded before Decap CMS's bundle: it holds Decap back (CMS_MANUAL_INIT), and once the bundle has run it registers
   the site's stylesheets and a preview per collection that shows an item the way its page does
   (overrides/cop/*.html), then starts Decap, but only where Decap can work: on this computer (make cms, with
   decap-server) or where mkdocs.yml names the CoP's git host. Elsewhere the page says why not, in Dutch.

   No build step: Decap's bundle defines h (React.createElement) and createClass globally. */
(function () {
  "use strict";
  window.CMS_MANUAL_INIT = true;
  var data = JSON.parse(document.getElementById("cop-cms-data").textContent);
  var LOCAL = ["localhost", "127.0.0.1"];
  var MOMENT = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{1,2}):(\d{2}))?$/;
  var DAY = new Intl.DateTimeFormat("nl-NL", {
    weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "UTC"
  });

  // "donderdag 15 januari 2027, 13:00", as the site writes a moment; what was typed while it is no date yet.
  function dutchMoment(text) {
    var found = MOMENT.exec(String(text || "").trim());
    if (!found) return String(text || "");
    var day = DAY.format(new Date(Date.UTC(+found[1], +found[2] - 1, +found[3])));
    return found[4] ? day + ", " + ("0" + found[4]).slice(-2) + ":" + found[5] : day;
  }

  function value(entry, path) {
    var found = entry.getIn(["data"].concat(path.split(".")));
    return found && found.toJS ? found.toJS() : found;
  }

  // The Dutch name of what a field refers to (a partner, a table, a vocabulary entry); the id when it is new.
  function names(collection, field, ids) {
    var target = (data.references[collection] || {})[field];
    var known = data.names[target] || {};
    return [].concat(ids || []).map(function (id) { return known[id] || id; });
  }

  // Material's article around our item block, as every item page has it.
  function page(className, children) {
    return h("div", {className: "md-container"},
      h("main", {className: "md-main"},
        h("div", {className: "md-main__inner md-grid"},
          h("div", {className: "md-content"},
            h("article", {className: "md-content__inner md-typeset"},
              h("div", {className: "cop-item " + className}, children))))));
  }

  function facts(rows) {
    var items = [];
    rows.forEach(function (row) {
      var shown = [].concat(row[1] || []).filter(Boolean);
      if (!shown.length) return;
      items.push(h("dt", {key: row[0] + "-t"}, row[0]));
      items.push(h("dd", {key: row[0] + "-d"}, shown.join(", ")));
    });
    return items.length ? h("dl", {className: "cop-facts", key: "facts"}, items) : null;
  }

  function picture(props) {
    var path = value(props.entry, "image");
    if (!path) return null;
    var asset = props.getAsset(path);
    return h("figure", {key: "image", className: "cop-picture"},
      h("img", {src: asset ? asset.toString() : "", alt: value(props.entry, "image_alt") || ""}));
  }

  function body(props) {
    return h("div", {key: "body"}, props.widgetFor("body"));
  }

  // The preview of each collection, made once the bundle has defined createClass and h.
  function previews() {
    var EventPreview = createClass({
      render: function () {
        var entry = this.props.entry;
        var status = value(entry, "status") || "gepland";
        var repeat = value(entry, "repeat");
        var when = dutchMoment(value(entry, "start")) + (value(entry, "end") ? " – " + dutchMoment(value(entry, "end")) : "");
        if (repeat && repeat.interval && repeat.unit) {
          when = "Elke " + repeat.interval + " " + repeat.unit + " vanaf " + when +
            (repeat.until ? ", tot en met " + dutchMoment(repeat.until) : "");
        }
        var where = [value(entry, "location"), value(entry, "address")].filter(Boolean).join(", ");
        return page("cop-item--event", [
          h("p", {className: "cop-kicker", key: "kicker"}, names("events", "kind", value(entry, "kind")).join(", ")),
          h("h1", {key: "title"}, value(entry, "title") || ""),
          status !== "gepland" ? h("div", {className: "admonition warning cop-status", role: "note", key: "status"},
            h("p", {className: "admonition-title"}, data.names.status[status] || status),
            h("p", null, data.notes[status] || "")) : null,
          h("p", {className: "cop-summary", key: "summary"}, value(entry, "summary") || ""),
          facts([
            ["Wanneer", when],
            ["Waar", where],
            ["Online", value(entry, "online") ? "Online deelnemen" : ""],
            ["Organisatie", names("events", "partners", value(entry, "partners"))],
            ["Innovatietafels", names("events", "tables", value(entry, "tables"))],
          ]),
          picture(this.props),
          body(this.props),
        ]);
      },
    });

    var ProductPreview = createClass({
      render: function () {
        var entry = this.props.entry;
        var type = names("products", "type", value(entry, "type")).join(", ");
        var license = value(entry, "license");
        var files = value(entry, "files") || [];
        return page("cop-item--product", [
          h("p", {className: "cop-kicker", key: "kicker"}, "CoPyright · " + type),
          h("h1", {key: "title"}, value(entry, "title") || ""),
          h("p", {className: "cop-summary", key: "summary"}, value(entry, "summary") || ""),
          facts([
            ["Soort", type],
            ["Voor wie", names("products", "audiences", value(entry, "audiences"))],
            ["Niveau", names("products", "levels", value(entry, "levels"))],
            ["Domein", names("products", "domains", value(entry, "domains"))],
            ["Licentie", license ? names("products", "license", license).join(", ") + " (" + license + ")" : ""],
            ["Versie", value(entry, "version")],
            ["Gepubliceerd", dutchMoment(value(entry, "published"))],
            ["Bijgewerkt", dutchMoment(value(entry, "updated"))],
            ["Gemaakt door", names("products", "partners", value(entry, "partners"))],
            ["Innovatietafel", names("products", "tables", value(entry, "tables"))],
          ]),
          picture(this.props),
          files.length ? h("h2", {key: "downloads-title"}, "Downloads") : null,
          files.length ? h("ul", {className: "cop-downloads", key: "downloads"}, files.map(function (file, index) {
            return h("li", {key: index}, file.title || file.path || "");
          })) : null,
          body(this.props),
        ]);
      },
    });

    var PostPreview = createClass({
      render: function () {
        var entry = this.props.entry;
        return page("cop-item--post", [
          h("p", {className: "cop-kicker", key: "kicker"}, "CoPPIG · " + dutchMoment(value(entry, "published"))),
          h("h1", {key: "title"}, value(entry, "title") || ""),
          h("p", {className: "cop-summary", key: "summary"}, value(entry, "summary") || ""),
          picture(this.props),
          body(this.props),
          facts([
            ["Onderwerpen", names("posts", "categories", value(entry, "categories"))],
            ["Innovatietafels", names("posts", "tables", value(entry, "tables"))],
            ["Evenement", names("posts", "events", value(entry, "events"))],
          ]),
        ]);
      },
    });

    var TablePreview = createClass({
      render: function () {
        var entry = this.props.entry;
        var status = value(entry, "status") || "actief";
        var lead = value(entry, "lead") || {};
        var leader = [lead.role, lead.name ? "(" + lead.name + ")" : ""].filter(Boolean).join(" ");
        return page("cop-item--table", [
          h("p", {className: "cop-kicker", key: "kicker"},
            "Innovatietafel " + (value(entry, "code") || "") + " · " + status.charAt(0).toUpperCase() + status.slice(1)),
          h("h1", {key: "title"}, value(entry, "title") || ""),
          h("p", {className: "cop-summary", key: "summary"}, value(entry, "theme") || ""),
          facts([
            ["Trekker", [leader].concat(names("tables", "lead.organisation", lead.organisation)).filter(Boolean).join(", ")],
            ["Ritme", value(entry, "cadence")],
            ["Klankbord", names("tables", "sounding_board", value(entry, "sounding_board"))],
          ]),
          body(this.props),
        ]);
      },
    });

    return {events: EventPreview, products: ProductPreview, posts: PostPreview, tables: TablePreview};
  }

  document.addEventListener("DOMContentLoaded", function () {
    var CMS = window.CMS;
    if (!data.hosted && LOCAL.indexOf(location.hostname) < 0) {
      document.getElementById("cop-cms-alleen-lokaal").hidden = false;
      return;
    }
    data.styles.forEach(function (href) { CMS.registerPreviewStyle(href); });
    var made = previews();
    Object.keys(made).forEach(function (name) { CMS.registerPreviewTemplate(name, made[name]); });
    CMS.init();
  });
})();
