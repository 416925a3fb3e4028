package nl.weerthuis.kernel.tenancy;

import nl.weerthuis.kernel.BusinessDated;
import nl.weerthuis.kernel.agreement.DecidedUnderAgreement;

import java.time.LocalDate;
import nl.weerthuis.kernel.privacy.DataSubject;
import nl.weerthuis.kernel.privacy.PersonalData;

/** The lease flipped: the client holds an indefinite lease in their own name, in the same dwelling. */
public record ContractFlippedEvent(
        String tenancyId,
        @DataSubject String clientId,
        LocalDate flippedOn,
        LeaseHolder previousLeaseHolder,
        LeaseHolder leaseHolder,
        boolean indefinite,
        String landlord,
        String careProvider,
        String region,
        String agreementId,
        int agreementVersion,
        @PersonalData String grounds) implements BusinessDated, DecidedUnderAgreement {
    @Override
    public LocalDate businessDate() {
        return flippedOn;
    }
}
