package io.huddle.limits;

import io.huddle.action.builtin.StatusContributor;
import io.huddle.action.builtin.StatusReport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Adds the refusals each limit made to {@code status}, so an operator sees a limit biting before users report it. */
@ApplicationScoped
public class RefusalStatus implements StatusContributor {

    @Inject
    Refusals refusals;

    @Override
    public void contribute(StatusReport report) {
        report.put("refusals", refusals.counts());
    }
}
