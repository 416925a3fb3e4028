package nl.weerthuis.kernel.agreement;

import nl.weerthuis.kernel.BusinessDated;
import java.time.LocalDate;

/** The quota (contingent) of a corporation for a year was set. */
public record QuotaSetEvent(
        String agreementId,
        String region,
        String corporation,
        int year,
        int dwellings) implements BusinessDated {
    /** The first day of the year the quota is for. */
    @Override
    public LocalDate businessDate() {
        return LocalDate.of(year, 1, 1);
    }
}
