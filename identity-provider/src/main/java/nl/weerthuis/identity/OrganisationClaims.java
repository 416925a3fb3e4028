package nl.weerthuis.identity;

import nl.weerthuis.kernel.identity.OrganisationId;
import nl.weerthuis.kernel.identity.OrganisationType;
import nl.weerthuis.kernel.identity.Role;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Puts the claims the applications read into every token: {@code org}, {@code org_type} and {@code roles} (and for
 * a CLIENT, {@code client_id}: the client whose own data they may see), plus our audience. A person who logs in
 * gets their own; the launcher's client (client credentials) names them in its token request (parameters
 * {@code org}, {@code org_type}, {@code roles}, comma-separated, and optionally {@code subject}, {@code client},
 * {@code ttl} in seconds) — it stands for the operator's scripts, as the shared secret did before, but its tokens
 * are signed by the issuer and checked like anyone's.
 */
final class OrganisationClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");
    private static final Pattern SUBJECT = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

    private final People people;
    private final String audience;

    OrganisationClaims(People people, String audience) {
        this.people = people;
        this.audience = audience;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
        boolean idToken = OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
        if (!accessToken && !idToken) {
            return;
        }
        if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
            if (IdentitySettings.LAUNCHER_CLIENT.equals(context.getRegisteredClient().getClientId())) {
                requested(context, ((OAuth2ClientCredentialsAuthenticationToken) context.getAuthorizationGrant())
                        .getAdditionalParameters());
            }
        } else {
            person(context, context.getPrincipal());
        }
        if (accessToken) {
            context.getClaims().audience(List.of(context.getRegisteredClient().getClientId(), audience));
        }
    }

    private void person(JwtEncodingContext context, Authentication principal) {
        IdentitySettings.Person person = people.person(principal.getName())
                .orElseThrow(() -> refused("the person is no longer known"));
        context.getClaims().claims(claims -> {
            claims.put("org", person.organisation());
            claims.put("org_type", person.organisationType());
            claims.put("roles", List.copyOf(person.roles()));
            claims.put("name", person.name());
            claims.put("org_name", person.organisationName());
        });
    }

    private void requested(JwtEncodingContext context, Map<String, Object> parameters) {
        String org = single(parameters, "org");
        String type = single(parameters, "org_type");
        String roles = single(parameters, "roles");
        if (org == null || !OrganisationId.isValid(org)) {
            throw refused("org must be a KvK number (8 digits) or an OIN (20 digits)");
        }
        if (type == null || Arrays.stream(OrganisationType.values()).noneMatch(t -> t.name().equals(type))) {
            throw refused("org_type must be one of " + Arrays.toString(OrganisationType.values()));
        }
        List<String> roleList = roles == null ? List.of() : Arrays.stream(roles.split(",")).map(String::trim).toList();
        if (roleList.isEmpty() || !roleList.stream().allMatch(r -> Arrays.stream(Role.values()).anyMatch(k -> k.name().equals(r)))) {
            throw refused("roles must be a comma-separated list of " + Arrays.toString(Role.values()));
        }
        String subject = single(parameters, "subject");
        if (subject != null && !SUBJECT.matcher(subject).matches()) {
            throw refused("subject must be 1 to 64 letters, digits, '.', '_', '@' or '-'");
        }
        String client = single(parameters, "client");
        if (client != null && !CLIENT_ID.matcher(client).matches()) {
            throw refused("client must be a client id");
        }
        String ttl = single(parameters, "ttl");
        if (ttl != null) {
            if (!ttl.matches("[0-9]{1,6}") || Integer.parseInt(ttl) < 1) {
                throw refused("ttl must be a number of seconds");
            }
            Instant issued = Instant.now();
            Instant capped = issued.plus(Duration.ofSeconds(Integer.parseInt(ttl)));
            Instant expires = context.getClaims().build().getExpiresAt();
            if (expires == null || capped.isBefore(expires)) {
                context.getClaims().expiresAt(capped);
            }
        }
        context.getClaims().subject(subject != null ? subject : type.toLowerCase().replace('_', '-') + "-user");
        context.getClaims().claims(claims -> {
            claims.put("org", org);
            claims.put("org_type", type);
            claims.put("roles", roleList);
            if (client != null) {
                claims.put("client_id", client);
            }
        });
    }

    private static String single(Map<String, Object> parameters, String name) {
        Object value = parameters.get(name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String text)) {
            throw refused(name + " must be given once");
        }
        return text;
    }

    private static OAuth2AuthenticationException refused(String description) {
        return new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_REQUEST, description, null));
    }
}
