package io.huddle.action;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which requested paths may be served from the public files. */
class PublicPathTest {

    @Test
    void relativePathsInsideTheWebRootResolve() {
        assertEquals(Optional.of("/index.html"), PublicPath.resolve("index.html"));
        assertEquals(Optional.of("/demo/app.js"), PublicPath.resolve("demo/app.js"));
        assertEquals(Optional.of("/a..b.txt"), PublicPath.resolve("a..b.txt"));
    }

    @Test
    void traversalAbsolutePathsAndPrivateFoldersAreRefused() {
        for (String path : List.of("", "/index.html", "../x", "a/../../x", "a/./b", "./a", "a//b", "a/", "..",
                "WEB-INF/web.xml", "web-inf/web.xml", "META-INF/MANIFEST.MF", "Meta-Inf/x", "a\\..\\b",
                "C:/x", "file:/etc/passwd", "a\0b")) {
            assertEquals(Optional.empty(), PublicPath.resolve(path), path);
        }
    }
}
