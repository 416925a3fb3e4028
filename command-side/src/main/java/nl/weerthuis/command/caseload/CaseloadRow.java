package nl.weerthuis.command.caseload;

import nl.weerthuis.kernel.client.CareSetting;
import nl.weerthuis.kernel.client.TrajectoryClosure;
import nl.weerthuis.kernel.tenancy.LeaseForm;
import nl.weerthuis.kernel.tenancy.TenancyEndReason;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * One journey of an existing caseload, as a coordination point's spreadsheet holds it: one row per client, with
 * the business date of every step taken so far. Parsed from text (a CSV cell or a JSON value) with every problem
 * named per column, so that a whole batch can be checked before anything is recorded.
 */
public record CaseloadRow(
        String reference, CareSetting setting, String facility, String municipality, String careProvider,
        LocalDate registeredOn, LocalDate trajectoryStartedOn, LocalDate arrangementsInPlaceOn,
        String corporation, LeaseForm leaseForm, boolean fromQuota, LocalDate offeredOn, String dwellingAddress,
        String dwellingMunicipality, String neighbourhood, LocalDate refusedOn, String refusalGrounds,
        LocalDate acceptedOn, LocalDate tenancyStartsOn, LocalDate movedInOn, List<LocalDate> reviews,
        LocalDate flippedOn, LocalDate endedOn, TenancyEndReason endReason, LocalDate returnedToCareOn,
        CareSetting returnSetting, LocalDate trajectoryClosedOn, TrajectoryClosure closureReason) {

    /** The columns of the CSV template, in order (also the JSON field names). */
    public static final List<String> COLUMNS = List.of("reference", "setting", "facility", "municipality",
            "careProvider", "registeredOn", "trajectoryStartedOn", "arrangementsInPlaceOn", "corporation", "leaseForm",
            "fromQuota", "offeredOn", "dwellingAddress", "dwellingMunicipality", "neighbourhood", "refusedOn",
            "refusalGrounds", "acceptedOn", "tenancyStartsOn", "movedInOn", "reviews", "flippedOn", "endedOn",
            "endReason", "returnedToCareOn", "returnSetting", "trajectoryClosedOn", "closureReason");

    /** A problem with one field of one row. */
    public record Problem(String field, String reason) {
    }

    /** A parsed row, or what is wrong with it. */
    public record Parsed(CaseloadRow row, List<Problem> problems) {
    }

    private static final String ID = "\\d{8}|\\d{20}";
    private static final Set<TenancyEndReason> END_REASONS = Set.of(TenancyEndReason.MOVED, TenancyEndReason.EVICTION,
            TenancyEndReason.DECEASED);
    private static final Set<TrajectoryClosure> WITHOUT_OUTFLOW = Set.of(TrajectoryClosure.NOT_READY,
            TrajectoryClosure.RELAPSED, TrajectoryClosure.WITHDRAWN, TrajectoryClosure.DECEASED);

    public static Parsed parse(Map<String, String> cells, LocalDate today) {
        Reader in = new Reader(cells);
        for (String column : cells.keySet()) {
            if (!COLUMNS.contains(column)) {
                in.problem(column, "not a column of the template");
            }
        }
        String reference = in.text("reference", true, 40);
        if (reference != null && !reference.matches("[A-Za-z0-9._-]+")) {
            in.problem("reference", "letters, digits, '.', '_' and '-' only: the row's number or code, never a name");
        }
        CaseloadRow row = new CaseloadRow(reference,
                in.value("setting", true, v -> CareSetting.valueOf(v)),
                in.text("facility", true, 200), in.text("municipality", true, 100),
                in.id("careProvider", true),
                in.date("registeredOn", true), in.date("trajectoryStartedOn", false),
                in.date("arrangementsInPlaceOn", false),
                in.id("corporation", false), in.value("leaseForm", false, LeaseForm::valueOf),
                Boolean.TRUE.equals(in.value("fromQuota", false, CaseloadRow::bool)),
                in.date("offeredOn", false), in.text("dwellingAddress", false, 200),
                in.text("dwellingMunicipality", false, 100), in.text("neighbourhood", false, 100),
                in.date("refusedOn", false), in.text("refusalGrounds", false, 4000),
                in.date("acceptedOn", false), in.date("tenancyStartsOn", false), in.date("movedInOn", false),
                in.dates("reviews"), in.date("flippedOn", false), in.date("endedOn", false),
                in.value("endReason", false, TenancyEndReason::valueOf), in.date("returnedToCareOn", false),
                in.value("returnSetting", false, CareSetting::valueOf), in.date("trajectoryClosedOn", false),
                in.value("closureReason", false, TrajectoryClosure::valueOf));
        if (in.problems.isEmpty()) {
            row.coherence(in, today);
        }
        return new Parsed(in.problems.isEmpty() ? row : null, List.copyOf(in.problems));
    }

    /** The steps must be complete and in business-date order, as the rules will check them one by one. */
    private void coherence(Reader in, LocalDate today) {
        in.notAfter("registeredOn", registeredOn, "today", today);
        boolean offered = offeredOn != null;
        in.requireIf(offered, "trajectoryStartedOn", trajectoryStartedOn, "an offer follows the start of the trajectory");
        in.requireIf(offered, "arrangementsInPlaceOn", arrangementsInPlaceOn,
                "debts are stabilised and the arrangements in place before a dwelling is offered: give the date");
        for (String[] field : new String[][]{{"corporation"}, {"leaseForm"}, {"dwellingMunicipality"}, {"neighbourhood"}}) {
            Object value = switch (field[0]) {
                case "corporation" -> corporation;
                case "leaseForm" -> leaseForm;
                case "dwellingMunicipality" -> dwellingMunicipality;
                default -> neighbourhood;
            };
            in.requireIf(offered, field[0], value, "an offer names it");
        }
        in.requireIf(refusedOn != null || acceptedOn != null, "offeredOn", offeredOn, "an answer follows an offer");
        if (refusedOn != null && acceptedOn != null) {
            in.problem("refusedOn", "an offer is either refused or accepted");
        }
        in.requireIf(refusedOn != null, "refusalGrounds", refusalGrounds, "a refusal needs grounds");
        in.requireIf(tenancyStartsOn != null, "acceptedOn", acceptedOn, "a tenancy starts on an accepted offer");
        in.requireIf(movedInOn != null, "tenancyStartsOn", tenancyStartsOn, "a move-in follows the start of the tenancy");
        boolean housed = movedInOn != null;
        in.requireIf(!reviews.isEmpty(), "movedInOn", movedInOn, "reviews follow a move-in");
        in.requireIf(flippedOn != null, "movedInOn", movedInOn, "a flip follows a move-in");
        if (flippedOn != null && leaseForm == LeaseForm.CLIENT_LEASE) {
            in.problem("flippedOn", "a lease in the client's own name cannot flip");
        }
        in.requireIf(endedOn != null, "endReason", endReason, "say why the tenancy ended");
        in.requireIf(endReason != null, "endedOn", endedOn, "give the date the tenancy ended");
        if (endedOn != null && !housed) {
            in.problem("endedOn", "only a tenancy the client moved into is ended here");
        }
        if (endReason != null && !END_REASONS.contains(endReason)) {
            in.problem("endReason", "MOVED, EVICTION or DECEASED; a return to care goes in returnedToCareOn");
        }
        in.requireIf(returnedToCareOn != null, "returnSetting", returnSetting, "say whether the client returned to BW or MO");
        if (returnedToCareOn != null && (!housed || endedOn != null)) {
            in.problem("returnedToCareOn", "a return to care follows a move-in into a tenancy that is still running");
        }
        in.requireIf(trajectoryClosedOn != null, "closureReason", closureReason, "say why the trajectory closed");
        in.requireIf(closureReason != null, "trajectoryClosedOn", trajectoryClosedOn, "give the date it closed");
        in.requireIf(trajectoryClosedOn != null, "trajectoryStartedOn", trajectoryStartedOn, "only a started trajectory closes");
        if (closureReason != null && !housed && !WITHOUT_OUTFLOW.contains(closureReason)) {
            in.problem("closureReason", "without a move-in a trajectory closes as NOT_READY, RELAPSED, WITHDRAWN or DECEASED");
        }
        if (housed && returnedToCareOn != null && trajectoryClosedOn != null) {
            in.problem("trajectoryClosedOn", "a return to care closes the trajectory itself");
        }
        // Business-date order of the steps, each no later than today.
        List<Object[]> order = new ArrayList<>();
        order.add(new Object[]{"registeredOn", registeredOn});
        order.add(new Object[]{"trajectoryStartedOn", trajectoryStartedOn});
        order.add(new Object[]{"arrangementsInPlaceOn", arrangementsInPlaceOn});
        order.add(new Object[]{"offeredOn", offeredOn});
        order.add(new Object[]{"refusedOn", refusedOn});
        order.add(new Object[]{"acceptedOn", acceptedOn});
        order.add(new Object[]{"tenancyStartsOn", tenancyStartsOn});
        order.add(new Object[]{"movedInOn", movedInOn});
        order.add(new Object[]{"flippedOn", flippedOn});
        order.add(new Object[]{"endedOn", endedOn});
        order.add(new Object[]{"returnedToCareOn", returnedToCareOn});
        String lastField = null;
        LocalDate last = null;
        for (Object[] step : order) {
            LocalDate date = (LocalDate) step[1];
            if (date == null) {
                continue;
            }
            in.notAfter((String) step[0], date, "today", today);
            if (last != null && date.isBefore(last)) {
                in.problem((String) step[0], "lies before " + lastField + " (" + last + "): steps follow in business-date order");
            }
            lastField = (String) step[0];
            last = date;
        }
        LocalDate housedUntil = endedOn != null ? endedOn : returnedToCareOn != null ? returnedToCareOn : today;
        for (LocalDate review : reviews) {
            if (movedInOn != null && (!review.isAfter(movedInOn) || review.isAfter(housedUntil))) {
                in.problem("reviews", "a review (" + review + ") lies after the move-in and while the client lives there");
            }
        }
        if (trajectoryClosedOn != null && trajectoryStartedOn != null && trajectoryClosedOn.isBefore(trajectoryStartedOn)) {
            in.problem("trajectoryClosedOn", "lies before trajectoryStartedOn");
        }
        if (trajectoryClosedOn != null && offeredOn != null && !housed && trajectoryClosedOn.isBefore(offeredOn)) {
            in.problem("trajectoryClosedOn", "lies before offeredOn");
        }
        in.notAfter("trajectoryClosedOn", trajectoryClosedOn, "today", today);
    }

    private static Boolean bool(String value) {
        return switch (value) {
            case "true", "TRUE", "yes", "ja", "1" -> true;
            case "false", "FALSE", "no", "nee", "0" -> false;
            default -> throw new IllegalArgumentException();
        };
    }

    /** Reads cells and collects what is wrong with them. */
    private static final class Reader {
        private final Map<String, String> cells;
        private final Map<String, Problem> problemsByField = new LinkedHashMap<>();
        private final List<Problem> problems = new ArrayList<>();

        Reader(Map<String, String> cells) {
            this.cells = cells;
        }

        void problem(String field, String reason) {
            if (!problemsByField.containsKey(field)) { // one problem per field is enough to act on
                Problem problem = new Problem(field, reason);
                problemsByField.put(field, problem);
                problems.add(problem);
            }
        }

        String raw(String field, boolean required) {
            String value = cells.get(field);
            value = value == null ? null : value.strip();
            if (value == null || value.isEmpty()) {
                if (required) {
                    problem(field, "required");
                }
                return null;
            }
            if (value.chars().anyMatch(c -> Character.isISOControl(c))) {
                problem(field, "contains control characters");
                return null;
            }
            return value;
        }

        String text(String field, boolean required, int max) {
            String value = raw(field, required);
            if (value != null && value.length() > max) {
                problem(field, "at most " + max + " characters");
                return null;
            }
            return value;
        }

        String id(String field, boolean required) {
            String value = raw(field, required);
            if (value != null && !value.matches(ID)) {
                problem(field, "a KvK number (8 digits) or an OIN (20 digits)");
                return null;
            }
            return value;
        }

        <T> T value(String field, boolean required, Function<String, T> parse) {
            String value = raw(field, required);
            if (value == null) {
                return null;
            }
            try {
                return parse.apply(value);
            } catch (RuntimeException e) {
                problem(field, "not one of the allowed values: " + value);
                return null;
            }
        }

        LocalDate date(String field, boolean required) {
            String value = raw(field, required);
            if (value == null) {
                return null;
            }
            try {
                LocalDate date = LocalDate.parse(value);
                if (date.getYear() < 1990) {
                    problem(field, "lies before 1990");
                    return null;
                }
                return date;
            } catch (DateTimeParseException e) {
                problem(field, "a date as YYYY-MM-DD");
                return null;
            }
        }

        List<LocalDate> dates(String field) {
            String value = raw(field, false);
            if (value == null) {
                return List.of();
            }
            List<LocalDate> dates = new ArrayList<>();
            for (String part : Arrays.stream(value.split(";")).map(String::strip).filter(p -> !p.isEmpty()).toList()) {
                try {
                    dates.add(LocalDate.parse(part));
                } catch (DateTimeParseException e) {
                    problem(field, "dates as YYYY-MM-DD separated by ';'");
                    return List.of();
                }
            }
            return dates.stream().sorted().toList();
        }

        void requireIf(boolean condition, String field, Object value, String reason) {
            if (condition && value == null) {
                problem(field, "required: " + reason);
            }
        }

        void notAfter(String field, LocalDate date, String limitName, LocalDate limit) {
            if (date != null && date.isAfter(limit)) {
                problem(field, "lies after " + limitName + ": an import records what already happened");
            }
        }
    }
}
