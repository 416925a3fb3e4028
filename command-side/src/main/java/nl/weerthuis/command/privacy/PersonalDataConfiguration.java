package nl.weerthuis.command.privacy;

import com.fasterxml.jackson.databind.ObjectMapper;
import nl.weerthuis.kernel.privacy.JdbcPersonalDataKeys;
import nl.weerthuis.kernel.privacy.PersonalDataCipher;
import nl.weerthuis.kernel.privacy.PersonalDataKeys;
import nl.weerthuis.kernel.privacy.PersonalDataModule;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import java.time.Clock;
import java.time.Duration;
import java.util.Base64;

/**
 * Crypto-shredding on the command side: every serializer Axon stores with (events, snapshots, sagas, deadlines)
 * seals personal data with the client's key; keys are made here, in the transaction of the first events they
 * protect. The web keeps Spring's own mapper: an API answer is never sealed.
 */
@Configuration
class PersonalDataConfiguration {

    @Bean
    PersonalDataKeys personalDataKeys(ConnectionProvider connections,
                                      @Value("${weerthuis.privacy.key-encryption-key:}") String keyEncryptionKey) {
        return new JdbcPersonalDataKeys(connections, keyEncryptionKey(keyEncryptionKey), true, Duration.ofMinutes(5),
                Clock.systemUTC());
    }

    @Bean
    PersonalDataCipher personalDataCipher(PersonalDataKeys keys) {
        return new PersonalDataCipher(keys);
    }

    @Bean
    @Primary
    Serializer serializer(ObjectMapper web, PersonalDataCipher cipher) {
        return sealing(web, cipher);
    }

    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer(ObjectMapper web, PersonalDataCipher cipher) {
        return sealing(web, cipher);
    }

    @Bean
    @Qualifier("messageSerializer")
    Serializer messageSerializer(ObjectMapper web, PersonalDataCipher cipher) {
        return sealing(web, cipher);
    }

    private static Serializer sealing(ObjectMapper web, PersonalDataCipher cipher) {
        return JacksonSerializer.builder().objectMapper(web.copy().registerModule(new PersonalDataModule(cipher))).build();
    }

    /** Base64 of 32 random bytes; the launcher makes one per installation ({@code ./data/key-encryption-key}). */
    static byte[] keyEncryptionKey(String base64) {
        byte[] key = base64.isBlank() ? new byte[0] : Base64.getDecoder().decode(base64.trim());
        if (key.length != 32) {
            throw new IllegalStateException("weerthuis.privacy.key-encryption-key (env WEERTHUIS_PRIVACY_KEYENCRYPTIONKEY) "
                    + "must be the base64 of 32 random bytes; without it no personal data can be stored or read");
        }
        return key;
    }
}
