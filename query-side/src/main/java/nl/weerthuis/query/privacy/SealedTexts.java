package nl.weerthuis.query.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import nl.weerthuis.kernel.privacy.PersonalDataCipher;
import org.springframework.stereotype.Component;

import java.util.Iterator;
import java.util.Map;

/** Opens the sealed personal texts inside a stored event's JSON, for readers that work on the raw payload. */
@Component
public class SealedTexts {

    private final PersonalDataCipher cipher;

    SealedTexts(PersonalDataCipher cipher) {
        this.cipher = cipher;
    }

    public JsonNode open(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode value = field.getValue();
                if (value.isTextual() && PersonalDataCipher.isSealed(value.asText())) {
                    field.setValue(TextNode.valueOf(cipher.open(value.asText())));
                } else {
                    open(value);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode value = array.get(i);
                if (value.isTextual() && PersonalDataCipher.isSealed(value.asText())) {
                    array.set(i, TextNode.valueOf(cipher.open(value.asText())));
                } else {
                    open(value);
                }
            }
        }
        return node;
    }

    /** Seals a personal text for a read model, or null where the client's key is gone. */
    public String sealForReadModel(String clientId, String plaintext) {
        return cipher.sealIfKept(clientId, plaintext);
    }

    /** The plaintext of a read model's sealed text; the erased placeholder once the key is gone. */
    public String openFromReadModel(String stored) {
        return stored == null ? null : cipher.open(stored);
    }

    public void forgetKeyOf(String clientId) {
        cipher.keys().forget(clientId);
    }
}
