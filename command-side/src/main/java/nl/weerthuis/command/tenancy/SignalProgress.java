package nl.weerthuis.command.tenancy;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import nl.weerthuis.kernel.tenancy.Severity;
import nl.weerthuis.kernel.tenancy.SignalKind;

import java.time.LocalDate;

import static nl.weerthuis.command.rules.RuleViolation.require;

/**
 * Where a signal stands. Each step happens once and in order: raised, acknowledged, discussed with the client,
 * optionally escalated, resolved. Discussion comes before anything further: "always in consultation with the
 * resident" (002 L519).
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
final class SignalProgress {

    enum Step { RAISED, ACKNOWLEDGED, DISCUSSED, ESCALATED, RESOLVED }

    private final SignalKind kind;
    private final Severity severity;
    private final LocalDate raisedOn;
    private Step step = Step.RAISED;

    @JsonCreator
    SignalProgress(@JsonProperty("kind") SignalKind kind, @JsonProperty("severity") Severity severity,
                   @JsonProperty("raisedOn") LocalDate raisedOn) {
        this.kind = kind;
        this.severity = severity;
        this.raisedOn = raisedOn;
    }

    void requireNext(Step next) {
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

    void advanceTo(Step next) {
        step = next;
    }

    boolean blocksFlip() {
        return severity == Severity.HIGH && step != Step.RESOLVED;
    }

    SignalKind kind() {
        return kind;
    }

    Severity severity() {
        return severity;
    }

    LocalDate raisedOn() {
        return raisedOn;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SignalProgress that && kind == that.kind && severity == that.severity
                && raisedOn.equals(that.raisedOn) && step == that.step;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(kind, severity, raisedOn, step);
    }
}
