package nl.weerthuis.query.support;

import nl.weerthuis.testsupport.TestTokens;
import nl.weerthuis.kernel.eventstore.EventStoreTables;
import nl.weerthuis.kernel.eventstore.HashChainedAppend;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.weerthuis.kernel.privacy.JdbcPersonalDataKeys;
import nl.weerthuis.kernel.privacy.PersonalDataCipher;
import nl.weerthuis.kernel.privacy.PersonalDataKeys;
import nl.weerthuis.kernel.privacy.SealingSerializers;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

/**
 * Stands in for the command side in query-side tests: creates the shared event store tables with the command
 * side's migrations (from the shared kernel) and appends events through a writable Axon engine over the same
 * tables, exactly as the command side does.
 */
@TestConfiguration
@org.springframework.context.annotation.Import(EventStoreFirst.class)
public class EventStoreFixture {

    /**
     * An event class renamed after events of it were stored, as {@code HistoryShapeTest} stores them: every test
     * context reads them through the rename's upcaster, as every reader of a real store would once the rename (and its
     * entry in {@code EventRenames.ALL}) ships. (Only the history reads flip approvals, so a context without it, such
     * as WebBoundaryHttpTest's, leaves every other read model as it would be.)
     */
    public static final String FORMER_FLIP_APPROVAL_NAME = "nl.weerthuis.kernel.tenancy.FlipConsentRecordedEvent";

    @Bean
    org.axonframework.serialization.upcasting.event.EventUpcaster formerEventNames() {
        return nl.weerthuis.kernel.eventstore.EventRenames.upcasters(java.util.List.of(
                new nl.weerthuis.kernel.eventstore.EventRenames.Rename(FORMER_FLIP_APPROVAL_NAME, null,
                        nl.weerthuis.kernel.tenancy.FlipApprovedEvent.class)));
    }

    @Bean
    Appender eventAppender(DataSource readStore, ObjectMapper web) {
        // Within a test's own transaction, appends join it (and closing a connection does not end it).
        ConnectionProvider connections = new org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider(readStore);
        // As the command side: personal data sealed with client keys made on first use.
        PersonalDataKeys keys = new JdbcPersonalDataKeys(connections,
                Base64.getDecoder().decode(TestTokens.KEY_ENCRYPTION_KEY), true, Duration.ZERO, Clock.systemUTC());
        Serializer eventSerializer = SealingSerializers.jackson(web, new PersonalDataCipher(keys));
        return new Appender(JdbcEventStorageEngine.builder()
                .connectionProvider(connections)
                .transactionManager(NoTransactionManager.INSTANCE)
                .schema(EventStoreTables.eventSchema())
                .eventSerializer(eventSerializer)
                .snapshotSerializer(eventSerializer)
                .appendEvents(new HashChainedAppend())
                .build());
    }

    public record Appender(JdbcEventStorageEngine engine) {

        /** Appends one event as the first of a new aggregate. */
        public void append(String aggregateType, String aggregateId, Object payload) {
            append(aggregateType, aggregateId, 0, payload);
        }

        public void append(String aggregateType, String aggregateId, long sequence, Object payload) {
            append(aggregateType, aggregateId, sequence, payload, MetaData.with("actorOrganisation", "00000001001234567000")
                    .and("traceId", UUID.randomUUID().toString()));
        }

        public void append(String aggregateType, String aggregateId, long sequence, Object payload, MetaData metaData) {
            engine.appendEvents(new GenericDomainEventMessage<>(aggregateType, aggregateId, sequence, payload, metaData));
        }
    }
}
