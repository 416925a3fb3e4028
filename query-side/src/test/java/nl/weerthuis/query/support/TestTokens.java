package nl.weerthuis.query.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.time.Instant;
import java.util.Date;
import java.util.List;

/** Signs bearer tokens the way the launcher's {@code token} command does, with the test secret. */
public final class TestTokens {

    public static final String SECRET = "test-secret-that-is-at-least-256-bits-long-for-hs256";
    /** The test installation's key-encryption key, as in application-test.yml. */
    public static final String KEY_ENCRYPTION_KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";
    public static final String MUNICIPALITY = "00000001001234567000";
    public static final String CORPORATION = "12345678";
    public static final String CARE_PROVIDER = "87654321";

    private TestTokens() {
    }

    /** A client's own token: a person, role CLIENT, bound to their client id. */
    public static String clientToken(String clientId) {
        return sign(new JWTClaimsSet.Builder().claim("client_id", clientId), "00000001001234567000", "MUNICIPALITY", "CLIENT");
    }

    public static String token(String org, String orgType, String... roles) {
        return sign(new JWTClaimsSet.Builder(), org, orgType, roles);
    }

    private static String sign(JWTClaimsSet.Builder builder, String org, String orgType, String... roles) {
        try {
            JWTClaimsSet claims = builder
                    .issuer("weerthuis-embedded")
                    .subject("person-" + orgType.toLowerCase())
                    .claim("org", org)
                    .claim("org_type", orgType)
                    .claim("roles", List.of(roles))
                    .issueTime(new Date())
                    .expirationTime(Date.from(Instant.now().plusSeconds(600)))
                    .build();
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            jwt.sign(new MACSigner(SECRET));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String municipalCaseworker() {
        return token(MUNICIPALITY, "MUNICIPALITY", "CASEWORKER");
    }
}
