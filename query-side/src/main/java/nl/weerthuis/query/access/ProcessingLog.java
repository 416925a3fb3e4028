package nl.weerthuis.query.access;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import nl.weerthuis.kernel.identity.Actor;
import nl.weerthuis.kernel.privacy.KeyEncryptionKeys;
import nl.weerthuis.kernel.privacy.SecretBox;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.HandlerMapping;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Logboek Dataverwerkingen (Logius; the fields and their meaning as in "Component: Logboek" and "Component: Applicatie",
 * github.com/Logius-standaarden/logboek-dataverwerkingen, sections/03-specificaties/02- and 03-component-*.md): one
 * record per action per data subject, written by the caller inside the transaction of the read or disclosure it
 * logs, so no disclosure commits unlogged, and never sampled.
 *
 * <p>A record has the standard's {@code trace_id}, {@code span_id}, {@code parent_span_id}, {@code name},
 * {@code start_time}, {@code end_time}, {@code status_code}, {@code resource} and, when another party's call started
 * it (a {@code traceparent} came with the request), {@code foreign_operation}; its attributes are
 * {@code dpl.core.processing_activity_id} (the activity's URI in the served register), {@code dpl.core.data_subject_id}
 * (the client id, encrypted under the installation's key for this purpose) and {@code dpl.core.data_subject_id_type}.
 * Trace and span ids follow W3C Trace Context, the part of OpenTelemetry the standard rests on; they are made here
 * (random, as W3C asks) rather than by the OpenTelemetry SDK, which this application does not otherwise need.
 *
 * <p>The subject is also kept as a keyed hash (pseudonym): the log links one client's records without holding their
 * id, and a client's own records are found by it. The id is not sealed with the client's own data key: that format
 * names its client in plain, which would defeat encrypting the id.
 */
@Component
public class ProcessingLog {

    /** What {@code dpl.core.data_subject_id} holds: this system's pseudonymous client id (never a BSN). */
    public static final String DATA_SUBJECT_ID_TYPE = "urn:nl:weerthuis:client-id";

    private static final Pattern TRACE_PARENT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final ProcessingActivities activities;
    private final SecretKeySpec pseudonymKey;
    private final SecretBox subjectIds;
    private final ObjectMapper json;
    private final String resource;

    ProcessingLog(JdbcTemplate jdbc, ProcessingActivities activities,
                  @Value("${weerthuis.privacy.pseudonym-key}") String pseudonymKey, KeyEncryptionKeys keyEncryptionKeys,
                  ObjectMapper json, @Value("${spring.application.name:weerthuis-query-side}") String applicationName) {
        if (pseudonymKey == null || pseudonymKey.length() < 32) {
            throw new IllegalStateException("weerthuis.privacy.pseudonym-key must be at least 32 characters");
        }
        this.jdbc = jdbc;
        this.activities = activities;
        this.pseudonymKey = new SecretKeySpec(pseudonymKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.subjectIds = new SecretBox(keyEncryptionKeys, "processing-log-data-subject-id");
        this.json = json;
        String version = ProcessingLog.class.getPackage().getImplementationVersion();
        this.resource = write(Map.of("attributes", Map.of("service.name", applicationName,
                "service.version", version == null ? "development" : version)));
    }

    /** The calling action at another party, as the standard's {@code foreign_operation} names it. */
    public record ForeignOperation(String traceId, String spanId, String entity) {
    }

    /**
     * The W3C trace this processing belongs to, its own span within it, when it started, and whether the trace came
     * with another party's call (then that call is the record's foreign operation).
     */
    public record Trace(String traceId, String spanId, String parentSpanId, Instant startedAt, boolean fromCaller) {

        /** The trace of an incoming request: the caller's {@code traceparent} continued, or a new trace. */
        public static Trace from(String traceParent) {
            return continuing(traceParent, true);
        }

        /** A new action inside the trace of something this system did before (a delivery of an event's notice). */
        public static Trace childOf(String traceParent) {
            return continuing(traceParent, false);
        }

        private static Trace continuing(String traceParent, boolean fromCaller) {
            Matcher matcher = traceParent == null ? null : TRACE_PARENT.matcher(traceParent);
            Instant now = Instant.now();
            if (matcher != null && matcher.matches() && !matcher.group(1).matches("0+") && !matcher.group(2).matches("0+")) {
                return new Trace(matcher.group(1), hex(8), matcher.group(2), now, fromCaller);
            }
            return new Trace(hex(16), hex(8), null, now, false);
        }

        /** This action as the parent of the next one, e.g. in a {@code traceparent} header it sends on. */
        public String traceParent() {
            return "00-" + traceId + "-" + spanId + "-01";
        }
    }

    public void record(String activityId, List<String> clientIds, Actor caller, Trace trace, String status) {
        requireRegistered(activityId);
        String roles = caller.roles().stream().map(Enum::name).sorted().collect(java.util.stream.Collectors.joining(","));
        ForeignOperation foreign = trace.fromCaller()
                ? new ForeignOperation(trace.traceId(), trace.parentSpanId(), entityOf(caller.organisation())) : null;
        for (String clientId : clientIds) {
            // One action per data subject (Component Applicatie): the first is the request's span, the others its
            // children.
            Trace action = clientIds.size() == 1 ? trace : new Trace(trace.traceId(), hex(8), trace.spanId(),
                    trace.startedAt(), false);
            insert(action, foreign, nameOfCurrentRequest(activityId), activityId, clientId, caller.organisation(),
                    caller.organisationType().name(), caller.person(), roles, status);
        }
    }

    /**
     * A disclosure by the system itself (a notification to a partner): the receiving organisation is the party.
     * {@code foreign} is the partner's own call where one started it (a read of the pull feed), else null.
     */
    public void recordDisclosure(String activityId, String clientId, String organisation, String organisationType,
                                 String receiver, Trace trace, String name, boolean startedByTheReceiver) {
        requireRegistered(activityId);
        ForeignOperation foreign = startedByTheReceiver && trace.fromCaller()
                ? new ForeignOperation(trace.traceId(), trace.parentSpanId(), entityOf(organisation)) : null;
        insert(trace, foreign, name, activityId, clientId, organisation, organisationType, receiver, "PARTNER_SYSTEM",
                "COMPLETED");
    }

    private void requireRegistered(String activityId) {
        if (activities.find(activityId).isEmpty()) {
            throw new IllegalArgumentException("no processing activity " + activityId + " in the register");
        }
    }

    private void insert(Trace trace, ForeignOperation foreign, String name, String activityId, String clientId,
                        String organisation, String organisationType, String person, String roles, String status) {
        Instant end = Instant.now();
        jdbc.update("""
                INSERT INTO processing_log (trace_id, span_id, parent_span_id, activity_id, data_subject, organisation,
                    organisation_type, person, roles, recorded_at, status, name, start_time, end_time, status_code,
                    resource, foreign_trace_id, foreign_span_id, foreign_entity, processing_activity_id, data_subject_id,
                    data_subject_id_type)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                trace.traceId(), trace.spanId(), trace.parentSpanId(), activityId, pseudonym(clientId), organisation,
                organisationType, person, roles, Timestamp.from(end), status, truncate(name),
                Timestamp.from(trace.startedAt().isAfter(end) ? end : trace.startedAt()), Timestamp.from(end),
                StatusCode.of(status).code(), resource,
                foreign == null ? null : foreign.traceId(), foreign == null ? null : foreign.spanId(),
                foreign == null ? null : foreign.entity(), activities.uriOf(activityId).toString(),
                subjectIds.seal(clientId), DATA_SUBJECT_ID_TYPE);
    }

    /** The standard's status codes: a processing without a server-side failure is UNSET or (explicitly) OK. */
    public enum StatusCode {
        STATUS_CODE_UNSET(0), STATUS_CODE_OK(1), STATUS_CODE_ERROR(2);

        private final int code;

        StatusCode(int code) {
            this.code = code;
        }

        public int code() {
            return code;
        }

        static StatusCode of(String status) {
            return switch (status) {
                case "COMPLETED" -> STATUS_CODE_OK;
                case "FAILED" -> STATUS_CODE_ERROR;
                default -> STATUS_CODE_UNSET;
            };
        }

        static StatusCode of(int code) {
            for (StatusCode value : values()) {
                if (value.code == code) {
                    return value;
                }
            }
            throw new IllegalArgumentException("status code " + code);
        }
    }

    /**
     * One stored record in the standard's shape (field names as in the standard; times RFC 3339 in UTC with
     * milliseconds, as the standard's "timestamp (ms)"); the subject's id stays encrypted.
     */
    public Map<String, Object> inTheStandardsShape(ResultSet row) throws SQLException {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("trace_id", row.getString("trace_id"));
        record.put("span_id", row.getString("span_id"));
        if (row.getString("parent_span_id") != null) {
            record.put("parent_span_id", row.getString("parent_span_id"));
        }
        record.put("name", row.getString("name"));
        record.put("start_time", rfc3339(row.getTimestamp("start_time")));
        record.put("end_time", rfc3339(row.getTimestamp("end_time")));
        record.put("status_code", StatusCode.of(row.getInt("status_code")).name());
        if (row.getString("resource") != null) {
            record.put("resource", read(row.getString("resource")));
        }
        if (row.getString("foreign_trace_id") != null) {
            record.put("foreign_operation", Map.of("trace_id", row.getString("foreign_trace_id"),
                    "span_id", row.getString("foreign_span_id"), "entity", row.getString("foreign_entity")));
        }
        Map<String, Object> attributes = new LinkedHashMap<>();
        String activityUri = row.getString("processing_activity_id");
        attributes.put("dpl.core.processing_activity_id",
                activityUri != null ? activityUri : activities.uriOf(row.getString("activity_id")).toString());
        if (row.getString("data_subject_id") != null) {
            attributes.put("dpl.core.data_subject_id", row.getString("data_subject_id"));
            attributes.put("dpl.core.data_subject_id_type", row.getString("data_subject_id_type"));
        }
        record.put("attributes", attributes);
        return record;
    }

    /** Every record of one client, in the standard's shape, oldest first. */
    public List<Map<String, Object>> recordsOf(String clientId) {
        return jdbc.query("SELECT * FROM processing_log WHERE data_subject = ? ORDER BY recorded_at, id",
                (row, n) -> inTheStandardsShape(row), pseudonym(clientId));
    }

    /** For whoever holds the installation's key: whom an encrypted {@code dpl.core.data_subject_id} names. */
    public String openDataSubjectId(String sealed) {
        return subjectIds.open(sealed);
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

    /** An organisation as a URI (the standard's {@code entity}): its OIN or KvK number in the NL GOV URN form. */
    static String entityOf(String organisation) {
        return (organisation != null && organisation.length() == 8 ? "urn:nld:kvk:" : "urn:nld:oin:") + organisation;
    }

    /** The action's name: the request's method and route ("GET /api/v1/clients/{clientId}/history"). */
    private static String nameOfCurrentRequest(String fallback) {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            Object route = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
            return request.getMethod() + " " + (route != null ? route : request.getRequestURI());
        }
        return fallback;
    }

    private static String rfc3339(Timestamp at) {
        return DateTimeFormatter.ISO_INSTANT.format(at.toInstant().truncatedTo(ChronoUnit.MILLIS))
                .replaceFirst("(\\d{2}:\\d{2}:\\d{2})Z$", "$1.000Z");
    }

    private static String truncate(String name) {
        return name.length() > 300 ? name.substring(0, 300) : name;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Object> read(String text) {
        try {
            return json.readValue(text, JSON_OBJECT);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(int bytes) {
        byte[] buffer = new byte[bytes];
        RANDOM.nextBytes(buffer);
        return HexFormat.of().formatHex(buffer);
    }
}
