package nl.weerthuis.kernel.client;

import java.time.LocalDate;
import nl.weerthuis.kernel.privacy.DataSubject;

/** The client left BW or MO for a home of their own: the outflow moment; reviews are scheduled by the agreement version in force. */
public record OutflowRecordedEvent(
        @DataSubject String clientId,
        String tenancyId,
        LocalDate movedInOn,
        String agreementId,
        int agreementVersion,
        int reviewCadenceMonths,
        int reviewPeriodMonths) {
}
