package nl.weerthuis.kernel.agreement;

import java.time.LocalDate;

/** A regional agreement was adopted; its rules are version 1. */
public record AgreementAdoptedEvent(
        String agreementId,
        String region,
        String name,
        int version,
        LocalDate effectiveFrom,
        AgreementPolicy policy) {
}
