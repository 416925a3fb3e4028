package nl.weerthuis.query.partner.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import nl.weerthuis.query.access.ProcessingLog;
import nl.weerthuis.query.partner.PartnerEventTypes;
import nl.weerthuis.query.web.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import nl.weerthuis.kernel.identity.Actor;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@RestController
class EventFeedController {

    static final MediaType BATCH = MediaType.parseMediaType("application/cloudevents-batch+json");

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final ProcessingLog processingLog;

    EventFeedController(JdbcTemplate jdbc, ObjectMapper json, ProcessingLog processingLog) {
        this.jdbc = jdbc;
        this.json = json;
        this.processingLog = processingLog;
    }

    private record Row(long sequence, String clientId, String body) {
    }

    @ApiResponse(responseCode = "200", description = "A CloudEvents JSON batch, oldest first",
            content = @Content(mediaType = "application/cloudevents-batch+json", array = @ArraySchema(schema = @Schema(type = "object"))))
    @Operation(summary = "Your organisation's CloudEvents after a cursor, oldest first, to resynchronise after an outage",
            description = "The same events the subscriptions deliver. Returns a CloudEvents JSON batch; the header "
                    + "Link rel=next holds the cursor to continue from. Every event read is logged as a disclosure.")
    @GetMapping("/api/v1/events")
    @Transactional
    ResponseEntity<Object> events(@RequestParam(required = false) String after,
                                  @RequestParam(defaultValue = "100") int limit,
                                  @RequestHeader(name = "traceparent", required = false) String traceParent,
                                  @AuthenticationPrincipal Actor caller, jakarta.servlet.http.HttpServletResponse response) {
        long cursor;
        try {
            cursor = after == null || after.isBlank() ? 0 : Long.parseLong(after);
        } catch (NumberFormatException e) {
            return Problems.invalid("Invalid cursor", "after must be a cursor from an earlier page", "after", "not a cursor");
        }
        if (limit < 1 || limit > 1000 || cursor < 0) {
            return Problems.invalid("Invalid page", "limit is 1 to 1000 and after a cursor", "limit", "out of range");
        }
        String organisation = caller.organisation();
        List<Row> rows = jdbc.query("""
                SELECT sequence, client_id, body FROM partner_event WHERE organisation = ? AND sequence > ?
                ORDER BY sequence LIMIT ?""", (row, n) -> new Row(row.getLong(1), row.getString(2), row.getString(3)),
                organisation, cursor, limit);
        List<JsonNode> events = new ArrayList<>();
        ProcessingLog.Trace trace = ProcessingLog.Trace.from(traceParent);
        response.setHeader("traceparent", trace.traceParent());
        for (Row row : rows) {
            events.add(read(row.body()));
            // The partner's own call started this disclosure: with its traceparent, that call is the foreign operation.
            processingLog.recordDisclosure("partner-notification", row.clientId(), organisation,
                    caller.organisationType().name(), caller.person(), trace, "GET /api/v1/events", true);
        }
        long next = rows.isEmpty() ? cursor : rows.get(rows.size() - 1).sequence();
        return ResponseEntity.ok().contentType(BATCH)
                .header(HttpHeaders.LINK, "</api/v1/events?after=" + next + "&limit=" + limit + ">; rel=\"next\"")
                .body(events);
    }

    @SecurityRequirements // public: the schemas hold no data
    @Operation(summary = "The documented data schema of a partner event type (JSON Schema)")
    @GetMapping("/api/v1/event-schemas/{type}")
    ResponseEntity<Object> schema(@PathVariable String type) {
        return PartnerEventTypes.fieldsOf(type).<ResponseEntity<Object>>map(fields -> {
            Map<String, Object> properties = new LinkedHashMap<>();
            fields.forEach((name, description) -> properties.put(name, Map.of(
                    "type", description.split("[ /]")[0], "description", description)));
            Map<String, Object> schema = new LinkedHashMap<>();
            schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
            schema.put("title", type);
            schema.put("description", "data of CloudEvents of type " + type + "; no names, BSNs, addresses or free text");
            schema.put("type", "object");
            schema.put("properties", properties);
            return ResponseEntity.ok(schema);
        }).orElseGet(() -> Problems.notFound("No such event type"));
    }

    private JsonNode read(String body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
