package nl.weerthuis.query.history;

import nl.weerthuis.kernel.tenancy.ContractFlippedEvent;
import nl.weerthuis.kernel.tenancy.DwellingOfferedEvent;
import nl.weerthuis.kernel.tenancy.FlipApprovedEvent;
import nl.weerthuis.kernel.tenancy.FlipScheduledEvent;
import nl.weerthuis.kernel.tenancy.LeaseForm;
import nl.weerthuis.kernel.tenancy.LeaseHolder;
import nl.weerthuis.kernel.tenancy.MovedInEvent;
import nl.weerthuis.kernel.tenancy.OfferAcceptedEvent;
import nl.weerthuis.kernel.tenancy.OfferRefusedEvent;
import nl.weerthuis.kernel.tenancy.SignalKind;
import nl.weerthuis.kernel.tenancy.SignalRaisedEvent;
import nl.weerthuis.kernel.tenancy.SignalResolvedEvent;
import nl.weerthuis.kernel.tenancy.TenancyEndedEvent;
import nl.weerthuis.kernel.tenancy.TenancyStartedEvent;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** One tenancy as of an instant: who lets, who holds the lease, in which form, its stage and open signals. */
final class TenancyState extends StateFold {

    /** Who raised a signal and what kind it is: the rest of its steps are explained (or minimised) by it. */
    record Signal(String raisedBy, SignalKind kind) {
    }

    private String landlord;
    private String careProvider;
    private LeaseForm leaseForm;
    private String municipality;
    private String neighbourhood;
    private String stage;
    private LeaseHolder leaseHolder;
    private boolean indefinite;
    private LocalDate movedInOn;
    private LocalDate flipPlannedOn;
    private final List<String> flipApprovedBy = new ArrayList<>();
    private final Set<String> openSignals = new LinkedHashSet<>();
    private final Map<String, Signal> signals = new HashMap<>();

    TenancyState(String tenancyId) {
        super(tenancyId);
        on(DwellingOfferedEvent.class, e -> {
            landlord = e.landlord();
            careProvider = e.careProvider();
            leaseForm = e.leaseForm();
            if (e.dwelling() != null) {
                municipality = e.dwelling().municipality();
                neighbourhood = e.dwelling().neighbourhood();
            }
            stage = "offered on " + e.offeredOn();
        });
        on(OfferAcceptedEvent.class, e -> stage = "offer accepted on " + e.acceptedOn());
        on(OfferRefusedEvent.class, e -> stage = "offer refused on " + e.refusedOn());
        on(TenancyStartedEvent.class, e -> {
            stage = "running since " + e.startsOn();
            leaseForm = e.leaseForm();
            leaseHolder = e.leaseHolder();
        });
        on(MovedInEvent.class, e -> movedInOn = e.movedInOn());
        on(FlipScheduledEvent.class, e -> flipPlannedOn = e.plannedOn());
        on(FlipApprovedEvent.class, e -> flipApprovedBy.add(Labels.of(e.party())));
        on(ContractFlippedEvent.class, e -> {
            leaseHolder = e.leaseHolder();
            indefinite = e.indefinite();
            stage = "flipped on " + e.flippedOn() + ": a regular lease";
        });
        on(SignalRaisedEvent.class, e -> {
            openSignals.add(e.signalId());
            signals.put(e.signalId(), new Signal(e.sourceOrganisation(), e.kind()));
        });
        on(SignalResolvedEvent.class, e -> openSignals.remove(e.signalId()));
        on(TenancyEndedEvent.class, e -> stage = "ended on " + e.endedOn() + ": " + Labels.of(e.reason()));
    }

    Optional<Signal> signal(String signalId) {
        return Optional.ofNullable(signals.get(signalId));
    }

    @Override
    String aggregateType() {
        return "Tenancy";
    }

    @Override
    String title() {
        return "Tenancy" + (municipality == null ? "" : " in " + municipality + (neighbourhood == null ? "" : ", " + neighbourhood));
    }

    @Override
    List<Fact> facts(Organisations.Naming names) {
        List<Fact> facts = facts();
        add(facts, "Landlord", names.of(landlord));
        add(facts, "Care provider", names.of(careProvider));
        add(facts, "Lease form", Labels.of(leaseForm));
        add(facts, "Stage", stage);
        add(facts, "Lease holder", leaseHolder == null ? null : leaseHolder == LeaseHolder.CLIENT ? "the client"
                : "the care provider, " + names.of(careProvider));
        add(facts, "Lease", indefinite ? "indefinite, in the client's own name" : null);
        add(facts, "Moved in", movedInOn);
        add(facts, "Flip planned for", flipPlannedOn);
        add(facts, "Flip approved by", flipApprovedBy.isEmpty() ? null : String.join(", ", flipApprovedBy));
        add(facts, "Open signals", openSignals.size());
        return facts;
    }
}
