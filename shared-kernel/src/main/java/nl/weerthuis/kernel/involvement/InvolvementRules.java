package nl.weerthuis.kernel.involvement;

import nl.weerthuis.kernel.careindication.IndicationEndedEvent;
import nl.weerthuis.kernel.careindication.IndicationGrantedEvent;
import nl.weerthuis.kernel.client.CaseCoordinationAssignedEvent;
import nl.weerthuis.kernel.client.ClientRegisteredEvent;
import nl.weerthuis.kernel.client.HousingRequestWithdrawnEvent;
import nl.weerthuis.kernel.client.HousingRequestedEvent;
import nl.weerthuis.kernel.identity.OrganisationType;
import nl.weerthuis.kernel.involvement.InvolvementChange.Began;
import nl.weerthuis.kernel.involvement.InvolvementChange.Ended;
import nl.weerthuis.kernel.tenancy.DwellingOfferedEvent;
import nl.weerthuis.kernel.tenancy.OfferRefusedEvent;
import nl.weerthuis.kernel.tenancy.TenancyEndedEvent;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static nl.weerthuis.kernel.identity.OrganisationType.CARE_PROVIDER;
import static nl.weerthuis.kernel.identity.OrganisationType.HOUSING_CORPORATION;
import static nl.weerthuis.kernel.identity.OrganisationType.MUNICIPALITY;
import static nl.weerthuis.kernel.involvement.InvolvementBasis.*;

/**
 * The one definition of who is involved with a client, as a pure function of each of the client's events. Involvement
 * is granted, never taken: only a decision recorded by the client's municipality (registration, procesregie, a
 * housing request, an indication) or by the holder of procesregie (a housing request) involves an organisation; an
 * offer involves only the corporation that was asked (the command side refuses any other). It ends with what it
 * rests on: a withdrawn request, a refused offer, an ended tenancy, an ended indication.
 */
public final class InvolvementRules {

    /** The events that grant or end an involvement; every other event changes nothing. */
    public static final Set<Class<?>> EVENTS = Set.of(ClientRegisteredEvent.class, CaseCoordinationAssignedEvent.class,
            HousingRequestedEvent.class, HousingRequestWithdrawnEvent.class, DwellingOfferedEvent.class,
            OfferRefusedEvent.class, TenancyEndedEvent.class, IndicationGrantedEvent.class, IndicationEndedEvent.class);

    private InvolvementRules() {
    }

    /**
     * @param actorOrganisation the organisation that recorded the event (from its metadata); it is the client's
     *                          municipality for a registration
     */
    public static List<InvolvementChange> changesOf(Object event, String actorOrganisation) {
        List<InvolvementChange> changes = new ArrayList<>();
        if (event instanceof ClientRegisteredEvent e) {
            begin(changes, actorOrganisation, MUNICIPALITY, CLIENTS_MUNICIPALITY, e.clientId(), e.registeredOn());
            begin(changes, e.careProvider(), CARE_PROVIDER, CARE_PROVIDER_AT_REGISTRATION, e.clientId(), e.registeredOn());
        } else if (event instanceof CaseCoordinationAssignedEvent e) {
            begin(changes, e.organisation(), e.organisationType(), CASE_COORDINATION, e.organisation(), e.assignedOn());
        } else if (event instanceof HousingRequestedEvent e) {
            begin(changes, e.corporation(), HOUSING_CORPORATION, HOUSING_REQUEST, e.corporation(), e.requestedOn());
        } else if (event instanceof HousingRequestWithdrawnEvent e) {
            changes.add(new Ended(HOUSING_REQUEST, e.corporation(), e.withdrawnOn()));
        } else if (event instanceof DwellingOfferedEvent e) {
            begin(changes, e.landlord(), HOUSING_CORPORATION, TENANCY_LANDLORD, e.tenancyId(), e.offeredOn());
            begin(changes, e.careProvider(), CARE_PROVIDER, TENANCY_CARE_PROVIDER, e.tenancyId(), e.offeredOn());
        } else if (event instanceof OfferRefusedEvent e) {
            endTenancy(changes, e.tenancyId(), e.refusedOn());
        } else if (event instanceof TenancyEndedEvent e) {
            endTenancy(changes, e.tenancyId(), e.endedOn());
            // The request was answered by this tenancy; another dwelling needs a new request.
            changes.add(new Ended(HOUSING_REQUEST, e.landlord(), e.endedOn()));
        } else if (event instanceof IndicationGrantedEvent e) {
            begin(changes, e.provider(), CARE_PROVIDER, CARE_INDICATION_PROVIDER, e.indicationId(), e.validFrom());
        } else if (event instanceof IndicationEndedEvent e) {
            changes.add(new Ended(CARE_INDICATION_PROVIDER, e.indicationId(), e.endedOn()));
        }
        return changes;
    }

    private static void endTenancy(List<InvolvementChange> changes, String tenancyId, LocalDate on) {
        changes.add(new Ended(TENANCY_LANDLORD, tenancyId, on));
        changes.add(new Ended(TENANCY_CARE_PROVIDER, tenancyId, on));
    }

    private static void begin(List<InvolvementChange> changes, String organisation, OrganisationType type,
                              InvolvementBasis basis, String reference, LocalDate from) {
        if (organisation != null && !organisation.isBlank()) {
            changes.add(new Began(new Involvement(organisation, type, basis, reference, from, null, null)));
        }
    }
}
