package nl.weerthuis.kernel.tenancy;

import java.time.LocalDate;
import nl.weerthuis.kernel.privacy.DataSubject;
import nl.weerthuis.kernel.privacy.PersonalData;

/** The offer was refused, with grounds. */
public record OfferRefusedEvent(
        String tenancyId,
        @DataSubject String clientId,
        LocalDate refusedOn,
        @PersonalData String grounds) {
}
