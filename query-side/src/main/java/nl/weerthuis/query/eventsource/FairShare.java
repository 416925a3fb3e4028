package nl.weerthuis.query.eventsource;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import org.axonframework.eventhandling.pooled.MaxSegmentProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * How many segments of a processor this instance may claim: its fair share, {@code ceil(segments / live instances)},
 * with the live instances counted from their heartbeat rows ({@code query_instance}). Axon's pooled processor asks
 * on every claim cycle: an instance under its share claims what is free, one over it releases the surplus (for one
 * claim interval, so another instance can take it). So claims balance themselves when an instance joins (everyone's
 * share shrinks) or leaves (a stopped one deletes its row and releases its claims; a killed one's row and claims
 * time out), with nothing set by hand.
 */
@Component
public class FairShare implements MaxSegmentProvider {

    /** Segments per processor when its tokens are first made; a split or merge later is read from the tokens. */
    public static final int SEGMENTS = 16;

    private final JdbcTemplate jdbc;
    private final Duration instanceTimeout;
    private final String instance = "query-" + UUID.randomUUID();
    private volatile int liveInstances = 1;
    private volatile Map<String, Integer> segments = Map.of();

    FairShare(JdbcTemplate jdbc, @Value("${weerthuis.processing.instance-timeout:PT10S}") Duration instanceTimeout) {
        this.jdbc = jdbc;
        this.instanceTimeout = instanceTimeout;
    }

    /** This instance's name in {@code query_instance} and {@code handled_event_count}. */
    public String instance() {
        return instance;
    }

    @Override
    public int getMaxSegments(String processor) {
        int total = segments.getOrDefault(processor, SEGMENTS);
        return Math.max(1, (total + liveInstances - 1) / liveInstances);
    }

    /** Says this instance is alive, forgets those silent for longer than the timeout, and counts the rest. */
    @PostConstruct
    @Scheduled(fixedDelayString = "${weerthuis.processing.heartbeat-interval:PT2S}")
    public void heartbeat() {
        jdbc.update("""
                INSERT INTO query_instance (node_id, last_seen) VALUES (?, now())
                ON CONFLICT (node_id) DO UPDATE SET last_seen = now()""", instance);
        jdbc.update("DELETE FROM query_instance WHERE last_seen < now() - make_interval(secs => ?)",
                instanceTimeout.toMillis() / 1000.0);
        Integer live = jdbc.queryForObject("SELECT count(*) FROM query_instance", Integer.class);
        Map<String, Integer> counted = new HashMap<>();
        jdbc.query("SELECT processor_name, count(*) FROM query_token_entry GROUP BY processor_name",
                row -> {
                    counted.put(row.getString(1), row.getInt(2));
                });
        segments = Map.copyOf(counted);
        liveInstances = Math.max(1, live == null ? 1 : live);
    }

    /** A stopping instance leaves at once, so the others take its share without waiting for the timeout. */
    @PreDestroy
    void leave() {
        jdbc.update("DELETE FROM query_instance WHERE node_id = ?", instance);
    }
}
