package nl.weerthuis.kernel.tenancy;

import java.time.LocalDate;
import nl.weerthuis.kernel.privacy.DataSubject;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A corporation offers a dwelling to a client with an open outflow trajectory. */
public record OfferDwellingCommand(
        @TargetAggregateIdentifier String tenancyId,
        @DataSubject String clientId,
        String landlord,
        String careProvider,
        LeaseForm leaseForm,
        Dwelling dwelling,
        boolean fromQuota,
        LocalDate offeredOn) {
}
