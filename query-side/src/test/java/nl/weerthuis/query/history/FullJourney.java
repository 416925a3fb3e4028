package nl.weerthuis.query.history;

import nl.weerthuis.kernel.agreement.AgreementAdoptedEvent;
import nl.weerthuis.kernel.agreement.AgreementPolicy;
import nl.weerthuis.kernel.careindication.*;
import nl.weerthuis.kernel.client.*;
import nl.weerthuis.kernel.identity.OrganisationType;
import nl.weerthuis.kernel.tenancy.*;
import nl.weerthuis.query.support.EventStoreFixture;
import nl.weerthuis.testsupport.TestTokens;
import org.axonframework.messaging.MetaData;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;

import static nl.weerthuis.query.support.TestOrganisationNames.CORPORATION;
import static nl.weerthuis.query.support.TestOrganisationNames.PROVIDER;
import static org.awaitility.Awaitility.await;

/** One client's whole journey, every kind of decision once, by the parties that take them. */
final class FullJourney {

    static final String AGREEMENT = "agreement-twente", AGREEMENT_NAME = "Convenant Uitstroom Twente";
    /** A neighbourhood team the organisation register does not know: shown by its number. */
    static final String WIJKTEAM = "00000001007777777000";

    record Step(String aggregateType, String aggregateId, long sequence, Object event, MetaData actor) {
    }

    private FullJourney() {
    }

    static MetaData actor(String org, String type, String person) {
        return MetaData.with("actorOrganisation", org).and("actorOrganisationType", type).and("actorPerson", person)
                .and("actorRoles", "CASEWORKER");
    }

    /** The regional agreement every decision of the journey is taken under (once per database). */
    static void agreementAdopted(EventStoreFixture.Appender events, JdbcTemplate readStore) {
        String count = "SELECT count(*) FROM history_agreement_version WHERE agreement_id = '" + AGREEMENT + "'";
        if (readStore.queryForObject(count, Long.class) == 0) {
            events.append("RegionalAgreement", AGREEMENT, 0, new AgreementAdoptedEvent(AGREEMENT, "Twente", AGREEMENT_NAME,
                    1, LocalDate.of(2023, 1, 1), AgreementPolicy.NATIONAL_DEFAULT),
                    actor(TestTokens.MUNICIPALITY, "MUNICIPALITY", "beleid-1"));
            await().atMost(Duration.ofSeconds(20)).until(() -> readStore.queryForObject(count, Long.class) == 1);
        }
    }

    static List<Step> of(String client, String tenancy, String indication) {
        MetaData m = actor(TestTokens.MUNICIPALITY, "MUNICIPALITY", "intake-1");
        MetaData c = actor(CORPORATION, "HOUSING_CORPORATION", "verhuur-7");
        MetaData p = actor(PROVIDER, "CARE_PROVIDER", "begeleider-3");
        MetaData w = actor(WIJKTEAM, "NEIGHBOURHOOD_TEAM", "wijk-2");
        MetaData system = MetaData.emptyInstance();
        Dwelling dwelling = new Dwelling("Hoofdstraat 1", "Almelo", "Centrum");
        List<Step> steps = new ArrayList<>();
        long[] cs = {0}, ts = {0}, is = {0};
        java.util.function.BiConsumer<Object, MetaData> onClient = (e, a) -> steps.add(new Step("Client", client, cs[0]++, e, a));
        java.util.function.BiConsumer<Object, MetaData> onTenancy = (e, a) -> steps.add(new Step("Tenancy", tenancy, ts[0]++, e, a));
        java.util.function.BiConsumer<Object, MetaData> onCare = (e, a) -> steps.add(new Step("CareIndication", indication, is[0]++, e, a));

        onClient.accept(new ClientRegisteredEvent(client, CareSetting.PROTECTED_HOUSING, "RIBW De Linde", "Twente", "Almelo",
                PROVIDER, LocalDate.of(2024, 1, 8), new PersonalDetails("Jan Jansen", null, null, null)), m);
        onClient.accept(new OutflowTrajectoryStartedEvent(client, CareSetting.PROTECTED_HOUSING, "Twente", "Almelo",
                LocalDate.of(2024, 2, 1)), m);
        onClient.accept(new ArrangementChecklistUpdatedEvent(client, new ArrangementChecklist(true, true, true, true, true,
                true), LocalDate.of(2024, 2, 10)), m);
        onClient.accept(new HousingWishesRecordedEvent(client, "near my sister", "ground floor", LocalDate.of(2024, 2, 11)), m);
        onClient.accept(new ConsentGivenEvent(client, CORPORATION, "goed-huurderschap", LocalDate.of(2024, 2, 12)), m);
        onClient.accept(new CaseCoordinationAssignedEvent(client, WIJKTEAM, OrganisationType.NEIGHBOURHOOD_TEAM,
                LocalDate.of(2024, 2, 13)), m);
        onClient.accept(new HousingRequestedEvent(client, CORPORATION, LocalDate.of(2024, 2, 14)), w);
        onTenancy.accept(new DwellingOfferedEvent(tenancy, client, CORPORATION, PROVIDER, LeaseForm.TRIPARTITE, dwelling,
                "Twente", true, LocalDate.of(2024, 4, 1), LocalDate.of(2024, 2, 1), AGREEMENT, 1, Period.ofMonths(6)), c);
        onTenancy.accept(new OfferAcceptedEvent(tenancy, client, LocalDate.of(2024, 4, 3)), m);
        onTenancy.accept(new TenancyStartedEvent(tenancy, client, LeaseForm.TRIPARTITE, CORPORATION, LeaseHolder.CARE_PROVIDER,
                PROVIDER, dwelling, "Twente", LocalDate.of(2024, 5, 1)), c);
        onCare.accept(new IndicationGrantedEvent(indication, client, IndicationType.PROTECTED_LIVING_AT_HOME, 12, PROVIDER,
                "Twente", LocalDate.of(2024, 5, 1), LocalDate.of(2025, 5, 1)), m);
        onTenancy.accept(new MovedInEvent(tenancy, client, LocalDate.of(2024, 5, 15), LeaseForm.TRIPARTITE, CORPORATION,
                PROVIDER, "Twente", "Almelo", "Centrum", AGREEMENT, 1, Period.ofMonths(12), Period.ofMonths(36)), c);
        onClient.accept(new OutflowRecordedEvent(client, tenancy, LocalDate.of(2024, 5, 15), AGREEMENT, 1, Period.ofMonths(6),
                Period.ofMonths(24)), system);
        onTenancy.accept(new SignalRaisedEvent(tenancy, client, "signal-1", SignalKind.RENT_ARREARS, PROVIDER,
                OrganisationType.CARE_PROVIDER, Severity.MEDIUM, "two months behind", LocalDate.of(2024, 8, 1)), p);
        onTenancy.accept(new SignalAcknowledgedEvent(tenancy, client, "signal-1", LocalDate.of(2024, 8, 2)), c);
        onCare.accept(new IndicationScaledEvent(indication, client, ScaleDirection.DOWN, 12, 6, LocalDate.of(2024, 9, 1),
                "stable for half a year"), m);
        onTenancy.accept(new SignalResolvedEvent(tenancy, client, "signal-1", SignalKind.RENT_ARREARS, Severity.MEDIUM,
                LocalDate.of(2024, 8, 1), LocalDate.of(2024, 9, 3), "payment plan agreed"), c);
        onClient.accept(new MonitoringReviewDueEvent(client, 1, LocalDate.of(2024, 11, 15)), system);
        onClient.accept(new MonitoringReviewRecordedEvent(client, LocalDate.of(2024, 11, 20), "going well"), w);
        onCare.accept(new IndicationExtendedEvent(indication, client, LocalDate.of(2025, 5, 1), LocalDate.of(2025, 11, 1),
                "support still needed after the flip"), m);
        onTenancy.accept(new FlipTermReachedEvent(tenancy, client, LocalDate.of(2025, 5, 15)), system);
        onTenancy.accept(new FlipScheduledEvent(tenancy, client, LocalDate.of(2025, 6, 1), AGREEMENT, 1), m);
        onTenancy.accept(new FlipApprovedEvent(tenancy, client, FlipParty.HOUSING_CORPORATION, LocalDate.of(2025, 5, 20)), c);
        onTenancy.accept(new FlipApprovedEvent(tenancy, client, FlipParty.CARE_PROVIDER, LocalDate.of(2025, 5, 21)), p);
        onTenancy.accept(new FlipApprovedEvent(tenancy, client, FlipParty.CLIENT, LocalDate.of(2025, 5, 22)), m);
        onTenancy.accept(new ContractFlippedEvent(tenancy, client, LocalDate.of(2025, 6, 1), LeaseHolder.CARE_PROVIDER,
                LeaseHolder.CLIENT, true, CORPORATION, PROVIDER, "Twente", AGREEMENT, 1,
                "rent paid for a year, support accepted, no nuisance"), c);
        onCare.accept(new IndicationEndedEvent(indication, client, IndicationEndReason.CAN_LIVE_INDEPENDENTLY,
                LocalDate.of(2025, 11, 1), PROVIDER, "lives independently now"), m);
        onCare.accept(new WaakvlamStartedEvent(indication, client, LocalDate.of(2025, 11, 1), Period.ofWeeks(4),
                LocalDate.of(2026, 5, 1), LocalDate.of(2025, 11, 29), AGREEMENT, 1), system);
        onCare.accept(new WaakvlamContactRecordedEvent(indication, client, LocalDate.of(2025, 11, 29),
                LocalDate.of(2025, 12, 27), "all well"), w);
        onCare.accept(new WaakvlamContactMissedEvent(indication, client, LocalDate.of(2025, 12, 27),
                LocalDate.of(2026, 1, 24)), system);
        onCare.accept(new WaakvlamEndedEvent(indication, client, WaakvlamEndReason.AGREED_PERIOD_COMPLETED,
                LocalDate.of(2026, 5, 1), "the agreed half year is over"), w);
        return steps;
    }

    static void append(EventStoreFixture.Appender events, List<Step> steps) {
        steps.forEach(s -> events.append(s.aggregateType(), s.aggregateId(), s.sequence(), s.event(), s.actor()));
    }
}
