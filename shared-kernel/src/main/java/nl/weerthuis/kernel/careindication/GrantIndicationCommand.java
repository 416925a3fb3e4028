package nl.weerthuis.kernel.careindication;

import java.time.LocalDate;
import nl.weerthuis.kernel.privacy.DataSubject;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The municipality grants a care indication (Wmo beschikking). */
public record GrantIndicationCommand(
        @TargetAggregateIdentifier String indicationId,
        @DataSubject String clientId,
        IndicationType type,
        double hoursPerWeek,
        String provider,
        String region,
        LocalDate validFrom,
        LocalDate validUntil) {
}
