package dev.terrace.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.terrace.api.ExtractRequest;
import dev.terrace.api.ExtractResult;
import dev.terrace.engine.Terrace;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The /explore page in a real headless Chromium against a real server on loopback with API keys
 * required: a polygon drawn by mouse over Luxembourg gives the value the engine gives for the same
 * polygon, a point under the monthly {@code bcsd:pr} gives a series of 12, and the page logs no
 * error and asks nothing of any other host. Screenshots at 1280×800 and 390×844 go to target/, and
 * to docs/ when the system property {@code terrace.screenshots} is set.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExplorePageIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** How long the page may take to answer a step: a bound on waiting, not a measured time. */
  private static final Duration STEP = Duration.ofSeconds(60);

  private static LoopbackServer server;
  private static ChromeDriver browser;
  private static WebDriverWait wait;

  @BeforeAll
  static void open() {
    Optional<Chromium> chromium = Chromium.find();
    assumeTrue(
        chromium.isPresent(),
        "no Chromium and ChromeDriver here (Debian's chromium and chromium-driver); the browser"
            + " test runs where they are installed, and always in CI");
    server = LoopbackServer.start();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium.get().browser().toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--window-size=1280,800",
        "--hide-scrollbars",
        // No sign-in, update or field-trial calls of the browser's own.
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(chromium.get().driver().toFile())
            .usingAnyFreePort()
            .build();
    browser = new ChromeDriver(service, options);
    viewport(1280, 800, false);
    wait = new WebDriverWait(browser, STEP);
    browser.get(server.baseUrl() + "/explore");
  }

  @AfterAll
  static void close() throws IOException {
    if (browser != null) {
      browser.quit();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  @Order(1)
  void asksForTheKeyAndListsTheCatalogWithIt() {
    WebElement key = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("api-key")));
    key.sendKeys(server.apiKey(), Keys.ENTER);
    wait.until(
        ExpectedConditions.presenceOfElementLocated(
            By.cssSelector("#dataset-list button[data-id='lux:elevation']")));
    assertThat(browser.findElement(By.id("catalog-status")).getText()).matches("\\d+ datasets\\.");
    assertThat(browser.getCurrentUrl()).doesNotContain(server.apiKey());
    assertThat(browser.findElement(By.id("key-form")).isDisplayed()).isFalse();
    assertThat(browser.findElement(By.id("forget-key")).isDisplayed()).isTrue();
    assertThat(browser.executeScript("return sessionStorage.getItem('terrace.apiKey')"))
        .isEqualTo(server.apiKey());
  }

  @Test
  @Order(2)
  void polygonDrawnByMouseGivesTheEnginesValue() throws Exception {
    pick("lux:elevation");
    assertThat(browser.findElement(By.id("dataset-info")).getText())
        .contains("m")
        .contains("GPL-3.0-or-later")
        .contains("Hijmans");
    browser.findElement(By.id("draw-polygon")).click();
    WebElement map = browser.findElement(By.id("map"));
    // Offsets from the map's centre, where the fitted Luxembourg lies.
    int[][] vertices = {{-40, -50}, {45, -35}, {35, 45}, {-30, 40}};
    Actions mouse = new Actions(browser);
    for (int[] v : vertices) {
      mouse.moveToElement(map, v[0], v[1]).click();
    }
    // A click on the first vertex closes the ring.
    mouse.moveToElement(map, vertices[0][0], vertices[0][1]).click().perform();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("request-json"), "Polygon"));
    JsonNode shown = JSON.readTree(browser.findElement(By.id("request-json")).getText());
    assertThat(shown.path("geometry").path("coordinates").path(0).size()).isEqualTo(5);
    assertThat(shown.path("dataset_ids").toString()).isEqualTo("[\"lux:elevation\"]");
    assertThat(shown.path("aggregation").asText()).isEqualTo("mean");

    List<WebElement> rows = run(1);
    ExtractResult expected;
    try (Terrace engine = Terrace.embedded()) {
      expected = engine.extract(JSON.treeToValue(shown, ExtractRequest.class)).results().get(0);
    }
    String value = rows.get(0).findElement(By.cssSelector("td.value")).getText();
    assertThat(value).isEqualTo(displayed(expected.number().orElseThrow(), value));
    assertThat(rows.get(0).findElement(By.cssSelector("td.quality")).getText())
        .isEqualTo(expected.quality().toString());
    assertThat(rows.get(0).findElement(By.cssSelector("td.pixels")).getText())
        .isEqualTo(Long.toString(expected.pixelCount()));
    assertThat(expected.pixelCount()).isGreaterThan(1);
    previewTilesShown();
    assertThat(browser.findElement(By.cssSelector("#legend .ends")).getText()).endsWith(" m");
    screenshot("explore-1280x800.png");

    browser.findElement(By.id("copy-curl")).click();
    String curl = browser.findElement(By.id("snippet")).getText();
    assertThat(curl)
        .contains("/v1/op/extract")
        .contains("Authorization: Bearer $TERRACE_API_KEY")
        .doesNotContain(server.apiKey());
    // The command sends the very request shown.
    String body = curl.substring(curl.indexOf("-d '") + 4, curl.lastIndexOf('\''));
    assertThat(JSON.readTree(body)).isEqualTo(shown);

    browser.findElement(By.id("copy-java")).click();
    String java = browser.findElement(By.id("snippet")).getText();
    assertThat(java).contains(".datasets(\"lux:elevation\")").contains("Polygon.of(");
    assertThat(JavaSnippet.compile(java)).isEmpty();
    // ...and the check would see code that does not.
    assertThat(JavaSnippet.compile(java.replace(".pixelRule(", ".pixelRules("))).hasSize(1);

    browser.findElement(By.id("copy-cli")).click();
    assertThat(browser.findElement(By.id("snippet")).getText())
        .startsWith("terrace extract --url '" + server.baseUrl().replaceAll("/$", "") + "'")
        .contains("--dataset lux:elevation")
        .contains("--aggregation mean")
        .contains("--pixel-rule exact");
  }

  @Test
  @Order(3)
  void pointUnderTheMonthlySeriesGivesTwelvePoints() {
    pick("bcsd:pr");
    browser.findElement(By.id("draw-point")).click();
    WebElement map = browser.findElement(By.id("map"));
    new Actions(browser).moveToElement(map, 0, 0).click().perform();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("request-json"), "Point"));
    List<WebElement> rows = run(12);
    assertThat(rows).hasSize(12);
    // The sample's months are stamped on their last day.
    assertThat(rows.get(0).findElement(By.cssSelector("td.time")).getText())
        .isEqualTo("1999-01-31");
    assertThat(rows.get(11).findElement(By.cssSelector("td.time")).getText())
        .isEqualTo("1999-12-31");
    WebElement chart = browser.findElement(By.id("series-chart"));
    assertThat(chart.isDisplayed()).isTrue();
    assertThat(chart.getDomAttribute("data-points")).isEqualTo("12");
    previewTilesShown();
    screenshot("explore-series-1280x800.png");
  }

  @Test
  @Order(4)
  void rectangleOverCategoricalDataGivesItsDistribution() throws Exception {
    pick("pr_landcover:land_cover");
    assertThat(
            new Select(browser.findElement(By.id("aggregation")))
                .getFirstSelectedOption()
                .getText())
        .isEqualTo("distribution");
    WebElement map = browser.findElement(By.id("map"));
    // Escape gives up a polygon begun.
    browser.findElement(By.id("draw-polygon")).click();
    new Actions(browser).moveToElement(map, 10, 10).click().perform();
    new Actions(browser).sendKeys(Keys.ESCAPE).perform();
    assertThat(browser.findElement(By.id("draw-status")).getText()).isEqualTo("Drawing cancelled.");
    assertThat(browser.findElement(By.id("draw-polygon")).getDomAttribute("aria-pressed"))
        .isEqualTo("false");

    browser.findElement(By.id("draw-rectangle")).click();
    new Actions(browser)
        .moveToElement(map, -80, -40)
        .clickAndHold()
        .moveByOffset(40, 20)
        .moveByOffset(120, 60)
        .release()
        .perform();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("request-json"), "Polygon"));
    JsonNode shown = JSON.readTree(browser.findElement(By.id("request-json")).getText());
    JsonNode ring = shown.path("geometry").path("coordinates").path(0);
    assertThat(ring.size()).isEqualTo(5);
    // An axis-aligned rectangle: its first two corners share a latitude, its second and third a
    // longitude.
    assertThat(ring.path(0).path(1).asDouble()).isEqualTo(ring.path(1).path(1).asDouble());
    assertThat(ring.path(1).path(0).asDouble()).isEqualTo(ring.path(2).path(0).asDouble());
    run(1);
    Map<String, Double> expected;
    try (Terrace engine = Terrace.embedded()) {
      expected =
          engine
              .extract(JSON.treeToValue(shown, ExtractRequest.class))
              .results()
              .get(0)
              .distribution();
    }
    assertThat(expected).hasSizeGreaterThan(1);
    WebElement chart = browser.findElement(By.id("distribution-chart"));
    assertThat(chart.isDisplayed()).isTrue();
    assertThat(chart.getDomAttribute("data-bars")).isEqualTo(Integer.toString(expected.size()));
    assertThat(browser.findElements(By.cssSelector("#distribution-chart rect")))
        .hasSize(expected.size());
    // The legend lists the classes with their colours.
    assertThat(browser.findElements(By.cssSelector("#legend li"))).isNotEmpty();
    previewTilesShown();
    screenshot("explore-classes-1280x800.png");
  }

  @Test
  @Order(5)
  void pointByKeyboardAlone() throws Exception {
    browser.findElement(By.id("clear-geometry")).click();
    assertThat(browser.findElement(By.id("run")).isEnabled()).isFalse();
    // Enter on the tool's button, then Space on the focused map puts the point at its centre.
    browser.findElement(By.id("draw-point")).sendKeys(Keys.ENTER);
    assertThat(browser.switchTo().activeElement().getDomAttribute("id")).isEqualTo("map");
    new Actions(browser).sendKeys(Keys.SPACE).perform();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("request-json"), "Point"));
    assertThat(browser.findElement(By.id("run")).isEnabled()).isTrue();
    JsonNode shown = JSON.readTree(browser.findElement(By.id("request-json")).getText());
    assertThat(shown.path("geometry").path("coordinates").size()).isEqualTo(2);
  }

  @Test
  @Order(6)
  void geometryFromAGeoJsonFile() throws IOException {
    Path file = Files.createTempFile("explore", ".geojson");
    try {
      Files.writeString(
          file,
          "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{},"
              + "\"geometry\":{\"type\":\"Point\",\"coordinates\":[-66.5,18.25]}}]}");
      browser.findElement(By.id("geojson-file")).sendKeys(file.toAbsolutePath().toString());
      wait.until(
          ExpectedConditions.textToBePresentInElementLocated(By.id("request-json"), "Point"));
      JsonNode shown = JSON.readTree(browser.findElement(By.id("request-json")).getText());
      assertThat(shown.path("geometry").toString())
          .isEqualTo("{\"type\":\"Point\",\"coordinates\":[-66.5,18.25]}");
      assertThat(browser.findElement(By.id("draw-status")).getText())
          .isEqualTo("Geometry from the file: a Point.");
    } finally {
      Files.delete(file);
    }
  }

  @Test
  @Order(7)
  void readsOnAPhone() {
    viewport(390, 844, true);
    browser.executeScript("window.dispatchEvent(new Event('resize'))");
    pick("lux:elevation");
    browser.executeScript("document.getElementById('panel').scrollTop = 0");
    previewTilesShown();
    WebElement panel = browser.findElement(By.id("panel"));
    WebElement map = browser.findElement(By.id("map"));
    // The panel is a sheet under the map, as wide as the screen.
    assertThat(panel.getRect().getWidth()).isEqualTo(390);
    assertThat(panel.getRect().getY()).isGreaterThan(map.getRect().getY());
    assertThat(map.getRect().getWidth()).isEqualTo(390);
    screenshot("explore-390x844.png");
  }

  @Test
  @Order(8)
  void logsNoErrorAndAsksNoOtherHost() {
    List<LogEntry> severe =
        browser.manage().logs().get(LogType.BROWSER).getAll().stream()
            .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
            .toList();
    assertThat(severe).isEmpty();
    @SuppressWarnings("unchecked")
    List<String> resources =
        (List<String>)
            browser.executeScript(
                "return performance.getEntriesByType('resource').map(e => e.name)");
    String origin = server.baseUrl().replaceAll("/$", "");
    assertThat(resources).isNotEmpty();
    assertThat(resources)
        .allSatisfy(
            name -> assertThat(name).matches(java.util.regex.Pattern.quote(origin) + "/.*"));
  }

  /**
   * Waits for the preview's tiles to have loaded: fetched with the key and shown from blobs, none
   * from an address that would carry it.
   */
  private static void previewTilesShown() {
    wait.until(
        d ->
            (Boolean)
                browser.executeScript(
                    "const tiles = document.querySelectorAll('.preview-tiles img');"
                        + " return tiles.length > 0 && [...tiles].every(t =>"
                        + " t.classList.contains('leaflet-tile-loaded'));"));
    @SuppressWarnings("unchecked")
    List<String> sources =
        (List<String>)
            browser.executeScript(
                "return [...document.querySelectorAll('.preview-tiles img')].map(t => t.src)");
    assertThat(sources).isNotEmpty().allSatisfy(src -> assertThat(src).startsWith("blob:"));
  }

  /** Chooses a dataset by typing its id in the search box and pressing Enter. */
  private static void pick(String id) {
    WebElement search = browser.findElement(By.id("dataset-search"));
    search.clear();
    search.sendKeys(id);
    WebElement entry =
        wait.until(
            ExpectedConditions.elementToBeClickable(
                By.cssSelector("#dataset-list button[data-id='" + id + "']")));
    assertThat(browser.findElements(By.cssSelector("#dataset-list button"))).hasSize(1);
    assertThat(entry.getText()).startsWith(id);
    // Enter in the search box takes the first match: the keyboard's way.
    search.sendKeys(Keys.ENTER);
    wait.until(
        ExpectedConditions.attributeToBe(
            By.cssSelector("#dataset-list button[data-id='" + id + "']"), "aria-pressed", "true"));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("dataset-info")));
  }

  /** Clicks Run and waits for the table to have {@code rows} rows. */
  private static List<WebElement> run(int rows) {
    browser.findElement(By.id("run")).click();
    wait.until(
        ExpectedConditions.textMatches(
            By.id("run-status"), java.util.regex.Pattern.compile("\\d+ results? in .*")));
    List<WebElement> found = browser.findElements(By.cssSelector("#results-table tbody tr"));
    assertThat(found).hasSize(rows);
    return found;
  }

  /** The engine's value written with as many decimals as the page wrote its own. */
  private static String displayed(double value, String shown) {
    int dot = shown.indexOf('.');
    int decimals = dot < 0 ? 0 : shown.length() - dot - 1;
    return new BigDecimal(value).setScale(decimals, RoundingMode.HALF_UP).toPlainString();
  }

  /** Sets the page's size in CSS pixels, as a desktop or a phone screen would have it. */
  private static void viewport(int width, int height, boolean mobile) {
    browser.executeCdpCommand(
        "Emulation.setDeviceMetricsOverride",
        Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", mobile));
  }

  private static void screenshot(String name) {
    byte[] png = browser.getScreenshotAs(OutputType.BYTES);
    try {
      Path target = Path.of("target", "screenshots");
      Files.createDirectories(target);
      Files.write(target.resolve(name), png);
      String docs = System.getProperty("terrace.screenshots");
      if (docs != null && !name.contains("series") && !name.contains("classes")) {
        Path folder = Path.of(docs.isBlank() || docs.equals("true") ? "../docs" : docs);
        Files.createDirectories(folder);
        Files.write(folder.resolve(name), png);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot save the screenshot " + name, e);
    }
  }
}
