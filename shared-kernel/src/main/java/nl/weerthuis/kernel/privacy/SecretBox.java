package nl.weerthuis.kernel.privacy;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * Installation secrets that are not a client's: a key for one purpose, derived from the key-encryption key
 * (HMAC-SHA256 of the purpose), to seal a stored credential (AES-GCM) or to hash a value so that the hash says
 * nothing without the key (a BSN has only a billion values; an unkeyed hash of it is no secret). During a rotation
 * of the key-encryption key it seals and hashes under the current key and still opens and recognises what the
 * previous ones made.
 */
public final class SecretBox {

    private static final String PREFIX = "sb1:";

    private final List<SecretKey> keys;
    private final byte[] purpose;

    public SecretBox(byte[] keyEncryptionKey, String purpose) {
        this(KeyEncryptionKeys.of(keyEncryptionKey), purpose);
    }

    public SecretBox(KeyEncryptionKeys keyEncryptionKeys, String purpose) {
        this.purpose = purpose.getBytes(StandardCharsets.UTF_8);
        this.keys = keyEncryptionKeys.all().stream()
                .map(kek -> (SecretKey) new SecretKeySpec(hmac(new SecretKeySpec(kek, "HmacSHA256"), this.purpose), "AES"))
                .toList();
    }

    public String seal(String plaintext) {
        if (plaintext == null) {
            return null;
        }
        try {
            return PREFIX + Base64.getEncoder().encodeToString(AesGcm.encrypt(keys.get(0),
                    plaintext.getBytes(StandardCharsets.UTF_8), purpose));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String open(String sealed) {
        if (sealed == null || !sealed.startsWith(PREFIX)) {
            return sealed;
        }
        for (SecretKey key : keys) {
            try {
                return new String(AesGcm.decrypt(key, Base64.getDecoder().decode(sealed.substring(PREFIX.length())),
                        purpose), StandardCharsets.UTF_8);
            } catch (GeneralSecurityException wrongKey) {
                // a previous key's, perhaps
            }
        }
        throw new IllegalStateException("a sealed secret does not open with this installation's key");
    }

    public static boolean isSealed(String value) {
        return value != null && value.startsWith(PREFIX);
    }

    /** Whether this was sealed under the current key; otherwise it should be sealed again before the old key goes. */
    public boolean isCurrent(String sealed) {
        try {
            AesGcm.decrypt(keys.get(0), Base64.getDecoder().decode(sealed.substring(PREFIX.length())), purpose);
            return true;
        } catch (GeneralSecurityException | RuntimeException notUnderTheCurrentKey) {
            return false;
        }
    }

    /** A keyed hash, hex: equal inputs give equal hashes, and without the key the hash reveals nothing. */
    public String hash(String value) {
        return hash(keys.get(0), value);
    }

    /** The value's hash under every configured key, the current one first: to recognise one made before a rotation. */
    public List<String> hashes(String value) {
        return keys.stream().map(key -> hash(key, value)).toList();
    }

    private static String hash(SecretKey key, String value) {
        return HexFormat.of().formatHex(hmac(new SecretKeySpec(key.getEncoded(), "HmacSHA256"),
                value.getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] hmac(SecretKey key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
