package nl.weerthuis.kernel.tenancy;

import nl.weerthuis.kernel.BusinessDated;

import java.time.LocalDate;
import java.util.List;
import nl.weerthuis.kernel.privacy.DataSubject;
import nl.weerthuis.kernel.privacy.PersonalData;

/** The open high-severity signals were overridden for the flip, with grounds. */
public record SignalBlockOverriddenEvent(
        String tenancyId,
        @DataSubject String clientId,
        List<String> signalIds,
        LocalDate decidedOn,
        @PersonalData String grounds) implements BusinessDated {
    @Override
    public LocalDate businessDate() {
        return decidedOn;
    }
}
