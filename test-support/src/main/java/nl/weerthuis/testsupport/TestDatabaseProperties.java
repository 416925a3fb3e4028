package nl.weerthuis.testsupport;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;

/**
 * Hands the test database to Spring test contexts as {@code weerthuis.test.database.url|user|password}. Lazy: the
 * embedded server starts only when a context actually asks for one of them.
 */
public final class TestDatabaseProperties implements EnvironmentPostProcessor {

    static final String PREFIX = "weerthuis.test.database.";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new PropertySource<>("weerthuisTestDatabase") {
            @Override
            public Object getProperty(String name) {
                return switch (name) {
                    case PREFIX + "url" -> TestDatabase.get().url();
                    case PREFIX + "user" -> TestDatabase.get().user();
                    case PREFIX + "password" -> TestDatabase.get().password();
                    default -> null;
                };
            }
        });
    }
}
