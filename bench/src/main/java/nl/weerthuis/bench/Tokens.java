package nl.weerthuis.bench;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;

/** Bearer tokens as the launcher's {@code token} command signs them (HS256 with the installation's secret). */
public final class Tokens {

    public static final String MUNICIPALITY = "00000001001234567000";

    private Tokens() {
    }

    public static String token(String organisation, String organisationType, String role) {
        long now = Instant.now().getEpochSecond();
        String header = b64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
        String claims = b64("""
                {"iss":"weerthuis-embedded","sub":"bench-%s","org":"%s","org_type":"%s","roles":["%s"],"iat":%d,"exp":%d}"""
                .formatted(role.toLowerCase(), organisation, organisationType, role, now, now + 7200));
        String input = header + "." + claims;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(App.JWT_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return input + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(
                    input.getBytes(StandardCharsets.UTF_8)));
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

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
