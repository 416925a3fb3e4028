package nl.weerthuis.kernel.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the applications accept from outside, in one place: JSON without duplicate keys or coercion (a number is not
 * a text, a text is not a number, a date is {@code YYYY-MM-DD}), no unknown fields, texts without control
 * characters or lone surrogates and of bounded length, dates within a plausible window. {@link #problems} names
 * every field that breaks a rule at once, before anything is converted, so a caller fixes a body in one go.
 */
public final class StrictInput {

    /** Longest free text ({@link FreeText}) unless a field says less. */
    public static final int FREE_TEXT_MAX = 4000;
    /** Longest one-line text (a name, a region, an id) unless a field says less. */
    public static final int LINE_MAX = 200;

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final DateTimeFormatter STRICT_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);

    /** One field that is not acceptable, by its JSON path ({@code dwelling.neighbourhood}), and why. */
    public record Problem(String name, String reason) {
    }

    private final LocalDate earliest;
    private final Period planningHorizon;
    private final Clock clock;
    private final ZoneId zone;

    /**
     * @param earliest        no business date before it (a date of birth included)
     * @param planningHorizon how far ahead a {@link Planned} date may lie; other dates not after today
     */
    public StrictInput(LocalDate earliest, Period planningHorizon, Clock clock, ZoneId zone) {
        this.earliest = earliest;
        this.planningHorizon = planningHorizon;
        this.clock = clock;
        this.zone = zone;
    }

    /** A copy of {@code base} that refuses duplicate keys, unknown fields, coercion and loose dates. */
    public static ObjectMapper strictCopyOf(ObjectMapper base) {
        ObjectMapper strict = base.copy();
        strict.getFactory().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
        strict.enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY, DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS,
                DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        strict.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT, DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY,
                DeserializationFeature.UNWRAP_SINGLE_VALUE_ARRAYS, DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL);
        strict.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        strict.coercionConfigDefaults().setAcceptBlankAsEmpty(false)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        for (LogicalType type : LogicalType.values()) {
            var config = strict.coercionConfigFor(type);
            config.setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
            if (type != LogicalType.Textual) {
                config.setCoercion(CoercionInputShape.String, CoercionAction.Fail);
            }
        }
        for (CoercionInputShape scalar : List.of(CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.Boolean)) {
            strict.coercionConfigFor(LogicalType.Textual).setCoercion(scalar, CoercionAction.Fail);
            strict.coercionConfigFor(LogicalType.DateTime).setCoercion(scalar, CoercionAction.Fail);
            strict.coercionConfigFor(LogicalType.Enum).setCoercion(scalar, CoercionAction.Fail);
        }
        strict.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        strict.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        strict.registerModule(new SimpleModule("strict-dates").addDeserializer(LocalDate.class, new StrictDate()));
        return strict;
    }

    /** A body that breaks the rules, with every field that does. */
    public static final class Refused extends RuntimeException {
        private final transient List<Problem> problems;

        public Refused(List<Problem> problems) {
            super(problems.size() + " field(s) are invalid");
            this.problems = List.copyOf(problems);
        }

        public List<Problem> problems() {
            return problems;
        }
    }

    /**
     * Reads a JSON body as {@code type} under these rules, or refuses it naming every field at fault: those the
     * rules here refuse and, so a caller learns everything in one answer, those the rest of the body breaks under
     * the request's own validation ({@code validation}, e.g. Bean Validation's {@code @NotNull}).
     */
    public Object read(ObjectMapper strict, byte[] body, JavaType type, java.util.function.Function<Object, List<Problem>> validation) {
        JsonNode tree;
        try {
            tree = strict.readTree(body);
        } catch (IOException malformed) {
            boolean duplicate = String.valueOf(malformed.getMessage()).startsWith("Duplicate field");
            throw new Refused(List.of(new Problem("body", duplicate ? "holds a duplicate key" : "is not well-formed JSON")));
        }
        if (tree == null || tree.isMissingNode()) {
            throw new Refused(List.of(new Problem("body", "is empty")));
        }
        List<Problem> problems = problems(strict, tree, type);
        if (problems.isEmpty()) {
            try {
                return strict.readerFor(type).readValue(strict.treeAsTokens(tree));
            } catch (com.fasterxml.jackson.databind.JsonMappingException wrong) {
                String path = wrong.getPath().stream().map(ref -> ref.getFieldName() != null ? ref.getFieldName()
                        : "[" + ref.getIndex() + "]").reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("body");
                throw new Refused(List.of(new Problem(path, "does not have the expected type or format")));
            } catch (IOException | IllegalArgumentException unexpected) {
                throw new Refused(List.of(new Problem("body", "does not have the expected shape")));
            }
        }
        if (tree.isObject() && problems.stream().noneMatch(p -> p.name().equals("body"))) {
            com.fasterxml.jackson.databind.node.ObjectNode rest = tree.deepCopy();
            problems.forEach(problem -> remove(rest, problem.name()));
            try {
                Object partial = strict.readerFor(type).readValue(strict.treeAsTokens(rest));
                for (Problem other : validation.apply(partial)) {
                    if (problems.stream().noneMatch(p -> related(p.name(), other.name()))) {
                        problems.add(other);
                    }
                }
            } catch (IOException | RuntimeException ignored) {
                // the rest does not convert either; what is listed already is what the caller must fix first
            }
        }
        throw new Refused(problems);
    }

    private static void remove(com.fasterxml.jackson.databind.node.ObjectNode tree, String path) {
        String[] parts = path.replaceAll("\\[\\d+]", "").split("\\.");
        JsonNode node = tree;
        for (int i = 0; i < parts.length - 1 && node != null; i++) {
            node = node.get(parts[i]);
        }
        if (node instanceof com.fasterxml.jackson.databind.node.ObjectNode parent) {
            parent.remove(parts[parts.length - 1]);
        }
    }

    private static boolean related(String a, String b) {
        return a.equals(b) || a.startsWith(b + ".") || b.startsWith(a + ".") || a.startsWith(b + "[") || b.startsWith(a + "[");
    }

    /** Every field of {@code body} that breaks a rule, checked against the record {@code type} it is meant to be. */
    public List<Problem> problems(ObjectMapper strict, JsonNode body, JavaType type) {
        List<Problem> problems = new ArrayList<>();
        check(strict, body, type, "", null, problems);
        return problems;
    }

    /** What is wrong with one text; empty when it is acceptable. */
    public static List<String> textProblems(String text, boolean freeText, int maxLength) {
        List<String> problems = new ArrayList<>();
        if (text.length() > maxLength) {
            problems.add("must be at most " + maxLength + " characters");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                problems.add("must not contain a lone surrogate (invalid UTF-16)");
                break;
            } else if (c == 0) {
                problems.add("must not contain NUL");
                break;
            } else if (Character.getType(c) == Character.CONTROL && !(freeText && (c == '\t' || c == '\n' || c == '\r'))) {
                problems.add(freeText ? "must not contain control characters other than tab and line breaks"
                        : "must be one line without control characters");
                break;
            } else if (c == '\uFFFE' || c == '\uFFFF') {
                problems.add("must not contain Unicode non-characters");
                break;
            }
        }
        return problems;
    }

    private void check(ObjectMapper strict, JsonNode node, JavaType type, String path, RecordComponent component,
                       List<Problem> problems) {
        Class<?> raw = type.getRawClass();
        String name = path.isEmpty() ? "body" : path;
        if (node.isNull()) {
            if (raw.isPrimitive()) {
                problems.add(new Problem(name, "must not be null"));
            }
            return; // whether it may be absent is for the field's own validation (@NotNull) to say
        }
        if (raw.isRecord()) {
            checkRecord(strict, node, raw, path, problems);
        } else if (raw == String.class) {
            if (!node.isTextual()) {
                problems.add(new Problem(name, "must be a text"));
                return;
            }
            boolean freeText = component != null && component.isAnnotationPresent(FreeText.class);
            textProblems(node.textValue(), freeText, maxLength(component, freeText))
                    .forEach(reason -> problems.add(new Problem(name, reason)));
        } else if (raw == LocalDate.class) {
            dateProblem(node, component != null && component.isAnnotationPresent(Planned.class))
                    .ifPresent(reason -> problems.add(new Problem(name, reason)));
        } else if (raw.isEnum()) {
            // Jackson would trim "SHELTER\u0000" to SHELTER; a value is one of the names exactly, or nothing.
            boolean known = node.isTextual() && java.util.Arrays.stream(raw.getEnumConstants())
                    .anyMatch(constant -> ((Enum<?>) constant).name().equals(node.textValue()));
            if (!known) {
                problems.add(new Problem(name, "must be " + describe(raw)));
            }
        } else if (Collection.class.isAssignableFrom(raw) && node.isArray()) {
            int index = 0;
            for (JsonNode element : node) {
                check(strict, element, type.getContentType(), name + "[" + index++ + "]", component, problems);
            }
        } else {
            try {
                strict.readerFor(type).readValue(strict.treeAsTokens(node));
            } catch (IOException | IllegalArgumentException wrong) {
                problems.add(new Problem(name, "must be " + describe(raw)));
            }
        }
    }

    private void checkRecord(ObjectMapper strict, JsonNode node, Class<?> raw, String path, List<Problem> problems) {
        String prefix = path.isEmpty() ? "" : path + ".";
        if (!node.isObject()) {
            problems.add(new Problem(path.isEmpty() ? "body" : path, "must be a JSON object"));
            return;
        }
        RecordComponent[] components = raw.getRecordComponents();
        Set<String> known = new java.util.HashSet<>();
        for (RecordComponent component : components) {
            known.add(component.getName());
            JsonNode value = node.get(component.getName());
            boolean underAlias = false;
            // A field also goes by its aliases (old names kept readable, e.g. a policy's months).
            com.fasterxml.jackson.annotation.JsonAlias aliases =
                    onField(raw, component, com.fasterxml.jackson.annotation.JsonAlias.class);
            if (aliases != null) {
                for (String alias : aliases.value()) {
                    known.add(alias);
                    if (value == null) {
                        value = node.get(alias);
                        underAlias = value != null;
                    }
                }
            }
            // Under an old name a value keeps its old reading (its own deserializer: the conversion of the whole body
            // checks it); under its own name it is checked like any other, e.g. a period only as ISO 8601 text.
            if (underAlias && !value.isNull()
                    && onField(raw, component, com.fasterxml.jackson.databind.annotation.JsonDeserialize.class) != null) {
                continue;
            }
            if (value == null && component.getType().isPrimitive()) {
                // A missing number or flag is not zero or false: the caller says so.
                problems.add(new Problem(prefix + component.getName(), "is required"));
            } else if (value != null) {
                JavaType componentType = strict.getTypeFactory().constructType(component.getGenericType());
                check(strict, value, componentType, prefix + component.getName(), component, problems);
            }
        }
        for (Iterator<String> fields = node.fieldNames(); fields.hasNext(); ) {
            String field = fields.next();
            if (!known.contains(field)) {
                problems.add(new Problem(prefix + field, "is not a field of this request"));
            }
        }
    }

    private java.util.Optional<String> dateProblem(JsonNode node, boolean planned) {
        if (!node.isTextual() || !DATE.matcher(node.textValue()).matches()) {
            return java.util.Optional.of("must be a date as YYYY-MM-DD");
        }
        LocalDate date;
        try {
            date = LocalDate.parse(node.textValue(), STRICT_DATE);
        } catch (DateTimeParseException e) {
            return java.util.Optional.of("must be a date that exists, as YYYY-MM-DD");
        }
        return dateProblem(date, planned);
    }

    /** Jackson's annotations on a record component land on its field (they do not target record components). */
    private static <A extends java.lang.annotation.Annotation> A onField(Class<?> record, RecordComponent component,
                                                                         Class<A> type) {
        try {
            return record.getDeclaredField(component.getName()).getAnnotation(type);
        } catch (NoSuchFieldException e) {
            return null;
        }
    }

    /** A field's own {@code @Size(max)} (read by name: the kernel does not depend on Bean Validation), else the default. */
    private static int maxLength(RecordComponent component, boolean freeText) {
        if (component != null) {
            for (var annotation : component.getAnnotations()) {
                if (annotation.annotationType().getName().equals("jakarta.validation.constraints.Size")) {
                    try {
                        return (int) annotation.annotationType().getMethod("max").invoke(annotation);
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
        return freeText ? FREE_TEXT_MAX : LINE_MAX;
    }

    /** Whether a date (of a query parameter, say) lies in the plausible window; empty when it does. */
    public java.util.Optional<String> dateProblem(LocalDate date, boolean planned) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        if (date.isBefore(earliest)) {
            return java.util.Optional.of("must not be before " + earliest);
        }
        LocalDate latest = planned ? today.plus(planningHorizon) : today;
        if (date.isAfter(latest)) {
            return java.util.Optional.of(planned ? "must not be more than " + planningHorizon + " ahead"
                    : "must not be in the future");
        }
        return java.util.Optional.empty();
    }

    private static String describe(Class<?> raw) {
        if (raw.isEnum()) {
            return "one of " + java.util.Arrays.toString(raw.getEnumConstants());
        }
        if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class) {
            return "a whole number";
        }
        if (raw == double.class || raw == Double.class) {
            return "a number";
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return "true or false";
        }
        return "of type " + raw.getSimpleName();
    }

    /** {@code YYYY-MM-DD} as a JSON string, and nothing else: no day counts, no date-times, no signed years. */
    static final class StrictDate extends StdScalarDeserializer<LocalDate> {

        StrictDate() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() != JsonToken.VALUE_STRING || !DATE.matcher(parser.getText()).matches()) {
                return (LocalDate) context.handleUnexpectedToken(LocalDate.class, parser);
            }
            try {
                return LocalDate.parse(parser.getText(), STRICT_DATE);
            } catch (DateTimeParseException e) {
                return (LocalDate) context.handleWeirdStringValue(LocalDate.class, parser.getText(), "not a date");
            }
        }
    }

}
