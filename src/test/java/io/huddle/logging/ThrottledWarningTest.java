package io.huddle.logging;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ThrottledWarningTest {

    private final Logger log = Logger.getLogger(ThrottledWarningTest.class.getName() + ".subject");
    private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void capture() {
        log.setUseParentHandlers(false);
        log.addHandler(capture);
    }

    @AfterEach
    void release() {
        log.removeHandler(capture);
    }

    @Test
    void theFirstWarningIsLoggedAndRepeatsWithinTheIntervalAreNot() {
        ThrottledWarning warning = new ThrottledWarning(log, Duration.ofDays(1));
        for (int i = 0; i < 100; i++) {
            int n = i;
            warning.warn(() -> "Redis away " + n);
        }
        assertEquals(1, logged.size());
        assertEquals("Redis away 0", logged.get(0).getMessage());
        assertEquals(Level.WARNING, logged.get(0).getLevel());
    }

    @Test
    void aWarningIsLoggedAgainOnceTheIntervalHasPassed() {
        ThrottledWarning warning = new ThrottledWarning(log, Duration.ZERO);
        warning.warn(() -> "first");
        warning.warn(() -> "second");
        assertEquals(List.of("first", "second"), logged.stream().map(LogRecord::getMessage).toList());
    }
}
