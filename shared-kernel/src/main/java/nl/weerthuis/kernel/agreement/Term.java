package nl.weerthuis.kernel.agreement;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;

import java.io.IOException;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;

/**
 * A term of a regional agreement as an ISO 8601 period: {@code P182D} (days), {@code P6W} (weeks, read as 42
 * days), {@code P3M} or {@code P18M} (calendar months: added as {@link LocalDate#plus}, the same day n months later,
 * or the month's last day). Agreements and events recorded before terms were periods held whole months (or, for the
 * waakvlam frequency, whole weeks) as a number; {@link Months} and {@link Weeks} read those numbers with the meaning
 * they had, so no event is ever rewritten.
 */
public final class Term {

    /** The longest term an agreement may set: nothing in the sources runs longer than a few years. */
    public static final Period LONGEST = Period.ofYears(10);

    private Term() {
    }

    /** What is wrong with a term; null when it is a positive period of at most ten years. */
    public static String problem(String name, Period term) {
        if (term == null) {
            return name + " is required (an ISO 8601 period such as P182D, P6W, P3M)";
        }
        if (term.isNegative() || term.isZero()) {
            return name + " must be a positive period";
        }
        if (longer(term, LONGEST)) {
            return name + " must not exceed " + LONGEST;
        }
        return null;
    }

    /**
     * Whether {@code a} runs longer than {@code b} from some start date. Calendar months differ in length, so
     * P1M and P30D compare differently per start: the comparison is made from every day of a four-year cycle.
     */
    public static boolean longer(Period a, Period b) {
        LocalDate start = LocalDate.of(2024, 1, 1);
        for (int day = 0; day < 1461; day++) {
            LocalDate from = start.plusDays(day);
            if (from.plus(a).isAfter(from.plus(b))) {
                return true;
            }
        }
        return false;
    }

    /** A term written as an ISO period, or, in events recorded before periods, as a number of whole months. */
    public static final class Months extends JsonDeserializer<Period> {
        @Override
        public Period deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            return read(parser, context, Period::ofMonths);
        }
    }

    /** A term written as an ISO period, or, in events recorded before periods, as a number of whole weeks. */
    public static final class Weeks extends JsonDeserializer<Period> {
        @Override
        public Period deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            return read(parser, context, Period::ofWeeks);
        }
    }

    private static Period read(JsonParser parser, DeserializationContext context,
                               java.util.function.IntFunction<Period> legacy) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_NUMBER_INT) {
            return legacy.apply(parser.getIntValue());
        }
        if (parser.currentToken() == JsonToken.VALUE_STRING) {
            try {
                return Period.parse(parser.getText());
            } catch (DateTimeParseException e) {
                return (Period) context.handleWeirdStringValue(Period.class, parser.getText(),
                        "not an ISO 8601 period such as P182D, P6W or P3M");
            }
        }
        return (Period) context.handleUnexpectedToken(Period.class, parser);
    }
}
