package nl.weerthuis.web.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.tags.Tag;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.http.HttpStatus;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The last pass over the document before it is served: paths relative to the server ({@code /api/v1}), each
 * operation tagged with the resource it is under, every error answer as problem+json with the one problem schema,
 * the {@code API-Version} header on every answer, JSON where the code did not
 * name a media type, and no body for HEAD.
 */
public final class ServedDocument implements GlobalOpenApiCustomizer {

    private static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    private final ApiDocumentSettings settings;

    ServedDocument(ApiDocumentSettings settings) {
        this.settings = settings;
    }

    @Override
    public void customise(OpenAPI document) {
        Paths relative = new Paths();
        TreeSet<String> tags = new TreeSet<>();
        Map<String, PathItem> sorted = new TreeMap<>(document.getPaths() == null ? Map.of() : document.getPaths());
        sorted.forEach((path, item) -> {
            if (!path.startsWith(ApiDocumentation.BASE_PATH + "/")) {
                return; // not part of this API (the document itself, the dashboard's pages)
            }
            String under = path.substring(ApiDocumentation.BASE_PATH.length());
            String tag = under.split("/")[1];
            item.readOperationsMap().forEach((method, operation) -> {
                operation.setTags(new java.util.ArrayList<>(java.util.List.of(tag)));
                tags.add(tag);
                complete(operation, method == PathItem.HttpMethod.HEAD);
            });
            relative.addPathItem(under, item);
        });
        document.setPaths(relative);
        if (document.getComponents().getSchemas() != null) {
            document.getComponents().getSchemas().values().forEach(ServedDocument::anyValueForObject);
        }
        // Here, not on the base document: springdoc puts the models it found in the place of the base's schemas.
        document.getComponents().addSchemas(ProblemSchema.NAME, ProblemSchema.problem())
                .addSchemas(ProblemSchema.INVALID_PARAM, ProblemSchema.invalidParam());
        document.setTags(tags.stream().map(name -> new Tag().name(name).description(settings.tags().get(name))).toList());
    }

    private static void complete(Operation operation, boolean head) {
        if (operation.getResponses() == null) {
            return;
        }
        operation.getResponses().forEach((code, response) -> {
            int status = code.matches("\\d{3}") ? Integer.parseInt(code) : 0;
            if (response.getDescription() == null || response.getDescription().isBlank()
                    || response.getDescription().equals("default response")) {
                HttpStatus known = HttpStatus.resolve(status);
                response.setDescription(known != null ? known.getReasonPhrase() : "Answer");
            }
            if (status >= 400) {
                response.setContent(new Content().addMediaType(PROBLEM_JSON,
                        new MediaType().schema(new Schema<>().$ref(ProblemSchema.REF))));
            } else if (head || status == 204 || status == 304) {
                response.setContent(null);
            } else if (response.getContent() != null) {
                response.getContent().values().forEach(media -> anyValueForObject(media.getSchema()));
            }
            if (status < 400 && response.getContent() != null && response.getContent().containsKey("*/*")) {
                Content json = new Content();
                response.getContent().forEach((type, media) -> json.addMediaType(
                        type.equals("*/*") ? org.springframework.http.MediaType.APPLICATION_JSON_VALUE : type, media));
                response.setContent(json);
            }
            header(response, ApiDocumentation.API_VERSION);
        });
    }

    /**
     * springdoc documents a Java {@code Object} (the values of a {@code Map<String, Object>}) as a JSON object; such
     * a value may be any JSON value.
     */
    private static void anyValueForObject(Schema<?> schema) {
        if (schema == null) {
            return;
        }
        if (schema.getAdditionalProperties() instanceof Schema<?> values) {
            if (isBareObject(values)) {
                schema.setAdditionalProperties(true);
            } else {
                anyValueForObject(values);
            }
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(ServedDocument::anyValueForObject);
        }
        anyValueForObject(schema.getItems());
    }

    private static boolean isBareObject(Schema<?> schema) {
        return "object".equals(schema.getType()) && schema.get$ref() == null && schema.getProperties() == null
                && schema.getAdditionalProperties() == null;
    }

    /** Refers to one of the headers the document defines once ({@link ApiDocumentation}). */
    public static void header(ApiResponse response, String name) {
        if (response.getHeaders() == null) {
            response.setHeaders(new LinkedHashMap<>());
        }
        response.getHeaders().putIfAbsent(name, new Header().$ref("#/components/headers/" + name));
    }
}
