package nl.weerthuis.command.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.weerthuis.testsupport.TestTokens;
import nl.weerthuis.kernel.privacy.JdbcPersonalDataKeys;
import nl.weerthuis.kernel.privacy.KeyEncryptionKeys;
import nl.weerthuis.kernel.privacy.PersonalDataCipher;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command side mid-rotation: the test key-encryption key is current and a retired one is still accepted. Data
 * keys the retired one wrapped open, and the ADMIN command re-wraps them under the current key while it runs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "weerthuis.privacy.previous-key-encryption-keys=" + KeyRotationHttpTest.RETIRED)
@ActiveProfiles("test")
class KeyRotationHttpTest {

    /** base64 of "retired-key-encryption-key-32byt". */
    static final String RETIRED = "cmV0aXJlZC1rZXktZW5jcnlwdGlvbi1rZXktMzJieXQ=";
    private static final String CURRENT = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    PersonalDataCipher cipher;
    @Autowired
    ObjectMapper json;

    @Test
    void data_keys_wrapped_by_the_retired_key_open_and_are_re_wrapped_under_the_current_one() throws Exception {
        String client = UUID.randomUUID().toString();
        // A client whose data key the retired key wrapped, before the rotation began.
        String sealed = new PersonalDataCipher(new JdbcPersonalDataKeys(dataSource::getConnection,
                KeyEncryptionKeys.of(Base64.getDecoder().decode(RETIRED)), true, Duration.ZERO, Clock.systemUTC()))
                .seal(client, "Anna de Vries");
        assertThat(kekIdOf(client)).isEqualTo(KeyEncryptionKeys.idOf(Base64.getDecoder().decode(RETIRED)));
        assertThat(cipher.open(sealed)).as("still read during the rotation").isEqualTo("Anna de Vries");

        for (String role : new String[]{"CASEWORKER", "MONITOR", "AUDITOR", "CLIENT"}) {
            assertThat(rewrap(role).getStatusCode().value()).as(role).isEqualTo(403);
        }
        assertThat(kekIdOf(client)).isEqualTo(KeyEncryptionKeys.idOf(Base64.getDecoder().decode(RETIRED)));

        ResponseEntity<String> done = rewrap("ADMIN");
        assertThat(done.getStatusCode().value()).isEqualTo(200);
        JsonNode result = json.readTree(done.getBody());
        assertThat(result.get("rewrapped").asInt()).isPositive();
        assertThat(result.get("remaining").asLong()).isZero();
        assertThat(result.get("keyEncryptionKey").asText()).isEqualTo(KeyEncryptionKeys.idOf(Base64.getDecoder().decode(CURRENT)));
        assertThat(kekIdOf(client)).isEqualTo(KeyEncryptionKeys.idOf(Base64.getDecoder().decode(CURRENT)));

        // The retired key can now go: the current one alone opens the client's data.
        PersonalDataCipher currentOnly = new PersonalDataCipher(new JdbcPersonalDataKeys(dataSource::getConnection,
                KeyEncryptionKeys.of(Base64.getDecoder().decode(CURRENT)), false, Duration.ZERO, Clock.systemUTC()));
        assertThat(currentOnly.open(sealed)).isEqualTo("Anna de Vries");
        assertThat(json.readTree(rewrap("ADMIN").getBody()).get("rewrapped").asInt()).isZero();
    }

    private String kekIdOf(String client) {
        return jdbc.queryForObject("SELECT kek_id FROM personal_data_key WHERE subject_id = ?", String.class, client);
    }

    private ResponseEntity<String> rewrap(String role) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(TestTokens.token(TestTokens.MUNICIPALITY, "MUNICIPALITY", role));
        return http.exchange("/api/v1/admin/key-encryption-key/rewrap", HttpMethod.POST, new HttpEntity<>(headers),
                String.class);
    }
}
