package nl.weerthuis.kernel.integrity;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The checkpoint public keys a verifier trusts: the current one and every retired one, so that checkpoints signed
 * before a rotation still verify. A key's id is derived from the key itself (SHA-256 of its encoding), so a
 * checkpoint cannot claim a trusted id for another key.
 */
public final class PublicKeys {

    private final Map<String, PublicKey> byId = new LinkedHashMap<>();

    /** Keys as base64 X.509 encodings; in text, one per line, {@code #} starts a comment. */
    public static PublicKeys parse(Collection<String> lines) {
        PublicKeys keys = new PublicKeys();
        for (String line : lines) {
            String text = line.contains("#") ? line.substring(0, line.indexOf('#')) : line;
            for (String key : text.trim().split("[\\s,]+")) {
                if (!key.isEmpty()) {
                    PublicKey publicKey = decode(key);
                    keys.byId.put(idOf(publicKey), publicKey);
                }
            }
        }
        return keys;
    }

    public static String idOf(PublicKey key) {
        return HexFormat.of().formatHex(MerkleTree.sha256().digest(key.getEncoded())).substring(0, 16);
    }

    public boolean isEmpty() {
        return byId.isEmpty();
    }

    public Map<String, String> encoded() {
        Map<String, String> encoded = new LinkedHashMap<>();
        byId.forEach((id, key) -> encoded.put(id, Base64.getEncoder().encodeToString(key.getEncoded())));
        return encoded;
    }

    public Optional<PublicKey> find(String keyId) {
        return Optional.ofNullable(byId.get(keyId));
    }

    /** Whether the key with this id signed exactly this statement; false for an unknown key. */
    public boolean verifies(String keyId, byte[] statement, String base64Signature) {
        PublicKey key = byId.get(keyId);
        if (key == null) {
            return false;
        }
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initVerify(key);
            signature.update(statement);
            return signature.verify(Base64.getDecoder().decode(base64Signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static PublicKey decode(String base64) {
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not an Ed25519 public key (base64 X.509): " + base64, e);
        }
    }
}
