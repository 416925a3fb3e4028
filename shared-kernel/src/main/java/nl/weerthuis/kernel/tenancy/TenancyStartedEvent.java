package nl.weerthuis.kernel.tenancy;

import nl.weerthuis.kernel.BusinessDated;

import java.time.LocalDate;
import nl.weerthuis.kernel.privacy.DataSubject;

/** A tenancy started: lease form, landlord, lease holder, care provider, dwelling and region. */
public record TenancyStartedEvent(
        String tenancyId,
        @DataSubject String clientId,
        LeaseForm leaseForm,
        String landlord,
        LeaseHolder leaseHolder,
        String careProvider,
        Dwelling dwelling,
        String region,
        LocalDate startsOn) implements BusinessDated {
    @Override
    public LocalDate businessDate() {
        return startsOn;
    }
}
