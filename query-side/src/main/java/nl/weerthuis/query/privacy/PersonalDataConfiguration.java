package nl.weerthuis.query.privacy;

import com.fasterxml.jackson.databind.ObjectMapper;
import nl.weerthuis.kernel.privacy.JdbcPersonalDataKeys;
import nl.weerthuis.kernel.privacy.KeyEncryptionKeys;
import nl.weerthuis.kernel.privacy.PersonalDataCipher;
import nl.weerthuis.kernel.privacy.PersonalDataKeys;
import nl.weerthuis.kernel.privacy.SealingSerializers;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;

/**
 * The query side opens personal data with the clients' keys, read over the read-only event store connection: it
 * can never make or restore a key. Keys are cached for at most half a minute, so an erasure recorded by the
 * command side is in force here within that time even before the erasure event arrives.
 */
@Configuration
class PersonalDataConfiguration {

    /** The current key-encryption key and, during a rotation, the previous ones: this side only reads with them. */
    @Bean
    KeyEncryptionKeys keyEncryptionKeys(@Value("${weerthuis.privacy.key-encryption-key:}") String current,
                                        @Value("${weerthuis.privacy.previous-key-encryption-keys:}") String previous) {
        return KeyEncryptionKeys.configured(current, previous);
    }

    @Bean
    PersonalDataKeys personalDataKeys(@Qualifier("eventStoreDataSource") DataSource eventStore,
                                      KeyEncryptionKeys keyEncryptionKeys) {
        return new JdbcPersonalDataKeys(eventStore::getConnection, keyEncryptionKeys, false, Duration.ofSeconds(30),
                Clock.systemUTC());
    }

    @Bean
    PersonalDataCipher personalDataCipher(PersonalDataKeys keys) {
        return new PersonalDataCipher(keys);
    }

    @Bean
    @Primary
    Serializer serializer(ObjectMapper web, PersonalDataCipher cipher) {
        return SealingSerializers.jackson(web, cipher);
    }

    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer(ObjectMapper web, PersonalDataCipher cipher) {
        return SealingSerializers.jackson(web, cipher);
    }

    @Bean
    @Qualifier("messageSerializer")
    Serializer messageSerializer(ObjectMapper web, PersonalDataCipher cipher) {
        return SealingSerializers.jackson(web, cipher);
    }
}
