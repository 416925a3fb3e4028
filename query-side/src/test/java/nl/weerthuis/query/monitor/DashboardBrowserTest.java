package nl.weerthuis.query.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Period;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.weerthuis.kernel.client.CareSetting;
import nl.weerthuis.kernel.client.ClientRegisteredEvent;
import nl.weerthuis.kernel.client.OutflowRecordedEvent;
import nl.weerthuis.kernel.client.OutflowTrajectoryStartedEvent;
import nl.weerthuis.kernel.client.TrajectoryClosedEvent;
import nl.weerthuis.kernel.client.TrajectoryClosure;
import nl.weerthuis.kernel.tenancy.*;
import nl.weerthuis.query.support.EventStoreFixture;
import nl.weerthuis.kernel.identity.OrganisationType;
import nl.weerthuis.kernel.organisation.OrganisationRegisteredEvent;
import nl.weerthuis.query.organisation.OrganisationNames;
import nl.weerthuis.testsupport.TestTokens;
import nl.weerthuis.testsupport.IdentityProviderProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.ActiveProfiles;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The dashboard and the auditor's timeline in a real headless Chromium (Debian's chromium and chromedriver, which
 * CI installs), logged in through the embedded identity provider (its packaged jar as a process, on the test
 * issuer's address and key) with the authorization code flow and PKCE, as a person would: the page loads, every
 * chart renders with its table, the figures equal the API's, keyboard-only use works, logout ends the session, and
 * axe-core finds no WCAG 2.1 A/AA violation on the login page, the dashboard and the timeline.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(EventStoreFixture.class)
class DashboardBrowserTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @LocalServerPort
    int port;
    @Autowired
    OrganisationNames organisationNames;

    @Autowired
    EventStoreFixture.Appender events;
    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;

    private static IdentityProviderProcess issuer;
    private ChromeDriver browser;
    private WebDriverWait wait;
    private final String region = "Browser-" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void startBrowser() {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        // On CI a missing browser is a failure, not a skip: .ci/run installs it.
        // Skipped where no browser is installed; never on CI, which installs one and says so.
        boolean required = System.getenv("CI") != null || "true".equals(System.getenv("WEERTHUIS_REQUIRE_BROWSER"));
        assertThat(installed || !required).as("chromium and chromedriver on CI").isTrue();
        assumeTrue(installed, "Debian's chromium and chromium-driver are not installed");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--no-first-run", "--disable-background-networking", "--disable-component-update",
                        "--disable-sync", "--window-size=1440,1000");
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build(), options);
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    /** The issuer, once for the class: it must know this application's address to send logins back to it. */
    @BeforeEach
    void startIssuer() throws Exception {
        if (issuer == null) {
            issuer = IdentityProviderProcess.start(origin());
        }
    }

    @AfterAll
    static void stopIssuer() throws InterruptedException {
        if (issuer != null) {
            issuer.close();
            issuer = null;
        }
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    /** 127.0.0.1, not localhost: the issuer sends a login back to the loopback address only (RFC 8252). */
    private String origin() {
        return "http://127.0.0.1:" + port;
    }

    /** Opens the page, logs in at the issuer's login form with the keyboard only, and waits to be back, logged in. */
    private void logIn(String page, String username) {
        browser.get(origin() + page);
        wait.until(ExpectedConditions.elementToBeClickable(By.id("login-button"))).click();
        wait.until(driver -> driver.getCurrentUrl().startsWith(issuer.issuer() + "/login"));
        assertThat(AccessibilityCheck.violations(browser)).as("axe-core on the login page").isEmpty();
        // Keyboard only: the username field has the focus, Tab moves to the password, Enter submits.
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("username");
        browser.switchTo().activeElement().sendKeys(username, Keys.TAB);
        browser.switchTo().activeElement().sendKeys(IdentityProviderProcess.DEMO_PASSWORD, Keys.ENTER);
        wait.until(driver -> driver.getCurrentUrl().startsWith(origin() + page) && !driver.findElements(By.id("login-who")).isEmpty());
        assertThat(browser.getCurrentUrl()).as("the code and state are gone from the address").doesNotContain("code=", "state=");
        Object stored = browser.executeScript("return JSON.stringify([Object.keys(localStorage), Object.keys(sessionStorage), document.cookie]);");
        assertThat(stored).as("no token kept in storage or cookies").isEqualTo("[[],[],\"\"]");
    }

    /**
     * The ids of the first elements Tab reaches, from the top of the page; each shows its focus. A month field takes
     * a Tab per part (month, year) and counts once.
     */
    private java.util.List<String> tabOrder(int elements) {
        browser.executeScript("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0);");
        java.util.List<String> order = new java.util.ArrayList<>();
        for (int i = 0; i < 3 * elements && order.size() < elements; i++) {
            new Actions(browser).sendKeys(Keys.TAB).perform();
            WebElement focused = browser.switchTo().activeElement();
            Object outline = browser.executeScript("const s = getComputedStyle(arguments[0]);"
                    + "return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;", focused);
            assertThat(outline).as("focus visible on " + focused.getAttribute("id") + ": " + browser.executeScript(
                    "const s = getComputedStyle(arguments[0]); return [arguments[0].outerHTML, s.outlineStyle, s.outlineWidth,"
                            + " arguments[0].matches(':focus'), arguments[0].matches(':focus-visible')].join(' | ');", focused)).isEqualTo(true);
            if (order.isEmpty() || !order.get(order.size() - 1).equals(focused.getAttribute("id"))) {
                order.add(focused.getAttribute("id"));
            }
        }
        return order;
    }

    private void sixOutflows() {
        for (int i = 0; i < 6; i++) {
            String client = UUID.randomUUID().toString();
            String tenancy = UUID.randomUUID().toString();
            Dwelling dwelling = new Dwelling("street", "Almelo", i % 2 == 0 ? "Centrum" : "Noord");
            events.append("Client", client, 0, new ClientRegisteredEvent(client, CareSetting.SHELTER, "MO", region,
                    "Almelo", "87654321", LocalDate.of(2025, 1, 2), null));
            events.append("Client", client, 1, new OutflowTrajectoryStartedEvent(client, CareSetting.SHELTER, region,
                    "Almelo", LocalDate.of(2025, 2, 1)));
            events.append("Tenancy", tenancy, 0, new DwellingOfferedEvent(tenancy, client, "12345678", "87654321",
                    LeaseForm.TRIPARTITE, dwelling, region, true, LocalDate.of(2025, 3, 1 + i), LocalDate.of(2025, 2, 1),
                    "agreement", 1, Period.ofMonths(6)));
            events.append("Tenancy", tenancy, 1, new MovedInEvent(tenancy, client, LocalDate.of(2025, 4 + i, 1),
                    LeaseForm.TRIPARTITE, "12345678", "87654321", region, "Almelo", dwelling.neighbourhood(),
                    "agreement", 1, Period.ofMonths(12), Period.ofMonths(36)));
            events.append("Client", client, 2, new OutflowRecordedEvent(client, tenancy, LocalDate.of(2025, 4 + i, 1),
                    "agreement", 1, Period.ofMonths(6), Period.ofMonths(24)));
        }
        // A refused offer, a trajectory ended without outflow and a potential outflower waiting since March.
        String refusing = UUID.randomUUID().toString();
        String refused = UUID.randomUUID().toString();
        events.append("Client", refusing, 0, new ClientRegisteredEvent(refusing, CareSetting.PROTECTED_HOUSING, "RIBW", region,
                "Almelo", "87654321", LocalDate.of(2025, 1, 2), null));
        events.append("Client", refusing, 1, new OutflowTrajectoryStartedEvent(refusing, CareSetting.PROTECTED_HOUSING, region,
                "Almelo", LocalDate.of(2025, 3, 1)));
        events.append("Tenancy", refused, 0, new DwellingOfferedEvent(refused, refusing, "12345678", "87654321",
                LeaseForm.TRIPARTITE, new Dwelling("street", "Almelo", "Noord"), region, true, LocalDate.of(2025, 5, 1),
                LocalDate.of(2025, 3, 1), "agreement", 1, Period.ofMonths(6)));
        events.append("Tenancy", refused, 1, new OfferRefusedEvent(refused, refusing, LocalDate.of(2025, 5, 8), "too far"));
        String notReady = UUID.randomUUID().toString();
        events.append("Client", notReady, 0, new ClientRegisteredEvent(notReady, CareSetting.SHELTER, "MO", region,
                "Almelo", "87654321", LocalDate.of(2025, 1, 2), null));
        events.append("Client", notReady, 1, new OutflowTrajectoryStartedEvent(notReady, CareSetting.SHELTER, region,
                "Almelo", LocalDate.of(2025, 2, 1)));
        events.append("Client", notReady, 2, new TrajectoryClosedEvent(notReady, TrajectoryClosure.NOT_READY,
                LocalDate.of(2025, 7, 1), "not yet"));
    }

    @Test
    void the_dashboard_loads_draws_its_charts_and_shows_the_apis_figures() throws Exception {
        sixOutflows();
        // The operator's administrator (demo user admin): exact counts. The same figures the API gives that token.
        String admin = issuer.token(TestTokens.MUNICIPALITY, "MUNICIPALITY", "ADMIN");
        String query = "?region=" + region + "&from=2025-01-01&to=2025-12-31";
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(admin);
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            JsonNode f = json.readTree(http.exchange("/api/v1/monitor/outflow" + query, HttpMethod.GET,
                    new HttpEntity<>(headers), String.class).getBody()).get("groups").get(0).get("figures");
            return f.get("outflows").asLong() == 6 && f.get("offersRefused").asLong() == 1
                    && f.get("trajectoriesEndedWithoutOutflow").asLong() == 1;
        });
        JsonNode api = json.readTree(http.exchange("/api/v1/monitor/outflow" + query, HttpMethod.GET,
                new HttpEntity<>(headers), String.class).getBody()).get("groups").get(0).get("figures");
        JsonNode dictionary = json.readTree(http.exchange("/api/v1/monitor/definitions", HttpMethod.GET,
                new HttpEntity<>(headers), String.class).getBody());

        logIn("/", "admin");
        assertThat(browser.findElement(By.id("login-who")).getText()).contains("Ada Beheer", "Gemeente Almelo");
        // Keyboard only: the login bar, then the filters in reading order; Enter on Show submits.
        assertThat(tabOrder(5)).containsExactly("logout-button", "region", "from", "to", "show");
        setDate("from", "2025-01");
        setDate("to", "2025-12");
        browser.findElement(By.id("region")).sendKeys(region);
        browser.findElement(By.id("show")).sendKeys(Keys.ENTER);

        WebElement outflows = browser.findElement(By.id("figure-outflows"));
        wait.until(driver -> !outflows.getText().isBlank());
        assertThat(outflows.getText()).isEqualTo("6");
        // Every count tile shows the API's figure and explains it with the dictionary's definition.
        for (String figure : new String[]{"offersMade", "offersRefused", "trajectoriesEndedWithoutOutflow", "housed",
                "potentialOutflowers", "trajectoriesStarted", "tenanciesEnded", "flips", "returnsToCare"}) {
            WebElement tile = browser.findElement(By.id("figure-" + figure));
            assertThat(tile.getText()).as(figure).isEqualTo(api.get(figure).asText());
            String counts = null;
            for (JsonNode d : dictionary.get("figures")) {
                if (d.get("figure").asText().equals(figure)) {
                    counts = d.get("counts").asText();
                }
            }
            assertThat(counts).as(figure + " defined").isNotNull();
            assertThat(tile.findElement(By.xpath("..")).getAttribute("title")).as(figure + " tooltip").contains(counts);
        }
        assertThat(api.get("offersMade").asLong()).isEqualTo(7);
        assertThat(api.get("housed").asLong()).isEqualTo(6);
        assertThat(browser.findElements(By.cssSelector("#definitions tbody tr"))).hasSize(dictionary.get("figures").size());
        // Every figure the API gives is shown, with its value and its definition as the tooltip.
        java.util.List<WebElement> all = browser.findElements(By.cssSelector("#all-figures tbody tr"));
        assertThat(all).hasSize(api.size());
        for (WebElement row : all) {
            String figure = row.getAttribute("data-figure");
            java.util.List<WebElement> cells = row.findElements(By.tagName("td"));
            JsonNode value = api.get(figure);
            if (value.isNumber()) {
                assertThat(new java.math.BigDecimal(cells.get(1).getText())).as(figure).isEqualByComparingTo(value.decimalValue());
            } else {
                assertThat(cells.get(1).getText()).as(figure).isEqualTo(value.isNull() ? "–" : value.asText());
            }
            assertThat(cells.get(0).getAttribute("title")).as(figure + " is defined").isNotBlank();
        }
        assertThat(browser.findElement(By.id("legend-rules")).getText()).contains("PERCENTILE.INC");
        for (String chart : new String[]{"chart-outflow", "chart-quota", "chart-throughput", "chart-signals", "chart-sustainment",
                "chart-waiting", "chart-ended", "chart-returns"}) {
            Object drawn = browser.executeScript(
                    "const c = document.getElementById(arguments[0]); const chart = Chart.getChart(c);"
                            + "return chart != null && c.width > 0 && c.height > 0;", chart);
            assertThat(drawn).as(chart).isEqualTo(true);
        }
        Object monthlyTotal = ((JavascriptExecutor) browser).executeScript(
                "return Chart.getChart(document.getElementById('chart-outflow')).data.datasets[0].data"
                        + ".reduce((a, b) => a + (b || 0), 0);");
        assertThat(((Number) monthlyTotal).longValue()).isEqualTo(6);
        Object waiting = browser.executeScript(
                "return Chart.getChart(document.getElementById('chart-waiting')).data.datasets[0].data.join(',');");
        assertThat(waiting).isEqualTo(String.join(",", api.get("potentialOutflowersWaiting.under3Months").asText(),
                api.get("potentialOutflowersWaiting.3to6Months").asText(), api.get("potentialOutflowersWaiting.6to12Months").asText(),
                api.get("potentialOutflowersWaiting.12MonthsOrMore").asText()));
        Object ended = browser.executeScript(
                "const d = Chart.getChart(document.getElementById('chart-ended')).data; return d.labels[0] + '=' + d.datasets[0].data[0];");
        assertThat(ended).isEqualTo("NOT_READY=1");
        // Every chart has its figures as a table too: the monthly outflow's rows sum to the six outflows.
        for (String chart : new String[]{"chart-outflow", "chart-quota", "chart-throughput", "chart-signals", "chart-sustainment",
                "chart-waiting", "chart-ended", "chart-returns"}) {
            Object rows = browser.executeScript("const t = document.getElementById(arguments[0] + '-table');"
                    + "return t == null ? -1 : t.tBodies[0].rows.length;", chart);
            Object labels = browser.executeScript("return Chart.getChart(document.getElementById(arguments[0])).data.labels.length;", chart);
            assertThat(rows).as(chart + " table").isEqualTo(labels);
        }
        Object tableTotal = browser.executeScript("return [...document.querySelectorAll('#chart-outflow-table tbody tr')]"
                + ".reduce((a, r) => a + (Number(r.cells[1].textContent) || 0), 0);");
        assertThat(((Number) tableTotal).longValue()).isEqualTo(6);
        assertThat(AccessibilityCheck.violations(browser)).as("axe-core on the dashboard").isEmpty();

        // Logout forgets the token and ends the issuer's session: logging in again asks for the password.
        browser.findElement(By.id("logout-button")).click();
        wait.until(driver -> driver.getCurrentUrl().startsWith(origin() + "/") && !driver.findElements(By.id("login-button")).isEmpty());
        assertThat(browser.findElement(By.id("filters")).isDisplayed()).isFalse();
        assertThat(browser.executeScript("return WeerThuisLogin.authorization();")).isNull();
        browser.findElement(By.id("login-button")).click();
        wait.until(driver -> driver.getCurrentUrl().startsWith(issuer.issuer() + "/login"));

    }

    @Test
    void a_monitor_logs_in_and_sees_the_figures_a_monitor_may_see() throws Exception {
        sixOutflows();
        String monitor = issuer.token(TestTokens.MUNICIPALITY, "MUNICIPALITY", "MONITOR");
        String query = "?region=" + region + "&from=2025-01-01&to=2025-12-31";
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(monitor);
        // Until all six outflows are projected, as the exact (ADMIN) figures show: a monitor's figure that is there
        // (at 0, or suppressed) says nothing yet.
        HttpHeaders exact = new HttpHeaders();
        exact.setBearerAuth(issuer.token(TestTokens.MUNICIPALITY, "MUNICIPALITY", "ADMIN"));
        await().atMost(Duration.ofSeconds(30)).until(() -> json.readTree(http.exchange("/api/v1/monitor/outflow" + query,
                HttpMethod.GET, new HttpEntity<>(exact), String.class).getBody()).get("groups").get(0).get("figures")
                .path("outflows").asInt() == 6);
        JsonNode api = json.readTree(http.exchange("/api/v1/monitor/outflow" + query, HttpMethod.GET,
                new HttpEntity<>(headers), String.class).getBody()).get("groups").get(0);

        logIn("/", "monitor");
        assertThat(browser.findElement(By.id("login-who")).getText()).contains("Mila Monitor", "Gemeente Almelo");
        setDate("from", "2025-01");
        setDate("to", "2025-12");
        browser.findElement(By.id("region")).sendKeys(region);
        browser.findElement(By.id("show")).click();
        WebElement outflows = browser.findElement(By.id("figure-outflows"));
        wait.until(driver -> !outflows.getText().isBlank());
        // What the monitor's own token gets from the API, small cells suppressed ("<5"), is what the page shows.
        boolean suppressed = api.path("suppressed").toString().contains("\"outflows\"");
        assertThat(outflows.getText()).startsWith(suppressed ? "<5" : api.get("figures").get("outflows").asText());
        Thread.sleep(1500); // let the charts' entry animation finish: the picture is for people to look at
        screenshot("dashboard.png");
        assertThat(AccessibilityCheck.violations(browser)).as("axe-core on the monitor's dashboard").isEmpty();
    }

    private void screenshot(String name) {
        try {
            File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), Path.of("target", name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void the_auditors_timeline_page_shows_the_history_and_the_state_as_of_now() throws Exception {
        // The register names the deciding municipality and the care provider: the timeline shows names, not numbers alone.
        String municipality = "Gemeente " + UUID.randomUUID().toString().substring(0, 8);
        String provider = "Zorg " + UUID.randomUUID().toString().substring(0, 8);
        registerOrganisation(TestTokens.MUNICIPALITY, municipality, OrganisationType.MUNICIPALITY);
        registerOrganisation("87654321", provider, OrganisationType.CARE_PROVIDER);
        String client = UUID.randomUUID().toString();
        events.append("Client", client, 0, new ClientRegisteredEvent(client, CareSetting.PROTECTED_HOUSING, "RIBW", region,
                "Almelo", "87654321", LocalDate.of(2025, 1, 2), null));
        events.append("Client", client, 1, new OutflowTrajectoryStartedEvent(client, CareSetting.PROTECTED_HOUSING, region,
                "Almelo", LocalDate.of(2025, 2, 1)));
        String auditor = issuer.token("00000001009876543000", "SUPERVISOR", "AUDITOR");
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(auditor);
        headers.set("X-Processing-Activity", "audit-decision-history");
        await().atMost(Duration.ofSeconds(15)).until(() -> http.exchange("/api/v1/clients/" + client + "/history",
                HttpMethod.GET, new HttpEntity<>(headers), String.class).getStatusCode().value() == 200);

        logIn("/audit/timeline.html", "auditor");
        assertThat(browser.findElement(By.id("login-who")).getText()).contains("Ina Inspecteur", "Inspectie");
        assertThat(AccessibilityCheck.violations(browser)).as("axe-core on the empty timeline").isEmpty();
        // Keyboard only: type the client id and press Enter.
        browser.findElement(By.id("clientId")).sendKeys(client, Keys.ENTER);

        new WebDriverWait(browser, Duration.ofSeconds(15))
                .until(driver -> driver.findElements(By.cssSelector("#timeline tbody tr")).size() == 2);
        var rows = browser.findElements(By.cssSelector("#timeline tbody tr"));
        // In plain words, by name and number, never a raw code.
        var registered = rows.get(0).findElements(By.tagName("td"));
        assertThat(registered.get(1).getText()).contains("2025-01-02");
        assertThat(registered.get(2).getText()).startsWith("The client was registered in")
                .contains(provider + " (87654321)").doesNotContain("PROTECTED_HOUSING");
        assertThat(registered.get(3).getText()).contains(municipality, TestTokens.MUNICIPALITY);
        var started = rows.get(1).findElements(By.tagName("td"));
        assertThat(started.get(1).getText()).contains("2025-02-01");
        assertThat(started.get(2).getText()).startsWith("The client's outflow trajectory");
        assertThat(browser.findElement(By.id("states")).getText()).doesNotContainPattern("[A-Z]+_[A-Z]+");
        screenshot("timeline.png");
        assertThat(AccessibilityCheck.violations(browser)).as("axe-core on the timeline").isEmpty();
    }

    private void registerOrganisation(String number, String name, OrganisationType type) {
        events.append("Organisation", number, 0, new OrganisationRegisteredEvent(number, name, type, List.of(region)));
        await().atMost(Duration.ofSeconds(30)).until(() -> organisationNames.nameOf(number).filter(name::equals).isPresent());
    }

    private void setDate(String id, String date) {
        browser.executeScript("document.getElementById(arguments[0]).value = arguments[1];", id, date);
    }
}
