package nl.weerthuis.kernel.agreement;

import nl.weerthuis.kernel.BusinessDated;

import nl.weerthuis.kernel.privacy.NotPersonal;
import java.time.LocalDate;

/** A new version of the regional rules holds from {@code effectiveFrom}. */
public record PolicyAmendedEvent(
        String agreementId,
        String region,
        int version,
        LocalDate effectiveFrom,
        AgreementPolicy policy,
        @NotPersonal("grounds of a regional policy, about the region and not about a client") String grounds) implements BusinessDated {
    /** The day the new version takes effect. */
    @Override
    public LocalDate businessDate() {
        return effectiveFrom;
    }
}
