package nl.weerthuis.web.openapi;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.Map;

/**
 * What an application's OpenAPI document says of itself ({@code weerthuis.openapi.*}): its title and description,
 * who answers for it, and a description per tag (a tag is a path's first segment under {@code /api/v1}).
 */
@ConfigurationProperties("weerthuis.openapi")
public record ApiDocumentSettings(@DefaultValue("Weer Thuis API") String title,
                                  @DefaultValue("") String description,
                                  @DefaultValue Contact contact,
                                  Map<String, String> tags) {

    public ApiDocumentSettings {
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }

    public record Contact(@DefaultValue("Weer Thuis API management") String name,
                          @DefaultValue("https://weerthuis.example.nl/api") String url,
                          @DefaultValue("api@weerthuis.example.nl") String email) {
    }
}
