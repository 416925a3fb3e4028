package nl.weerthuis.web;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Our resolver finds the same token as Spring's default, and refuses what it refuses with the same error. */
class BearerTokensTest {

    private static final String[] SCHEMES = {"Bearer ", "bearer ", "BEARER ", "bEaReR ", "Bearer", "Bearer  ", "Basic ",
            "", "Bearerx ", " Bearer ", "Bearer\t", "Béarer "};
    private static final String TOKEN_CHARACTERS = "AZaz09-._~+/=== \t,\"ü\n\u0000";

    private final BearerTokenResolver spring = new DefaultBearerTokenResolver();
    private final BearerTokenResolver ours = new BearerTokens();

    @Test
    void every_authorization_header_is_answered_as_springs_resolver_answers_it() {
        Random random = new Random(20261202);
        int found = 0, refused = 0;
        for (int i = 0; i < 20_000; i++) {
            StringBuilder header = new StringBuilder(SCHEMES[random.nextInt(SCHEMES.length)]);
            int length = random.nextInt(12);
            for (int c = 0; c < length; c++) {
                header.append(random.nextInt(3) == 0 ? TOKEN_CHARACTERS.charAt(random.nextInt(TOKEN_CHARACTERS.length()))
                        : (char) ('a' + random.nextInt(26)));
            }
            MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/clients");
            request.addHeader("Authorization", header.toString());
            String expected = answer(spring, request);
            assertThat(answer(ours, request)).as(HeaderCharactersTest.escaped(header.toString())).isEqualTo(expected);
            found += expected.startsWith("token ") ? 1 : 0;
            refused += expected.startsWith("refused ") ? 1 : 0;
        }
        assertThat(found).as("well-formed tokens").isGreaterThan(1_000);
        assertThat(refused).as("malformed tokens").isGreaterThan(1_000);
    }

    @Test
    void a_token_in_the_query_is_ignored_as_spring_ignores_it_by_default() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/clients");
        request.setParameter("access_token", "abc");
        assertThat(answer(ours, request)).isEqualTo(answer(spring, request)).isEqualTo("none");
    }

    @Test
    void the_well_formed_case_needs_no_regular_expression() {
        assertThat(BearerTokens.wellFormed("Bearer eyJ0.eXAi-_~+/==")).isEqualTo("eyJ0.eXAi-_~+/==");
        assertThat(BearerTokens.wellFormed("bearer x")).isEqualTo("x");
        assertThat(BearerTokens.wellFormed("Bearer =")).isNull();
        assertThat(BearerTokens.wellFormed("Bearer a=b")).isNull();
        assertThat(BearerTokens.wellFormed("Bearer a\n")).isNull();
    }

    private static String answer(BearerTokenResolver resolver, MockHttpServletRequest request) {
        try {
            String token = resolver.resolve(request);
            return token == null ? "none" : "token " + token;
        } catch (RuntimeException refused) {
            return "refused " + refused.getClass().getName() + ": " + refused.getMessage();
        }
    }
}
