/**
 * Internal.
 * <p>
 * Actions over HTTP (spec §8.1, §3.6): {@code /api/<action>} and {@code /api?action=<action>}, params from the query
 * string, a form body or a JSON body, answered with the action's response plus {@code serverInformation} and
 * {@code requesterInformation}, through the same pipeline and middleware as the websocket.
 */
package io.huddle.action.http;
