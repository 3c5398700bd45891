/**
 * Helpers the plugin's packages share (the console of a step, links on it, the permission of a step's form, the
 * connection dropdown). Every class here is {@code @Restricted(NoExternalUse.class)}: not an API for other plugins.
 * This package depends on {@code connection} and the plugin's root package only, so {@code tracking}, {@code steps},
 * {@code freestyle} and {@code webhook} can all use it without depending on each other.
 */
package io.jenkins.plugins.projectboards.internal;
