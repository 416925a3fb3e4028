package nl.weerthuis.kernel.agreement;

import nl.weerthuis.kernel.BusinessDated;

import java.time.LocalDate;

/** The outflow target (ambitie) of the region was set. */
public record TargetSetEvent(
        String agreementId,
        String region,
        int outflows,
        LocalDate targetDate) implements BusinessDated {
    /** The day the target is set for. */
    @Override
    public LocalDate businessDate() {
        return targetDate;
    }
}
