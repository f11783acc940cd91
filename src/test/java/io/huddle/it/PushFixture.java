package io.huddle.it;

import io.huddle.connection.Connections;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Map;

/**
 * Test fixture deployed inside the WAR: application code that pushes to a connection by id, as a real app would
 * from a background job. {@code POST /test/push} with a UTF-8 form body {@code to, text, count, context}.
 */
@WebServlet("/test/push")
public class PushFixture extends HttpServlet {

    @Inject
    Connections connections;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        request.setCharacterEncoding("UTF-8");
        String to = request.getParameter("to");
        int count = Integer.parseInt(request.getParameter("count") == null ? "1" : request.getParameter("count"));
        String context = request.getParameter("context");
        String text = request.getParameter("text");
        int delivered = 0;
        for (int i = 0; i < count; i++) {
            Map<String, Object> message = context == null
                    ? Map.of("text", text, "n", i)
                    : Map.of("text", text, "n", i, "context", context);
            if (connections.sendMessage(to, message)) {
                delivered++;
            }
        }
        response.setContentType("text/plain");
        response.getWriter().write(Integer.toString(delivered));
    }
}
