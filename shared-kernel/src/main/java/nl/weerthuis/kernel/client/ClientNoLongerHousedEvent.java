package nl.weerthuis.kernel.client;

import nl.weerthuis.kernel.BusinessDated;

import java.time.LocalDate;
import nl.weerthuis.kernel.privacy.DataSubject;
import nl.weerthuis.kernel.tenancy.TenancyEndReason;

/**
 * The client no longer lives in the dwelling of their outflow: the tenancy ended because they moved, were evicted
 * or died. From then on they are not counted as housed and no monitoring review falls due. (A return to care says
 * so itself, with {@link ClientReturnedToCareEvent}.)
 */
public record ClientNoLongerHousedEvent(
        @DataSubject String clientId,
        String tenancyId,
        TenancyEndReason reason,
        LocalDate endedOn) implements BusinessDated {
    /** The day the tenancy ended. */
    @Override
    public LocalDate businessDate() {
        return endedOn;
    }
}
