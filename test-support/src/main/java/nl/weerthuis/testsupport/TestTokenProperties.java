package nl.weerthuis.testsupport;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;

/**
 * Hands the test installation's token issuer to Spring test contexts as {@code weerthuis.test.token.issuer} and
 * {@code weerthuis.test.token.public-key-location} (the test key's public half), for {@code application-test.yml}.
 */
public final class TestTokenProperties implements EnvironmentPostProcessor {

    static final String PREFIX = "weerthuis.test.token.";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new PropertySource<>("weerthuisTestTokens") {
            @Override
            public Object getProperty(String name) {
                return switch (name) {
                    case PREFIX + "issuer" -> TestTokens.ISSUER;
                    case PREFIX + "public-key-location" -> "classpath:nl/weerthuis/testsupport/" + TestTokens.PUBLIC_KEY_RESOURCE;
                    default -> null;
                };
            }
        });
    }
}
