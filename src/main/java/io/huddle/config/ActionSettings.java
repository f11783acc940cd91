package io.huddle.config;

/**
 * Running actions ({@code huddle.general.*} as ActionHero names them).
 *
 * @param simultaneousActions actions one connection may have in flight at once
 * @param actionTimeoutMillis after this a running action is answered with a timeout error and interrupted
 * @param maxFileBytes        largest public file the websocket {@code file} event sends
 */
public record ActionSettings(int simultaneousActions, long actionTimeoutMillis, int maxFileBytes) {

    static ActionSettings read(SettingsReader settings) {
        return new ActionSettings(settings.intAtLeast("huddle.general.simultaneousActions", 1),
                settings.atLeast("huddle.general.actionTimeout", 1),
                settings.intAtLeast("huddle.general.maxFileBytes", 0));
    }
}
