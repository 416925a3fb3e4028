package nl.weerthuis.kernel.privacy;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.ContextualSerializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.ser.std.StringSerializer;

import java.io.IOException;

/**
 * Jackson module for the mapper that stores messages (events, snapshots, sagas, deadlines): every text marked
 * {@link PersonalData} is sealed with the key of the data subject of the object holding it, or of the nearest
 * object around it that names one (a dwelling's address inside an offer, a tenancy snapshot). A personal text
 * whose owner names no subject is refused, never stored plain. Reading opens it again, or gives the erased
 * placeholder. Not for the web mapper: an API answer is plaintext for a reader who may see it.
 */
public class PersonalDataModule extends SimpleModule {

    public PersonalDataModule(PersonalDataCipher cipher) {
        this(cipher, true);
    }

    private PersonalDataModule(PersonalDataCipher cipher, boolean opening) {
        super("weerthuis-personal-data");
        addSerializer(String.class, new SealingSerializer(cipher, false));
        if (opening) {
            addDeserializer(String.class, new OpeningDeserializer(cipher, false));
        }
    }

    /**
     * For a reader that uses no personal text (the outflow monitor counts, it reads no names): reading leaves every
     * sealed text sealed, so it needs no client's key and decrypts nothing. Writing still seals.
     */
    public static PersonalDataModule leavingSealed(PersonalDataCipher cipher) {
        return new PersonalDataModule(cipher, false);
    }

    private static final class SealingSerializer extends StdSerializer<String> implements ContextualSerializer {

        private final PersonalDataCipher cipher;
        private final boolean personal;

        SealingSerializer(PersonalDataCipher cipher, boolean personal) {
            super(String.class);
            this.cipher = cipher;
            this.personal = personal;
        }

        @Override
        public JsonSerializer<?> createContextual(SerializerProvider provider, BeanProperty property) {
            return isPersonal(property) ? new SealingSerializer(cipher, true) : new StringSerializer();
        }

        @Override
        public void serialize(String value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            if (!personal || PersonalDataCipher.isSealed(value) || PersonalDataCipher.ERASED.equals(value)) {
                generator.writeString(value);
                return;
            }
            generator.writeString(cipher.seal(subjectAround(generator), value));
        }

        private static String subjectAround(JsonGenerator generator) {
            for (JsonStreamContext context = generator.getOutputContext(); context != null; context = context.getParent()) {
                String subject = DataSubjects.of(context.getCurrentValue());
                if (subject != null) {
                    return subject;
                }
            }
            Object owner = generator.getOutputContext().getCurrentValue();
            throw new IllegalStateException("personal data in " + (owner == null ? "a message" : owner.getClass().getName())
                    + " without a @DataSubject to encrypt it for");
        }
    }

    private static final class OpeningDeserializer extends StdScalarDeserializer<String> implements ContextualDeserializer {

        private final PersonalDataCipher cipher;
        private final boolean personal;

        OpeningDeserializer(PersonalDataCipher cipher, boolean personal) {
            super(String.class);
            this.cipher = cipher;
            this.personal = personal;
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) {
            return isPersonal(property) ? new OpeningDeserializer(cipher, true) : StringDeserializer.instance;
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = StringDeserializer.instance.deserialize(parser, context);
            return personal ? cipher.open(value) : value;
        }
    }

    private static boolean isPersonal(BeanProperty property) {
        return property != null && property.getAnnotation(PersonalData.class) != null;
    }
}
