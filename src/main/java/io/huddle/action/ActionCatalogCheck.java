package io.huddle.action;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessManagedBean;

/**
 * Builds the {@link ActionCatalog} while the application deploys, so that two actions with the same name and
 * version fail the deployment with a clear message instead of the first request.
 */
public class ActionCatalogCheck implements Extension {

    private Bean<ActionCatalog> catalog;

    /**
     * Payara hands extensions a BeanManager that cannot resolve the WAR's own beans by type; the bean found here
     * can still be instantiated through it.
     */
    void findCatalog(@Observes ProcessManagedBean<ActionCatalog> event) {
        catalog = event.getBean();
    }

    void loadActions(@Observes AfterDeploymentValidation deployment, BeanManager beans) {
        if (catalog == null) {
            return;
        }
        try {
            ((ActionCatalog) beans.getReference(catalog, ActionCatalog.class, beans.createCreationalContext(catalog)))
                    .load();
        } catch (DuplicateActionException e) {
            deployment.addDeploymentProblem(e);
        }
    }
}
