package nl.weerthuis.testsupport;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * Signs bearer tokens the way the launcher's {@code token} command does, with the test installation's secret (the
 * one in every module's {@code application-test.yml}), for every module's tests.
 */
public final class TestTokens {

    public static final String SECRET = CommandSideProcess.JWT_SECRET;
    /** The test installation's key-encryption key, as in application-test.yml. */
    public static final String KEY_ENCRYPTION_KEY = CommandSideProcess.KEY_ENCRYPTION_KEY;
    public static final String MUNICIPALITY = "00000001001234567000";
    public static final String CORPORATION = "12345678";
    public static final String CARE_PROVIDER = "87654321";

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

    private static String sign(JWTClaimsSet.Builder builder, String org, String orgType, String... roles) {
        try {
            JWTClaimsSet claims = builder
                    .issuer("weerthuis-embedded")
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
}
