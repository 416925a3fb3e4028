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
 * How many segments of a processor this instance may claim: its fair share ({@link #shareOf}), with the live
 * instances counted from their heartbeat rows ({@code query_instance}). Axon's pooled processor asks on every claim
 * cycle: an instance under its share claims what is free, one over it releases the surplus (for one claim interval,
 * so another instance can take it). So claims balance themselves when an instance joins (everyone's share shrinks)
 * or leaves (a stopped one deletes its row and releases its claims; a killed one's row and claims time out), with
 * nothing set by hand.
 */
@Component
public class FairShare implements MaxSegmentProvider {

    private final JdbcTemplate jdbc;
    private final Duration instanceTimeout;
    private final int initialSegments;
    private final String instance = "query-" + UUID.randomUUID();
    private volatile int liveInstances = 1;
    /** This instance's place among the live ones, by name: who takes one more when the segments do not divide. */
    private volatile int rank = 0;
    private volatile Map<String, Integer> segments = Map.of();

    FairShare(JdbcTemplate jdbc, @Value("${weerthuis.processing.instance-timeout:PT10S}") Duration instanceTimeout,
              @Value("${weerthuis.processing.segments}") int initialSegments) {
        this.jdbc = jdbc;
        this.instanceTimeout = instanceTimeout;
        this.initialSegments = initialSegments;
    }

    /**
     * Segments per processor when its tokens are first made, and after a rebuild (whose token is split into this
     * many for the live processor: a rebuild is how a read model changes its count). Every segment's work package
     * holds up to 1,024 events for Axon's coordinator, which counts each package's queue (a linked queue, counted by
     * walking it) before every event it hands out: its cost per event grows with the segments, and each segment's
     * batch shrinks to its part of those 1,024. So no more segments than the workers of all instances together.
     */
    public int initialSegments() {
        return initialSegments;
    }

    /** This instance's name in {@code query_instance} and {@code handled_event_count}. */
    public String instance() {
        return instance;
    }

    @Override
    public int getMaxSegments(String processor) {
        return shareOf(segments.getOrDefault(processor, initialSegments), liveInstances, rank);
    }

    /**
     * {@code total / live} each, and one more for the first {@code total % live} instances by name: the shares add up
     * to the total, so a newcomer gets its part even when the segments barely outnumber the instances (with a share
     * rounded up for all, 4 segments held 2 + 2 would leave a third instance none). Never below one, so an instance
     * that counted itself out of date still takes a segment nobody holds.
     */
    static int shareOf(int total, int live, int rank) {
        int instances = Math.max(1, live);
        int share = total / instances + (Math.floorMod(rank, instances) < total % instances ? 1 : 0);
        return Math.max(1, share);
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
        java.util.List<String> live = jdbc.queryForList("SELECT node_id FROM query_instance ORDER BY node_id", String.class);
        Map<String, Integer> counted = new HashMap<>();
        jdbc.query("SELECT processor_name, count(*) FROM query_token_entry GROUP BY processor_name",
                row -> {
                    counted.put(row.getString(1), row.getInt(2));
                });
        segments = Map.copyOf(counted);
        rank = Math.max(0, live.indexOf(instance));
        liveInstances = Math.max(1, live.size());
    }

    /** A stopping instance leaves at once, so the others take its share without waiting for the timeout. */
    @PreDestroy
    void leave() {
        jdbc.update("DELETE FROM query_instance WHERE node_id = ?", instance);
    }
}
