package io.jenkins.plugins.projectboards.client.failure;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

/** The failure card's texts: exact wording, no control characters from job names, http(s) links only. */
public class FailureCardTextTest {
    private static final JobBuild BUILD = new JobBuild("team/app", "team » app #5", 5, "https://ci.example/job/team/job/app/5/",
            "FAILURE", "SUCCESS", 4);

    @Test
    public void texts() {
        assertEquals("Jenkins job team/app is broken", FailureCardText.title(BUILD));
        assertEquals("""
                Jenkins build team » app #5 ended FAILURE.
                https://ci.example/job/team/job/app/5/

                Jenkins comments each further broken build here, and comments and moves this card when the job is fixed.""",
                FailureCardText.description(BUILD));
        assertEquals("Opened for Jenkins build team » app #5: FAILURE\nhttps://ci.example/job/team/job/app/5/", FailureCardText.opened(BUILD));
        assertEquals("Still failing in Jenkins build team » app #5: FAILURE\nhttps://ci.example/job/team/job/app/5/",
                FailureCardText.stillFailing(BUILD));
        assertEquals("Fixed in Jenkins build team » app #5: FAILURE\nhttps://ci.example/job/team/job/app/5/", FailureCardText.fixed(BUILD));
    }

    @Test
    public void controlCharactersAreRemovedAndOnlyWebLinksKept() {
        JobBuild hostile = new JobBuild("team/a\npp\u202E", "a\u001B[31mpp #5\r\n", 5, "javascript:alert(1)", "SUCCESS", "FAILURE", 4);
        assertEquals("Jenkins job team/app is broken", FailureCardText.title(hostile));
        assertEquals("Fixed in Jenkins build a[31mpp #5: SUCCESS", FailureCardText.fixed(hostile));
    }

    @Test
    public void noUrlNoLink() {
        JobBuild noUrl = new JobBuild("app", "app #2", 2, null, "FAILURE", "FAILURE", 0);
        assertEquals("Still failing in Jenkins build app #2: FAILURE", FailureCardText.stillFailing(noUrl));
    }
}
