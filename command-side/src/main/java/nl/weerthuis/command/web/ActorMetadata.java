package nl.weerthuis.command.web;

import nl.weerthuis.kernel.identity.MetadataKeys;
import org.axonframework.messaging.MetaData;
import nl.weerthuis.kernel.identity.Actor;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.stream.Collectors;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Who acted (the request's {@link Actor}, from its validated token), plus the W3C trace context of the request. Commands carry it and
 * Axon copies it onto every event they cause (see {@link MessageCorrelation}).
 */
public final class ActorMetadata {

    private static final Pattern TRACE_PARENT = Pattern.compile("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private ActorMetadata() {
    }

    public static MetaData of(Actor actor) {
        return MetaData.from(Map.of(
                MetadataKeys.ACTOR_ORGANISATION, actor.organisation(),
                MetadataKeys.ACTOR_ORGANISATION_TYPE, actor.organisationType().name(),
                MetadataKeys.ACTOR_PERSON, actor.person(),
                MetadataKeys.ACTOR_ROLES, actor.roles().stream().map(Enum::name).sorted().collect(Collectors.joining(",")),
                MetadataKeys.TRACE_PARENT, traceParent()));
    }

    /** The caller's {@code traceparent} when it is well formed, otherwise the start of a new trace. */
    static String traceParent() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            String given = attributes.getRequest().getHeader("traceparent");
            if (given != null && TRACE_PARENT.matcher(given).matches()) {
                return given;
            }
        }
        return "00-" + randomHex(16) + "-" + randomHex(8) + "-01";
    }

    private static String randomHex(int bytes) {
        byte[] buffer = new byte[bytes];
        RANDOM.nextBytes(buffer);
        return HexFormat.of().formatHex(buffer);
    }
}
