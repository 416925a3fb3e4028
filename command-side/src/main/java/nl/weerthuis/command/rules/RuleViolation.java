package nl.weerthuis.command.rules;

/**
 * A command broke a rule of the journey. The rule's name travels to the caller (422 problem+json), so they learn
 * which rule, not just that something failed. Nothing is appended.
 */
public class RuleViolation extends RuntimeException {

    private final String rule;

    public RuleViolation(String rule, String message) {
        super(message);
        this.rule = rule;
    }

    public String rule() {
        return rule;
    }

    /** Throws when {@code condition} does not hold. */
    public static void require(boolean condition, String rule, String message) {
        if (!condition) {
            throw new RuleViolation(rule, message);
        }
    }

    public static void requireText(String text, String rule, String message) {
        require(text != null && !text.isBlank(), rule, message);
    }
}
