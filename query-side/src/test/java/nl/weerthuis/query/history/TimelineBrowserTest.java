package nl.weerthuis.query.history;

import nl.weerthuis.query.support.EventStoreFixture;
import nl.weerthuis.query.support.TestOrganisationNames;
import nl.weerthuis.testsupport.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static nl.weerthuis.query.support.TestOrganisationNames.CORPORATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The printable timeline in a real headless Chromium (as DashboardBrowserTest): an auditor sees every decision of a
 * whole journey in words, with the deciding organisation by name, its grounds and the agreement version and rule.
 * The page is fed the history answer directly, so the test holds however the page comes by its token.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import({EventStoreFixture.class, TestOrganisationNames.class})
class TimelineBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    EventStoreFixture.Appender events;
    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate readStore;

    private ChromeDriver browser;

    @BeforeEach
    void startBrowser() {
        Path chromium = Path.of("/usr/bin/chromium"), chromedriver = Path.of("/usr/bin/chromedriver");
        boolean installed = Files.isExecutable(chromium) && Files.isExecutable(chromedriver);
        boolean required = System.getenv("CI") != null || "true".equals(System.getenv("WEERTHUIS_REQUIRE_BROWSER"));
        assertThat(installed || !required).as("chromium and chromedriver on CI").isTrue();
        assumeTrue(installed, "Debian's chromium and chromium-driver are not installed");
        ChromeOptions options = new ChromeOptions().setBinary(chromium.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--no-first-run", "--disable-background-networking", "--disable-component-update",
                        "--disable-sync", "--window-size=1440,1000");
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile()).build(), options);
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void every_decision_of_a_journey_shows_words_names_grounds_and_rule_versions() {
        String clientId = UUID.randomUUID().toString();
        FullJourney.agreementAdopted(events, readStore);
        List<FullJourney.Step> journey = FullJourney.of(clientId, UUID.randomUUID().toString(), UUID.randomUUID().toString());
        FullJourney.append(events, journey);
        await().atMost(Duration.ofSeconds(20)).until(() -> readStore.queryForObject(
                "SELECT count(*) FROM history_subject WHERE client_id = ?", Long.class, clientId) == 3);
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(TestTokens.token("00000001009876543000", "SUPERVISOR", "AUDITOR"));
        headers.set("X-Processing-Activity", "audit-decision-history");
        String history = http.exchange("/api/v1/clients/" + clientId + "/history", HttpMethod.GET,
                new HttpEntity<>(headers), String.class).getBody();

        browser.get("http://localhost:" + port + "/audit/timeline.html");
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> ((JavascriptExecutor) d)
                .executeScript("return !!window.weerThuisTimeline"));
        ((JavascriptExecutor) browser).executeScript("window.weerThuisTimeline.render(JSON.parse(arguments[0]))", history);

        List<WebElement> rows = browser.findElements(By.cssSelector("#timeline tbody tr"));
        assertThat(rows).hasSize(journey.size());
        for (int i = 0; i < rows.size(); i++) {
            List<WebElement> cells = rows.get(i).findElements(By.tagName("td"));
            String what = journey.get(i).event().getClass().getSimpleName();
            assertThat(cells.get(2).getText()).as(what).isNotBlank().doesNotContainPattern("[A-Z]+_[A-Z]+");
            assertThat(cells.get(3).getText()).as(what).isNotBlank();
            assertThat(cells.get(5).getText()).as(what).startsWith(FullJourney.AGREEMENT_NAME + ", version 1");
        }
        WebElement flip = rows.get(25);
        assertThat(flip.findElements(By.tagName("td")).get(2).getText()).startsWith("The lease flipped (omklap)");
        assertThat(flip.findElements(By.tagName("td")).get(3).getText())
                .startsWith("Woonstichting De Hoven (" + CORPORATION + "), housing corporation, as caseworker");
        assertThat(flip.findElements(By.tagName("td")).get(4).getText())
                .isEqualTo("rent paid for a year, support accepted, no nuisance");
        assertThat(flip.findElements(By.tagName("td")).get(5).getText()).contains("recorded with the decision")
                .contains("Flip term: the flip after at least 12 months and at most 36 months after moving in");
        assertThat(browser.findElement(By.id("states")).getText()).contains("Lives independently")
                .contains("yes, in a home of their own since 2024-05-15").doesNotContainPattern("[A-Z]+_[A-Z]+");
    }
}
