package nl.weerthuis.kernel.privacy;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Installation secrets that are not a client's: a key for one purpose, derived from the key-encryption key
 * (HMAC-SHA256 of the purpose), to seal a stored credential (AES-GCM) or to hash a value so that the hash says
 * nothing without the key (a BSN has only a billion values; an unkeyed hash of it is no secret).
 */
public final class SecretBox {

    private static final String PREFIX = "sb1:";

    private final SecretKey key;
    private final byte[] purpose;

    public SecretBox(byte[] keyEncryptionKey, String purpose) {
        this.purpose = purpose.getBytes(StandardCharsets.UTF_8);
        this.key = new SecretKeySpec(hmac(new SecretKeySpec(keyEncryptionKey, "HmacSHA256"), this.purpose), "AES");
    }

    public String seal(String plaintext) {
        if (plaintext == null) {
            return null;
        }
        try {
            return PREFIX + Base64.getEncoder().encodeToString(AesGcm.encrypt(key, plaintext.getBytes(StandardCharsets.UTF_8),
                    purpose));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String open(String sealed) {
        if (sealed == null || !sealed.startsWith(PREFIX)) {
            return sealed;
        }
        try {
            return new String(AesGcm.decrypt(key, Base64.getDecoder().decode(sealed.substring(PREFIX.length())), purpose),
                    StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a sealed secret does not open with this installation's key", e);
        }
    }

    /** A keyed hash, hex: equal inputs give equal hashes, and without the key the hash reveals nothing. */
    public String hash(String value) {
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
