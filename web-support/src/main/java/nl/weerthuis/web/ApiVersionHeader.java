package nl.weerthuis.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/** NL API Design Rules: every response names the full API version. */
public class ApiVersionHeader extends OncePerRequestFilter {

    public static final String VERSION = "1.0.0";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("API-Version", VERSION);
        chain.doFilter(request, response);
    }
}
