package nl.weerthuis.kernel.tenancy;

import nl.weerthuis.kernel.BusinessDated;

import java.time.LocalDate;
import nl.weerthuis.kernel.privacy.DataSubject;

/**
 * The expiry of the flip term recorded earlier no longer holds: a flip inside the term was entered after the
 * deadline had fired (a late fact). The expiry stays on record as what was known then; this event corrects it, so
 * that the stream, read by business date, tells one story.
 */
public record FlipTermExpiryWithdrawnEvent(
        String tenancyId,
        @DataSubject String clientId,
        LocalDate expiredOn,
        LocalDate flippedOn) implements BusinessDated {
    /** The expiry it withdraws, not the flip it follows from. */
    @Override
    public LocalDate businessDate() {
        return expiredOn;
    }
}
