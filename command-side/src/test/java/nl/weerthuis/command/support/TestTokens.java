package nl.weerthuis.command.support;

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
        try {
            JWTClaimsSet claims = new JWTClaimsSet.Builder()
                    .issuer("weerthuis-embedded")
                    .subject(subject)
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
