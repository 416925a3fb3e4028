package nl.weerthuis.web;

import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * The characters Spring Security's firewall allows in header names and values, judged by a loop instead of its
 * regular expressions ({@code [\p{IsAssigned}&&[^\p{IsControl}]]*}, values also a tab). The firewall judges a header
 * again on every read, and a bearer token is hundreds of characters: the expressions cost more of a registration's
 * CPU than the command itself. Same rule, same answers ({@code HeaderCharactersTest} holds it to Spring's own).
 */
final class HeaderCharacters {

    private HeaderCharacters() {
    }

    /** Spring's strict firewall, judging headers with these loops. */
    static HttpFirewall firewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(HeaderCharacters::name);
        firewall.setAllowedHeaderValues(HeaderCharacters::value);
        return firewall;
    }

    static boolean name(String name) {
        return allowed(name, false);
    }

    static boolean value(String value) {
        return allowed(value, true);
    }

    private static boolean allowed(String text, boolean tab) {
        for (int i = 0; i < text.length(); ) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x7f) {
                i++;
                continue;
            }
            // By code point, as the expressions match: a lone surrogate is assigned (category Cs) and allowed.
            int point = text.codePointAt(i);
            int type = Character.getType(point);
            if (type == Character.UNASSIGNED || type == Character.CONTROL && !(tab && point == '\t')) {
                return false;
            }
            i += Character.charCount(point);
        }
        return true;
    }
}
