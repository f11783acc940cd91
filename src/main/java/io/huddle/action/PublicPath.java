package io.huddle.action;

import java.util.Locale;
import java.util.Optional;

/**
 * A path a client asked for, checked to stay inside the WAR's public files: relative, no {@code .} or {@code ..}
 * segments, no backslashes or NUL, nothing under {@code WEB-INF} or {@code META-INF}, not a directory name.
 */
final class PublicPath {

    private PublicPath() {
    }

    /** The resource path ({@code /index.html}) for {@code requested}, or empty if it is not a public file path. */
    static Optional<String> resolve(String requested) {
        if (requested == null || requested.isEmpty() || requested.startsWith("/") || requested.endsWith("/")
                || requested.indexOf('\\') >= 0 || requested.indexOf('\0') >= 0 || requested.contains(":")) {
            return Optional.empty();
        }
        String[] segments = requested.split("/", -1);
        for (String segment : segments) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return Optional.empty();
            }
        }
        String first = segments[0].toUpperCase(Locale.ROOT);
        if (first.equals("WEB-INF") || first.equals("META-INF")) {
            return Optional.empty();
        }
        return Optional.of("/" + requested);
    }
}
