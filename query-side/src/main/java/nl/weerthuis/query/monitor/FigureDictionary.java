package nl.weerthuis.query.monitor;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What every figure of the outflow monitor means, precisely enough to recompute it in a spreadsheet from a list of
 * cases: what is counted, by which business date, which cases form the base of a median or share, how percentiles
 * and rounding work, and how small cells are suppressed. Served at {@code GET /api/v1/monitor/definitions}, shown
 * in the dashboard and copied into the README; {@code FigureDictionaryTest} checks that the three agree with the
 * figures the monitor computes.
 */
public final class FigureDictionary {

    /**
     * One figure (or a family: {@code {kind}} stands for each value present). {@code kind} is count, stock, median,
     * percentile, share, numerator, denominator, cases or agreement.
     */
    public record Definition(String figure, String label, String kind, String counts, String businessDate,
                             String base, String computation) {

        boolean names(String name) {
            return Pattern.compile(Pattern.quote(figure).replaceAll("\\{[a-zA-Z]+}", "\\\\E[^.]+(/[^.]+)?\\\\Q")).matcher(name).matches();
        }
    }

    /** The period [from, to] is inclusive; "at the end" means on the date {@code to}. */
    public static final String PERIOD = "A period runs from `from` to `to`, both inclusive. A flow counts the cases whose "
            + "business date lies in the period; a stock counts the cases open at the end of `to` (started on or before "
            + "`to`, not ended on or before `to`). Months are calendar months; \"n months after date d\" is the same day "
            + "n months later (the last day of the month when that day does not exist), as EDATE(d; n).";
    public static final String STATISTICS = "Median = MEDIAN(cases) and p90 = PERCENTILE.INC(cases; 0,9): sort the "
            + "n values, rank h = (n - 1) * p, value = x[floor h] + (h - floor h) * (x[floor h + 1] - x[floor h]) "
            + "(ranks from 0); rounded half up to 1 decimal (ROUND(…; 1)). Days are calendar days between two business "
            + "dates (end date minus start date). A share is numerator / denominator, rounded half up to 3 decimals "
            + "(ROUND(…; 3)); numerator and denominator are published with it.";
    public static final String SUPPRESSION = "For role MONITOR every case is placed in its finest cell: its table, "
            + "region, municipality, corporation and care provider, the calendar month of its business date (flows), and "
            + "every attribute a figure of that table filters on (end reason, closure reason, waiting band, signal kind "
            + "and age band, within the deadline or not, still housed or not). Cells of 1 to 4 cases are left out, and "
            + "every figure is computed from the cells that remain: counts are sums of published cells; medians, p90s "
            + "and shares use only the cases in published cells. suppressedCells says per figure how many cells were "
            + "left out (so the true count lies between the value and the value plus 4 per cell); a figure whose cases "
            + "all lie in left-out cells is null and listed in suppressed. Monitors ask for whole calendar months "
            + "(`from` the 1st, `to` the last day of a month). Administrators see exact figures.";

    private static final String TENANCY_DIMS = "The dwelling's municipality, the tenancy's region, corporation (landlord) "
            + "and care provider.";

    public static final List<Definition> FIGURES = List.of(
            new Definition("stockProtectedHousing", "Stock BW", "stock",
                    "Clients staying in protected housing (beschermd wonen) at the end of the period: a stay starts at "
                            + "registration or at a return to care in BW and ends at move-in.", "registeredOn / returnedOn; movedInOn",
                    null, "COUNTIFS(setting; \"PROTECTED_HOUSING\"; from; \"<=\"&to; until; \">\"&to or empty)"),
            new Definition("stockShelter", "Stock MO", "stock",
                    "Clients staying in shelter (maatschappelijke opvang) at the end of the period, as stockProtectedHousing.",
                    "registeredOn / returnedOn; movedInOn", null, "as stockProtectedHousing with setting SHELTER"),
            new Definition("potentialOutflowers", "Potential outflowers", "stock",
                    "Outflow trajectories open at the end of the period: started on or before `to`, neither moved in nor "
                            + "closed on or before `to`.", "startedOn; movedInOn / closedOn", null,
                    "COUNTIFS(startedOn; \"<=\"&to; end; \">\"&to or empty) with end = the earlier of move-in and closure"),
            new Definition("potentialOutflowersWaiting.{band}", "Potential outflowers by waiting time", "stock",
                    "Potential outflowers by how long their trajectory has been open at `to`: under3Months (EDATE(start; 3) "
                            + "> to), 3to6Months, 6to12Months, 12MonthsOrMore (EDATE(start; 12) <= to). The bands add up to "
                            + "potentialOutflowers.", "startedOn", null, "COUNTIFS as potentialOutflowers, per band"),
            new Definition("trajectoriesStarted", "Trajectories started", "count",
                    "Outflow trajectories started in the period.", "startedOn", null, "COUNTIFS(startedOn; in period)"),
            new Definition("trajectoriesEndedWithoutOutflow", "Trajectories ended without outflow", "count",
                    "Trajectories closed in the period without a move-in during the trajectory: the client stays in BW or MO.",
                    "closedOn", null, "COUNTIFS(closedOn; in period; movedInOn; empty)"),
            new Definition("trajectoriesEndedWithoutOutflow.{reason}", "… by reason", "count",
                    "trajectoriesEndedWithoutOutflow by the closure reason (NOT_READY, RELAPSED, WITHDRAWN, DECEASED, …).",
                    "closedOn", null, "COUNTIFS(closedOn; in period; movedInOn; empty; reason; r)"),
            new Definition("offersMade", "Offers made", "count",
                    "Dwellings offered in the period (every offer, also one refused later). " + TENANCY_DIMS, "offeredOn",
                    null, "COUNTIFS(offeredOn; in period)"),
            new Definition("offersRefused", "Offers refused", "count",
                    "Offers refused in the period, whenever they were made.", "refusedOn", null, "COUNTIFS(refusedOn; in period)"),
            new Definition("outflows", "Outflows (moved in)", "count",
                    "Move-ins in the period: the moment of outflow. " + TENANCY_DIMS, "movedInOn", null,
                    "COUNTIFS(movedInOn; in period)"),
            new Definition("flips", "Flips (omklap)", "count",
                    "Leases flipped to the client's own name in the period.", "flippedOn", null, "COUNTIFS(flippedOn; in period)"),
            new Definition("returnsToCare", "Returns to care", "count",
                    "Returns to BW or MO in the period by clients who had moved into a home of their own (a relapse before "
                            + "the move is a trajectory ended without outflow).", "returnedOn", null,
                    "COUNTIFS(returnedOn; in period)"),
            new Definition("returnsToCareByTimeHoused.{band}", "Returns to care by time housed", "count",
                    "returnsToCare by how long the client had lived independently (move-in to return): under6Months "
                            + "(EDATE(movedIn; 6) > returned), 6to12Months, 12to24Months, 24MonthsOrMore.", "returnedOn",
                    null, "COUNTIFS(returnedOn; in period; band; b)"),
            new Definition("evictions", "Evictions", "count",
                    "Tenancies ended in the period with reason EVICTION.", "endedOn", null,
                    "COUNTIFS(endedOn; in period; reason; \"EVICTION\")"),
            new Definition("tenanciesEnded", "Tenancies ended", "count",
                    "Tenancies ended in the period, any reason (moved, eviction, returned to care, deceased).", "endedOn",
                    null, "COUNTIFS(endedOn; in period)"),
            new Definition("housed", "Housed", "stock",
                    "Clients living in their dwelling at the end of the period: moved in on or before `to`, the tenancy not "
                            + "ended (move, eviction, return to care, death) on or before `to`.", "movedInOn; endedOn", null,
                    "COUNTIFS(movedInOn; \"<=\"&to; endedOn; \">\"&to or empty)"),
            new Definition("daysTrajectoryToOfferMedian", "Trajectory start → offer, median (days)", "median",
                    "Days from the start of the trajectory to the offer.", "offeredOn",
                    "Offers made in the period whose client had a trajectory (offers by direct mediation without one are left out).",
                    "MEDIAN(offeredOn - trajectoryStartedOn)"),
            new Definition("daysTrajectoryToOfferP90", "Trajectory start → offer, p90 (days)", "percentile",
                    "As daysTrajectoryToOfferMedian, 90th percentile.", "offeredOn", "as daysTrajectoryToOfferMedian",
                    "PERCENTILE.INC(offeredOn - trajectoryStartedOn; 0,9)"),
            new Definition("daysTrajectoryToOfferCases", "Trajectory start → offer, cases", "cases",
                    "The number of offers the median and p90 rest on.", "offeredOn", "as daysTrajectoryToOfferMedian", "COUNT"),
            new Definition("daysOfferToMoveInMedian", "Offer → move-in, median (days)", "median",
                    "Days from the offer to the move-in.", "movedInOn", "Move-ins in the period.",
                    "MEDIAN(movedInOn - offeredOn)"),
            new Definition("daysOfferToMoveInP90", "Offer → move-in, p90 (days)", "percentile",
                    "As daysOfferToMoveInMedian, 90th percentile.", "movedInOn", "Move-ins in the period.",
                    "PERCENTILE.INC(movedInOn - offeredOn; 0,9)"),
            new Definition("daysOfferToMoveInCases", "Offer → move-in, cases", "cases",
                    "The number of move-ins the median and p90 rest on.", "movedInOn", "Move-ins in the period.", "COUNT"),
            new Definition("daysMoveInToFlipMedian", "Move-in → flip, median (days)", "median",
                    "Days from the move-in to the flip.", "flippedOn", "Flips in the period.", "MEDIAN(flippedOn - movedInOn)"),
            new Definition("daysMoveInToFlipP90", "Move-in → flip, p90 (days)", "percentile",
                    "As daysMoveInToFlipMedian, 90th percentile.", "flippedOn", "Flips in the period.",
                    "PERCENTILE.INC(flippedOn - movedInOn; 0,9)"),
            new Definition("daysMoveInToFlipCases", "Move-in → flip, cases", "cases",
                    "The number of flips the median and p90 rest on.", "flippedOn", "Flips in the period.", "COUNT"),
            new Definition("shareOfferedWithinDeadline", "Offered within the deadline", "share",
                    "Share of offers made on or before the agreed offer deadline: offeredOn <= trajectoryStartedOn + the "
                            + "offer deadline of the agreement version in force at the offer (an ISO period: P3M is EDATE(start; 3), "
                            + "P182D is start + 182).", "offeredOn",
                    "Offers made in the period whose client had a trajectory.",
                    "shareOfferedWithinDeadlineNumerator / shareOfferedWithinDeadlineDenominator"),
            new Definition("shareOfferedWithinDeadlineNumerator", "… offers within the deadline", "numerator",
                    "Offers in the base made within the deadline.", "offeredOn", "as shareOfferedWithinDeadline",
                    "COUNTIFS(offeredOn; in period; offeredOn; \"<=\"&EDATE(start; deadline))"),
            new Definition("shareOfferedWithinDeadlineDenominator", "… offers with a trajectory", "denominator",
                    "Offers in the base.", "offeredOn", "as shareOfferedWithinDeadline", "COUNTIFS(offeredOn; in period; start; not empty)"),
            new Definition("quotaAgreed.{corporation}", "Quota agreed", "agreement",
                    "Dwellings the corporation reserved (contingent) for the region: the sum of the yearly quotas of every "
                            + "calendar year the period touches (a period from March 2025 to February 2026 adds the quotas of "
                            + "2025 and 2026). Not suppressed: an agreement, not persons.", "the quota's year", null,
                    "SUMIFS(dwellings; year; \">=\"&YEAR(from); year; \"<=\"&YEAR(to))"),
            new Definition("quotaUsed.{corporation}", "Quota used", "count",
                    "Offers from the quota accepted in the period.", "acceptedOn", null,
                    "COUNTIFS(fromQuota; TRUE; acceptedOn; in period)"),
            new Definition("targetOutflows", "Target (ambitie)", "agreement",
                    "The region's outflow target; shown when one region is selected.", "—", null, "the agreement's target"),
            new Definition("targetDate", "Target date", "agreement", "The date the target should be reached by.", "—",
                    null, "the agreement's target date"),
            new Definition("outflowsSinceAgreement", "Outflows since the agreement", "count",
                    "Move-ins in the region from the first day of the month the region's first agreement took effect "
                            + "until `to`.", "movedInOn", null, "COUNTIFS(movedInOn; \">=\"&start; movedInOn; \"<=\"&to)"),
            new Definition("forecastAtTargetDate", "Forecast at the target date", "count",
                    "A straight line through outflowsSinceAgreement: outflowsSinceAgreement * days(start, targetDate) / "
                            + "days(start, to), both counted inclusively; rounded half up to 1 decimal.", "movedInOn",
                    "outflowsSinceAgreement as published", "ROUND(n * (targetDate - start + 1) / (to - start + 1); 1)"),
            new Definition("openSignals", "Open signals", "stock",
                    "Signals on tenancies raised on or before `to` and not resolved on or before `to`.", "raisedOn; resolvedOn",
                    null, "COUNTIFS(raisedOn; \"<=\"&to; resolvedOn; \">\"&to or empty)"),
            new Definition("openSignalsByKind.{kind}", "Open signals by kind", "stock",
                    "openSignals by kind (RENT_ARREARS, NUISANCE, MISSED_WAAKVLAM_CONTACT, …).", "raisedOn; resolvedOn",
                    null, "as openSignals, per kind"),
            new Definition("openSignalsByAge.{band}", "Open signals by age", "stock",
                    "openSignals by age at `to` (to - raisedOn in days): under30Days (< 30), 30to90Days (30–90), "
                            + "over90Days (> 90).", "raisedOn", null, "as openSignals, per band"),
            new Definition("signalsResolved", "Signals resolved", "count", "Signals resolved in the period.",
                    "resolvedOn", null, "COUNTIFS(resolvedOn; in period)"),
            new Definition("waakvlamActive", "Waakvlam active", "stock",
                    "Waakvlam after-care running at the end of the period: started on or before `to`, its agreed end and "
                            + "its actual end both after `to`. Narrowed by region only.", "startedOn; until / endedOn", null,
                    "COUNTIFS(startedOn; \"<=\"&to; end; \">\"&to)"),
            new Definition("waakvlamContactsMissed", "Waakvlam contacts missed", "count",
                    "Waakvlam contacts that fell due in the period and were not recorded. Narrowed by region only.",
                    "dueOn", null, "COUNTIFS(dueOn; in period)"),
            new Definition("sustainedAfter12Months", "Still housed after 12 months", "share",
                    "Share of the clients who moved in at least 12 months before `to` (EDATE(movedIn; 12) <= to) whose "
                            + "tenancy had not ended by EDATE(movedIn; 12).", "movedInOn; endedOn",
                    "Every move-in on or before EDATE(to; -12), any year.",
                    "sustainedAfter12MonthsNumerator / sustainedAfter12MonthsDenominator"),
            new Definition("sustainedAfter12MonthsNumerator", "… still housed", "numerator",
                    "Clients in the base still housed 12 months after moving in.", "movedInOn; endedOn",
                    "as sustainedAfter12Months", "COUNTIFS(base; endedOn; \">\"&EDATE(movedIn; 12) or empty)"),
            new Definition("sustainedAfter12MonthsDenominator", "… moved in 12 months ago or more", "denominator",
                    "The clients in the base.", "movedInOn", "as sustainedAfter12Months", "COUNTIFS(movedIn; \"<=\"&EDATE(to; -12))"),
            new Definition("sustainedAfter24Months", "Still housed after 24 months", "share",
                    "As sustainedAfter12Months, with 24 months.", "movedInOn; endedOn",
                    "Every move-in on or before EDATE(to; -24).", "sustainedAfter24MonthsNumerator / sustainedAfter24MonthsDenominator"),
            new Definition("sustainedAfter24MonthsNumerator", "… still housed", "numerator",
                    "Clients in the base still housed 24 months after moving in.", "movedInOn; endedOn",
                    "as sustainedAfter24Months", "COUNTIFS(base; endedOn; \">\"&EDATE(movedIn; 24) or empty)"),
            new Definition("sustainedAfter24MonthsDenominator", "… moved in 24 months ago or more", "denominator",
                    "The clients in the base.", "movedInOn", "as sustainedAfter24Months", "COUNTIFS(movedIn; \"<=\"&EDATE(to; -24))"),
            new Definition("outflowsByMunicipality.{municipality}", "Outflows per municipality", "count",
                    "outflows by the dwelling's municipality.", "movedInOn", null, "as outflows, per municipality"),
            new Definition("outflowsByNeighbourhood.{municipality}/{neighbourhood}", "Outflows per neighbourhood", "count",
                    "outflows by the dwelling's municipality and neighbourhood.", "movedInOn", null,
                    "as outflows, per neighbourhood"));

    private FigureDictionary() {
    }

    /** The definition of a figure as the monitor names it ({@code openSignalsByKind.NUISANCE}, say). */
    public static Optional<Definition> of(String figure) {
        return FIGURES.stream().filter(d -> d.names(figure)).findFirst();
    }
}
