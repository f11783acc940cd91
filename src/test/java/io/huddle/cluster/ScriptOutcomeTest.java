package io.huddle.cluster;

import org.junit.jupiter.api.Test;
import org.redisson.client.RedisConnectionException;
import org.redisson.client.RedisException;
import org.redisson.client.RedisLoadingException;
import org.redisson.client.RedisResponseTimeoutException;
import org.redisson.client.RedisTimeoutException;

import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A kept message is delivered here alone only when its script certainly did not run: never twice. */
class ScriptOutcomeTest {

    @Test
    void aCallRedissonCouldNotWriteOrRedisRefusedDidNotRun() {
        assertTrue(ScriptOutcome.certainlyNotRun(new RedisConnectionException("Unable to connect")));
        assertTrue(ScriptOutcome.certainlyNotRun(new CompletionException(
                new RedisTimeoutException("Command still hasn't been written into connection!"))));
        assertTrue(ScriptOutcome.certainlyNotRun(new RedisLoadingException("LOADING Redis is loading")));
        // as Redisson reports a Redis that is down (seen in ClusterIT)
        assertTrue(ScriptOutcome.certainlyNotRun(new RedisException("Unexpected exception while processing command",
                new java.net.ConnectException("Connection refused"))));
        assertTrue(ScriptOutcome.certainlyNotRun(new RedisException("Unexpected exception while processing command",
                new java.nio.channels.ClosedChannelException())));
    }

    @Test
    void aCallWrittenButNotAnsweredMayHaveRun() {
        assertFalse(ScriptOutcome.certainlyNotRun(new RedisResponseTimeoutException("response timeout")));
        assertFalse(ScriptOutcome.certainlyNotRun(new CompletionException(
                new RedisResponseTimeoutException("response timeout"))));
        assertFalse(ScriptOutcome.certainlyNotRun(new TimeoutException()));
        assertFalse(ScriptOutcome.certainlyNotRun(new RedisException("ERR something in the script")));
        assertFalse(ScriptOutcome.certainlyNotRun(new RedisException("Unexpected exception while processing command",
                new java.io.IOException("Connection reset by peer"))));
    }
}
