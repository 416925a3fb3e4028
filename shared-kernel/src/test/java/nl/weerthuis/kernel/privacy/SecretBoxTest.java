package nl.weerthuis.kernel.privacy;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretBoxTest {

    private static final byte[] KEK = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] OTHER_KEK = "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII);

    @Test
    void a_sealed_secret_opens_only_with_the_same_installation_key_and_purpose() {
        String sealed = new SecretBox(KEK, "partner-credentials").seal("Bearer s3cret");

        assertThat(sealed).doesNotContain("s3cret");
        assertThat(new SecretBox(KEK, "partner-credentials").open(sealed)).isEqualTo("Bearer s3cret");
        assertThatThrownBy(() -> new SecretBox(KEK, "other-purpose").open(sealed)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new SecretBox(OTHER_KEK, "partner-credentials").open(sealed))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void a_keyed_hash_is_stable_per_installation_and_differs_between_installations() {
        assertThat(new SecretBox(KEK, "fingerprint").hash("111222333"))
                .isEqualTo(new SecretBox(KEK, "fingerprint").hash("111222333"))
                .isNotEqualTo(new SecretBox(OTHER_KEK, "fingerprint").hash("111222333"))
                .isNotEqualTo(new SecretBox(KEK, "fingerprint").hash("111222334"))
                .hasSize(64);
    }
}
