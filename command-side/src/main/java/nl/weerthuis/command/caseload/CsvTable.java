package nl.weerthuis.command.caseload;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A spreadsheet saved as CSV (RFC 4180: comma or semicolon separated, as Dutch spreadsheets often save it; fields
 * may be quoted, quotes doubled): the first line names the columns, every further non-empty line is a row.
 */
final class CsvTable {

    static final class Invalid extends IllegalArgumentException {
        Invalid(String message) {
            super(message);
        }
    }

    private CsvTable() {
    }

    static List<Map<String, String>> parse(String text) {
        String content = text.startsWith("\uFEFF") ? text.substring(1) : text; // a spreadsheet's byte-order mark
        List<List<String>> lines = lines(content);
        if (lines.isEmpty()) {
            throw new Invalid("the file is empty: the first line names the columns");
        }
        List<String> header = lines.get(0).stream().map(String::strip).toList();
        if (header.stream().distinct().count() != header.size()) {
            throw new Invalid("a column is named twice in the first line");
        }
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            List<String> cells = lines.get(i);
            if (cells.stream().allMatch(String::isBlank)) {
                continue;
            }
            if (cells.size() > header.size()) {
                throw new Invalid("line " + (i + 1) + " has more cells (" + cells.size() + ") than the first line names");
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) {
                row.put(header.get(c), c < cells.size() ? cells.get(c) : "");
            }
            rows.add(row);
        }
        return rows;
    }

    private static List<List<String>> lines(String text) {
        char separator = separator(text);
        List<List<String>> lines = new ArrayList<>();
        List<String> line = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"' && cell.isEmpty()) {
                quoted = true;
            } else if (ch == separator) {
                line.add(cell.toString());
                cell.setLength(0);
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                line.add(cell.toString());
                cell.setLength(0);
                lines.add(line);
                line = new ArrayList<>();
            } else {
                cell.append(ch);
            }
        }
        if (quoted) {
            throw new Invalid("a quoted cell is not closed");
        }
        if (!cell.isEmpty() || !line.isEmpty()) {
            line.add(cell.toString());
            lines.add(line);
        }
        return lines;
    }

    /** The separator of the first line: a semicolon if it has any outside quotes, else a comma. */
    private static char separator(String text) {
        int end = text.indexOf('\n');
        String first = end < 0 ? text : text.substring(0, end);
        return first.replaceAll("\"[^\"]*\"", "").contains(";") ? ';' : ',';
    }
}
