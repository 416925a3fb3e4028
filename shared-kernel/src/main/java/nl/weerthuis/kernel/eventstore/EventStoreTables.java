package nl.weerthuis.kernel.eventstore;

import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;

/**
 * The shape of the shared event store tables (created by the migrations under {@code db/eventstore}), as Axon's
 * JDBC engine must address them. It lives in the kernel because it is a contract between the two applications,
 * just like the messages: the command side appends to these tables and the query side reads them.
 */
public final class EventStoreTables {

    public static final String DOMAIN_EVENT_ENTRY = "domain_event_entry";

    private EventStoreTables() {
    }

    public static EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable(DOMAIN_EVENT_ENTRY)
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    /** A token table of this shape; each application keeps its own, next to what its processors write. */
    public static TokenSchema tokenSchema(String table) {
        return TokenSchema.builder()
                .setTokenTable(table)
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("timestamp")
                .setOwnerColumn("owner")
                .build();
    }
}
