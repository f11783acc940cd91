package io.huddle.action;

/** An action found at deployment: its definition, the bean to call (a CDI reference) and the class it came from. */
record RegisteredAction(ActionDefinition definition, Action bean, Class<?> beanClass) {
}
