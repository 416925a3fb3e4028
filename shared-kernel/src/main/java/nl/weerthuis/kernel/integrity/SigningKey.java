package nl.weerthuis.kernel.integrity;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.NamedParameterSpec;
import java.util.Base64;

/**
 * The Ed25519 key that signs checkpoints. It is configured (base64 of a 32-byte seed, like the key-encryption key)
 * and never stored in the database, so someone who can rewrite the database cannot sign a checkpoint that agrees
 * with the rewrite. Its public half is published; checkpoints name it by {@link PublicKeys#idOf key id}.
 */
public final class SigningKey {

    private final KeyPair pair;
    private final String id;

    private SigningKey(KeyPair pair) {
        this.pair = pair;
        this.id = PublicKeys.idOf(pair.getPublic());
    }

    /** The key pair an Ed25519 seed stands for (RFC 8032: the private key is the seed). */
    public static SigningKey fromSeed(String base64Seed) {
        byte[] seed = base64Seed == null || base64Seed.isBlank() ? new byte[0] : Base64.getDecoder().decode(base64Seed.trim());
        if (seed.length != 32) {
            throw new IllegalArgumentException("a checkpoint signing key is the base64 of 32 random bytes");
        }
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            // The JDK's generator takes the seed from its random source; handing it ours yields that seed's key pair.
            generator.initialize(NamedParameterSpec.ED25519, new SeedSource(seed));
            return new SigningKey(generator.generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is part of every JDK since 15", e);
        }
    }

    public String id() {
        return id;
    }

    /** The public key, X.509 encoded, base64: what an operator publishes and a verifier trusts. */
    public String publicKey() {
        return Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());
    }

    public String sign(byte[] statement) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(pair.getPrivate());
            signature.update(statement);
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not sign a checkpoint", e);
        }
    }

    private static final class SeedSource extends SecureRandom {
        private final byte[] seed;

        SeedSource(byte[] seed) {
            this.seed = seed.clone();
        }

        @Override
        public void nextBytes(byte[] bytes) {
            if (bytes.length != seed.length) {
                throw new IllegalStateException("unexpected request for " + bytes.length + " random bytes");
            }
            System.arraycopy(seed, 0, bytes, 0, bytes.length);
        }
    }
}
