package dev.terrace.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.terrace.api.BoundingBox;
import dev.terrace.api.Dataset;
import dev.terrace.api.ItemCollection;
import dev.terrace.api.Provider;
import dev.terrace.api.StacItem;
import dev.terrace.api.StacLink;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The STAC documents of the service's {@code /stac} API, built from the catalog's records: the
 * landing page, the conformance classes, one collection per dataset, and the links of items and
 * pages, made absolute from the address the request came to.
 */
final class StacDocuments {

  static final String STAC_VERSION = "1.0.0";
  static final String GEOJSON = "application/geo+json";
  static final String JSON = "application/json";

  /** The conformance classes of STAC API 1.0.0 and OGC API Features this API implements. */
  static final List<String> CONFORMANCE =
      List.of(
          "https://api.stacspec.org/v1.0.0/core",
          "https://api.stacspec.org/v1.0.0/collections",
          "https://api.stacspec.org/v1.0.0/ogcapi-features",
          "https://api.stacspec.org/v1.0.0/item-search",
          "https://api.stacspec.org/v1.0.0/item-search#fields",
          "https://api.stacspec.org/v1.0.0/item-search#sort",
          "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
          "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson");

  /** What STAC accepts as a license: an SPDX identifier, else the catalog's text is kept aside. */
  private static final Pattern SPDX = Pattern.compile("[\\w\\-.+]+");

  private final String root;

  /**
   * @param base the service's address as the caller reached it, such as {@code
   *     http://localhost:8000}
   */
  StacDocuments(String base) {
    this.root = base + "/stac";
  }

  ObjectNode landing(List<Dataset> datasets) {
    ObjectNode page = Json.MAPPER.createObjectNode();
    page.put("type", "Catalog")
        .put("stac_version", STAC_VERSION)
        .put("id", "terrace")
        .put("title", "Terrace")
        .put(
            "description",
            "The datasets this Terrace service extracts values from: each dataset a collection,"
                + " each file, time step or tile behind it an item.");
    ArrayNode conforms = page.putArray("conformsTo");
    CONFORMANCE.forEach(conforms::add);
    ArrayNode links = page.putArray("links");
    link(links, "self", root, JSON);
    link(links, "root", root, JSON);
    link(links, "conformance", root + "/conformance", JSON);
    link(links, "data", root + "/collections", JSON);
    link(links, "search", root + "/search", GEOJSON).put("method", "GET");
    link(links, "search", root + "/search", GEOJSON).put("method", "POST");
    link(links, "service-desc", root.replaceFirst("/stac$", "/openapi.json"), JSON);
    link(links, "service-doc", root.replaceFirst("/stac$", "/docs"), "text/html");
    for (Dataset d : datasets) {
      link(links, "child", collectionUrl(d.id()), JSON).put("title", d.id());
    }
    return page;
  }

  static ObjectNode conformance() {
    ObjectNode page = Json.MAPPER.createObjectNode();
    ArrayNode conforms = page.putArray("conformsTo");
    CONFORMANCE.forEach(conforms::add);
    return page;
  }

  ObjectNode collections(List<Dataset> datasets, Map<String, Provider> providers) {
    ObjectNode page = Json.MAPPER.createObjectNode();
    ArrayNode list = page.putArray("collections");
    for (Dataset d : datasets) {
      list.add(collection(d, providers.get(d.provider())));
    }
    ArrayNode links = page.putArray("links");
    link(links, "self", root + "/collections", JSON);
    link(links, "root", root, JSON);
    link(links, "parent", root, JSON);
    return page;
  }

  ObjectNode collection(Dataset d, Provider provider) {
    ObjectNode c = Json.MAPPER.createObjectNode();
    c.put("type", "Collection").put("stac_version", STAC_VERSION);
    c.putArray("stac_extensions");
    c.put("id", d.id()).put("title", provider.name() + ": " + d.name());
    String description =
        d.description() != null
            ? d.description()
            : provider.description() != null ? provider.description() : d.id();
    c.put("description", description);
    String license = provider.license();
    if (license != null && SPDX.matcher(license).matches()) {
      c.put("license", license);
    } else {
      c.put("license", "proprietary");
      if (license != null) {
        c.put("terrace:license", license);
      }
    }
    ObjectNode producer = c.putArray("providers").addObject().put("name", provider.name());
    producer.putArray("roles").add("producer").add("licensor");
    if (provider.citation() != null) {
      producer.put("description", provider.citation());
    }
    ObjectNode extent = c.putObject("extent");
    BoundingBox b = d.bbox() != null ? d.bbox() : new BoundingBox(-180, -90, 180, 90);
    extent
        .putObject("spatial")
        .putArray("bbox")
        .addArray()
        .add(b.minLon())
        .add(b.minLat())
        .add(b.maxLon())
        .add(b.maxLat());
    ArrayNode interval = extent.putObject("temporal").putArray("interval").addArray();
    List<String> times = d.temporal().timestamps();
    if (times.isEmpty()) {
      interval.addNull().addNull();
    } else {
      interval.add(times.get(0)).add(times.get(times.size() - 1));
    }
    if (d.units() != null) {
      c.putObject("summaries").putArray("raster:bands").addObject().put("unit", d.units());
    }
    ArrayNode links = c.putArray("links");
    link(links, "self", collectionUrl(d.id()), JSON);
    link(links, "root", root, JSON);
    link(links, "parent", root, JSON);
    link(links, "items", collectionUrl(d.id()) + "/items", GEOJSON);
    return c;
  }

  /** An item with its links: itself, its collection as parent, and the root. */
  StacItem linked(StacItem item) {
    if (item.links() == null) {
      return item;
    }
    String collection = collectionUrl(item.collection());
    List<StacLink> links = new ArrayList<>(item.links());
    links.add(StacLink.of("self", collection + "/items/" + encode(item.id()), GEOJSON));
    links.add(StacLink.of("parent", collection, JSON));
    links.add(StacLink.of("collection", collection, JSON));
    links.add(StacLink.of("root", root, JSON));
    return new StacItem(
        item.type(),
        item.stacVersion(),
        item.stacExtensions(),
        item.id(),
        item.collection(),
        item.geometry(),
        item.bbox(),
        item.properties(),
        links,
        item.assets());
  }

  /**
   * A page with its items' links, a {@code self} and {@code root} link, and its {@code next} link
   * made absolute: followed with GET, {@code url} with the query's {@code token} replaced; with
   * POST, {@code url} with the token in a body to merge.
   *
   * @param url the page's own URL, with the query string it was asked with
   * @param byPost whether the search came as a POST body
   * @param parent the collection the page belongs to, or null for a search
   */
  ItemCollection page(ItemCollection page, String url, boolean byPost, String parent) {
    List<StacLink> links = new ArrayList<>();
    links.add(StacLink.of("self", url, GEOJSON));
    links.add(StacLink.of("root", root, JSON));
    if (parent != null) {
      links.add(StacLink.of("parent", collectionUrl(parent), JSON));
      links.add(StacLink.of("collection", collectionUrl(parent), JSON));
    }
    page.nextToken().ifPresent(token -> links.add(next(url, token, byPost)));
    return new ItemCollection(
        page.type(),
        page.features().stream().map(this::linked).toList(),
        links,
        page.numberMatched(),
        page.numberReturned());
  }

  static StacLink next(String url, String token, boolean byPost) {
    if (byPost) {
      return new StacLink(
          "next", url, GEOJSON, null, "POST", Map.<String, Object>of("token", token), true);
    }
    String path = url.replaceFirst("\\?.*", "");
    StringBuilder query = new StringBuilder();
    int at = url.indexOf('?');
    if (at >= 0) {
      for (String pair : url.substring(at + 1).split("&")) {
        if (!pair.isEmpty() && !pair.startsWith("token=")) {
          query.append(query.isEmpty() ? "?" : "&").append(pair);
        }
      }
    }
    query.append(query.isEmpty() ? "?" : "&").append("token=").append(encode(token));
    return new StacLink("next", path + query, GEOJSON, null, "GET", null, null);
  }

  String collectionUrl(String id) {
    return root + "/collections/" + encode(id);
  }

  private static String encode(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8)
        .replace("+", "%20")
        .replace("%3A", ":");
  }

  private static ObjectNode link(ArrayNode links, String rel, String href, String type) {
    return links.addObject().put("rel", rel).put("href", href).put("type", type);
  }
}
