package nl.weerthuis.testsupport;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

/**
 * Signs bearer tokens as the test installation's issuer does: RS256 with the test signing key (a key made for the
 * tests only, in this module's resources), issuer {@link #ISSUER}. The test applications trust exactly that key and
 * issuer ({@code application-test.yml}, {@link CommandSideProcess}); the test {@link IdentityProviderProcess} signs
 * with the same key, so its tokens and these are interchangeable.
 */
public final class TestTokens {

    /** The test installation's key-encryption key, as in application-test.yml. */
    public static final String KEY_ENCRYPTION_KEY = CommandSideProcess.KEY_ENCRYPTION_KEY;
    public static final String MUNICIPALITY = "00000001001234567000";
    public static final String CORPORATION = "12345678";
    public static final String CARE_PROVIDER = "87654321";
    /** The port the test identity provider listens on when a test starts it: reserved once per test JVM. */
    public static final int ISSUER_PORT = freePort();
    /** The issuer every test token names; the test identity provider's own address. */
    public static final String ISSUER = "http://127.0.0.1:" + ISSUER_PORT;
    /** The key id the test key signs under (the identity provider publishes it under the same id). */
    public static final String KEY_ID = "weerthuis-test";

    static final String PRIVATE_KEY_RESOURCE = "test-token-signing-key.pem";
    static final String PUBLIC_KEY_RESOURCE = "test-token-signing-key.pub.pem";
    private static final PrivateKey KEY = privateKey(pem(PRIVATE_KEY_RESOURCE));

    private TestTokens() {
    }

    public static String token(String org, String orgType, String... roles) {
        return tokenFor("person-" + orgType.toLowerCase(), org, orgType, roles);
    }

    /** A token for a named person: the events they cause carry that name as their actor. */
    public static String tokenFor(String subject, String org, String orgType, String... roles) {
        return sign(new JWTClaimsSet.Builder().subject(subject), org, orgType, roles);
    }

    /** A client's own token: a person, role CLIENT, bound to their client id. */
    public static String clientToken(String clientId) {
        return sign(new JWTClaimsSet.Builder().subject("person-municipality").claim("client_id", clientId),
                MUNICIPALITY, "MUNICIPALITY", "CLIENT");
    }

    public static String municipalCaseworker() {
        return token(MUNICIPALITY, "MUNICIPALITY", "CASEWORKER");
    }

    /** Any claims, signed with the test key: for tests of what the applications refuse in a well-signed token. */
    public static String sign(JWTClaimsSet claims) {
        return sign(claims, KEY);
    }

    /** The claims signed with a key nobody trusts (made now, kept nowhere): a forgery. */
    public static String signWithAnotherKey(JWTClaimsSet claims) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return sign(claims, generator.generateKeyPair().getPrivate());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public half of the test key as a PEM file (for an application started as a process). */
    public static Path publicKeyFile() {
        return copy(PUBLIC_KEY_RESOURCE, "test-token-signing-key", ".pub.pem");
    }

    /** The private test key as a PEM file (for the test identity provider, which signs with it). */
    static Path privateKeyFile() {
        return copy(PRIVATE_KEY_RESOURCE, "test-token-signing-key", ".pem");
    }

    private static String sign(JWTClaimsSet.Builder builder, String org, String orgType, String... roles) {
        return sign(builder
                .issuer(ISSUER)
                .claim("org", org)
                .claim("org_type", orgType)
                .claim("roles", List.of(roles))
                .issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(600)))
                .build());
    }

    private static String sign(JWTClaimsSet claims, PrivateKey key) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KEY_ID)
                    .type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static String pem(String resource) {
        try (InputStream in = TestTokens.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("test key " + resource + " is missing from test-support");
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PrivateKey privateKey(String pem) {
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the test signing key does not parse", e);
        }
    }

    private static Path copy(String resource, String prefix, String suffix) {
        try {
            Path file = Files.createTempFile(prefix, suffix);
            file.toFile().deleteOnExit();
            Files.writeString(file, pem(resource), StandardCharsets.US_ASCII);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
