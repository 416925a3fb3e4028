package nl.weerthuis.kernel.tenancy;

import java.time.LocalDate;
import nl.weerthuis.kernel.privacy.DataSubject;

/** A party approved the flip. */
public record FlipApprovedEvent(
        String tenancyId,
        @DataSubject String clientId,
        FlipParty party,
        LocalDate approvedOn) {
}
