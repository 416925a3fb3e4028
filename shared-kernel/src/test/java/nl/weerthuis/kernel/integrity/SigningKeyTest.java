package nl.weerthuis.kernel.integrity;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SigningKeyTest {

    // RFC 8032, section 7.1, test 1: the secret key (seed), its public key, and the signature of the empty message.
    private static final String SEED = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
    private static final String PUBLIC = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
    private static final String SIGNATURE = "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b";

    @Test
    void a_seed_gives_the_key_pair_of_rfc_8032() {
        SigningKey key = SigningKey.fromSeed(Base64.getEncoder().encodeToString(HexFormat.of().parseHex(SEED)));

        byte[] encoded = Base64.getDecoder().decode(key.publicKey());
        assertThat(HexFormat.of().formatHex(Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length))).isEqualTo(PUBLIC);
        assertThat(HexFormat.of().formatHex(Base64.getDecoder().decode(key.sign(new byte[0])))).isEqualTo(SIGNATURE);
    }

    @Test
    void only_the_key_of_the_named_id_verifies_and_only_what_it_signed() {
        SigningKey key = SigningKey.fromSeed(seed(1));
        SigningKey other = SigningKey.fromSeed(seed(2));
        byte[] statement = "checkpoint".getBytes(StandardCharsets.UTF_8);
        String signature = key.sign(statement);
        PublicKeys trusted = PublicKeys.parse(List.of(key.publicKey() + "  # current", "# retired:", other.publicKey()));

        assertThat(trusted.verifies(key.id(), statement, signature)).isTrue();
        assertThat(trusted.verifies(other.id(), statement, signature)).isFalse();
        assertThat(trusted.verifies(key.id(), "checkpoinT".getBytes(StandardCharsets.UTF_8), signature)).isFalse();
        assertThat(PublicKeys.parse(List.of(other.publicKey())).verifies(key.id(), statement, signature)).isFalse();
        assertThat(key.id()).isNotEqualTo(other.id()).hasSize(16);
        assertThat(SigningKey.fromSeed(seed(1)).id()).isEqualTo(key.id());
    }

    @Test
    void a_seed_that_is_not_32_bytes_is_refused() {
        assertThatThrownBy(() -> SigningKey.fromSeed(Base64.getEncoder().encodeToString(new byte[31])))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SigningKey.fromSeed("")).isInstanceOf(IllegalArgumentException.class);
    }

    static String seed(int n) {
        byte[] seed = new byte[32];
        Arrays.fill(seed, (byte) n);
        return Base64.getEncoder().encodeToString(seed);
    }
}
