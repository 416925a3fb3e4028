package nl.weerthuis.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Spring's error page ({@code /error}) renders the failure of another request; asked for directly it has none to
 * render and answered 500 {@code "status": 999}. A direct request for it is a path we do not serve: 404
 * problem+json. Registered for REQUEST dispatches only, so real error dispatches still reach the page.
 */
public class ErrorPageRequests extends OncePerRequestFilter {

    private final ProblemJson problems;

    public ErrorPageRequests(ProblemJson problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.equals("/error") || path.startsWith("/error/") || path.startsWith("/error;")) {
            problems.write(response, HttpStatus.NOT_FOUND, "No such resource");
            return;
        }
        chain.doFilter(request, response);
    }
}
