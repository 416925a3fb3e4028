package nl.weerthuis.kernel.privacy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;

import java.util.Base64;

/** What both applications need to store and read messages with personal data sealed. */
public final class SealingSerializers {

    private SealingSerializers() {
    }

    /**
     * Axon's Jackson serializer on a copy of the web mapper (same settings) with {@link PersonalDataModule}: the web
     * mapper itself stays plain, since an API answer is for a reader who may see it.
     */
    public static Serializer jackson(ObjectMapper web, PersonalDataCipher cipher) {
        return JacksonSerializer.builder().objectMapper(web.copy().registerModule(new PersonalDataModule(cipher))).build();
    }

    /** As {@link #jackson}, but reading leaves sealed texts sealed ({@link PersonalDataModule#leavingSealed}). */
    public static Serializer jacksonLeavingSealed(ObjectMapper web, PersonalDataCipher cipher) {
        return JacksonSerializer.builder().objectMapper(web.copy().registerModule(PersonalDataModule.leavingSealed(cipher)))
                .build();
    }

    /** The installation's key-encryption key: base64 of 32 random bytes, the same for both applications. */
    public static byte[] keyEncryptionKey(String base64) {
        byte[] key = base64 == null || base64.isBlank() ? new byte[0] : Base64.getDecoder().decode(base64.trim());
        if (key.length != 32) {
            throw new IllegalStateException("weerthuis.privacy.key-encryption-key (env WEERTHUIS_PRIVACY_KEYENCRYPTIONKEY) "
                    + "must be the base64 of 32 random bytes, the same for both applications; without it no personal "
                    + "data can be stored or read");
        }
        return key;
    }
}
