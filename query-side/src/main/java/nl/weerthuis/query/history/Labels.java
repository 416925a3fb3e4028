package nl.weerthuis.query.history;

import java.time.Period;
import java.util.Map;

/**
 * The one dictionary of readable words for the values events hold (English, like the pages): what an auditor reads
 * instead of {@code PROTECTED_HOUSING}. A value without a label shows as its code, and {@code LabelsTest} fails.
 */
public final class Labels {

    static final Map<String, String> BY_CODE = Map.ofEntries(
            Map.entry("CareSetting.PROTECTED_HOUSING", "protected housing (beschermd wonen)"),
            Map.entry("CareSetting.SHELTER", "shelter (maatschappelijke opvang)"),
            Map.entry("IndicationType.PROTECTED_HOUSING", "protected housing (beschermd wonen)"),
            Map.entry("IndicationType.PROTECTED_LIVING_AT_HOME", "protected living at home (beschermd thuis)"),
            Map.entry("IndicationType.SUPPORTED_LIVING", "supported living (begeleid wonen)"),
            Map.entry("IndicationType.AMBULATORY_SUPPORT", "ambulatory support (ambulante begeleiding)"),
            Map.entry("IndicationEndReason.CAN_LIVE_INDEPENDENTLY", "the client can live without support"),
            Map.entry("IndicationEndReason.PERIOD_ENDED", "its period ended"),
            Map.entry("IndicationEndReason.RETURNED_TO_CARE", "the client returned to care"),
            Map.entry("IndicationEndReason.MOVED_AWAY", "the client moved away"),
            Map.entry("IndicationEndReason.DECEASED", "the client died"),
            Map.entry("IndicationEndReason.OTHER", "another reason"),
            Map.entry("ScaleDirection.UP", "up"),
            Map.entry("ScaleDirection.DOWN", "down"),
            Map.entry("WaakvlamEndReason.AGREED_PERIOD_COMPLETED", "the agreed period was completed"),
            Map.entry("WaakvlamEndReason.ENDED_BY_AGREEMENT", "the parties agreed to end it"),
            Map.entry("WaakvlamEndReason.RETURNED_TO_CARE", "the client returned to care"),
            Map.entry("WaakvlamEndReason.DECEASED", "the client died"),
            Map.entry("ErasureGround.RETENTION_PERIOD_ENDED", "the retention period ended"),
            Map.entry("ErasureGround.CLIENT_REQUEST", "the client asked for it"),
            Map.entry("ErasureGround.LEGAL_OBLIGATION", "a legal obligation"),
            Map.entry("TrajectoryClosure.COMPLETED", "completed"),
            Map.entry("TrajectoryClosure.NOT_READY", "the client is not ready yet"),
            Map.entry("TrajectoryClosure.RELAPSED", "relapse (terugval)"),
            Map.entry("TrajectoryClosure.RETURNED_TO_CARE", "the client returned to care"),
            Map.entry("TrajectoryClosure.MOVED", "the client moved"),
            Map.entry("TrajectoryClosure.EVICTION", "eviction"),
            Map.entry("TrajectoryClosure.DECEASED", "the client died"),
            Map.entry("TrajectoryClosure.WITHDRAWN", "withdrawn"),
            Map.entry("OrganisationType.MUNICIPALITY", "municipality"),
            Map.entry("OrganisationType.HOUSING_CORPORATION", "housing corporation"),
            Map.entry("OrganisationType.CARE_PROVIDER", "care provider"),
            Map.entry("OrganisationType.NEIGHBOURHOOD_TEAM", "neighbourhood team (wijkteam)"),
            Map.entry("OrganisationType.SUPERVISOR", "inspectorate"),
            Map.entry("Role.CASEWORKER", "caseworker"),
            Map.entry("Role.MONITOR", "monitor"),
            Map.entry("Role.AUDITOR", "auditor"),
            Map.entry("Role.PARTNER_SYSTEM", "partner system"),
            Map.entry("Role.CLIENT", "the client"),
            Map.entry("Role.ADMIN", "administrator"),
            Map.entry("EscalationTarget.THREE_PARTY_MEETING", "a three-party meeting (driegesprek)"),
            Map.entry("EscalationTarget.ZORG_EN_VEILIGHEIDSHUIS", "the Zorg- en Veiligheidshuis"),
            Map.entry("FlipParty.HOUSING_CORPORATION", "the housing corporation"),
            Map.entry("FlipParty.CARE_PROVIDER", "the care provider"),
            Map.entry("FlipParty.CLIENT", "the client"),
            Map.entry("LeaseForm.CARE_PROVIDER_LEASE", "lease held by the care provider (intermediaire verhuur)"),
            Map.entry("LeaseForm.TRIPARTITE", "tripartite contract (driepartijenovereenkomst)"),
            Map.entry("LeaseForm.CLIENT_LEASE", "lease in the client's own name"),
            Map.entry("LeaseHolder.CARE_PROVIDER", "the care provider"),
            Map.entry("LeaseHolder.CLIENT", "the client"),
            Map.entry("Severity.LOW", "low"),
            Map.entry("Severity.MEDIUM", "medium"),
            Map.entry("Severity.HIGH", "high"),
            Map.entry("SignalKind.RENT_ARREARS", "rent arrears (huurachterstand)"),
            Map.entry("SignalKind.NUISANCE", "nuisance (overlast)"),
            Map.entry("SignalKind.CONFUSED_BEHAVIOUR", "confused behaviour"),
            Map.entry("SignalKind.CARE_AVOIDANCE", "care avoidance"),
            Map.entry("SignalKind.DWELLING_NEGLECT", "neglect of the dwelling"),
            Map.entry("SignalKind.DEBTS", "debts"),
            Map.entry("SignalKind.MISSED_WAAKVLAM_CONTACT", "missed waakvlam contact"),
            Map.entry("SignalKind.NEIGHBOUR_CONCERN", "concern from neighbours"),
            Map.entry("SignalKind.OTHER", "another concern"),
            Map.entry("TenancyEndReason.MOVED", "the client moved"),
            Map.entry("TenancyEndReason.EVICTION", "eviction"),
            Map.entry("TenancyEndReason.RETURNED_TO_CARE", "the client returned to care"),
            Map.entry("TenancyEndReason.DECEASED", "the client died"));

    private Labels() {
    }

    public static String of(Enum<?> value) {
        return value == null ? null : BY_CODE.getOrDefault(value.getDeclaringClass().getSimpleName() + "." + value.name(),
                value.name());
    }

    /** A term of the agreement in words: "6 months", "1 year and 6 months", "2 weeks". */
    public static String of(Period term) {
        if (term == null) {
            return null;
        }
        StringBuilder words = new StringBuilder();
        append(words, term.getYears(), "year");
        append(words, term.getMonths(), "month");
        if (term.getDays() % 7 == 0 && term.getDays() > 0) {
            append(words, term.getDays() / 7, "week");
        } else {
            append(words, term.getDays(), "day");
        }
        return words.isEmpty() ? "no time" : words.toString();
    }

    private static void append(StringBuilder words, int amount, String unit) {
        if (amount != 0) {
            words.append(words.isEmpty() ? "" : " and ").append(amount).append(' ').append(unit).append(amount == 1 ? "" : "s");
        }
    }
}
