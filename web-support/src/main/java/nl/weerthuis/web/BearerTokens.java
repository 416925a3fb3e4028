package nl.weerthuis.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/**
 * The bearer token of a request, as Spring's default resolver finds it ({@code Authorization: Bearer <b64token>},
 * never a query or form parameter), with the well-formed case checked by a loop instead of its regular expression,
 * which cost a registration as much CPU as the firewall did (see {@link HeaderCharacters}). Anything else — no
 * header, another scheme, a malformed token — goes to Spring's resolver, which answers it as before.
 */
final class BearerTokens implements BearerTokenResolver {

    private static final String SCHEME = "bearer ";
    private final BearerTokenResolver spring = new DefaultBearerTokenResolver();

    @Override
    public String resolve(HttpServletRequest request) {
        String token = wellFormed(request.getHeader(HttpHeaders.AUTHORIZATION));
        return token != null ? token : spring.resolve(request);
    }

    /** The token of {@code Bearer <token>} (scheme in any case, RFC 6750's b64token: {@code [A-Za-z0-9-._~+/]+=*}), else null. */
    static String wellFormed(String header) {
        if (header == null || header.length() <= SCHEME.length()) {
            return null;
        }
        for (int i = 0; i < SCHEME.length(); i++) {
            char c = header.charAt(i);
            if ((c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c) != SCHEME.charAt(i)) {
                return null;
            }
        }
        int i = SCHEME.length();
        while (i < header.length() && tokenCharacter(header.charAt(i))) {
            i++;
        }
        if (i == SCHEME.length()) {
            return null;
        }
        while (i < header.length() && header.charAt(i) == '=') {
            i++;
        }
        return i == header.length() ? header.substring(SCHEME.length()) : null;
    }

    private static boolean tokenCharacter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
    }
}
