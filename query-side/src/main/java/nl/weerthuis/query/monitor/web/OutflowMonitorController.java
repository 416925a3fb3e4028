package nl.weerthuis.query.monitor.web;

import nl.weerthuis.web.Actors;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import nl.weerthuis.query.monitor.OutflowFigures.Selection;
import nl.weerthuis.query.monitor.OutflowMonitor;
import nl.weerthuis.query.web.Problems;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

@RestController
@RequestMapping("/api/v1/monitor")
@Validated
class OutflowMonitorController {

    static final MediaType CSV = MediaType.parseMediaType("text/csv");
    private static final String ID = "\\d{8}|\\d{20}";

    private final OutflowMonitor monitor;

    OutflowMonitorController(OutflowMonitor monitor) {
        this.monitor = monitor;
    }

    @Operation(summary = "The outflow monitor's figures for a selection and period, grouped by a dimension or period; "
            + "JSON, or CSV with Accept: text/csv. Monitors see counts from 1 to 4 suppressed.")
    @GetMapping(value = "/outflow", produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv"})
    ResponseEntity<?> outflow(@RequestParam(required = false) @Size(max = 100) String region,
                              @RequestParam(required = false) @Size(max = 100) String municipality,
                              @RequestParam(required = false) @Pattern(regexp = ID) String corporation,
                              @RequestParam(required = false) @Pattern(regexp = ID) String careProvider,
                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                              @RequestParam(required = false) String groupBy,
                              @org.springframework.web.bind.annotation.RequestHeader(name = "Accept", required = false) String accept,
                              Authentication caller) {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Amsterdam"));
        LocalDate until = to == null ? today : to;
        LocalDate since = from == null ? until.withDayOfYear(1) : from;
        OutflowMonitor.GroupBy grouping;
        try {
            grouping = OutflowMonitor.GroupBy.parse(groupBy);
        } catch (IllegalArgumentException e) {
            return badRequest("groupBy", e.getMessage());
        }
        if (since.isAfter(until)) {
            return badRequest("from", "from must not be after to");
        }
        boolean exact = caller.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(Actors.OPERATOR_ADMIN));
        List<OutflowMonitor.Group> groups = monitor.figures(
                new Selection(region, municipality, corporation, careProvider, since, until), grouping, !exact);
        if (accept != null && accept.contains("text/csv")) {
            return ResponseEntity.ok().contentType(CSV).body(csv(groups));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        Map<String, Object> selection = new LinkedHashMap<>();
        selection.put("region", region);
        selection.put("municipality", municipality);
        selection.put("corporation", corporation);
        selection.put("careProvider", careProvider);
        selection.put("from", since.toString());
        selection.put("to", until.toString());
        body.put("selection", selection);
        body.put("groupBy", grouping.name());
        body.put("smallCellsSuppressed", !exact);
        body.put("groups", groups);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }

    static String csv(List<OutflowMonitor.Group> groups) {
        Set<String> columns = new LinkedHashSet<>();
        groups.forEach(g -> columns.addAll(g.figures().keySet()));
        StringBuilder csv = new StringBuilder("group");
        columns.forEach(c -> csv.append(',').append(c));
        csv.append('\n');
        for (OutflowMonitor.Group group : groups) {
            csv.append(quote(group.group()));
            for (String column : columns) {
                Object value = group.figures().get(column);
                csv.append(',').append(group.suppressed().contains(column) ? "suppressed"
                        : value == null ? "" : quote(value.toString()));
            }
            csv.append('\n');
        }
        return csv.toString();
    }

    private static String quote(String value) {
        return value.matches("[A-Za-z0-9 ./_:-]*") ? value : "\"" + value.replace("\"", "\"\"") + "\"";
    }

    private static ResponseEntity<Object> badRequest(String name, String reason) {
        return Problems.invalid("Invalid input", "1 parameter(s) are invalid", name, reason);
    }
}
