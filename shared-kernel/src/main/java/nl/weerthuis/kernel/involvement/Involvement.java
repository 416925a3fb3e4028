package nl.weerthuis.kernel.involvement;

import nl.weerthuis.kernel.identity.OrganisationType;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One organisation's part in one client's journey: on which basis (and which tenancy, indication or request it
 * rests on: {@code reference}), from which business date, and until when — {@code until} and {@code endRecordedAt}
 * are null while it lasts. {@code type} is null only for procesregie recorded before its type was asked for.
 */
public record Involvement(String organisation, OrganisationType type, InvolvementBasis basis, String reference,
                          LocalDate from, LocalDate until, Instant endRecordedAt) {

    public boolean active() {
        return endRecordedAt == null;
    }

    Involvement endedOn(LocalDate on, Instant recordedAt) {
        return new Involvement(organisation, type, basis, reference, from, on, recordedAt);
    }
}
