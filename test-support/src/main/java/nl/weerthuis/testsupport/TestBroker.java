package nl.weerthuis.testsupport;

import org.apache.qpid.server.SystemLauncher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The AMQP 0-9-1 broker the tests publish to: the one named by {@code WEERTHUIS_TEST_AMQP_URI} when set (e.g. the
 * machine's RabbitMQ), else an embedded Apache Qpid Broker-J on a free loopback port, in memory, one per test JVM.
 */
public final class TestBroker {

    private static volatile String uri;

    private TestBroker() {
    }

    /** {@code amqp://guest:guest@127.0.0.1:PORT} */
    public static String uri() {
        if (uri == null) {
            synchronized (TestBroker.class) {
                if (uri == null) {
                    String configured = System.getenv("WEERTHUIS_TEST_AMQP_URI");
                    uri = configured != null && !configured.isBlank() ? configured : startEmbedded();
                }
            }
        }
        return uri;
    }

    private static String startEmbedded() {
        try {
            int port = TestDatabase.freePort();
            Path work = Files.createTempDirectory("weerthuis-test-broker-");
            Map<String, String> context = new HashMap<>();
            context.put("qpid.amqp_port", String.valueOf(port));
            context.put("qpid.work_dir", work.toString());
            context.put("qpid.home_dir", work.toString());
            Map<String, Object> attributes = new HashMap<>();
            attributes.put("type", "Memory");
            attributes.put("initialConfigurationLocation",
                    TestBroker.class.getResource("qpid-broker.json").toExternalForm());
            attributes.put("startupLoggedToSystemOut", false);
            attributes.put("context", context);
            SystemLauncher broker = new SystemLauncher();
            broker.startup(attributes);
            AtExit.run("stop-embedded-test-broker", broker::shutdown);
            return "amqp://guest:guest@127.0.0.1:" + port;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("could not start the embedded AMQP broker", e);
        }
    }
}
