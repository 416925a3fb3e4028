package nl.weerthuis.command.tenancy;

import nl.weerthuis.command.client.ClientRegister;
import nl.weerthuis.command.support.FixedPolicies;
import nl.weerthuis.kernel.tenancy.*;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static nl.weerthuis.command.support.Rules.violated;
import static nl.weerthuis.command.tenancy.TenancyTest.*;

/** Signals are entities of the tenancy: each follows its own steps, all inside the tenancy's boundary. */
class SignalEntityTest {

    private AggregateTestFixture<Tenancy> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Tenancy.class);
        fixture.registerInjectableResource((ClientRegister) id -> Optional.empty());
        fixture.registerInjectableResource(FixedPolicies.of(POLICY));
    }

    @Test
    void each_signal_keeps_its_own_step() {
        fixture.given(concat(movedIn(LeaseForm.TRIPARTITE), raised("s1", Severity.LOW), raised("s2", Severity.LOW),
                        new SignalAcknowledgedEvent(TENANCY, CLIENT, "s1", MOVED_IN.plusMonths(3))))
                .when(new AcknowledgeSignalCommand(TENANCY, "s2", MOVED_IN.plusMonths(3)))
                .expectEvents(new SignalAcknowledgedEvent(TENANCY, CLIENT, "s2", MOVED_IN.plusMonths(3)));
        fixture.given(concat(movedIn(LeaseForm.TRIPARTITE), raised("s1", Severity.LOW), raised("s2", Severity.LOW),
                        new SignalAcknowledgedEvent(TENANCY, CLIENT, "s1", MOVED_IN.plusMonths(3))))
                .when(new AcknowledgeSignalCommand(TENANCY, "s1", MOVED_IN.plusMonths(3)))
                .expectException(violated("SIGNAL_STEPS_IN_ORDER"));
    }

    @Test
    void a_resolved_serious_signal_no_longer_blocks_while_another_one_does() {
        Object[] history = concat(approvedByAll(LeaseForm.TRIPARTITE), raised("s1", Severity.HIGH), raised("s2", Severity.HIGH),
                new SignalAcknowledgedEvent(TENANCY, CLIENT, "s1", MOVED_IN.plusMonths(3)),
                new SignalDiscussedWithClientEvent(TENANCY, CLIENT, "s1", MOVED_IN.plusMonths(3), "plan"),
                new SignalResolvedEvent(TENANCY, CLIENT, "s1", SignalKind.NUISANCE, Severity.HIGH, MOVED_IN.plusMonths(2),
                        MOVED_IN.plusMonths(4), "quiet"));
        fixture.given(history)
                .when(new FlipContractCommand(TENANCY, MOVED_IN.plusMonths(13), "all well"))
                .expectException(violated("OPEN_HIGH_SEVERITY_SIGNAL_BLOCKS_FLIP"))
                .expectNoEvents();
    }

    @Test
    void a_signal_on_an_ended_tenancy_takes_no_step() {
        fixture.given(concat(movedIn(LeaseForm.TRIPARTITE), raised("s1", Severity.LOW),
                        new TenancyEndedEvent(TENANCY, CLIENT, TenancyEndReason.MOVED, MOVED_IN.plusMonths(5), CORPORATION,
                                PROVIDER, "Twente", null)))
                .when(new AcknowledgeSignalCommand(TENANCY, "s1", MOVED_IN.plusMonths(6)))
                .expectException(violated("TENANCY_ENDED"));
    }
}
