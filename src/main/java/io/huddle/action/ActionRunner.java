package io.huddle.action;

import io.huddle.concurrency.Completions;
import io.huddle.config.ActionSettings;
import io.huddle.connection.Connection;
import io.huddle.connection.ErrorMessages;
import io.huddle.connection.Refusal;
import io.huddle.limits.Limit;
import io.huddle.limits.RateLimited;
import io.huddle.limits.Refusals;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one entry to actions for every transport (spec §9 order): count the call, refuse it over the client's
 * {@code actions} rate or past the per-connection limit of running actions, find the action and version, then run middleware, inputs and the action on a worker thread with a time
 * limit. Always completes normally, with the response or the error the client should see.
 */
@ApplicationScoped
public class ActionRunner {

    private static final Logger LOG = Logger.getLogger(ActionRunner.class.getName());

    static final int UNKNOWN_ACTION_STATUS = 404;
    static final int TOO_MANY_PENDING_STATUS = 429;
    static final int INTERNAL_ERROR_STATUS = 500;
    static final int SERVER_BUSY_STATUS = 503;
    static final int TIMED_OUT_STATUS = 504;

    @Inject
    ActionCatalog catalog;

    @Inject
    ActionProcessor processor;

    @Inject
    ActionExecutor executor;

    @Inject
    ActionSettings settings;

    @Inject
    Refusals refusals;

    /** Runs the action named by {@code params.action} (version {@code params.apiVersion}, default the highest). */
    public CompletionStage<ActionOutcome> run(Connection connection, Map<String, Object> params) {
        // counted before the check, as ActionHero does: the (limit + 1)th concurrent call is the one refused
        if (connection.actionStarted() > settings.simultaneousActions()) {
            connection.actionFinished();
            return CompletableFuture.completedFuture(tooManyPending(connection));
        }
        try {
            connection.limits().take(Limit.ACTIONS);
        } catch (RateLimited e) {
            connection.actionFinished();
            return CompletableFuture.completedFuture(rateLimited(Map.of(), e));
        }
        Optional<RegisteredAction> action = find(params.get("action"), params.get("apiVersion"));
        if (action.isEmpty()) {
            connection.actionFinished();
            return failedAtOnce(ErrorMessages.UNKNOWN_ACTION, UNKNOWN_ACTION_STATUS);
        }
        ActionContext context = new ActionContext(connection, action.get(), params);
        long timeout = settings.actionTimeoutMillis();
        return executor.run(() -> process(context), timeout, connection::actionFinished)
                .handle((response, failure) -> failure == null
                        ? ActionOutcome.succeeded(response)
                        : failed(context, failure, timeout));
    }

    private Map<String, Object> process(ActionContext context) throws Exception {
        processor.process(context);
        return context.response();
    }

    private Optional<RegisteredAction> find(Object name, Object apiVersion) {
        if (!(name instanceof String actionName)) {
            return Optional.empty();
        }
        if (apiVersion == null) {
            return catalog.find(actionName, null);
        }
        Integer version = versionOf(apiVersion);
        return version == null ? Optional.empty() : catalog.find(actionName, version);
    }

    /** A whole number, as a JSON number or as text (HTTP); anything else matches no version. */
    private static Integer versionOf(Object apiVersion) {
        try {
            if (apiVersion instanceof Long number) {
                return Math.toIntExact(number);
            }
            if (apiVersion instanceof BigDecimal decimal) {
                return decimal.intValueExact();
            }
            if (apiVersion instanceof String text) {
                return Integer.valueOf(text.trim());
            }
        } catch (ArithmeticException | NumberFormatException e) {
            return null;
        }
        return null;
    }

    private ActionOutcome failed(ActionContext context, Throwable failure, long timeout) {
        if (failure instanceof TimeoutException) {
            // the worker may still be writing the response: leave it out
            return ActionOutcome.failed(Map.of(), ErrorMessages.actionTimedOut(timeout), TIMED_OUT_STATUS);
        }
        Throwable cause = Completions.causeOf(failure);
        // fields the action set before it failed stay in the reply, as in ActionHero
        Map<String, Object> response = context.response();
        if (cause instanceof RateLimited limited) {
            return rateLimited(response, limited);
        }
        if (cause instanceof Refusal error) {
            return ActionOutcome.failed(response, error.getMessage(), error.status());
        }
        if (cause instanceof RejectedExecutionException) {
            LOG.warning(() -> "action " + context.action().name() + " refused: the action executor is saturated");
            return ActionOutcome.failed(response, ErrorMessages.SERVER_BUSY, SERVER_BUSY_STATUS);
        }
        LOG.log(Level.WARNING, "action " + context.action().name() + " failed on " + context.connection(), cause);
        return ActionOutcome.failed(response, ErrorMessages.INTERNAL_ERROR, INTERNAL_ERROR_STATUS);
    }

    /**
     * The answer to one request more than {@code simultaneousActions} (actions, and the websocket's {@code file} and
     * {@code documentation}, which count against the same limit).
     */
    public ActionOutcome tooManyPending(Connection connection) {
        refusals.refused("simultaneousActions", connection.id(),
                () -> "more than " + settings.simultaneousActions() + " requests running at once");
        return ActionOutcome.failed(Map.of(), ErrorMessages.TOO_MANY_PENDING, TOO_MANY_PENDING_STATUS);
    }

    private static ActionOutcome rateLimited(Map<String, Object> response, RateLimited limited) {
        return new ActionOutcome(response, limited.getMessage(), limited.status(), limited.retryAfterMillis());
    }

    private static CompletionStage<ActionOutcome> failedAtOnce(String error, int status) {
        return CompletableFuture.completedFuture(ActionOutcome.failed(Map.of(), error, status));
    }
}
