package nl.weerthuis.command.agreement;

import nl.weerthuis.kernel.agreement.AdoptAgreementCommand;
import nl.weerthuis.kernel.agreement.AgreementAdoptedEvent;
import nl.weerthuis.kernel.agreement.AgreementPolicy;
import nl.weerthuis.kernel.agreement.AmendPolicyCommand;
import nl.weerthuis.kernel.agreement.PolicyAmendedEvent;
import nl.weerthuis.kernel.agreement.QuotaSetEvent;
import nl.weerthuis.kernel.agreement.SetQuotaCommand;
import nl.weerthuis.kernel.agreement.SetTargetCommand;
import nl.weerthuis.kernel.agreement.TargetSetEvent;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import nl.weerthuis.kernel.identity.MetadataKeys;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateNotFoundException;

import java.time.LocalDate;

import static nl.weerthuis.command.rules.RuleViolation.require;
import static nl.weerthuis.command.rules.RuleViolation.requireText;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A region's covenant (convenant, prestatieafspraken). Its rules are versioned: an amendment holds from a date on
 * and never rewrites what was decided under an earlier version. It is the adopting organisation's: the actor
 * recorded in the adoption event's metadata (so agreements adopted before this rule keep their owner). To anyone
 * else it does not exist (404, as the rest of the API answers outsiders), and nothing is appended.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class RegionalAgreement {

    @AggregateIdentifier
    private String agreementId;
    private String region;
    private int version;
    private LocalDate effectiveFrom;
    /** The organisation that adopted the agreement; null only for an adoption recorded without an actor. */
    private String adoptedBy;

    protected RegionalAgreement() {
    }

    @CommandHandler
    public RegionalAgreement(AdoptAgreementCommand command, AgreementPolicies policies) {
        requireCoherent(command.policy());
        require(!policies.hasAgreement(command.region()), "ONE_AGREEMENT_PER_REGION",
                "region " + command.region() + " already has an agreement; amend it instead");
        apply(new AgreementAdoptedEvent(command.agreementId(), command.region(), command.name(), 1,
                command.effectiveFrom(), command.policy()));
    }

    @CommandHandler
    void handle(AmendPolicyCommand command, @MetaDataValue(MetadataKeys.ACTOR_ORGANISATION) String amendedBy) {
        requireAdopter(amendedBy);
        requireCoherent(command.policy());
        requireText(command.grounds(), "AMENDMENT_NEEDS_GROUNDS", "an amendment of the rules needs grounds");
        require(command.effectiveFrom().isAfter(effectiveFrom), "AMENDMENT_MUST_FOLLOW_CURRENT_VERSION",
                "an amendment holds from a date after the current version's (" + effectiveFrom + ")");
        apply(new PolicyAmendedEvent(agreementId, region, version + 1, command.effectiveFrom(), command.policy(),
                command.grounds()));
    }

    @CommandHandler
    void handle(SetQuotaCommand command, @MetaDataValue(MetadataKeys.ACTOR_ORGANISATION) String setBy) {
        requireAdopter(setBy);
        require(command.dwellings() >= 0, "QUOTA_NOT_NEGATIVE", "a quota cannot be negative");
        apply(new QuotaSetEvent(agreementId, region, command.corporation(), command.year(), command.dwellings()));
    }

    @CommandHandler
    void handle(SetTargetCommand command, @MetaDataValue(MetadataKeys.ACTOR_ORGANISATION) String setBy) {
        requireAdopter(setBy);
        require(command.outflows() > 0, "TARGET_MUST_BE_POSITIVE", "an outflow target is at least one outflow");
        apply(new TargetSetEvent(agreementId, region, command.outflows(), command.targetDate()));
    }

    /** Before any other rule, so an outsider learns nothing of the agreement from a rule's message. */
    private void requireAdopter(String actor) {
        if (actor == null || !actor.equals(adoptedBy)) {
            throw new AggregateNotFoundException(agreementId, "no such resource for this organisation");
        }
    }

    private static void requireCoherent(AgreementPolicy policy) {
        require(policy.problems().isEmpty(), "AGREEMENT_POLICY_INCOHERENT", String.join("; ", policy.problems()));
    }

    @EventSourcingHandler
    void on(AgreementAdoptedEvent event, @MetaDataValue(MetadataKeys.ACTOR_ORGANISATION) String adoptedBy) {
        this.adoptedBy = adoptedBy;
        agreementId = event.agreementId();
        region = event.region();
        version = event.version();
        effectiveFrom = event.effectiveFrom();
    }

    @EventSourcingHandler
    void on(PolicyAmendedEvent event) {
        version = event.version();
        effectiveFrom = event.effectiveFrom();
    }
}
