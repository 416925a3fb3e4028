package nl.weerthuis.query.partner;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The CloudEvents types partners receive, with the fields of their {@code data}: the documented data schemas.
 * Names follow reverse DNS and the domain's Dutch resource names; a type changes name only on a breaking change.
 * No field carries a name, BSN, address or free text.
 */
public final class PartnerEventTypes {

    public static final String TENANCY_STARTED = "nl.weerthuis.huurovereenkomsten.tenancy-started";
    public static final String MOVED_IN = "nl.weerthuis.huurovereenkomsten.moved-in";
    public static final String FLIP_SCHEDULED = "nl.weerthuis.huurovereenkomsten.flip-scheduled";
    public static final String CONTRACT_FLIPPED = "nl.weerthuis.huurovereenkomsten.contract-flipped";
    public static final String TENANCY_ENDED = "nl.weerthuis.huurovereenkomsten.tenancy-ended";
    public static final String SIGNAL_RAISED = "nl.weerthuis.signalen.signal-raised";
    public static final String SIGNAL_RESOLVED = "nl.weerthuis.signalen.signal-resolved";
    public static final String SUPPORT_STARTED = "nl.weerthuis.zorg.support-started";
    public static final String SUPPORT_ENDED = "nl.weerthuis.zorg.support-ended";
    public static final String PERSONAL_DATA_ERASED = "nl.weerthuis.clienten.personal-data-erased";
    public static final String VERIFICATION = "nl.weerthuis.abonnementen.verification";

    /** Field name → JSON type ("string", "string/date", "integer", "number", "boolean"), per type. */
    static final Map<String, Map<String, String>> FIELDS = new LinkedHashMap<>();

    static {
        FIELDS.put(TENANCY_STARTED, fields("tenancyId", "string", "landlord", "string",
                "landlordName", "string (from the organisation register, when registered)", "careProvider", "string",
                "careProviderName", "string (from the organisation register, when registered)", "leaseForm", "string", "leaseHolder", "string", "startsOn", "string/date"));
        FIELDS.put(MOVED_IN, fields("tenancyId", "string", "movedInOn", "string/date", "municipality", "string"));
        FIELDS.put(FLIP_SCHEDULED, fields("tenancyId", "string", "plannedOn", "string/date"));
        FIELDS.put(CONTRACT_FLIPPED, fields("tenancyId", "string", "flippedOn", "string/date", "leaseHolder", "string",
                "indefinite", "boolean"));
        FIELDS.put(TENANCY_ENDED, fields("tenancyId", "string", "endedOn", "string/date", "reason", "string"));
        FIELDS.put(SIGNAL_RAISED, fields("tenancyId", "string", "signalId", "string", "kind", "string (only for its "
                + "source's organisation type, or the care side)", "severity", "string", "sourceType", "string",
                "raisedOn", "string/date"));
        FIELDS.put(SIGNAL_RESOLVED, fields("tenancyId", "string", "signalId", "string", "resolvedOn", "string/date"));
        FIELDS.put(SUPPORT_STARTED, fields("supportActive", "boolean", "provider", "string",
                "providerName", "string (from the organisation register, when registered)", "validUntil", "string/date",
                "indicationId", "string (care side only)", "type", "string (care side only)",
                "hoursPerWeek", "number (care side only)"));
        FIELDS.put(SUPPORT_ENDED, fields("supportActive", "boolean", "provider", "string",
                "providerName", "string (from the organisation register, when registered)", "endedOn", "string/date",
                "indicationId", "string (care side only)", "reason", "string (care side only)"));
        FIELDS.put(PERSONAL_DATA_ERASED, fields("erasedOn", "string/date", "instruction",
                "string: erase every copy of this subject's personal data"));
        FIELDS.put(VERIFICATION, fields("subscriptionId", "string"));
    }

    private PartnerEventTypes() {
    }

    public static Optional<Map<String, String>> fieldsOf(String type) {
        return Optional.ofNullable(FIELDS.get(type));
    }

    private static Map<String, String> fields(String... pairs) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            fields.put(pairs[i], pairs[i + 1]);
        }
        return fields;
    }
}
