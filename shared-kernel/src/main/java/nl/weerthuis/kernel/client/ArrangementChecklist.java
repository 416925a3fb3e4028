package nl.weerthuis.kernel.client;

/** The arrangements that must be in place before a dwelling is requested (debts stabilised first: 002 L656). */
public record ArrangementChecklist(
        boolean budgetManagement,
        boolean debtHelp,
        boolean dayActivity,
        boolean support,
        boolean incomeFromMoveDate,
        boolean debtsStabilised) {
}
