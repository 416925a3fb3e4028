package nl.weerthuis.kernel.client;

import java.time.LocalDate;
import nl.weerthuis.kernel.privacy.DataSubject;
import nl.weerthuis.kernel.privacy.PersonalData;

/** The client returned to care (terugval, terugkeergarantie). */
public record ClientReturnedToCareEvent(
        @DataSubject String clientId,
        String tenancyId,
        CareSetting setting,
        LocalDate returnedOn,
        @PersonalData String grounds) {
}
