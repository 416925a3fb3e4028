package nl.weerthuis.identity;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.HtmlUtils;

/**
 * The login form, in Dutch like the pages it leads to, written to WCAG 2.1 AA: a language, a title, one heading,
 * labelled fields with autocomplete, the error announced and tied to the fields, and a visible focus (login.css).
 */
@Controller
class LoginPage {

    @GetMapping(value = "/login", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String login(HttpServletRequest request) {
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        boolean failed = request.getParameter("error") != null;
        boolean loggedOut = request.getParameter("logout") != null;
        String message = failed
                ? "<p id=\"login-error\" class=\"error\" role=\"alert\">Gebruikersnaam of wachtwoord onjuist.</p>"
                : loggedOut ? "<p class=\"notice\" role=\"status\">U bent uitgelogd.</p>" : "";
        String invalid = failed ? " aria-invalid=\"true\" aria-describedby=\"login-error\"" : "";
        return """
                <!DOCTYPE html>
                <html lang="nl">
                <head>
                  <meta charset="utf-8">
                  <meta name="viewport" content="width=device-width, initial-scale=1">
                  <title>Inloggen — Weer Thuis</title>
                  <link rel="stylesheet" href="/login.css">
                </head>
                <body>
                <main>
                  <h1>Inloggen bij Weer Thuis</h1>
                  <p>Log in met het account van uw organisatie.</p>
                  %s
                  <form method="post" action="/login">
                    <label for="username">Gebruikersnaam</label>
                    <input id="username" name="username" type="text" autocomplete="username" required autofocus%s>
                    <label for="password">Wachtwoord</label>
                    <input id="password" name="password" type="password" autocomplete="current-password" required%s>
                    <input type="hidden" name="%s" value="%s">
                    <button type="submit">Inloggen</button>
                  </form>
                </main>
                </body>
                </html>
                """.formatted(message, invalid, invalid, HtmlUtils.htmlEscape(csrf.getParameterName()),
                HtmlUtils.htmlEscape(csrf.getToken()));
    }
}
