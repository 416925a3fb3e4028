package nl.weerthuis.kernel.agreement;

import nl.weerthuis.kernel.BusinessDated;

import java.time.LocalDate;

/** A regional agreement was adopted; its rules are version 1. */
public record AgreementAdoptedEvent(
        String agreementId,
        String region,
        String name,
        int version,
        LocalDate effectiveFrom,
        AgreementPolicy policy) implements BusinessDated {
    /** The day this first version takes effect. */
    @Override
    public LocalDate businessDate() {
        return effectiveFrom;
    }
}
