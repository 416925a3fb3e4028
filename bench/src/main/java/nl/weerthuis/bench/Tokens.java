package nl.weerthuis.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;

/**
 * Bearer tokens as an OIDC issuer signs them (RS256), with a key pair made for this bench run: the applications the
 * bench starts trust its public half ({@link #publicKeyFile()}) and issuer {@link #ISSUER}, and nothing else.
 */
public final class Tokens {

    public static final String MUNICIPALITY = "00000001001234567000";
    public static final String ISSUER = "weerthuis-bench";
    private static final KeyPair KEYS = keyPair();
    private static Path publicKeyFile;

    private Tokens() {
    }

    public static String token(String organisation, String organisationType, String role) {
        long now = Instant.now().getEpochSecond();
        String header = b64("{\"alg\":\"RS256\",\"typ\":\"JWT\"}");
        String claims = b64("""
                {"iss":"%s","sub":"bench-%s","org":"%s","org_type":"%s","roles":["%s"],"iat":%d,"exp":%d}"""
                .formatted(ISSUER, role.toLowerCase(), organisation, organisationType, role, now, now + 7200));
        String input = header + "." + claims;
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(KEYS.getPrivate());
            rsa.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String municipalCaseworker() {
        return token(MUNICIPALITY, "MUNICIPALITY", "CASEWORKER");
    }

    public static String admin() {
        return token(MUNICIPALITY, "MUNICIPALITY", "ADMIN");
    }

    /** The public key as a PEM file, for {@code weerthuis.security.public-key-location}. */
    public static synchronized Path publicKeyFile() {
        if (publicKeyFile == null) {
            try {
                publicKeyFile = Files.createTempFile("weerthuis-bench-token-key", ".pub.pem");
                publicKeyFile.toFile().deleteOnExit();
                Files.writeString(publicKeyFile, "-----BEGIN PUBLIC KEY-----\n"
                        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(KEYS.getPublic().getEncoded())
                        + "\n-----END PUBLIC KEY-----\n", StandardCharsets.US_ASCII);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return publicKeyFile;
    }

    private static KeyPair keyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
