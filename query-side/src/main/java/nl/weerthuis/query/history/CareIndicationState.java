package nl.weerthuis.query.history;

import nl.weerthuis.kernel.careindication.IndicationEndedEvent;
import nl.weerthuis.kernel.careindication.IndicationExtendedEvent;
import nl.weerthuis.kernel.careindication.IndicationGrantedEvent;
import nl.weerthuis.kernel.careindication.IndicationScaledEvent;
import nl.weerthuis.kernel.careindication.IndicationType;
import nl.weerthuis.kernel.careindication.WaakvlamContactMissedEvent;
import nl.weerthuis.kernel.careindication.WaakvlamDeclinedEvent;
import nl.weerthuis.kernel.careindication.WaakvlamEndedEvent;
import nl.weerthuis.kernel.careindication.WaakvlamStartedEvent;

import java.time.LocalDate;
import java.util.List;

/**
 * One care indication as of an instant. Its facts come in two depths: in full (type, hours, end reason, waakvlam)
 * and as support only — that support runs, by whom and until when — for a corporation the client consented to.
 */
final class CareIndicationState extends StateFold {

    private IndicationType type;
    private double hoursPerWeek;
    private String provider;
    private LocalDate validFrom;
    private LocalDate validUntil;
    private LocalDate endedOn;
    private String endReason;
    private String waakvlam;
    private int waakvlamContactsMissed;
    private boolean supportOnly;

    CareIndicationState(String indicationId) {
        super(indicationId);
        on(IndicationGrantedEvent.class, e -> {
            type = e.type();
            hoursPerWeek = e.hoursPerWeek();
            provider = e.provider();
            validFrom = e.validFrom();
            validUntil = e.validUntil();
        });
        on(IndicationScaledEvent.class, e -> hoursPerWeek = e.hoursPerWeek());
        on(IndicationExtendedEvent.class, e -> validUntil = e.validUntil());
        on(IndicationEndedEvent.class, e -> {
            endedOn = e.endedOn();
            endReason = Labels.of(e.reason());
        });
        on(WaakvlamStartedEvent.class, e -> waakvlam = "active until " + e.until() + ", a contact every "
                + Labels.of(e.frequency()));
        on(WaakvlamDeclinedEvent.class, e -> waakvlam = "declined on " + e.declinedOn());
        on(WaakvlamContactMissedEvent.class, e -> waakvlamContactsMissed++);
        on(WaakvlamEndedEvent.class, e -> waakvlam = "ended on " + e.endedOn() + ": " + Labels.of(e.reason()));
    }

    String provider() {
        return provider;
    }

    /** This state as a corporation may read it: that support runs, by whom and until when. */
    CareIndicationState supportOnly() {
        supportOnly = true;
        return this;
    }

    @Override
    String aggregateType() {
        return "CareIndication";
    }

    @Override
    String title() {
        return supportOnly ? "Support" : "Care indication";
    }

    @Override
    List<Fact> facts(Organisations.Naming names) {
        List<Fact> facts = facts();
        add(facts, "Support", endedOn != null ? "ended on " + endedOn : "runs until " + validUntil);
        add(facts, "Provider", names.of(provider));
        if (supportOnly) {
            return facts;
        }
        add(facts, "Indication", Labels.of(type));
        add(facts, "Support per week", Explanations.hours(hoursPerWeek));
        add(facts, "Valid", validFrom + " until " + validUntil);
        add(facts, "Ended because", endReason);
        add(facts, "Waakvlam", waakvlam == null ? "none" : waakvlam);
        add(facts, "Waakvlam contacts missed", waakvlamContactsMissed == 0 ? null : waakvlamContactsMissed);
        return facts;
    }
}
