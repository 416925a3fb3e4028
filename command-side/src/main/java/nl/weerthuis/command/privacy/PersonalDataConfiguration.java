package nl.weerthuis.command.privacy;

import com.fasterxml.jackson.databind.ObjectMapper;
import nl.weerthuis.kernel.privacy.JdbcPersonalDataKeys;
import nl.weerthuis.kernel.privacy.KeyEncryptionKeys;
import nl.weerthuis.kernel.privacy.PersonalDataCipher;
import nl.weerthuis.kernel.privacy.PersonalDataKeys;
import nl.weerthuis.kernel.privacy.SealingSerializers;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import java.time.Clock;
import java.time.Duration;

/**
 * Crypto-shredding on the command side: every serializer Axon stores with (events, snapshots, sagas, deadlines)
 * seals personal data with the client's key; keys are made here, in the transaction of the first events they
 * protect. The web keeps Spring's own mapper: an API answer is never sealed.
 */
@Configuration
class PersonalDataConfiguration {

    /** The current key-encryption key and, during a rotation, the previous ones (still read until re-wrapped). */
    @Bean
    KeyEncryptionKeys keyEncryptionKeys(@Value("${weerthuis.privacy.key-encryption-key:}") String current,
                                        @Value("${weerthuis.privacy.previous-key-encryption-keys:}") String previous) {
        return KeyEncryptionKeys.configured(current, previous);
    }

    @Bean
    JdbcPersonalDataKeys personalDataKeys(ConnectionProvider connections, KeyEncryptionKeys keyEncryptionKeys) {
        return new JdbcPersonalDataKeys(connections, keyEncryptionKeys, true, Duration.ofMinutes(5), Clock.systemUTC());
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
