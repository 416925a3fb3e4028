package nl.weerthuis.kernel.careindication;

import nl.weerthuis.kernel.BusinessDated;

import java.time.LocalDate;
import nl.weerthuis.kernel.privacy.DataSubject;
import nl.weerthuis.kernel.privacy.PersonalData;

/** The hours of support changed. */
public record IndicationScaledEvent(
        String indicationId,
        @DataSubject String clientId,
        ScaleDirection direction,
        double previousHoursPerWeek,
        double hoursPerWeek,
        LocalDate scaledOn,
        @PersonalData String grounds) implements BusinessDated {
    @Override
    public LocalDate businessDate() {
        return scaledOn;
    }
}
