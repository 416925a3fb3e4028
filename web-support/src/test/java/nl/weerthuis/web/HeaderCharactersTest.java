package nl.weerthuis.web;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;

import java.util.Random;
import java.util.function.BiFunction;

import static org.assertj.core.api.Assertions.assertThat;

/** Our firewall refuses exactly the header names and values Spring's default strict firewall refuses. */
class HeaderCharactersTest {

    private static final HttpFirewall SPRING = new StrictHttpFirewall();
    private static final HttpFirewall OURS = HeaderCharacters.firewall();

    /** Characters on both sides of every line the rule draws, and anything at all. */
    private static final int[] EDGES = {'\t', '\n', '\r', 0, 0x1f, 0x7f, 0x80, 0x9f, 0xa0, 0x0378, 0x2028, 0xe000, 0xfffe,
            0xffff, 0xd800, 0xdbff, 0xdc00, 0xdfff, 0x1f600, 0xe0080, 0x10ffff, 'é', '|'};

    @Test
    void header_values_are_refused_exactly_when_springs_firewall_refuses_them() {
        agreeOn((firewall, value) -> accepts(firewall, "X-Probe", value));
    }

    @Test
    void header_names_are_refused_exactly_when_springs_firewall_refuses_them() {
        // A request cannot carry a header without a name (the mock refuses to add one): nothing to judge.
        agreeOn((firewall, name) -> name.isEmpty() || accepts(firewall, name, "probe"));
    }

    @Test
    void a_tab_is_allowed_in_a_value_but_not_in_a_name_and_controls_in_neither() {
        assertThat(accepts(OURS, "X-Probe", "a\tb")).isTrue();
        assertThat(accepts(OURS, "X\tProbe", "ab")).isFalse();
        assertThat(accepts(OURS, "X-Probe", "a\u0085b")).isFalse();
        assertThat(accepts(OURS, "X-Probe", "a\u0378b")).isFalse();
        assertThat(accepts(OURS, "X-Probe", "Bearer eyJ.x-y_z~+/==")).isTrue();
    }

    private static void agreeOn(BiFunction<HttpFirewall, String, Boolean> judged) {
        Random random = new Random(20261202);
        int refused = 0;
        for (int i = 0; i < 20_000; i++) {
            String text = text(random);
            boolean spring = judged.apply(SPRING, text);
            assertThat(judged.apply(OURS, text)).as(escaped(text)).isEqualTo(spring);
            refused += spring ? 0 : 1;
        }
        assertThat(refused).as("the texts reach both sides of the rule").isBetween(2_000, 18_000);
    }

    private static boolean accepts(HttpFirewall firewall, String name, String value) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/clients");
        request.addHeader(name, value);
        try {
            firewall.getFirewalledRequest(request).getHeader(name);
            return true;
        } catch (RequestRejectedException refused) {
            return false;
        }
    }

    private static String text(Random random) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(8);
        for (int i = 0; i < length; i++) {
            switch (random.nextInt(4)) {
                case 0 -> text.append((char) (0x20 + random.nextInt(0x5f)));
                case 1 -> text.appendCodePoint(EDGES[random.nextInt(EDGES.length)]);
                case 2 -> text.append((char) random.nextInt(0x10000));
                default -> text.appendCodePoint(random.nextInt(Character.MAX_CODE_POINT + 1));
            }
        }
        return text.toString();
    }

    static String escaped(String text) {
        StringBuilder escaped = new StringBuilder();
        text.chars().forEach(c -> escaped.append(c >= 0x20 && c < 0x7f ? Character.toString(c) : String.format("\\u%04x", c)));
        return escaped.toString();
    }
}
