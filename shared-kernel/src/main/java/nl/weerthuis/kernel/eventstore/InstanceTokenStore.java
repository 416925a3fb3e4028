package nl.weerthuis.kernel.eventstore;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.serialization.Serializer;

import java.lang.management.ManagementFactory;
import java.util.UUID;

/**
 * Axon's JDBC token store with claims in the name of one running application instance. Axon's default owner is the
 * JVM ({@code pid@host}): two application contexts in one JVM (as in a test run) then both believe they hold every
 * segment and process the same events twice. With an owner per instance, an instance only ever processes the
 * segments it claimed; one that stops releases them, one that dies loses them after the claim timeout.
 */
public final class InstanceTokenStore {

    private InstanceTokenStore() {
    }

    public static TokenStore create(ConnectionProvider connections, Serializer serializer, TokenSchema schema) {
        return create(connections, serializer, schema, newNodeId());
    }

    /** With a node id the caller knows, e.g. to hand segments over to this instance by writing its name as owner. */
    public static TokenStore create(ConnectionProvider connections, Serializer serializer, TokenSchema schema,
                                    String nodeId) {
        return JdbcTokenStore.builder()
                .connectionProvider(connections)
                .serializer(serializer)
                .schema(schema)
                .nodeId(nodeId)
                .build();
    }

    /** A name for one running application instance: its JVM and a random part. */
    public static String newNodeId() {
        return ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }
}
