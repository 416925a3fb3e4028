package nl.weerthuis.kernel.agreement;

import java.time.LocalDate;

/** A new version of the regional rules holds from {@code effectiveFrom}. */
public record PolicyAmendedEvent(
        String agreementId,
        String region,
        int version,
        LocalDate effectiveFrom,
        AgreementPolicy policy,
        String grounds) {
}
