package nl.weerthuis.command.web;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Optimistic concurrency over HTTP: a client that sends {@code If-Match: "n"} (the version it read, as returned in
 * the {@code ETag}) has its command carry that version; Axon compares it with the aggregate's version under the
 * aggregate's lock, and a stale one ends in a 409. Without the header, commands apply to the latest version.
 */
@Configuration
public class ExpectedVersion {

    public static final String METADATA_KEY = "expectedVersion";
    private static final Pattern ETAG = Pattern.compile("^(?:W/)?\"?(\\d{1,18})\"?$");

    /** The version in an {@code If-Match} header; null when absent; an error when it is not a version. */
    public static Long fromIfMatch(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        Matcher matcher = ETAG.matcher(ifMatch.trim());
        if (!matcher.matches()) {
            throw new InvalidIfMatch();
        }
        return Long.valueOf(matcher.group(1));
    }

    @Bean
    CommandTargetResolver versionFromMetadata() {
        CommandTargetResolver annotations = AnnotationCommandTargetResolver.builder().build();
        return new CommandTargetResolver() {
            @Override
            public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
                VersionedAggregateIdentifier target = annotations.resolveTarget(command);
                Object expected = command.getMetaData().get(METADATA_KEY);
                return expected == null ? target
                        : new VersionedAggregateIdentifier(target.getIdentifierValue(), ((Number) expected).longValue());
            }
        };
    }

    /** An If-Match that is not one of this API's ETags: 400. */
    public static class InvalidIfMatch extends RuntimeException {
        InvalidIfMatch() {
            super("If-Match must be an ETag of this API, like \"3\"");
        }
    }
}
