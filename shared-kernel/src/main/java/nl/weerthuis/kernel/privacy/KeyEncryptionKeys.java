package nl.weerthuis.kernel.privacy;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The installation's key-encryption keys: the current one, which wraps every new data key, and the previous ones
 * of a rotation, still accepted for reading until every data key is re-wrapped under the current one. Each key is
 * known by an id derived from it (a keyed hash, which reveals nothing of the key), recorded with what it wrapped.
 */
public final class KeyEncryptionKeys {

    private final String currentId;
    private final Map<String, byte[]> byId = new LinkedHashMap<>();

    public KeyEncryptionKeys(byte[] current, List<byte[]> previous) {
        this.currentId = add(current);
        previous.forEach(this::add);
    }

    public static KeyEncryptionKeys of(byte[] current) {
        return new KeyEncryptionKeys(current, List.of());
    }

    /**
     * From configuration: {@code weerthuis.privacy.key-encryption-key} (base64 of 32 bytes) and, during a rotation,
     * {@code weerthuis.privacy.previous-key-encryption-keys} (the same, comma-separated).
     */
    public static KeyEncryptionKeys configured(String current, String previous) {
        List<byte[]> older = new ArrayList<>();
        if (previous != null) {
            for (String key : previous.split(",")) {
                if (!key.isBlank()) {
                    older.add(SealingSerializers.keyEncryptionKey(key));
                }
            }
        }
        return new KeyEncryptionKeys(SealingSerializers.keyEncryptionKey(current), older);
    }

    public String currentId() {
        return currentId;
    }

    public byte[] current() {
        return byId.get(currentId).clone();
    }

    public Optional<byte[]> byId(String id) {
        return Optional.ofNullable(byId.get(id)).map(byte[]::clone);
    }

    /** Every key, the current one first: for what was wrapped before keys were recorded with an id. */
    public List<byte[]> all() {
        return byId.values().stream().map(byte[]::clone).toList();
    }

    public static String idOf(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal("weerthuis key-encryption key id".getBytes(StandardCharsets.UTF_8)))
                    .substring(0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private String add(byte[] key) {
        if (key == null || key.length != 32) {
            throw new IllegalArgumentException("a key-encryption key must be 32 bytes (AES-256)");
        }
        String id = idOf(key);
        byId.putIfAbsent(id, key.clone());
        return id;
    }
}
