package nl.weerthuis.kernel.agreement;

import java.time.LocalDate;

/** The version of a region's agreement that held on a date; version 0 is the national default. */
public record PolicyInForce(String agreementId, int version, LocalDate effectiveFrom, AgreementPolicy policy) {

    public static PolicyInForce nationalDefault() {
        return new PolicyInForce("national-default", 0, LocalDate.of(2000, 1, 1), AgreementPolicy.NATIONAL_DEFAULT);
    }
}
