package nl.weerthuis.command.caseload;

import nl.weerthuis.command.rules.RuleViolation;
import nl.weerthuis.command.web.ActorMetadata;
import nl.weerthuis.kernel.client.ArrangementChecklist;
import nl.weerthuis.kernel.client.CloseTrajectoryCommand;
import nl.weerthuis.kernel.client.RecordMonitoringReviewCommand;
import nl.weerthuis.kernel.client.RecordOutflowCommand;
import nl.weerthuis.kernel.client.RecordReturnToCareCommand;
import nl.weerthuis.kernel.client.RegisterClientCommand;
import nl.weerthuis.kernel.client.RequestHousingCommand;
import nl.weerthuis.kernel.client.StartOutflowTrajectoryCommand;
import nl.weerthuis.kernel.client.UpdateArrangementChecklistCommand;
import nl.weerthuis.kernel.tenancy.AcceptOfferCommand;
import nl.weerthuis.kernel.tenancy.ApproveFlipCommand;
import nl.weerthuis.kernel.tenancy.Dwelling;
import nl.weerthuis.kernel.tenancy.EndTenancyCommand;
import nl.weerthuis.kernel.tenancy.FlipContractCommand;
import nl.weerthuis.kernel.tenancy.FlipParty;
import nl.weerthuis.kernel.tenancy.OfferDwellingCommand;
import nl.weerthuis.kernel.tenancy.RecordMoveInCommand;
import nl.weerthuis.kernel.tenancy.RefuseOfferCommand;
import nl.weerthuis.kernel.tenancy.StartTenancyCommand;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import nl.weerthuis.command.eventstore.BurstAppends;
import nl.weerthuis.kernel.BusinessCalendar;
import nl.weerthuis.kernel.identity.Actor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Brings a region's existing caseload in: every row is checked first; then all journeys are recorded through the
 * aggregates' own rules, in business-date order per journey, inside one transaction — so nothing is recorded unless
 * the whole batch is accepted. Its events are held back and appended in one burst at the end ({@link BurstAppends}):
 * a transaction that appends for minutes beside other commands would have its first events skipped by the readers.
 * A dry run does the same and rolls back, reporting per row what would have been recorded. Time-driven steps (flip terms, reviews, waakvlam contacts) fall due in the past for such journeys; the
 * deadline manager lets them settle until every imported fact is on record, and they are then decided by business
 * date (see {@code SettlingDeadlineManager}).
 */
@Component
public class CaseloadImport {

    /** Grounds recorded where the rules ask for them: the facts come from the coordination point's records. */
    static final String GROUNDS = "as recorded by the coordination point (caseload import)";
    public static final String METADATA_BATCH = "caseloadImport";
    public static final String METADATA_ROW = "caseloadRow";

    private final CommandGateway commands;
    private final TransactionTemplate transactions;
    private final BurstAppends appends;

    CaseloadImport(CommandGateway commands, TransactionTemplate transactions, BurstAppends appends) {
        this.commands = commands;
        this.transactions = transactions;
        this.appends = appends;
    }

    /** What happened (or would happen) to one row. */
    public record RowReport(String reference, String clientId, String tenancyId, List<String> events,
                            List<CaseloadRow.Problem> problems) {
    }

    /** The outcome: recorded (or, for a dry run, would be), per row. */
    public record Report(String batch, String region, boolean dryRun, boolean recorded, List<RowReport> rows) {

        public boolean valid() {
            return rows.stream().allMatch(r -> r.problems().isEmpty());
        }
    }

    public Report run(String region, List<Map<String, String>> cells, boolean dryRun, Actor caller) {
        String batch = UUID.randomUUID().toString();
        LocalDate today = BusinessCalendar.today();
        List<CaseloadRow.Parsed> parsed = cells.stream().map(c -> CaseloadRow.parse(c, today)).toList();
        List<RowReport> checked = new ArrayList<>();
        Map<String, Integer> references = new LinkedHashMap<>();
        for (int i = 0; i < parsed.size(); i++) {
            CaseloadRow.Parsed p = parsed.get(i);
            String reference = p.row() != null ? p.row().reference() : cells.get(i).getOrDefault("reference", "row " + (i + 1));
            List<CaseloadRow.Problem> problems = new ArrayList<>(p.problems());
            if (references.put(reference, i) != null) {
                problems.add(new CaseloadRow.Problem("reference", "appears more than once in the batch"));
            }
            checked.add(new RowReport(reference, null, null, List.of(), problems));
        }
        if (region == null || region.isBlank() || region.length() > 100) {
            return new Report(batch, region, dryRun, false, checked.stream().map(r -> withProblem(r,
                    new CaseloadRow.Problem("region", "required, at most 100 characters"))).toList());
        }
        if (checked.stream().anyMatch(r -> !r.problems().isEmpty()) || parsed.isEmpty()) {
            return new Report(batch, region, dryRun, false, checked);
        }
        return transactions.execute(status -> appends.holding(held -> {
            List<RowReport> rows = new ArrayList<>();
            for (CaseloadRow.Parsed p : parsed) {
                rows.add(record(batch, region, p.row(), caller, held));
            }
            boolean valid = rows.stream().allMatch(r -> r.problems().isEmpty());
            if (dryRun || !valid) {
                status.setRollbackOnly(); // all or nothing; a dry run only shows
            }
            if (valid) {
                appends.settle(held.all(), !dryRun); // a refused batch's transaction may be aborted already
            }
            return new Report(batch, region, dryRun, valid && !dryRun, rows);
        }));
    }

    private static RowReport withProblem(RowReport row, CaseloadRow.Problem problem) {
        List<CaseloadRow.Problem> problems = new ArrayList<>(row.problems());
        problems.add(problem);
        return new RowReport(row.reference(), row.clientId(), row.tenancyId(), row.events(), problems);
    }

    /** One journey, step by step in business-date order; the first step a rule refuses ends the row. */
    private RowReport record(String batch, String region, CaseloadRow row, Actor caller, BurstAppends.Held held) {
        String clientId = UUID.randomUUID().toString();
        String tenancyId = row.offeredOn() == null ? null : UUID.randomUUID().toString();
        List<Object> steps = new ArrayList<>();
        steps.add(new RegisterClientCommand(clientId, row.setting(), row.facility(), region, row.municipality(),
                row.careProvider(), row.registeredOn(), null));
        if (row.trajectoryStartedOn() != null) {
            steps.add(new StartOutflowTrajectoryCommand(clientId, row.trajectoryStartedOn()));
        }
        if (row.arrangementsInPlaceOn() != null) {
            steps.add(new UpdateArrangementChecklistCommand(clientId,
                    new ArrangementChecklist(true, true, true, true, true, true), row.arrangementsInPlaceOn()));
        }
        if (tenancyId != null) {
            // The coordination point asked the corporation for a dwelling: only then may it offer one (on the offer's
            // day, as the spreadsheet holds no separate date for the request).
            steps.add(new RequestHousingCommand(clientId, row.corporation(), row.offeredOn()));
            steps.add(new OfferDwellingCommand(tenancyId, clientId, row.corporation(), row.careProvider(), row.leaseForm(),
                    new Dwelling(row.dwellingAddress(), row.dwellingMunicipality(), row.neighbourhood()), row.fromQuota(),
                    row.offeredOn()));
            if (row.refusedOn() != null) {
                steps.add(new RefuseOfferCommand(tenancyId, row.refusedOn(), row.refusalGrounds()));
            }
            if (row.acceptedOn() != null) {
                steps.add(new AcceptOfferCommand(tenancyId, row.acceptedOn()));
            }
            if (row.tenancyStartsOn() != null) {
                steps.add(new StartTenancyCommand(tenancyId, row.tenancyStartsOn()));
            }
            if (row.movedInOn() != null) {
                steps.add(new RecordMoveInCommand(tenancyId, row.movedInOn()));
                // Recorded here rather than left to the journey process, so the reviews below find the client housed.
                steps.add(new RecordOutflowCommand(clientId, tenancyId, row.movedInOn()));
            }
        }
        List<Object[]> dated = new ArrayList<>(); // reviews, the flip, the end: in business-date order
        row.reviews().forEach(on -> dated.add(new Object[]{on, new RecordMonitoringReviewCommand(clientId, on, GROUNDS)}));
        if (row.flippedOn() != null) {
            for (FlipParty party : FlipParty.values()) {
                dated.add(new Object[]{row.flippedOn(), new ApproveFlipCommand(tenancyId, party, row.flippedOn())});
            }
            dated.add(new Object[]{row.flippedOn(), new FlipContractCommand(tenancyId, row.flippedOn(), GROUNDS)});
        }
        if (row.endedOn() != null) {
            dated.add(new Object[]{row.endedOn(), new EndTenancyCommand(tenancyId, row.endReason(), row.endedOn(), GROUNDS)});
        }
        if (row.returnedToCareOn() != null) {
            dated.add(new Object[]{row.returnedToCareOn(), new RecordReturnToCareCommand(clientId, row.returnSetting(),
                    row.returnedToCareOn(), GROUNDS)});
        }
        if (row.trajectoryClosedOn() != null) {
            dated.add(new Object[]{row.trajectoryClosedOn(), new CloseTrajectoryCommand(clientId, row.closureReason(),
                    row.trajectoryClosedOn(), GROUNDS)});
        }
        dated.sort((a, b) -> ((LocalDate) a[0]).compareTo((LocalDate) b[0])); // stable: approvals before the flip
        dated.forEach(step -> steps.add(step[1]));

        MetaData metaData = ActorMetadata.of(caller).and(METADATA_BATCH, batch).and(METADATA_ROW, row.reference());
        List<CaseloadRow.Problem> problems = new ArrayList<>();
        for (Object step : steps) {
            try {
                commands.sendAndWait(GenericCommandMessage.asCommandMessage(step).andMetaData(metaData));
            } catch (RuleViolation violation) {
                problems.add(new CaseloadRow.Problem(step.getClass().getSimpleName(),
                        violation.rule() + ": " + violation.getMessage()));
                break;
            } catch (RuntimeException e) {
                problems.add(new CaseloadRow.Problem(step.getClass().getSimpleName(), e.getCause() instanceof RuleViolation v
                        ? v.rule() + ": " + v.getMessage() : "not recorded: " + e.getMessage()));
                break;
            }
        }
        List<String> events = held.of(clientId, tenancyId == null ? clientId : tenancyId).stream()
                .map(event -> event.getPayloadType().getSimpleName().replace("Event", "")).toList();
        return new RowReport(row.reference(), clientId, tenancyId, events, problems);
    }
}
