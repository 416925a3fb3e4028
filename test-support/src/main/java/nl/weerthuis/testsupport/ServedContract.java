package nl.weerthuis.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi30;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The contract an application publishes, held against what it really answers: the OpenAPI document it serves at
 * {@code /api/v1/openapi.json} must document the operation, the status, its media type and headers, and the body
 * must validate against the schema documented for it (OpenAPI 3.0 schemas, {@code $ref}s into the document).
 */
public final class ServedContract {

    /** Where CI's ADR lint ({@code .ci/spectral/lint}) reads each application's served document. */
    public static Path documentFile(String application) {
        return Path.of("target", "openapi", application + ".json");
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4,
            builder -> builder.metaSchema(OpenApi30.getInstance()).defaultMetaSchemaIri(OpenApi30.getInstance().getIri()));

    private final JsonNode document;
    private final String basePath;

    private ServedContract(JsonNode document) {
        this.document = document;
        this.basePath = document.path("servers").path(0).path("url").asText("");
    }

    /** The contract as served; also written to {@link #documentFile} for the lint. */
    public static ServedContract served(String application, String documentJson) {
        try {
            Path file = documentFile(application);
            Files.createDirectories(file.getParent());
            Files.writeString(file, documentJson);
            return new ServedContract(JSON.readTree(documentJson));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public JsonNode document() {
        return document;
    }

    /** Fails, naming every way the answer departs from the document. */
    public void check(String method, String requestPath, int status, Map<String, List<String>> headers, String body) {
        List<String> problems = problems(method, requestPath, status, headers, body);
        if (!problems.isEmpty()) {
            throw new AssertionError(method + " " + requestPath + " answered " + status + " outside its contract:\n  "
                    + String.join("\n  ", problems) + "\nbody: " + body);
        }
    }

    /** Every way an answer departs from the document; empty when it conforms. */
    public List<String> problems(String method, String requestPath, int status, Map<String, List<String>> headers,
                                 String body) {
        List<String> problems = new ArrayList<>();
        String path = requestPath.replaceFirst("\\?.*$", "");
        if (!path.startsWith(basePath + "/")) {
            return List.of("the path is not under the server " + basePath);
        }
        Optional<String> template = template(path.substring(basePath.length()));
        if (template.isEmpty()) {
            return List.of("no path of the document matches " + path);
        }
        JsonNode operation = document.path("paths").path(template.get()).path(method.toLowerCase(Locale.ROOT));
        if (operation.isMissingNode()) {
            return List.of(method + " " + template.get() + " is not documented");
        }
        JsonNode response = resolve(operation.path("responses").path(String.valueOf(status)));
        if (response.isMissingNode()) {
            return List.of("status " + status + " is not documented for " + method + " " + template.get()
                    + " (documented: " + iterable(operation.path("responses").fieldNames()) + ")");
        }
        response.path("headers").fields().forEachRemaining(header -> {
            JsonNode definition = resolve(header.getValue());
            Optional<String> value = header(headers, header.getKey());
            if (value.isEmpty()) {
                problems.add("documented header " + header.getKey() + " is missing");
            } else if (definition.has("schema")) {
                validate(definition.path("schema"), TextNode.valueOf(value.get()), "header " + header.getKey(), problems);
            }
        });
        String contentType = header(headers, "Content-Type").map(type -> type.replaceFirst(";.*$", "").trim()).orElse("");
        JsonNode content = response.path("content");
        boolean empty = body == null || body.isEmpty();
        if (content.isMissingNode() || content.isEmpty()) {
            if (!empty) {
                problems.add("documented without a body, but has one (" + contentType + ")");
            }
            return problems;
        }
        JsonNode media = content.path(contentType);
        if (media.isMissingNode()) {
            problems.add("media type " + contentType + " is not documented (documented: " + iterable(content.fieldNames()) + ")");
            return problems;
        }
        if (contentType.equals("application/json") || contentType.endsWith("+json")) {
            JsonNode parsed;
            try {
                parsed = JSON.readTree(empty ? "null" : body);
            } catch (IOException e) {
                problems.add("the body is not JSON");
                return problems;
            }
            if (media.has("schema")) {
                validate(media.path("schema"), parsed, "body", problems);
            }
            if (contentType.equals("application/problem+json") && parsed.path("status").asInt() != status) {
                problems.add("the problem's status " + parsed.path("status") + " is not the answer's " + status);
            }
        }
        return problems;
    }

    private void validate(JsonNode schema, JsonNode value, String what, List<String> problems) {
        ObjectNode root = schema.deepCopy();
        root.set("components", document.path("components")); // so its $refs resolve in this document
        JsonSchema compiled = SCHEMAS.getSchema(root, SchemaValidatorsConfig.builder().build());
        for (ValidationMessage message : compiled.validate(value)) {
            problems.add(what + ": " + message.getMessage());
        }
    }

    /** The document's path that matches: a literal one before one with variables. */
    private Optional<String> template(String path) {
        String best = null;
        int fewest = Integer.MAX_VALUE;
        for (Iterator<String> paths = document.path("paths").fieldNames(); paths.hasNext(); ) {
            String candidate = paths.next();
            String pattern = java.util.regex.Pattern.quote(candidate).replaceAll("\\{[^}/]+}", "\\\\E[^/]+\\\\Q");
            int variables = candidate.split("\\{", -1).length - 1;
            if (path.matches(pattern) && variables < fewest) {
                best = candidate;
                fewest = variables;
            }
        }
        return Optional.ofNullable(best);
    }

    private JsonNode resolve(JsonNode node) {
        if (node.has("$ref")) {
            return document.at(node.path("$ref").asText().substring(1));
        }
        return node;
    }

    private static Optional<String> header(Map<String, List<String>> headers, String name) {
        return headers.entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(name))
                .flatMap(entry -> entry.getValue().stream()).findFirst();
    }

    private static List<String> iterable(Iterator<String> names) {
        List<String> all = new ArrayList<>();
        names.forEachRemaining(all::add);
        return all;
    }
}
