package io.huddle.action;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.Extension;

/**
 * Builds the {@link ActionCatalog} while the application deploys, so that two actions with the same name and
 * version fail the deployment with a clear message instead of the first request.
 */
public class ActionCatalogCheck implements Extension {

    void loadActions(@Observes AfterDeploymentValidation deployment, BeanManager beans) {
        try {
            beans.createInstance().select(ActionCatalog.class).get().load();
        } catch (DuplicateActionException e) {
            deployment.addDeploymentProblem(e);
        }
    }
}
