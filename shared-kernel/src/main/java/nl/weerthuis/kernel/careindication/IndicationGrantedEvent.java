package nl.weerthuis.kernel.careindication;

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
        LocalDate validUntil) {
}
