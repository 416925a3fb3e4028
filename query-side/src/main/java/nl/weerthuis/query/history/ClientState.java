package nl.weerthuis.query.history;

import nl.weerthuis.kernel.client.CareSetting;
import nl.weerthuis.kernel.client.CaseCoordinationAssignedEvent;
import nl.weerthuis.kernel.client.ClientNoLongerHousedEvent;
import nl.weerthuis.kernel.client.ClientRegisteredEvent;
import nl.weerthuis.kernel.client.ClientReturnedToCareEvent;
import nl.weerthuis.kernel.client.ConsentGivenEvent;
import nl.weerthuis.kernel.client.ConsentWithdrawnEvent;
import nl.weerthuis.kernel.client.HousingRequestWithdrawnEvent;
import nl.weerthuis.kernel.client.HousingRequestedEvent;
import nl.weerthuis.kernel.client.MonitoringReviewRecordedEvent;
import nl.weerthuis.kernel.client.OutflowRecordedEvent;
import nl.weerthuis.kernel.client.OutflowTrajectoryStartedEvent;
import nl.weerthuis.kernel.client.PersonalDataErasedEvent;
import nl.weerthuis.kernel.client.TrajectoryClosedEvent;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The client as of an instant: where they live, their trajectory, who coordinates, what they consented to. */
final class ClientState extends StateFold {

    private record Consent(String organisation, String purpose) {
    }

    private CareSetting setting;
    private String facility;
    private String region;
    private String municipality;
    private String careProvider;
    private LocalDate registeredOn;
    private String trajectory = "not started";
    private String housed = "no, in care";
    private String caseCoordination;
    private final Set<String> housingRequestedFrom = new LinkedHashSet<>();
    private final Set<Consent> consents = new LinkedHashSet<>();
    private int reviews;
    private LocalDate erasedOn;

    ClientState(String clientId) {
        super(clientId);
        on(ClientRegisteredEvent.class, e -> {
            setting = e.setting();
            facility = e.facility();
            region = e.region();
            municipality = e.municipality();
            careProvider = e.careProvider();
            registeredOn = e.registeredOn();
        });
        on(OutflowTrajectoryStartedEvent.class, e -> trajectory = "open since " + e.startedOn());
        on(TrajectoryClosedEvent.class, e -> trajectory = "closed on " + e.closedOn() + ": " + Labels.of(e.reason()));
        on(OutflowRecordedEvent.class, e -> housed = "yes, in a home of their own since " + e.movedInOn());
        on(ClientReturnedToCareEvent.class, e -> {
            housed = "no, returned to care on " + e.returnedOn();
            setting = e.setting();
        });
        on(ClientNoLongerHousedEvent.class, e -> housed = "no longer in the dwelling of their outflow since " + e.endedOn()
                + " (" + Labels.of(e.reason()) + ")");
        on(CaseCoordinationAssignedEvent.class, e -> caseCoordination = e.organisation());
        on(HousingRequestedEvent.class, e -> housingRequestedFrom.add(e.corporation()));
        on(HousingRequestWithdrawnEvent.class, e -> housingRequestedFrom.remove(e.corporation()));
        on(ConsentGivenEvent.class, e -> consents.add(new Consent(e.receivingOrganisation(), e.purpose())));
        on(ConsentWithdrawnEvent.class, e -> consents.remove(new Consent(e.receivingOrganisation(), e.purpose())));
        on(MonitoringReviewRecordedEvent.class, e -> reviews++);
        on(PersonalDataErasedEvent.class, e -> erasedOn = e.erasedOn());
    }

    @Override
    String aggregateType() {
        return "Client";
    }

    @Override
    String title() {
        return "The client";
    }

    @Override
    List<Fact> facts(Organisations.Naming names) {
        List<Fact> facts = facts();
        add(facts, "Registered", registeredOn == null ? null : "on " + registeredOn + " in region " + region
                + ", municipality " + municipality);
        add(facts, "Care setting", setting == null ? null : Labels.of(setting) + (facility == null ? "" : ", " + facility));
        add(facts, "Care provider at registration", names.of(careProvider));
        add(facts, "Outflow trajectory", trajectory);
        add(facts, "Lives independently", housed);
        add(facts, "Procesregie", names.of(caseCoordination));
        add(facts, "Dwelling asked of", housingRequestedFrom.isEmpty() ? null
                : String.join(", ", housingRequestedFrom.stream().map(names::of).toList()));
        add(facts, "Consents", consents.isEmpty() ? "none" : String.join("; ", consents.stream()
                .map(c -> names.of(c.organisation()) + " for " + c.purpose()).toList()));
        add(facts, "Monitoring reviews held", reviews);
        add(facts, "Personal data", erasedOn == null ? null : "erased on " + erasedOn);
        return facts;
    }
}
