package nl.weerthuis.query.partner;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

/** Literal addresses only: nothing here resolves a name or sends anything. */
class CallbackAddressesTest {

    private static boolean refused(String url, boolean allowLoopback) {
        return CallbackAddresses.refusal(URI.create(url), allowLoopback).isPresent();
    }

    @Test
    void credentials_in_the_url_are_refused_everywhere() {
        assertThat(refused("https://user:pass@127.0.0.1/hook", true)).isTrue();
        assertThat(refused("https://user@8.8.8.8/hook", false)).isTrue();
        assertThat(CallbackAddresses.refusal(URI.create("https://user:pass@127.0.0.1/hook"), true).orElseThrow())
                .contains("credentials");
    }

    @Test
    void private_link_local_and_other_internal_networks_are_refused() {
        for (String host : new String[]{"10.0.0.5", "172.16.3.4", "192.168.1.1", "169.254.169.254", "100.64.0.1",
                "0.0.0.0", "224.0.0.1", "[fd00::1]", "[fe80::1]", "[::]"}) {
            assertThat(refused("https://" + host + "/hook", true)).as(host).isTrue();
        }
    }

    @Test
    void loopback_only_when_allowed_and_http_only_there() {
        assertThat(refused("https://127.0.0.1:8443/hook", false)).isTrue();
        assertThat(refused("http://127.0.0.1:8080/hook", false)).isTrue();
        assertThat(refused("https://[::1]/hook", false)).isTrue();
        assertThat(refused("http://127.0.0.1:8080/hook", true)).isFalse();
        assertThat(refused("https://127.0.0.1:8443/hook", true)).isFalse();
    }

    @Test
    void a_public_https_address_is_accepted_and_plain_http_to_it_is_not() {
        assertThat(refused("https://8.8.8.8/hook", false)).isFalse();
        assertThat(refused("http://8.8.8.8/hook", true)).isTrue();
        assertThat(refused("ftp://8.8.8.8/hook", true)).isTrue();
        assertThat(refused("mailto:someone@example.org", true)).isTrue();
    }
}
