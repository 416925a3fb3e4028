package nl.weerthuis.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The organisation that operates Weer Thuis ({@code weerthuis.operator.organisation}, its OIN). Only its ADMINs run
 * the system: projections, rebuilds, dead letters, exact monitor figures, the integrity check. An ADMIN of any other
 * organisation is that organisation's privileged officer (a municipality's erases its clients' data) and no operator.
 */
@ConfigurationProperties("weerthuis.operator")
public record OperatorSettings(@DefaultValue("00000001001234567000") String organisation) {
}
