package nl.weerthuis.kernel.careindication;

import java.time.LocalDate;
import nl.weerthuis.kernel.privacy.DataSubject;

/** Low-intensity after-care started with the regional default frequency and duration. */
public record WaakvlamStartedEvent(
        String indicationId,
        @DataSubject String clientId,
        LocalDate startedOn,
        int frequencyWeeks,
        LocalDate until,
        LocalDate firstContactDueOn,
        String agreementId,
        int agreementVersion) {
}
