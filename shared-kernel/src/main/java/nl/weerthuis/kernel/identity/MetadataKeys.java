package nl.weerthuis.kernel.identity;

import java.util.List;

/**
 * Keys under which every command and event carries who acted and why. Events inherit them from the command
 * that caused them, so an auditor can answer "who decided" from the event store alone.
 */
public final class MetadataKeys {

    public static final String ACTOR_ORGANISATION = "actorOrganisation";
    public static final String ACTOR_ORGANISATION_TYPE = "actorOrganisationType";
    public static final String ACTOR_PERSON = "actorPerson";
    public static final String ACTOR_ROLES = "actorRoles";
    public static final String TRACE_PARENT = "traceparent";
    /**
     * Set by the command bus on a command the journey process sends in reaction to an event (and stripped from any
     * other), so a rule about who decides can tell a reaction from a request. Not propagated to events.
     */
    public static final String SENT_BY_THE_JOURNEY = "sentByTheJourney";
    /**
     * On every event: the pseudonymous id of the client whose data it holds (see DataSubjects), so a reader can
     * order a client's events without decoding (and decrypting) the payload.
     */
    public static final String DATA_SUBJECT = "dataSubject";

    /** The keys copied from a command onto every event it causes. */
    public static final List<String> PROPAGATED = List.of(
            ACTOR_ORGANISATION, ACTOR_ORGANISATION_TYPE, ACTOR_PERSON, ACTOR_ROLES, TRACE_PARENT);

    private MetadataKeys() {
    }
}
