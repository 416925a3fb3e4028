package nl.weerthuis.command.journey;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import jakarta.inject.Inject;
import nl.weerthuis.kernel.careindication.EndIndicationCommand;
import nl.weerthuis.kernel.careindication.EndWaakvlamCommand;
import nl.weerthuis.kernel.careindication.IndicationEndReason;
import nl.weerthuis.kernel.careindication.IndicationEndedEvent;
import nl.weerthuis.kernel.careindication.IndicationGrantedEvent;
import nl.weerthuis.kernel.careindication.WaakvlamContactMissedEvent;
import nl.weerthuis.kernel.careindication.WaakvlamEndReason;
import nl.weerthuis.kernel.careindication.WaakvlamEndedEvent;
import nl.weerthuis.kernel.careindication.WaakvlamStartedEvent;
import nl.weerthuis.kernel.client.ClientReturnedToCareEvent;
import nl.weerthuis.kernel.client.CloseTrajectoryCommand;
import nl.weerthuis.kernel.client.OutflowTrajectoryStartedEvent;
import nl.weerthuis.kernel.client.RecordHousingEndedCommand;
import nl.weerthuis.kernel.client.TrajectoryClosedEvent;
import nl.weerthuis.kernel.client.TrajectoryClosure;
import nl.weerthuis.kernel.identity.OrganisationType;
import nl.weerthuis.kernel.tenancy.EndTenancyCommand;
import nl.weerthuis.kernel.tenancy.RaiseSignalCommand;
import nl.weerthuis.kernel.tenancy.Severity;
import nl.weerthuis.kernel.tenancy.SignalKind;
import nl.weerthuis.kernel.tenancy.TenancyEndReason;
import nl.weerthuis.kernel.tenancy.TenancyEndedEvent;
import nl.weerthuis.kernel.tenancy.TenancyStartedEvent;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;

/**
 * Keeps one client's journey consistent across Client, Tenancy and CareIndication (the outflow on a move-in is
 * recorded in the move-in's own unit of work instead: {@link OutflowOnMoveIn}): a return to care ends the tenancy; an
 * ended tenancy means the client is no longer housed and closes the trajectory (and, when the client died,
 * the care); a missed waakvlam contact becomes a signal on the tenancy. One instance per client. It holds ids and
 * flags only, never personal data.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class JourneyProcess {

    static final String SYSTEM_SOURCE = "weerthuis:waakvlam-schedule";

    private transient CommandGateway commands;

    private String clientId;
    private boolean trajectoryOpen;
    private String activeTenancyId;
    private String activeIndicationId;
    private boolean waakvlamActive;

    @Inject
    public void setCommands(CommandGateway commands) {
        this.commands = commands;
    }

    @StartSaga(forceNew = false)
    @SagaEventHandler(associationProperty = "clientId")
    void on(OutflowTrajectoryStartedEvent event) {
        clientId = event.clientId();
        trajectoryOpen = true;
    }

    @StartSaga(forceNew = false)
    @SagaEventHandler(associationProperty = "clientId")
    void on(IndicationGrantedEvent event) {
        clientId = event.clientId();
        activeIndicationId = event.indicationId();
    }

    @SagaEventHandler(associationProperty = "clientId")
    void on(TenancyStartedEvent event) {
        activeTenancyId = event.tenancyId();
    }

    @SagaEventHandler(associationProperty = "clientId")
    void on(ClientReturnedToCareEvent event) {
        if (activeTenancyId != null) {
            commands.send(new EndTenancyCommand(activeTenancyId, TenancyEndReason.RETURNED_TO_CARE, event.returnedOn(),
                    null));
        }
        if (waakvlamActive && activeIndicationId != null) {
            commands.send(new EndWaakvlamCommand(activeIndicationId, WaakvlamEndReason.RETURNED_TO_CARE,
                    event.returnedOn(), null));
        }
    }

    @SagaEventHandler(associationProperty = "clientId")
    void on(TenancyEndedEvent event) {
        if (!event.tenancyId().equals(activeTenancyId)) {
            return;
        }
        activeTenancyId = null;
        if (event.reason() != TenancyEndReason.RETURNED_TO_CARE) { // a return to care says so itself
            commands.send(new RecordHousingEndedCommand(clientId, event.tenancyId(), event.reason(), event.endedOn()));
        }
        if (trajectoryOpen) {
            commands.send(new CloseTrajectoryCommand(clientId, closure(event.reason()), event.endedOn(), null));
        }
        if (event.reason() == TenancyEndReason.DECEASED && activeIndicationId != null) {
            if (waakvlamActive) {
                commands.send(new EndWaakvlamCommand(activeIndicationId, WaakvlamEndReason.DECEASED, event.endedOn(), null));
            } else {
                commands.send(new EndIndicationCommand(activeIndicationId, IndicationEndReason.DECEASED,
                        event.endedOn(), null, null));
            }
        }
        endWhenDone();
    }

    @SagaEventHandler(associationProperty = "clientId")
    void on(TrajectoryClosedEvent event) {
        trajectoryOpen = false;
        endWhenDone();
    }

    @SagaEventHandler(associationProperty = "clientId")
    void on(IndicationEndedEvent event) {
        if (event.indicationId().equals(activeIndicationId)) {
            activeIndicationId = null;
            endWhenDone();
        }
    }

    // Starts a journey again if it had ended: the waakvlam follows the indication that just ended.
    @StartSaga(forceNew = false)
    @SagaEventHandler(associationProperty = "clientId")
    void on(WaakvlamStartedEvent event) {
        clientId = event.clientId();
        activeIndicationId = event.indicationId();
        waakvlamActive = true;
    }

    @SagaEventHandler(associationProperty = "clientId")
    void on(WaakvlamEndedEvent event) {
        waakvlamActive = false;
        activeIndicationId = null;
        endWhenDone();
    }

    @SagaEventHandler(associationProperty = "clientId")
    void on(WaakvlamContactMissedEvent event) {
        if (activeTenancyId == null) {
            return; // no dwelling to raise it on; the missed contact itself is on record
        }
        commands.send(new RaiseSignalCommand(activeTenancyId,
                "waakvlam-" + event.indicationId() + "-" + event.dueOn(), SignalKind.MISSED_WAAKVLAM_CONTACT,
                SYSTEM_SOURCE, OrganisationType.NEIGHBOURHOOD_TEAM, Severity.MEDIUM,
                "The waakvlam contact due on " + event.dueOn() + " was not recorded", event.dueOn()));
    }

    private void endWhenDone() {
        if (!trajectoryOpen && activeTenancyId == null && activeIndicationId == null && !waakvlamActive) {
            SagaLifecycle.end();
        }
    }

    private static TrajectoryClosure closure(TenancyEndReason reason) {
        return switch (reason) {
            case MOVED -> TrajectoryClosure.MOVED;
            case EVICTION -> TrajectoryClosure.EVICTION;
            case RETURNED_TO_CARE -> TrajectoryClosure.RETURNED_TO_CARE;
            case DECEASED -> TrajectoryClosure.DECEASED;
        };
    }
}
