package nl.weerthuis.kernel.client;

import nl.weerthuis.kernel.BusinessDated;

import java.time.LocalDate;
import nl.weerthuis.kernel.privacy.DataSubject;

/** The checklist of arrangements (budget management, debt help, ...) changed. */
public record ArrangementChecklistUpdatedEvent(
        @DataSubject String clientId,
        ArrangementChecklist checklist,
        LocalDate updatedOn) implements BusinessDated {
    @Override
    public LocalDate businessDate() {
        return updatedOn;
    }
}
