package nl.weerthuis.query.history;

import nl.weerthuis.kernel.identity.Actor;
import nl.weerthuis.kernel.identity.OrganisationType;
import nl.weerthuis.kernel.identity.Role;
import nl.weerthuis.kernel.involvement.ClientInvolvements;

import java.time.Instant;
import java.util.Optional;

/**
 * Whose history and disclosures a reader may see. The client reads their own. An AUDITOR reads the clients its own
 * organisation is or was involved with — a formerly involved one as things stood when its involvement ended — and
 * minimised for its organisation type. An inspectorate's (SUPERVISOR) auditor may read any client, but must name the
 * processing activity of each read. Everyone else: the client does not exist.
 */
public final class AuditRemit {

    public sealed interface Decision {
    }

    /** Not theirs to read: 404. */
    public record Hidden() implements Decision {
    }

    /** A supervisor that did not name (a registered) processing activity: 400. */
    public record ActivityRequired() implements Decision {
    }

    /**
     * May read, up to {@code until} (null: as asked), for {@code activity}, minimised for {@code readAs} (null: whole).
     */
    public record Allowed(String activity, Instant until, OrganisationType readAs) implements Decision {
    }

    private AuditRemit() {
    }

    /**
     * @param named the processing activity the reader named (header), when it is in the register
     */
    public static Decision of(Actor reader, String clientId, ClientInvolvements involvements, String defaultActivity,
                              Optional<String> named) {
        if (reader.isClient(clientId)) {
            return new Allowed(defaultActivity, null, null);
        }
        if (!reader.hasRole(Role.AUDITOR)) {
            return new Hidden();
        }
        if (reader.organisationType() == OrganisationType.SUPERVISOR) {
            return named.isPresent() ? new Allowed(named.get(), null, null) : new ActivityRequired();
        }
        return switch (involvements.standingOf(reader.organisation())) {
            case NEVER_INVOLVED -> new Hidden();
            case INVOLVED -> new Allowed(defaultActivity, null, reader.organisationType());
            case FORMERLY_INVOLVED -> new Allowed(defaultActivity, involvements.endOf(reader.organisation()).orElseThrow(),
                    reader.organisationType());
        };
    }
}
