package nl.weerthuis.query.history;

import com.fasterxml.jackson.databind.ObjectMapper;
import nl.weerthuis.kernel.agreement.AgreementAdoptedEvent;
import nl.weerthuis.kernel.agreement.AgreementPolicy;
import nl.weerthuis.kernel.agreement.PolicyAmendedEvent;
import nl.weerthuis.kernel.client.CareSetting;
import nl.weerthuis.kernel.client.ClientRegisteredEvent;
import nl.weerthuis.kernel.tenancy.Dwelling;
import nl.weerthuis.kernel.tenancy.DwellingOfferedEvent;
import nl.weerthuis.kernel.tenancy.LeaseForm;
import nl.weerthuis.query.support.EventStoreFixture;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The history's subjects and agreement versions written per batch are the rows of the same events handled one at a
 * time: a batch with every kind of event, and with events handled twice (a replay), writes each row once. Each run
 * is rolled back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(EventStoreFixture.class)
class HistorySubjectsBatchingTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    ObjectMapper json;

    @Test
    void a_batch_writes_the_rows_of_its_events_one_by_one_and_a_replayed_event_once() {
        String agreement = "agreement-" + UUID.randomUUID();
        List<String> clients = new ArrayList<>();
        List<EventMessage<?>> events = new ArrayList<>();
        events.add(message(new AgreementAdoptedEvent(agreement, "Salland", "Convenant Salland", 1,
                LocalDate.of(2024, 1, 1), AgreementPolicy.NATIONAL_DEFAULT)));
        for (int i = 0; i < 5; i++) {
            String client = UUID.randomUUID().toString();
            clients.add(client);
            events.add(message(new ClientRegisteredEvent(client, CareSetting.SHELTER, "MO", "Salland", "Deventer",
                    "87654321", LocalDate.of(2024, 1, 8), null)));
            events.add(message(new DwellingOfferedEvent(UUID.randomUUID().toString(), client, "L0001", "87654321",
                    LeaseForm.TRIPARTITE, new Dwelling("Brink 1", "Deventer", "Binnenstad"), "Salland", true,
                    LocalDate.of(2024, 4, 1), LocalDate.of(2024, 2, 1), agreement, 1, Period.ofMonths(6))));
        }
        events.add(message(new PolicyAmendedEvent(agreement, "Salland", 2, LocalDate.of(2025, 1, 1),
                AgreementPolicy.NATIONAL_DEFAULT, "evaluated")));
        List<EventMessage<?>> replayed = new ArrayList<>(events);
        replayed.addAll(events.subList(0, 4));

        List<String> oneByOne = rolledBack(() -> {
            AnnotationEventHandlerAdapter subjects = new AnnotationEventHandlerAdapter(new HistorySubjects(jdbc, json, transactions));
            events.forEach(event -> handle(subjects, List.of(event)));
            return rows(clients, agreement);
        });
        List<String> inOneBatch = rolledBack(() -> {
            AnnotationEventHandlerAdapter subjects = new AnnotationEventHandlerAdapter(new HistorySubjects(jdbc, json, transactions));
            handle(subjects, replayed);
            return rows(clients, agreement);
        });

        assertThat(oneByOne).hasSize(5 * 2 + 2);
        assertThat(inOneBatch).isEqualTo(oneByOne);
    }

    private List<String> rolledBack(java.util.function.Supplier<List<String>> work) {
        List<String> rows = new ArrayList<>();
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            rows.addAll(work.get());
            status.setRollbackOnly();
        });
        return rows;
    }

    private static void handle(AnnotationEventHandlerAdapter handlers, List<EventMessage<?>> batch) {
        new BatchingUnitOfWork<>(batch).executeWithResult(
                () -> handlers.handle((EventMessage<?>) CurrentUnitOfWork.get().getMessage()));
    }

    private List<String> rows(List<String> clients, String agreement) {
        List<String> rows = new ArrayList<>(jdbc.queryForList("""
                SELECT aggregate_type || '/' || client_id || '/' || region FROM history_subject
                WHERE client_id = ANY (?) ORDER BY aggregate_identifier""", String.class, (Object) clients.toArray(String[]::new)));
        rows.addAll(jdbc.queryForList("""
                SELECT version || '/' || region || '/' || effective_from || '/' || coalesce(name, '-') || '/' || (policy IS NOT NULL)
                FROM history_agreement_version WHERE agreement_id = ? ORDER BY version""", String.class, agreement));
        return rows;
    }

    private static EventMessage<?> message(Object payload) {
        return GenericEventMessage.asEventMessage(payload);
    }
}
