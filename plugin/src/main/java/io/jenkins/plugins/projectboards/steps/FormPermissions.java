package io.jenkins.plugins.projectboards.steps;

import hudson.model.Item;
import jenkins.model.Jenkins;

/** The permission a step's form endpoints require: configuring the job, or administering Jenkins outside a job. */
public final class FormPermissions {
    private FormPermissions() {}

    public static void checkConfigure(Item item) {
        if (item == null) {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        } else {
            item.checkPermission(Item.CONFIGURE);
        }
    }
}
