package io.huddle.websocket;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Arrays;
import java.util.Map;

/**
 * Serves the rendered browser client files by name (GET and HEAD), with an ETag so browsers revalidate cheaply.
 * Registered by {@link ClientLibraryPublisher} on exact paths, one per served file.
 */
class ClientFileServlet extends HttpServlet {

    private final Map<String, ClientFile> files;

    ClientFileServlet(Map<String, ClientFile> files) {
        this.files = Map.copyOf(files);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getServletPath();
        ClientFile file = files.get(path.substring(path.lastIndexOf('/') + 1));
        if (file == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setHeader("ETag", file.etag());
        // the URL has no version in it and a redeploy may bake other settings in: always revalidate (a 304 is cheap)
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("X-Content-Type-Options", "nosniff");
        if (matches(request.getHeader("If-None-Match"), file.etag())) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setContentType(file.contentType());
        response.setContentLength(file.content().length);
        response.getOutputStream().write(file.content());
    }

    /** {@code If-None-Match}: {@code *} or a list of tags, weak ones ({@code W/"…"}) compared by value. */
    private static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        return Arrays.stream(ifNoneMatch.split(","))
                .map(String::trim)
                .map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag)
                .anyMatch(tag -> tag.equals("*") || tag.equals(etag));
    }
}
