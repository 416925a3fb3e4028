package nl.weerthuis.query.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import nl.weerthuis.kernel.privacy.PersonalDataCipher;
import org.springframework.stereotype.Component;


/** Opens the sealed personal texts inside a stored event's JSON, for readers that work on the raw payload. */
@Component
public class SealedTexts {

    private final PersonalDataCipher cipher;

    SealedTexts(PersonalDataCipher cipher) {
        this.cipher = cipher;
    }

    public JsonNode open(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.fields().forEachRemaining(field -> field.setValue(opened(field.getValue())));
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, opened(array.get(i)));
            }
        }
        return node;
    }

    private JsonNode opened(JsonNode value) {
        return value.isTextual() && PersonalDataCipher.isSealed(value.asText())
                ? TextNode.valueOf(cipher.open(value.asText())) : open(value);
    }

    /** Seals a personal text for a read model, or null where the client's key is gone. */
    public String sealForReadModel(String clientId, String plaintext) {
        return cipher.sealIfKept(clientId, plaintext);
    }

    /**
     * What {@link #sealForReadModel} would store, from a text read as the event holds it (left sealed, see
     * SealedTextEvents), without opening it: a text sealed for this client is kept as it came (same key, same
     * format, so forgetting the key erases it just the same), and null where the client's key is gone. Anything else
     * (a plain text, one sealed for another subject) is opened and sealed again as before.
     */
    public String keepForReadModel(String clientId, String asStored) {
        if (asStored == null || PersonalDataCipher.ERASED.equals(asStored)) {
            return null;
        }
        if (PersonalDataCipher.isSealedFor(clientId, asStored)) {
            return cipher.keys().forReading(clientId).isPresent() ? asStored : null;
        }
        return sealForReadModel(clientId, cipher.open(asStored));
    }

    /** The plaintext of a read model's sealed text; the erased placeholder once the key is gone. */
    public String openFromReadModel(String stored) {
        return stored == null ? null : cipher.open(stored);
    }

    public void forgetKeyOf(String clientId) {
        cipher.keys().forget(clientId);
    }
}
