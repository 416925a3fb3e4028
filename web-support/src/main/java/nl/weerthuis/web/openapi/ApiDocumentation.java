package nl.weerthuis.web.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import nl.weerthuis.web.ApiVersionHeader;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document both applications serve at {@code /api/v1/openapi.json}, in the shape the NL API Design Rules
 * ask: who answers for it, its semantic version (the one {@link ApiVersionHeader} sends), the server with the major
 * version in its path, the bearer scheme, and one definition of the problem+json body and of the headers that every
 * operation refers to. What each operation answers is derived from the code ({@link DocumentedResponses},
 * {@link ServedDocument}, {@link StrictInputSchemas}), not written per endpoint.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ApiDocumentSettings.class)
public class ApiDocumentation {

    /** Paths in the document are relative to this server; it is relative itself, so it holds behind any host. */
    public static final String BASE_PATH = "/api/v1";
    public static final String BEARER = "bearer";
    public static final String API_VERSION = "API-Version";
    public static final String ETAG = "ETag";
    public static final String LOCATION = "Location";

    @Bean
    OpenAPI weerThuisOpenApi(ApiDocumentSettings settings) {
        return new OpenAPI()
                .info(new Info().title(settings.title()).description(settings.description())
                        .version(ApiVersionHeader.VERSION)
                        .contact(new Contact().name(settings.contact().name()).url(settings.contact().url())
                                .email(settings.contact().email())))
                .addServersItem(new Server().url(BASE_PATH).description("This installation, major version 1"))
                .addSecurityItem(new SecurityRequirement().addList(BEARER))
                .components(new Components()
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .bearerFormat("JWT").description("An access token of the OIDC issuer, with the claims "
                                        + "org (OIN or KvK number), org_type and roles"))
                        .addHeaders(API_VERSION, new Header().description("The full version of the API that answered")
                                .required(true).schema(new StringSchema().example(ApiVersionHeader.VERSION)))
                        .addHeaders(ETAG, new Header().description("The version of the resource this request read or "
                                + "brought it to, for a later If-Match").schema(new StringSchema().pattern("^\"\\d+\"$")
                                .example("\"3\"")))
                        .addHeaders(LOCATION, new Header().description("Where the created resource is")
                                .schema(new StringSchema().format("uri-reference"))));
    }

    @Bean
    DocumentedResponses documentedResponses() {
        return new DocumentedResponses();
    }

    @Bean
    ServedDocument servedDocument(ApiDocumentSettings settings) {
        return new ServedDocument(settings);
    }

    @Bean
    StrictInputSchemas strictInputSchemas() {
        return new StrictInputSchemas();
    }
}
