package nl.weerthuis.query.access;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import nl.weerthuis.kernel.identity.Actor;
import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Logboek Dataverwerkingen: one record per processing per data subject, written by the caller inside the
 * transaction of the read it logs, so no disclosure commits unlogged. The data subject is pseudonymised with a keyed
 * hash: the log links records of one client without holding their id, and only holders of the key can look it up.
 */
@Component
public class ProcessingLog {

    private static final Pattern TRACE_PARENT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;
    private final ProcessingActivities activities;
    private final SecretKeySpec pseudonymKey;

    ProcessingLog(JdbcTemplate jdbc, ProcessingActivities activities,
                  @Value("${weerthuis.privacy.pseudonym-key}") String pseudonymKey) {
        if (pseudonymKey == null || pseudonymKey.length() < 32) {
            throw new IllegalStateException("weerthuis.privacy.pseudonym-key must be at least 32 characters");
        }
        this.jdbc = jdbc;
        this.activities = activities;
        this.pseudonymKey = new SecretKeySpec(pseudonymKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** The W3C trace this processing belongs to, and its own span within it. */
    public record Trace(String traceId, String spanId, String parentSpanId) {

        public static Trace from(String traceParent) {
            Matcher matcher = traceParent == null ? null : TRACE_PARENT.matcher(traceParent);
            if (matcher != null && matcher.matches()) {
                return new Trace(matcher.group(1), hex(8), matcher.group(2));
            }
            return new Trace(hex(16), hex(8), null);
        }

        public String traceParent() {
            return "00-" + traceId + "-" + spanId + "-01";
        }
    }

    public void record(String activityId, List<String> clientIds, Actor caller, Trace trace, String status) {
        requireRegistered(activityId);
        String roles = caller.roles().stream().map(Enum::name).sorted().collect(java.util.stream.Collectors.joining(","));
        for (String clientId : clientIds) {
            insert(trace, activityId, clientId, caller.organisation(), caller.organisationType().name(),
                    caller.person(), roles, status);
        }
    }

    /** A disclosure by the system itself (a notification to a partner): the receiving organisation is the party. */
    public void recordDisclosure(String activityId, String clientId, String organisation, String organisationType,
                                 String receiver) {
        requireRegistered(activityId);
        insert(new Trace(hex(16), hex(8), null), activityId, clientId, organisation, organisationType, receiver,
                "PARTNER_SYSTEM", "COMPLETED");
    }

    private void requireRegistered(String activityId) {
        if (activities.find(activityId).isEmpty()) {
            throw new IllegalArgumentException("no processing activity " + activityId + " in the register");
        }
    }

    private void insert(Trace trace, String activityId, String clientId, String organisation, String organisationType,
                        String person, String roles, String status) {
        jdbc.update("""
                INSERT INTO processing_log (trace_id, span_id, parent_span_id, activity_id, data_subject, organisation,
                    organisation_type, person, roles, recorded_at, status)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                trace.traceId(), trace.spanId(), trace.parentSpanId(), activityId, pseudonym(clientId), organisation,
                organisationType, person, roles, Timestamp.from(Instant.now()), status);
    }

    public String pseudonym(String clientId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(pseudonymKey);
            return HexFormat.of().formatHex(mac.doFinal(clientId.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(int bytes) {
        byte[] buffer = new byte[bytes];
        RANDOM.nextBytes(buffer);
        return HexFormat.of().formatHex(buffer);
    }
}
