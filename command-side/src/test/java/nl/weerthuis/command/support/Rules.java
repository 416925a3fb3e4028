package nl.weerthuis.command.support;

import nl.weerthuis.command.rules.RuleViolation;
import org.axonframework.test.matchers.Matchers;
import org.hamcrest.Matcher;

/** Matches the exception of a broken rule by the rule's name, so a test fails if another rule fired. */
public final class Rules {

    private Rules() {
    }

    public static Matcher<Object> violated(String rule) {
        return Matchers.predicate(e -> e instanceof RuleViolation v && v.rule().equals(rule));
    }
}
