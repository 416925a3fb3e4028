package nl.weerthuis.kernel.careindication;

import nl.weerthuis.kernel.BusinessDated;

import java.time.LocalDate;
import nl.weerthuis.kernel.privacy.DataSubject;

/** A care indication was granted: type, hours per week, provider, period. */
public record IndicationGrantedEvent(
        String indicationId,
        @DataSubject String clientId,
        IndicationType type,
        double hoursPerWeek,
        String provider,
        String region,
        LocalDate validFrom,
        LocalDate validUntil) implements BusinessDated {
    /** The indication holds from its first day. */
    @Override
    public LocalDate businessDate() {
        return validFrom;
    }
}
