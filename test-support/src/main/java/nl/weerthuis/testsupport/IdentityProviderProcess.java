package nl.weerthuis.testsupport;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The embedded identity provider, started from its packaged jar as a process on {@link TestTokens#ISSUER} and
 * signing with the test key, as {@code ./weerthuis up} starts it: the pages of {@code pagesOrigin} log in through
 * it, and {@link #token} gets a token as {@code ./weerthuis token} does (client credentials). The jar is the one
 * Maven resolved ({@code weerthuis.identity-provider.jar}); one at a time per test JVM (the issuer's port is fixed).
 */
public final class IdentityProviderProcess implements AutoCloseable {

    /** The launcher client's secret in the test installation. */
    public static final String LAUNCHER_SECRET = "test-launcher-secret-that-is-long-enough";
    /** Every demo person's password (identity-provider's application.yml). */
    public static final String DEMO_PASSWORD = "weerthuis-demo";

    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private final Process process;
    private final HttpClient http = HttpClient.newHttpClient();

    private IdentityProviderProcess(Process process) {
        this.process = process;
    }

    /** Starts the issuer; {@code pagesOrigin} (e.g. http://127.0.0.1:PORT) may send its pages' logins to it. */
    public static IdentityProviderProcess start(String pagesOrigin) throws Exception {
        String configured = System.getProperty("weerthuis.identity-provider.jar");
        if (configured == null || configured.isBlank() || !Files.isRegularFile(Path.of(configured))) {
            throw new IllegalStateException("system property weerthuis.identity-provider.jar does not name the identity "
                    + "provider's packaged jar (" + configured + "); run the tests through Maven: ./mvnw verify");
        }
        String pages = String.join(",", pagesOrigin + "/", pagesOrigin + "/index.html", pagesOrigin + "/audit/timeline.html");
        ProcessBuilder builder = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-jar", Path.of(configured).toAbsolutePath().toString(),
                "--server.port=" + TestTokens.ISSUER_PORT,
                "--server.address=127.0.0.1",
                "--weerthuis.identity.issuer=" + TestTokens.ISSUER,
                "--weerthuis.identity.signing-key=" + TestTokens.privateKeyFile().toAbsolutePath(),
                "--weerthuis.identity.launcher-client-secret=" + LAUNCHER_SECRET,
                "--weerthuis.identity.pages.redirect-uris=" + pages,
                "--weerthuis.identity.pages.post-logout-redirect-uris=" + pages,
                "--weerthuis.identity.pages.allowed-origins=" + pagesOrigin));
        builder.redirectErrorStream(true).redirectOutput(new File("target/identity-provider-process.log"));
        IdentityProviderProcess started = new IdentityProviderProcess(builder.start());
        started.awaitHealthy();
        return started;
    }

    public String issuer() {
        return TestTokens.ISSUER;
    }

    /** A token from the issuer's launcher client, as {@code ./weerthuis token} gets one. */
    public String token(String org, String orgType, String... roles) throws Exception {
        String form = "grant_type=client_credentials&org=" + enc(org) + "&org_type=" + enc(orgType)
                + "&roles=" + enc(String.join(",", roles));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(issuer() + "/oauth2/token"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        ("weerthuis-launcher:" + LAUNCHER_SECRET).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        Matcher token = ACCESS_TOKEN.matcher(response.body());
        if (response.statusCode() != 200 || !token.find()) {
            throw new IllegalStateException("no token: " + response.statusCode() + " " + response.body());
        }
        return token.group(1);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private void awaitHealthy() throws Exception {
        Instant deadline = Instant.now().plusSeconds(180); // generous: a loaded 2-core machine starts slowly
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the identity provider stopped; see target/identity-provider-process.log");
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(issuer() + "/actuator/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(300);
        }
        throw new IllegalStateException("the identity provider did not become healthy in 180 s");
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
