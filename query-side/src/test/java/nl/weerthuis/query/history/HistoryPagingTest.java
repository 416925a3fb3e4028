package nl.weerthuis.query.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.weerthuis.kernel.client.CareSetting;
import nl.weerthuis.kernel.client.ClientRegisteredEvent;
import nl.weerthuis.kernel.client.OutflowTrajectoryStartedEvent;
import nl.weerthuis.kernel.eventstore.EventStoreTables;
import nl.weerthuis.kernel.tenancy.ContractFlippedEvent;
import nl.weerthuis.kernel.tenancy.Dwelling;
import nl.weerthuis.kernel.tenancy.DwellingOfferedEvent;
import nl.weerthuis.kernel.tenancy.LeaseForm;
import nl.weerthuis.kernel.tenancy.LeaseHolder;
import nl.weerthuis.kernel.tenancy.MovedInEvent;
import nl.weerthuis.kernel.tenancy.OfferAcceptedEvent;
import nl.weerthuis.kernel.tenancy.TenancyStartedEvent;
import nl.weerthuis.query.support.EventStoreFixture;
import nl.weerthuis.query.support.TestOrganisationNames;
import nl.weerthuis.testsupport.TestTokens;
import org.aopalliance.intercept.MethodInterceptor;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A history is cut from one read of the client's events: every page as of every instant still holds exactly the
 * events the store has up to that instant, in global order, each once across the pages, each page with the state as
 * of the instant; and a request reads the client's events once, not once more per page part.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import({EventStoreFixture.class, TestOrganisationNames.class, HistoryPagingTest.CountedHistoryReads.class})
class HistoryPagingTest {

    static final String CORPORATION = TestOrganisationNames.CORPORATION, PROVIDER = TestOrganisationNames.PROVIDER;
    static final String AUDITOR = TestTokens.token("00000001009876543000", "SUPERVISOR", "AUDITOR");

    /** Counts the event store reads of one client's aggregates (the history's query) on the query side's pool. */
    @TestConfiguration
    static class CountedHistoryReads {

        static final AtomicInteger READS = new AtomicInteger();

        @Bean
        static BeanPostProcessor countHistoryReads() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if (!name.equals("eventStoreDataSource")) {
                        return bean;
                    }
                    ProxyFactory factory = new ProxyFactory(bean);
                    factory.setProxyTargetClass(true);
                    factory.addAdvice((MethodInterceptor) call -> {
                        Object result = call.proceed();
                        return call.getMethod().getName().equals("getConnection") ? counted((Connection) result) : result;
                    });
                    return factory.getProxy();
                }
            };
        }

        private static Connection counted(Connection connection) {
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[]{Connection.class},
                    (proxy, method, arguments) -> {
                        if (method.getName().startsWith("prepare") && arguments != null
                                && arguments[0] instanceof String sql && sql.contains("aggregate_identifier IN (")) {
                            READS.incrementAndGet();
                        }
                        try {
                            return method.invoke(connection, arguments);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    EventStoreFixture.Appender events;
    @Autowired
    JdbcTemplate readStore;
    @Autowired
    ObjectMapper json;
    @Value("${weerthuis.database.event-store-schema}")
    String eventStoreSchema;

    private final String clientId = UUID.randomUUID().toString();
    private final String tenancyId = UUID.randomUUID().toString();
    /** Instants between the events: before the first, between each few, and after the last. */
    private final List<Instant> instants = new ArrayList<>();

    private static MetaData actor(String org, String type) {
        return MetaData.with("actorOrganisation", org).and("actorOrganisationType", type).and("actorPerson", "p-1")
                .and("actorRoles", "CASEWORKER");
    }

    @BeforeEach
    void aJourneyWithInstantsBetweenItsEvents() {
        MetaData municipality = actor(TestTokens.MUNICIPALITY, "MUNICIPALITY");
        MetaData corporation = actor(CORPORATION, "HOUSING_CORPORATION");
        Dwelling dwelling = new Dwelling("Hoofdstraat 1", "Almelo", "Centrum");
        instant();
        events.append("Client", clientId, 0, new ClientRegisteredEvent(clientId, CareSetting.PROTECTED_HOUSING, "RIBW",
                "Twente", "Almelo", PROVIDER, LocalDate.of(2024, 1, 8), null), municipality);
        events.append("Client", clientId, 1, new OutflowTrajectoryStartedEvent(clientId, CareSetting.PROTECTED_HOUSING,
                "Twente", "Almelo", LocalDate.of(2024, 2, 1)), municipality);
        instant();
        events.append("Tenancy", tenancyId, 0, new DwellingOfferedEvent(tenancyId, clientId, CORPORATION, PROVIDER,
                LeaseForm.TRIPARTITE, dwelling, "Twente", true, LocalDate.of(2024, 4, 1), LocalDate.of(2024, 2, 1),
                "agreement-twente", 1, Period.ofMonths(6)), corporation);
        events.append("Tenancy", tenancyId, 1, new OfferAcceptedEvent(tenancyId, clientId, LocalDate.of(2024, 4, 3)),
                municipality);
        events.append("Tenancy", tenancyId, 2, new TenancyStartedEvent(tenancyId, clientId, LeaseForm.TRIPARTITE,
                CORPORATION, LeaseHolder.CARE_PROVIDER, PROVIDER, dwelling, "Twente", LocalDate.of(2024, 5, 1)), corporation);
        instant();
        events.append("Tenancy", tenancyId, 3, new MovedInEvent(tenancyId, clientId, LocalDate.of(2024, 5, 15),
                LeaseForm.TRIPARTITE, CORPORATION, PROVIDER, "Twente", "Almelo", "Centrum", "agreement-twente", 1,
                Period.ofMonths(12), Period.ofMonths(24)), corporation);
        events.append("Tenancy", tenancyId, 4, new ContractFlippedEvent(tenancyId, clientId, LocalDate.of(2025, 6, 1),
                LeaseHolder.CARE_PROVIDER, LeaseHolder.CLIENT, true, CORPORATION, PROVIDER, "Twente", "agreement-twente",
                1, "rent paid for a year"), corporation);
        events.append("Client", clientId, 2, new OutflowTrajectoryStartedEvent(clientId, CareSetting.SHELTER,
                "Twente", "Almelo", LocalDate.of(2025, 10, 1)), municipality);
        instant();
        await().atMost(Duration.ofSeconds(10)).until(() -> readStore.queryForObject(
                "SELECT count(*) FROM history_subject WHERE client_id = ?", Long.class, clientId) == 2);
    }

    /** An instant strictly between the events appended before it and those after (the store keeps milliseconds). */
    private void instant() {
        clockPasses();
        instants.add(Instant.now());
        clockPasses();
    }

    private static void clockPasses() {
        Instant start = Instant.now();
        while (!Instant.now().isAfter(start.plusMillis(2))) {
            Thread.onSpinWait();
        }
    }

    /** What the store itself holds up to an instant, asked of it directly: the oracle the pages are held to. */
    private List<Long> storedUpTo(Instant instant) {
        return readStore.queryForList("SELECT global_index FROM " + eventStoreSchema + "." + EventStoreTables.DOMAIN_EVENT_ENTRY
                        + " WHERE aggregate_identifier IN (?, ?) AND CAST(time_stamp AS TIMESTAMPTZ) <= ? ORDER BY global_index",
                Long.class, clientId, tenancyId, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    private JsonNode history(String query) throws Exception {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(AUDITOR);
        headers.set("X-Processing-Activity", "audit-decision-history");
        ResponseEntity<String> response = http.exchange("/api/v1/clients/" + clientId + "/history" + query,
                HttpMethod.GET, new HttpEntity<>(headers), String.class);
        assertThat(response.getStatusCode().value()).as(query).isEqualTo(200);
        return json.readTree(response.getBody());
    }

    @Test
    void every_page_as_of_every_instant_holds_what_the_store_holds_up_to_it_each_event_once() throws Exception {
        List<List<Long>> expected = new ArrayList<>();
        for (Instant instant : instants) {
            expected.add(storedUpTo(instant));
        }
        assertThat(expected.get(0)).isEmpty();
        assertThat(expected.stream().map(List::size).toList()).containsExactly(0, 2, 5, 8);

        for (int i = 0; i < instants.size(); i++) {
            String asOf = "asOf=" + instants.get(i);
            JsonNode whole = history("?" + asOf);
            assertThat(globalIndexes(whole)).as(asOf).isEqualTo(expected.get(i));
            for (int limit : new int[]{1, 2, 3, 7, 8}) {
                List<Long> paged = new ArrayList<>();
                long after = 0;
                int pages = 0;
                while (true) {
                    JsonNode page = history("?" + asOf + "&limit=" + limit + (after > 0 ? "&after=" + after : ""));
                    pages++;
                    List<Long> entries = globalIndexes(page);
                    assertThat(entries.size()).as(asOf + " limit " + limit).isLessThanOrEqualTo(limit);
                    paged.addAll(entries);
                    assertThat(page.get("stateAsOf")).as(asOf + " limit " + limit).isEqualTo(whole.get("stateAsOf"));
                    if (page.get("page").get("nextAfter").isNull()) {
                        break;
                    }
                    after = page.get("page").get("nextAfter").asLong();
                    assertThat(after).isEqualTo(entries.get(entries.size() - 1));
                }
                assertThat(paged).as(asOf + " limit " + limit).isEqualTo(expected.get(i));
                assertThat(pages).as(asOf + " limit " + limit)
                        .isEqualTo(Math.max(1, (expected.get(i).size() + limit - 1) / limit));
            }
        }
        // The state is the instant's, not the latest: before the flip the care provider holds the lease.
        assertThat(history("?asOf=" + instants.get(2)).get("stateAsOf").toString()).contains("the care provider");
        assertThat(history("?asOf=" + instants.get(3)).get("stateAsOf").toString()).contains("the client");
    }

    @Test
    void a_request_reads_the_clients_events_once_whichever_page_it_asks_for() throws Exception {
        CountedHistoryReads.READS.set(0);
        JsonNode first = history("");
        assertThat(CountedHistoryReads.READS.get()).as("the first page as of now").isEqualTo(1);

        CountedHistoryReads.READS.set(0);
        JsonNode middle = history("?limit=3&after=" + first.get("entries").get(2).get("globalIndex").asLong());
        assertThat(middle.get("entries")).hasSize(3);
        assertThat(middle.get("page").get("nextAfter").isNull()).isFalse();
        assertThat(CountedHistoryReads.READS.get()).as("a page with events before and after it").isEqualTo(1);

        CountedHistoryReads.READS.set(0);
        history("?asOf=" + instants.get(2) + "&limit=2");
        assertThat(CountedHistoryReads.READS.get()).as("a past instant, paged").isEqualTo(1);
    }

    private static List<Long> globalIndexes(JsonNode history) {
        List<Long> indexes = new ArrayList<>();
        history.get("entries").forEach(entry -> indexes.add(entry.get("globalIndex").asLong()));
        return indexes;
    }
}
