package nl.weerthuis.command.tenancy;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import nl.weerthuis.kernel.tenancy.AcknowledgeSignalCommand;
import nl.weerthuis.kernel.tenancy.EscalateSignalCommand;
import nl.weerthuis.kernel.tenancy.RecordSignalDiscussedCommand;
import nl.weerthuis.kernel.tenancy.ResolveSignalCommand;
import nl.weerthuis.kernel.tenancy.Severity;
import nl.weerthuis.kernel.tenancy.SignalAcknowledgedEvent;
import nl.weerthuis.kernel.tenancy.SignalDiscussedWithClientEvent;
import nl.weerthuis.kernel.tenancy.SignalEscalatedEvent;
import nl.weerthuis.kernel.tenancy.SignalKind;
import nl.weerthuis.kernel.tenancy.SignalResolvedEvent;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.EntityId;

import java.time.LocalDate;

import static nl.weerthuis.command.rules.RuleViolation.require;
import static nl.weerthuis.command.rules.RuleViolation.requireText;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One signal on a tenancy (an entity of the {@link Tenancy} aggregate, so it shares the flip's consistency
 * boundary). Each step happens once and in order: raised, acknowledged, discussed with the client, optionally
 * escalated, resolved. Discussion comes before anything further: "always in consultation with the resident"
 * (002 L519). Whether the tenancy still runs and the signal exists is checked by the tenancy before a command
 * reaches it.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
final class Signal {

    enum Step { RAISED, ACKNOWLEDGED, DISCUSSED, ESCALATED, RESOLVED }

    private final String tenancyId;
    private final String clientId;
    @EntityId
    private final String signalId;
    private final SignalKind kind;
    private final Severity severity;
    private final LocalDate raisedOn;
    private Step step = Step.RAISED;

    @JsonCreator
    Signal(@JsonProperty("tenancyId") String tenancyId, @JsonProperty("clientId") String clientId,
           @JsonProperty("signalId") String signalId, @JsonProperty("kind") SignalKind kind,
           @JsonProperty("severity") Severity severity, @JsonProperty("raisedOn") LocalDate raisedOn) {
        this.tenancyId = tenancyId;
        this.clientId = clientId;
        this.signalId = signalId;
        this.kind = kind;
        this.severity = severity;
        this.raisedOn = raisedOn;
    }

    @CommandHandler
    void handle(AcknowledgeSignalCommand command) {
        requireNext(Step.ACKNOWLEDGED);
        apply(new SignalAcknowledgedEvent(tenancyId, clientId, signalId, command.acknowledgedOn()));
    }

    @CommandHandler
    void handle(RecordSignalDiscussedCommand command) {
        requireNext(Step.DISCUSSED);
        apply(new SignalDiscussedWithClientEvent(tenancyId, clientId, signalId, command.discussedOn(), command.notes()));
    }

    @CommandHandler
    void handle(EscalateSignalCommand command) {
        requireNext(Step.ESCALATED);
        require(command.target() != null, "ESCALATION_TARGET_REQUIRED",
                "escalate to a THREE_PARTY_MEETING or the ZORG_EN_VEILIGHEIDSHUIS");
        requireText(command.grounds(), "ESCALATION_NEEDS_GROUNDS", "an escalation needs grounds");
        apply(new SignalEscalatedEvent(tenancyId, clientId, signalId, command.target(), command.escalatedOn(),
                command.grounds()));
    }

    @CommandHandler
    void handle(ResolveSignalCommand command) {
        requireNext(Step.RESOLVED);
        requireText(command.resolution(), "RESOLUTION_REQUIRED", "say how the signal was resolved");
        apply(new SignalResolvedEvent(tenancyId, clientId, signalId, kind, severity, raisedOn, command.resolvedOn(),
                command.resolution()));
    }

    @EventSourcingHandler
    void on(SignalAcknowledgedEvent event) {
        step = Step.ACKNOWLEDGED;
    }

    @EventSourcingHandler
    void on(SignalDiscussedWithClientEvent event) {
        step = Step.DISCUSSED;
    }

    @EventSourcingHandler
    void on(SignalEscalatedEvent event) {
        step = Step.ESCALATED;
    }

    @EventSourcingHandler
    void on(SignalResolvedEvent event) {
        step = Step.RESOLVED;
    }

    private void requireNext(Step next) {
        boolean allowed = switch (next) {
            case ACKNOWLEDGED -> step == Step.RAISED;
            case DISCUSSED -> step == Step.ACKNOWLEDGED;
            case ESCALATED -> step == Step.DISCUSSED;
            case RESOLVED -> step == Step.DISCUSSED || step == Step.ESCALATED;
            case RAISED -> false;
        };
        require(allowed, "SIGNAL_STEPS_IN_ORDER", "a signal that is " + step.name().toLowerCase()
                + " cannot be " + next.name().toLowerCase() + " now; each step happens once, in order");
    }

    /** A serious (high-severity) signal blocks the flip until it is resolved. */
    boolean blocksFlip() {
        return severity == Severity.HIGH && step != Step.RESOLVED;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Signal that && java.util.Objects.equals(signalId, that.signalId) && kind == that.kind
                && severity == that.severity && java.util.Objects.equals(raisedOn, that.raisedOn) && step == that.step;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(signalId, kind, severity, raisedOn, step);
    }
}
