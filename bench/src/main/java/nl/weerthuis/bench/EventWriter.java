package nl.weerthuis.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.zaxxer.hikari.HikariDataSource;
import nl.weerthuis.kernel.eventstore.EventStoreTables;
import nl.weerthuis.kernel.eventstore.HashChainedAppend;
import nl.weerthuis.kernel.privacy.DataSubjectMetadata;
import nl.weerthuis.kernel.privacy.JdbcPersonalDataKeys;
import nl.weerthuis.kernel.privacy.PersonalDataCipher;
import nl.weerthuis.kernel.privacy.SealingSerializers;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Appends generated events exactly as the command side stores them: Axon's JDBC engine, personal data sealed per
 * client, every event in its aggregate's hash chain. Loading a national-scale store through HTTP would take hours;
 * the stored form is what the projections, histories and benchmarks read.
 */
final class EventWriter implements AutoCloseable {

    private final HikariDataSource dataSource;
    private final JdbcEventStorageEngine engine;

    EventWriter(App.Database database, int connections) {
        dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(database.jdbcUrl());
        dataSource.setUsername(database.user());
        dataSource.setPassword(database.password());
        dataSource.setMaximumPoolSize(connections);
        dataSource.setAutoCommit(true);
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .setSerializationInclusion(JsonInclude.Include.NON_NULL);
        JdbcPersonalDataKeys keys = new JdbcPersonalDataKeys(dataSource::getConnection,
                Base64.getDecoder().decode(App.KEY_ENCRYPTION_KEY), true, Duration.ofMinutes(10), Clock.systemUTC());
        Serializer serializer = SealingSerializers.jackson(mapper, new PersonalDataCipher(keys));
        engine = JdbcEventStorageEngine.builder()
                .connectionProvider(dataSource::getConnection)
                .transactionManager(NoTransactionManager.INSTANCE)
                .schema(EventStoreTables.eventSchema())
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .appendEvents(new HashChainedAppend())
                .build();
    }

    /** One aggregate's events, in one batch; the actor as the command side's metadata names it. */
    void append(String aggregateType, String aggregateId, List<Object> payloads, String actorOrganisation,
                String actorType, Instant at) {
        List<DomainEventMessage<?>> messages = new ArrayList<>();
        MetaData metaData = actor(actorOrganisation, actorType);
        for (int i = 0; i < payloads.size(); i++) {
            messages.add(asStored(new GenericDomainEventMessage<>(aggregateType, aggregateId, i, payloads.get(i), metaData,
                    java.util.UUID.randomUUID().toString(), at)));
        }
        appendAlone(messages);
    }

    /** One aggregate's events as its journey recorded them, each with the day it was recorded on. */
    record Stream(String aggregateType, String aggregateId, String actorOrganisation, String actorType,
                  List<Object> payloads, List<LocalDate> recordedOn) {
    }

    /**
     * Many aggregates' events in one batch, in the order a live system records them: by the day each was recorded
     * (never before the one before it in its aggregate), so the store holds them interleaved across aggregates, not
     * aggregate after aggregate. A recording time never lies after {@code now}.
     */
    void appendInterleaved(List<Stream> streams, Instant now) {
        record Timed(Instant at, long order, DomainEventMessage<?> message) {
        }
        List<Timed> timed = new ArrayList<>();
        long order = 0;
        for (Stream stream : streams) {
            MetaData metaData = actor(stream.actorOrganisation(), stream.actorType());
            Instant previous = Instant.MIN;
            for (int i = 0; i < stream.payloads().size(); i++) {
                Instant at = stream.recordedOn().get(i).atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(9 * 3600 + i);
                at = at.isBefore(previous) ? previous.plusMillis(1) : at;
                at = at.isAfter(now) ? now : at;
                previous = at;
                timed.add(new Timed(at, order++, asStored(new GenericDomainEventMessage<>(stream.aggregateType(),
                        stream.aggregateId(), i, stream.payloads().get(i), metaData, UUID.randomUUID().toString(), at))));
            }
        }
        // Stable on ties, so an aggregate's events keep their sequence order.
        timed.sort(Comparator.comparing(Timed::at).thenComparingLong(Timed::order));
        List<DomainEventMessage<?>> messages = new ArrayList<>(timed.size());
        timed.forEach(t -> messages.add(t.message()));
        appendAlone(messages);
    }

    /**
     * One batch at a time, so the store's global indexes commit in order. Concurrent batches leave gaps that a query
     * side reading along must wait for, but these events carry their historical recording times: Axon keeps no gap
     * behind an event older than its gap timeout, so a batch that commits after a later one is skipped for good (the
     * events of 540 of 90,000 clients, in a sweep's second step).
     */
    private synchronized void appendAlone(List<DomainEventMessage<?>> messages) {
        engine.appendEvents(messages);
    }

    private static final DataSubjectMetadata DATA_SUBJECT = new DataSubjectMetadata();

    /** With the metadata the command side's event bus adds on the way into the store (its data subject). */
    private static DomainEventMessage<?> asStored(DomainEventMessage<?> message) {
        return (DomainEventMessage<?>) DATA_SUBJECT.handle(List.of(message)).apply(0, message);
    }

    private static MetaData actor(String actorOrganisation, String actorType) {
        return MetaData.with("actorOrganisation", actorOrganisation).and("actorOrganisationType", actorType)
                .and("actorPerson", "generated").and("actorRoles", "CASEWORKER");
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
