package nl.weerthuis.kernel.client;

import java.time.LocalDate;
import nl.weerthuis.kernel.privacy.DataSubject;

/** The client became a potential outflower (uitstroomtraject started). */
public record OutflowTrajectoryStartedEvent(
        @DataSubject String clientId,
        CareSetting setting,
        String region,
        String municipality,
        LocalDate startedOn) {
}
