/**
 * Abuse protection: the rates and totals one client may use ({@code huddle.limits.*}), and the record of every
 * refusal — counted for {@code status} and logged at most once per client and limit a minute, never per frame.
 */
package io.huddle.limits;
