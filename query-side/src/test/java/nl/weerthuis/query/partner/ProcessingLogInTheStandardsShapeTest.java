package nl.weerthuis.query.partner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.weerthuis.kernel.client.CareSetting;
import nl.weerthuis.kernel.client.ClientRegisteredEvent;
import nl.weerthuis.kernel.tenancy.Dwelling;
import nl.weerthuis.kernel.tenancy.DwellingOfferedEvent;
import nl.weerthuis.kernel.tenancy.LeaseForm;
import nl.weerthuis.kernel.tenancy.LeaseHolder;
import nl.weerthuis.kernel.tenancy.TenancyStartedEvent;
import nl.weerthuis.query.access.ProcessingLog;
import nl.weerthuis.query.support.EventStoreFixture;
import nl.weerthuis.testsupport.TestTokens;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A processing-log record of a history read and of a partner delivery holds what Logius' Logboek Dataverwerkingen
 * asks of a record ("Component: Logboek": required fields, 16-byte trace id, 8-byte span ids, timestamps, the status
 * code's values, foreign_operation's fields, the dpl.core attributes), and carries the W3C trace context through.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(EventStoreFixture.class)
class ProcessingLogInTheStandardsShapeTest {

    static final Pattern TRACE_ID = Pattern.compile("[0-9a-f]{32}"), SPAN_ID = Pattern.compile("[0-9a-f]{16}");
    static final Set<String> REQUIRED = Set.of("trace_id", "span_id", "name", "start_time", "end_time", "status_code",
            "attributes");
    static final Set<String> KNOWN = Set.of("trace_id", "span_id", "parent_span_id", "name", "start_time", "end_time",
            "status_code", "resource", "foreign_operation", "attributes");
    static final Set<String> STATUS_CODES = Set.of("STATUS_CODE_UNSET", "STATUS_CODE_OK", "STATUS_CODE_ERROR");

    @Autowired
    TestRestTemplate http;
    @Autowired
    EventStoreFixture.Appender events;
    @Autowired
    ProcessingLog processingLog;
    @Autowired
    ObjectMapper json;

    private final String corporation = String.format("%08d", ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999));
    private final String provider = String.format("%08d", ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999));

    /** Everything a record of personal data must be by the standard; empty when it is. */
    List<String> problems(Map<String, Object> record) {
        List<String> problems = new ArrayList<>();
        REQUIRED.stream().filter(field -> record.get(field) == null).forEach(field -> problems.add("no " + field));
        record.keySet().stream().filter(field -> !KNOWN.contains(field)).forEach(field -> problems.add("unknown " + field));
        hex(problems, "trace_id", record.get("trace_id"), TRACE_ID);
        hex(problems, "span_id", record.get("span_id"), SPAN_ID);
        if (record.containsKey("parent_span_id")) {
            hex(problems, "parent_span_id", record.get("parent_span_id"), SPAN_ID);
        }
        Instant start = time(problems, "start_time", record.get("start_time"));
        Instant end = time(problems, "end_time", record.get("end_time"));
        if (start != null && end != null && end.isBefore(start)) {
            problems.add("ends before it starts");
        }
        if (!STATUS_CODES.contains(String.valueOf(record.get("status_code")))) {
            problems.add("status_code " + record.get("status_code"));
        }
        if (record.get("foreign_operation") instanceof Map<?, ?> foreign) {
            hex(problems, "foreign_operation.trace_id", foreign.get("trace_id"), TRACE_ID);
            hex(problems, "foreign_operation.span_id", foreign.get("span_id"), SPAN_ID);
            if (!(foreign.get("entity") instanceof String entity) || !URI.create(entity).isAbsolute()) {
                problems.add("foreign_operation.entity is not a URI");
            }
        }
        if (record.get("attributes") instanceof Map<?, ?> attributes) {
            if (!(attributes.get("dpl.core.processing_activity_id") instanceof String activity)
                    || !URI.create(activity).isAbsolute()) {
                problems.add("dpl.core.processing_activity_id is not a URI");
            }
            for (String attribute : List.of("dpl.core.data_subject_id", "dpl.core.data_subject_id_type")) {
                if (!(attributes.get(attribute) instanceof String value) || value.isBlank()) {
                    problems.add("no " + attribute);
                }
            }
            attributes.keySet().stream().filter(key -> !key.toString().startsWith("dpl."))
                    .forEach(key -> problems.add("attribute outside the dpl. namespace: " + key));
        }
        return problems;
    }

    private static void hex(List<String> problems, String field, Object value, Pattern shape) {
        if (!(value instanceof String text) || !shape.matcher(text).matches() || text.matches("0+")) {
            problems.add(field + " is not " + shape + " (and not all zero): " + value);
        }
    }

    /** RFC 3339 with milliseconds, in UTC: the standard's "timestamp (ms)". */
    private static Instant time(List<String> problems, String field, Object value) {
        try {
            if (value instanceof String text && text.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z")) {
                return OffsetDateTime.parse(text).toInstant();
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        problems.add(field + " is not RFC 3339 with milliseconds: " + value);
        return null;
    }

    private static String hex(int bytes) {
        byte[] buffer = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(buffer);
        return HexFormat.of().formatHex(buffer);
    }

    private ResponseEntity<String> get(String path, String token, String traceParent) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        if (traceParent != null) {
            headers.set("traceparent", traceParent);
        }
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }

    private String registered(MetaData metaData) {
        String client = UUID.randomUUID().toString();
        events.append("Client", client, 0, new ClientRegisteredEvent(client, CareSetting.PROTECTED_HOUSING, "RIBW",
                "Twente", "Almelo", provider, LocalDate.of(2025, 1, 2), null), metaData);
        return client;
    }

    @Test
    void a_history_read_is_recorded_in_the_standards_shape_with_the_callers_operation_as_foreign() {
        String client = registered(MetaData.with("actorOrganisation", TestTokens.MUNICIPALITY));
        String own = TestTokens.clientToken(client);
        await().atMost(Duration.ofSeconds(10)).until(() -> get("/api/v1/clients/" + client + "/history", own, null)
                .getStatusCode().value() == 200);
        String callerTrace = hex(16), callerSpan = hex(8);
        ResponseEntity<String> read = get("/api/v1/clients/" + client + "/history", own,
                "00-" + callerTrace + "-" + callerSpan + "-01");
        assertThat(read.getStatusCode().value()).isEqualTo(200);

        Map<String, Object> record = processingLog.recordsOf(client).stream()
                .filter(r -> callerTrace.equals(r.get("trace_id"))).findFirst().orElseThrow();
        assertThat(problems(record)).isEmpty();
        assertThat(record.get("parent_span_id")).isEqualTo(callerSpan);
        assertThat(record.get("name")).isEqualTo("GET /api/v1/clients/{clientId}/history");
        assertThat(record.get("status_code")).isEqualTo("STATUS_CODE_OK");
        assertThat(read.getHeaders().getFirst("traceparent")).isEqualTo("00-" + callerTrace + "-" + record.get("span_id") + "-01");
        assertThat(record.get("foreign_operation")).isEqualTo(Map.of("trace_id", callerTrace, "span_id", callerSpan,
                "entity", "urn:nld:oin:" + TestTokens.MUNICIPALITY));
        Map<?, ?> attributes = (Map<?, ?>) record.get("attributes");
        assertThat((String) attributes.get("dpl.core.processing_activity_id")).endsWith("/api/v1/processing-activities/audit-decision-history");
        String subject = (String) attributes.get("dpl.core.data_subject_id");
        assertThat(subject).as("encrypted").doesNotContain(client);
        assertThat(processingLog.openDataSubjectId(subject)).isEqualTo(client);
        assertThat(attributes.get("dpl.core.data_subject_id_type")).isEqualTo(ProcessingLog.DATA_SUBJECT_ID_TYPE);

        // Without a caller's traceparent the read starts a trace of its own, and no other party's operation is named.
        get("/api/v1/clients/" + client + "/history", own, null);
        Map<String, Object> untraced = processingLog.recordsOf(client).stream()
                .filter(r -> !r.containsKey("parent_span_id")).reduce((first, last) -> last).orElseThrow();
        assertThat(problems(untraced)).isEmpty();
        assertThat(untraced).doesNotContainKey("foreign_operation");
    }

    @Test
    void a_partner_delivery_continues_the_events_trace_in_its_header_and_its_record() throws Exception {
        try (Receiver receiver = new Receiver()) {
            HttpHeaders headers = new HttpHeaders();
            headers.setBearerAuth(TestTokens.token(corporation, "HOUSING_CORPORATION", "PARTNER_SYSTEM"));
            headers.setContentType(MediaType.APPLICATION_JSON);
            assertThat(http.exchange("/api/v1/subscriptions", HttpMethod.POST, new HttpEntity<>("""
                    {"callbackUrl":"%s","eventTypes":["nl.weerthuis.huurovereenkomsten.tenancy-started"]}"""
                    .formatted(receiver.url()), headers), String.class).getStatusCode().value()).isEqualTo(201);

            String commandTrace = hex(16), commandSpan = hex(8);
            MetaData recorded = MetaData.with("actorOrganisation", corporation)
                    .and("traceparent", "00-" + commandTrace + "-" + commandSpan + "-01");
            String client = registered(MetaData.with("actorOrganisation", TestTokens.MUNICIPALITY));
            String tenancy = UUID.randomUUID().toString();
            Dwelling dwelling = new Dwelling("Dorpsstraat 1", "Almelo", "Centrum");
            events.append("Tenancy", tenancy, 0, new DwellingOfferedEvent(tenancy, client, corporation, provider,
                    LeaseForm.TRIPARTITE, dwelling, "Twente", false, LocalDate.of(2025, 2, 1), LocalDate.of(2025, 1, 10),
                    "national-default", 0, Period.ofMonths(3)), recorded);
            events.append("Tenancy", tenancy, 1, new TenancyStartedEvent(tenancy, client, LeaseForm.TRIPARTITE, corporation,
                    LeaseHolder.CARE_PROVIDER, provider, dwelling, "Twente", LocalDate.of(2025, 2, 10)), recorded);

            await().atMost(Duration.ofSeconds(20)).until(() -> receiver.accepted.size() == 1);
            String header = receiver.traceParents.get(0);
            assertThat(header).as("the webhook continues the command's trace in a span of its own")
                    .matches("00-" + commandTrace + "-[0-9a-f]{16}-01").doesNotContain(commandSpan);
            await().atMost(Duration.ofSeconds(10)).until(() -> processingLog.recordsOf(client).stream()
                    .anyMatch(r -> commandTrace.equals(r.get("trace_id"))));
            Map<String, Object> record = processingLog.recordsOf(client).stream()
                    .filter(r -> commandTrace.equals(r.get("trace_id"))).findFirst().orElseThrow();
            assertThat(problems(record)).isEmpty();
            assertThat(record.get("span_id")).isEqualTo(header.substring(36, 52));
            assertThat(record.get("parent_span_id")).isEqualTo(commandSpan);
            assertThat(record).as("this system called the partner, not the other way round").doesNotContainKey("foreign_operation");
            assertThat((String) ((Map<?, ?>) record.get("attributes")).get("dpl.core.processing_activity_id"))
                    .endsWith("/api/v1/processing-activities/partner-notification");

            // The partner's own call to the pull feed started that disclosure: its operation is the foreign one.
            String partnerTrace = hex(16), partnerSpan = hex(8);
            ResponseEntity<String> feed = get("/api/v1/events", TestTokens.token(corporation, "HOUSING_CORPORATION",
                    "PARTNER_SYSTEM"), "00-" + partnerTrace + "-" + partnerSpan + "-01");
            assertThat(feed.getStatusCode().value()).isEqualTo(200);
            Map<String, Object> pulled = processingLog.recordsOf(client).stream()
                    .filter(r -> partnerTrace.equals(r.get("trace_id"))).findFirst().orElseThrow();
            assertThat(problems(pulled)).isEmpty();
            assertThat(pulled.get("foreign_operation")).isEqualTo(Map.of("trace_id", partnerTrace, "span_id", partnerSpan,
                    "entity", "urn:nld:kvk:" + corporation));
        }
    }

    @Test
    void every_activity_a_record_names_resolves_in_the_served_register() throws Exception {
        JsonNode register = json.readTree(get("/api/v1/processing-activities",
                TestTokens.token(corporation, "HOUSING_CORPORATION", "PARTNER_SYSTEM"), null).getBody());
        assertThat(register.get("processingActivities").findValuesAsText("id")).contains("audit-decision-history",
                "partner-notification");
        for (JsonNode activity : register.get("processingActivities")) {
            assertThat(activity.get("uri").asText()).endsWith("/api/v1/processing-activities/" + activity.get("id").asText());
            assertThat(activity.get("purpose").asText()).isNotBlank();
            assertThat(activity.get("legalBasis").asText()).isNotBlank();
            String path = URI.create(activity.get("uri").asText()).getPath();
            assertThat(get(path, TestTokens.clientToken("anyone"), null).getStatusCode().value()).isEqualTo(200);
        }
    }
}
