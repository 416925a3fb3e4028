package nl.weerthuis.kernel.privacy;

import java.util.Map;

/**
 * The text fields of messages that hold no personal data, each with the reason. A text field of a command or event
 * is either marked {@link PersonalData} / {@link DataSubject} or listed here: a new field cannot slip in unclassified
 * (checked by a test), because crypto-shredding can only erase what it knows to be personal.
 */
public final class NonPersonalFields {

    public static final Map<String, String> BY_NAME = Map.ofEntries(
            Map.entry("tenancyId", "random id of a tenancy"),
            Map.entry("indicationId", "random id of an indication"),
            Map.entry("agreementId", "random id of an agreement"),
            Map.entry("signalId", "random or derived id of a signal"),
            Map.entry("region", "a region of municipalities"),
            Map.entry("municipality", "a municipality"),
            Map.entry("neighbourhood", "a neighbourhood (many households)"),
            Map.entry("facility", "a care facility, shared by many clients"),
            Map.entry("careProvider", "an organisation id"),
            Map.entry("provider", "an organisation id"),
            Map.entry("landlord", "an organisation id"),
            Map.entry("corporation", "an organisation id"),
            Map.entry("organisation", "an organisation id"),
            Map.entry("organisationId", "an organisation id (OIN or KvK number)"),
            Map.entry("receivingOrganisation", "an organisation id"),
            Map.entry("sourceOrganisation", "an organisation id or a system source"),
            Map.entry("purpose", "a processing purpose from the register"),
            Map.entry("name", "the name of a regional agreement, not of a person"));

    private NonPersonalFields() {
    }
}
