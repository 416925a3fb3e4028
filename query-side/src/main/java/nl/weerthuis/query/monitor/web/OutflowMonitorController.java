package nl.weerthuis.query.monitor.web;

import nl.weerthuis.web.Actors;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import nl.weerthuis.query.monitor.FigureDictionary;
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
    /** Response header: false while some events are parked, so the figures leave some clients out. */
    static final String READ_MODEL_COMPLETE = "Read-Model-Complete";
    /**
     * Response header, information only: true while a new generation of the monitor is being rebuilt. The figures
     * answered meanwhile are the previous generation's, complete; the new ones replace them whole, once caught up.
     */
    static final String READ_MODEL_REBUILDING = "Read-Model-Rebuilding";
    private static final String ID = "\\d{8}|\\d{20}";

    private final OutflowMonitor monitor;
    private final nl.weerthuis.kernel.input.StrictInput input;
    private final nl.weerthuis.query.eventsource.ParkedEvents parked;
    private final nl.weerthuis.query.eventsource.ProjectionRebuilds rebuilds;

    OutflowMonitorController(OutflowMonitor monitor, nl.weerthuis.kernel.input.StrictInput input,
                             nl.weerthuis.query.eventsource.ParkedEvents parked,
                             nl.weerthuis.query.eventsource.ProjectionRebuilds rebuilds) {
        this.monitor = monitor;
        this.input = input;
        this.parked = parked;
        this.rebuilds = rebuilds;
    }

    @Operation(summary = "The outflow monitor's figures for a selection and period, grouped by a dimension or period; "
            + "JSON, or CSV with Accept: text/csv. Every figure is defined at /api/v1/monitor/definitions. Monitors ask "
            + "for whole calendar months and see cells of 1 to 4 cases left out.")
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
        // A period runs within the plausible window of business dates (a forecast may look ahead).
        var outsideWindow = outsideWindow("from", from).or(() -> outsideWindow("to", to));
        if (outsideWindow.isPresent()) {
            return outsideWindow.get();
        }
        LocalDate today = nl.weerthuis.kernel.BusinessCalendar.today();
        // By default the calendar year so far, up to the end of this month: whole months, as monitors must ask.
        LocalDate until = to == null ? today.withDayOfMonth(today.lengthOfMonth()) : to;
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
        if (!exact && since.getDayOfMonth() != 1) {
            return badRequest("from", "monitors ask for whole calendar months: from is the first day of a month");
        }
        if (!exact && until.getDayOfMonth() != until.lengthOfMonth()) {
            return badRequest("to", "monitors ask for whole calendar months: to is the last day of a month");
        }
        List<OutflowMonitor.Group> groups = monitor.figures(
                new Selection(region, municipality, corporation, careProvider, since, until), grouping, !exact);
        // Figures that rest on a read model with parked events leave those clients out, and say so.
        long parkedEvents = parked.count("monitor");
        String complete = String.valueOf(parkedEvents == 0);
        boolean rebuilding = rebuilds.rebuilding("monitor");
        if (accept != null && accept.contains("text/csv")) {
            return ResponseEntity.ok().contentType(CSV).header(READ_MODEL_COMPLETE, complete)
                    .header(READ_MODEL_REBUILDING, String.valueOf(rebuilding)).body(csv(groups));
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
        body.put("readModel", Map.of("complete", parkedEvents == 0, "parkedEvents", parkedEvents, "rebuilding", rebuilding));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).header(READ_MODEL_COMPLETE, complete)
                .header(READ_MODEL_REBUILDING, String.valueOf(rebuilding)).body(body);
    }

    @Operation(summary = "The figure dictionary: for every figure what is counted, by which business date, the base "
            + "of a median or share, how percentiles, rounding and small-cell suppression work")
    @GetMapping(value = "/definitions", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> definitions() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("period", FigureDictionary.PERIOD);
        body.put("statistics", FigureDictionary.STATISTICS);
        body.put("suppression", FigureDictionary.SUPPRESSION);
        body.put("figures", FigureDictionary.FIGURES);
        return body;
    }

    /**
     * The same numbers as the JSON: one row per group, one column per figure ("suppressed" where withheld), and a
     * column {@code suppressedCells.<figure>} for every figure that left cells out in some group.
     */
    static String csv(List<OutflowMonitor.Group> groups) {
        Set<String> columns = new LinkedHashSet<>();
        groups.forEach(g -> columns.addAll(g.figures().keySet()));
        Set<String> leftOut = new LinkedHashSet<>();
        groups.forEach(g -> leftOut.addAll(g.suppressedCells().keySet()));
        StringBuilder csv = new StringBuilder("group");
        columns.forEach(c -> csv.append(',').append(quote(c)));
        leftOut.forEach(c -> csv.append(',').append(quote("suppressedCells." + c)));
        csv.append('\n');
        for (OutflowMonitor.Group group : groups) {
            csv.append(quote(group.group()));
            for (String column : columns) {
                Object value = group.figures().get(column);
                csv.append(',').append(group.suppressed().contains(column) ? "suppressed"
                        : value == null ? "" : quote(plain(value)));
            }
            leftOut.forEach(c -> csv.append(',').append(group.suppressedCells().getOrDefault(c, 0L)));
            csv.append('\n');
        }
        return csv.toString();
    }

    /** Numbers as a spreadsheet reads them: 42.5, never 4.25E+1. */
    private static String plain(Object value) {
        return value instanceof java.math.BigDecimal d ? d.toPlainString() : value.toString();
    }

    private static String quote(String value) {
        return value.matches("[A-Za-z0-9 ./_:-]*") ? value : "\"" + value.replace("\"", "\"\"") + "\"";
    }

    private java.util.Optional<ResponseEntity<Object>> outsideWindow(String name, LocalDate date) {
        return date == null ? java.util.Optional.empty()
                : input.dateProblem(date, true).map(reason -> badRequest(name, reason));
    }

    private static ResponseEntity<Object> badRequest(String name, String reason) {
        return Problems.invalid("Invalid input", "1 parameter(s) are invalid", name, reason);
    }
}
