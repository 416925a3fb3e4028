package nl.weerthuis.command.caseload;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The two shapes a caseload arrives in, both turned into rows of cells: JSON journeys and the CSV template. */
public final class CaseloadRequests {

    /** At most this many journeys in one batch: a region's caseload is dozens to a few thousand. */
    public static final int MAX_ROWS = 5000;

    /** A region's batch of rows (the cells as text, as a spreadsheet holds them). */
    public record Batch(String region, List<Map<String, String>> rows) {
    }

    private CaseloadRequests() {
    }

    /** {@code {"region": "...", "journeys": [{"reference": "r1", "fromQuota": true, "reviews": ["2025-01-02"], ...}]}}. */
    public static Batch fromJson(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new IllegalArgumentException("the body is an object with region and journeys");
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("region") && !name.equals("journeys")) {
                throw new IllegalArgumentException("unknown field " + name + ": the body holds region and journeys");
            }
        }
        JsonNode region = body.get("region");
        JsonNode journeys = body.get("journeys");
        if (region != null && !region.isTextual()) {
            throw new IllegalArgumentException("region is a text");
        }
        if (journeys == null || !journeys.isArray()) {
            throw new IllegalArgumentException("journeys is an array of journeys");
        }
        if (journeys.size() > MAX_ROWS) {
            throw new IllegalArgumentException("at most " + MAX_ROWS + " journeys in one batch");
        }
        List<Map<String, String>> rows = new ArrayList<>();
        for (JsonNode journey : journeys) {
            if (!journey.isObject()) {
                throw new IllegalArgumentException("every journey is an object");
            }
            Map<String, String> cells = new LinkedHashMap<>();
            journey.fields().forEachRemaining(field -> cells.put(field.getKey(), cell(field.getKey(), field.getValue())));
            rows.add(cells);
        }
        return new Batch(region == null ? null : region.asText(), rows);
    }

    public static Batch fromCsv(String region, String csv) {
        List<Map<String, String>> rows = CsvTable.parse(csv == null ? "" : csv);
        if (rows.size() > MAX_ROWS) {
            throw new IllegalArgumentException("at most " + MAX_ROWS + " journeys in one batch");
        }
        return new Batch(region, rows);
    }

    /** Texts stay texts, fromQuota may be a boolean, reviews a list of dates; nothing else is coerced. */
    private static String cell(String name, JsonNode value) {
        if (value.isNull()) {
            return "";
        }
        if (value.isTextual()) {
            return value.asText();
        }
        if (value.isBoolean() && name.equals("fromQuota")) {
            return Boolean.toString(value.asBoolean());
        }
        if (value.isArray() && name.equals("reviews")) {
            List<String> dates = new ArrayList<>();
            for (JsonNode date : value) {
                if (!date.isTextual()) {
                    throw new IllegalArgumentException("reviews is a list of dates (texts)");
                }
                dates.add(date.asText());
            }
            return String.join(";", dates);
        }
        throw new IllegalArgumentException(name + " is a text" + (name.equals("fromQuota") ? " or a boolean" : ""));
    }
}
