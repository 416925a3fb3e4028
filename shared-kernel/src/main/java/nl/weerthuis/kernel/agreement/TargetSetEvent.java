package nl.weerthuis.kernel.agreement;

import java.time.LocalDate;

/** The outflow target (ambitie) of the region was set. */
public record TargetSetEvent(
        String agreementId,
        String region,
        int outflows,
        LocalDate targetDate) {
}
